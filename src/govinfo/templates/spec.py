"""Compile a template's model declaration into the flat specs every stage reads.

A :class:`TemplateSpec` lists the tables, their rows and their cells, each with
its dotted key (``requests.denied.state_secret.total``), official label, unit
and value kind. It is derived from the attrs metadata declared with
:mod:`govinfo.templates.declare` and never written by hand.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from govinfo.templates.codegen import builder, flattener
from govinfo.templates.declare import Group, Row, Stat, Table, UnitOf, is_money, node_of

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")

CellValue = int | Decimal | str | None

# Specs are compiled once per template and compared by identity (``eq=False``):
# they key caches in the parser's inner loops, where hashing every field would cost.

#: Key of the table that holds a template's top-level indicators (v2015 ``complaints``).
ROOT_TABLE = ""


@attrs.frozen(eq=False)
class ColumnSpec:
    """One value column of a row."""

    name: str
    label: str
    unit: str
    aliases: tuple[str, ...]
    money: bool
    signed: bool
    unit_of: str | None = None

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
    """A row to find in the input: its label and the columns it carries."""

    key: str
    table: str
    label: str
    aliases: tuple[str, ...]
    group: GroupSpec | None
    columns: tuple[ColumnSpec, ...]
    ext: bool = False
    note: str | None = None

    def cell_key(self, column: ColumnSpec) -> str:
        """Dotted key of one cell of this row."""
        return f"{self.key}.{column.name}" if column.name else self.key

    @functools.cached_property
    def value_columns(self) -> tuple[ColumnSpec, ...]:
        """The columns that read a cell of the input, in order."""
        return tuple(c for c in self.columns if c.reads_cell)


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


@attrs.frozen
class TemplateSpec:
    """Everything the pipeline needs to know about one template."""

    template: str
    report_type: type
    tables: tuple[TableSpec, ...]
    cells: tuple[CellSpec, ...]

    @functools.cached_property
    def flatten(self) -> Callable[[Any], dict[str, CellValue]]:
        """The function behind :func:`cell_values` for this template."""
        return flattener(tuple(c.key for c in self.cells))

    @functools.cached_property
    def by_key(self) -> dict[str, CellSpec]:
        """Cells by dotted key."""
        return {c.key: c for c in self.cells}


def _column(name: str, node: Stat | UnitOf, tp: object) -> ColumnSpec:
    if isinstance(node, UnitOf):
        return ColumnSpec(name, node.label, "", (), money=False, signed=False, unit_of=node.column)
    return ColumnSpec(name, node.label, node.unit, node.aliases, is_money(tp), node.signed)


def _walk(
    cls: type,
    prefix: str,
    table_key: str,
    group: GroupSpec | None,
    rows: list[RowSpec],
    groups: list[GroupSpec],
) -> None:
    attrs.resolve_types(cls)
    for field in attrs.fields(cls):
        node = node_of(field)
        key = f"{prefix}.{field.name}" if prefix else field.name
        if isinstance(node, Row):
            row_cls = field.type
            assert isinstance(row_cls, type)  # noqa: S101 - declaration invariant
            attrs.resolve_types(row_cls)
            columns = []
            for col in attrs.fields(row_cls):
                col_node = node_of(col)
                assert isinstance(col_node, Stat | UnitOf)  # noqa: S101 - declaration invariant
                columns.append(_column(col.name, col_node, col.type))
            rows.append(
                RowSpec(
                    key,
                    table_key,
                    node.label,
                    node.aliases,
                    group,
                    tuple(columns),
                    node.ext,
                    node.note,
                )
            )
        elif isinstance(node, Stat):
            column = _column("", node, field.type)
            rows.append(
                RowSpec(
                    key, table_key, node.label, node.aliases, group, (column,), node.ext, node.note
                )
            )
        elif isinstance(node, Group):
            spec = GroupSpec(key, node.label, node.aliases, node.optional)
            groups.append(spec)
            sub = field.type
            assert isinstance(sub, type)  # noqa: S101 - declaration invariant
            _walk(sub, key, table_key, spec, rows, groups)


_SPECS: dict[type, TemplateSpec] = {}


def spec_for(report_type: type) -> TemplateSpec:
    """Compile (once) the spec of a report class."""
    cached = _SPECS.get(report_type)
    if cached is None:
        cached = _SPECS[report_type] = _compile(report_type)
    return cached


def _compile(report_type: type) -> TemplateSpec:
    attrs.resolve_types(report_type)
    tables = []
    root_rows: list[RowSpec] = []
    ordered: list[RowSpec] = []  # declaration order, for cells
    for field in attrs.fields(report_type):
        node = node_of(field)
        if isinstance(node, Stat):
            column = _column("", node, field.type)
            spec = RowSpec(
                field.name,
                ROOT_TABLE,
                node.label,
                node.aliases,
                None,
                (column,),
                node.ext,
                node.note,
            )
            root_rows.append(spec)
            ordered.append(spec)
            continue
        if not isinstance(node, Table):
            continue
        rows: list[RowSpec] = []
        groups: list[GroupSpec] = []
        sub = field.type
        assert isinstance(sub, type)  # noqa: S101 - declaration invariant
        _walk(sub, field.name, field.name, None, rows, groups)
        ordered.extend(rows)
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
            )
        )
    if root_rows:
        root = TableSpec(ROOT_TABLE, "其他统计指标", (), "rows", (), tuple(root_rows), ())
        tables.append(root)
    cells = tuple(CellSpec(r.cell_key(c), r, c) for r in ordered for c in r.columns)
    template = report_type.TEMPLATE  # type: ignore[attr-defined]
    return TemplateSpec(template, report_type, tuple(tables), cells)


def number(value: CellValue) -> int | Decimal | None:
    """A cell's value when it is a number (a unit cell's text is not)."""
    return value if isinstance(value, int | Decimal) else None


def build(cls: type[T], values: dict[str, Any]) -> T:
    """Construct ``cls`` from a flat ``{dotted key: value}`` mapping of its cells."""
    built: T = builder(cls)(values)
    return built


def cell_values(report: object) -> dict[str, CellValue]:
    """Flatten a report into ``{dotted key: value}`` over the template's cells."""
    return spec_for(type(report)).flatten(report)
