"""Stage one: split normalized text into cells and rows, lenient and lossless.

Two layouts. In scraped page text every ``|`` ends a cell and a line without
``|`` is prose. Text with no ``|`` table (PDF or Word text, tab-separated
copies) is read by whitespace: a line's trailing run of numbers (and units)
becomes value cells and the words before it label cells. Cells keep their
offsets in the normalized text, so later stages can point back to the input.

Cells are grouped, as they are read, into label-led logical rows: a label
after values starts a new row, and prose ends one.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from typing import TYPE_CHECKING, Final, NamedTuple

from govinfo.inputs.document import Grid, Prose
from govinfo.reading.numbers import is_unit_text, is_value_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo.inputs.document import Document


class Kind(enum.Enum):
    """What a cell holds."""

    LABEL = "label"
    VALUE = "value"
    UNIT = "unit"
    EMPTY = "empty"


#: One cell of the input: its stripped text, its offsets in the normalized text and
#: what it holds, read by index (``cell[TEXT]``). A plain tuple: a report has hundreds
#: of cells, and a named tuple took three times as long to build.
Cell = tuple[str, int, int, Kind]
TEXT: Final = 0
START: Final = 1
END: Final = 2
KIND: Final = 3


class LogicalRow(NamedTuple):
    """Label cells followed by the value cells that belong to them.

    ``filled`` counts the value cells that hold something, and ``last_filled``
    is the index in ``cells`` of the last of them (-1 when none does).
    """

    labels: tuple[Cell, ...]
    cells: tuple[Cell, ...]
    units: tuple[Cell, ...]
    filled: int
    last_filled: int


def _kind(text: str) -> Kind:
    # A lone "?" is what a non-breaking space becomes in a mis-decoded page.
    if not text or not text.strip("?"):
        return Kind.EMPTY
    # Values first: most cells are numbers, and no text is both.
    if is_value_text(text):
        return Kind.VALUE
    if is_unit_text(text):
        return Kind.UNIT
    return Kind.LABEL


_MD_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")


#: A line's cells, their offsets relative to the line's start.
Shape = tuple[Cell, ...]


def _shape(line: str, *, markdown: bool) -> Shape:
    """The cells of a ``|``-separated line (offsets relative to the line)."""
    if markdown and _MD_RULE.match(line):
        return ()  # a Markdown table's |---|---| rule
    parts = line.split("|")
    if not parts[-1].strip():
        parts.pop()
    pos = 0
    # A Markdown row opens with a "|" that ends no cell.
    if markdown and line.lstrip().startswith("|"):
        opening = parts.pop(0)
        pos += len(opening) + 1
    cells = []
    for part in parts:
        stripped = part.strip()
        start = pos + len(part) - len(part.lstrip())
        cells.append((stripped, start, start + len(stripped), _kind(stripped)))
        pos += len(part) + 1
    return tuple(cells)


_TOKEN = re.compile(r"\S+")
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
_SENTENCE = re.compile(r"[。!?;]")
_FIGURES = (Kind.VALUE, Kind.UNIT)


def _whitespace_shape(line: str) -> Shape:
    """The cells of a line read by whitespace (offsets relative to the line)."""
    line = line.rstrip("\r").replace("|", " ")
    stripped = line.strip()
    if not stripped:
        return ()
    if _kind(stripped.rsplit(None, 1)[-1]) not in _FIGURES and (
        len(stripped) > 60 or _SENTENCE.search(line)
    ):
        return ()  # prose: words, not ending in figures (most lines of a PDF's text)
    if _PAGE_FURNITURE.match(line):
        return ()
    tokens = list(_TOKEN.finditer(line))
    split = len(tokens)
    while split > 0 and _kind(tokens[split - 1][0]) in _FIGURES:
        split -= 1
    cells = [(t[0], t.start(), t.end(), Kind.LABEL) for t in tokens[:split]]
    cells += [(t[0], t.start(), t.end(), _kind(t[0])) for t in tokens[split:]]
    return tuple(cells)


_PIPED = re.compile(r"\|[^\S\n]*$", re.MULTILINE)


def _piped_shapes(markdown: bool) -> tuple[dict[str, Shape], Callable[[str], Shape]]:
    """The shapes of this text's ``|`` lines, and the function that makes a new one.

    Scraped pages repeat the same lines ("0 |", "||") dozens of times in a report:
    each distinct line is read once.
    """
    shapes: dict[str, Shape] = {}

    def make(raw: str) -> Shape:
        if "|" not in raw:
            return ()  # prose, not kept: prose lines seldom recur
        shape = shapes[raw] = _shape(raw.rstrip("\r"), markdown=markdown)
        return shape

    return shapes, make


def _row(
    labels: list[Cell], cells: list[Cell], units: list[Cell], filled: int, last: int
) -> LogicalRow:
    return LogicalRow(tuple(labels), tuple(cells), tuple(units), filled, last)


def tokenize(text: str) -> list[LogicalRow]:
    """Split ``text`` into cells, grouped into label-led rows; a line of prose ends a row."""
    raw_lines = text.split("\n")
    make: Callable[[str], Shape]
    # The scraped layout ends every cell, hence every table line, with "|".
    if _PIPED.search(text) is None:
        shapes: dict[str, Shape] = {}  # nothing kept: each line is read where it stands
        make = _whitespace_shape
    else:
        markdown = "--" in text and any(_MD_RULE.match(line.rstrip("\r")) for line in raw_lines)
        shapes, make = _piped_shapes(markdown)
    get = shapes.get
    rows: list[LogicalRow] = []
    labels: list[Cell] = []
    cells: list[Cell] = []
    units: list[Cell] = []
    filled, last = 0, -1
    label, unit, value = Kind.LABEL, Kind.UNIT, Kind.VALUE
    offset = 0
    # One loop over every cell of the report: the grouping is written out here
    # rather than called per cell.
    for raw in raw_lines:
        shape = get(raw)
        if shape is None:
            shape = make(raw)
        if not shape and (labels or cells or units):  # prose (or a Markdown rule) ends a row
            if labels or cells:
                rows.append(_row(labels, cells, units, filled, last))
            labels, cells, units, filled, last = [], [], [], 0, -1
        for content, start, end, kind in shape:
            cell = (content, offset + start, offset + end, kind)
            if kind is value:
                last = len(cells)
                cells.append(cell)
                filled += 1
            elif kind is label:
                if cells or units:
                    if labels or cells:
                        rows.append(_row(labels, cells, units, filled, last))
                    labels, cells, units, filled, last = [], [], [], 0, -1
                labels.append(cell)
            elif kind is unit:
                units.append(cell)
            else:
                cells.append(cell)
        offset += len(raw) + 1
    if labels or cells:
        rows.append(_row(labels, cells, units, filled, last))
    return rows


def _cell_line(texts: list[str]) -> str:
    """One table row in the ``|`` layout: ``a | b | c |``, each cell on one line."""
    return " | ".join(" ".join(t.replace("|", "¦").split()) for t in texts) + " |"


def _grid_lines(grid: Grid, lines: list[str], sources: list[int | None]) -> None:
    """A grid's rows in the ``|`` layout, each with its source line; nested tables after theirs.

    A cell is written in its first row. In the rows below it spans, a label is
    repeated (it is the group context of those rows) while a number is left
    blank: a figure must not be counted twice. Columns a cell spans to its right
    are not padded, so each row reads label(s) then values.
    """
    rows: list[list[tuple[int, str]]] = [[] for _ in range(grid.rows)]
    for cell in grid.cells:
        rows[cell.row].append((cell.column, cell.text))
        if cell.rowspan > 1:
            number = is_value_text(unicodedata.normalize("NFKC", cell.text).strip())
            for below in rows[cell.row + 1 : cell.row + cell.rowspan]:
                below.append((cell.column, "" if number else cell.text))
    nested: dict[int, list[Grid]] = {}
    for r, inner in grid.nested:
        nested.setdefault(r, []).append(inner)
    for r, row in enumerate(rows):
        texts = [text for _, text in sorted(row, key=lambda item: item[0])]
        if any(texts):
            lines.append(_cell_line(texts))
            sources.append(grid.lines[r] if r < len(grid.lines) else None)
        for inner in nested.get(r, ()):
            _grid_lines(inner, lines, sources)


def lay_out(document: Document) -> tuple[str, tuple[int | None, ...] | None]:
    """The text read from a document, and the source line (or page) of each of its lines.

    Text given as text is read as it is. Otherwise prose blocks are lines (a
    ``|`` in them written ``¦``, so they stay prose) and tables rows in the
    ``|`` layout; the source lines are ``None`` when the source has none (Word).
    """
    if document.text is not None:
        return document.text, None
    lines: list[str] = []
    sources: list[int | None] = []
    for block in document.blocks:
        if isinstance(block, Prose):
            lines.append(block.text.replace("|", "¦"))
            sources.append(block.line)
        else:
            _grid_lines(block, lines, sources)
    text = "\n".join(lines) + "\n" if lines else ""
    return text, tuple(sources) if any(s is not None for s in sources) else None
