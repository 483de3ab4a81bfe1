"""Column-aligned text: tables printed with spaces, read by where their text stands.

``pdftotext -layout``, and the text layer of PDF flipbooks, print a table's
cells where the page has them, in character positions: a blank cell is a
gap, and a value stands under its column whatever is blank to its left.
Runs of such lines are found and read as tables by
`govinfo.inputs.columns`, in character positions, and each row is handed to
the reader as a grid row of the text itself (its cells' spans; a blank, an
empty span in its place), as an HTML table's rows are.

A run is read so only when its figures show that they stand in columns:
each column's figures share a character position, columns stand two
characters apart or more, no figure stands across two columns, and most
columns are shown by two figures or more or by a header word over them.
Text whose numbers are only separated by spaces fails that, and is read as
before, by whitespace. Label words on the lines just above and below a line
of figures with no label of its own, in columns where it has none, are that
row's label (a label wrapped in its cell, the figures printed level with its
middle). Header lines, and lines of words that could belong to either of two
rows, are left to the reader.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from typing import TYPE_CHECKING, NamedTuple

from govinfo.inputs.columns import (
    Columns,
    Line,
    Segment,
    figure_columns,
    find_columns,
    is_figure,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

#: A row of a grid in the text: where its first line starts, and its cells' spans.
GridRow = tuple[int, tuple[tuple[int, int], ...]]

# Two blanks or more between two characters: where column-aligned text puts its gaps.
# Each pair of blanks is sought as a literal (a search in C that skips ahead), then the
# characters round the gap are checked; beside a ``|`` is no gap: a line with one has
# its cells told otherwise (``_line``).
_BLANKS = " \u3000\u00a0"
_GAPS = {
    a + b: re.compile(re.escape(a + b) + "[" + _BLANKS + r"]*(?=[^\s|])")
    for a in _BLANKS
    for b in _BLANKS
}
# A line's runs of text: words separated by one blank at most.
_RUN = re.compile(r"\S+(?:[ \u3000\u00a0]\S+)*")
# How many lines before the first line with gaps, and after the last, a table may hold.
_NEAR = 4
# Columns of figures this close are no columns of a printed table.
_MIN_GAP = 2


def aligned_rows(text: str) -> tuple[GridRow, ...]:
    """The rows of the column-aligned tables in ``text``, as grid rows of the text.

    Each row is keyed by where its first line starts; the other lines it
    takes (a label wrapped around its figures) are keyed too, with no cells.
    Most texts have no two blanks between two characters, and cost three
    substring searches.
    """
    gaps = _gaps(text)
    if not gaps:
        return ()
    raw = text.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in raw[:-1]), initial=0))
    # The lines from a few before the first line with gaps to a few after the last (a
    # table's wrapped labels and blank rows may have none).
    first = max(0, bisect.bisect_right(starts, min(gaps)) - 1 - _NEAR)
    last = min(len(raw) - 1, bisect.bisect_right(starts, max(gaps)) - 1 + _NEAR)
    lines = [
        line for n in range(first, last + 1) if (line := _line(raw[n], starts[n], n)) is not None
    ]
    return tuple(row for run in _runs(lines) for row in _rows(run))


def _gaps(text: str) -> list[int]:
    """Where each gap of ``text`` starts: the character before its blanks."""
    found = []
    # Most texts hold no blank but the space: one pair to seek, not nine.
    blanks = " " + "".join(c for c in _BLANKS[1:] if c in text)
    for pair, pattern in _GAPS.items():
        if pair[0] in blanks and pair[1] in blanks and pair in text:
            for m in pattern.finditer(text):
                at = m.start() - 1
                if at >= 0 and not text[at].isspace() and text[at] != "|":
                    found.append(at)
    return found


def _line(raw: str, start: int, number: int) -> Line | None:
    """A line of text as a line of segments at character positions (``None``: no text).

    A line with ``|`` or a tab separates its cells otherwise and is none: it
    ends a table. A segment of figures separated by single blanks is a
    segment for each.
    """
    if "|" in raw or "\t" in raw or raw.startswith("\f"):
        # Cells told otherwise, or a new page (pdftotext starts one with a form feed).
        return Line((), number, number + 1, start)
    segments: list[Segment] = []
    for m in _RUN.finditer(raw.rstrip("\r")):
        words = m[0].split()
        if len(words) > 1 and all(map(is_figure, words)):
            at = m.start()
            for word in words:
                at = raw.index(word, at)
                segments.append(
                    Segment(
                        word, at, at + len(word), (start + at, start + at + len(word)), figure=True
                    )
                )
                at += len(word)
        else:
            segments.append(
                Segment.of(m[0], m.start(), m.end(), (start + m.start(), start + m.end()))
            )
    return Line(tuple(segments), number, number + 1, start) if segments else None


def _runs(lines: Sequence[Line]) -> Iterator[list[Line]]:
    """The runs of lines that may hold tables.

    A line with no segments (a page break, ``|`` or a tab in it), or more
    than two blank lines, ends a run.
    """
    block: list[Line] = []
    for line in [*lines, Line((), math.inf, math.inf)]:
        if line.segments and (not block or line.top - block[-1].bottom <= 2):
            block.append(line)
            continue
        yield from _table_runs(block)
        block = [line] if line.segments else []


def _table_runs(block: Sequence[Line]) -> Iterator[list[Line]]:
    """The runs of a table's lines.

    A run is two lines or more of several segments or with figures, and the
    lines of one segment among them a table can hold. Where the run's
    figures so far begin, a line of one segment standing across that place
    is a heading or prose, and ends the run; one among the figures (a header
    word printed downwards) is in it only next to a line of several
    segments.
    """
    figures_at = math.inf
    run: list[Line] = []
    for n, line in enumerate(block):
        seg = line.segments[0]
        if len(line.segments) > 1 or seg.x1 <= figures_at or seg.figure:
            run.append(line)
            figured = [s.x0 for s in line.segments if s.figure]
            if figured:
                figures_at = min(figures_at, *figured)
            elif len(line.segments) > 1:
                figures_at = math.inf  # words in columns: maybe another table's header
            continue
        if seg.x0 >= figures_at and any(
            0 <= m < len(block) and len(block[m].segments) > 1 and _touching(line, block[m])
            for m in (n - 1, n + 1)
        ):
            run.append(line)
            continue
        if _is_table(run):
            yield run
        run, figures_at = [], math.inf
    if _is_table(run):
        yield run


def _is_table(run: Sequence[Line]) -> bool:
    rows = [line for line in run if len(line.segments) > 1 or line.segments[0].figure]
    return len(rows) >= 2 and any(s.figure for line in rows for s in line.segments)


def _touching(a: Line, b: Line) -> bool:
    """Whether two lines stand one right under the other, no blank line between."""
    return a.bottom == b.top or b.bottom == a.top


def _sections(lines: Sequence[Line]) -> list[tuple[list[Line], list[Line]]]:
    """A run's lines in tables, each its header lines and its data lines.

    A header is a line of words, of several segments, some standing where
    the first row of figures after it has figures (right of its words, or of
    its label's lines round it when it has none). Only that row tells: the
    rows after it may be another table's, with longer labels. The lines of
    words right above it of several segments, or standing there too, and
    right under it standing there (a header word printed downwards, a
    character a line), are the header's too.
    """
    figured = [n for n, line in enumerate(lines) if any(s.figure for s in line.segments)]
    heads: set[int] = set()
    for n, line in enumerate(lines):
        nearest = bisect.bisect_right(figured, n)
        if n in heads or nearest == len(figured) or len(line.segments) < 2 or n in figured:
            continue
        below = figured[nearest]
        # Where the words of that row, before its figures, end; a row of figures alone
        # has its label on the lines of one segment right round it (wrapped).
        words = list(itertools.takewhile(lambda s: not s.figure, lines[below].segments))
        if not words:
            words = [
                lines[m].segments[0]
                for m in (below - 1, below + 1)
                if m != n
                and 0 <= m < len(lines)
                and len(lines[m].segments) == 1
                and not lines[m].segments[0].figure
                and _touching(lines[m], lines[below])
            ]
        labels_end = max((s.x1 for s in words), default=-math.inf)
        figures_at = min(s.x0 for s in lines[below].segments if s.figure)

        def over(ln: Line, labels_end: float = labels_end, figures_at: float = figures_at) -> bool:
            if labels_end > -math.inf:
                return any(s.x0 >= labels_end for s in ln.segments)
            return any(s.x1 > figures_at for s in ln.segments)  # rows with no words

        if not over(line):
            continue
        heads.add(n)
        for step in (-1, 1):
            m = n + step
            while 0 <= m < below and m not in figured and _touching(lines[m], lines[m - step]):
                if not over(lines[m]) and (step > 0 or len(lines[m].segments) < 2):
                    break
                heads.add(m)
                m += step
    out: list[tuple[list[Line], list[Line]]] = []
    for n, line in enumerate(lines):
        if n in heads and (not out or out[-1][1]):
            out.append(([], []))
        if not out:
            out.append(([], []))
        (out[-1][0] if n in heads else out[-1][1]).append(line)
    return out


def _rows(lines: Sequence[Line]) -> list[GridRow]:
    """The grid rows of a run's lines: its tables' data rows."""
    out: list[GridRow] = []
    for heads, data in _sections(lines):
        wrapped = _wrapped_figures(data)
        taken = _label_lines(data, wrapped)
        for run in _column_runs(data):
            lines = [data[n] for n in run]
            if not heads and all(len(line.segments) < 2 for line in lines):
                continue  # one cell a line, no header: a list, no columns shown
            columns = Columns(find_columns([line.segments for line in lines]))
            figures = {columns.place(s)[0] for line in lines for s in line.segments if s.figure}
            figures &= figure_columns(columns, lines)
            if not figures or not _aligned(heads, lines, columns, figures):
                continue
            extents = [columns.extents[c] for c in figures]
            first = min(e[0] for e in extents)
            rows = [n for n in run if n not in wrapped]
            # The rows' words, their labels' other lines too (not a heading's).
            mine = {*rows, *(m for m, n in taken.items() if n in rows)}
            words = [(s.x0, s.x1) for m in mine for s in data[m].segments if not s.figure]
            labels_end = max((x1 for _, x1 in words if x1 <= first), default=-math.inf)
            extents += _blank_columns(heads, extents, [*columns.extents, *words], labels_end)
            figures = set(range(len(extents)))
            out += _section_rows(data, rows, taken, Columns(sorted(extents)), figures)
            out += [(data[n].source, ()) for n in run if n in wrapped]
    return out


def _wrapped_figures(data: Sequence[Line]) -> set[int]:
    """The lines of figures alone that may be the lines of one value wrapped in its cell.

    A value too wide for its cell wraps, and its lines stand right under one
    another, or round the line of its row: two lines of figures and no words,
    no more than a line apart, with figures standing over one another and
    no figure between them. Whether those are one value or two, and which
    rows they are, the text does not tell: they are read as no row, and take
    no label.
    """
    alone = [n for n, line in enumerate(data) if all(s.figure for s in line.segments)]
    out: set[int] = set()
    for i, a in enumerate(alone):
        for b in (alone[j] for j in range(i + 1, len(alone))):
            if data[b].top - data[a].bottom > 1:
                break
            between = [s for m in range(a + 1, b) for s in data[m].segments if s.figure]
            if any(
                _over(upper, lower) and not any(_over(upper, s) or _over(lower, s) for s in between)
                for upper in data[a].segments
                for lower in data[b].segments
            ):
                out.update((a, b))
    return out


def _blank_columns(
    heads: Sequence[Line],
    figured: Sequence[tuple[float, float]],
    taken: Sequence[tuple[float, float]],
    labels_end: float,
) -> list[tuple[float, float]]:
    """The columns of figures no row has a figure in, as the header words over them show.

    A header word right of the rows' labels, over no column and no row's
    words, and two characters or more from them and from one another, on a
    header line that has words over the ``figured`` columns too: a line of
    words over none of them names no column of theirs (a row's label
    wrapped onto a line of its own, say).
    """
    out: list[tuple[float, float]] = []
    naming = [
        line
        for line in heads
        if any(s.x0 < x1 and x0 < s.x1 for s in line.segments for x0, x1 in figured)
    ]
    for seg in sorted((s for line in naming for s in line.segments), key=lambda s: s.x0):
        near = [*taken, *out]
        if seg.x0 >= labels_end + _MIN_GAP and all(
            seg.x1 + _MIN_GAP <= x0 or x1 + _MIN_GAP <= seg.x0 for x0, x1 in near
        ):
            out.append((seg.x0, seg.x1))
    return out


def _column_runs(data: Sequence[Line]) -> list[list[int]]:
    """The rows of figures of a section, in runs whose figures stand in one set of columns.

    A row begins a new run (another table, with no header between) when one
    of its figures does not fit the run's columns: it stands over two of
    them, or over one without sharing the position all of that column's
    figures share, or over one another figure of the row stands over, or
    closer to one than columns stand.
    """
    runs: list[list[int]] = []
    columns: list[list[float]] = []  # [x0, x1, shared x0, shared x1], left to right
    for n, line in enumerate(data):
        figures = [s for s in line.segments if s.figure]
        if not figures:
            continue
        if runs and _fits(figures, columns):
            runs[-1].append(n)
        else:
            runs.append([n])
            columns = []
        for seg in figures:
            hit = next((c for c in columns if seg.x0 < c[1] and c[0] < seg.x1), None)
            if hit is None:
                columns.append([seg.x0, seg.x1, seg.x0, seg.x1])
            else:
                hit[:] = [
                    min(hit[0], seg.x0),
                    max(hit[1], seg.x1),
                    max(hit[2], seg.x0),
                    min(hit[3], seg.x1),
                ]
        columns.sort()
    return runs


def _fits(figures: Sequence[Segment], columns: Sequence[list[float]]) -> bool:
    """Whether a row's figures stand in a run's columns (or in new ones among them)."""
    used: set[int] = set()
    for seg in figures:
        hits = [i for i, c in enumerate(columns) if seg.x0 < c[1] and c[0] < seg.x1]
        if not hits:
            if any(seg.x0 < c[1] + _MIN_GAP and c[0] - _MIN_GAP < seg.x1 for c in columns):
                return False  # a new column too close to one of the run's
            continue
        shared = columns[hits[0]][2:]
        if len(hits) > 1 or hits[0] in used or not (seg.x0 < shared[1] and shared[0] < seg.x1):
            return False
        used.add(hits[0])
    return True


def _aligned(
    heads: Sequence[Line], data: Sequence[Line], columns: Columns, figures: set[int]
) -> bool:
    """Whether the figures of a table's rows stand in columns, as a printed table's do.

    Each figure stands in one column of figures; the figures of a column
    share a character position, and stand two characters or more from the
    next column's; some column is shown by two figures or a header word over
    it. Unless a header word stands over every column, the gaps between
    cells are not all one width while rows' first figures stand in different
    places: cells written one after the other with a separator of blanks
    (which says nothing of their columns) have that.
    """
    placed: dict[int, list[Segment]] = {c: [] for c in figures}
    gaps: set[float] = set()
    for line in data:
        gaps.update(b.x0 - a.x1 for a, b in itertools.pairwise(line.segments))
        for seg in line.segments:
            if seg.figure:
                column, span = columns.place(seg)
                if span > 1 or column not in placed:
                    return False  # across columns, or among the labels
                placed[column].append(seg)
    header = [s for line in heads for s in line.segments]
    shown: list[bool] = []
    extents: list[tuple[float, float]] = []
    for column, segs in sorted(placed.items()):
        if max(s.x0 for s in segs) >= min(s.x1 for s in segs):
            return False  # no position all of them share
        extents.append((min(s.x0 for s in segs), max(s.x1 for s in segs)))
        c0, c1 = columns.extents[column]
        shown.append(any(s.x0 < c1 and c0 < s.x1 for s in header) or len(segs) > 1)
    if not any(shown) or any(b[0] - a[1] < _MIN_GAP for a, b in itertools.pairwise(extents)):
        return False
    headed = all(
        any(s.x0 < c1 and c0 < s.x1 for s in header)
        for c0, c1 in (columns.extents[c] for c in figures)
    )
    worded = [line for line in data if not line.segments[0].figure]
    starts = {next(s.x0 for s in line.segments if s.figure) for line in worded}
    # One separator, and the figures where the words before them end.
    return headed or len(gaps) > 1 or len(starts) < 2


def _section_rows(
    data: Sequence[Line],
    rows: Sequence[int],
    taken: dict[int, int],
    columns: Columns,
    figures: set[int],
) -> list[GridRow]:
    """The grid rows of a section's rows of figures (``rows``, lines of ``data``).

    Each is its line with its label's other lines (``taken``): its words
    first, the cells they make left to right (words standing over one
    another, top to bottom, are one cell's), then each column of figures in
    turn, its figure or a blank. It is keyed by its first line; its other
    lines are keyed too, with no cells.
    """
    out: list[GridRow] = []
    for n in rows:
        line = data[n]
        group = sorted([n, *(m for m, owner in taken.items() if owner == n)])
        words = [seg for m in group for seg in data[m].segments if not seg.figure]
        spans = [seg.ref for cell in _side_by_side(words) for seg in cell if seg.ref is not None]
        placed = {columns.place(seg)[0]: seg for seg in line.segments if seg.figure}
        for column in sorted(figures | placed.keys()):
            seg = placed.get(column)
            spans.append(
                _blank(line, columns, column) if seg is None or seg.ref is None else seg.ref
            )
        out.append((data[group[0]].source, tuple(spans)))
        out += [(data[m].source, ()) for m in group[1:]]
    return out


def _side_by_side(words: Sequence[Segment]) -> list[list[Segment]]:
    """Words in the cells they make, left to right.

    Words standing over one another are one cell's, top to bottom.
    """
    cells: list[list[Segment]] = []
    reach = -math.inf
    for seg in sorted(words, key=lambda s: s.x0):
        if cells and seg.x0 < reach:
            cells[-1].append(seg)
            reach = max(reach, seg.x1)
        else:
            cells.append([seg])
            reach = seg.x1
    return [sorted(cell, key=lambda s: s.ref or (0, 0)) for cell in cells]


def _blank(line: Line, columns: Columns, column: int) -> tuple[int, int]:
    """An empty span where ``column`` stands on ``line`` (or at its end)."""
    end = max(s.ref[1] for s in line.segments if s.ref is not None)
    at = min(line.source + int(columns.extents[column][0]), end)
    return at, at


def _label_lines(data: Sequence[Line], wrapped: set[int]) -> dict[int, int]:
    """The lines of words that are the label of a row of figures next to them, and that row.

    A table printed from a page puts a row's figures level with the middle of
    its label: a label of two lines stands one line right above and one right
    below the figures, no blank line between (and the figures stand on the
    middle line of a label of three). Such a pair is the row's when it stands
    where the row has no words. Lines over the row's own words are left
    alone: they may as well be rows of their own whose figures are blank; so
    are the lines of longer labels but the middle two. The lines of a value
    wrapped in its cell (``wrapped``) claim none.
    """
    claims: list[_Claim] = []
    for n, line in enumerate(data):
        if n not in wrapped and any(s.figure for s in line.segments):
            own = [s for s in line.segments if not s.figure]
            free = _around(data, n, own)
            claims.append(_Claim(n, bool(own), *free))
    return _resolve([c for c in claims if c.lines])


class _Claim(NamedTuple):
    """Lines a row claims as its label's: those right above and below it, nearest first."""

    row: int
    worded: bool  # the row has words of its own
    above: list[int]
    below: list[int]

    @property
    def lines(self) -> list[int]:
        """The lines claimed: the one right above and the one right below, or none."""
        return [self.above[0], self.below[0]] if self.above and self.below else []

    def keeping(self, won: dict[int, int]) -> _Claim:
        """The claim cut where a line goes to another row (the lines beyond it too)."""
        return self._replace(
            above=_kept(self.above, won, self.row), below=_kept(self.below, won, self.row)
        )


def _kept(side: list[int], won: dict[int, int], row: int) -> list[int]:
    """The lines of ``side``, nearest first, up to the first that another row won."""
    kept: list[int] = []
    for line in side:
        if won.get(line) != row:
            break
        kept.append(line)
    return kept


def _resolve(claims: list[_Claim]) -> dict[int, int]:
    """Each line claimed, to the row that claims it from nearest.

    At the same distance a row with no words of its own (whose label these
    lines must be) wins over one with words; two rows alike win neither. A
    claim losing a line loses those beyond it, and is dropped if what is left
    is not as many lines above as below; the lines are handed out again.
    """
    while True:
        options: dict[int, list[tuple[int, bool, int]]] = {}  # line: [(distance, worded, row)]
        for claim in claims:
            for m in claim.lines:
                options.setdefault(m, []).append((abs(m - claim.row), claim.worded, claim.row))
        won: dict[int, int] = {}
        for m, ranked in options.items():
            ranked.sort()
            if len(ranked) == 1 or ranked[0][:2] < ranked[1][:2]:
                won[m] = ranked[0][2]
        kept = [cut for claim in claims if (cut := claim.keeping(won)).lines]
        if kept == claims:
            return {m: claim.row for claim in claims for m in claim.lines}
        claims = kept


def _around(data: Sequence[Line], n: int, own: Sequence[Segment]) -> tuple[list[int], list[int]]:
    """The lines of words right above and right below row ``n`` over none of its ``own`` words.

    Each side's lines come nearest first.
    """
    sides: list[list[int]] = []
    for step in (-1, 1):
        side: list[int] = []
        m = n + step
        while 0 <= m < len(data) and _touching(data[m], data[m - step]):
            segs = data[m].segments
            if any(s.figure for s in segs) or any(_over(s, o) for s in segs for o in own):
                break
            side.append(m)
            m += step
        sides.append(side)
    return sides[0], sides[1]


def _over(a: Segment, b: Segment) -> bool:
    """Whether two segments stand over one another (share a character position)."""
    return a.x0 < b.x1 and b.x0 < a.x1
