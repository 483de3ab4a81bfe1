"""Public-API usage that mypy --strict must accept (checked in CI; pytest only imports it)."""

from __future__ import annotations

import io
import pathlib
from decimal import Decimal
from typing import Any

import pandas as pd
from typing_extensions import assert_type

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
found: str | None = result.template
span: govinfo.Span | None = result.source_of("requests.new.total")
diagnostics: tuple[govinfo.Diagnostic, ...] = result.diagnostics
validation: govinfo.Validation = govinfo.validate(report)
ok: bool = validation.ok
failures: tuple[govinfo.Finding, ...] = validation.failures
text: str = govinfo.to_json(report, indent=None)
again: govinfo.Report = govinfo.from_json(text)
page: str = govinfo.review_html(result, name="report.txt")


def typed_results(path: pathlib.Path) -> None:
    """Calls that need a report file: type-checked, never run (pytest imports this module)."""
    # A template given by its id types the result for its report class.
    assert_type(govinfo.parse("", template="v2015"), govinfo.ParseResult[govinfo.ReportV2015])
    assert_type(govinfo.parse("", template="v2019"), govinfo.ParseResult[govinfo.ReportV2019])
    v2021 = govinfo.parse("", template="v2021")
    assert_type(v2021, govinfo.ParseResult[govinfo.ReportV2021])
    assert_type(v2021.report.active.licensing.decisions, int | None)
    assert_type(govinfo.parse_file(path, template="v2021").report, govinfo.ReportV2021)
    assert_type(govinfo.parse_example().report, govinfo.ReportV2021)
    # A template chosen at run time, or detected: any report, to narrow with isinstance.
    chosen: str | None = None
    assert_type(govinfo.parse("", template=chosen), govinfo.ParseResult[govinfo.Report])
    assert_type(govinfo.parse(""), govinfo.ParseResult)
    assert_type(govinfo.parse_file(path).report, govinfo.Report)

    # A result typed for one template is a result (covariant).
    def template_of(any_result: govinfo.ParseResult) -> str | None:
        return any_result.template

    template_of(v2021)

    # Conversion and aggregation keep the template in the type.
    converted = govinfo.convert(report, to="v2019")
    assert_type(converted, govinfo.Conversion[govinfo.ReportV2019])
    assert_type(converted.report.active.procurement.amount_unit, str | None)
    assert_type(govinfo.convert(report, to=template).report, govinfo.Report)
    total = govinfo.aggregate([v2021.report, v2021.report], agency="两个苏木")
    assert_type(total, govinfo.Aggregate[govinfo.ReportV2021])
    assert_type(total.report.active.licensing.decisions, int | None)
    assert_type(govinfo.aggregate([report]).report, govinfo.Report)

    # Every batch item's result is any report.
    for item in govinfo.parse_many([path]):
        if item.result is not None:
            assert_type(item.result.report, govinfo.Report)

    # The exports are typed as their libraries' own types.
    assert_type(govinfo.to_pandas([result]), pd.DataFrame)
    assert_type(govinfo.to_pandas([v2021.report]), pd.DataFrame)

    # parse() reads text, bytes, paths and binary files; JSON as text or as data.
    with path.open("rb") as handle:
        assert_type(
            govinfo.parse(handle, template="v2019"), govinfo.ParseResult[govinfo.ReportV2019]
        )
    assert_type(govinfo.parse(path), govinfo.ParseResult)
    assert_type(govinfo.parse(io.BytesIO(b"")), govinfo.ParseResult)
    data: dict[str, Any] = govinfo.to_dict(report)
    assert_type(govinfo.from_dict(data), govinfo.Report)
    city = govinfo.aggregate([report, report], agency="某市", mixed_agencies=True, mixed_years=True)
    assert_type(city.skipped, tuple[int, ...])
    for record in govinfo.records([result, report]):
        assert_type(record.report, int)
        assert_type(record.file, str | None)
