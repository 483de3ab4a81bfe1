"""govinfo: typed, validated data from China's annual OGI reports.

政府信息公开工作年度报告 — the annual Open Government Information reports every
Chinese administrative agency publishes — parsed into frozen attrs models that
follow the public data dictionary, with diagnostics for everything the parser
noticed and the source of every figure.

The whole public API is listed in ``__all__``:

- [`parse`][govinfo.parse] / [`parse_file`][govinfo.parse_file] →
  [`ParseResult`][govinfo.ParseResult] (report, diagnostics, sources);
- [`validate`][govinfo.validate] → [`Validation`][govinfo.Validation] of the 勾稽关系
  (rules R1–R4);
- [`to_json`][govinfo.to_json] / [`from_json`][govinfo.from_json] for the dictionary's
  JSON form ([`to_dict`][govinfo.to_dict] / [`from_dict`][govinfo.from_dict] for it as
  Python data), [`render`][govinfo.render] as text, Markdown, HTML or a terminal table,
  and [`review_html`][govinfo.review_html], a page showing each figure beside its source;
- [`convert`][govinfo.convert] between templates ([`Conversion`][govinfo.Conversion]
  lists every [`Loss`][govinfo.Loss]), [`core`][govinfo.core] for the harmonized
  [`CoreIndicators`][govinfo.CoreIndicators];
- [`records`][govinfo.records] / [`from_records`][govinfo.from_records] (tidy long
  form), [`to_arrow`][govinfo.to_arrow], [`to_pandas`][govinfo.to_pandas];
  [`aggregate`][govinfo.aggregate] and [`check_series`][govinfo.check_series];
- the report models, one per template ([`ReportV2015`][govinfo.ReportV2015],
  [`ReportV2019`][govinfo.ReportV2019], [`ReportV2021`][govinfo.ReportV2021];
  [`Report`][govinfo.Report] is their union; all parts in
  [`govinfo.models`][govinfo.models]) and the error types.

Examples:
    >>> import govinfo
    >>> result = govinfo.parse_example()
    >>> result.template, result.report.active.licensing.decisions
    ('v2021', 146)
    >>> govinfo.validate(result.report).ok
    True
"""

from __future__ import annotations

import importlib.metadata

from govinfo._batch import BatchItem, parse_many
from govinfo._diagnostics import Diagnostic, Severity, Span
from govinfo._errors import (
    DecodeError,
    GovinfoError,
    InputError,
    InputTooLargeError,
    JSONFormatError,
    MissingExtraError,
    MixedInputError,
    UnknownTemplateError,
    UnsupportedFormatError,
)
from govinfo._version import DISTRIBUTION
from govinfo.checks.series import SeriesFinding, check_series
from govinfo.checks.validate import Finding, Validation, validate
from govinfo.conversion.aggregate import Aggregate, aggregate
from govinfo.conversion.convert import Conversion, Loss, convert
from govinfo.conversion.indicators import CoreIndicators, Indicator, core
from govinfo.formats.arrow import to_arrow, to_pandas
from govinfo.formats.json import from_dict, from_json, to_dict, to_json
from govinfo.formats.records import Record, from_records, records
from govinfo.formats.render import render
from govinfo.formats.review import review_html
from govinfo.formats.schema import json_schema
from govinfo.inputs.load import example_text
from govinfo.models import Meta, Report, ReportV2015, ReportV2019, ReportV2021
from govinfo.reading.parse import ParseResult, parse, parse_file
from govinfo.reading.sections import Section, Sections
from govinfo.templates.invariants import Verdict

try:
    __version__ = importlib.metadata.version(DISTRIBUTION)
except importlib.metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    from govinfo._version import __version__


def parse_example() -> ParseResult[ReportV2021]:
    """Parse the bundled example report (a real 2023 report in the 2021 template)."""
    return parse(example_text(), template="v2021")


__all__ = [
    "Aggregate",
    "BatchItem",
    "Conversion",
    "CoreIndicators",
    "DecodeError",
    "Diagnostic",
    "Finding",
    "GovinfoError",
    "Indicator",
    "InputError",
    "InputTooLargeError",
    "JSONFormatError",
    "Loss",
    "Meta",
    "MissingExtraError",
    "MixedInputError",
    "ParseResult",
    "Record",
    "Report",
    "ReportV2015",
    "ReportV2019",
    "ReportV2021",
    "Section",
    "Sections",
    "SeriesFinding",
    "Severity",
    "Span",
    "UnknownTemplateError",
    "UnsupportedFormatError",
    "Validation",
    "Verdict",
    "__version__",
    "aggregate",
    "check_series",
    "convert",
    "core",
    "from_dict",
    "from_json",
    "from_records",
    "json_schema",
    "parse",
    "parse_example",
    "parse_file",
    "parse_many",
    "records",
    "render",
    "review_html",
    "to_arrow",
    "to_dict",
    "to_json",
    "to_pandas",
    "validate",
]


def __dir__() -> list[str]:
    return __all__
