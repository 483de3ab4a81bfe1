"""Invariants R1–R4 of dictionary.md (勾稽关系), strict and lenient verdicts."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.models import (
    REGISTRY,
    ApplicantCounts,
    RequestsV2021,
    ReviewLitigation,
    ReviewOutcome,
)
from govinfo.testing import valid_reports
from helpers import cell_values, rebuild, seed_text

SPEC = REGISTRY["v2021"]
CHECKED = [c.key for c in SPEC.cells if c.key.startswith(("requests.", "review_litigation."))]
V2015_HARD = sorted(
    {
        k
        for check in REGISTRY["v2015"].checks
        if check.rule.severity.value == "error"
        for k in (*check.total, *check.parts)
    }
)


def _with(report: govinfo.Report, key: str, value: Any) -> govinfo.Report:
    values: dict[str, Any] = cell_values(report)
    values[key] = value
    changed: govinfo.Report = rebuild(report, values)
    return changed


class TestInvariants:
    """R1 (printed), R2–R4 (structural): a valid report passes, any single change is caught."""

    @given(valid_reports())
    def test_valid_reports_validate_clean(self, report: govinfo.Report) -> None:
        """Reports built to satisfy every rule have no failing finding and nothing uncheckable."""
        validation = govinfo.validate(report)
        assert validation.ok
        assert validation.failures == ()
        assert {f.verdict for f in validation.findings} == {govinfo.Verdict.PASSED}
        expected = (
            {f"V{i}" for i in range(1, 13)}
            if report.TEMPLATE == "v2015"
            else {"R1", "R2", "R3", "R4"}
        )
        assert {f.rule for f in validation.findings} == expected

    @given(valid_reports("v2015"), st.sampled_from(V2015_HARD), st.integers(1, 50))
    def test_v2015_changed_cell_is_caught(
        self, report: govinfo.Report, key: str, delta: int
    ) -> None:
        """Raising any cell of a v2015 sum rule fails a rule that names it."""
        value = cell_values(report)[key]
        assert isinstance(value, int)
        failures = govinfo.validate(_with(report, key, value + delta)).failures
        assert any(key in f.cells and f.severity is govinfo.Severity.ERROR for f in failures)
        assert all(key in f.cells for f in failures)

    @given(
        st.sampled_from(["v2019", "v2021"]).flatmap(valid_reports),
        st.sampled_from(CHECKED),
        st.integers(1, 50),
    )
    def test_any_changed_cell_is_caught_by_a_rule_naming_it(
        self, report: govinfo.Report, key: str, delta: int
    ) -> None:
        """Changing one cell of table 三 or 四 fails a rule whose cells include that cell."""
        if report.TEMPLATE == "v2019" and key.startswith("requests.other."):
            key = "requests.other." + key.rsplit(".", 1)[1]  # 60号: (六) is one row
        value = cell_values(report)[key]
        assert isinstance(value, int)
        changed = _with(report, key, value + delta)
        failures = govinfo.validate(changed).failures
        assert failures
        assert all(key in f.cells for f in failures)
        assert all(f.verdict is govinfo.Verdict.FAILED for f in failures)

    @given(valid_reports("v2021"), st.sampled_from(CHECKED))
    def test_blanking_a_cell_makes_rules_not_checkable_never_passed(
        self, report: govinfo.Report, key: str
    ) -> None:
        """A rule with a blank operand is "not checkable" in the strict verdict."""
        blanked = _with(report, key, None)
        touching = [f for f in govinfo.validate(blanked).findings if key in f.cells]
        assert touching
        for finding in touching:
            assert finding.verdict in (govinfo.Verdict.NOT_CHECKABLE, govinfo.Verdict.BLANK_TOTAL)


def test_lenient_reads_blanks_as_zero_where_the_total_is_written() -> None:
    """Blank 法人 columns with a written total: strict not checkable, lenient passed."""
    row = ApplicantCounts(natural_person=3, total=3)
    report = govinfo.ReportV2021(requests=RequestsV2021(new=row))
    r3 = next(
        f
        for f in govinfo.validate(report).findings
        if f.rule == "R3" and f.total[0][0] == "requests.new.total"
    )
    assert r3.verdict is govinfo.Verdict.NOT_CHECKABLE
    assert r3.lenient is govinfo.Verdict.PASSED
    assert not r3.failed
    assert report.requests.new == row  # the data is never rewritten


def test_lenient_failure_counts_as_failure() -> None:
    """Blank parts whose written sum already exceeds the total fail the lenient verdict."""
    report = govinfo.ReportV2021(
        requests=RequestsV2021(new=ApplicantCounts(natural_person=5, total=3))
    )
    validation = govinfo.validate(report)
    assert not validation.ok
    (finding,) = [f for f in validation.failures if f.rule == "R3"]
    assert (finding.rule, finding.verdict, finding.lenient) == (
        "R3",
        govinfo.Verdict.NOT_CHECKABLE,
        govinfo.Verdict.FAILED,
    )


def test_blank_total_with_non_zero_parts() -> None:
    """A blank total whose parts are written and non-zero is its own failing verdict."""
    group = ReviewOutcome(upheld=1, corrected=0, other=0, pending=0, total=None)
    report = govinfo.ReportV2021(review_litigation=ReviewLitigation(review=group))
    (finding,) = govinfo.validate(report).failures
    assert finding.rule == "R4"
    assert finding.verdict is govinfo.Verdict.BLANK_TOTAL
    assert "blank total with non-zero parts" in finding.message


def test_empty_report_has_nothing_checkable_and_is_ok() -> None:
    """All blank: every rule is not checkable, and nothing fails."""
    validation = govinfo.validate(govinfo.ReportV2021())
    assert validation.ok
    assert {f.verdict for f in validation.findings} == {govinfo.Verdict.NOT_CHECKABLE}
    assert len(validation.findings) == 7 + 7 + 25 + 3


def test_finding_message_names_rule_cells_and_sums() -> None:
    """Messages carry the rule id, each operand with its value, both sums and both verdicts."""
    group = ReviewOutcome(upheld=1, corrected=0, other=0, pending=0, total=2)
    report = govinfo.ReportV2021(review_litigation=ReviewLitigation(review=group))
    (finding,) = govinfo.validate(report).failures
    assert finding.message == (
        "R4 failed: review_litigation.review.total=2 == "
        "review_litigation.review.upheld=1 + review_litigation.review.corrected=0 + "
        "review_litigation.review.other=0 + review_litigation.review.pending=0 [2 == 1] "
        "(lenient: failed)"
    )
    assert finding.severity is govinfo.Severity.ERROR
    assert finding.basis == "structural"


@pytest.mark.parametrize(("rule", "basis"), [("R1", "printed"), ("R2", "structural")])
def test_rules_declare_their_basis(rule: str, basis: str) -> None:
    """R1 is printed on the form; R2–R4 are structural."""
    findings = govinfo.validate(govinfo.ReportV2021()).findings
    assert {f.basis for f in findings if f.rule == rule} == {basis}


def test_r2_sums_all_twenty_one_result_rows() -> None:
    """R2 reads (一)…(六) including the three 30号 items of (六)."""
    findings = govinfo.validate(govinfo.ReportV2021()).findings
    r2 = next(f for f in findings if f.rule == "R2" and f.total[0][0].endswith(".total"))
    assert len(r2.parts) == 21
    assert "requests.other.unpaid_fee.total" in r2.cells
    assert attrs.fields(RequestsV2021).other.name == "other"


def test_seed_000_reports_both_real_inconsistencies() -> None:
    """Seed 000: a blank answers.total whose parts sum to 1, a blank staff with 1 part-time."""
    report = govinfo.parse(seed_text("000")).report
    validation = govinfo.validate(report)
    failures = {f.rule: f for f in validation.failures}
    assert set(failures) == {"V3", "V7"}
    assert failures["V3"].total == (("answers.total", None),)
    assert ("answers.partially_granted", 1) in failures["V3"].parts
    assert failures["V7"].parts == (
        ("capacity.staff_full_time", None),
        ("capacity.staff_part_time", 1),
    )
    for finding in failures.values():
        assert finding.verdict is govinfo.Verdict.BLANK_TOTAL
        assert "blank total with non-zero parts" in finding.message


def test_soft_rules_are_warnings() -> None:
    """v2015 soft rules fail as warnings: validation stays ok."""
    report = govinfo.parse(
        "(一)主动公开政府信息数 | 条 | 5 |\n其中:主动公开规范性文件数 | 条 | 9 |\n"
    ).report
    validation = govinfo.validate(report)
    (finding,) = validation.failures
    assert (finding.rule, finding.severity, finding.basis) == (
        "V9",
        govinfo.Severity.WARNING,
        "soft",
    )
    assert validation.ok


def test_absent_extension_block_is_not_a_failure() -> None:
    """Received written, (四)申请来源 absent: V8 is not checkable, never failed."""
    report = govinfo.parse("(一)收到申请数 | 件 | 3 |\n").report
    v8 = next(f for f in govinfo.validate(report).findings if f.rule == "V8")
    assert (v8.verdict, v8.lenient) == (govinfo.Verdict.NOT_CHECKABLE,) * 2
