"""Ruled tables: the grid a page's ruling lines draw, and the cells it makes.

The horizontal and vertical lines of a page (strokes, and the thin filled
rectangles many writers draw borders with) that cross one another form a
table. Its grid lines are where they stand; a cell reaches right until a
vertical line closes it, and down until a horizontal one does, so merged
cells are one cell spanning the columns and rows they cover, and a cell
with nothing in it is a blank cell in its place.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Sequence

#: How far apart (points) two lines may be and still be one grid line: the double lines
#: of a border (HTML's cellspacing, Word's double borders) are one.
TOLERANCE = 5.0
#: Lines closer than this to the next are one grid line.
LINKED = 3.0
#: A path thinner than this (points) is a ruling line, not a shape.
THIN = 3.0


class Box(NamedTuple):
    """A rectangle on the page, ``top`` above ``bottom`` (y grows downwards)."""

    x0: float
    top: float
    x1: float
    bottom: float


class Rule(NamedTuple):
    """A horizontal (``at`` is y) or vertical (``at`` is x) line from ``start`` to ``end``.

    ``at`` is where the first of the lines merged into it stands, ``last`` the
    last: the lines of one border stand side by side (cellspacing, a merged
    cell's border beside its neighbours').
    """

    at: float
    start: float
    end: float
    last: float


class RuledCell(NamedTuple):
    """One cell of a ruled grid and its box."""

    row: int
    column: int
    rowspan: int
    colspan: int
    box: Box


class RuledGrid(NamedTuple):
    """A table's grid lines and its cells, in reading order."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    cells: tuple[RuledCell, ...]
    #: For each (row, column) of the grid, the index of the cell covering it.
    owner: tuple[tuple[int, ...], ...]

    @property
    def box(self) -> Box:
        """The table's outline."""
        return Box(self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def cell_at(self, x: float, y: float) -> int | None:
        """The index of the cell a point lies in, or ``None`` outside the table."""
        xs, ys = self.xs, self.ys
        if not (xs[0] <= x <= xs[-1] and ys[0] <= y <= ys[-1]):
            return None
        column = min(bisect.bisect_right(xs, x), len(xs) - 1) - 1
        row = min(bisect.bisect_right(ys, y), len(ys) - 1) - 1
        return self.owner[row][column]


def _merge(rules: list[tuple[float, float, float]]) -> list[Rule]:
    """Collinear rules (``at``, ``start``, ``end``) that touch or overlap, as one."""
    lines: list[list[tuple[float, float, float]]] = []
    for rule in sorted(rules):
        if lines and rule[0] - lines[-1][-1][0] <= LINKED:
            lines[-1].append(rule)
        else:
            lines.append([rule])
    out: list[Rule] = []
    for line in lines:
        at, last = line[0][0], line[-1][0]
        line.sort(key=lambda rule: rule[1])
        _, start, end = line[0]
        for _, rule_start, rule_end in line:
            if rule_start > end + TOLERANCE:
                out.append(Rule(at, start, end, last))
                start, end = rule_start, rule_end
            elif rule_end > end:
                end = rule_end
        out.append(Rule(at, start, end, last))
    return out


def split_rules(boxes: Sequence[Box]) -> tuple[list[Rule], list[Rule]]:
    """The horizontal and vertical rules among thin boxes (each merged with its collinear kin)."""
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    for x0, top, x1, bottom in boxes:
        width, height = x1 - x0, bottom - top
        if height <= THIN and width > height:
            horizontal.append((round((top + bottom) / 2, 1), x0, x1))
        elif width <= THIN and height > width:
            vertical.append((round((x0 + x1) / 2, 1), top, bottom))
    return _merge(horizontal), _merge(vertical)


def _crosses(h: Rule, v: Rule) -> bool:
    return (
        h.start - TOLERANCE <= v.at <= h.end + TOLERANCE
        and v.start - TOLERANCE <= h.at <= v.end + TOLERANCE
    )


def _groups(horizontal: list[Rule], vertical: list[Rule]) -> list[tuple[list[Rule], list[Rule]]]:
    """The sets of rules that cross one another (one set a table)."""
    parent = list(range(len(horizontal) + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _crosses(h, v):
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), ([], []))[1].append(v)
    return [g for g in groups.values() if g[0] and g[1]]


def _positions(spans: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Grid lines from where rules stand (each from its first line to its last).

    Spans less than `LINKED` apart, in a chain, are one grid line, from its
    first to its last: the lines one border draws (the two of cellspacing, a
    merged cell's border beside its neighbours').
    """
    out: list[tuple[float, float]] = []
    for first, last in sorted(spans):
        if out and first - out[-1][1] <= LINKED:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def _covered(rules: Sequence[Rule], start: float, end: float) -> bool:
    """Whether one of ``rules`` (those at a grid line) runs from ``start`` to ``end``."""
    start, end = start + TOLERANCE, end - TOLERANCE
    return any(r.start <= start and r.end >= end for r in rules)


def _at_each(rules: Sequence[Rule], lines: Sequence[tuple[float, float]]) -> list[list[Rule]]:
    """For each grid line, the rules standing along it (within the tolerance)."""
    return [
        [r for r in rules if first - TOLERANCE <= r.at <= last + TOLERANCE] for first, last in lines
    ]


def grids(boxes: Sequence[Box]) -> list[RuledGrid]:
    """The ruled tables the thin boxes of a page draw: two columns at least, one row at least."""
    horizontal, vertical = split_rules(boxes)
    out: list[RuledGrid] = []
    for hs, vs in _groups(horizontal, vertical):
        left, right = min(h.start for h in hs), max(h.end for h in hs)
        top, bottom = min(v.start for v in vs), max(v.end for v in vs)
        x_lines = _positions([(v.at, v.last) for v in vs] + [(left, left), (right, right)])
        y_lines = _positions([(h.at, h.last) for h in hs] + [(top, top), (bottom, bottom)])
        if len(x_lines) < 3 or len(y_lines) < 2:
            continue
        out.append(_grid(x_lines, y_lines, hs, vs))
    return out


def _grid(
    x_lines: list[tuple[float, float]],
    y_lines: list[tuple[float, float]],
    hs: list[Rule],
    vs: list[Rule],
) -> RuledGrid:
    xs, ys = [first for first, _ in x_lines], [first for first, _ in y_lines]
    # A cell's side is closed by a rule from past the far line of the grid line before it
    # to the near line of the one after: a chain of lines is as wide as it is.
    x_ends, y_ends = [last for _, last in x_lines], [last for _, last in y_lines]
    # The outline closes the table where the page draws no line there.
    sides = [Rule(xs[0], ys[0], ys[-1], xs[0]), Rule(xs[-1], ys[0], ys[-1], xs[-1])]
    ends = [Rule(ys[0], xs[0], xs[-1], ys[0]), Rule(ys[-1], xs[0], xs[-1], ys[-1])]
    rows, columns = len(ys) - 1, len(xs) - 1
    at_x, at_y = _at_each([*vs, *sides], x_lines), _at_each([*hs, *ends], y_lines)
    owner = [[-1] * columns for _ in range(rows)]
    cells: list[RuledCell] = []
    for r in range(rows):
        for c in range(columns):
            if owner[r][c] >= 0:
                continue
            colspan = 1
            while c + colspan < columns and not _covered(at_x[c + colspan], y_ends[r], ys[r + 1]):
                colspan += 1
            rowspan = 1
            while r + rowspan < rows and not _covered(
                at_y[r + rowspan], x_ends[c], xs[c + colspan]
            ):
                rowspan += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    if owner[r + dr][c + dc] < 0:
                        owner[r + dr][c + dc] = len(cells)
            box = Box(xs[c], ys[r], xs[c + colspan], ys[r + rowspan])
            cells.append(RuledCell(r, c, rowspan, colspan, box))
    return RuledGrid(tuple(xs), tuple(ys), tuple(cells), tuple(tuple(row) for row in owner))
