"""The one declaration vocabulary of every template.

Models declare their fields with ``stat``, ``row``, ``group`` and
``table``. The official label, unit and accepted label variants live in the
field metadata, so parsing, validation, JSON Schema, rendering and the docs all
read the same declaration (compiled by ``govinfo.templates.spec``). What a
template says beyond its cells is declared beside them on the report class,
with the types here: the report years it covers (``Years``), the figures
its prose states (``ProseRule``) and the sections it requires
(``RequiredSection``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Literal

import attrs

META_KEY = "govinfo"

Layout = Literal["rows", "value_block"]


class DeclarationError(Exception):
    """A template declaration that does not hold together (raised when it is compiled)."""


@attrs.frozen
class Stat:
    """A number cell: a column of a ``Row``, or a one-value row of its own.

    ``under`` is the header printed above this column and its neighbours
    ("法人或其他组织" over the five organisation columns of table 三).
    """

    label: str
    unit: str
    aliases: tuple[str, ...] = ()
    signed: bool = False
    note: str | None = None
    ext: bool = False
    under: str | None = None


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
class Band:
    """A label printed down the side of consecutive rows ("三、本年度办理结果").

    ``first`` and ``last`` name the first and last field of the band (a row or
    a group) in the table class.
    """

    label: str
    first: str
    last: str


@attrs.frozen
class Table:
    """One statistical table of a template.

    ``layout`` is ``"rows"`` when every row carries its label, and
    ``"value_block"`` when the table prints its values as one unlabeled run
    after a header (table 四 of 60号/30号). ``corner`` is the text printed in
    the header's corner above the row labels, ``over`` the one printed across
    the top of all value columns ("申请人情况"); ``bands`` are labels printed
    down the side of consecutive rows.
    """

    label: str
    aliases: tuple[str, ...] = ()
    layout: Layout = "rows"
    anchors: tuple[str, ...] = ()
    optional: bool = False
    bands: tuple[Band, ...] = ()
    corner: str | None = None
    over: str | None = None


Node = Stat | UnitOf | Row | Group | Table


def stat(
    label: str,
    *,
    unit: str = "件",
    aliases: tuple[str, ...] = (),
    signed: bool = False,
    note: str | None = None,
    ext: bool = False,
    under: str | None = None,
) -> Any:  # noqa: ANN401 - attrs field specifiers are typed as Any by design
    """Declare a number cell (blank → ``None``, never 0); ``ext`` marks a provincial extension."""
    return attrs.field(
        default=None,
        kw_only=True,
        metadata={META_KEY: Stat(label, unit, aliases, signed, note, ext, under)},
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
    """Declare a row whose columns are the ``stat`` fields of ``cls``."""
    return attrs.field(
        factory=cls, kw_only=True, metadata={META_KEY: Row(label, aliases, note, ext)}
    )


def group(cls: type, label: str, *, aliases: tuple[str, ...] = (), optional: bool = False) -> Any:  # noqa: ANN401
    """Declare a labelled block of rows."""
    return attrs.field(
        factory=cls, kw_only=True, metadata={META_KEY: Group(label, aliases, optional)}
    )


def table(  # noqa: PLR0913 - keyword options, one per declared property of a table
    cls: type,
    label: str,
    *,
    aliases: tuple[str, ...] = (),
    layout: Layout = "rows",
    anchors: tuple[str, ...] = (),
    optional: bool = False,
    bands: tuple[Band, ...] = (),
    corner: str | None = None,
    over: str | None = None,
) -> Any:  # noqa: ANN401
    """Declare one statistical table (or section) of a template."""
    node = Table(label, aliases, layout, anchors, optional, bands, corner, over)
    return attrs.field(factory=cls, kw_only=True, metadata={META_KEY: node})


def node_of(field: attrs.Attribute[Any]) -> Node | None:
    """Return the govinfo declaration attached to an attrs field, if any."""
    node = field.metadata.get(META_KEY)
    return node if isinstance(node, Stat | UnitOf | Row | Group | Table) else None


def is_money(tp: object) -> bool:
    """Tell whether a field type holds money (``Decimal``)."""
    return tp is Decimal or tp == (Decimal | None)


@attrs.frozen
class Years:
    """The report years a template covers: ``first`` to ``last`` (``None``: still in use)."""

    first: int
    last: int | None = None

    def __contains__(self, year: object) -> bool:
        """Whether ``year`` is a report year of the template."""
        if not isinstance(year, int):
            return False
        return self.first <= year and (self.last is None or year <= self.last)

    def __str__(self) -> str:
        """``2019–2020``, or ``2021–`` while the template is in use."""
        return f"{self.first}–{self.last or ''}"


#: A figure in a sentence, as the first group of a prose pattern: digits (with
#: thousands commas) or a Chinese numeral ("两件", "十二条").
FIGURE = r"(\d{1,3}(?:,\d{3})+|\d+|[零〇一二两三四五六七八九十百千万]+)"


@attrs.frozen
class ProseRule:
    """A figure stated in prose: what ``pattern`` captures (or ``value``) is the sum of ``keys``.

    Most rules name one cell. A sentence may state what the form splits over
    several cells ("行政诉讼0件" is both lawsuit groups of table 四, "不予公开0件"
    every 不予公开 row): the figure is their sum, so it fills them only when it
    is 0 (counts are never negative); any other sum is reported, not placed.

    A group named ``unit`` in ``pattern`` reads the unit the figure is written
    in ("元" for a cell in 万元).

    Every match of ``pattern`` contains one of ``anchors``: sentences holding
    none are not searched (a report has hundreds of sentences, and few state
    figures). With ``after``, the match must lie in the part of a sentence that
    follows that word, up to the next word another rule is ``after`` ("行政复议"
    before the 维持/纠错 counts of reviews).
    """

    keys: tuple[str, ...]
    pattern: re.Pattern[str]
    anchors: tuple[str, ...]
    value: Decimal | None = None
    after: str | None = None

    @property
    def key(self) -> str:
        """The keys joined with ``+``: the rule's name in ids and messages."""
        return "+".join(self.keys)


def prose(
    key: str | tuple[str, ...],
    pattern: str,
    anchors: tuple[str, ...],
    *,
    value: int | None = None,
    after: str | None = None,
) -> ProseRule:
    """Declare a ``ProseRule``; ``value`` is the figure when the pattern states none.

    ``key`` is one cell key, or the keys whose sum the sentence states.
    """
    keys = (key,) if isinstance(key, str) else key
    decimal = None if value is None else Decimal(value)
    return ProseRule(keys, re.compile(pattern), anchors, decimal, after)


@attrs.frozen
class RequiredSection:
    """A section a template requires: its number, official title and words that name it."""

    number: str
    title: str
    words: tuple[str, ...]
