"""Stage two: find a template's rows among the cells and put every number in its cell.

Rows are matched by their official labels (and declared variants), never by
ordinals. Group labels such as ``(三)不予公开`` give context to items whose
label alone is ambiguous (``3.其他``). Tables laid out as one unlabeled run of
values after a header (table 四) are read as a block in declaration order.

What a label names comes from a ``LabelLookup``; the matching
pass here walks the rows with the context of the headings read so far, and
``.fill`` puts the cells of the rows it found into their columns.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import attrs

from govinfo._diagnostics import FIGURES_BEFORE_LABELS, UNKNOWN_ROW, WRAPPED_FIGURES
from govinfo.reading.cells import END, KIND, START, TEXT, Cell, Kind, LogicalRow
from govinfo.reading.fill import Filler, Short
from govinfo.reading.numbers import is_unit_text, read_cell
from govinfo.reading.spans import Notes
from govinfo.templates.invariants import Check, Verdict, verdicts
from govinfo.templates.spec import CellValue, GroupSpec, RowSpec, TableSpec, number

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from govinfo.reading.labels import Label, LabelLookup


class Match:
    """A logical row found to be a template row, and by which label cell (slotted, plain)."""

    __slots__ = ("approximate", "label", "logical", "named", "out_of_step", "row")

    def __init__(
        self, row: RowSpec, logical: LogicalRow, label: Cell, named: Label, approximate: bool
    ) -> None:
        """Row ``row`` found in ``logical`` by ``label`` (which names ``named``)."""
        self.row = row
        self.logical = logical
        self.label = label
        self.named = named  # what ``label`` names
        self.approximate = approximate
        #: Its figures may be another row's (see `RowMatcher._step`): its cells stay blank.
        self.out_of_step = False


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
    matches: list[Match] = attrs.Factory(list)


@attrs.define
class _State:
    """Where the pass is: the group and table being read, a value block awaited."""

    group: GroupSpec | None = None
    table: str | None = None
    block: TableSpec | None = None
    patience: int = 0
    #: The rows a header holding figures heads, in order, until the next row is found.
    ahead: tuple[str, ...] = ()
    #: The rows whose figures stand before their labels.
    out_of_step: frozenset[str] = frozenset()
    #: The value block the row before filled, if it did.
    filled: TableSpec | None = None


def cut_labels(labels: LabelLookup, rows: Sequence[LogicalRow]) -> Sequence[LogicalRow]:
    """``rows``, with the labels of run-together rows cut into this template's names."""
    if not any(r.run_together for r in rows):
        return rows
    return [_cut_row(labels, r) if r.run_together else r for r in rows]


def _cut_row(labels: LabelLookup, row: LogicalRow) -> LogicalRow:
    pieces = [p for c in row.labels for p in labels.pieces(c)]
    # A v2015 indicator's 单位 column ran into its label ("收到申请数件12", "…人员数)人0"):
    # the unit it is between separators, not a label of its own.
    if len(pieces) < 2:  # no label beside the unit (a row of digits alone has none)
        return row.relabelled(tuple(pieces))
    text, start, end, _ = pieces[-1]
    words = next((i for i, c in enumerate(text) if c.isalnum()), len(text))
    if not is_unit_text(text[words:]):
        return row.relabelled(tuple(pieces))
    pieces.pop()
    units = ((text[words:], start + words, end, Kind.UNIT), *row.units)
    return LogicalRow(
        tuple(pieces), row.cells, units, row.filled, row.last_filled, run_together=True
    )


def assemble(labels: LabelLookup, rows: Sequence[LogicalRow], notes: Notes) -> Assembly:
    """Find the template's rows in ``rows`` and read their cells into its columns."""
    filler = Filler(labels.index)
    out = RowMatcher(labels, filler).match(rows, notes)
    filler.rows(out.matches, out)
    return out


def score(labels: LabelLookup, rows: Sequence[LogicalRow]) -> tuple[int, int]:
    """How well a template's labels fit: (rows recognised, rows + headings).

    A cheap pass for choosing the template: row labels and table headings
    are looked up without context; value blocks count when their heading is
    followed by a row of values.
    """
    found: set[str] = set()
    headings: set[str] = set()
    block: TableSpec | None = None
    for logical in rows:
        cells = logical.labels
        if not cells:
            if block is not None and logical.filled >= len(block.rows):
                found.update(r.key for r in block.rows)
                block = None
            continue
        for cell in cells:
            facts = labels.label(cell[TEXT])
            table = facts.anchor
            if table is not None:
                headings.add(facts.loose)
                block = table if table.layout == "value_block" else block
        if block is not None and logical.filled >= len(block.rows):
            found.update(r.key for r in block.rows)
            block = None
        candidates = facts.rows  # the last label's
        if len(cells) > 1 and not candidates:
            joined = cells[-2][TEXT] + cells[-1][TEXT]
            candidates = labels.label(joined).rows
        if candidates:
            found.add(candidates[0].key)
    return len(found), len(found) + len(headings)


class RowMatcher:
    """The matching pass: which template row each logical row is, in the context of its headings.

    It walks the logical rows once, keeping the group and table being read;
    value blocks are handed to the ``Filler`` as they are found,
    and each row found is kept as a ``Match`` for the filler to read after.
    """

    def __init__(self, labels: LabelLookup, filler: Filler) -> None:
        """Match by the labels of ``labels``; value blocks are read by ``filler``."""
        self.labels = labels
        self.filler = filler

    def match(self, rows: Sequence[LogicalRow], notes: Notes) -> Assembly:
        """Find the template's rows in ``rows``; value blocks are read as they are found.

        The rows found are left in ``Assembly.matches`` for the filler to read.
        """
        out = Assembly(notes)
        state = _State()
        matches = out.matches
        # A row's label's rest, read with it: skipped, or read without it.
        rest_of: LogicalRow | None = None
        then: LogicalRow | None = None
        for n, row in enumerate(rows):
            filled, state.filled = state.filled, None
            logical = row if row is not rest_of else then
            if logical is None:
                continue
            if not logical.labels:
                self._figures_alone(logical, filled, state, out)
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
                if all(self.labels.is_block_word(state.block, c[TEXT]) for c in header):
                    if logical.filled:
                        if self.filler.block(state.block, logical, out):
                            state.filled = state.block
                        state.block = None
                    continue
                if not logical.filled and state.patience > 0:
                    state.patience -= 1  # a running page header between header and values
                    continue
                state.block = None
            found = self._find_row(logical, state)
            if found is None and logical.filled:
                found, rest_of, then = self._find_cut_row(logical, rows[n + 1 : n + 2], state)
            if found is None:
                self._not_found(logical, state, out)
                continue
            if state.ahead or state.out_of_step:
                self._step(found, state, out)
            state.group = found.row.group
            state.table = found.row.table
            out.tables_found.add(found.row.table)
            matches.append(found)
        out.rows_matched += len({m.row.key for m in matches})
        return out

    def _figures_alone(
        self, logical: LogicalRow, filled: TableSpec | None, state: _State, out: Assembly
    ) -> None:
        """A row of figures with no label: a value block's, its figures' ends, or unknown.

        ``filled`` is the value block the row before filled, if it did.
        """
        if not logical.filled:
            return
        if state.block is not None:
            if self.filler.block(state.block, logical, out):
                state.filled = state.block
            state.block = None
        elif filled is not None:
            self._block_ends(filled, logical, out)
        else:
            _unknown(logical, out)

    def _block_ends(self, block: TableSpec, ends: LogicalRow, out: Assembly) -> None:
        """Figures of no row right after ``block``'s figures: maybe the ends of some of them.

        A figure too wide for its cell wraps, its end under it; a page break
        may cut the row, the ends at the top of the next page. Which figures
        they end the text does not tell: the block's cells stay only where a
        rule holds of them (a cut total is no sum of its parts), the others
        are left blank, quoted in the diagnostic.
        """
        keys = [r.cell_key(c) for r in block.rows for c in r.value_columns]
        block_values = {k: out.values.get(k) for k in keys}
        held = _held(self.labels.index.spec.checks, block_values)
        doubtful = [k for k in keys if k not in held and out.values.get(k) is not None]
        figures = [c[TEXT] for c in ends.cells if c[KIND] is not Kind.EMPTY]
        read = {k: str(out.values.pop(k)) for k in doubtful}
        for key in doubtful:
            out.sources.pop(key, None)
        blank = f"left blank, no rule holding of them: {read}" if read else "every rule holds"
        cells = (*ends.labels, *ends.cells)
        out.notes.add(
            WRAPPED_FIGURES,
            f"{block.key}: figures {figures} after its figures, with no row, may end some of "
            f"them; {blank}",
            (cells[0][START], max(c[END] for c in cells)),
        )

    def _not_found(self, logical: LogicalRow, state: _State, out: Assembly) -> None:
        """A row of figures no row of the template: reported, and maybe a table's header."""
        if logical.filled and self.labels.label(logical.labels[-1][TEXT]).group is None:
            _unknown(logical, out)
            state.ahead = self._headed(logical)

    def _headed(self, logical: LogicalRow) -> tuple[str, ...]:
        """The rows a header heads, in order: the first run of rows whose columns it names best.

        A header names a part of a table (rows with the same columns), which
        may have the columns of a part further down. Where the row holds
        words that name a table (its title, its header cells), the header is
        the words from where it turns to the last table it names, and only
        that table's rows are its.
        A value block's header is not one: its figures follow it.
        """
        headers = self.labels.index.headers
        table: TableSpec | None = None
        words: set[str] = set()
        for cell in logical.labels:
            label = self.labels.label(cell[TEXT])
            if label.anchor is not None and label.anchor is not table:
                table, words = label.anchor, set()  # the words before are another table's
            words.add(label.exact if label.exact in headers else label.loose)
        tables = self.labels.index.spec.tables if table is None else (table,)
        named = Counter(row for word in words for row in headers.get(word, ()))
        fits: list[tuple[str, tuple[int, int] | None]] = []
        for table in tables:
            if table.layout == "value_block":
                continue
            for row in table.rows:
                n = named.get(row.key, 0)
                columns = sum(1 for c in row.columns if c.name)
                fits.append((row.key, (n, n - columns) if n else None))
        best = max((fit for _, fit in fits if fit is not None), default=None)
        if best is None:
            return ()  # it names columns of value blocks only, or none
        run: list[str] = []
        for key, fit in fits:
            if fit == best:
                run.append(key)
            elif run:
                break
        return tuple(run)

    def _step(self, found: Match, state: _State, out: Assembly) -> None:
        """Whether ``found``'s figures are another row's, its table read out of step.

        Figures between a table's header and the first row it heads stand
        before their label, as text taken from a PDF in the order it was drawn
        has them: each row's figures may be the next row's, so none of the
        rows that header heads is read. (A row of figures under a header and
        before any row is no row of the template either way.)
        """
        if state.ahead:
            # The first row, by its label or among the labels before (a row with no
            # figures left after its label runs into the next).
            rows = (r for c in found.logical.labels for r in self.labels.label(c[TEXT]).rows)
            named = {found.row.key, *(r.key for r in rows)}
            if state.ahead[0] in named:
                state.out_of_step |= frozenset(state.ahead)
            state.ahead = ()
        if found.row.key in state.out_of_step:
            found.out_of_step = True
            if found.logical.filled:
                _out_of_step(found, out)

    def _read_headings(self, logical: LogicalRow, state: _State, out: Assembly) -> int:
        """Table titles, group labels and header units among a row's label cells.

        Returns the index just past the last heading of a value-block table.
        """
        after = 0
        for i, cell in enumerate(logical.labels):
            label = self.labels.label(cell[TEXT])
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

    def _find_row(self, logical: LogicalRow, state: _State) -> Match | None:
        """The template row a logical row's label names, if any."""
        labels = self.labels
        last = logical.labels[-1]
        label = labels.label(last[TEXT])
        candidates = label.rows
        if not candidates and (wrapped := self._wrapped(logical.labels)):
            last, label = wrapped
            candidates = label.rows
        if not candidates and " " in last[TEXT].strip():
            # Group and item in one cell: "(三)不予公开 1.属于国家秘密"; or the item and the
            # end of a group label wrapped beside it, naming nothing ("予公开 5.属于…").
            head, _, tail = last[TEXT].strip().partition(" ")
            facts = labels.label(head)
            if facts.group is not None and (candidates := labels.label(tail).rows):
                state.group = facts.group
            elif not facts.rows and not facts.heading and not facts.bare_header:
                candidates = labels.label(tail).rows
        approximate = False
        if not candidates and logical.filled and len(logical.labels) <= 2:
            candidates = labels.fuzzy(last[TEXT])
            approximate = bool(candidates)
        if len(candidates) == 1 and not label.bare_header:
            row: RowSpec | None = candidates[0]  # the common case
        else:
            row = _choose(candidates, label, state.group, state.table)
        return None if row is None else Match(row, logical, last, label, approximate)

    def _find_cut_row(
        self, cut: LogicalRow, after: Sequence[LogicalRow], state: _State
    ) -> tuple[Match | None, LogicalRow | None, LogicalRow | None]:
        """The template row a row cut by a page break is, and the row with its label's rest.

        The rest of its label heads the row ``after`` it: a row with no figure
        (they stayed with the label's start), or the label's last line, after
        the figures printed level with its middle, heading the next row's
        labels and figures. Joined, the label names a row, word for word.
        Returns the row found, the row after, and what is left of that row
        to read (``None``: nothing).
        """
        rest = after[0] if after else None
        if rest is None or not rest.labels or rest.run_together:
            return None, None, None
        # The label's rest: all of the row after's labels, or its first lines (the row after
        # goes on with its own label's lines, its figures after them).
        heads = [len(rest.labels)] if not rest.filled else range(1, len(rest.labels))
        for n in heads:
            found = self._find_row(_joined(cut, rest.relabelled(rest.labels[:n])), state)
            # Words and all: a loose match may leave out a note whose figure was taken as a
            # cell ("…相同信息计 1 条)": 1 is the note's, not the row's).
            if found is not None and not found.approximate and self._exact(found):
                left = rest.relabelled(rest.labels[n:]) if rest.filled else None
                return found, rest, left
        if rest.filled:
            # The row's figures split over its label's two lines, the rest after the rest.
            found = self._find_row(_continued(cut, rest), state)
            if (
                found is not None
                and not found.approximate
                and self._exact(found)
                and self._whole(found)
            ):
                return found, rest, None
        return None, None, None

    def _whole(self, found: Match) -> bool:
        """Whether a row's figures, joined from two lines, fill its columns and a rule holds.

        No blank among them (which columns a line's figures stand in the text
        does not tell), one for each column, and a rule of the row's own that
        holds of them in that order (its 总计 the sum of its parts).
        """
        row, logical = found.row, found.logical
        columns = row.value_columns
        if logical.filled != len(columns) or len(logical.cells) != len(columns):
            return False
        values = {
            row.cell_key(column): read_cell(cell[TEXT], column).value
            for cell, column in zip(logical.cells, columns, strict=True)
        }
        return bool(_held(self.labels.index.spec.checks, values))

    def _exact(self, found: Match) -> bool:
        """Whether a row was found by its label word for word."""
        return found.named.exact in self.labels.index.rows

    def _wrapped(self, labels: Sequence[Cell]) -> tuple[Cell, Label] | None:
        """A label wrapped over lines, or split into words by a PDF extractor.

        The last two to four label cells, joined, when they name a row.
        """
        for n in range(2, min(4, len(labels)) + 1):
            joined = "".join(c[TEXT] for c in labels[-n:])
            label = self.labels.label(joined)
            if label.rows:
                return (joined, labels[-n][START], labels[-1][END], Kind.LABEL), label
        return None


def _held(checks: Sequence[Check], values: Mapping[str, CellValue]) -> set[str]:
    """The cells of ``values`` that a rule reading only them holds of (strictly)."""
    held: set[str] = set()
    for check in checks:
        if values.keys() >= set(check.keys):
            strict, _ = verdicts(
                check.rule.relation,
                [number(values[k]) for k in check.total],
                [number(values[k]) for k in check.parts],
            )
            if strict is Verdict.PASSED:
                held.update(check.keys)
    return held


def _continued(cut: LogicalRow, rest: LogicalRow) -> LogicalRow:
    """``cut`` with ``rest``'s labels joined onto its last label and its figures after its own."""
    labels = _joined(cut, rest).labels
    last = len(cut.cells) + rest.last_filled if rest.last_filled >= 0 else cut.last_filled
    return LogicalRow(
        labels,
        (*cut.cells, *rest.cells),
        (*cut.units, *rest.units),
        cut.filled + rest.filled,
        last,
    )


def _joined(cut: LogicalRow, rest: LogicalRow) -> LogicalRow:
    """``cut`` with the labels of ``rest`` joined onto its last label, as one label."""
    last = cut.labels[-1]
    text = last[TEXT] + "".join(c[TEXT] for c in rest.labels)
    label = (text, last[START], rest.labels[-1][END], Kind.LABEL)
    return cut.relabelled((*cut.labels[:-1], label))


def _unknown(logical: LogicalRow, out: Assembly) -> None:
    """Report a row with values whose label the template does not have, or that has none."""
    values = [c[TEXT] for c in logical.cells if c[KIND] is Kind.VALUE]
    cells = (*logical.labels, *logical.cells)
    span = (cells[0][START], max(c[END] for c in cells))
    if not logical.labels:
        out.notes.add(UNKNOWN_ROW, f"figures of no row, kept here: {values}", span)
        return
    label = " ".join(c[TEXT] for c in logical.labels)
    out.notes.add(
        UNKNOWN_ROW, f"row not in the template, kept here: {label!r} with values {values}", span
    )


def _out_of_step(found: Match, out: Assembly) -> None:
    """Report a row read out of step: its figures kept in the message, its cells blank."""
    logical = found.logical
    values = [c[TEXT] for c in logical.cells if c[KIND] is not Kind.EMPTY]
    cells = (*logical.labels, *logical.cells)
    out.notes.add(
        FIGURES_BEFORE_LABELS,
        f"{found.row.key}: the figures after {found.label[TEXT]!r}, {values}, may be the next "
        "row's: left blank",
        (cells[0][START], max(c[END] for c in cells)),
        key=found.row.key,
    )


def _choose(
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
