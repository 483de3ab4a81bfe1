"""Tables whose columns are where their text stands: borderless PDF tables, column-aligned text.

A line is read as its segments: runs of text with their horizontal extent
(points on a PDF page, character positions in text), separated by wide gaps.
A run of lines with several segments is a table. Its columns are found from
the segments themselves, the rows with the most segments first: a segment
that overlaps no column so far starts one, a segment over one column widens
it, and a segment over several (a header across columns) spans them. So a
value goes to the column it stands under, and a blank cell, which leaves a
gap, never moves the values after it. A header row (segments without
figures) starts a section whose columns are found again: the parts of table
二 have four, two and two columns.

Nothing here knows what a label means: a segment is a figure or words, by
its characters, and the rows are handed to `govinfo.reading` as grid
cells.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Sequence

# A figure, as a table prints one: a count, an amount, a percentage, with a unit
# (万元 or a character); or the dash, slash or "空" printed for a blank.
_FIGURE = re.compile(
    r"[-+]?\d[\d,]*(?:\.\d+)?[%‰]?(?:万元|[件条个元次人项家场期篇份])?|[-—–/\\]+|空|无",
)


def is_figure(text: str) -> bool:
    """Whether a segment's text is a figure (or a printed blank), not words."""
    if text.isdigit() and text.isascii():
        return True
    return _FIGURE.fullmatch(unicodedata.normalize("NFKC", text).replace(" ", "")) is not None


class Segment(NamedTuple):
    """A run of text on a line, from ``x0`` to ``x1``, and whether it is a figure.

    ``ref`` is the caller's (offsets). Made with `of`, which tells the figure.
    """

    text: str
    x0: float
    x1: float
    ref: tuple[int, int] | None = None
    figure: bool = False

    @classmethod
    def of(cls, text: str, x0: float, x1: float, ref: tuple[int, int] | None = None) -> Segment:
        """A segment of ``text``, told a figure or words once."""
        return cls(text, x0, x1, ref, is_figure(text))


class Line(NamedTuple):
    """One line's segments, left to right, and its vertical extent (``top`` < ``bottom``)."""

    segments: tuple[Segment, ...]
    top: float
    bottom: float
    #: Where the line comes from (the page of a PDF, the offset of a text line).
    source: int = 0


class Cell(NamedTuple):
    """A cell of a table read from its geometry: its text, column and columns spanned."""

    text: str
    column: int
    colspan: int
    #: The segments it was read from, top to bottom and left to right.
    segments: tuple[Segment, ...]


class Table(NamedTuple):
    """The rows of a table read from where its text stands; ``lines`` are each row's lines."""

    rows: list[list[Cell]]
    lines: list[list[Line]]
    #: The columns of its last section, for a continuation on the next page.
    columns: list[tuple[float, float]]
    #: Where the columns of figures of its last section begin, and how far its labels reach.
    figures_at: float = math.inf
    labels_end: float = -math.inf


Item = Line | Table


def join_texts(parts: Sequence[str]) -> str:
    """Pieces of one cell's text, wrapped over lines: no space between Chinese characters."""
    out = ""
    for part in parts:
        if out and part:
            wide = _wide(out[-1]) or _wide(part[0])
            out += part if wide else f" {part}"
        else:
            out += part
    return out


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def find_columns(
    rows: Sequence[Sequence[Segment]], seed: Sequence[tuple[float, float]] = ()
) -> list[tuple[float, float]]:
    """The columns of rows of segments: the rows with the most segments first.

    ``seed`` are columns known before (the part of the table on the page before).
    """
    columns: list[list[float]] = [[a, b] for a, b in seed]
    for row in sorted(rows, key=len, reverse=True):
        for _, x0, x1, _, _ in row:
            hit = [column for column in columns if x0 < column[1] and column[0] < x1]
            if not hit:
                columns.append([x0, x1])
            elif len(hit) == 1:
                column = hit[0]
                column[0] = min(column[0], x0)
                column[1] = max(column[1], x1)
    return sorted((a, b) for a, b in columns)


class Columns:
    """A section's columns, and where each segment stands in them (each told once)."""

    def __init__(self, extents: Sequence[tuple[float, float]]) -> None:
        """The columns of these extents, left to right."""
        self.extents = list(extents)
        self._placed: dict[Segment, tuple[int, int]] = {}

    def __len__(self) -> int:
        """How many columns."""
        return len(self.extents)

    def place(self, seg: Segment) -> tuple[int, int]:
        """The first column a segment stands in, and how many it spans."""
        found = self._placed.get(seg)
        if found is None:
            found = self._placed[seg] = place(seg, self.extents)
        return found


def place(seg: Segment, columns: Sequence[tuple[float, float]]) -> tuple[int, int]:
    """The first column a segment stands in, and how many it spans (the nearest if none)."""
    x0, x1 = seg.x0, seg.x1
    hit = [i for i, (c0, c1) in enumerate(columns) if x0 < c1 and c0 < x1]
    if hit:
        return hit[0], hit[-1] - hit[0] + 1
    middle = (seg.x0 + seg.x1) / 2
    nearest = min(range(len(columns)), key=lambda i: abs(sum(columns[i]) / 2 - middle))
    return nearest, 1


def _is_header(line: Line) -> bool:
    return len(line.segments) >= 2 and not _has_figure(line)


def _cells(lines: Sequence[Line], columns: Columns, figures: set[int]) -> list[Cell]:
    """The cells of one row (over ``lines``): segments by column, blanks where none stands.

    A blank is a gap in a column of figures (``figures``): a column that only
    ever holds words (labels) has no blank cells, and columns before the
    row's first segment are not cells of the row (a label spanning rows above
    it). Segments over the same columns are one cell, top to bottom.
    """
    # (column, order, span, segment): sorted by column, then as they come (orders differ).
    placed = sorted(
        (column, n, span, seg)
        for n, seg in enumerate(s for ln in lines for s in ln.segments)
        for column, span in (columns.place(seg),)
    )
    groups: list[list[Any]] = []  # [column, end, [(order, segment)]]
    for column, order, span, seg in placed:
        if groups and column < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], column + span)
            groups[-1][2].append((order, seg))
        else:
            groups.append([column, column + span, [(order, seg)]])
    out: list[Cell] = []
    at = groups[0][0] if groups else len(columns)
    for column, end, members in groups:
        if column > at:
            out += [Cell("", c, 1, ()) for c in range(at, column) if c in figures]
        if len(members) == 1:
            seg = members[0][1]
            out.append(Cell(seg.text, column, end - column, (seg,)))
        else:
            # Words side by side in one column (a group label beside its item's label,
            # where other rows' labels run across both) are cells side by side.
            for part in _side_by_side([seg for _, seg in sorted(members)]):
                out.append(Cell(_cell_text(part), column, end - column, tuple(part)))
        at = end
    out += [Cell("", c, 1, ()) for c in range(at, len(columns)) if c in figures]
    return out


def _side_by_side(segs: list[Segment]) -> list[list[Segment]]:
    """Segments in runs that overlap horizontally, left to right (each run top to bottom)."""
    runs: list[list[int]] = []
    reach = -math.inf
    for n in sorted(range(len(segs)), key=lambda n: segs[n].x0):
        if runs and segs[n].x0 < reach:
            runs[-1].append(n)
            reach = max(reach, segs[n].x1)
        else:
            runs.append([n])
            reach = segs[n].x1
    return [[segs[n] for n in sorted(run)] for run in runs]


def _cell_text(segs: Sequence[Segment]) -> str:
    """Segments of one cell: one line's joined by a space, lines joined as wrapped text."""
    return join_texts([s.text for s in segs])


def _full(seg: Segment, lines: Sequence[Line], height: float) -> bool:
    """Whether a segment is as wide as any starting where it starts (so it may wrap).

    Text wraps at the right edge of its cell, which the widest segment
    starting at the same place reaches.
    """
    right = max(
        (s.x1 for line in lines for s in line.segments if abs(s.x0 - seg.x0) < height),
        default=seg.x1,
    )
    return seg.x1 >= right - height


def _data_rows(
    lines: Sequence[Line],
    columns: Columns,
    *,
    join_wrapped: bool,
    continued: bool = False,
) -> list[list[Line]]:
    """Lines grouped into rows: a line of words only that continues a full one joins it.

    A label wraps only when it fills its column: a line of words (no figure)
    under a line whose segment in that column is full goes on that row; a full
    line of words over such a line starts the row below it. Other lines are
    rows of their own.
    """
    rows: list[list[Line]] = []
    pending: list[Line] = []
    # The lines of one cell stand closer than rows: where the spaces between lines
    # are of two sizes, the smaller joins a cell's lines.
    gaps = [b.top - a.bottom for a, b in itertools.pairwise(lines)]
    small = max(min(gaps, default=0.0), 0.0)
    large = max(gaps, default=0.0)
    height = min((line.bottom - line.top for line in lines), default=0.0)
    split = (small + large) / 2 if large > 2.5 * small + 0.2 * height else None

    def wraps(seg: Segment, gap: float, height: float) -> bool:
        if split is not None:
            return gap < split
        return gap < 0.5 * height and _full(seg, lines, height)

    for i, line in enumerate(lines):
        words_only = not _has_figure(line)
        if continued and words_only and len(rows) <= 1 and not pending:
            # The end of a row the page before began: one row, joined to it later.
            if rows:
                rows[0].append(line)
            else:
                rows.append([line])
            continue
        continued = False
        if join_wrapped and not words_only and rows and not pending:
            last = rows[-1][-1]
            ended = figures_ended(line, last.segments)
            gap, tall = line.top - last.bottom, line.bottom - line.top
            if ended and all(wraps(s, gap, tall) for s in ended):
                rows[-1].append(line)
                continue
        if join_wrapped and words_only:
            seg = line.segments[-1]
            column, _ = columns.place(seg)
            height = line.bottom - line.top
            # The line above in this column, in the row so far (figures centred on a
            # wrapped label may stand between its lines).
            above = next(
                (
                    ln
                    for ln in reversed(rows[-1] if rows and not pending else [])
                    if any(columns.place(s)[0] == column for s in ln.segments)
                ),
                None,
            )
            if above is not None:
                prior = [s for s in above.segments if columns.place(s)[0] == column]
                if wraps(prior[-1], line.top - above.bottom, height):
                    rows[-1].append(line)
                    continue
            below = lines[i + 1] if i + 1 < len(lines) else None
            if (
                below is not None
                and wraps(seg, below.top - line.bottom, height)
                and any(columns.place(s)[0] == column or s.figure for s in below.segments)
            ):
                pending.append(line)
                continue
        rows.append([*pending, line])
        pending = []
    if pending:
        rows.append(pending)
    return rows


def figures_ended(line: Line, above: Sequence[Segment]) -> list[Segment]:
    """The figures among ``above`` whose ends ``line`` may hold, wrapped in their cells; or none.

    A figure wraps where it fills its cell, the rest under it, a line closer
    than rows stand (the caller tells). A line of figures only, each under
    one figure of ``above``, may be such ends.
    """
    figures = [s for s in above if s.figure]
    ended: list[Segment] = []
    for seg in line.segments:
        under = [s for s in figures if s.x0 < seg.x1 and seg.x0 < s.x1]
        if not seg.figure or len(under) != 1:
            return []
        ended.append(under[0])
    return ended


def _has_figure(line: Line) -> bool:
    return any(s.figure for s in line.segments)


def _header_rows(lines: Sequence[Line], columns: Columns) -> list[list[Line]]:
    """Header lines as rows: lines whose segments each stay in one column are one row.

    So header words printed a character a line (``自`` / ``然`` / ``人``) are
    joined, and a header over several columns keeps a row of its own.
    """
    rows: list[list[Line]] = []
    for line in lines:
        single = all(columns.place(s)[1] == 1 for s in line.segments)
        if rows and single and all(columns.place(s)[1] == 1 for s in rows[-1][-1].segments):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def sections(lines: Sequence[Line]) -> list[tuple[list[Line], list[Line]]]:
    """A table's lines in sections, each its header lines and its data lines.

    A header is words over the columns of figures; a name standing alone
    beside it (the first column's, or a character of a word printed
    downwards) is in it too when it stands closer to the header line under it
    than to the line above. Each header starts a section of its own columns.
    """
    out: list[tuple[list[Line], list[Line]]] = []
    figures_at = min((s.x0 for line in lines for s in line.segments if s.figure), default=math.inf)
    is_head = [False] * len(lines)
    for n in range(len(lines) - 1, -1, -1):
        line = lines[n]
        if _has_figure(line):
            continue
        if line.segments[-1].x1 > figures_at:
            is_head[n] = True
        elif n + 1 < len(lines) and is_head[n + 1]:
            below = lines[n + 1].top - line.bottom
            height = line.bottom - line.top
            is_head[n] = n == 0 or line.top - lines[n - 1].bottom > below - 0.25 * height
    for line, header in zip(lines, is_head, strict=True):
        if not out or (header and out[-1][1]):
            out.append(([], []))
        if header and not out[-1][1]:
            out[-1][0].append(line)
        else:
            out[-1][1].append(line)
    return out


def figure_columns(columns: Columns, data: Sequence[Line]) -> set[int]:
    """The columns of values, where a blank is a cell: those that hold no words in ``data``."""
    labels = {columns.place(seg)[0] for line in data for seg in line.segments if not seg.figure}
    return set(range(len(columns))) - labels


def read_table(
    lines: Sequence[Line],
    *,
    join_wrapped: bool = True,
    seed: Sequence[tuple[float, float]] = (),
) -> Table:
    """The rows of a table from its lines; each header row starts a section of its own columns."""
    table = Table([], [], list(seed))
    for heads, data in sections(lines):
        segs = [line.segments for line in (*heads, *data)]
        extents = find_columns(segs, seed if not table.rows and not heads else ())
        columns = Columns(extents)
        figures = figure_columns(columns, data)
        continued = bool(seed) and not table.rows and not heads
        for row in _header_rows(heads, columns) + _data_rows(
            data, columns, join_wrapped=join_wrapped, continued=continued
        ):
            cells = _cells(row, columns, figures)
            if cells:
                table.rows.append(cells)
                table.lines.append(list(row))
        table.columns[:] = extents
        figures_at = min((extents[c][0] for c in figures), default=math.inf)
        ends = [_labels_end(line, figures_at) for line in data]
        table = table._replace(figures_at=figures_at, labels_end=max(ends, default=-math.inf))
    return table


def tables_in(
    lines: Sequence[Line],
    *,
    join_wrapped: bool = True,
    seed: Table | None = None,
    min_rows: int = 2,
) -> list[Item]:
    """Lines as they come, with each run of table lines read as one `Table`.

    A table is a run of lines of several segments, at least ``min_rows`` of
    them, with a figure among them; a line of one segment stays in it when it
    stands left of the table's figures (a wrapped label, or a row whose
    cells are blank). ``seed`` is a table the first lines may continue (the
    page before ends with it): lines of one segment within its labels, before
    the first row, are then in it too, and its columns are found again from
    its own.
    """
    out: list[Item] = []
    i = 0
    while i < len(lines):
        first = lines[i]
        go_on = seed if seed is not None and not out else None
        if len(first.segments) < 2 and not (
            go_on is not None
            and first.segments[0].x1 <= go_on.labels_end + first.bottom - first.top
        ):
            out.append(first)
            i += 1
            continue
        last = _table_end(lines, i, go_on)
        run = lines[i : last + 1]
        # Words in columns without a figure are no table of figures: read as lines.
        if sum(len(line.segments) >= 2 for line in run) >= min_rows and any(map(_has_figure, run)):
            columns = go_on.columns if go_on is not None else ()
            out.append(read_table(run, join_wrapped=join_wrapped, seed=columns))
        else:
            out.extend(run)
        i = last + 1
    return out


def _table_end(lines: Sequence[Line], i: int, go_on: Table | None) -> int:
    """The last line of the table that starts at line ``i``."""
    first = lines[i]
    figures_at = min(
        [go_on.figures_at if go_on is not None else math.inf]
        + [s.x0 for s in first.segments if s.figure]
    )
    # How far the labels reach: the words left of the figures (of a table going on
    # from the page before, up to its figures).
    labels_end = max(
        go_on.labels_end if go_on is not None else -math.inf, _labels_end(first, figures_at)
    )
    spacing = 0.0  # the most space between two lines of the table so far
    last = i
    counted = i + 1  # the lines whose labels are counted in labels_end
    columns_at = first.segments[1].x0 if len(first.segments) > 1 else math.inf
    for j in range(i + 1, len(lines)):
        line = lines[j]
        height = line.bottom - line.top
        gap = line.top - lines[j - 1].bottom
        if gap > 2.5 * max(height, 1e-9):
            break
        if len(line.segments) >= 2:
            figures_at = min([figures_at, *(s.x0 for s in line.segments if s.figure)])
            columns_at = min(columns_at, line.segments[1].x0)
            last = j
        elif figures_at == math.inf and gap < 0.5 * height:
            last = j  # a header's words printed downwards, a character a line
        elif figures_at == math.inf and line.segments[0].x1 >= columns_at:
            break  # words across the header's columns: not a row of the table
        elif gap < 0.5 * height and figures_ended(line, lines[j - 1].segments):
            last = j  # the end of a figure wrapped in its cell
        elif line.segments[0].x1 > figures_at:
            break
        elif labels_end > -math.inf and line.segments[0].x1 > labels_end + 2 * height:
            break  # words wider than the labels: prose, or the heading of another table
        elif gap <= spacing + 0.2 * height:
            last = j  # a label wrapped, or a row of blanks, after the last row
        spacing = max(spacing, gap)
        if last == j:  # the lines up to here are the table's: their labels too
            ends = (_labels_end(ln, figures_at) for ln in lines[counted : j + 1])
            labels_end = max([labels_end, *ends])
            counted = j + 1
    return last


def _labels_end(line: Line, figures_at: float) -> float:
    """How far the words of a line left of the figures reach (``-inf``: no figure seen yet)."""
    if figures_at == math.inf:
        return -math.inf
    return max(
        (s.x1 for s in line.segments if s.x1 <= figures_at and not s.figure),
        default=-math.inf,
    )
