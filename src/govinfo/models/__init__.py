"""The report models of every template (public).

Each template is one frozen attrs class tree; official labels and units live in
the field metadata. Blank cells are ``None``, money is
``Decimal``. Each report class also declares its template id
(``TEMPLATE``), report years (``YEARS``), family (``FAMILY``), invariants
(``RULES``, ``SERIES``), prose rules (``PROSE``) and required sections
(``SECTIONS``): the one declaration every stage of govinfo reads, compiled
once, at import, into ``REGISTRY`` (internal).

May import: ``templates`` and the leaf modules.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, TypeAlias

from typing_extensions import TypeVar

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
from govinfo.templates.registry import Registry

if TYPE_CHECKING:
    from collections.abc import Mapping

Report: TypeAlias = ReportV2015 | ReportV2019 | ReportV2021
"""Any report model; a union over the templates."""

# The report class of a result (ParseResult, Conversion, Aggregate): any report
# unless a template is named. Results are immutable, so they are covariant in it.
ReportT = TypeVar("ReportT", bound=Report, default=Report)
ReportT_co = TypeVar("ReportT_co", bound=Report, default=Report, covariant=True)

REGISTRY = Registry.compile((ReportV2015, ReportV2019, ReportV2021))
"""The compiled templates (internal: the declaration every stage of govinfo reads)."""

TEMPLATES: Mapping[str, type[Report]] = MappingProxyType(
    {spec.template: spec.report_type for spec in REGISTRY}
)
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
