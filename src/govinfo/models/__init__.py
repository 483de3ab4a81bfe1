"""The report models of every template (public).

Each template is one frozen attrs class tree; official labels and units live in
the field metadata. Blank cells are ``None``,
money is :class:`~decimal.Decimal`.
"""

from __future__ import annotations

from typing import TypeAlias

from govinfo.models._common import (
    ApplicantCounts,
    Denied,
    Meta,
    NotProcessed,
    ReviewLitigation,
    ReviewOutcome,
    Unable,
)
from govinfo.models._v2015 import (
    Answers,
    Applicants,
    Applications,
    Capacity,
    Channels,
    Litigation,
    Meetings,
    Powers,
    Proactive,
    ReportV2015,
    Response,
    Review,
)
from govinfo.models._v2019 import (
    ActiveV2019,
    DocumentCountsV2019,
    FeeItems,
    ItemCounts,
    Procurement,
    ReportV2019,
    RequestsV2019,
)
from govinfo.models._v2021 import (
    ActiveV2021,
    Decisions,
    DocumentCounts,
    FeeAmount,
    OtherHandling,
    ReportV2021,
    RequestsV2021,
)

Report: TypeAlias = ReportV2015 | ReportV2019 | ReportV2021
"""Any report model; a union over the templates."""

TEMPLATES: dict[str, type[Report]] = {
    ReportV2015.TEMPLATE: ReportV2015,
    ReportV2019.TEMPLATE: ReportV2019,
    ReportV2021.TEMPLATE: ReportV2021,
}
"""Report classes by template id, oldest first."""

__all__ = [
    "TEMPLATES",
    "ActiveV2019",
    "ActiveV2021",
    "Answers",
    "ApplicantCounts",
    "Applicants",
    "Applications",
    "Capacity",
    "Channels",
    "Decisions",
    "Denied",
    "DocumentCounts",
    "DocumentCountsV2019",
    "FeeAmount",
    "FeeItems",
    "ItemCounts",
    "Litigation",
    "Meetings",
    "Meta",
    "NotProcessed",
    "OtherHandling",
    "Powers",
    "Proactive",
    "Procurement",
    "Report",
    "ReportV2015",
    "ReportV2019",
    "ReportV2021",
    "RequestsV2019",
    "RequestsV2021",
    "Response",
    "Review",
    "ReviewLitigation",
    "ReviewOutcome",
    "Unable",
]


def __dir__() -> list[str]:
    return __all__
