"""Reading one number cell: counts, signed changes, money, blanks, placeholders."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, NamedTuple

from govinfo._diagnostics import CONVERTED, INVALID, PLACEHOLDER, Code
from govinfo.templates.spec import CellValue

if TYPE_CHECKING:
    from govinfo.templates.spec import ColumnSpec

UNITS = ("人次", "万元", "元", "件", "条", "个", "人", "次", "篇", "份", "项", "家", "场", "期")
_UNIT_RE = "|".join(UNITS)
# A signed change is also written with a word (增10, 减4) or a doubled minus (--253).
_SIGNS = {"": "", "+": "", "-": "-", "--": "-", "增": "", "减": "-", "增加": "", "减少": "-"}
_NUMBER = re.compile(
    rf"^(?P<sign>[+-]|--|增加?|减少?)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<frac>\.\d+)?(?P<unit>{_UNIT_RE})?$"
)
_BLANK = re.compile(r"^(?:[—\-/\\]+|－|/|空|\?+)?$")
_ZERO_WORDS = frozenset({"无", "没有", "零"})
_PLACEHOLDER = re.compile(r"^[xX×*]+(?:\.[xX×*]+)?(?:%|" + _UNIT_RE + ")?$")
#: Every text the four patterns above admit starts with a digit or one of these.
_VALUE_STARTS = frozenset("+-—/\\－空?无没零xX×*增减")
#: Any of the four, in one pattern: telling a value from a label is one match.
_VALUE_TEXT = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            _NUMBER.pattern,
            _BLANK.pattern,
            "^(?:" + "|".join(sorted(_ZERO_WORDS)) + ")$",
            _PLACEHOLDER.pattern,
        )
    ).replace("(?P<", "(?P<_")  # the named groups once each
)
_UNIT_SET = frozenset(UNITS)


class CellReading(NamedTuple):
    """The value read from a cell, and the diagnostic its reading calls for, if any.

    ``note`` is ``placeholder``, ``converted`` (元 → 万元) or ``invalid``, with
    ``detail`` saying why; ``None`` for a number, a blank or a word for zero.
    ``unit`` is the unit written in the cell. A named tuple: a batch of
    reports reads numbers never seen before by the hundred each, and a tuple is
    built in a quarter of the time of a frozen attrs instance.
    """

    value: CellValue
    note: Code | None = None
    detail: str = ""
    unit: str | None = None


def _plain_digits(text: str) -> bool:
    """Whether ``text`` is ASCII digits only: most cells, read without the patterns below."""
    return text.isdigit() and text.isascii()


def starts_like_value(text: str) -> bool:
    """Whether a stripped, non-empty cell text could be a value, by its first character.

    False for most labels, told without the number patterns.
    """
    return text[0] in _VALUE_STARTS or text[0].isdigit()


def is_value_text(text: str) -> bool:
    """Tell whether a cell's text stands in a number position (not a label)."""
    if _plain_digits(text):
        return True
    t = text.replace(" ", "")
    if t and not starts_like_value(t):
        return False  # most labels: no pattern could match
    return _VALUE_TEXT.match(t) is not None


def is_unit_text(text: str) -> bool:
    """Tell whether a cell holds only a unit (the 单位 column of v2015)."""
    return text in _UNIT_SET or (" " in text and text.replace(" ", "") in _UNIT_SET)


def read_cell(text: str, column: ColumnSpec, unit_hint: str | None = None) -> CellReading:
    """Read one cell for ``column``; ``unit_hint`` is a unit written beside it."""
    if not column.money and _plain_digits(text):
        return CellReading(int(text))  # a plain count, as _read_number reads it
    t = text.replace(" ", "")
    if _BLANK.match(t):
        return CellReading(None)
    if t in _ZERO_WORDS:
        return CellReading(Decimal(0) if column.money else 0)
    if _PLACEHOLDER.match(t):
        return CellReading(None, PLACEHOLDER, f"placeholder {text!r} in a number position")
    m = _NUMBER.match(t)
    if m is None:
        return CellReading(None, INVALID, f"cannot read {text!r} as a number")
    return _read_number(m, text, column, unit_hint)


def _read_number(
    m: re.Match[str], text: str, column: ColumnSpec, unit_hint: str | None
) -> CellReading:
    """Read a cell that matched ``_NUMBER`` (as ``m``) for ``column``."""
    digits = m["num"].replace(",", "") + (m["frac"] or "")
    written = m["sign"] or ""
    if written not in ("", "+", "-") and not column.signed:
        return CellReading(None, INVALID, f"a change written {text!r} in a column of counts")
    sign = _SIGNS[written]
    unit = m["unit"] or unit_hint
    if column.money:
        try:
            amount = Decimal(sign + digits)
        except InvalidOperation:  # pragma: no cover - the regex admits only digits
            return CellReading(None, INVALID, f"cannot read {text!r} as an amount")
        if column.unit == "万元" and unit == "元":
            return CellReading(
                amount / 10000, CONVERTED, f"{text!r} read in 元, stored in 万元", "元"
            )
        return CellReading(amount, unit=unit)
    if m["frac"] and set(m["frac"][1:]) != {"0"}:
        return CellReading(None, INVALID, f"a count cannot be fractional: {text!r}")
    if sign == "-" and not column.signed:
        return CellReading(None, INVALID, f"a count cannot be negative: {text!r}")
    value = int(m["num"].replace(",", ""))
    return CellReading(-value if sign == "-" else value)


def figure_value(text: str) -> Decimal | None:
    """The number a sentence states (digits, or a Chinese numeral); ``None`` if malformed.

    Chinese numerals are read by cn2an, imported on first need: most reports
    write figures in digits.
    """
    digits = text.replace(",", "")
    if _plain_digits(digits):
        return Decimal(digits)
    import cn2an  # noqa: PLC0415 - 80 ms to import, needed by few reports

    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError):  # cn2an's ways of refusing a malformed numeral
        return None
    return Decimal(int(value))
