"""Figures that reports state only in prose (section 六 of the 2019/2021 formats)."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from govinfo._assemble import Note
from govinfo._diagnostics import Severity

_CLAUSE = r"[^。;;\n]"
_FEE_NONE = re.compile(
    rf"(?:未|没有|无|不)(?:向{_CLAUSE}{{0,20}}?)?(?:收取|产生|发生){_CLAUSE}{{0,20}}?信息处理费"
    rf"|信息处理费(?:[^。;;\n\d]){{0,10}}?(?:为\s*)?(?:0|零)\s*元"
    rf"|信息处理费{_CLAUSE}{{0,6}}?(?:均为零|为零|无)"
)
_FEE_AMOUNT = re.compile(rf"信息处理费{_CLAUSE}{{0,12}}?(\d+(?:\.\d+)?)\s*(万元|元)")


@attrs.frozen
class ProseFigure:
    """A value stated in prose, with its evidence (normalized offsets)."""

    key: str
    value: Decimal
    start: int
    end: int
    sentence: str


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(p, 0, start) for p in "。\n;") + 1
    rights = [i for p in "。\n;" if (i := text.find(p, end)) != -1]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()


def processing_fee(text: str) -> ProseFigure | None:
    """Find the 信息处理费 collected in the year, in 元."""
    m = _FEE_AMOUNT.search(text)
    none = _FEE_NONE.search(text)
    if none and (m is None or none.start() <= m.start()):
        return ProseFigure(
            "meta.processing_fee_yuan",
            Decimal(0),
            none.start(),
            none.end(),
            _sentence(text, none.start(), none.end()),
        )
    if m:
        amount = Decimal(m[1]) * (10000 if m[2] == "万元" else 1)
        return ProseFigure(
            "meta.processing_fee_yuan",
            amount,
            m.start(),
            m.end(),
            _sentence(text, m.start(), m.end()),
        )
    return None


_PROSE_PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])(?:[xX×]{2,}(?:\.[xX×]+)?|[xX×](?=\s*(?:年|月|日|个|条|件|次|人|%|项|万元|元)))"
    r"(?![A-Za-z])"
)


def prose_placeholders(text: str) -> list[Note]:
    """One ``placeholder`` note per line of prose holding unfilled figures ("xxxx条")."""
    notes = []
    line_start = 0
    for line in text.split("\n"):
        found = list(_PROSE_PLACEHOLDER.finditer(line))
        if found and "|" not in line:
            first, last = found[0], found[-1]
            shown = ", ".join(repr(line[max(0, m.start() - 4) : m.end() + 2]) for m in found[:3])
            more = f" and {len(found) - 3} more" if len(found) > 3 else ""
            notes.append(
                Note(
                    "placeholder",
                    f"{len(found)} unfilled figure(s) in prose: {shown}{more}",
                    Severity.WARNING,
                    line_start + first.start(),
                    line_start + last.end(),
                )
            )
        line_start += len(line) + 1
    return notes
