"""Checks across the years of one agency's reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from govinfo._errors import MixedInputError
from govinfo.models import REGISTRY
from govinfo.templates.invariants import Verdict
from govinfo.templates.spec import CellValue, number

if TYPE_CHECKING:
    from collections.abc import Iterable

    from govinfo.models import Report


@attrs.frozen
class SeriesFinding:
    """One check between two consecutive years (always a warning: reports may be revised).

    ``rule`` is ``X1`` (this year's 上年结转 = last year's 结转下年度) or ``X2``
    (v2021 现行有效件数 = last year's + 本年制发 − 本年废止).
    """

    rule: str
    years: tuple[int, int]
    key: str
    expected: CellValue
    found: CellValue
    verdict: Verdict

    @property
    def message(self) -> str:
        """One line for a person."""
        return (
            f"{self.rule} {self.verdict.value}: {self.years[1]} {self.key} = {self.found}, "
            f"expected {self.expected} from {self.years[0]}"
        )


def _verdict(expected: CellValue, found: CellValue) -> Verdict:
    if expected is None or found is None:
        return Verdict.NOT_CHECKABLE
    return Verdict.PASSED if expected == found else Verdict.FAILED


def check_series(reports: Iterable[Report]) -> tuple[SeriesFinding, ...]:
    """Check one agency's reports across consecutive years.

    The rules are the series rules the current year's template declares,
    wherever last year's template has the cells they read. X1: for every
    applicant column, this year's ``requests.carried_over`` equals last year's
    ``requests.carried_forward`` (v2019 and v2021 reports). X2: in v2021,
    ``active.*.in_force`` equals last year's plus this year's ``issued`` minus
    ``repealed``. Years that do not follow each other are not compared.

    Raises:
        MixedInputError: reports without a year, of two agencies, or two of one year.
    """
    items = list(reports)
    if any(r.meta.year is None for r in items):
        raise MixedInputError("every report needs meta.year to be placed in a series")
    agencies = {r.meta.agency for r in items if r.meta.agency}
    if len(agencies) > 1:
        raise MixedInputError(f"one agency per series; got {', '.join(sorted(agencies))}")
    by_year: dict[int, Report] = {}
    for report in items:
        year = report.meta.year
        assert year is not None  # noqa: S101 - checked above
        if year in by_year:
            raise MixedInputError(f"two reports for {year}")
        by_year[year] = report
    findings: list[SeriesFinding] = []
    for year in sorted(by_year):
        previous = by_year.get(year - 1)
        if previous is None:
            continue
        current = by_year[year]
        before_spec, spec = REGISTRY.of(previous), REGISTRY.of(current)
        before, now = before_spec.flatten(previous), spec.flatten(current)
        for check in spec.series:
            if check.previous not in before_spec.by_key:
                continue  # last year's template has no such cell
            added = [number(before[check.previous]), *(number(now[k]) for k in check.plus)]
            taken = [number(now[k]) for k in check.minus]
            expected: CellValue = None
            if None not in added and None not in taken:
                expected = sum(v for v in added if v is not None) - sum(
                    v for v in taken if v is not None
                )
            found = now[check.key]
            verdict = _verdict(expected, found)
            period = (year - 1, year)
            findings.append(
                SeriesFinding(check.rule.id, period, check.key, expected, found, verdict)
            )
    return tuple(findings)
