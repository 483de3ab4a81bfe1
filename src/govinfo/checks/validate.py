"""Invariants (勾稽关系) declared as data, and the engine that checks them.

A rule says ``Σ total == Σ parts`` (or ``<=``/``>=`` for soft rules) over cell
key patterns. ``{col}`` expands over ``each``; ``{row}`` over the rows of a
table; ``*`` matches any run of key parts. Blank cells are never read as 0 by
the strict verdict; the lenient verdict reads them as 0 where the total side
is written, and is reported beside the strict one without touching the data.
"""

from __future__ import annotations

import enum
import fnmatch
import functools
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from govinfo._diagnostics import Severity
from govinfo.convert.edges import COLUMNS, OUTCOMES
from govinfo.templates.spec import TemplateSpec, cell_values, number, spec_for

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from govinfo.models import Report

Basis = Literal["printed", "structural", "soft"]
Operand = tuple[str, int | Decimal | None]
Relation = Literal["==", "<=", ">="]


class Verdict(str, enum.Enum):
    """Outcome of one check."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_CHECKABLE = "not checkable"
    BLANK_TOTAL = "blank total with non-zero parts"


@attrs.frozen
class Rule:
    """One invariant, declared once, checked wherever its cells exist."""

    id: str
    title: str
    basis: Basis
    severity: Severity
    templates: frozenset[str]
    total: tuple[str, ...]
    parts: tuple[str, ...]
    relation: Relation = "=="
    each: tuple[str, ...] = ("",)
    rows_of: str | None = None


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
        if self.verdict in (Verdict.FAILED, Verdict.BLANK_TOTAL):
            return True
        return self.verdict is Verdict.NOT_CHECKABLE and self.lenient in (
            Verdict.FAILED,
            Verdict.BLANK_TOTAL,
        )

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
    """All findings of :func:`govinfo.validate` on one report."""

    findings: tuple[Finding, ...]

    @property
    def failures(self) -> tuple[Finding, ...]:
        """Findings that fail (see :attr:`Finding.failed`)."""
        return tuple(f for f in self.findings if f.failed)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Failures of severity error."""
        return tuple(f for f in self.failures if f.severity is Severity.ERROR)

    @property
    def ok(self) -> bool:
        """True when no rule of severity error fails."""
        return not self.errors


def _fmt(value: int | Decimal | None) -> str:
    return "blank" if value is None else str(value)


_COUNTS = tuple(f"{{row}}.{c}" for c in COLUMNS if c != "total")
_OUTCOMES = tuple(f"{{row}}.{name}" for name in OUTCOMES if name != "total")
_RESULT_ROWS = (
    "requests.granted.{col}",
    "requests.partially_granted.{col}",
    "requests.denied.*.{col}",
    "requests.unable.*.{col}",
    "requests.not_processed.*.{col}",
    "requests.other.{col}",
    "requests.other.*.{col}",
)
_MODERN = frozenset({"v2019", "v2021"})
_V2015 = frozenset({"v2015"})
_ANSWER_OUTCOMES = (
    "answers.already_public",
    "answers.granted",
    "answers.partially_granted",
    "answers.denied",
    "answers.not_this_agency",
    "answers.nonexistent",
    "answers.correction_requested",
    "answers.other_channel",
)
_DENIAL_REASONS = (
    "answers.denied_state_secret",
    "answers.denied_commercial_secret",
    "answers.denied_privacy",
    "answers.denied_security_stability",
    "answers.denied_not_government_information",
    "answers.denied_other_law",
)
_APPLICANT_TYPES = (
    "applicants.party_government",
    "applicants.social_groups",
    "applicants.enterprises",
    "applicants.media",
    "applicants.research_education",
    "applicants.citizens",
    "applicants.other",
)
_CHANNELS = tuple(
    f"proactive.channels.{c}" for c in ("gazette", "website", "weibo", "wechat", "other")
)

RULES: tuple[Rule, ...] = (
    Rule(
        "R1",
        "第一项加第二项之和,等于第三项加第四项之和 (new + carried over = processed + forward)",
        "printed",
        Severity.ERROR,
        _MODERN,
        total=("requests.processed_total.{col}", "requests.carried_forward.{col}"),
        parts=("requests.new.{col}", "requests.carried_over.{col}"),
        each=COLUMNS,
    ),
    Rule(
        "R2",
        "(七)总计 equals the sum of the result rows (一)…(六)",
        "structural",
        Severity.ERROR,
        _MODERN,
        total=("requests.processed_total.{col}",),
        parts=_RESULT_ROWS,
        each=COLUMNS,
    ),
    Rule(
        "R3",
        "总计 equals 自然人 plus the five 法人或其他组织 columns",
        "structural",
        Severity.ERROR,
        _MODERN,
        total=("{row}.total",),
        parts=_COUNTS,
        rows_of="requests",
    ),
    Rule(
        "R4",
        "总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        "structural",
        Severity.ERROR,
        _MODERN,
        total=("{row}.total",),
        parts=_OUTCOMES,
        rows_of="review_litigation",
    ),
    Rule(
        "V1",
        "收到申请数 = 当面 + 传真 + 网络 + 信函",
        "structural",
        Severity.ERROR,
        _V2015,
        total=("applications.received",),
        parts=(
            "applications.in_person",
            "applications.fax",
            "applications.online",
            "applications.letter",
        ),
    ),
    Rule(
        "V2",
        "申请办结数 = 按时办结数 + 延期办结数",
        "structural",
        Severity.ERROR,
        _V2015,
        total=("applications.completed",),
        parts=("applications.on_time", "applications.extended"),
    ),
    Rule(
        "V3",
        "申请答复数 = the eight answer outcomes 1–8",
        "structural",
        Severity.ERROR,
        _V2015,
        total=("answers.total",),
        parts=_ANSWER_OUTCOMES,
    ),
    Rule(
        "V4",
        "不同意公开答复数 = the six 其中 reasons",
        "structural",
        Severity.ERROR,
        _V2015,
        total=("answers.denied",),
        parts=_DENIAL_REASONS,
    ),
    Rule(
        "V5",
        "行政复议数量 = 维持 + 纠错 + 其他情形",
        "structural",
        Severity.ERROR,
        _V2015,
        total=("review.total",),
        parts=("review.upheld", "review.corrected", "review.other"),
    ),
    Rule(
        "V6",
        "行政诉讼数量 = 维持或驳回 + 纠错 + 其他情形",
        "structural",
        Severity.ERROR,
        _V2015,
        total=("litigation.total",),
        parts=("litigation.upheld", "litigation.corrected", "litigation.other"),
    ),
    Rule(
        "V7",
        "从事政府信息公开工作人员数 = 专职 + 兼职",
        "structural",
        Severity.ERROR,
        _V2015,
        total=("capacity.staff",),
        parts=("capacity.staff_full_time", "capacity.staff_part_time"),
    ),
    Rule(
        "V8",
        "(四)申请来源 (ext) sums to 收到申请数",
        "structural",
        Severity.ERROR,
        _V2015,
        total=("applications.received",),
        parts=_APPLICANT_TYPES,
    ),
    Rule(
        "V9",
        "主动公开规范性文件数 ≤ 主动公开政府信息数",
        "soft",
        Severity.WARNING,
        _V2015,
        total=("proactive.total",),
        parts=("proactive.normative_documents",),
        relation=">=",
    ),
    Rule(
        "V10",
        "the five channels publish at least 主动公开政府信息数 (one item counts once overall)",
        "soft",
        Severity.WARNING,
        _V2015,
        total=("proactive.total",),
        parts=_CHANNELS,
        relation="<=",
    ),
    Rule(
        "V11",
        "主要负责同志 counts ≤ their totals",
        "soft",
        Severity.WARNING,
        _V2015,
        total=("response.{col}",),
        parts=("response.{col}_principal",),
        relation=">=",
        each=("press_conferences", "online_interviews"),
    ),
    Rule(
        "V12",
        "公民 (ext) ≥ its 其中 律师 + 科研人员 + 媒体从业人员 (govinfo's addition)",
        "soft",
        Severity.WARNING,
        _V2015,
        total=("applicants.citizens",),
        parts=(
            "applicants.citizens_lawyers",
            "applicants.citizens_researchers",
            "applicants.citizens_journalists",
        ),
        relation=">=",
    ),
)


def _expand(patterns: Sequence[str], keys: Sequence[str], col: str, row: str) -> list[str]:
    out: list[str] = []
    for pattern in patterns:
        concrete = pattern.replace("{col}", col).replace("{row}", row)
        if "*" in concrete:
            out.extend(k for k in keys if fnmatch.fnmatchcase(k, concrete) and k not in out)
        elif concrete in keys and concrete not in out:
            out.append(concrete)
    return out


@functools.cache
def plan(spec: TemplateSpec) -> tuple[tuple[Rule, tuple[str, ...], tuple[str, ...]], ...]:
    """Every rule of ``spec``'s template with its operand keys, one entry per row or column."""
    keys = [c.key for c in spec.cells]
    checks = []
    for rule in RULES:
        if spec.template not in rule.templates:
            continue
        rows = [""]
        if rule.rows_of is not None:
            rows = [r.key for t in spec.tables if t.key == rule.rows_of for r in t.rows]
        for row in rows:
            for col in rule.each:
                total = _expand(rule.total, keys, col, row)
                parts = _expand(rule.parts, keys, col, row)
                if total and parts:
                    checks.append((rule, tuple(total), tuple(parts)))
    return tuple(checks)


def _compare(left: int | Decimal, relation: Relation, right: int | Decimal) -> Verdict:
    ok = left == right if relation == "==" else left <= right if relation == "<=" else left >= right
    return Verdict.PASSED if ok else Verdict.FAILED


def verdicts(
    relation: Relation, total: list[int | Decimal | None], parts: list[int | Decimal | None]
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


def _check(report: Report) -> Iterator[Finding]:
    values = {k: number(v) for k, v in cell_values(report).items()}
    for rule, total_keys, part_keys in plan(spec_for(type(report))):
        total = [values[k] for k in total_keys]
        parts = [values[k] for k in part_keys]
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
        All findings, passed ones included; :attr:`Validation.ok` is false when
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
