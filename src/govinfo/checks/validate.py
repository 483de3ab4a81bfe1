"""Validation: every invariant (勾稽关系) a report's template declares, with both verdicts.

The rules are declared on the report models and compiled with the template
(``govinfo.templates.invariants``). Blank cells are never read as 0 by the
strict verdict; the lenient verdict reads them as 0 where the total side is
written, and is reported beside the strict one without touching the data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from govinfo._diagnostics import Severity
from govinfo.models import REGISTRY
from govinfo.templates.invariants import Basis, Relation, Verdict, fails, verdicts
from govinfo.templates.spec import number

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from govinfo.models import Report

Operand = tuple[str, int | Decimal | None]


@attrs.frozen
class Finding:
    """The result of one rule on one row, column or group.

    ``total`` and ``parts`` list each operand's key and value; ``verdict`` is the
    strict verdict and ``lenient`` the one that reads blanks as 0 where the
    total side is written.
    """

    rule: str
    title: str
    basis: Basis
    severity: Severity
    relation: Relation
    total: tuple[Operand, ...]
    parts: tuple[Operand, ...]
    verdict: Verdict
    lenient: Verdict

    @property
    def cells(self) -> tuple[str, ...]:
        """Every cell key the check reads."""
        return tuple(k for k, _ in (*self.total, *self.parts))

    @property
    def failed(self) -> bool:
        """Whether this finding is a failure (strict, or lenient where strict cannot tell)."""
        return fails(self.verdict, self.lenient)

    @property
    def message(self) -> str:
        """One line a person can act on: the rule, each side's cells and sums, the verdicts."""
        blanks = any(v is None for _, v in (*self.total, *self.parts))
        sums = f"{_fmt(_written(self.total))} {self.relation} {_fmt(_written(self.parts))}"
        return (
            f"{self.rule} {self.verdict.value}: {_side(self.total)} {self.relation} "
            f"{_side(self.parts)} [{'written cells: ' if blanks else ''}{sums}]"
            f" (lenient: {self.lenient.value})"
        )


def _written(operands: Sequence[Operand]) -> int | Decimal | None:
    values = [v for _, v in operands if v is not None]
    return sum(values) if values else None


def _side(operands: Sequence[Operand]) -> str:
    if len(operands) <= 4:
        return " + ".join(f"{k}={_fmt(v)}" for k, v in operands)
    shown = [f"{k}={_fmt(v)}" for k, v in operands if v]
    blank = sum(v is None for _, v in operands)
    rest = [f"{blank} blank"] if blank else []
    rest += (
        [f"{len(operands) - len(shown) - blank} zero"] if len(shown) + blank < len(operands) else []
    )
    return f"Σ {len(operands)} cells ({'; '.join([', '.join(shown), *rest]).strip('; ')})"


@attrs.frozen
class Validation:
    """All findings of [`govinfo.validate`][govinfo.validate] on one report."""

    findings: tuple[Finding, ...]

    @property
    def failures(self) -> tuple[Finding, ...]:
        """Findings that fail (see [`Finding.failed`][govinfo.Finding.failed])."""
        return tuple(f for f in self.findings if f.failed)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Failures of severity error."""
        return tuple(f for f in self.failures if f.severity is Severity.ERROR)

    @property
    def ok(self) -> bool:
        """True when no rule of severity error fails."""
        return not self.errors

    def __repr__(self) -> str:
        """One line: ok or failing, the rules that fail, and how many findings."""
        failures = self.failures
        if not failures:
            return f"<Validation ok: {len(self.findings)} findings, 0 failing>"
        rules = list(dict.fromkeys(f.rule for f in failures))
        shown = ", ".join(rules[:6]) + (", …" if len(rules) > 6 else "")
        verdict = "failing" if self.errors else "ok, warnings"
        return (
            f"<Validation {verdict}: {shown} "
            f"({len(failures)} of {len(self.findings)} findings failing)>"
        )


def _fmt(value: int | Decimal | None) -> str:
    return "blank" if value is None else str(value)


def _check(report: Report) -> Iterator[Finding]:
    spec = REGISTRY.of(report)
    values = spec.flatten(report)
    for check in spec.checks:
        rule, total_keys, part_keys = check.rule, check.total, check.parts
        total = [number(values[k]) for k in total_keys]
        parts = [number(values[k]) for k in part_keys]
        strict, lenient = verdicts(rule.relation, total, parts)
        yield Finding(
            rule.id,
            rule.title,
            rule.basis,
            rule.severity,
            rule.relation,
            tuple(zip(total_keys, total, strict=True)),
            tuple(zip(part_keys, parts, strict=True)),
            strict,
            lenient,
        )


def validate(report: Report) -> Validation:
    """Check every invariant of the report's template.

    Returns:
        All findings, passed ones included; [`Validation.ok`][govinfo.Validation.ok] is false when
        a rule of severity error fails.

    Examples:
        >>> import govinfo
        >>> from govinfo.models import ReviewLitigation, ReviewOutcome
        >>> table4 = ReviewLitigation(
        ...     review=ReviewOutcome(upheld=1, corrected=0, other=0, pending=0, total=2)
        ... )
        >>> result = govinfo.validate(govinfo.ReportV2021(review_litigation=table4))
        >>> [(f.rule, f.verdict.value, f.cells[0]) for f in result.failures]
        [('R4', 'failed', 'review_litigation.review.total')]
    """
    return Validation(tuple(_check(report)))
