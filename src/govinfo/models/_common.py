"""Pieces shared by the 2019 (60号) and 2021 (30号) templates, and ``meta``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from govinfo.templates.declare import row, stat

#: Headings of table 三 and table 四, the same in the 2019 and 2021 notices.
REQUESTS_ANCHORS = (
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "三、本年度办理结果",
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
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


@attrs.frozen
class ApplicantCounts:
    """One row of table 三: a count per applicant type (申请人情况)."""

    natural_person: int | None = stat("自然人")
    commercial: int | None = stat("商业企业", aliases=("法人或其他组织商业企业",))
    research: int | None = stat("科研机构")
    social_welfare: int | None = stat("社会公益组织")
    legal_services: int | None = stat("法律服务机构")
    other_org: int | None = stat("其他")
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


__all__ = [
    "ApplicantCounts",
    "Denied",
    "Meta",
    "NotProcessed",
    "ReviewLitigation",
    "ReviewOutcome",
    "Unable",
]


def sum_rows(rows: tuple[ApplicantCounts, ...]) -> ApplicantCounts:
    """Add rows column by column; a column with any blank operand stays blank."""
    sums: dict[str, int | None] = {}
    for field in attrs.fields(ApplicantCounts):
        values = [getattr(r, field.name) for r in rows]
        sums[field.name] = None if any(v is None for v in values) else sum(values)
    return ApplicantCounts(**sums)


class Subtotals:
    """Computed subtotals of table 三's groups (mixed into the requests tables, never stored)."""

    __slots__ = ()
    denied: Denied
    unable: Unable
    not_processed: NotProcessed

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
