"""Stage two: find a template's rows among the cells and put every number in its cell.

Rows are matched by their official labels (and declared variants), never by
ordinals. Group labels such as ``(三)不予公开`` give context to items whose
label alone is ambiguous (``3.其他``). Tables laid out as one unlabeled run of
values after a header (table 四) are read as a block in declaration order.
"""

from __future__ import annotations

import difflib
import itertools
from typing import TYPE_CHECKING, NamedTuple

import attrs

from govinfo._diagnostics import (
    APPROXIMATE_LABEL,
    DUPLICATE_ROW,
    EXTRA_CELLS,
    PADDING_ASSUMED,
    SHORT_ROW,
    UNKNOWN_ROW,
)
from govinfo.reading.cells import END, KIND, START, TEXT, Cell, Kind, LogicalRow
from govinfo.reading.labels import Label, LabelIndex, LabelKeys, keys_of, label_keys
from govinfo.reading.numbers import read_cell
from govinfo.reading.spans import Notes
from govinfo.templates.spec import (
    CellValue,
    ColumnSpec,
    GroupSpec,
    RowSpec,
    TableSpec,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


_MONEY_UNITS = ("元", "万元")


@attrs.frozen
class Short:
    """A row (or value block) with fewer cells than columns: placement left to recovery."""

    where: str
    keys: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]
    cells: tuple[Cell, ...]
    unit: str | None


class _Match(NamedTuple):
    row: RowSpec
    logical: LogicalRow
    label: Cell
    named: Label  # what ``label`` names
    approximate: bool


@attrs.define
class Assembly:
    """What stage two found for one template."""

    notes: Notes
    values: dict[str, CellValue] = attrs.Factory(dict)
    sources: dict[str, tuple[int, int]] = attrs.Factory(dict)
    rows_matched: int = 0
    tables_found: set[str] = attrs.Factory(set)
    anchors_seen: set[str] = attrs.Factory(set)
    header_units: dict[str, str] = attrs.Factory(dict)
    shorts: list[Short] = attrs.Factory(list)
    rows_seen: set[str] = attrs.Factory(set)
    matches: list[_Match] = attrs.Factory(list)


@attrs.define
class _State:
    """Where the pass is: the group and table being read, a value block awaited."""

    group: GroupSpec | None = None
    table: str | None = None
    block: TableSpec | None = None
    patience: int = 0


class Matcher:
    """Matching for one parse: a template's label index and what this parse has looked up.

    The label facts, fuzzy matches and header-word tests of texts met in this
    parse are kept for the parse only; the index itself is shared and immutable.
    """

    def __init__(self, index: LabelIndex, keys: dict[str, LabelKeys]) -> None:
        """Match against ``index``; ``keys`` holds the label keys this parse has worked out.

        The keys of a text do not depend on the template, so the matchers of
        one parse share them.
        """
        self.index = index
        self.spec = index.spec
        self.rows = index.rows
        self._keys = keys
        self._labels: dict[str, Label] = index.known.copy()  # type: ignore[attr-defined]
        self._plans = index.plans
        self._fuzzy_seen: dict[str, tuple[RowSpec, ...]] = {}
        self._block_word_seen: dict[tuple[str, str], bool] = {}

    # -- label classification ------------------------------------------------

    def _label(self, text: str) -> Label:
        """What a label cell's text names in this template (kept: labels recur)."""
        known = self._labels.get(text)
        if known is None:
            keys = self._keys.get(text)
            if keys is None:
                keys = self._keys[text] = keys_of(text)
            known = self._labels[text] = self.index.facts(keys)
        return known

    def _is_block_word(self, table: TableSpec, text: str) -> bool:
        """Whether ``text`` is a header word of value-block ``table`` (cached: headers recur)."""
        known = self._block_word_seen.get((table.key, text))
        if known is None:
            known = self._block_word_seen[table.key, text] = self._block_word(table, text)
        return known

    def _block_word(self, table: TableSpec, text: str) -> bool:
        words = self.index.block_words[table.key]
        key = label_keys(text)[0]
        if key and any(key in w or w in key for w in words):
            return True
        # Header words printed vertically come out of PDFs as lines of single characters.
        chars = text.split()
        return len(chars) > 1 and all(len(c) == 1 and any(c in w for w in words) for c in chars)

    def _fuzzy(self, text: str) -> tuple[RowSpec, ...]:
        key = label_keys(text)[1]
        if len(key) < 6:
            return ()
        if key not in self._fuzzy_seen:
            best = difflib.get_close_matches(key, self.index.fuzzy_keys, n=2, cutoff=0.85)
            unique = len(best) == 1 or (len(best) == 2 and self.rows[best[0]] == self.rows[best[1]])
            self._fuzzy_seen[key] = self.rows[best[0]] if unique else ()
        return self._fuzzy_seen[key]

    def _choose(
        self,
        candidates: Sequence[RowSpec],
        label: Label,
        group: GroupSpec | None,
        table: str | None,
    ) -> RowSpec | None:
        """The row a label names among several candidates, or for a bare header.

        A lone candidate of a row label is taken by the caller directly.
        """
        if len(candidates) > 1:
            # Same label in several places ("(二)被依法纠错数", "3.其他"): the group or
            # section being read decides; with no context, nothing is guessed.
            narrowed = [r for r in candidates if group is not None and r.group == group]
            narrowed = narrowed or [r for r in candidates if r.table == table]
            candidates = narrowed if len(narrowed) == 1 else []
        if not candidates:
            return None
        row = candidates[0]
        # A bare column header ("总计", "其他") is not the row of the same name.
        if label.bare_header and (row.group != group or row.group is None):
            return None
        return row

    # -- the pass ------------------------------------------------------------

    def score(self, rows: Sequence[LogicalRow]) -> tuple[int, int]:
        """How well this template's labels fit: (rows recognised, rows + headings).

        A cheap pass for choosing the template: row labels and table headings
        are looked up without context; value blocks count when their heading is
        followed by a row of values.
        """
        found: set[str] = set()
        headings: set[str] = set()
        block: TableSpec | None = None
        known, label = self._labels.get, self._label
        for logical in rows:
            labels = logical.labels
            if not labels:
                if block is not None and logical.filled >= len(block.rows):
                    found.update(r.key for r in block.rows)
                    block = None
                continue
            for cell in labels:
                facts = known(cell[TEXT]) or label(cell[TEXT])
                table = facts.anchor
                if table is not None:
                    headings.add(facts.loose)
                    block = table if table.layout == "value_block" else block
            if block is not None and logical.filled >= len(block.rows):
                found.update(r.key for r in block.rows)
                block = None
            candidates = facts.rows  # the last label's
            if len(labels) > 1 and not candidates:
                joined = labels[-2][TEXT] + labels[-1][TEXT]
                candidates = (known(joined) or label(joined)).rows
            if candidates:
                found.add(candidates[0].key)
        return len(found), len(found) + len(headings)

    def match(self, rows: Sequence[LogicalRow], notes: Notes) -> Assembly:
        """Find this template's rows in ``rows``; :meth:`assign` then reads their cells.

        Matching is cheap and done for every template to pick one; reading the
        cells is done for the chosen template only.
        """
        out = Assembly(notes)
        state = _State()
        matches = out.matches
        for logical in rows:
            if not logical.labels:
                if state.block is not None and logical.filled:
                    self._assign_block(state.block, logical, out)
                    state.block = None
                continue
            after = self._read_headings(logical, state, out)
            if state.block is not None and logical.filled:
                # Table 四 printed with a labelled row per group (行政复议 | 1 | 0 | …).
                found = self._find_row(logical, state)
                if found is not None and found.row.table == state.block.key:
                    out.tables_found.add(found.row.table)
                    matches.append(found)
                    continue
            if state.block is not None:
                # Labels before the block's heading (a running page header) do not count.
                header = logical.labels[after:]
                if all(self._is_block_word(state.block, c[TEXT]) for c in header):
                    if logical.filled:
                        self._assign_block(state.block, logical, out)
                        state.block = None
                    continue
                if not logical.filled and state.patience > 0:
                    state.patience -= 1  # a running page header between header and values
                    continue
                state.block = None
            found = self._find_row(logical, state)
            if found is None:
                if logical.filled and self._label(logical.labels[-1][TEXT]).group is None:
                    self._unknown(logical, out)
                continue
            state.group = found.row.group
            state.table = found.row.table
            out.tables_found.add(found.row.table)
            matches.append(found)
        out.rows_matched += len({m.row.key for m in matches})
        return out

    def assign(self, out: Assembly) -> Assembly:
        """Read the cells of the rows :meth:`match` found."""
        self._assign_rows(out.matches, out)
        return out

    def _read_headings(self, logical: LogicalRow, state: _State, out: Assembly) -> int:
        """Table titles, group labels and header units among a row's label cells.

        Returns the index just past the last heading of a value-block table.
        """
        after = 0
        known = self._labels.get
        for i, cell in enumerate(logical.labels):
            label = known(cell[TEXT]) or self._label(cell[TEXT])
            if not label.heading:
                continue
            table = label.anchor
            if table is not None:
                out.tables_found.add(table.key)
                out.anchors_seen.add(label.loose)
                state.table = table.key
                if table.layout == "value_block":
                    state.block = table
                    state.patience = 3
                    after = i + 1
            if label.unit is not None:
                out.header_units[label.loose] = label.unit
            if label.group is not None:
                state.group = label.group
        return after

    def _find_row(self, logical: LogicalRow, state: _State) -> _Match | None:
        """The template row a logical row's label names, if any."""
        last = logical.labels[-1]
        label = self._labels.get(last[TEXT]) or self._label(last[TEXT])
        candidates = label.rows
        if not candidates and (wrapped := self._wrapped(logical.labels)):
            last, label = wrapped
            candidates = label.rows
        if not candidates and " " in last[TEXT].strip():
            # Group and item in one cell: "(三)不予公开 1.属于国家秘密".
            head, _, tail = last[TEXT].strip().partition(" ")
            group = self._label(head).group
            if group is not None and (candidates := self._label(tail).rows):
                state.group = group
        approximate = False
        if not candidates and logical.filled and len(logical.labels) <= 2:
            candidates = self._fuzzy(last[TEXT])
            approximate = bool(candidates)
        if len(candidates) == 1 and not label.bare_header:
            row: RowSpec | None = candidates[0]  # the common case
        else:
            row = self._choose(candidates, label, state.group, state.table)
        return None if row is None else _Match(row, logical, last, label, approximate)

    def _wrapped(self, labels: Sequence[Cell]) -> tuple[Cell, Label] | None:
        """A label wrapped over lines, or split into words by a PDF extractor.

        The last two to four label cells, joined, when they name a row.
        """
        for n in range(2, min(4, len(labels)) + 1):
            joined = "".join(c[TEXT] for c in labels[-n:])
            label = self._label(joined)
            if label.rows:
                return (joined, labels[-n][START], labels[-1][END], Kind.LABEL), label
        return None

    def _unknown(self, logical: LogicalRow, out: Assembly) -> None:
        label = " ".join(c[TEXT] for c in logical.labels)
        values = [c[TEXT] for c in logical.cells if c[KIND] is Kind.VALUE]
        first = logical.labels[0]
        end = max(c[END] for c in (*logical.labels, *logical.cells))
        out.notes.add(
            UNKNOWN_ROW,
            f"row not in the template, kept here: {label!r} with values {values}",
            (first[START], end),
        )

    def _assign_rows(self, matches: list[_Match], out: Assembly) -> None:
        chosen: dict[str, _Match] = {}
        for m in matches:
            prior = chosen.get(m.row.key)
            if prior is None or m.logical.filled > prior.logical.filled:
                if prior is not None and prior.logical.filled:
                    self._duplicate(prior, m, out)
                chosen[m.row.key] = m
            elif m.logical.filled:
                self._duplicate(m, prior, out)
        for m in chosen.values():
            out.rows_seen.add(m.row.key)
            if m.approximate:
                out.notes.add(
                    APPROXIMATE_LABEL,
                    f"label {m.label[TEXT]!r} read as {m.row.label!r} ({m.row.key})",
                    (m.label[START], m.label[END]),
                    key=m.row.key,
                )
            units = m.logical.units
            unit = (units[0][TEXT] if units else None) or m.named.unit
            cells = m.logical.cells
            n = len(self._plans[m.row.key])
            start, ambiguous, extra = _window(m.logical, n, trailing_padding=True)
            window = cells[start : start + n]
            if extra:
                self._extra(m.row.key, extra, len(window), out)
            if ambiguous:
                self._padding(m.row.key, m.logical, "after", out)
            self._fill(m.row, window, m.logical, unit, out)

    def _duplicate(self, ignored: _Match, kept: _Match, out: Assembly) -> None:
        out.notes.add(
            DUPLICATE_ROW,
            f"{ignored.row.key} appears again; the row at offset {kept.label[START]} is used",
            (ignored.label[START], ignored.label[END]),
            key=ignored.row.key,
        )

    def _assign_block(self, table: TableSpec, logical: LogicalRow, out: Assembly) -> None:
        slots = [(r, c) for r in table.rows for c in r.value_columns]
        start, ambiguous, extra = _window(logical, len(slots), trailing_padding=False)
        window = logical.cells[start : start + len(slots)]
        if extra:
            self._extra(table.key, extra, len(window), out)
        if ambiguous:
            self._padding(table.key, logical, "before", out)
        out.tables_found.add(table.key)
        out.rows_seen.update(r.key for r in table.rows)
        if 0 < len(window) < len(slots):
            keys = tuple(r.cell_key(c) for r, c in slots)
            out.shorts.append(
                Short(table.key, keys, tuple(c for _, c in slots), tuple(window), None)
            )
            out.rows_matched += len(table.rows)
            return
        for row in table.rows:
            n = len(row.value_columns)
            out.rows_matched += 1
            self._fill(row, window[:n], logical, None, out)
            window = window[n:]

    def _padding(self, where: str, logical: LogicalRow, side: str, out: Assembly) -> None:
        first = logical.cells[0]
        out.notes.add(
            PADDING_ASSUMED,
            f"{where}: {len(logical.cells)} cells for fewer columns, some blank; "
            f"the empty cells {side} the values were taken as padding",
            (first[START], logical.cells[-1][END]),
            key=where,
        )

    def _extra(self, where: str, extra: Sequence[Cell], kept: int, out: Assembly) -> None:
        """Report the filled cells outside a row's ``kept`` cells."""
        out.notes.add(
            EXTRA_CELLS,
            f"{where}: values beyond its {kept} cells kept here: {[c[TEXT] for c in extra]}",
            (extra[0][START], extra[-1][END]),
            key=where,
        )

    def _fill(
        self,
        row: RowSpec,
        window: Sequence[Cell],
        logical: LogicalRow,
        unit: str | None,
        out: Assembly,
    ) -> None:
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
        # A unit written in the row applies to its cells; else each column's header's.
        if unit or not header_units:
            hints: Iterable[str | None] = itertools.repeat(unit)
        else:
            hints = map(header_units.get, self.index.column_headers[row.key])
        cells = zip(plan, window, hints, strict=False)  # a short window: the rest stays blank
        for (column, key, _, unit_key), (text, start, end, _), hint in cells:
            if text.isdigit() and text.isascii() and not column.money:
                values[key] = int(text)  # most cells: a plain count, as read_cell reads it
                sources[key] = (start, end)
                continue
            value, note, detail, written = read_cell(text, column, hint)
            values[key] = value
            sources[key] = span = (start, end)
            if unit_key is not None and value is not None and written in _MONEY_UNITS:
                values[unit_key] = written
                sources[unit_key] = span
            if note is not None:
                out.notes.add(note, f"{key}: {detail}", (start, end), key=key)


def _window(row: LogicalRow, n: int, *, trailing_padding: bool) -> tuple[int, bool, Sequence[Cell]]:
    """Where the ``n`` cells of a row start, dropping empty padding cells.

    Scrapers pad rows with empty cells where the label spanned several columns.
    The chosen window covers every filled cell; among several, padding is
    assumed after the values (rows) or before them (value blocks). Returns the
    start, whether another choice was possible (blank cells next to padding),
    and the filled cells left outside the window (more values than columns).
    """
    cells = row.cells
    if len(cells) <= n or row.last_filled < 0:
        return 0, False, ()
    value = Kind.VALUE
    if row.last_filled < n and cells[0][KIND] is value:
        # The common case, padding after a full row: only the first window covers it.
        return 0, False, ()
    filled = [i for i, c in enumerate(cells) if c[KIND] is value]
    starts = [s for s in range(len(cells) - n + 1) if s <= filled[0] and filled[-1] < s + n]
    if not starts:
        # More filled cells than columns: keep the first (or last) n; the rest is reported.
        start = 0 if trailing_padding else len(cells) - n
        return start, False, [cells[i] for i in filled if not start <= i < start + n]
    return (starts[0] if trailing_padding else starts[-1]), len(starts) > 1, ()
