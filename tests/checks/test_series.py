"""Cross-year checks of one agency (X1, X2)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import govinfo
from govinfo.models import REGISTRY
from helpers import cell_values


def _year(report: govinfo.Report, year: int, **cells: Any) -> govinfo.Report:
    values: dict[str, Any] = cell_values(report)
    values.update({k.replace("__", "."): v for k, v in cells.items()})
    made: govinfo.Report = REGISTRY.of(report).build(
        {**values, "meta": govinfo.Meta(agency="某局", year=year)}
    )
    return made


class TestSeries:
    """Cross-year checks of one agency."""

    def test_carry_over_matches_last_years_carry_forward(self) -> None:
        """X1 passes where 上年结转 equals last year's 结转下年度, fails (warning) elsewhere."""
        base = govinfo.parse_example().report
        last = _year(base, 2022, requests__carried_forward__natural_person=4)
        this = _year(base, 2023, requests__carried_over__natural_person=3)
        findings = govinfo.check_series([this, last])
        x1 = {f.key: f for f in findings if f.rule == "X1"}
        assert len(x1) == 7  # one per applicant column
        failed = x1["requests.carried_over.natural_person"]
        assert (failed.verdict, failed.expected, failed.found) == (govinfo.Verdict.FAILED, 4, 3)
        assert x1["requests.carried_over.total"].verdict is govinfo.Verdict.PASSED
        assert (
            "2023 requests.carried_over.natural_person = 3, expected 4 from 2022" in failed.message
        )

    def test_in_force_continuity(self) -> None:
        """X2: 现行有效件数 = last year's + 本年制发 − 本年废止 (v2021)."""
        base = govinfo.parse_example().report
        last = _year(base, 2022, active__regulations__in_force=10)
        this = _year(
            base,
            2023,
            active__regulations__in_force=11,
            active__regulations__issued=2,
            active__regulations__repealed=1,
            active__normative_documents__in_force=5,
        )
        x2 = {f.key: f for f in govinfo.check_series([last, this]) if f.rule == "X2"}
        assert x2["active.regulations.in_force"].verdict is govinfo.Verdict.PASSED
        changed = x2["active.normative_documents.in_force"]
        assert (changed.verdict, changed.expected, changed.found) == (govinfo.Verdict.FAILED, 0, 5)

    def test_gaps_and_bad_series(self) -> None:
        """Years that do not follow each other are not compared; bad input is refused."""
        base = govinfo.parse_example().report
        assert govinfo.check_series([_year(base, 2020), _year(base, 2023)]) == ()
        with pytest.raises(govinfo.MixedInputError, match="two reports"):
            govinfo.check_series([_year(base, 2022), _year(base, 2022)])
        with pytest.raises(govinfo.MixedInputError, match=r"meta\.year"):
            govinfo.check_series([govinfo.ReportV2021()])
        other = attrs.evolve(_year(base, 2021), meta=govinfo.Meta(agency="另一局", year=2021))
        with pytest.raises(govinfo.MixedInputError, match="one agency"):
            govinfo.check_series([_year(base, 2022), other])


def test_series_rules_are_declared_per_template() -> None:
    """X1 holds for both forms of table 三; X2 only where 现行有效件数 is printed (30号)."""
    assert {c.rule.id for c in REGISTRY["v2019"].series} == {"X1"}
    assert {c.rule.id for c in REGISTRY["v2021"].series} == {"X1", "X2"}
    assert REGISTRY["v2015"].series == ()
