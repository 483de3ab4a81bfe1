"""Stage two, second half: put the cells of the rows found into their columns.

A row's cells are matched to its value columns after dropping the empty
padding cells a scraper wrote where a label spanned several columns (its
window); values beyond the columns, padding that could sit either side, rows
found twice and rows with fewer cells than columns are reported. A row or a
value block with fewer cells than columns is left to ``.recover``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from govinfo._diagnostics import (
    APPROXIMATE_LABEL,
    DUPLICATE_ROW,
    EXTRA_CELLS,
    PADDING_ASSUMED,
    SHORT_ROW,
)
from govinfo.reading.cells import END, KIND, START, TEXT, Cell, Kind, LogicalRow
from govinfo.reading.numbers import is_unit_text, read_cell
from govinfo.templates.spec import ColumnSpec

if TYPE_CHECKING:
    from collections.abc import Sequence

    from govinfo.reading.align import Assembly, Match
    from govinfo.reading.labels import LabelIndex
    from govinfo.templates.spec import RowSpec, TableSpec


_MONEY_UNITS = ("元", "万元")


@attrs.frozen
class Short:
    """A row (or value block) with fewer cells than columns: placement left to recovery."""

    where: str
    keys: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    cells: tuple[Cell, ...]
    unit: str | None

    @property
    def run_together(self) -> bool:
        """Whether a crawler ran its cells together: some kept cell is a digit run."""
        return any(c[KIND] is Kind.RUN for c in self.cells)


class Filler:
    """Fills the cells of one template's rows, by the column plans of its label index."""

    def __init__(self, index: LabelIndex) -> None:
        """Fill by the column plans of ``index``."""
        self._plans = index.plans

    def rows(self, matches: Sequence[Match], out: Assembly) -> None:
        """Read the cells of the rows matched; of a row found twice, the fuller one.

        A row found twice with as many figures, other ones, is left blank: which
        is the row, and which a label like it (the start of another row's
        label wrapped, "2.其他…" for "3.其他"), the text does not tell.
        """
        chosen: dict[str, Match] = {}
        undecided: set[str] = set()
        for m in matches:
            prior = chosen.get(m.row.key)
            if prior is None or m.logical.filled > prior.logical.filled:
                if prior is not None and prior.logical.filled:
                    _duplicate(prior, m, out)
                chosen[m.row.key] = m
                undecided.discard(m.row.key)
            elif m.logical.filled:
                figures, before = _figures(m), _figures(prior)
                if figures and len(figures) == len(before) and figures != before:
                    undecided.add(m.row.key)
                    _undecided(m, prior, out)
                else:
                    _duplicate(m, prior, out)
        for m in chosen.values():
            out.rows_seen.add(m.row.key)
            if m.out_of_step or m.row.key in undecided:
                continue
            if m.approximate:
                out.notes.add(
                    APPROXIMATE_LABEL,
                    f"label {m.label[TEXT]!r} read as {m.row.label!r} ({m.row.key})",
                    (m.label[START], m.label[END]),
                    key=m.row.key,
                )
            unit = _unit(m.logical) or m.named.unit
            n = len(self._plans[m.row.key])
            window, ambiguous, extra = _window(m.logical, n, trailing_padding=True)
            if extra:
                _extra(m.row.key, extra, len(window), out)
            if ambiguous:
                _padding(m.row.key, m.logical, "after", out)
            self._fill(m.row, window, m.logical, unit, out)

    def block(self, table: TableSpec, logical: LogicalRow, out: Assembly) -> bool:
        """Read a value block: a row of values for all of ``table``'s rows, in declaration order.

        Returns whether its cells were read from a figure each (none left to recovery).
        """
        slots = [(r, c) for r in table.rows for c in r.value_columns]
        window, ambiguous, extra = _window(logical, len(slots), trailing_padding=False)
        if extra:
            # A block has no label to start its figures from: with more than it has
            # cells, which are its own is not known (the table before may have left
            # figures on the line), and none is read.
            _unread(table.key, logical, len(slots), out)
            out.tables_found.add(table.key)
            out.rows_seen.update(r.key for r in table.rows)
            return False
        if ambiguous:
            _padding(table.key, logical, "before", out)
        out.tables_found.add(table.key)
        out.rows_seen.update(r.key for r in table.rows)
        if 0 < len(window) < len(slots):
            keys = tuple(r.cell_key(c) for r, c in slots)
            out.shorts.append(
                Short(table.key, keys, tuple(c for _, c in slots), tuple(window), None)
            )
            out.rows_matched += len(table.rows)
            return False
        for row in table.rows:
            n = len(row.value_columns)
            out.rows_matched += 1
            self._fill(row, window[:n], logical, None, out)
            window = window[n:]
        return True

    def _fill(
        self,
        row: RowSpec,
        window: Sequence[Cell],
        logical: LogicalRow,
        unit: str | None,
        out: Assembly,
    ) -> None:
        """Read ``window``, the cells of ``row``, into its columns.

        ``unit`` is a unit written in the row; else a column's header may declare one.
        """
        plan = self._plans[row.key]
        if 0 < len(window) < len(plan):
            keys = tuple(p.key for p in plan)
            columns = tuple(p.column for p in plan)
            out.shorts.append(Short(row.key, keys, columns, tuple(window), unit))
            return
        if len(window) < len(plan):
            anchor = logical.labels[-1] if logical.labels else logical.cells[0]
            missing = [p.key for p in plan[len(window) :]]
            out.notes.add(
                SHORT_ROW,
                f"{row.key}: {len(plan)} cells expected, "
                f"{len(plan) - len(missing)} found; left blank: {', '.join(missing)}",
                (anchor[START], anchor[END]),
                key=row.key,
            )
        values, sources, header_units = out.values, out.sources, out.header_units
        # A short window: the columns past it stay blank.
        for i in range(min(len(plan), len(window))):
            column = plan[i]
            key = column.key
            text, start, end, _ = window[i]
            # Most cells, read here as read_cell reads them: 0, a blank, a plain count.
            if not column.money and (text == "0" or (text.isdigit() and text.isascii())):
                values[key] = int(text)
                sources[key] = (start, end)
                continue
            if not text:
                values[key] = None
                sources[key] = (start, end)
                continue
            # A unit written in the row applies to its cells; else the column header's.
            hint = unit if unit or not header_units else header_units.get(column.header)
            value, note, detail, written = read_cell(text, column.column, hint)
            values[key] = value
            sources[key] = span = (start, end)
            if column.unit_key is not None and value is not None and written in _MONEY_UNITS:
                values[column.unit_key] = written
                sources[column.unit_key] = span
            if note is not None:
                out.notes.add(note, f"{key}: {detail}", (start, end), key=key)


def _unit(logical: LogicalRow) -> str | None:
    """The unit written in a row, if any: its first unit cell's, or its unit wrapped in its column.

    A narrow 单位 column wraps 万元 and 人次 over the lines of the row: 人 / 次
    are two unit cells, and 万 (no unit alone) ends a line of the label's.
    """
    units = logical.units
    if not units:
        return None
    unit = units[0][TEXT]
    if len(units) > 1 and is_unit_text(joined := "".join(u[TEXT] for u in units)):
        return joined
    for cell in logical.labels[1:]:
        if is_unit_text(cell[TEXT] + unit):
            return cell[TEXT] + unit
    return unit


def _figures(m: Match) -> list[str]:
    """The cells of a row that hold digits (no placeholder, no dash for a blank)."""
    return [c[TEXT] for c in m.logical.cells if any(ch.isdigit() for ch in c[TEXT])]


def _undecided(again: Match, first: Match, out: Assembly) -> None:
    out.notes.add(
        DUPLICATE_ROW,
        f"{again.row.key} appears again with as many figures, other ones: {_figures(first)} "
        f"(offset {first.label[START]}) and {_figures(again)}: left blank",
        (again.label[START], again.label[END]),
        key=again.row.key,
    )


def _duplicate(ignored: Match, kept: Match, out: Assembly) -> None:
    out.notes.add(
        DUPLICATE_ROW,
        f"{ignored.row.key} appears again; the row at offset {kept.label[START]} is used",
        (ignored.label[START], ignored.label[END]),
        key=ignored.row.key,
    )


def _padding(where: str, logical: LogicalRow, side: str, out: Assembly) -> None:
    first = logical.cells[0]
    out.notes.add(
        PADDING_ASSUMED,
        f"{where}: {len(logical.cells)} cells for fewer columns, some blank; "
        f"the empty cells {side} the values were taken as padding",
        (first[START], logical.cells[-1][END]),
        key=where,
    )


def _unread(where: str, logical: LogicalRow, slots: int, out: Assembly) -> None:
    """Report a value block with more figures than cells, none of them read."""
    figures = [c for c in logical.cells if c[KIND] is not Kind.EMPTY]
    out.notes.add(
        EXTRA_CELLS,
        f"{where}: {len(figures)} values for its {slots} cells, which are its own not known: "
        f"left blank, kept here: {[c[TEXT] for c in figures]}",
        (figures[0][START], figures[-1][END]),
        key=where,
    )


def _extra(where: str, extra: Sequence[Cell], kept: int, out: Assembly) -> None:
    """Report the filled cells outside a row's ``kept`` cells."""
    out.notes.add(
        EXTRA_CELLS,
        f"{where}: values beyond its {kept} cells kept here: {[c[TEXT] for c in extra]}",
        (extra[0][START], extra[-1][END]),
        key=where,
    )


def _window(
    row: LogicalRow, n: int, *, trailing_padding: bool
) -> tuple[Sequence[Cell], bool, Sequence[Cell]]:
    """The ``n`` cells of a row, empty padding cells dropped.

    Scrapers pad rows with empty cells where the label spanned several columns.
    The chosen window covers every filled cell; among several, padding is
    assumed after the values (rows) or before them (value blocks). Where no
    window covers them but the row holds a figure for every column, its empty
    cells stand for no column (text laid out by position may set a figure off
    its column, and a column is found there). Returns the cells, whether
    another choice was possible (blank cells next to padding), and the filled
    cells left out (more values than columns).
    """
    cells = row.cells
    if len(cells) <= n or row.last_filled < 0:
        return cells[:n], False, ()
    value = Kind.VALUE
    if row.last_filled < n and cells[0][KIND] is value:
        # The common case, padding after a full row: only the first window covers it.
        return cells[:n], False, ()
    filled = [i for i, c in enumerate(cells) if c[KIND] is value or c[KIND] is Kind.RUN]
    starts = [s for s in range(len(cells) - n + 1) if s <= filled[0] and filled[-1] < s + n]
    if not starts:
        if len(filled) == n:
            return [cells[i] for i in filled], False, ()
        # More filled cells than columns: keep the first (or last) n; the rest is reported.
        start = 0 if trailing_padding else len(cells) - n
        extra = [cells[i] for i in filled if not start <= i < start + n]
        return cells[start : start + n], False, extra
    start = starts[0] if trailing_padding else starts[-1]
    return cells[start : start + n], len(starts) > 1, ()
