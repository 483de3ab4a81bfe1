"""PDF input: the text layer of every page, without page numbers and running headers."""

from __future__ import annotations

import collections
import io
import re
import unicodedata
import zlib
from typing import TYPE_CHECKING, Any

import attrs

from govinfo._errors import InputError, MissingExtraError
from govinfo.inputs.document import Budget, Document, Prose

if TYPE_CHECKING:
    from collections.abc import Sequence

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
    r"^Microsoft (?:Word|Excel|PowerPoint) - |\.(?:docx?|wps|xlsx?|pdf)$", re.IGNORECASE
)
_NO_TITLE = {"", "untitled", "无标题", "unknown"}
# At most this many running header (or footer) lines are taken off each page.
_MAX_RUNNING = 2
_DEFAULT_BUDGET = Budget()


def from_pdf(data: bytes, *, budget: Budget = _DEFAULT_BUDGET, name: str = "<pdf>") -> Document:
    """Read the text layer of a PDF: one :class:`Prose` block a line, with its page.

    Pages are read with pdfplumber's default text extraction, pages in order.
    Page furniture is left out: a line that is only a page number ("3",
    "- 3 -", "第 3 页 共 10 页", "3/10") when it is the first or last line of
    its page, and a running header or footer, a line found identically at the
    top (or bottom) of two or more pages. Each line's ``line`` is its 1-based
    page. ``title`` is the Title of the
    document information, if it is more than a placeholder ("untitled") or a
    converter's "Microsoft Word - file.docx" (which gives "file").

    Before a page is read, its content streams (and the forms they draw) are
    decompressed, with a cap, and their operators counted: a page over
    ``budget`` is refused before pdfminer lays out a single character.

    Raises:
        MissingExtraError: pdfplumber is not installed.
        InputError: ``data`` is not a readable PDF.
        InputTooLargeError: its content streams decompress to more than
            ``budget.max_bytes``, or hold more operators than the budget allows
            (``page_operators`` a page, ``operators`` in all).
    """
    try:
        import pdfplumber  # noqa: PLC0415 - optional extra
    except ImportError:
        raise MissingExtraError(
            f"{name}: reading .pdf files needs the 'pdf' extra: pip install 'govinfo[pdf]'"
        ) from None
    from pdfminer.pdfdocument import PDFPasswordIncorrect  # noqa: PLC0415
    from pdfminer.psexceptions import PSException  # noqa: PLC0415
    from pdfplumber.utils.exceptions import (  # noqa: PLC0415
        MalformedPDFException,
        PdfminerException,
    )

    pages: list[str] = []
    work = _Work(budget, name)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            title = pdf.metadata.get("Title")
            for number, page in enumerate(pdf.pages, start=1):
                work.check(page.page_obj, number)
                pages.append(page.extract_text() or "")
                page.close()  # drop the page's layout objects once its text is read
    except (
        PdfminerException,
        MalformedPDFException,
        PSException,
        # pdfminer and pdfplumber meet some malformed objects (a /MediaBox that is not four
        # numbers, an operator where an operand belongs) with these.
        TypeError,
        ValueError,
        IndexError,
        KeyError,
        AttributeError,
        ZeroDivisionError,
        OverflowError,
    ) as exc:
        cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise InputError(f"{name}: not a readable PDF: encrypted with a password") from None
        reason = str(cause) or type(cause).__name__
        raise InputError(f"{name}: not a readable PDF: {reason}") from None
    lines, source = page_lines(pages)
    blocks = tuple(Prose(line, page) for line, page in zip(lines, source, strict=True))
    return Document(blocks, "pdf", _title(title))


# What an operator looks like in a content stream: a bare keyword of one to three
# characters (names start with "/", numbers with a digit or sign). Words inside
# strings count too, so the count can only be over, never under.
_OPERATOR = re.compile(rb"(?<![^\s\])>])[A-Za-z'\"][A-Za-z0-9*]{0,2}(?![^\s\[(<{/])")


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
            operators += sum(1 for _ in _OPERATOR.finditer(data))
        self.operators += operators
        if operators > self.budget.page_operators:
            what = f"page {number} has over {self.budget.page_operators:,} drawing operators"
            raise self.budget.refuse(self.name, what)
        if self.operators > self.budget.operators:
            what = f"its pages have over {self.budget.operators:,} drawing operators"
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
                inflater = zlib.decompressobj()
                try:
                    data = inflater.decompress(data, left + 1)
                except zlib.error:
                    data = b""  # pdfminer reads what it can of a damaged stream
                if len(data) > left:
                    break
        else:
            data = stream.get_data()
        self.decoded += len(data)
        if len(data) > left:
            what = f"page {number}'s content decompresses to over {self.budget.max_bytes:,} bytes"
            raise self.budget.refuse(self.name, what)
        return data


def _title(raw: object) -> str | None:
    """The Title of the document information, without what writers put there for none."""
    if not isinstance(raw, str):
        return None
    title = _OFFICE_FILE.sub("", raw.strip())
    return None if title.lower() in _NO_TITLE else title


def _is_page_number(line: str) -> bool:
    return _PAGE_NUMBER.fullmatch(unicodedata.normalize("NFKC", line).strip()) is not None


def page_lines(pages: Sequence[str]) -> tuple[list[str], list[int]]:
    """The non-empty lines of the pages' text without page furniture, and the page of each.

    A page number is taken off the top and off the bottom of each page; then,
    at each end, a line with words that several pages share there (a running
    header or footer), with a page number it uncovers, as long as there is one.
    """
    text = [[s for line in page.splitlines() if (s := line.strip())] for page in pages]
    lo = [0] * len(text)  # each page keeps text[i][lo[i]:hi[i]]
    hi = [len(t) for t in text]

    def drop(i: int, *, top: bool) -> None:
        if top:
            lo[i] += 1
        else:
            hi[i] -= 1

    def end_line(i: int, *, top: bool) -> str | None:
        if lo[i] >= hi[i]:
            return None
        return text[i][lo[i] if top else hi[i] - 1]

    def drop_page_number(i: int, *, top: bool) -> None:
        line = end_line(i, top=top)
        if line is not None and _is_page_number(line):
            drop(i, top=top)

    for top in (True, False):
        for i in range(len(text)):
            drop_page_number(i, top=top)
        for _ in range(_MAX_RUNNING):
            ends = [end_line(i, top=top) for i in range(len(text))]
            counts = collections.Counter(e for e in ends if e is not None and _WORD.search(e))
            running = {line for line, n in counts.items() if n >= 2}
            if not running:
                break
            for i, line in enumerate(ends):
                if line in running:
                    drop(i, top=top)
                    drop_page_number(i, top=top)
    lines: list[str] = []
    source: list[int] = []
    for number, (page, start, stop) in enumerate(zip(text, lo, hi, strict=True), start=1):
        lines += page[start:stop]
        source += [number] * (stop - start)
    return lines, source
