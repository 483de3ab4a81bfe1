"""Public-API usage that mypy --strict must accept (checked in CI, not run)."""

from __future__ import annotations

from decimal import Decimal

import govinfo
from govinfo.models import ApplicantCounts

result: govinfo.ParseResult = govinfo.parse("行政许可 | 1 |")
report: govinfo.Report = result.report
if isinstance(report, govinfo.ReportV2021):
    count: int | None = report.requests.new.total
    money: Decimal | None = report.active.fees.amount
    row: ApplicantCounts = report.requests.denied_total
elif isinstance(report, govinfo.ReportV2019):
    unit: str | None = report.active.procurement.amount_unit
    change: int | None = report.active.licensing.change
else:
    fees: Decimal | None = report.fees
    received: int | None = report.applications.received
template: str = report.TEMPLATE
span: govinfo.Span | None = result.source_of("requests.new.total")
diagnostics: tuple[govinfo.Diagnostic, ...] = result.diagnostics
validation: govinfo.Validation = govinfo.validate(report)
ok: bool = validation.ok
failures: tuple[govinfo.Finding, ...] = validation.failures
text: str = govinfo.to_json(report, indent=None)
again: govinfo.Report = govinfo.from_json(text)
page: str = govinfo.review_html(result, name="report.txt")
