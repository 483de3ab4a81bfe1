"""Compile a template's declaration into the flat, immutable spec every stage reads.

A ``TemplateSpec`` lists the tables, their rows and their cells, each with
its dotted key (``requests.denied.state_secret.total``), official label, unit
and value kind, and what the report class declares beside its fields: the
report years, the invariants (expanded to concrete checks), the prose rules
and the required sections. It is derived from the declaration made with
``govinfo.templates.declare`` and never written by hand; every key the
declaration names is checked here, so a typo fails when the template is
compiled, at import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any, overload

import attrs

from govinfo.templates.codegen import builder, deferred, document, flattener
from govinfo.templates.declare import (
    Band,
    DeclarationError,
    Group,
    ProseRule,
    RequiredSection,
    Row,
    Stat,
    Table,
    UnitOf,
    Years,
    is_money,
    node_of,
)
from govinfo.templates.invariants import (
    Check,
    Rule,
    SeriesCheck,
    SeriesRule,
    compile_rules,
    compile_series,
)

CellValue = int | Decimal | str | None

# Specs are compared by identity (``eq=False``): each is compiled once, and they
# key lookups in the parser's inner loops, where hashing every field would cost.

#: Key of the table that holds a template's top-level indicators (v2015 ``complaints``).
ROOT_TABLE = ""


@attrs.frozen(eq=False)
class ColumnSpec:
    """One value column of a row; ``under`` is the header printed above it, if any."""

    name: str
    label: str
    unit: str
    aliases: tuple[str, ...]
    money: bool
    signed: bool
    unit_of: str | None = None
    under: str | None = None

    @property
    def reads_cell(self) -> bool:
        """False for a unit column, which is filled from its number column's cell."""
        return self.unit_of is None


@attrs.frozen(eq=False)
class GroupSpec:
    """A labelled block of rows inside a table."""

    key: str
    label: str
    aliases: tuple[str, ...]
    optional: bool


@attrs.frozen(eq=False)
class RowSpec:
    """A row to find in the input: its label and the columns it carries.

    ``value_columns`` are the columns that read a cell of the input, in order.
    """

    key: str
    table: str
    label: str
    aliases: tuple[str, ...]
    group: GroupSpec | None
    columns: tuple[ColumnSpec, ...]
    value_columns: tuple[ColumnSpec, ...]
    ext: bool = False
    note: str | None = None

    def cell_key(self, column: ColumnSpec) -> str:
        """Dotted key of one cell of this row."""
        return f"{self.key}.{column.name}" if column.name else self.key

    @property
    def indicator(self) -> bool:
        """A row of one unnamed number (the v2015 indicator list: 指标 | 单位 | 统计数)."""
        return len(self.columns) == 1 and not self.columns[0].name


@attrs.frozen(eq=False)
class CellSpec:
    """One number cell of a template, the unit of JSON, validation and docs."""

    key: str
    row: RowSpec
    column: ColumnSpec

    @property
    def label(self) -> str:
        """Row label and column label, as a reader of the printed form sees them."""
        if not self.column.name:
            return self.row.label
        return f"{self.row.label} / {self.column.label}"


@attrs.frozen(eq=False)
class BandSpec:
    """A label printed down the side of consecutive rows of a table."""

    label: str
    rows: tuple[RowSpec, ...]


@attrs.frozen(eq=False)
class TableSpec:
    """One statistical table."""

    key: str
    label: str
    aliases: tuple[str, ...]
    layout: str
    anchors: tuple[str, ...]
    rows: tuple[RowSpec, ...]
    groups: tuple[GroupSpec, ...]
    optional: bool = False
    bands: tuple[BandSpec, ...] = ()
    corner: str | None = None
    over: str | None = None

    @property
    def indicator_list(self) -> bool:
        """Whether every row is one unnamed number (the v2015 form)."""
        return all(r.indicator for r in self.rows)


def longest_of(words: Collection[str]) -> str:
    """A pattern matching, where any of ``words`` starts, the longest of them that does.

    The words are written as a trie (``行政(?:复议|诉讼)``), so that a scan
    tries one branch a character instead of every word in turn: an
    alternation of 40 words in a row, longest first, finds the same matches
    in about three times the time.
    """
    trie: dict[str, dict[str, Any]] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict[str, dict[str, Any]]) -> str:
        children = [re.escape(ch) + branch(node[ch]) for ch in sorted(node) if ch]
        if not children:
            return ""
        body = children[0] if len(children) == 1 else f"(?:{'|'.join(children)})"
        # A word ending here: what follows is optional, tried first (longest).
        return f"(?:{body})?" if "" in node else body

    return branch(trie)


def _wholes(checks: Sequence[Check], tables: Mapping[str, str]) -> dict[str, str]:
    """The keys that are only ever wholes (the one total of a check, and no part of any).

    A key summed with others (either side of "new + carried over = processed
    + forward") is a part of that sum. Each comes with its table (``tables``:
    the table of every key).
    """
    parts = {k for c in checks for k in c.parts}
    parts.update(k for c in checks if len(c.total) > 1 for k in c.total)
    wholes = {k for c in checks if len(c.total) == 1 for k in c.total} - parts
    return {k: tables[k] for k in sorted(wholes)}


@attrs.frozen(eq=False)
class ProseRules(Sequence[ProseRule]):
    """A template's prose rules, with one pattern finding every anchor they have.

    Sentences holding no anchor are never searched, and one scan of the text
    finds those that do (one ``str.find`` per anchor costs several times more).

    Attributes:
        rules: the rules, in declaration order (the order they are tried in).
        anchors: finds the longest anchor starting at a position; ``None``
            without rules.
        admitted: for each anchor, the rules (by index) whose anchors it holds.
        overlaps: for each anchor, the anchors that may start inside it and
            end after it, with where they would start.
        topics: the words rules are ``after``: each ends the others' scope.
        tables: the table of each cell key.
        wholes: the keys the template declares only as wholes (the total of
            their parts, a part of nothing), each with its table.
    """

    rules: tuple[ProseRule, ...]
    anchors: re.Pattern[str] | None
    admitted: Mapping[str, tuple[int, ...]]
    overlaps: Mapping[str, tuple[tuple[int, str], ...]]
    topics: frozenset[str]
    tables: Mapping[str, str] = MappingProxyType({})
    wholes: Mapping[str, str] = MappingProxyType({})

    @classmethod
    def of(
        cls,
        rules: tuple[ProseRule, ...],
        checks: Sequence[Check] = (),
        tables: Mapping[str, str] = MappingProxyType({}),
    ) -> ProseRules:
        """Compile ``rules``; the template's ``checks`` tell wholes from parts.

        ``tables`` gives the table of each cell key (those of the rules and
        the checks at least).
        """
        by_anchor: dict[str, set[int]] = {}
        for r, rule in enumerate(rules):
            for anchor in rule.anchors:
                by_anchor.setdefault(anchor, set()).add(r)
        # Longest first, so that where anchors start together the longest is
        # found; it admits the rules of every anchor it holds ("行政复议" those
        # of "复议").
        words = sorted(by_anchor, key=len, reverse=True)
        anchors = re.compile(longest_of(words)) if words else None
        admitted = {
            a: tuple(sorted(set().union(*(rs for b, rs in by_anchor.items() if b in a))))
            for a in words
        }
        # An anchor may also start inside another and end after it ("申请公开" in
        # "申请公开申请"), where a scan that moves past each match does not look.
        overlaps = {
            a: tuple(
                (k, b)
                for b in words
                for k in range(1, len(a))
                if b.startswith(a[k:]) and b != a[k:]
            )
            for a in words
        }
        return cls(
            rules,
            anchors,
            MappingProxyType(admitted),
            MappingProxyType({a: o for a, o in overlaps.items() if o}),
            frozenset(rule.after for rule in rules if rule.after),
            MappingProxyType(dict(tables)),
            MappingProxyType(_wholes(checks, tables)),
        )

    def __len__(self) -> int:
        """How many rules."""
        return len(self.rules)

    @overload
    def __getitem__(self, index: int) -> ProseRule: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[ProseRule, ...]: ...
    def __getitem__(self, index: int | slice) -> ProseRule | tuple[ProseRule, ...]:
        """The rule(s) at ``index``."""
        return self.rules[index]


@attrs.frozen(eq=False)
class TemplateSpec:
    """Everything the pipeline knows about one template, compiled once from its declaration.

    Attributes:
        template: the template id (``"v2021"``).
        report_type: the report class.
        years: the report years the template covers.
        family: templates of one family share their form (v2021 revises v2019).
        tables: the statistical tables, in declaration order.
        cells: every cell, in declaration order.
        by_key: the cells by dotted key.
        checks: the template's invariants, one check per row, column or group.
        series: the invariants between this year's report and last year's.
        prose: the figures its prose states, as rules.
        sections: the sections the template requires (none for v2015).
        cues: phrases that mark a report of this template when it has no table.
        build: a report from ``{dotted key: value}`` (``"meta"`` for the meta).
        flatten: ``{dotted key: value}`` of a report, over ``cells``.
            Both are generated on their first call (most programs use few templates).
    """

    template: str
    report_type: type
    years: Years
    family: str
    tables: tuple[TableSpec, ...]
    cells: tuple[CellSpec, ...]
    by_key: Mapping[str, CellSpec]
    checks: tuple[Check, ...]
    series: tuple[SeriesCheck, ...]
    prose: ProseRules
    sections: tuple[RequiredSection, ...]
    cues: tuple[str, ...]
    build: Callable[[dict[str, Any]], Any]
    flatten: Callable[[Any], dict[str, CellValue]]

    @property
    def indicator_list(self) -> bool:
        """Whether the template is one long indicator list (统计指标 / 单位 / 统计数)."""
        return all(t.indicator_list for t in self.tables)


def _column(name: str, node: Stat | UnitOf, tp: object) -> ColumnSpec:
    if isinstance(node, UnitOf):
        return ColumnSpec(name, node.label, "", (), money=False, signed=False, unit_of=node.column)
    return ColumnSpec(
        name, node.label, node.unit, node.aliases, is_money(tp), node.signed, under=node.under
    )


def _row(
    key: str, table: str, node: Row | Stat, group: GroupSpec | None, columns: list[ColumnSpec]
) -> RowSpec:
    names = {c.name for c in columns}
    for c in columns:
        if c.unit_of is not None and c.unit_of not in names:
            raise DeclarationError(f"{key}.{c.name}: unit of an unknown column {c.unit_of!r}")
    value_columns = tuple(c for c in columns if c.reads_cell)
    return RowSpec(
        key, table, node.label, node.aliases, group, tuple(columns), value_columns, node.ext,
        node.note,
    )  # fmt: skip


def _field_class(field: attrs.Attribute[Any], key: str) -> type:
    sub = field.type
    if not (isinstance(sub, type) and attrs.has(sub)):
        raise DeclarationError(f"{key}: a row, group or table needs an attrs class, got {sub!r}")
    attrs.resolve_types(sub)
    return sub


def _walk(
    cls: type,
    prefix: str,
    table_key: str,
    group: GroupSpec | None,
    rows: list[RowSpec],
    groups: list[GroupSpec],
) -> None:
    for field in attrs.fields(cls):
        node = node_of(field)
        key = f"{prefix}.{field.name}" if prefix else field.name
        if isinstance(node, Row):
            columns = []
            for col in attrs.fields(_field_class(field, key)):
                col_node = node_of(col)
                if not isinstance(col_node, Stat | UnitOf):
                    raise DeclarationError(f"{key}.{col.name}: a row's fields are stat or unit_of")
                columns.append(_column(col.name, col_node, col.type))
            rows.append(_row(key, table_key, node, group, columns))
        elif isinstance(node, Stat):
            rows.append(_row(key, table_key, node, group, [_column("", node, field.type)]))
        elif isinstance(node, Group):
            spec = GroupSpec(key, node.label, node.aliases, node.optional)
            groups.append(spec)
            _walk(_field_class(field, key), key, table_key, spec, rows, groups)
        else:
            raise DeclarationError(f"{key}: a table's fields are declared with row, group or stat")


def _bands(table: str, cls: type, bands: Sequence[Band], rows: list[RowSpec]) -> list[BandSpec]:
    names = [f.name for f in attrs.fields(cls)]
    out = []
    for band in bands:
        if band.first not in names or band.last not in names:
            raise DeclarationError(f"{table}: band {band.label!r} names an unknown field")
        inside = names[names.index(band.first) : names.index(band.last) + 1]
        prefixes = tuple(f"{table}.{name}" for name in inside)
        members = [
            r
            for r in rows
            if r.key in prefixes or r.key.startswith(tuple(f"{p}." for p in prefixes))
        ]
        out.append(BandSpec(band.label, tuple(members)))
    return out


def _declared(report_type: type, name: str, kind: type) -> Any:  # noqa: ANN401 - checked below
    value = getattr(report_type, name, None)
    if not isinstance(value, kind):
        raise DeclarationError(f"{report_type.__name__}.{name} must be a {kind.__name__}")
    return value


def compile_template(report_type: type) -> TemplateSpec:
    """Compile the spec of a report class, checking every key its declaration names.

    Raises:
        DeclarationError: the declaration does not hold together (an unknown
            key in a rule or prose rule, a field without a declaration …).
    """
    attrs.resolve_types(report_type)
    document(report_type)
    tables = []
    root_rows: list[RowSpec] = []
    ordered: list[RowSpec] = []  # declaration order, for cells
    for field in attrs.fields(report_type):
        node = node_of(field)
        if isinstance(node, Stat):
            spec = _row(field.name, ROOT_TABLE, node, None, [_column("", node, field.type)])
            root_rows.append(spec)
            ordered.append(spec)
            continue
        if not isinstance(node, Table):
            continue  # meta, and anything outside the statistics
        rows: list[RowSpec] = []
        groups: list[GroupSpec] = []
        sub = _field_class(field, field.name)
        _walk(sub, field.name, field.name, None, rows, groups)
        ordered.extend(rows)
        bands = tuple(_bands(field.name, sub, node.bands, rows))
        tables.append(
            TableSpec(
                field.name,
                node.label,
                node.aliases,
                node.layout,
                node.anchors,
                tuple(rows),
                tuple(groups),
                node.optional,
                bands,
                node.corner,
                node.over,
            )
        )
    if root_rows:
        tables.append(TableSpec(ROOT_TABLE, "其他统计指标", (), "rows", (), tuple(root_rows), ()))
    cells = tuple(CellSpec(r.cell_key(c), r, c) for r in ordered for c in r.columns)
    by_key = {c.key: c for c in cells}
    table_rows = {t.key: [r.key for r in t.rows] for t in tables}
    group_rows = {
        g.key: [r.key for r in t.rows if r.key.startswith(f"{g.key}.")]
        for t in tables
        for g in t.groups
    }
    rules: tuple[Rule, ...] = _declared(report_type, "RULES", tuple)
    checks = compile_rules(rules, list(by_key), table_rows, group_rows)
    series: tuple[SeriesRule, ...] = _declared(report_type, "SERIES", tuple)
    prose: tuple[ProseRule, ...] = _declared(report_type, "PROSE", tuple)
    for rule in prose:
        for key in rule.keys:
            if key not in by_key:
                raise DeclarationError(
                    f"{report_type.__name__}: prose rule for unknown key {key!r}"
                )
    return TemplateSpec(
        template=_declared(report_type, "TEMPLATE", str),
        report_type=report_type,
        years=_declared(report_type, "YEARS", Years),
        family=_declared(report_type, "FAMILY", str),
        tables=tuple(tables),
        cells=cells,
        by_key=MappingProxyType(by_key),
        checks=checks,
        series=compile_series(series, list(by_key)),
        prose=ProseRules.of(prose, checks, {c.key: c.row.table for c in cells}),
        sections=_declared(report_type, "SECTIONS", tuple),
        cues=_declared(report_type, "CUES", tuple),
        build=deferred(lambda: builder(report_type)),
        flatten=deferred(lambda: flattener(tuple(by_key))),
    )


def number(value: CellValue) -> int | Decimal | None:
    """A cell's value when it is a number (a unit cell's text is not)."""
    return value if isinstance(value, int | Decimal) else None
