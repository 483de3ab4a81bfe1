"""Rules as data: patterns expand over columns, table rows and the rows of a group."""

from __future__ import annotations

import pytest

from govinfo._diagnostics import Severity
from govinfo.models import REGISTRY
from govinfo.templates.declare import DeclarationError
from govinfo.templates.invariants import Rule, Verdict, compile_rules, verdicts


@pytest.mark.parametrize(
    ("template", "rows"),
    [
        (
            "v2021",
            [
                "requests.other.no_correction.total",
                "requests.other.unpaid_fee.total",
                "requests.other.other.total",
            ],
        ),
        ("v2019", ["requests.other.total"]),
    ],
)
def test_a_group_key_expands_to_every_row_of_the_group(template: str, rows: list[str]) -> None:
    """R2's ``requests.other.{col}``: the three 30号 items of (六), the one 60号 row."""
    (check,) = [
        c
        for c in REGISTRY[template].checks
        if c.rule.id == "R2" and c.total == ("requests.processed_total.total",)
    ]
    assert [k for k in check.parts if k.startswith("requests.other.")] == rows
    denied = [k for k in check.parts if k.startswith("requests.denied.")]
    assert len(denied) == 8
    assert all(k.endswith(".total") for k in denied)


def test_each_rule_is_one_check_per_column_or_row() -> None:
    """R1 and R2 run once per applicant column, R3 once per row of table 三, R4 per group."""
    checks = REGISTRY["v2021"].checks
    count = {rule: sum(c.rule.id == rule for c in checks) for rule in ("R1", "R2", "R3", "R4")}
    assert count == {"R1": 7, "R2": 7, "R3": 25, "R4": 3}


def test_a_rule_that_reads_a_cell_twice_is_refused() -> None:
    """The same cell on both sides would make any value pass: a DeclarationError."""
    rule = Rule("T", "twice", "structural", Severity.ERROR, total=("a.x",), parts=("a.x", "a.y"))
    with pytest.raises(DeclarationError, match="reads a cell twice"):
        compile_rules([rule], ["a.x", "a.y"], {}, {})


@pytest.mark.parametrize(
    ("total", "parts", "strict", "lenient"),
    [
        ([3], [1, 2], Verdict.PASSED, Verdict.PASSED),
        ([3], [1, 1], Verdict.FAILED, Verdict.FAILED),
        ([3], [1, None], Verdict.NOT_CHECKABLE, Verdict.FAILED),
        ([3], [3, None], Verdict.NOT_CHECKABLE, Verdict.PASSED),
        ([None], [1, 0], Verdict.BLANK_TOTAL, Verdict.BLANK_TOTAL),
        ([None], [0, None], Verdict.NOT_CHECKABLE, Verdict.NOT_CHECKABLE),
        ([3], [None, None], Verdict.NOT_CHECKABLE, Verdict.NOT_CHECKABLE),
    ],
)
def test_verdicts(
    total: list[int | None], parts: list[int | None], strict: Verdict, lenient: Verdict
) -> None:
    """Strict never reads a blank as 0; lenient does where the total side is written."""
    assert verdicts("==", total, parts) == (strict, lenient)
