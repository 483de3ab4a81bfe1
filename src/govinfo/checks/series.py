"""Checks across the years of one agency's reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from govinfo._errors import MixedInputError
from govinfo.checks.validate import Verdict
from govinfo.convert.edges import COLUMNS
from govinfo.templates.spec import CellValue, cell_values, number

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

    X1: for every applicant column, this year's ``requests.carried_over`` equals
    last year's ``requests.carried_forward`` (v2019 and v2021 reports). X2: in
    v2021, ``active.*.in_force`` equals last year's plus this year's ``issued``
    minus ``repealed``. Years that do not follow each other are not compared.

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
        before, now = cell_values(previous), cell_values(current)
        if previous.TEMPLATE != "v2015" and current.TEMPLATE != "v2015":
            for col in COLUMNS:
                expected = before[f"requests.carried_forward.{col}"]
                key = f"requests.carried_over.{col}"
                findings.append(
                    SeriesFinding("X1", (year - 1, year), key, expected, now[key],
                                  _verdict(expected, now[key]))
                )  # fmt: skip
        if previous.TEMPLATE == current.TEMPLATE == "v2021":
            for kind in ("regulations", "normative_documents"):
                parts = [
                    number(before[f"active.{kind}.in_force"]),
                    number(now[f"active.{kind}.issued"]),
                    number(now[f"active.{kind}.repealed"]),
                ]
                expected = None if None in parts else parts[0] + parts[1] - parts[2]  # type: ignore[operator]
                key = f"active.{kind}.in_force"
                findings.append(
                    SeriesFinding("X2", (year - 1, year), key, expected, now[key],
                                  _verdict(expected, now[key]))
                )  # fmt: skip
    return tuple(findings)
