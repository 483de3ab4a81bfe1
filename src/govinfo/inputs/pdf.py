"""PDF input: every page read by its geometry, tables as grids, page furniture removed.

Pages are read with PDFium (pypdfium2): each character with its box, and the
page's paths, whose thin strokes and rectangles are the ruling lines of its
tables. A ruled table becomes a `Grid` of the
cells its lines draw (`ruled`); the other characters make lines of
segments, and runs of lines whose segments stand in columns are borderless
tables (`columns`); what is left is prose, a line a block.
"""

from __future__ import annotations

import base64
import binascii
import collections
import ctypes
import io
import itertools
import logging
import math
import re
import statistics
import unicodedata
import zlib
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from govinfo._diagnostics import ASLANT_TEXT, NO_TEXT_LAYER, READ_BY_OCR
from govinfo._errors import InputError, MissingExtraError
from govinfo._version import DISTRIBUTION
from govinfo.inputs.columns import (
    Line,
    Segment,
    Table,
    figures_ended,
    is_figure,
    join_texts,
    place,
    tables_in,
)
from govinfo.inputs.document import Block, Budget, Document, Grid, GridCell, Note, Prose
from govinfo.inputs.ruled import THIN, Box, RuledGrid, grids

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    #: A map from a PDF space (user space, a form's, a path's) to the page as shown.
    ToPage = Callable[[float, float], tuple[float, float]]

# A line that is only a page number: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 10 页",
# "共10页 第3页", "3/10", "Page 3 of 10" (read after NFKC, so full-width forms match too).
_PAGE_NUMBER = re.compile(
    r"(?:[-—–―─~]\s*)?\d{1,4}(?:\s*[-—–―─~])?"
    r"|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,/]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?",
    re.IGNORECASE,
)
# A running header or footer has words; a line of bare figures is table data however often
# it recurs.
_WORD = re.compile(r"[^\W\d_]")
# What PDF writers and converters put in the Title: "Microsoft Word - 年报.docx", "untitled".
_OFFICE_FILE = re.compile(
    r"^Microsoft (?:Word|Excel|PowerPoint) - |\.(?:docx?|wps|xlsx?|pdf|html?)$", re.IGNORECASE
)
_NO_TITLE = {"", "untitled", "无标题", "unknown"}
# At most this many running header (or footer) lines are taken off each page.
_MAX_RUNNING = 2
_DEFAULT_BUDGET = Budget()
# Characters further apart than this (in line heights) are in separate segments (cells);
# further apart than _SPACE, words with a space between them.
_SEGMENT_GAP = 0.8
_SPACE = 0.15
# Pages rendered for OCR: 200 dpi, and at most this many pixels.
_OCR_SCALE = 200 / 72
_OCR_PIXELS = 12_000_000


def from_pdf(data: bytes, *, budget: Budget = _DEFAULT_BUDGET, name: str = "<pdf>") -> Document:
    """Read a PDF: its tables as grids and its other lines as prose, page by page.

    Each page's characters are read with their boxes. Its ruling lines make
    ruled tables, their cells in place (merged cells span, empty cells are
    blank); lines whose segments stand in columns make borderless tables, each
    value in the column it stands under. A table that goes on over the next
    page is one table (a header the next page repeats is read once). Page
    furniture is left out: a line that is only a page number ("3", "- 3 -",
    "第 3 页 共 10 页", "3/10") at the top or bottom of its page, and a running
    header or footer, found at the top (or bottom) of two or more pages. A
    row's ``line`` is its 1-based page. ``title`` is the Title of the document
    information, if it is more than a placeholder ("untitled") or a
    converter's "Microsoft Word - file.docx" (which gives "file").

    Pages without a text layer (scans) are read by OCR when the ``ocr`` extra
    is installed; either way a diagnostic names them.

    Before anything is laid out, the content streams are decompressed with a
    cap and their operators counted: a file over ``budget`` is refused before
    PDFium parses a page.

    Raises:
        MissingExtraError: pypdfium2 is not installed.
        InputError: ``data`` is not a readable PDF.
        InputTooLargeError: its streams decompress to more than
            ``budget.max_bytes``, or hold more operators than the budget allows
            (``page_operators`` a content stream, ``operators`` in all).
    """
    try:
        # A from-import: compiled by mypyc, a plain import statement would take the None
        # that stands in sys.modules for a package blocked from import for the module.
        from pypdfium2 import PdfDocument, PdfiumError  # noqa: PLC0415 - optional extra
    except ImportError:
        raise MissingExtraError.needs("pdf", f"{name}: reading .pdf files") from None

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise InputError(f"{name}: not a readable PDF: no PDF header")
    check_streams(data, budget, name)
    try:
        pdf = PdfDocument(data)
    except PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                f"{name}: not a readable PDF: it is encrypted with a password"
            ) from None
        raise InputError(f"{name}: not a readable PDF: {_reason(exc)}") from None
    try:
        title = _info_title(pdf)
        pages = [_read_page(pdf, i) for i in range(len(pdf))]
    except PdfiumError as exc:
        raise InputError(f"{name}: not a readable PDF: {_reason(exc)}") from None
    finally:
        pdf.close()
    notes = (*_aslant(pages), *_scans(data, pages))
    blocks = _blocks(pages)
    return Document(tuple(blocks), "pdf", _title(title), notes=notes)


def _reason(exc: Exception) -> str:
    return str(exc).removeprefix("Failed to load document ").strip("()") or type(exc).__name__


# --- the budget: streams decompressed with a cap, operators counted, before PDFium reads --

_STREAM = re.compile(rb"(?:^|[^A-Za-z])(stream(?:\r\n|\n|\r))")
# The keys of a stream's dictionary that tell how to read it: its length, its filters, and
# whether it is an image or other data that holds no drawing (fonts, object and
# cross-reference streams, metadata, ICC profiles, CMaps, embedded files).
_KEYS = re.compile(
    rb"/Length\s+(\d+)(?!\s+\d+\s+R)"
    rb"|/Filter\s*(\[[^\]]*\]|/[^\s/\[<>(]+)"
    rb"|/(?:Subtype|Type)\s*/(\w+)"
    rb"|/(Length[123]|N)\s"
)
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_NO_DRAWING = frozenset(
    {b"Type1C", b"CIDFontType0C", b"OpenType", b"XML", b"ObjStm", b"XRef", b"Metadata",
     b"EmbeddedFile", b"CMap", b"Length1", b"Length2", b"Length3", b"N"}
)  # fmt: skip
_FLATE = {b"FlateDecode", b"Fl"}
_HEX = {b"ASCIIHexDecode", b"AHx"}
_A85 = {b"ASCII85Decode", b"A85"}


def _next_stream(data: bytes, at: int) -> re.Match[bytes] | None:
    """The next ``stream`` keyword from ``at`` (found by ``bytes.find``, then checked)."""
    while (at := data.find(b"stream", at)) >= 0:
        found = _STREAM.match(data, at - 1 if at else 0)
        if found is not None:
            return found
        at += 6
    return None


def content_words(data: bytes) -> int:
    """The words of a content stream (its operators and their operands), counted at once.

    Words are told by the whitespace before them: an over-count at worst
    (words in strings), never an under-count of what PDFium parses.
    """
    return len(data) - len(data.translate(None, b" \n\r")) + 1


class _Unchecked(Exception):  # noqa: N818 - a signal, not an error
    """A stream this check cannot decode (another filter, or encryption)."""


def check_streams(data: bytes, budget: Budget, name: str) -> None:
    """Refuse a PDF whose streams decompress past the budget or draw too much.

    Every stream but images is decompressed with a cap (PDFium reads fonts,
    object streams and content alike), and the words of every stream that
    may be drawn are counted: ``page_operators`` a stream at most,
    ``operators`` in all. An encrypted file, or a stream in a filter this
    check does not decode, is checked page by page through pdfminer instead.

    Raises:
        InputTooLargeError: past the budget.
    """
    if re.search(rb"/Encrypt\b", data) is not None:
        _check_pages(data, budget, name)
        return
    try:
        _scan(data, budget, name)
    except _Unchecked:
        _check_pages(data, budget, name)


def _scan(data: bytes, budget: Budget, name: str) -> None:
    decoded = words = 0
    at = 0
    while (found := _next_stream(data, at)) is not None:
        start, keyword = found.end(), found.start(1)
        head_at = data.rfind(b"obj", max(0, keyword - 8192), keyword)
        length: int | None = None
        filters: list[bytes] = []
        image = head_at < 0  # not a stream object: skipped like an image
        drawing = True
        for size, spec, kind, extra in _KEYS.findall(data, max(head_at, 0), keyword):
            if size:
                length = int(size)
            elif spec:
                filters = _NAME.findall(spec)
            image = image or kind == b"Image"
            drawing = drawing and kind not in _NO_DRAWING and extra not in _NO_DRAWING
        end = -1
        if length is not None:
            end = start + length
            if data[end : end + 32].lstrip()[:9] != b"endstream":
                end = -1
        if end < 0:
            end = data.find(b"endstream", start)
            end = len(data) if end < 0 else end
        at = end + len(b"endstream")  # the next stream keyword stands after this one's end
        if image:
            continue  # an image is drawn whole, never decoded for text
        body = _decode(data[start:end], filters, budget.max_bytes - decoded)
        decoded += len(body)
        if decoded > budget.max_bytes:
            what = f"its content decompresses to over {budget.max_bytes:,} bytes"
            raise budget.refuse(name, what)
        if not drawing:
            continue
        count = content_words(body)
        words += count
        if count > budget.page_operators:
            what = f"a page has over {budget.page_operators:,} operators and operands"
            raise budget.refuse(name, what)
        if words > budget.operators:
            what = f"its pages have over {budget.operators:,} operators and operands"
            raise budget.refuse(name, what)


def _decode(raw: bytes, filters: Sequence[bytes], left: int) -> bytes:
    """A stream's data through its filters, inflated to at most ``left + 1`` bytes."""
    data = raw
    for name in filters:
        if name in _FLATE:
            try:
                data = zlib.decompressobj().decompress(data, left + 1)
            except zlib.error:
                data = b""  # PDFium reads what it can of a damaged stream
        elif name in _HEX:
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", data.split(b">", 1)[0])
            data = binascii.unhexlify(digits + b"0" * (len(digits) % 2))
        elif name in _A85:
            try:
                data = base64.a85decode(data.strip().removesuffix(b"~>"), ignorechars=b" \t\r\n")
            except ValueError:
                data = b""
        else:
            raise _Unchecked
        if len(data) > left:
            break
    return data


def _check_pages(data: bytes, budget: Budget, name: str) -> None:
    """The budget checked page by page through pdfminer (encrypted files, other filters)."""
    try:
        from pdfminer.pdfdocument import PDFDocument  # noqa: PLC0415 - optional extra
        from pdfminer.pdfpage import PDFPage  # noqa: PLC0415
        from pdfminer.pdfparser import PDFParser  # noqa: PLC0415
    except ImportError:
        raise MissingExtraError.needs("pdf", "reading .pdf files") from None
    # pdfminer logs what it finds odd; without a handler Python would print it on stderr.
    logging.getLogger("pdfminer").addHandler(logging.NullHandler())
    work = _Work(budget, name)
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            work.check(page, number)
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - the check only bounds work; PDFium reads or refuses
        return


@attrs.define
class _Work:
    """The bytes and operators a PDF's pages have cost so far, against the budget."""

    budget: Budget
    name: str
    decoded: int = 0
    operators: int = 0
    seen: set[int] = attrs.Factory(set)

    def check(self, page: Any, number: int) -> None:  # noqa: ANN401 - pdfminer's PDFPage
        """Refuse page ``number`` before it is read if it would cost more than the budget."""
        from pdfminer.pdftypes import PDFStream, resolve1  # noqa: PLC0415

        streams = [resolve1(c) for c in page.contents]
        xobjects = resolve1((resolve1(page.resources) or {}).get("XObject")) or {}
        if isinstance(xobjects, dict):
            streams += [resolve1(x) for x in xobjects.values()]
        operators = 0
        for stream in streams:
            if not isinstance(stream, PDFStream) or id(stream) in self.seen:
                continue
            if stream.get("Subtype") is not None and resolve1(stream.get("Subtype")).name != "Form":
                continue  # an image: drawn whole, never decoded to read text
            self.seen.add(id(stream))
            data = self._decode(stream, number)
            operators += content_words(data)
        self.operators += operators
        if operators > self.budget.page_operators:
            what = f"page {number} has over {self.budget.page_operators:,} operators and operands"
            raise self.budget.refuse(self.name, what)
        if self.operators > self.budget.operators:
            what = f"its pages have over {self.budget.operators:,} operators and operands"
            raise self.budget.refuse(self.name, what)

    def _decode(self, stream: Any, number: int) -> bytes:  # noqa: ANN401 - pdfminer's PDFStream
        """A stream's data, inflated with a cap: a flate bomb stops at the budget."""
        from pdfminer.pdftypes import LITERALS_FLATE_DECODE  # noqa: PLC0415

        left = self.budget.max_bytes - self.decoded
        data: bytes
        filters = stream.get_filters()
        if stream.rawdata is not None and all(f in LITERALS_FLATE_DECODE for f, _ in filters):
            data = stream.rawdata
            if stream.decipher:
                data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
            for _ in filters:
                try:
                    data = zlib.decompressobj().decompress(data, left + 1)
                except zlib.error:
                    data = b""
                if len(data) > left:
                    break
        else:
            data = stream.get_data()
        self.decoded += len(data)
        if len(data) > left:
            what = f"page {number}'s content decompresses to over {self.budget.max_bytes:,} bytes"
            raise self.budget.refuse(self.name, what)
        return data


# --- one page: characters and ruling lines ---------------------------------------------

#: A character: its box on the page (y grows downwards), itself, and whether a space
#: came before it.
Char = tuple[float, float, float, float, str, bool]


class _Tab(NamedTuple):
    """A table on a page: its grid, its columns' extents, its top, and whether it is ruled.

    ``columns_read`` is a borderless table as `columns` read its last
    section: its columns, where its figures begin and how far its labels reach.
    """

    grid: Grid
    columns: tuple[tuple[float, float], ...]
    top: float
    ruled: bool
    columns_read: Table | None = None


_PageItem = Line | _Tab


@attrs.define
class _Page:
    """What one page holds, top to bottom, and whether it has text at all."""

    items: list[_PageItem]
    number: int
    scanned: bool = False
    #: For OCR: the page's size in points.
    size: tuple[float, float] = (0.0, 0.0)
    #: The characters set aslant (a watermark, a stamp), not read.
    aslant: str = ""


def _info_title(pdf: Any) -> str | None:  # noqa: ANN401 - pypdfium2's PdfDocument
    """The Title of the document information; ``None`` where its UTF-16 is broken.

    A damaged file's title may hold a lone surrogate, which pypdfium2's
    decoding refuses: the title is metadata only, and the pages still read.
    """
    try:
        title: str = pdf.get_metadata_value("Title")
    except UnicodeDecodeError:
        return None
    return title


def _transform(box: tuple[float, float, float, float], rotation: int) -> ToPage:
    """From PDF user space to the page as shown: rotated, y growing downwards.

    ``box`` is the part of user space the page shows (its crop box within its
    media box: left, bottom, right, top); ``rotation`` the quarter turns
    clockwise the page is shown at. The top left corner shown is (0, 0).
    """
    left, bottom, right, top = box
    if rotation == 1:  # 90° clockwise: the left edge is at the top
        return lambda x, y: (y - bottom, x - left)
    if rotation == 2:
        return lambda x, y: (right - x, y - bottom)
    if rotation == 3:
        return lambda x, y: (top - y, right - x)
    return lambda x, y: (x - left, top - y)


def _within(obj: Any, to_page: ToPage, pdfium_c: Any) -> ToPage:  # noqa: ANN401
    """From the space of a form or path object to the page: its matrix, then ``to_page``."""
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return to_page
    a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    return lambda x, y: to_page(a * x + c * y + e, b * x + d * y + f)


def _read_page(pdf: Any, index: int) -> _Page:  # noqa: ANN401 - pypdfium2's PdfDocument
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415 - optional extra

    page = pdf[index]
    try:
        shown = page.get_size()  # as shown: PDFium turns it by the page's rotation
        to_page = _transform(page.get_bbox(), page.get_rotation() // 90)
        textpage = page.get_textpage()
        try:
            chars, aslant, skew = _chars(textpage.raw, to_page, shown)
            if skew:  # read again along the text's own baselines
                chars, aslant, _ = _chars(textpage.raw, to_page, shown, skew)
                to_page = _turned_back(to_page, _tilt(skew, shown))
        finally:
            textpage.close()
        boxes: list[Box] = []
        images = _objects(page.raw, to_page, boxes, pdfium_c)
    finally:
        page.close()
    if not chars:
        return _Page([], index + 1, scanned=images > 0, size=shown, aslant=aslant)
    return _Page(_layout(chars, boxes, index + 1), index + 1, size=shown, aslant=aslant)


# Prototypes of plain pointers for PDFium's functions called once a character or a page
# object: through them a call costs half to two thirds of a call through the bindings,
# whose typed arguments are converted, and typed results made, at every call.
_HANDLE = ctypes.c_void_p
#: ``FPDFText_GetLooseCharBox(text_page, index, rect) -> FPDF_BOOL``.
_CHAR_BOX = ctypes.CFUNCTYPE(ctypes.c_int, _HANDLE, ctypes.c_int, _HANDLE)
#: ``FPDFText_GetCharAngle(text_page, index) -> float``: radians clockwise, -1 on error.
_CHAR_ANGLE = ctypes.CFUNCTYPE(ctypes.c_float, _HANDLE, ctypes.c_int)
#: ``FPDFPage_CountObjects(page)``, ``FPDFFormObj_CountObjects(form)``,
#: ``FPDFPageObj_GetType(obj)``.
_OF_HANDLE = ctypes.CFUNCTYPE(ctypes.c_int, _HANDLE)
#: ``FPDFPage_GetObject(page, index)``.
_PAGE_OBJECT = ctypes.CFUNCTYPE(_HANDLE, _HANDLE, ctypes.c_int)
#: ``FPDFFormObj_GetObject(form, index)``.
_FORM_OBJECT = ctypes.CFUNCTYPE(_HANDLE, _HANDLE, ctypes.c_ulong)
#: ``FPDFPageObj_GetBounds(obj, left, bottom, right, top) -> FPDF_BOOL``.
_BOUNDS = ctypes.CFUNCTYPE(ctypes.c_int, _HANDLE, _HANDLE, _HANDLE, _HANDLE, _HANDLE)


def _chars(
    textpage: Any,  # noqa: ANN401 - PDFium's text page
    to_page: ToPage,
    size: tuple[float, float],
    skew: float = 0.0,
) -> tuple[list[Char], str, float]:
    """The characters shown on a page with their boxes, whitespace and duplicates left out.

    A character drawn twice over itself (bold faked by overprinting) is read
    once; one drawn off the page (``size``) is not shown, and not read. One
    set aslant, more than `_ASLANT` from level or upright (a watermark across
    the page, a stamp), is no table's: it is not read but given back apart,
    as the page's text would have it. The third value is how far most of the
    text is turned from level (a page placed or scanned askew), or 0.0 where
    it is level; read again with that ``skew``, each box is turned back level
    (see `_level_box`).
    """
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    text = _page_text(textpage, pdfium_c)
    if not text:
        return [], "", 0.0
    rect = pdfium_c.FS_RECTF()
    box = ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, _CHAR_BOX)
    ref = ctypes.addressof(rect)
    handle = ctypes.cast(textpage, _HANDLE).value
    angle = ctypes.cast(pdfium_c.FPDFText_GetCharAngle, _CHAR_ANGLE)
    width, height = 2 * size[0], 2 * size[1]  # what the middle's coordinates add up to
    tilt = _tilt(skew, size)
    aslant: list[str] = []
    askew: list[float] = []
    level_top = level_bottom = math.nan
    out: list[Char] = []
    last: Char | None = None
    spaced = False
    for i, ch in enumerate(text):
        if ch <= " " or ch.isspace():
            spaced = True
            continue
        if not box(handle, i, ref):
            continue
        x0, top = to_page(rect.left, rect.top)
        x1, bottom = to_page(rect.right, rect.bottom)
        if x1 < x0:
            x0, x1 = x1, x0
        if bottom < top:
            top, bottom = bottom, top
        if skew:
            x0, top, x1, bottom = _level_box(x0, top, x1, bottom, tilt)
        if not (0 <= x0 + x1 <= width and 0 <= top + bottom <= height):
            continue
        # Its angle from the nearest quarter turn (a page shown turned turns its text
        # too; PDFium gives -1 for none), asked of a character whose box does not
        # stand on the baseline of the level one before: a box turned at all has
        # another top and bottom.
        if top != level_top or bottom != level_bottom:
            turn = angle(handle, i)
            if turn > 0:
                off = turn % _QUARTER
                if _ASLANT < off < _QUARTER - _ASLANT:
                    aslant.append(ch)
                    continue
                if _LEVEL < off < _QUARTER - _LEVEL:
                    askew.append(off if off < _ASLANT else off - _QUARTER)
            level_top, level_bottom = top, bottom
        if (
            last is not None
            and ch == last[4]
            and abs(x0 - last[0]) < (x1 - x0) / 2
            and abs(top - last[1]) < (bottom - top) / 2
        ):
            continue
        last = (x0, top, x1, bottom, ch, spaced)
        out.append(last)
        spaced = False
    skew = statistics.median(askew) if 2 * len(askew) > len(out) else 0.0
    return out, "".join(aslant), skew


def _page_text(textpage: Any, pdfium_c: Any) -> str:  # noqa: ANN401 - PDFium objects
    """A text page's characters, one a character index."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[: 2 * count].decode("utf-16-le", "replace")
    if len(text) != count:
        unicode = pdfium_c.FPDFText_GetUnicode
        text = "".join(chr(unicode(textpage, i)) for i in range(count))
    return text


#: A turn back about a page's middle, worked out once a page: its cosine and sine
#: and the middle's coordinates.
_Tilt = tuple[float, float, float, float]


def _tilt(skew: float, size: tuple[float, float]) -> _Tilt:
    """The turn back by ``skew`` about the middle of a page of ``size``."""
    return math.cos(skew), math.sin(skew), size[0] / 2, size[1] / 2


def _turned_back(to_page: ToPage, tilt: _Tilt) -> ToPage:
    """``to_page``, then turned back by ``tilt`` about the page's middle: its text level."""
    return lambda x, y: _level_point(*to_page(x, y), tilt)


def _level_point(x: float, y: float, tilt: _Tilt) -> tuple[float, float]:
    """A point of the page as shown, turned back by ``tilt`` about the page's middle."""
    cos, sin, middle_x, middle_y = tilt
    dx, dy = x - middle_x, y - middle_y
    return middle_x + dx * cos + dy * sin, middle_y - dx * sin + dy * cos


def _level_box(
    x0: float, top: float, x1: float, bottom: float, tilt: _Tilt
) -> tuple[float, float, float, float]:
    """A character's box as shown, of its glyph turned by ``tilt``: the glyph's own, level.

    The box bounds the turned glyph, ``w·cos + h·sin`` wide and ``w·sin + h·cos``
    high (the angle's size, whichever way it turns): solved for the glyph's
    width and height, about the middle turned back.
    """
    x, y = _level_point((x0 + x1) / 2, (top + bottom) / 2, tilt)
    cos, sin = tilt[0], abs(tilt[1])
    wide, high = x1 - x0, bottom - top
    half_width = max(0.0, (wide * cos - high * sin) / (cos * cos - sin * sin)) / 2
    half_height = max(0.0, (high * cos - wide * sin) / (cos * cos - sin * sin)) / 2
    return x - half_width, y - half_height, x + half_width, y + half_height


_QUARTER = math.pi / 2
#: How far from level or upright text may be set and still be read: a page's text is
#: set level (or upright, in a turned page or a vertical header), a watermark aslant.
_ASLANT = math.radians(10)
#: Text turned less than this from level is level (a matrix's rounding).
_LEVEL = 1e-4


def _aslant(pages: Sequence[_Page]) -> Iterator[Note]:
    """A note for each page with text set aslant, quoting it."""
    for page in pages:
        if page.aslant:
            text = page.aslant if len(page.aslant) <= 40 else page.aslant[:40] + "…"
            yield Note(
                ASLANT_TEXT,
                f"page {page.number}: {len(page.aslant)} characters set aslant (a watermark "
                f"or a stamp?) not read: {text!r}",
            )


def _objects(
    container: Any,  # noqa: ANN401 - a PDFium page or form object
    to_page: ToPage,
    boxes: list[Box],
    pdfium_c: Any,  # noqa: ANN401
    *,
    form: bool = False,
    depth: int = 0,
) -> int:
    """Collect the thin boxes the page's paths draw (ruling lines); count its images.

    ``to_page`` maps the container's space to the page as shown. Most paths
    of a table are one thin line or rectangle each, told by their bounds
    alone; only the others have their segments read.
    """
    count = pdfium_c.FPDFFormObj_CountObjects if form else pdfium_c.FPDFPage_CountObjects
    count_objects = ctypes.cast(count, _OF_HANDLE)
    get_object = (
        ctypes.cast(pdfium_c.FPDFFormObj_GetObject, _FORM_OBJECT)
        if form
        else ctypes.cast(pdfium_c.FPDFPage_GetObject, _PAGE_OBJECT)
    )
    get_type = ctypes.cast(pdfium_c.FPDFPageObj_GetType, _OF_HANDLE)
    get_bounds = ctypes.cast(pdfium_c.FPDFPageObj_GetBounds, _BOUNDS)
    path, image, form_object = (
        pdfium_c.FPDF_PAGEOBJ_PATH,
        pdfium_c.FPDF_PAGEOBJ_IMAGE,
        pdfium_c.FPDF_PAGEOBJ_FORM,
    )
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    at_left, at_bottom, at_right, at_top = (ctypes.addressof(v) for v in (left, bottom, right, top))
    container = ctypes.cast(container, _HANDLE).value
    images = 0
    for i in range(count_objects(container)):
        obj = get_object(container, i)  # an address (None: no object)
        kind = get_type(obj)
        if kind == path:
            if not get_bounds(obj, at_left, at_bottom, at_right, at_top):
                continue
            x0, y0 = to_page(left.value, bottom.value)
            x1, y1 = to_page(right.value, top.value)
            x0, x1 = (x0, x1) if x0 <= x1 else (x1, x0)
            y0, y1 = (y0, y1) if y0 <= y1 else (y1, y0)
            if x1 - x0 <= THIN or y1 - y0 <= THIN:
                boxes.append(Box(x0, y0, x1, y1))
            else:
                typed = ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT)
                _path_boxes(typed, to_page, boxes, pdfium_c)
        elif kind == image:
            images += 1
        elif kind == form_object and depth < 8:
            inner = _within(ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT), to_page, pdfium_c)
            images += _objects(obj, inner, boxes, pdfium_c, form=True, depth=depth + 1)
    return images


def _box(points: Sequence[tuple[float, float]]) -> Box:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return Box(min(xs), min(ys), max(xs), max(ys))


def _path_boxes(
    obj: Any,  # noqa: ANN401
    to_page: ToPage,
    boxes: list[Box],
    pdfium_c: Any,  # noqa: ANN401
) -> None:
    """The ruling lines one path of several subpaths draws: thin subpaths, straight edges."""
    to_page = _within(obj, to_page, pdfium_c)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke))
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[float, float]]] = []
    curved: set[int] = set()
    for i in range(min(pdfium_c.FPDFPath_CountSegments(obj), 4096)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = to_page(x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
        else:
            subpaths[-1].append(point)
            if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                curved.add(len(subpaths) - 1)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            subpaths[-1].append(subpaths[-1][0])
    for n, points in enumerate(subpaths):
        if n in curved or len(points) < 2:
            continue
        box = _box(points)
        if min(box.x1 - box.x0, box.bottom - box.top) <= THIN:
            boxes.append(box)
        elif stroke.value:
            boxes.extend(_box(pair) for pair in itertools.pairwise(points))


# --- lines and segments -------------------------------------------------------------------


def _rows_of_chars(chars: Sequence[Char]) -> list[list[Char]]:
    """Characters grouped into lines, each left to right.

    A character is on a line when it shares two thirds of its height with the
    line's first character: punctuation and digits of another font, whose
    boxes stand a little higher or lower, stay on their line, while figures
    centred between two lines of a wrapped label (half a line off) make a
    line of their own.
    """
    lines: list[list[Char]] = []
    top = bottom = 0.0
    for ch in sorted(chars, key=_middle):
        if lines:
            shared = min(bottom, ch[3]) - max(top, ch[1])
            if shared > 0.66 * min(ch[3] - ch[1], bottom - top):
                lines[-1].append(ch)
                continue
        lines.append([ch])
        top, bottom = ch[1], ch[3]
    for line in lines:
        line.sort()
    return lines


def _middle(ch: Char) -> float:
    return ch[1] + ch[3]


def _words(chars: Sequence[Char], height: float) -> list[list[Any]]:
    """A line's characters as words, each ``[text, x0, x1, gap before]``.

    Characters closer than `_SPACE` line heights are one word, and so are
    wide (CJK) characters up to `_SEGMENT_GAP` apart, unless the text has a
    space between them.
    """
    words: list[list[Any]] = []
    space, segment_gap = _SPACE * height, _SEGMENT_GAP * height
    for x0, _, x1, _, ch, spaced in chars:
        if words:
            word = words[-1]
            gap = x0 - word[2]
            if not spaced and (
                gap <= space or (gap <= segment_gap and _wide(ch) and _wide(word[0][-1]))
            ):
                word[0] += ch
                word[2] = max(word[2], x1)
                continue
            words.append([ch, x0, x1, gap])
        else:
            words.append([ch, x0, x1, 0.0])
    return words


def _segments(chars: Sequence[Char], height: float) -> list[Segment]:
    """A line's characters as segments: cut at wide gaps; a run of figures, a figure a segment."""
    segments: list[list[list[Any]]] = []
    segment_gap = _SEGMENT_GAP * height
    for word in _words(chars, height):
        if segments and word[3] <= segment_gap:
            segments[-1].append(word)
        else:
            segments.append([word])
    out: list[Segment] = []
    for seg in segments:
        if len(seg) == 1:
            text, x0, x1, _ = seg[0]
            out.append(Segment(text, x0, x1, None, is_figure(text)))
        elif all(is_figure(w[0]) for w in seg):
            out += [Segment(w[0], w[1], w[2], figure=True) for w in seg]
        else:
            out.append(Segment.of(" ".join(w[0] for w in seg), seg[0][1], seg[-1][2]))
    return out


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _lines(chars: Sequence[Char], page: int) -> list[Line]:
    out: list[Line] = []
    for row in _rows_of_chars(chars):
        top = min([c[1] for c in row])
        bottom = max([c[3] for c in row])
        out.append(Line(tuple(_segments(row, bottom - top)), top, bottom, page))
    return out


def _text(chars: Sequence[Char]) -> str:
    """The text of characters in one cell: its lines, wrapped text joined.

    A line's words are joined by a space, as its segments would be (so it
    needs no segments, nor to tell their figures).
    """
    parts = []
    for row in _rows_of_chars(chars):
        height = max(c[3] for c in row) - min(c[1] for c in row)
        parts.append(" ".join(word[0] for word in _words(row, height)))
    return join_texts(parts)


def _layout(chars: Sequence[Char], boxes: Sequence[Box], page: int = 0) -> list[_PageItem]:
    """A page's ruled tables and lines, top to bottom (borderless tables are read later)."""
    found = grids(boxes) if boxes else []
    in_cells: list[list[list[Char]]] = [[[] for _ in g.cells] for g in found]
    free: list[Char] = [] if found else list(chars)
    for ch in chars if found else ():
        x, y = (ch[0] + ch[2]) / 2, (ch[1] + ch[3]) / 2
        for n, grid in enumerate(found):
            cell = grid.cell_at(x, y)
            if cell is not None:
                in_cells[n][cell].append(ch)
                break
        else:
            free.append(ch)
    items: list[_PageItem] = list(_lines(free, page))
    for grid, cell_chars in zip(found, in_cells, strict=True):
        if any(cell_chars):
            items.append(_ruled_tab(grid, cell_chars))
    items.sort(key=lambda item: item.top)
    return items


def _ruled_tab(grid: RuledGrid, cell_chars: Sequence[Sequence[Char]]) -> _Tab:
    cells = tuple(
        GridCell(_text(chars), c.row, c.column, c.rowspan, c.colspan)
        for c, chars in zip(grid.cells, cell_chars, strict=True)
    )
    columns = tuple(zip(grid.xs, grid.xs[1:], strict=False))
    rows = len(grid.ys) - 1
    return _Tab(Grid(cells, rows), columns, grid.ys[0], ruled=True)


# --- across pages: furniture, borderless tables, tables continued -------------------------


def _is_page_number(line: str) -> bool:
    return _PAGE_NUMBER.fullmatch(unicodedata.normalize("NFKC", line).strip()) is not None


def _furniture_key(line: Line) -> str:
    """A line as a running header or footer is compared: without its page number."""
    whole = " ".join(s.text for s in line.segments)
    words = [s.text for s in line.segments if not _is_page_number(s.text)]
    return " ".join(words) if words and not _is_page_number(whole) else whole


def _trim(ends: Sequence[Sequence[str | None]]) -> tuple[list[int], list[int]]:
    """Each page's range of items that are not furniture (``None``: an item that never is).

    A page number is taken off the top and off the bottom of each page; then,
    at each end, a line with words that several pages share there (a running
    header or footer), with a page number it uncovers, as long as there is one.
    """
    lo = [0] * len(ends)  # each page keeps ends[i][lo[i]:hi[i]]
    hi = [len(t) for t in ends]

    def end_line(i: int, *, top: bool) -> str | None:
        if lo[i] >= hi[i]:
            return None
        return ends[i][lo[i] if top else hi[i] - 1]

    def drop(i: int, *, top: bool) -> None:
        if top:
            lo[i] += 1
        else:
            hi[i] -= 1

    def drop_page_number(i: int, *, top: bool) -> None:
        line = end_line(i, top=top)
        if line is not None and _is_page_number(line):
            drop(i, top=top)

    for top in (True, False):
        for i in range(len(ends)):
            drop_page_number(i, top=top)
        for _ in range(_MAX_RUNNING):
            found = [end_line(i, top=top) for i in range(len(ends))]
            counts = collections.Counter(e for e in found if e is not None and _WORD.search(e))
            running = {line for line, n in counts.items() if n >= 2}
            if not running:
                break
            for i, line in enumerate(found):
                if line in running:
                    drop(i, top=top)
                    drop_page_number(i, top=top)
    return lo, hi


def page_lines(pages: Sequence[str]) -> tuple[list[str], list[int]]:
    """The non-empty lines of the pages' text without page furniture, and the page of each."""
    text = [[s for line in page.splitlines() if (s := line.strip())] for page in pages]
    lo, hi = _trim(text)
    lines: list[str] = []
    source: list[int] = []
    for number, (page, start, stop) in enumerate(zip(text, lo, hi, strict=True), start=1):
        lines += page[start:stop]
        source += [number] * (stop - start)
    return lines, source


def _without_furniture(pages: Sequence[_Page]) -> list[list[_PageItem]]:
    # `_trim` reads no further into a page than a page number and, _MAX_RUNNING times, a
    # running line and a page number from either end: only those lines need their keys.
    reach = 1 + 2 * _MAX_RUNNING
    ends: list[list[str | None]] = [
        [
            _furniture_key(item)
            if isinstance(item, Line)
            and (n < reach or len(page.items) - n <= reach)
            and not _wrapped_figures(page.items, n)
            else None
            for n, item in enumerate(page.items)
        ]
        for page in pages
    ]
    # A page number standing beside a running footer ("file.html 1/2") is part of its key.
    lo, hi = _trim(ends)
    return [page.items[a:b] for page, a, b in zip(pages, lo, hi, strict=True)]


def _wrapped_figures(items: Sequence[_PageItem], n: int) -> bool:
    """Whether line ``n`` holds the ends of figures of the line above, wrapped in their cells.

    Such a line stands under those figures, closer than a line's height;
    a page number stands apart from the body, in the margin. So the end of
    a figure wrapped onto the page's last line is no page number.
    """
    line, above = items[n], items[n - 1] if n > 0 else None
    if not isinstance(line, Line) or not isinstance(above, Line):
        return False
    close = line.top - above.bottom < line.bottom - line.top
    return close and bool(figures_ended(line, above.segments))


def _borderless(items: Sequence[_PageItem], before: _Tab | None) -> list[_PageItem]:
    """The runs of lines between ruled tables, with their borderless tables read.

    ``before`` is the borderless table the page before ends with: the first
    lines may go on with it.
    """
    out: list[_PageItem] = []
    run: list[Line] = []

    def flush() -> None:
        seed = before.columns_read if before is not None and not out else None
        found_items = tables_in(run, seed=seed)
        out.extend(_borderless_tab(f) if isinstance(f, Table) else f for f in found_items)
        run.clear()

    for item in items:
        if isinstance(item, Line):
            run.append(item)
        else:
            flush()
            out.append(item)
    flush()
    return out


def _borderless_tab(table: Table) -> _Tab:
    cells = tuple(
        GridCell(cell.text, r, cell.column, 1, cell.colspan)
        for r, row in enumerate(table.rows)
        for cell in row
    )
    top = table.lines[0][0].top
    grid = Grid(cells, len(table.rows))
    return _Tab(grid, tuple(table.columns), top, ruled=False, columns_read=table)


def _row_texts(grid: Grid, row: int) -> list[str]:
    return [c.text for c in grid.cells if c.row == row]


def _join(first: _Tab, then: _Tab) -> _Tab | None:
    """One table of a table and its continuation on the next page, or ``None`` if it is none.

    A continuation has as many columns; the header rows it repeats are read once.
    """
    if first.ruled != then.ruled:
        return None
    if first.ruled:
        # Rules on another page may fall elsewhere (a sliver column, a boundary a rowspan
        # hid): the continuation's cells are put in the first part's columns by place.
        placed = _in_columns(then, first.columns)
        if placed is None:
            return None
        then = placed
    repeated = 0
    while (
        repeated < min(first.grid.rows, then.grid.rows - 1)
        and _row_texts(first.grid, repeated) == _row_texts(then.grid, repeated)
        and any(_row_texts(first.grid, repeated))
    ):
        repeated += 1
    # Another number of columns is another table, unless the header says it goes on (a
    # borderless table's columns are found on each page: a blank column may be missing).
    if len(first.columns) != len(then.columns) and (first.ruled or not repeated):
        return None
    offset = first.grid.rows - repeated
    # A cell reaching the bottom of the first part goes on in an empty cell of the
    # continuation's first row, in the same columns (a label spanning rows over the break).
    open_cells = {
        (c.column, c.colspan): i
        for i, c in enumerate(first.grid.cells)
        if c.row + c.rowspan == first.grid.rows
    }
    cells = list(first.grid.cells)
    moved: list[GridCell] = []
    if not first.ruled and repeated == 0 and _label_words_only(then, 0):
        # A borderless row the page break cut: its words go on in the first row here.
        cells, then = _continue_row(cells, first.grid.rows - 1, then)
    for c in then.grid.cells:
        if c.row < repeated:
            continue
        above = open_cells.get((c.column, c.colspan)) if c.row == repeated else None
        if above is not None and not c.text:
            cells[above] = cells[above]._replace(rowspan=cells[above].rowspan + c.rowspan)
        else:
            moved.append(GridCell(c.text, c.row + offset, c.column, c.rowspan, c.colspan))
    lines = first.grid.lines + then.grid.lines[repeated:]
    grid = Grid((*cells, *moved), offset + then.grid.rows, lines)
    return _Tab(grid, then.columns, first.top, first.ruled, then.columns_read)


def _in_columns(tab: _Tab, columns: Sequence[tuple[float, float]]) -> _Tab | None:
    """``tab`` with its cells in ``columns``, by where the middle of each column lies.

    A cell takes the columns whose middles lie within it; an empty cell that
    takes none (a sliver between doubled rules) is left out. ``None`` when a
    cell with text takes none: the tables do not stand in the same columns.
    """
    middles = [(left + right) / 2 for left, right in columns]
    cells: list[GridCell] = []
    for cell in tab.grid.cells:
        left = tab.columns[cell.column][0]
        right = tab.columns[min(cell.column + cell.colspan, len(tab.columns)) - 1][1]
        taken = [i for i, middle in enumerate(middles) if left <= middle <= right]
        if taken:
            cells.append(cell._replace(column=taken[0], colspan=len(taken)))
        elif cell.text:
            return None
    grid = attrs.evolve(tab.grid, cells=tuple(cells))
    return tab._replace(grid=grid, columns=tuple(columns))


def _label_words_only(tab: _Tab, row: int) -> bool:
    """Whether a row of a borderless table holds words only, left of its figures."""
    cells = [c for c in tab.grid.cells if c.row == row and c.text]
    figures_at = tab.columns_read.figures_at if tab.columns_read is not None else math.inf
    return bool(cells) and all(
        not is_figure(c.text) and tab.columns[c.column][1] <= figures_at for c in cells
    )


def _continue_row(cells: list[GridCell], last: int, then: _Tab) -> tuple[list[GridCell], _Tab]:
    """The last row of ``cells`` with the words of the first row of ``then`` joined on."""
    by_column = {c.column: i for i, c in enumerate(cells) if c.row == last}
    first_row = [c for c in then.grid.cells if c.row == 0 and c.text]
    if any(c.column not in by_column for c in first_row):
        return cells, then  # words in a column the row above has not: not its end
    for c in first_row:
        at = by_column[c.column]
        cells[at] = cells[at]._replace(text=join_texts([cells[at].text, c.text]))
    rest = [c for c in then.grid.cells if c.row > 0]
    moved = tuple(GridCell(c.text, c.row - 1, c.column, c.rowspan, c.colspan) for c in rest)
    grid = Grid(moved, then.grid.rows - 1, then.grid.lines[1:])
    return cells, then._replace(grid=grid)


def _cut_figures(tab: _Tab, line: Line) -> _Tab | None:
    """``tab`` with the figures of ``line`` joined onto its last row's, or ``None``.

    A borderless row the page break cut leaves the ends of its wrapped figures
    on the first line of the next page ("15" on one page, "9" on the next: 159),
    each under the figure it ends. A line of figures only, each under a
    different figure of the row, is that; anything else is not.
    """
    table = tab.columns_read
    if tab.ruled or table is None:
        return None
    if not figures_ended(line, [s for ln in table.lines[-1] for s in ln.segments]):
        return None
    last = tab.grid.rows - 1
    cells = list(tab.grid.cells)
    by_column = {c.column: i for i, c in enumerate(cells) if c.row == last and c.text}
    ended: set[int] = set()
    for seg in line.segments:
        at = by_column.get(place(seg, tab.columns)[0])
        if at is None or at in ended or not is_figure(cells[at].text):
            return None
        ended.add(at)
        cells[at] = cells[at]._replace(text=join_texts([cells[at].text, seg.text]))
    return tab._replace(grid=attrs.evolve(tab.grid, cells=tuple(cells)))


def _with_pages(tab: _Tab, page: int) -> _Tab:
    grid = attrs.evolve(tab.grid, lines=(page,) * tab.grid.rows)
    return tab._replace(grid=grid)


def _blocks(pages: Sequence[_Page]) -> list[Block]:
    """The pages' blocks in order: furniture out, borderless tables read, tables joined."""
    blocks: list[Block] = []
    last: _Tab | None = None  # the table the blocks so far end with
    said: Line | None = None  # the line of prose the blocks so far end with
    for page, items in zip(pages, _without_furniture(pages), strict=True):
        # A borderless table going on at the top of the page stands in the same columns.
        before = last if last is not None and not last.ruled else None
        found = _borderless(items, before)
        margins = _margins([item for item in found if isinstance(item, Line)])
        for n, item in enumerate(found):
            if isinstance(item, Line):
                cut = _cut_figures(last, item) if n == 0 and last is not None else None
                if cut is not None:
                    blocks[-1] = cut.grid
                    last = cut
                    continue
                text = " ".join(s.text for s in item.segments)
                previous = blocks[-1] if blocks else None
                if (
                    said is not None
                    and isinstance(previous, Prose)
                    and _goes_on(said, item, margins)
                ):
                    blocks[-1] = Prose(join_texts([previous.text, text]), previous.line)
                else:
                    blocks.append(Prose(text, page.number))
                said, last = item, None
                continue
            said = None
            tab = _with_pages(item, page.number)
            joined = _join(last, tab) if n == 0 and last is not None else None
            if joined is not None:
                blocks[-1] = joined.grid
                last = joined
            else:
                blocks.append(tab.grid)
                last = tab
    return blocks


class _Margins(NamedTuple):
    """Where a page's lines of prose start and end, and how near counts: a line's height."""

    left: float
    right: float
    near: float


def _margins(lines: Sequence[Line]) -> _Margins | None:
    """The margins of the lines of one segment (prose); ``None`` with none."""
    prose = [line for line in lines if len(line.segments) == 1]
    if not prose:
        return None
    return _Margins(
        min(line.segments[0].x0 for line in prose),
        max(line.segments[0].x1 for line in prose),
        statistics.median(line.bottom - line.top for line in prose),
    )


#: What only a sentence holds: a line with one of them is prose, not a table's row.
_CLAUSE_MARKS = frozenset("，,。;；:：")


def _goes_on(said: Line, line: Line, margins: _Margins | None) -> bool:
    """Whether ``line`` goes on with the sentence of the line of prose before it.

    A paragraph's lines are set from margin to margin: a line of a sentence
    that reaches the right margin, followed right under it by one that starts
    at the left (not indented, as a paragraph's first line is), wrapped there.
    A line break inside a sentence would end it, and the figure it states.
    Lines ending in a figure apart are rows of a table set as text, not prose.
    """
    if margins is None or len(said.segments) != 1 or len(line.segments) != 1:
        return False
    if _CLAUSE_MARKS.isdisjoint(said.segments[0].text):
        return False
    if any(is_figure((ln.segments[0].text.split() or [""])[-1]) for ln in (said, line)):
        return False  # a row of a table set as text: its label, then its figures
    under = said.source != line.source or line.top - said.bottom < margins.near
    return (
        under
        and said.segments[0].x1 >= margins.right - margins.near
        and line.segments[0].x0 <= margins.left + margins.near / 2
    )


def _scans(data: bytes, pages: Sequence[_Page]) -> tuple[Note, ...]:
    """Pages with no text layer: read by OCR with the ``ocr`` extra, named either way."""
    scanned = [page for page in pages if page.scanned]
    if not scanned:
        return ()
    numbers = ", ".join(str(page.number) for page in scanned)
    try:
        from rapidocr_onnxruntime import RapidOCR  # noqa: PLC0415 - optional extra
    except ImportError:
        message = (
            f"page{'s' if len(scanned) > 1 else ''} {numbers}: no text layer (a scan?), so "
            "not read; install the 'ocr' extra to read such pages: "
            f"pip install '{DISTRIBUTION}[ocr]'"
        )
        return (Note(NO_TEXT_LAYER, message),)
    engine = _quiet(RapidOCR)
    for page, lines in zip(scanned, _ocr(data, scanned, engine), strict=True):
        page.items = list(lines)
    message = f"page{'s' if len(scanned) > 1 else ''} {numbers}: no text layer, read by OCR"
    return (Note(READ_BY_OCR, message),)


def _quiet(factory: Callable[[], Any]) -> Any:  # noqa: ANN401
    """An OCR engine made without its log lines on stderr."""
    logger = logging.getLogger("RapidOCR")
    logger.setLevel(logging.ERROR)
    return factory()


def _ocr(data: bytes, pages: Sequence[_Page], engine: Any) -> Iterator[list[Line]]:  # noqa: ANN401
    """The lines OCR reads on each page: each text box found a segment."""
    import pypdfium2  # noqa: PLC0415

    pdf = pypdfium2.PdfDocument(data)
    try:
        for page in pages:
            width, height = page.size
            scale = min(_OCR_SCALE, (_OCR_PIXELS / max(width * height, 1.0)) ** 0.5)
            handle = pdf[page.number - 1]
            try:
                image = handle.render(scale=scale).to_numpy()
            finally:
                handle.close()
            found, _ = engine(image)
            chars: list[Char] = []
            for corners, text, _score in found or ():
                xs = [p[0] / scale for p in corners]
                ys = [p[1] / scale for p in corners]
                chars.append((min(xs), min(ys), max(xs), max(ys), text, True))
            yield _ocr_lines(chars, page.number)
    finally:
        pdf.close()


def _ocr_lines(boxes: Sequence[Char], page: int) -> list[Line]:
    """Text boxes as lines of segments (each box is a segment)."""
    out: list[Line] = []
    for row in _rows_of_chars(boxes):
        segments = tuple(Segment.of(text, x0, x1) for x0, _, x1, _, text, _ in row)
        out.append(Line(segments, min(c[1] for c in row), max(c[3] for c in row), page))
    return out


def _title(raw: object) -> str | None:
    """The Title of the document information, without what writers put there for none."""
    if not isinstance(raw, str):
        return None
    title = _OFFICE_FILE.sub("", raw.strip())
    return None if title.lower() in _NO_TITLE else title
