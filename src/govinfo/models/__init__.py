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
from govinfo.models._v2021 import (
    ActiveV2021,
    Decisions,
    DocumentCounts,
    FeeAmount,
    OtherHandling,
    ReportV2021,
    RequestsV2021,
)

Report: TypeAlias = ReportV2021
"""Any report model; a union over the templates."""

TEMPLATES: dict[str, type[Report]] = {ReportV2021.TEMPLATE: ReportV2021}
"""Report classes by template id."""

__all__ = [
    "TEMPLATES",
    "ActiveV2021",
    "ApplicantCounts",
    "Decisions",
    "Denied",
    "DocumentCounts",
    "FeeAmount",
    "Meta",
    "NotProcessed",
    "OtherHandling",
    "Report",
    "ReportV2021",
    "RequestsV2021",
    "ReviewLitigation",
    "ReviewOutcome",
    "Unable",
]


def __dir__() -> list[str]:
    return __all__
