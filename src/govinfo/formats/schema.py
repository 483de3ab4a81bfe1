"""JSON Schema of each template's JSON form, generated from the model declarations.

The schema follows ``govinfo.formats.json.unstructure`` exactly: the same nesting,
every key always present (blank cells as ``null``), money as a decimal string,
dates as ISO strings. Titles are the official labels declared with
``govinfo.templates.declare``; cells read their label, unit and kind from the
template's ``TemplateSpec``, so the schema cannot drift
from the parser, the validator or the docs. The CLI's ``file`` and
``diagnostics`` keys are allowed as optional properties, the diagnostic items
derived from [`Diagnostic`][govinfo.Diagnostic].
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from govinfo._diagnostics import Diagnostic
from govinfo.models import REGISTRY
from govinfo.templates.declare import Group, Row, Stat, Table, UnitOf, node_of

if typing.TYPE_CHECKING:
    from govinfo.templates.spec import CellSpec, ColumnSpec, TemplateSpec

__all__ = ["json_schema", "schema_json"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "https://govinfo-cn.readthedocs.io/schema/"

#: Units a ``unit_of`` field may hold.
MONEY_UNITS = ("元", "万元")

#: ``str(Decimal)`` of a finite number: optional sign, digits, fraction, exponent.
DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?(E[+-][0-9]+)?$"

_UNIT_IN_LABEL = re.compile(r"[((]([^()()]+)[))]$")

Schema = dict[str, Any]


def json_schema(template: str) -> dict[str, Any]:
    """Build the JSON Schema (draft 2020-12) of one template's JSON form.

    The schema describes what [`govinfo.to_json`][govinfo.to_json] writes and, with the
    optional ``file`` and ``diagnostics`` keys, each object that
    ``govinfo parse --format json`` prints. Every object lists all its keys as
    required and allows no others; every property carries the official label
    as ``title`` and, where there is one, the unit in ``description``.

    Args:
        template: a template id, e.g. ``"v2021"``.

    Returns:
        The schema, a JSON-ready ``dict``.

    Raises:
        UnknownTemplateError: ``template`` is not a known template id.

    Examples:
        >>> schema = json_schema("v2021")
        >>> schema["properties"]["template"]["const"]
        'v2021'
        >>> schema["properties"]["requests"]["properties"]["new"]["properties"]["total"]["title"]
        '一、本年新收政府信息公开申请数量 / 总计'
    """
    spec = REGISTRY[template]
    report_type = spec.report_type
    body = _object(report_type, "", spec)
    properties: Schema = {
        "template": {
            "title": "template",
            "description": "Template id: which official form the report follows.",
            "const": template,
        },
        **body["properties"],
        "file": {
            "title": "file",
            "description": "Input file name; written by `govinfo parse`, optional.",
            "type": "string",
        },
        "diagnostics": {
            "title": "diagnostics",
            "description": "What the parser noticed; written by `govinfo parse`, optional.",
            "type": "array",
            "items": _plain(Diagnostic),
        },
    }
    return {
        "$schema": DIALECT,
        "$id": f"{ID_BASE}{template}.json",
        "title": f"govinfo report, template {template}",
        "description": (
            f"{_summary(report_type)} The JSON form written by govinfo.to_json and, "
            "with the optional file and diagnostics keys, by `govinfo parse --format json`. "
            "Blank cells are null, never 0; money is a decimal string; dates are ISO strings."
        ),
        "type": "object",
        "properties": properties,
        "required": ["template", *body["required"]],
        "additionalProperties": False,
    }


def schema_json(template: str) -> str:
    """Return [`json_schema`][govinfo.json_schema] as JSON text (UTF-8 labels kept, indented by 2).

    Args:
        template: a template id, e.g. ``"v2021"``.

    Returns:
        The schema as JSON text.

    Raises:
        UnknownTemplateError: ``template`` is not a known template id.
    """
    return json.dumps(json_schema(template), ensure_ascii=False, indent=2)


def _summary(cls: type) -> str:
    """First paragraph of a class docstring, on one line."""
    doc = inspect.getdoc(cls) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _object(cls: type, prefix: str, spec: TemplateSpec) -> Schema:
    """Schema of a model class: declared nodes via the spec, plain fields by type."""
    attrs.resolve_types(cls)
    properties: Schema = {}
    for field in attrs.fields(cls):
        key = f"{prefix}.{field.name}" if prefix else field.name
        node = node_of(field)
        if isinstance(node, Stat | UnitOf):
            properties[field.name] = _cell(spec.by_key[key], spec)
        elif isinstance(node, Row | Group | Table):
            sub = field.type
            if not isinstance(sub, type):  # pragma: no cover - declaration invariant
                raise TypeError(f"{key}: a row, group or table needs a class, got {sub!r}")
            schema = _object(sub, key, spec)
            properties[field.name] = {
                "title": node.label,
                "description": _node_description(node, sub),
                **schema,
            }
        else:
            properties[field.name] = _field(field)
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _node_description(node: Row | Group | Table, cls: type) -> str:
    """What a row, group or table is: its class summary, then its note and flags."""
    parts: list[str] = []
    if isinstance(node, Row):
        if node.note:
            parts.append(f"Note: {node.note}.")
        if node.ext:
            parts.append("Provincial extension: its cells are null when a report lacks it.")
    elif node.optional:
        parts.append("Optional in the form: its cells are null when a report lacks it.")
    return " ".join([_summary(cls), *parts])


def _cell(cell: CellSpec, spec: TemplateSpec) -> Schema:
    """Schema of one number (or unit) cell."""
    column = cell.column
    extra = ""
    if cell.row.ext:
        extra += " Provincial extension: null when the report lacks it."
    if cell.row.note and not column.name:
        extra += f" Note: {cell.row.note}."
    if column.unit_of is not None:
        amount = spec.by_key[cell.row.cell_key(_column(cell, column.unit_of))].key
        return {
            "title": cell.label,
            "description": (
                f"Unit written for `{amount}` ({' or '.join(MONEY_UNITS)}); "
                f"null when none is written.{extra}"
            ),
            "enum": [*MONEY_UNITS, None],
        }
    if column.money:
        unit_columns = [c.name for c in cell.row.columns if c.unit_of == column.name]
        if unit_columns:
            unit_key = cell.row.cell_key(_column(cell, unit_columns[0]))
            unit = f"in the unit written in the report (see `{unit_key}`)"
        else:
            unit = f"in {column.unit}"
        return {
            "title": cell.label,
            "description": (
                f"Amount {unit}: a decimal number written as a JSON string; null when blank.{extra}"
            ),
            **_money(),
        }
    if column.signed:
        return {
            "title": cell.label,
            "description": (
                f"Signed count in {column.unit} (negative for a decrease); null when blank.{extra}"
            ),
            "type": ["integer", "null"],
        }
    return {
        "title": cell.label,
        "description": f"Count in {column.unit}; null when blank.{extra}",
        "type": ["integer", "null"],
        "minimum": 0,
    }


def _column(cell: CellSpec, name: str) -> ColumnSpec:
    return next(c for c in cell.row.columns if c.name == name)


def _money() -> Schema:
    return {"type": ["string", "null"], "pattern": DECIMAL_PATTERN}


def _plain(cls: type) -> Schema:
    """Schema of an attrs class without govinfo declarations (meta, diagnostics)."""
    attrs.resolve_types(cls)
    properties = {field.name: _field(field, _attributes(cls)) for field in attrs.fields(cls)}
    return {
        "title": cls.__name__,
        "description": _summary(cls),
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _attributes(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of a Google-style class docstring, by name."""
    doc = inspect.getdoc(cls) or ""
    _, found, section = doc.partition("Attributes:\n")
    out: dict[str, str] = {}
    if not found:
        return out
    name = ""
    for line in section.splitlines():
        if not line.startswith(" "):
            break
        head, sep, text = line.strip().partition(": ")
        if sep and line.startswith("    ") and not line.startswith("     "):
            name = head
            out[name] = text
        elif name:
            out[name] += " " + line.strip()
    return {k: (v[:1].upper() + v[1:]).replace("``", "`") for k, v in out.items()}


def _field(field: attrs.Attribute[Any], described: dict[str, str] | None = None) -> Schema:
    """Schema of a plain field, from its type; title from its ``label`` metadata."""
    label = field.metadata.get("label")
    title = label if isinstance(label, str) else field.name
    schema, kind = _by_type(field.type)
    description = (described or {}).get(field.name) or kind
    unit = _UNIT_IN_LABEL.search(title) if isinstance(label, str) else None
    if unit is not None:
        description = f"{description} Unit: {unit[1]}."
    rest = {k: v for k, v in schema.items() if k not in ("title", "description")}
    return {"title": title, "description": description, **rest}


def _by_type(tp: object) -> tuple[Schema, str]:
    """A type's schema and a short description of its JSON form."""
    args = typing.get_args(tp)
    nullable = (typing.get_origin(tp) in (typing.Union, types.UnionType)) and type(None) in args
    if nullable:
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:  # pragma: no cover - no model declares such a union
            raise TypeError(f"unsupported union {tp!r}")
        tp = rest[0]
    blank = "; null when absent" if nullable else ""
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        values: list[Any] = [m.value for m in tp]
        return {"enum": values + [None] * nullable}, f"One of {', '.join(map(str, values))}{blank}."
    if isinstance(tp, type) and attrs.has(tp):
        schema = _plain(tp)
        if nullable:
            schema["type"] = ["object", "null"]
        return schema, f"{schema.pop('description')}{' Null when absent.' * nullable}"
    simple: dict[object, tuple[Schema, str]] = {
        bool: ({"type": "boolean"}, "A boolean"),
        int: ({"type": "integer"}, "An integer"),
        str: ({"type": "string"}, "Text as printed"),
        Decimal: ({"type": "string", "pattern": DECIMAL_PATTERN}, "A decimal number as a string"),
        dt.date: ({"type": "string", "format": "date"}, "An ISO date (YYYY-MM-DD)"),
    }
    if tp not in simple:  # pragma: no cover - no model declares another type
        raise TypeError(f"no JSON Schema for {tp!r}")
    schema, kind = simple[tp]
    schema = dict(schema)
    if nullable:
        schema["type"] = [schema["type"], "null"]
    return schema, f"{kind}{blank}."
