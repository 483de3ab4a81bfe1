"""Invariants (勾稽关系) as data, checked against the declaration when they are compiled.

A ``Rule`` says ``Σ total == Σ parts`` (or ``<=``/``>=`` for soft rules)
over cell key patterns. ``{col}`` expands over ``each``; ``{row}`` over the
rows of table ``rows_of``. After expansion a pattern is a cell key, or a
group key followed by a column name (``requests.denied.total``: that column
of every row of the group). A pattern that names neither is a
``DeclarationError``: a rule never silently
checks fewer cells than it says.

The verdict arithmetic lives here too, so that reading (recovery of dropped
cells) and checking share it: blank cells are never read as 0 by the strict
verdict; the lenient verdict reads them as 0 where the total side is written.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from govinfo._diagnostics import Severity
from govinfo.templates.declare import DeclarationError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

Basis = Literal["printed", "structural", "soft"]
Relation = Literal["==", "<=", ">="]
Number = int | Decimal


class Verdict(str, enum.Enum):
    """Outcome of one check."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_CHECKABLE = "not checkable"
    BLANK_TOTAL = "blank total with non-zero parts"


#: Verdicts that fail a check.
FAILING = frozenset({Verdict.FAILED, Verdict.BLANK_TOTAL})


@attrs.frozen
class Rule:
    """One invariant, declared once on the templates it holds for."""

    id: str
    title: str
    basis: Basis
    severity: Severity
    total: tuple[str, ...]
    parts: tuple[str, ...]
    relation: Relation = "=="
    each: tuple[str, ...] = ("",)
    rows_of: str | None = None


@attrs.frozen
class Check:
    """One rule applied to one row, column or group: the concrete cell keys of each side."""

    rule: Rule
    total: tuple[str, ...]
    parts: tuple[str, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        """Every cell key the check reads, total side first."""
        return (*self.total, *self.parts)


def _concrete(
    pattern: str, col: str, row: str, cells: Sequence[str], groups: Mapping[str, Sequence[str]]
) -> list[str]:
    key = pattern.replace("{col}", col).replace("{row}", row)
    if key in cells:
        return [key]
    head, _, column = key.rpartition(".")
    rows = groups.get(head)
    if rows is not None:
        found = [f"{r}.{column}" for r in rows if f"{r}.{column}" in cells]
        if len(found) == len(rows):
            return found
    raise DeclarationError(f"{pattern!r} names no cell (as {key!r})")


def compile_rules(
    rules: Sequence[Rule],
    cells: Sequence[str],
    table_rows: Mapping[str, Sequence[str]],
    groups: Mapping[str, Sequence[str]],
) -> tuple[Check, ...]:
    """Expand ``rules`` into checks over ``cells`` (cell keys, in declaration order).

    ``table_rows`` gives the row keys of each table (for ``{row}``) and
    ``groups`` the row keys of each group.

    Raises:
        DeclarationError: a pattern names no cell, or a rule reads one cell twice.
    """
    checks: list[Check] = []
    for rule in rules:
        rows: Sequence[str] = [""]
        if rule.rows_of is not None:
            if rule.rows_of not in table_rows:
                raise DeclarationError(f"rule {rule.id}: no table {rule.rows_of!r}")
            rows = table_rows[rule.rows_of]
        for row in rows:
            for col in rule.each:
                try:
                    total = [k for p in rule.total for k in _concrete(p, col, row, cells, groups)]
                    parts = [k for p in rule.parts for k in _concrete(p, col, row, cells, groups)]
                except DeclarationError as exc:
                    raise DeclarationError(f"rule {rule.id}: {exc}") from None
                if len({*total, *parts}) != len(total) + len(parts):
                    raise DeclarationError(f"rule {rule.id} reads a cell twice: {total} {parts}")
                checks.append(Check(rule, tuple(total), tuple(parts)))
    return tuple(checks)


def _compare(left: Number, relation: Relation, right: Number) -> Verdict:
    ok = left == right if relation == "==" else left <= right if relation == "<=" else left >= right
    return Verdict.PASSED if ok else Verdict.FAILED


def verdicts(
    relation: Relation, total: Sequence[Number | None], parts: Sequence[Number | None]
) -> tuple[Verdict, Verdict]:
    """The strict and lenient verdicts of ``Σ total relation Σ parts``."""
    written_total = [v for v in total if v is not None]
    written_parts = [v for v in parts if v is not None]
    if len(written_total) == len(total) and len(written_parts) == len(parts):
        strict = _compare(sum(written_total), relation, sum(written_parts))
        return strict, strict
    if not written_total:
        nonzero = relation == "==" and any(written_parts)
        blank = Verdict.BLANK_TOTAL if nonzero else Verdict.NOT_CHECKABLE
        return blank, blank
    if not written_parts:
        # A written total with no breakdown at all (or an absent extension block).
        return Verdict.NOT_CHECKABLE, Verdict.NOT_CHECKABLE
    return Verdict.NOT_CHECKABLE, _compare(sum(written_total), relation, sum(written_parts))


def fails(strict: Verdict, lenient: Verdict) -> bool:
    """Whether a check fails: strictly, or leniently where the strict verdict cannot tell."""
    return strict in FAILING or (strict is Verdict.NOT_CHECKABLE and lenient in FAILING)


@attrs.frozen
class SeriesRule:
    """An invariant between consecutive years of one agency's reports.

    This year's ``key`` equals last year's ``previous`` plus this year's
    ``plus`` minus this year's ``minus``; ``{col}`` expands over ``each``.
    """

    id: str
    title: str
    key: str
    previous: str
    plus: tuple[str, ...] = ()
    minus: tuple[str, ...] = ()
    each: tuple[str, ...] = ("",)


@attrs.frozen
class SeriesCheck:
    """One series rule on one cell: the concrete keys."""

    rule: SeriesRule
    key: str
    previous: str
    plus: tuple[str, ...]
    minus: tuple[str, ...]


def compile_series(rules: Sequence[SeriesRule], cells: Sequence[str]) -> tuple[SeriesCheck, ...]:
    """Expand series rules over ``cells`` (a template's cell keys).

    Raises:
        DeclarationError: a key names no cell of the template.
    """
    out = []
    for rule in rules:
        for col in rule.each:
            keys = [k.replace("{col}", col) for k in (rule.key, rule.previous)]
            plus = tuple(k.replace("{col}", col) for k in rule.plus)
            minus = tuple(k.replace("{col}", col) for k in rule.minus)
            unknown = [k for k in (*keys, *plus, *minus) if k not in cells]
            if unknown:
                raise DeclarationError(f"series rule {rule.id}: no cell {unknown[0]!r}")
            out.append(SeriesCheck(rule, keys[0], keys[1], plus, minus))
    return tuple(out)
