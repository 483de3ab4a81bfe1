"""Pieces shared by the 2019 (60号) and 2021 (30号) templates, and ``meta``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from govinfo._diagnostics import Severity
from govinfo.templates.declare import Band, RequiredSection, group, row, stat
from govinfo.templates.invariants import Rule, SeriesRule

#: Headings of table 三 and table 四, the same in the 2019 and 2021 notices.
#: The corner and the top of table 三's header, as printed.
REQUESTS_CORNER = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
REQUESTS_OVER = "申请人情况"
REQUESTS_ANCHORS = (
    REQUESTS_OVER,
    "自然人",
    "法人或其他组织",
    "三、本年度办理结果",
    REQUESTS_CORNER,
)
REVIEW_LITIGATION_ANCHORS = ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉")
ACTIVE_ITEMS = (
    "第二十条第(一)项",
    "第二十条第(五)项",
    "第二十条第(六)项",
    "第二十条第(八)项",
    "信息内容",
)


@attrs.frozen
class Meta:
    """Facts about the report itself, common to every template."""

    title: str | None = attrs.field(default=None, metadata={"label": "报告标题"})
    agency: str | None = attrs.field(default=None, metadata={"label": "发布机构"})
    year: int | None = attrs.field(default=None, metadata={"label": "报告年度"})
    published: dt.date | None = attrs.field(default=None, metadata={"label": "发布日期"})
    index_number: str | None = attrs.field(default=None, metadata={"label": "索引号"})
    tables_found: bool = attrs.field(default=False, metadata={"label": "找到统计表"})
    processing_fee_yuan: Decimal | None = attrs.field(
        default=None, metadata={"label": "信息处理费(元)"}
    )


#: The header printed over the five organisation columns of table 三.
ORGANISATIONS = "法人或其他组织"


@attrs.frozen
class ApplicantCounts:
    """One row of table 三: a count per applicant type (申请人情况)."""

    natural_person: int | None = stat("自然人")
    commercial: int | None = stat(
        "商业企业", aliases=("法人或其他组织商业企业",), under=ORGANISATIONS
    )
    research: int | None = stat("科研机构", under=ORGANISATIONS)
    social_welfare: int | None = stat("社会公益组织", under=ORGANISATIONS)
    legal_services: int | None = stat("法律服务机构", under=ORGANISATIONS)
    other_org: int | None = stat("其他", under=ORGANISATIONS)
    total: int | None = stat("总计")


@attrs.frozen
class Denied:
    """(三)不予公开, by reason."""

    state_secret: ApplicantCounts = row(ApplicantCounts, "1.属于国家秘密")
    prohibited_by_law: ApplicantCounts = row(ApplicantCounts, "2.其他法律行政法规禁止公开")
    security_stability: ApplicantCounts = row(
        ApplicantCounts,
        "3.危及“三安全一稳定”",
        aliases=("3.危机“三安全一稳定”", "3.危及三安全一稳定"),
    )
    third_party_rights: ApplicantCounts = row(ApplicantCounts, "4.保护第三方合法权益")
    internal_affairs: ApplicantCounts = row(ApplicantCounts, "5.属于三类内部事务信息")
    process_information: ApplicantCounts = row(ApplicantCounts, "6.属于四类过程性信息")
    enforcement_file: ApplicantCounts = row(ApplicantCounts, "7.属于行政执法案卷")
    inquiry_matter: ApplicantCounts = row(ApplicantCounts, "8.属于行政查询事项")


@attrs.frozen
class Unable:
    """(四)无法提供, by reason."""

    not_held: ApplicantCounts = row(ApplicantCounts, "1.本机关不掌握相关政府信息")
    needs_creation: ApplicantCounts = row(ApplicantCounts, "2.没有现成信息需要另行制作")
    still_unclear: ApplicantCounts = row(ApplicantCounts, "3.补正后申请内容仍不明确")


@attrs.frozen
class NotProcessed:
    """(五)不予处理, by reason."""

    complaint: ApplicantCounts = row(
        ApplicantCounts, "1.信访举报投诉类申请", aliases=("1.信访举办投诉类申请",)
    )
    duplicate: ApplicantCounts = row(ApplicantCounts, "2.重复申请")
    publication: ApplicantCounts = row(ApplicantCounts, "3.要求提供公开出版物")
    excessive: ApplicantCounts = row(ApplicantCounts, "4.无正当理由大量反复申请")
    confirmation: ApplicantCounts = row(ApplicantCounts, "5.要求行政机关确认或重新出具已获取信息")


@attrs.frozen
class ReviewOutcome:
    """One group of table 四: outcomes of 行政复议 or 行政诉讼."""

    upheld: int | None = stat("结果维持")
    corrected: int | None = stat("结果纠正")
    other: int | None = stat("其他结果")
    pending: int | None = stat("尚未审结")
    total: int | None = stat("总计")


@attrs.frozen
class ReviewLitigation:
    """Table 四 政府信息公开行政复议、行政诉讼情况."""

    review: ReviewOutcome = row(ReviewOutcome, "行政复议")
    litigation_direct: ReviewOutcome = row(ReviewOutcome, "行政诉讼 未经复议直接起诉")
    litigation_after_review: ReviewOutcome = row(ReviewOutcome, "行政诉讼 复议后起诉")


def sum_rows(rows: tuple[ApplicantCounts, ...]) -> ApplicantCounts:
    """Add rows column by column; a column with any blank operand stays blank."""
    sums: dict[str, int | None] = {}
    for field in attrs.fields(ApplicantCounts):
        values = [getattr(r, field.name) for r in rows]
        sums[field.name] = None if any(v is None for v in values) else sum(values)
    return ApplicantCounts(**sums)


@attrs.frozen
class RequestsCommon:
    """The rows of table 三 that 60号 and 30号 print alike, up to (五)不予处理.

    Each template's table adds its (六)其他处理, then ``processed_total``
    and ``carried_forward``. The group subtotals are computed, never stored.
    """

    new: ApplicantCounts = row(ApplicantCounts, "一、本年新收政府信息公开申请数量")
    carried_over: ApplicantCounts = row(ApplicantCounts, "二、上年结转政府信息公开申请数量")
    granted: ApplicantCounts = row(ApplicantCounts, "(一)予以公开")
    partially_granted: ApplicantCounts = row(
        ApplicantCounts,
        "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
        aliases=("(二)部分公开",),
    )
    denied: Denied = group(Denied, "(三)不予公开")
    unable: Unable = group(Unable, "(四)无法提供")
    not_processed: NotProcessed = group(NotProcessed, "(五)不予处理")

    @property
    def denied_total(self) -> ApplicantCounts:
        """Subtotal of (三)不予公开 (computed, never serialized)."""
        return sum_rows(attrs.astuple(self.denied, recurse=False))

    @property
    def unable_total(self) -> ApplicantCounts:
        """Subtotal of (四)无法提供 (computed, never serialized)."""
        return sum_rows(attrs.astuple(self.unable, recurse=False))

    @property
    def not_processed_total(self) -> ApplicantCounts:
        """Subtotal of (五)不予处理 (computed, never serialized)."""
        return sum_rows(attrs.astuple(self.not_processed, recurse=False))


def processed_total() -> Any:  # noqa: ANN401 - an attrs field specifier
    """The (七)总计 row of table 三."""
    return row(ApplicantCounts, "(七)总计")


def carried_forward() -> Any:  # noqa: ANN401 - an attrs field specifier
    """The 四、结转下年度继续办理 row of table 三."""
    return row(ApplicantCounts, "四、结转下年度继续办理")


#: Table 三 prints "三、本年度办理结果" down the side of its result rows.
RESULTS_BAND = Band("三、本年度办理结果", first="granted", last="processed_total")

COUNT_COLUMNS = tuple(f.name for f in attrs.fields(ApplicantCounts))
"""The seven applicant columns of table 三, 总计 last."""
_COUNT_PARTS = tuple(c for c in COUNT_COLUMNS if c != "total")
OUTCOME_COLUMNS = tuple(f.name for f in attrs.fields(ReviewOutcome))
"""The five outcome columns of table 四, 总计 last."""
_OUTCOME_PARTS = tuple(c for c in OUTCOME_COLUMNS if c != "total")

#: The rules of table 三 and 四 (60号 and 30号 alike). A group key stands for its rows.
TABLE_RULES = (
    Rule(
        "R1",
        "第一项加第二项之和,等于第三项加第四项之和 (new + carried over = processed + forward)",
        "printed",
        Severity.ERROR,
        total=("requests.processed_total.{col}", "requests.carried_forward.{col}"),
        parts=("requests.new.{col}", "requests.carried_over.{col}"),
        each=COUNT_COLUMNS,
    ),
    Rule(
        "R2",
        "(七)总计 equals the sum of the result rows (一)…(六)",
        "structural",
        Severity.ERROR,
        total=("requests.processed_total.{col}",),
        parts=(
            "requests.granted.{col}",
            "requests.partially_granted.{col}",
            "requests.denied.{col}",
            "requests.unable.{col}",
            "requests.not_processed.{col}",
            "requests.other.{col}",
        ),
        each=COUNT_COLUMNS,
    ),
    Rule(
        "R3",
        "总计 equals 自然人 plus the five 法人或其他组织 columns",
        "structural",
        Severity.ERROR,
        total=("{row}.total",),
        parts=tuple(f"{{row}}.{c}" for c in _COUNT_PARTS),
        rows_of="requests",
    ),
    Rule(
        "R4",
        "总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        "structural",
        Severity.ERROR,
        total=("{row}.total",),
        parts=tuple(f"{{row}}.{c}" for c in _OUTCOME_PARTS),
        rows_of="review_litigation",
    ),
)

#: This year's 上年结转 is last year's 结转下年度, column by column.
CARRIED_OVER = SeriesRule(
    "X1",
    "上年结转 equals last year's 结转下年度",
    key="requests.carried_over.{col}",
    previous="requests.carried_forward.{col}",
    each=COUNT_COLUMNS,
)

#: Section names no report before the 60号 notice used: two of them mark a report of its era.
SECTION_CUES = ("收到和处理政府信息公开申请情况", "其他需要报告的事项", "主动公开政府信息情况")

#: The six sections the 60号 and 30号 notices require, with words that name each heading.
REQUIRED_SECTIONS = (
    RequiredSection("一", "总体情况", ("总体情况", "概述")),
    RequiredSection("二", "主动公开政府信息情况", ("主动公开政府信息情况", "主动公开情况")),
    RequiredSection(
        "三", "收到和处理政府信息公开申请情况", ("收到和处理政府信息公开申请情况", "依申请公开")
    ),
    RequiredSection(
        "四", "政府信息公开行政复议、行政诉讼情况", ("行政复议、行政诉讼", "行政复议行政诉讼")
    ),
    RequiredSection(
        "五",
        "存在的主要问题及改进情况",
        ("存在的主要问题", "存在的问题", "问题及改进", "问题和改进"),
    ),
    RequiredSection("六", "其他需要报告的事项", ("其他需要报告的事项", "其他需要报告")),
)


__all__ = [
    "ApplicantCounts",
    "Denied",
    "Meta",
    "NotProcessed",
    "ReviewLitigation",
    "ReviewOutcome",
    "Unable",
]
