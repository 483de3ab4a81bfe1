"""Template ``v2021``: 国办公开办函〔2021〕30号."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

import attrs

from govinfo.models._common import (
    ACTIVE_ITEMS,
    CARRIED_OVER,
    REQUESTS_ANCHORS,
    REQUESTS_CORNER,
    REQUESTS_OVER,
    REQUIRED_SECTIONS,
    RESULTS_BAND,
    REVIEW_LITIGATION_ANCHORS,
    SECTION_CUES,
    TABLE_RULES,
    ApplicantCounts,
    Meta,
    RequestsCommon,
    ReviewLitigation,
    carried_forward,
    processed_total,
    sum_rows,
)
from govinfo.models._phrases import requests_prose
from govinfo.templates.declare import ProseRule, RequiredSection, Years, group, row, stat, table
from govinfo.templates.invariants import Rule, SeriesRule


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


#: 现行有效件数 carries over: last year's, plus 本年制发, minus 本年废止.
IN_FORCE = SeriesRule(
    "X2",
    "现行有效件数 equals last year's plus 本年制发 minus 本年废止",
    key="active.{col}.in_force",
    previous="active.{col}.in_force",
    plus=("active.{col}.issued",),
    minus=("active.{col}.repealed",),
    each=("regulations", "normative_documents"),
)


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
class RequestsV2021(RequestsCommon):
    """Table 三 收到和处理政府信息公开申请情况 (30号): 25 rows × 7 columns."""

    other: OtherHandling = group(OtherHandling, "(六)其他处理")
    processed_total: ApplicantCounts = processed_total()
    carried_forward: ApplicantCounts = carried_forward()

    @property
    def other_total(self) -> ApplicantCounts:
        """Subtotal of (六)其他处理 (computed, never serialized)."""
        return sum_rows(attrs.astuple(self.other, recurse=False))


@attrs.frozen
class ReportV2021:
    """A report in the 2021 template (国办公开办函〔2021〕30号, report years 2021 onward)."""

    TEMPLATE: ClassVar[str] = "v2021"
    YEARS: ClassVar[Years] = Years(2021)
    FAMILY: ClassVar[str] = "v2019"
    RULES: ClassVar[tuple[Rule, ...]] = TABLE_RULES
    SERIES: ClassVar[tuple[SeriesRule, ...]] = (CARRIED_OVER, IN_FORCE)
    PROSE: ClassVar[tuple[ProseRule, ...]] = requests_prose(
        tuple(f"requests.other.{r}.total" for r in ("no_correction", "unpaid_fee", "other"))
    )
    CUES: ClassVar[tuple[str, ...]] = SECTION_CUES
    SECTIONS: ClassVar[tuple[RequiredSection, ...]] = REQUIRED_SECTIONS

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
        bands=(RESULTS_BAND,),
        corner=REQUESTS_CORNER,
        over=REQUESTS_OVER,
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
