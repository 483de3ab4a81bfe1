"""HTML pages to a ``Document``: tables as cell grids, the rest as prose lines.

Parsed by lxml's HTML parser with no network access and no entity expansion.
Each data table becomes a ``Grid``: every cell at the row and column the
page puts it, with its ``rowspan`` and ``colspan`` (clamped to
``MAX_SPAN`` and to the table's rows and columns). A table that contains
tables is a layout table and is read as blocks. The walk is iterative, so
deeply nested pages cannot exhaust the stack.
"""

from __future__ import annotations

import re

import attrs
from lxml import etree, html

from govinfo._diagnostics import NESTED_TOO_DEEP
from govinfo._errors import InputError
from govinfo.inputs.decode import declared_charset, decode
from govinfo.inputs.document import (
    Block,
    Budget,
    CellAllowance,
    Document,
    Grid,
    GridCell,
    Note,
    Prose,
    cell_text,
)

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object", "svg"})
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype|html|head|body|table|meta|div|title)\b",
    re.IGNORECASE | re.DOTALL,
)
MAX_SPAN = 200
_DEFAULT_BUDGET = Budget()


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page or fragment rather than extracted report text."""
    return bool(_HTML_START.match(text[:2048]))


def _parser(*, huge: bool = False) -> etree.HTMLParser:
    return etree.HTMLParser(
        no_network=True, huge_tree=huge, remove_comments=True, remove_pis=True, recover=True
    )


def _line(element: etree._Element) -> int:
    line = getattr(element, "sourceline", None)
    return line if isinstance(line, int) else 1


def _span(cell: etree._Element, attr: str) -> int:
    written = cell.get(attr)
    if written is None:
        return 1  # most cells
    try:
        value = int(str(written).strip() or "1")
    except ValueError:
        return 1
    return min(max(value, 1), MAX_SPAN)


def _text_of(element: etree._Element) -> str:
    """Text of a cell, with a space where <br> or a block boundary was."""
    if not len(element):
        return cell_text(element.text or "")  # most cells: text alone, no element inside
    parts: list[str] = []
    for event, el in etree.iterwalk(element, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIP:
                continue
            if tag == "br" or tag in _BLOCK:
                parts.append(" ")
            parts.append(el.text or "")
        else:
            if tag in _BLOCK:
                parts.append(" ")
            if el is not element:
                parts.append(el.tail or "")
    return cell_text("".join(parts))


@attrs.define
class _Out:
    blocks: list[Block] = attrs.Factory(list)
    buffer: list[str] = attrs.Factory(list)
    buffer_line: int = 1

    def text(self, text: str | None, line: int) -> None:
        if text:
            if not self.buffer:
                self.buffer_line = line
            self.buffer.append(text)

    def flush(self) -> None:
        text = cell_text("".join(self.buffer))
        if text:
            self.blocks.append(Prose(text, self.buffer_line))
        self.buffer.clear()


def _grid(table: etree._Element, cells_left: CellAllowance) -> Grid:
    """A data table's cells at their rows and columns, honouring rowspan and colspan.

    Spans are clamped to the rows and columns the table has: a rowspan to the
    rows below, a colspan to the table's width (the most cells a row holds,
    counting those that span into it from above). A span past them covers
    nothing that exists, and would only cost memory.
    """
    rows = list(table.iter("tr"))
    tds = [[c for c in tr if c.tag in ("td", "th")] for tr in rows]
    spans = [[_span(c, "rowspan") for c in row] for row in tds]
    # How many cells each row holds, counting those spanning into it from above.
    into = [0] * (len(rows) + 1)
    for r, row_spans in enumerate(spans):
        for rowspan in row_spans:
            if rowspan > 1:
                into[r + 1] += 1
                into[min(r + rowspan, len(rows))] -= 1
    width = running = 0
    for r, row in enumerate(tds):
        running += into[r]
        width = max(width, len(row) + running)
    covered: set[tuple[int, int]] = set()
    cells: list[GridCell] = []
    for r, (row, row_spans) in enumerate(zip(tds, spans, strict=True)):
        col = 0
        for cell, span in zip(row, row_spans, strict=True):
            while (r, col) in covered:
                col += 1
            rowspan = min(span, len(rows) - r)
            colspan = max(1, min(_span(cell, "colspan"), width - col))
            cells.append(GridCell(_text_of(cell), r, col, rowspan, colspan))
            if rowspan > 1:
                cells_left.spend((rowspan - 1) * colspan)
                covered.update(
                    (r + dr, col + dc) for dr in range(1, rowspan) for dc in range(colspan)
                )
            col += colspan
    return Grid(tuple(cells), len(rows), tuple(_line(tr) for tr in rows))


_WRAPPERS = re.compile(
    r"</?(?:div|span|font|section|article|center|b|i|u|em|strong|small|big|a|label|ins|del)\b[^>]*>",
    re.IGNORECASE,
)


# libxml2 drops what follows </html>: the end tags are implied anyway, so they go.
_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def _too_deep(parser: etree.HTMLParser) -> bool:
    return any("depth" in entry.message.lower() for entry in parser.error_log)


def _parse_tree(source: str, name: str) -> tuple[etree._Element, tuple[Note, ...]]:
    source = _END_TAGS.sub("", source)
    parser = _parser()
    try:
        root = html.document_fromstring(source, parser=parser)
        if _too_deep(parser):
            # libxml2 stops at a nesting depth limit (256) and would drop what lies
            # deeper; wrappers carry no table structure, so flatten them and read again.
            source = _WRAPPERS.sub(" ", source)
            root = html.document_fromstring(source, parser=(parser := _parser()))
        if _too_deep(parser):
            # Deep layout tables or lists: read again with the limit at 2048 levels
            # (the walk below is iterative, and the input within its budget).
            root = html.document_fromstring(source, parser=(parser := _parser(huge=True)))
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{name}: not readable as HTML ({exc})") from None
    if _too_deep(parser):
        message = "elements nested deeper than 2048 levels: what lies deeper is not read"
        return root, (Note(NESTED_TOO_DEEP, message),)
    return root, ()


def from_html(
    source: str | bytes, *, name: str = "<html>", budget: Budget = _DEFAULT_BUDGET
) -> Document:
    """Read an HTML page (text or bytes in any declared or detectable encoding).

    Raises:
        DecodeError: bytes in an encoding that cannot be told with confidence.
        InputError: nothing could be parsed.
        InputTooLargeError: its tables span more grid cells than ``budget`` allows.
    """
    cells_left = CellAllowance(budget, name)
    decoding: list[Note] = []
    if isinstance(source, bytes):
        source, _ = decode(source, declared=declared_charset(source), name=name, notes=decoding)
    source = _XML_DECLARATION.sub("", source, count=1)
    root, notes = _parse_tree(source, name)
    notes = (*decoding, *notes)
    title_el = root.find(".//title")
    title = ""
    out = _Out()
    if title_el is not None:
        title = cell_text("".join(str(t) for t in title_el.itertext()))
        if title:
            out.blocks.append(Prose(title, _line(title_el)))
    body = root.find("body")
    start = body if body is not None else root
    walker = etree.iterwalk(start, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        line = _line(el)
        if event == "start":
            if tag in _SKIP:
                walker.skip_subtree()
                continue
            if tag == "table" and el.find(".//table") is None:
                out.flush()
                out.blocks.append(_grid(el, cells_left))
                walker.skip_subtree()
                continue
            if tag == "br" or tag in _BLOCK:
                out.flush()
            out.text(el.text, line)
        else:
            if tag in _BLOCK:
                out.flush()
            if el is not start:
                out.text(el.tail, line)
    out.flush()
    return Document(tuple(out.blocks), "html", title or None, notes=notes)
