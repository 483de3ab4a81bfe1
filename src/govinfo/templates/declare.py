"""The one declaration vocabulary of every template.

Models declare their fields with :func:`stat`, :func:`row`, :func:`group` and
:func:`table`. The official label, unit and accepted label variants live in the
field metadata, so parsing, validation, JSON Schema, rendering and the docs all
read the same declaration (see :mod:`govinfo.templates.spec`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

import attrs

META_KEY = "govinfo"

Layout = Literal["rows", "value_block"]


@attrs.frozen
class Stat:
    """A number cell: a column of a :class:`Row`, or a one-value row of its own."""

    label: str
    unit: str
    aliases: tuple[str, ...] = ()
    signed: bool = False
    note: str | None = None
    ext: bool = False


@attrs.frozen
class UnitOf:
    """A text field holding the unit written for another column of the same row."""

    column: str
    label: str


@attrs.frozen
class Row:
    """A table row whose columns are the fields of the row class."""

    label: str
    aliases: tuple[str, ...] = ()
    note: str | None = None
    ext: bool = False


@attrs.frozen
class Group:
    """A labelled block of rows, e.g. ``(三)不予公开``."""

    label: str
    aliases: tuple[str, ...] = ()
    optional: bool = False


@attrs.frozen
class Table:
    """One statistical table of a template.

    ``layout`` is ``"rows"`` when every row carries its label, and
    ``"value_block"`` when the table prints its values as one unlabeled run
    after a header (table 四 of 60号/30号).
    """

    label: str
    aliases: tuple[str, ...] = ()
    layout: Layout = "rows"
    anchors: tuple[str, ...] = ()
    optional: bool = False


Node = Stat | UnitOf | Row | Group | Table


def stat(
    label: str,
    *,
    unit: str = "件",
    aliases: tuple[str, ...] = (),
    signed: bool = False,
    note: str | None = None,
    ext: bool = False,
) -> Any:  # noqa: ANN401 - attrs field specifiers are typed as Any by design
    """Declare a number cell (blank → ``None``, never 0); ``ext`` marks a provincial extension."""
    return attrs.field(
        default=None,
        kw_only=True,
        metadata={META_KEY: Stat(label, unit, aliases, signed, note, ext)},
    )


def unit_of(column: str, label: str) -> Any:  # noqa: ANN401
    """Declare a text field holding the unit written for ``column`` ("元", "万元")."""
    return attrs.field(default=None, kw_only=True, metadata={META_KEY: UnitOf(column, label)})


def row(
    cls: type,
    label: str,
    *,
    aliases: tuple[str, ...] = (),
    note: str | None = None,
    ext: bool = False,
) -> Any:  # noqa: ANN401 - attrs field specifiers are typed as Any by design
    """Declare a row whose columns are the :func:`stat` fields of ``cls``."""
    return attrs.field(
        factory=cls, kw_only=True, metadata={META_KEY: Row(label, aliases, note, ext)}
    )


def group(cls: type, label: str, *, aliases: tuple[str, ...] = (), optional: bool = False) -> Any:  # noqa: ANN401
    """Declare a labelled block of rows."""
    return attrs.field(
        factory=cls, kw_only=True, metadata={META_KEY: Group(label, aliases, optional)}
    )


def table(
    cls: type,
    label: str,
    *,
    aliases: tuple[str, ...] = (),
    layout: Layout = "rows",
    anchors: tuple[str, ...] = (),
    optional: bool = False,
) -> Any:  # noqa: ANN401
    """Declare one statistical table (or section) of a template."""
    return attrs.field(
        factory=cls,
        kw_only=True,
        metadata={META_KEY: Table(label, aliases, layout, anchors, optional)},
    )


def node_of(field: attrs.Attribute[Any]) -> Node | None:
    """Return the govinfo declaration attached to an attrs field, if any."""
    node = field.metadata.get(META_KEY)
    return node if isinstance(node, Stat | UnitOf | Row | Group | Table) else None


def is_money(tp: object) -> bool:
    """Tell whether a field type holds money (``Decimal``)."""
    return tp is Decimal or tp == (Decimal | None)
