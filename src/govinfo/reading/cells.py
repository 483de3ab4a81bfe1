"""Stage one: split normalized text into cells, and cells into label-led rows.

There is no per-document layout. Every line is read by what it holds: the
parts of a line with ``|`` are cells; a line without is cut at whitespace into
its words (label cells) and its trailing run of numbers and units (value
cells), unless it reads as a sentence, which is prose. So one cell a line, one
cell a paragraph, ``|`` on alternate lines, pipe rows, tab- and space-separated
text and any mix of them give the same cells. An empty cell is one the layout
shows (``| |``, ``||``); a line break or blank line only separates cells.

Cells are grouped, as they are read, into label-led logical rows: a label after
values starts a new row, and prose ends one. Which template row a group is,
and which of its cells are which columns, is decided in ``.align``.

Tables an adapter read as grids (HTML, Word, PDF), and column-aligned tables
in text (``govinfo.inputs.aligned``: a blank cell is a gap there), are not split
again: their cells come with the layout and are grouped the same way. Cells keep their offsets in
the normalized text, so later stages can point back to the input.
"""

from __future__ import annotations

import bisect
import enum
import re
import unicodedata
from typing import TYPE_CHECKING, Final, NamedTuple

from govinfo.inputs.aligned import aligned_rows
from govinfo.inputs.document import Grid, Prose
from govinfo.reading.numbers import is_unit_text, is_value_text, starts_like_value

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from govinfo.inputs.document import Document
    from govinfo.reading.normalize import Normalized


class Kind(enum.Enum):
    """What a cell holds."""

    LABEL = "label"
    VALUE = "value"
    UNIT = "unit"
    EMPTY = "empty"
    #: Digits a crawler ran together between labels: one cell or several.
    RUN = "run"


#: One cell of the input: its stripped text, its offsets in the normalized text and
#: what it holds, read by index (``cell[TEXT]``). A plain tuple: a report has hundreds
#: of cells, and a named tuple took three times as long to build.
Cell = tuple[str, int, int, Kind]
TEXT: Final = 0
START: Final = 1
END: Final = 2
KIND: Final = 3


class LogicalRow:
    """Label cells followed by the value cells that belong to them.

    ``filled`` counts the value cells that hold something, and ``last_filled``
    is the index in ``cells`` of the last of them (-1 when none does);
    ``run_together`` whether a crawler ran its cells together: its labels may
    be several in one cell, and its values digit runs (``RUN``). A plain
    slotted class: compiled, it is built without the interpreter.
    """

    __slots__ = ("cells", "filled", "labels", "last_filled", "run_together", "units")

    def __init__(
        self,
        labels: tuple[Cell, ...],
        cells: tuple[Cell, ...],
        units: tuple[Cell, ...],
        filled: int,
        last_filled: int,
        *,
        run_together: bool = False,
    ) -> None:
        """A row of ``labels``, value ``cells`` and ``units``."""
        self.labels = labels
        self.cells = cells
        self.units = units
        self.filled = filled
        self.last_filled = last_filled
        self.run_together = run_together

    def relabelled(self, labels: tuple[Cell, ...]) -> LogicalRow:
        """The same row with other label cells."""
        return LogicalRow(
            labels,
            self.cells,
            self.units,
            self.filled,
            self.last_filled,
            run_together=self.run_together,
        )


def _kind(text: str) -> Kind:
    if not text:
        return Kind.EMPTY
    if not starts_like_value(text):
        return Kind.UNIT if is_unit_text(text) else Kind.LABEL
    # A lone "?" is what a non-breaking space becomes in a mis-decoded page.
    if not text.strip("?"):
        return Kind.EMPTY
    if text[0] == "0" and len(text) > 1 and text.isdigit():
        return Kind.RUN  # no count starts with 0: several cells run together ("000")
    # Values first: most cells are numbers, and no text is both.
    if is_value_text(text):
        return Kind.VALUE
    if is_unit_text(text):
        return Kind.UNIT
    return Kind.LABEL


_MD_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")


#: A line's cells, their offsets relative to the line's start.
Shape = tuple[Cell, ...]

_TOKEN = re.compile(r"\S+")
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
#: What ends a sentence.
_STOPS: Final = "。!?;"
#: A line up to its last sentence stop: one match finds both whether it holds a
#: sentence and where the sentences end (the greedy ``.*`` backtracks over the tail only).
_TO_LAST_STOP = re.compile(f".*[{_STOPS}]", re.DOTALL)
#: What tells a line of words from one that may hold a sentence, figures run
#: together or a page number: a digit or a stop.
_DIGIT_OR_STOP = re.compile(rf"[\d{_STOPS}]")
_FIGURES = (Kind.VALUE, Kind.UNIT, Kind.RUN)


def _part_cells(part: str) -> Shape:
    """The cells of the text between two ``|`` (offsets relative to it).

    One cell, or, when the part holds only numbers separated by spaces, the
    run of value cells a scraper joined.
    """
    stripped = part.strip()
    if (stripped.isdigit() and stripped.isascii() and stripped[0] != "0") or stripped == "0":
        start = len(part) - len(part.lstrip())  # most parts: a count, told at once
        return ((stripped, start, start + len(stripped), Kind.VALUE),)
    kind = _kind(stripped)
    if kind is Kind.LABEL and " " in stripped:
        tokens = list(_TOKEN.finditer(part))
        if all(_kind(t[0]) in _FIGURES for t in tokens):
            return tuple((t[0], t.start(), t.end(), _kind(t[0])) for t in tokens)
    start = len(part) - len(part.lstrip())
    return ((stripped, start, start + len(stripped), kind),)


#: The cells of the texts between two ``|`` read so far, by text: a bounded memo of a
#: pure function. Tables repeat their cells ("0", a template's labels) within a report
#: and across the reports of a batch.
_PARTS: dict[str, Shape] = {}
#: Texts the memo holds at most; when full it starts again.
_PARTS_HELD: Final = 16384


# Digits between words, as a crawler that drops the separators leaves them. Not a
# run: digits with their unit or date ("2023年", "5件", "第3页"), and the last digit
# when a "." or "、" and a word follow ("…00002.其他…": the next label's numbering).
# A sign inside a run starts a signed cell (本年增/减: "716-417298", "7增1011"); a run
# may start with "+" or "-" too, where digits could (not in the pattern: it would be
# tried at every character of every label line).
_DIGITS = re.compile(r"\d+(?:\.\d+|(?:[+\-增减]\d+)+)?")
_LEADING_SIGNS = frozenset("+-")
_AFTER_FIGURE = frozenset("年月日号时分件条个项次人元%‰万千百亿页期届批篇份家场宗起")
_NUMBERING_MARKS = frozenset(".、")
# What a label ends in, where a crawler ran a number onto it (spaces between allowed).
_LABEL_END = re.compile(r"[\u4e00-\u9fff)\]”》][ \t\u00a0\u3000]*$")


def _run_together(line: str) -> Shape | None:
    """The cells of a line whose cells a crawler ran together, or ``None`` (no run).

    Labels are the words between digit runs; each run is a ``Kind.RUN``
    cell (one cell or several, split later by the template's invariants).
    """
    if _DIGITS.search(line) is None:
        return None  # most lines that reach here are headings: one search, in C
    cells: list[Cell] = []
    at = 0
    runs = 0
    for m in _DIGITS.finditer(line):
        start, end = m.span()
        if start > at and line[start - 1] in _LEADING_SIGNS:
            start -= 1
        after = line[end : end + 1]
        if after in _AFTER_FIGURE:
            continue
        # Digits follow a label, or a run with spaces between (a separator left in).
        spaced = runs and at < start and line[at:start].isspace()
        if not spaced and not _LABEL_END.search(line, max(at, start - 8), start):
            continue
        if after in _NUMBERING_MARKS and not line[end + 1 : end + 2].isdigit():
            end -= 1  # the next label's numbering
            while end > start and not line[end - 1].isdigit():
                end -= 1  # a sign before it: not one of this run's
            if end == start:
                continue
        words = line[at:start].strip()
        if words:
            offset = line.index(words, at)
            cells.append((words, offset, offset + len(words), Kind.LABEL))
        text = line[start:end]
        cells.append((text, start, end, Kind.VALUE if "." in text else Kind.RUN))
        runs += 1
        at = end
    if not runs:
        return None
    words = line[at:].strip()
    if words:
        offset = line.index(words, at)
        cells.append((words, offset, offset + len(words), Kind.LABEL))
    return tuple(cells)


def _after_sentences(line: str, end: int) -> Shape | None:
    """The cells run together after a line's sentences (which end at ``end``), or ``None`` (prose).

    What follows the sentence is a table run together when it reads as rows
    do (words, figures, words, figures: two figures or more), with no comma
    outside a label's note in parentheses: a clause has one, a label none.
    """
    tail = line[end:]
    glued = _run_together(tail)
    if glued is None or sum(c[KIND] is not Kind.LABEL for c in glued) < 2:
        return None
    if "," in _NOTE.sub("", tail):
        return None
    return tuple(_placed(glued, end))


#: A note in parentheses, as labels have them ("(区分处理的,只计这一情形,不计其他情形)").
_NOTE = re.compile(r"\([^()]*\)")


def _whitespace_shape(line: str) -> Shape | None:
    """The cells of a line without ``|``, by whitespace; ``None`` when it is prose.

    Its words are label cells but for its trailing run of figures. Page
    furniture (``- 3 -``, ``第3页 共9页``) is no cell and no prose: it may
    stand between any two cells of a table printed over pages. A line of
    words and digits with no space between them is a table's cells run
    together (see ``_run_together``), unless it reads as a sentence.
    """
    texts = line.split()
    if not texts:
        return ()
    last = texts[-1]
    if last[-1] in _STOPS:
        return None  # a sentence ends the line (no figure ends in a stop): prose
    kind = _kind(last)
    # A line without digits or stops holds no sentence, no cells run together, no page number.
    marked = _DIGIT_OR_STOP.search(line) is not None
    if kind not in _FIGURES:
        if marked and (sentence := _TO_LAST_STOP.match(line)) is not None:
            # A sentence: words, not ending in figures; or a sentence a crawler ran into
            # the table after it, whose cells it ran together (see `_run_together`).
            return _after_sentences(line, sentence.end())
        if marked and (glued := _run_together(line)) is not None:
            return glued
        if len(line.strip()) > 60:
            return None  # words only: prose
    if marked and _PAGE_FURNITURE.match(line):
        return ()
    if len(texts) == 1 and kind is Kind.LABEL:  # a label alone on its line: the commonest
        start = line.index(texts[0])
        return ((texts[0], start, start + len(texts[0]), kind),)
    tokens = list(_TOKEN.finditer(line))
    figures: list[Cell] = []
    while tokens and kind in _FIGURES:
        t = tokens.pop()
        figures.append((t[0], t.start(), t.end(), kind))
        kind = _kind(tokens[-1][0]) if tokens else Kind.LABEL
    words: list[Cell] = [(t[0], t.start(), t.end(), Kind.LABEL) for t in tokens]
    glued = _run_together(words[-1][TEXT]) if words and figures else None
    runs = glued or any(k is Kind.RUN for *_, k in figures)
    if runs and len(words) > 1 and (whole := _run_together(line[: words[-1][END]])):
        # Cells ran together in the line: its words before the last may be rows run
        # together too, a space left here and there ("行政处罚00 0行政强制0 00").
        words = list(whole)
    elif glued:  # the label ran into its first numbers ("…申请数量110 60000 116")
        start = words.pop()[START]
        words += [(text, start + a, start + b, k) for text, a, b, k in glued]
    if runs:
        # Cells run together in the line: each of its numbers may be several cells,
        # however a crawler left the spaces between them.
        figures = [
            (t, a, b, Kind.RUN if k is Kind.VALUE and t.isdigit() else k) for t, a, b, k in figures
        ]
    return (*words, *reversed(figures))


#: What reading a line leaves for the next: its last cell open (True), closed by a
#: ``|`` (False), or as it was (``None``: a blank line, page furniture).
After = bool | None
#: A line read: its cells (``None``: prose), placed as they were where the line was
#: first met, that place, and the state it leaves.
_Read = tuple["Sequence[Cell] | None", int, After]


class _LineReader:
    """Reads the lines of one text into cells, each distinct line once a parse.

    Scraped pages repeat the same lines (``0 |``, ``|``) dozens of times and
    the same cells (``0``, ``件``) hundreds: a line is read once a parse in
    each state the line before can leave (``lines``, looked up by the
    caller), and the text between two ``|`` once whatever its line (``_PARTS``).
    """

    def __init__(self, *, markdown: bool) -> None:
        """Read lines of a text that holds a Markdown table or not."""
        self.markdown = markdown
        #: The lines read, by whether the line before left a cell open.
        self.lines: tuple[dict[str, _Read], dict[str, _Read]] = ({}, {})

    def read(self, raw: str, start: int, *, opened: bool) -> _Read:
        """The cells of a line that starts at ``start`` and the state it leaves; kept in ``lines``.

        ``opened``: a ``|`` opening the line ends a cell rather than an empty one
        (see `_piped`).
        """
        line = raw.rstrip("\r")
        cells: Sequence[Cell] | None
        if "|" not in line:
            shape = _whitespace_shape(line)
            cells = _placed(shape, start) if shape and start else shape
        elif self.markdown and _MD_RULE.match(line):
            cells = ()  # a Markdown table's |---|---| rule
        else:
            cells = _piped(line, start, opened=self.markdown or opened)
        entry: _Read
        if cells is None:
            entry = (None, start, False)
        elif cells or "|" in raw:
            entry = (cells, start, not raw.rstrip().endswith("|"))
        else:
            entry = (cells, start, None)
        self.lines[opened][raw] = entry
        return entry


def _placed(cells: Sequence[Cell], by: int) -> Sequence[Cell]:
    """``cells`` moved ``by`` characters on."""
    if len(cells) == 1:  # one cell a line: the commonest, placed without a loop
        text, start, end, kind = cells[0]
        return ((text, start + by, end + by, kind),)
    return [(text, start + by, end + by, kind) for text, start, end, kind in cells]


def _piped(line: str, offset: int, *, opened: bool) -> Sequence[Cell]:
    """The cells of a line with ``|`` that starts at ``offset`` in the text.

    A ``|`` ends a cell, so ``| |`` and ``a||b`` hold empty cells. A line of
    nothing but ``|`` holds none: scrapers write it where a row opens, after a
    cell on the line before, and as colspan padding (an empty cell on its own
    line is written `` |``, like any other cell). When ``opened``
    (the line before left its last cell without a ``|``: a cell and its ``|``
    on alternate lines; or a Markdown row), a ``|`` opening the line ends that
    cell rather than an empty one. Nothing after the last ``|`` is a cell unless
    it holds something. A part holding only numbers separated by spaces is a run
    of value cells that a scraper joined.
    """
    if not line.rstrip().strip("|"):
        return ()  # "|", "||": where rows open and colspan padding, no cell
    parts = line.split("|")
    if not parts[-1].strip():
        parts.pop()
    pos = offset
    if opened and not parts[0].strip():
        pos += len(parts.pop(0)) + 1
    cells: list[Cell] = []
    known = _PARTS
    for part in parts:
        found = known.get(part)
        if found is None:
            if len(known) >= _PARTS_HELD:
                known.clear()
            found = known[part] = _part_cells(part)
        for text, start, end, kind in found:
            cells.append((text, pos + start, pos + end, kind))
        pos += len(part) + 1
    return cells


def _grid_cells(text: str, spans: Sequence[tuple[int, int]]) -> list[Cell]:
    """The cells of a grid row as the adapter gave them."""
    cells: list[Cell] = []
    for cell_start, cell_end in spans:
        part = text[cell_start:cell_end]
        stripped = part.strip()
        begin = cell_start + len(part) - len(part.lstrip())
        cells.append((stripped, begin, begin + len(stripped), _kind(stripped)))
    return cells


def _row(
    labels: list[Cell], cells: list[Cell], units: list[Cell], filled: int, last: int, runs: bool
) -> LogicalRow:
    return LogicalRow(tuple(labels), tuple(cells), tuple(units), filled, last, run_together=runs)


def tokenize(
    text: str, grid_rows: Mapping[int, Sequence[tuple[int, int]]] | None = None
) -> list[LogicalRow]:
    """Split ``text`` into cells, grouped into label-led rows; a line of prose ends a row.

    ``grid_rows`` gives, by the offset where the line starts, the cell spans of
    the lines that are rows of a grid an adapter read: those are not split again.
    """
    grid = grid_rows or {}
    lines = text.split("\n")
    markdown = "--" in text and any(_MD_RULE.match(line.rstrip("\r")) for line in lines)
    reader = _LineReader(markdown=markdown)
    seen = reader.lines
    # Whether the line before left its last cell open (see `_piped`), and whether the
    # lines since the last grid row hold no cell (figures after it are not its).
    opened = sealed = False
    rows: list[LogicalRow] = []
    labels: list[Cell] = []
    cells: list[Cell] = []
    units: list[Cell] = []
    filled, last, runs = 0, -1, False
    label, unit, value, run = Kind.LABEL, Kind.UNIT, Kind.VALUE, Kind.RUN
    offset = 0
    line_cells: Sequence[Cell] | None
    # One loop over every cell of the report: the grouping is written out here
    # rather than called per cell.
    for raw in lines:
        start = offset
        offset += len(raw) + 1
        if grid and start in grid:
            line_cells = _grid_cells(text, grid[start])
            sealed = True
        else:
            # A line's cells may depend on whether the line before left a cell open.
            line_cells, at, after = seen[opened].get(raw) or reader.read(raw, start, opened=opened)
            opened = opened if after is None else after
            if line_cells and at != start:  # the line met again: its cells here
                line_cells = _placed(line_cells, start - at)
            # Prose ends a row; so do figures after a grid's row, which holds its cells.
            if line_cells is None or (
                sealed and line_cells and line_cells[0][KIND] is not label and cells
            ):
                if labels or cells:
                    rows.append(_row(labels, cells, units, filled, last, runs))
                labels, cells, units, filled, last, runs = [], [], [], 0, -1, False
                if line_cells is None:
                    continue
            sealed = sealed and not line_cells
        for cell in line_cells:
            kind = cell[KIND]
            if kind is value or kind is run:
                last = len(cells)
                cells.append(cell)
                filled += 1
                runs = runs or kind is run
            elif kind is label:
                if cells or units:
                    if labels or cells:
                        rows.append(_row(labels, cells, units, filled, last, runs))
                    labels, cells, units, filled, last, runs = [], [], [], 0, -1, False
                labels.append(cell)
            elif kind is unit:
                units.append(cell)
            else:
                cells.append(cell)
    if labels or cells:
        rows.append(_row(labels, cells, units, filled, last, runs))
    return rows


#: The cells of one grid row written into the text: the row's line start and each cell's span.
GridRow = tuple[int, tuple[tuple[int, int], ...]]


class Layout(NamedTuple):
    """The text read from a document, where each of its lines came from, and its grid rows.

    ``source_lines`` gives the source line (or page) of each line of ``text``,
    or is ``None`` when the source has none (Word, text). ``grid_rows`` are the
    rows of the grids an adapter read, as written into ``text``, or of the
    column-aligned tables in a text: they are read as the grid has them, not
    split again.
    """

    text: str
    source_lines: tuple[int | None, ...] | None = None
    grid_rows: tuple[GridRow, ...] = ()

    def grid_rows_in(self, norm: Normalized) -> dict[int, tuple[tuple[int, int], ...]]:
        """The grid rows by line start in the normalized text, their spans mapped there.

        Normalization keeps the order of characters, so each original offset
        maps to the first normalized character that came from it or after it.
        """
        origin = norm.origin
        out: dict[int, tuple[tuple[int, int], ...]] = {}
        for line_start, spans in self.grid_rows:
            at = bisect.bisect_left(origin, line_start)
            out[at] = tuple(
                (bisect.bisect_left(origin, s), bisect.bisect_left(origin, e)) for s, e in spans
            )
        return out


def _cell_text(text: str) -> str:
    """A cell on one line, with no ``|`` of its own (a ``|`` in a cell is written ``¦``)."""
    return " ".join(text.replace("|", "¦").split())


class _Writer:
    """Writes a document's blocks as lines of text, keeping where each grid cell went."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.sources: list[int | None] = []
        self.grid_rows: list[GridRow] = []
        self.length = 0

    def line(self, text: str, source: int | None) -> None:
        self.lines.append(text)
        self.sources.append(source)
        self.length += len(text) + 1

    def grid_row(self, texts: list[str], source: int | None) -> None:
        """One grid row, in the ``|`` layout people read: ``a | b | c |``."""
        spans: list[tuple[int, int]] = []
        pieces: list[str] = []
        at = self.length
        for text in texts:
            spans.append((at, at + len(text)))
            pieces.append(text)
            at += len(text) + 3  # " | "
        self.grid_rows.append((self.length, tuple(spans)))
        self.line(" | ".join(pieces) + " |", source)

    def grid(self, grid: Grid) -> None:
        """A grid's rows, each with its source line; nested tables after theirs.

        A cell is written in its first row. In the rows below it spans, a label
        is repeated (it is the group context of those rows) while a number is
        left blank: a figure must not be counted twice. Columns a cell spans to
        its right are not padded, so each row reads label(s) then values. An
        empty cell where the rows of figures have their labels is no blank
        value: it is not written.
        """
        rows: list[list[tuple[int, str]]] = [[] for _ in range(grid.rows)]
        kinds: dict[str, bool] = {}  # whether a text is a figure: texts recur ("0", a group)
        # The first column of figures; past the last column while none is found.
        first = max((cell.column + cell.colspan for cell in grid.cells), default=0)
        figured: set[int] = set()  # the rows with figures of their own
        worded: list[tuple[int, int]] = []  # the rows and columns of words
        for cell in grid.cells:
            text = _cell_text(cell.text)
            rows[cell.row].append((cell.column, text))
            figure: bool | None = None  # an empty cell is neither a figure nor words
            if text:
                figure = kinds.get(text)
                if figure is None:
                    figure = kinds[text] = _is_figure(text)
            if figure:
                figured.add(cell.row)
                if cell.column < first:  # noqa: PLR1730 - a comparison, not a call, a figure
                    first = cell.column
            elif figure is not None:
                worded.append((cell.row, cell.column))
            if cell.rowspan > 1:
                below = "" if figure else text
                for r in range(cell.row + 1, min(cell.row + cell.rowspan, grid.rows)):
                    rows[r].append((cell.column, below))
                    if figure is False:
                        worded.append((r, cell.column))
        # Where rows of figures have their words, left of every figure: the label columns.
        # (Not a header's words: a value column may have a header and no figure at all;
        # nor the columns a label spans: a short row's label may span blank value columns.)
        labels_at = {column for r, column in worded if column < first and r in figured}
        nested: dict[int, list[Grid]] = {}
        for r, inner in grid.nested:
            nested.setdefault(r, []).append(inner)
        for r, row in enumerate(rows):
            row.sort(key=_column)
            texts = [text for column, text in row if text or column not in labels_at]
            if any(texts):
                self.grid_row(texts, grid.lines[r] if r < len(grid.lines) else None)
            for inner in nested.get(r, ()):
                self.grid(inner)


def _column(entry: tuple[int, str]) -> int:
    return entry[0]


def _is_figure(text: str) -> bool:
    """Whether a grid cell's text (not empty) is a figure, as its normalized text would be.

    Most are words, told by their first character without normalizing all of them.
    """
    head = text[0] if text[0].isascii() else unicodedata.normalize("NFKC", text[0])
    if head and not starts_like_value(head):
        return False
    return is_value_text(unicodedata.normalize("NFKC", text).strip())


def lay_out(document: Document) -> Layout:
    """The text read from a document, the source of each of its lines, and its grid rows.

    Text given as text is read as it is, its column-aligned tables as grid
    rows of it (a blank cell an empty span). Otherwise prose blocks are lines (a
    ``|`` in them written ``¦``: it is no cell separator there) and each grid
    row a line in the ``|`` layout, so that spans quote what people read.
    """
    if document.text is not None:
        return Layout(document.text, None, aligned_rows(document.text))
    out = _Writer()
    for block in document.blocks:
        if isinstance(block, Prose):
            out.line(block.text.replace("|", "¦"), block.line)
        else:
            out.grid(block)
    text = "\n".join(out.lines) + "\n" if out.lines else ""
    sources = tuple(out.sources) if any(s is not None for s in out.sources) else None
    return Layout(text, sources, tuple(out.grid_rows))
