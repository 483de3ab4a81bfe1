"""Template ``v2019``: 国办公开办函〔2019〕60号 (report years 2019–2020)."""

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
)
from govinfo.models._phrases import requests_prose
from govinfo.templates.declare import (
    ProseRule,
    RequiredSection,
    Years,
    row,
    stat,
    table,
    unit_of,
)
from govinfo.templates.invariants import Rule, SeriesRule


@attrs.frozen
class DocumentCountsV2019:
    """规章 / 规范性文件 row of table 二 (第二十条第(一)项)."""

    made: int | None = stat("本年新制作数量")
    published: int | None = stat("本年新公开数量")
    total_public: int | None = stat("对外公开总数量")


@attrs.frozen
class ItemCounts:
    """A row of table 二 counting items and decisions (第二十条第(五)(六)项)."""

    previous_items: int | None = stat("上一年项目数量", unit="项")
    change: int | None = stat("本年增/减", unit="项", signed=True, aliases=("本年增减",))
    decisions: int | None = stat("处理决定数量", aliases=("本年处理决定数量",))


@attrs.frozen
class FeeItems:
    """行政事业性收费 row of table 二 (第二十条第(八)项)."""

    previous_items: int | None = stat("上一年项目数量", unit="项")
    change: int | None = stat("本年增/减", unit="项", signed=True, aliases=("本年增减",))


@attrs.frozen
class Procurement:
    """政府集中采购 row of table 二 (第二十条第(九)项).

    The form prints no unit for 采购总金额: ``amount`` keeps the number as
    written and ``amount_unit`` the unit written in the cell or its header
    ("元", "万元"), or ``None`` when none is written.
    """

    projects: int | None = stat("采购项目数量", unit="项")
    amount: Decimal | None = stat("采购总金额", unit="as written")
    amount_unit: str | None = unit_of("amount", "采购总金额的单位")


@attrs.frozen
class ActiveV2019:
    """Table 二 主动公开政府信息情况 (60号)."""

    regulations: DocumentCountsV2019 = row(DocumentCountsV2019, "规章")
    normative_documents: DocumentCountsV2019 = row(
        DocumentCountsV2019, "规范性文件", aliases=("行政规范性文件",)
    )
    licensing: ItemCounts = row(ItemCounts, "行政许可")
    other_services: ItemCounts = row(ItemCounts, "其他对外管理服务事项")
    penalty: ItemCounts = row(ItemCounts, "行政处罚")
    coercion: ItemCounts = row(ItemCounts, "行政强制")
    fees: FeeItems = row(FeeItems, "行政事业性收费")
    procurement: Procurement = row(Procurement, "政府集中采购")
    other_documents: DocumentCountsV2019 = row(
        DocumentCountsV2019,
        "其他主动公开文件",
        note="provincial extension (Hubei 2020), under 第二十条第(一)项",
        ext=True,
    )


@attrs.frozen
class RequestsV2019(RequestsCommon):
    """Table 三 收到和处理政府信息公开申请情况 (60号): (六)其他处理 is one row."""

    other: ApplicantCounts = row(ApplicantCounts, "(六)其他处理")
    processed_total: ApplicantCounts = processed_total()
    carried_forward: ApplicantCounts = carried_forward()


@attrs.frozen
class ReportV2019:
    """A report in the 2019 template (国办公开办函〔2019〕60号, report years 2019–2020)."""

    TEMPLATE: ClassVar[str] = "v2019"
    YEARS: ClassVar[Years] = Years(2019, 2020)
    FAMILY: ClassVar[str] = "v2019"
    RULES: ClassVar[tuple[Rule, ...]] = TABLE_RULES
    SERIES: ClassVar[tuple[SeriesRule, ...]] = (CARRIED_OVER,)
    PROSE: ClassVar[tuple[ProseRule, ...]] = requests_prose(("requests.other.total",))
    CUES: ClassVar[tuple[str, ...]] = SECTION_CUES
    SECTIONS: ClassVar[tuple[RequiredSection, ...]] = REQUIRED_SECTIONS

    meta: Meta = attrs.field(factory=Meta)
    active: ActiveV2019 = table(
        ActiveV2019,
        "二、主动公开政府信息情况",
        anchors=(
            *ACTIVE_ITEMS,
            "第二十条第(九)项",
            "本年新制作数量",
            "本年新公开数量",
            "对外公开总数量",
            "上一年项目数量",
            "本年增/减",
            "处理决定数量",
            "采购项目数量",
            "采购总金额",
        ),
    )
    requests: RequestsV2019 = table(
        RequestsV2019,
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
        """The template id, ``"v2019"``."""
        return self.TEMPLATE
