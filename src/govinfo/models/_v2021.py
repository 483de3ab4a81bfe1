"""Template ``v2021``: 国办公开办函〔2021〕30号."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

import attrs

from govinfo.models._common import (
    ACTIVE_ITEMS,
    REQUESTS_ANCHORS,
    REVIEW_LITIGATION_ANCHORS,
    ApplicantCounts,
    Denied,
    Meta,
    NotProcessed,
    ReviewLitigation,
    Subtotals,
    Unable,
    sum_rows,
)
from govinfo.templates.declare import group, row, stat, table


@attrs.frozen
class DocumentCounts:
    """规章 / 行政规范性文件 row of table 二 (第二十条第(一)项)."""

    issued: int | None = stat("本年制发件数")
    repealed: int | None = stat("本年废止件数")
    in_force: int | None = stat("现行有效件数")


@attrs.frozen
class Decisions:
    """A row of table 二 counting decisions (第二十条第(五)(六)项)."""

    decisions: int | None = stat("本年处理决定数量")


@attrs.frozen
class FeeAmount:
    """行政事业性收费 row of table 二 (第二十条第(八)项)."""

    amount: Decimal | None = stat("本年收费金额", unit="万元", aliases=("本年收费金额(单位:万元)",))


@attrs.frozen
class ActiveV2021:
    """Table 二 主动公开政府信息情况 (30号)."""

    regulations: DocumentCounts = row(DocumentCounts, "规章")
    normative_documents: DocumentCounts = row(
        DocumentCounts, "行政规范性文件", aliases=("规范性文件",)
    )
    licensing: Decisions = row(Decisions, "行政许可")
    penalty: Decisions = row(Decisions, "行政处罚")
    coercion: Decisions = row(Decisions, "行政强制")
    fees: FeeAmount = row(FeeAmount, "行政事业性收费")


@attrs.frozen
class OtherHandling:
    """(六)其他处理 of table 三, split into three items by 30号."""

    no_correction: ApplicantCounts = row(
        ApplicantCounts,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        aliases=("1.申请人无正当理由逾期不补正", "1.申请人逾期不补正"),
    )
    unpaid_fee: ApplicantCounts = row(
        ApplicantCounts,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        aliases=("2.申请人逾期未按收费通知要求缴纳费用",),
    )
    other: ApplicantCounts = row(ApplicantCounts, "3.其他")


@attrs.frozen
class RequestsV2021(Subtotals):
    """Table 三 收到和处理政府信息公开申请情况 (30号): 25 rows × 7 columns."""

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
    other: OtherHandling = group(OtherHandling, "(六)其他处理")
    processed_total: ApplicantCounts = row(ApplicantCounts, "(七)总计")
    carried_forward: ApplicantCounts = row(ApplicantCounts, "四、结转下年度继续办理")

    @property
    def other_total(self) -> ApplicantCounts:
        """Subtotal of (六)其他处理 (computed, never serialized)."""
        return sum_rows(attrs.astuple(self.other, recurse=False))


@attrs.frozen
class ReportV2021:
    """A report in the 2021 template (国办公开办函〔2021〕30号, report years 2021 onward)."""

    TEMPLATE: ClassVar[str] = "v2021"

    meta: Meta = attrs.field(factory=Meta)
    active: ActiveV2021 = table(
        ActiveV2021,
        "二、主动公开政府信息情况",
        anchors=(
            *ACTIVE_ITEMS,
            "本年制发件数",
            "本年废止件数",
            "现行有效件数",
            "本年处理决定数量",
            "本年收费金额(单位:万元)",
        ),
    )
    requests: RequestsV2021 = table(
        RequestsV2021,
        "三、收到和处理政府信息公开申请情况",
        anchors=REQUESTS_ANCHORS,
    )
    review_litigation: ReviewLitigation = table(
        ReviewLitigation,
        "四、政府信息公开行政复议、行政诉讼情况",
        layout="value_block",
        anchors=REVIEW_LITIGATION_ANCHORS,
    )

    @property
    def template(self) -> str:
        """The template id, ``"v2021"``."""
        return self.TEMPLATE
