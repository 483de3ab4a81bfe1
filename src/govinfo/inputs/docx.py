"""Word (.docx) input: body paragraphs and tables, in document order."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import TYPE_CHECKING, cast

import attrs
from lxml import etree

from govinfo._errors import InputError, MissingExtraError
from govinfo.inputs.document import Block, Budget, CellAllowance, Document, Grid, GridCell, Prose

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docx.document import Document as DocxDocument
    from docx.oxml.table import CT_Tbl, CT_Tc
    from docx.table import _Row
    from lxml.etree import _Element

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Run content that is text: text, tabs, line breaks, non-breaking hyphens. Deleted text
# (w:delText) and field instructions (w:instrText) are other tags and so left out.
_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": " ", f"{_W}cr": " "}
_RUN_TEXT[f"{_W}noBreakHyphen"] = "-"
# Run containers whose runs are not visible text of the paragraph.
_SKIP = (f"{_W}txbxContent", f"{_W}del", f"{_W}moveFrom")
# Wrappers whose children are ordinary body content (content controls, custom XML).
_WRAPPERS = (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml")
# The signature of OLE compound files: old binary .doc files, and encrypted .docx files.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_STREAM = re.compile(r"^file '<[^']*>' ")
_DEFAULT_BUDGET = Budget()


def from_docx(data: bytes, *, budget: Budget = _DEFAULT_BUDGET, name: str = "<docx>") -> Document:
    """Read a Word document: its paragraphs and tables, in order.

    Paragraphs become lines of prose (empty ones are skipped); every table a
    ``Grid`` whose cells keep their grid column, their horizontal span
    (``gridSpan``, clamped to the table's columns) and the rows a vertical
    merge (``vMerge``) covers. A table nested in a cell is read after the row
    that holds it.

    The package is checked against ``budget`` before anything is inflated:
    the number of its parts, and their sizes once inflated, as the archive
    declares them (zipfile never inflates a part past its declared size).

    Raises:
        MissingExtraError: python-docx is not installed.
        InputError: ``data`` is not a readable .docx file.
        InputTooLargeError: its parts, or its tables' grid cells, are over ``budget``.
    """
    try:
        import docx  # noqa: PLC0415 - optional extra
    except ImportError:
        raise MissingExtraError.needs("docx", f"{name}: reading .docx files") from None
    from docx.opc.exceptions import OpcError  # noqa: PLC0415
    from docx.oxml.exceptions import XmlchemyError  # noqa: PLC0415

    if data.startswith(_OLE):
        raise InputError(
            f"{name}: not a readable .docx file: an OLE compound file (a Word 97-2003 .doc, "
            "or a password-protected .docx); save it as .docx without a password"
        )

    try:
        _check_package(data, budget, name)
        document = docx.Document(io.BytesIO(data))
        title = document.core_properties.title
        body = document.element.body
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,  # a zip compression method or version zipfile lacks
        OSError,
        KeyError,  # a part the package names is missing
        ValueError,
        OpcError,
        XmlchemyError,
        etree.LxmlError,
        # python-docx meets malformed package XML with these (a part of the wrong
        # element type has no .body, .core_properties, .title_text ...).
        AttributeError,
        TypeError,
    ) as exc:
        raise InputError(f"{name}: not a readable .docx file: {_reason(exc)}") from None
    if body is None:
        raise InputError(f"{name}: not a readable .docx file: the document has no body")
    try:
        blocks = tuple(_read(document, body, CellAllowance(budget, name)))
    except (ValueError, XmlchemyError) as exc:  # e.g. gridSpan="x", w:vMerge without w:val
        raise InputError(f"{name}: malformed .docx table: {_reason(exc)}") from None
    except RecursionError:  # python-docx follows a vertical merge up, a row at a time
        raise InputError(
            f"{name}: malformed .docx table: a vertical merge too long to follow"
        ) from None
    return Document(blocks, "docx", (title or "").strip() or None)


#: The central directory's end: its signature, and where it counts the entries.
_END = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"


def _entries(data: bytes) -> int:
    """How many entries the archive's central directory declares (0: none found)."""
    at = data.rfind(_END, max(0, len(data) - 22 - 0xFFFF))
    if at < 0:
        return 0  # not a zip file: python-docx says so
    entries = int.from_bytes(data[at + 10 : at + 12], "little")
    locator = at - 20
    if entries == 0xFFFF and data[locator : locator + 4] == _ZIP64_LOCATOR:
        end = int.from_bytes(data[locator + 8 : locator + 16], "little")
        if data[end : end + 4] == _ZIP64_END:
            entries = int.from_bytes(data[end + 32 : end + 40], "little")
    return entries


def _check_package(data: bytes, budget: Budget, name: str) -> None:
    """Refuse, before inflating anything, a package of too many parts or too many bytes."""
    entries = _entries(data)
    if entries > budget.parts:
        raise budget.refuse(name, f"{entries:,} parts in the .docx package")
    if entries == 0:
        return
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        inflated = sum(info.file_size for info in archive.infolist())
    if inflated > budget.max_bytes:
        raise budget.refuse(name, f"the .docx package inflates to {inflated:,} bytes")


def _read(document: DocxDocument, body: _Element, cells_left: CellAllowance) -> Iterator[Block]:
    for block in _blocks(body):
        if block.tag == f"{_W}p":
            text = _paragraph_text(block)
            if text:
                yield Prose(text)
        else:
            yield _grid(document, block, cells_left)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):  # zipfile's "There is no item named ... in the archive"
        return str(exc.args[0]) if exc.args else "a part is missing"
    # python-docx names the stream it read: "file '<_io.BytesIO object at 0x...>' is not ..."
    return _STREAM.sub("", str(exc)) or type(exc).__name__


def _blocks(element: _Element) -> Iterator[_Element]:
    """The ``w:p`` and ``w:tbl`` children of a body or cell, in order, through wrappers."""
    for child in element.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _paragraph_text(p: _Element) -> str:
    """The visible text of a paragraph.

    Reads every run, including runs inside hyperlinks, fields, smart tags,
    content controls and tracked insertions, but not text boxes anchored in it.
    """
    parts = [
        _RUN_TEXT[child.tag] or child.text or ""
        for r in p.iter(f"{_W}r")
        if not _hidden(r, p)
        for child in r.iterchildren()
        if child.tag in _RUN_TEXT
    ]
    return "".join(parts).strip()


def _hidden(r: _Element, p: _Element) -> bool:
    """A run in a text box anchored in ``p``, or deleted by a tracked change."""
    for ancestor in r.iterancestors():
        if ancestor is p:
            return False
        if ancestor.tag in _SKIP:
            return True
    return False


def _cell_parts(tc: _Element) -> tuple[str, list[_Element]]:
    """A cell's text (its paragraphs joined) and the tables nested in it."""
    texts: list[str] = []
    tables: list[_Element] = []
    for block in _blocks(tc):
        if block.tag == f"{_W}p":
            texts.append(_paragraph_text(block))
        else:
            tables.append(block)
    return " ".join(t for t in texts if t), tables


def _clamp_spans(tbl: _Element, cells_left: CellAllowance) -> None:
    """Clamp each cell's ``gridSpan`` to the columns the table has, in place.

    The columns are the table's grid (``w:tblGrid``), or its most cells in a
    row when that is more. python-docx lists a cell once per column it spans:
    a ``gridSpan`` of 10**8 would be a hundred million entries a row.
    """
    rows = tbl.findall(f"{_W}tr")
    declared = len(tbl.findall(f"{_W}tblGrid/{_W}gridCol"))
    width = max([declared, *(len(tr.findall(f"{_W}tc")) for tr in rows)])
    for tr in rows:
        column = 0
        for tc in tr.iterchildren(f"{_W}tc"):
            span = tc.find(f"{_W}tcPr/{_W}gridSpan")
            try:
                value = 1 if span is None else int(span.get(f"{_W}val", "1"))
            except ValueError:
                value = 1  # python-docx says what is wrong with it
            clamped = max(1, min(value, width - column))
            if span is not None and clamped != value:
                span.set(f"{_W}val", str(clamped))
            column += clamped
        cells_left.spend(column)


def _grid(document: DocxDocument, tbl: _Element, cells_left: CellAllowance) -> Grid:
    """A table's cells at their grid columns; a vertical merge as one cell spanning its rows."""
    from docx.table import Table  # noqa: PLC0415

    _clamp_spans(tbl, cells_left)
    table = Table(cast("CT_Tbl", tbl), document)
    # By cell element (the key keeps lxml's proxy, hence its identity, alive).
    placed: dict[CT_Tc, GridCell] = {}
    starts: list[CT_Tc] = []
    nested: list[tuple[int, Grid]] = []
    rows = list(table.rows)
    for r, row in enumerate(rows):
        for column, span, tc, continued in _row_tcs(row):
            top = placed.get(tc) if continued else None
            if top is not None and top.column == column:
                placed[tc] = attrs.evolve(top, rowspan=r - top.row + 1)
                continue
            text, tables = _cell_parts(tc)
            placed[tc] = GridCell(text, r, column, 1, span)
            starts.append(tc)
            nested.extend((r, _grid(document, inner, cells_left)) for inner in tables)
    cells = tuple(placed[tc] for tc in starts)
    return Grid(cells, len(rows), (None,) * len(rows), tuple(nested))


def _row_tcs(row: _Row) -> list[tuple[int, int, CT_Tc, bool]]:
    """The distinct cells of a row: grid column, columns spanned, cell, whether it continues.

    python-docx lists a cell once per grid column it spans (kept once here) and
    gives the top cell of a vertical merge for the rows below it. A continuation
    with no cell above it (malformed files) is read as the empty cell it is.
    """
    tr = row._tr  # noqa: SLF001
    try:
        cells = row.cells
    except ValueError:
        return [(i, 1, tc, False) for i, tc in enumerate(tr.tc_lst)]
    out: list[tuple[int, int, CT_Tc, bool]] = []
    for column, cell in enumerate(cells):
        tc = cell._tc  # noqa: SLF001
        if out and out[-1][2] is tc:
            start, span, _, continued = out[-1]
            out[-1] = (start, span + 1, tc, continued)
            continue
        out.append((column, 1, tc, tc.getparent() is not tr))
    return out
