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

import importlib
from typing import TYPE_CHECKING, Any

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
from govinfo._version import __version__

if TYPE_CHECKING:
    from govinfo._batch import BatchItem, parse_many
    from govinfo._diagnostics import Diagnostic, Severity, Span
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
    from govinfo.inputs.load import example_text as example_text
    from govinfo.models import Meta, Report, ReportV2015, ReportV2019, ReportV2021
    from govinfo.reading.parse import ParseResult, parse, parse_file
    from govinfo.reading.sections import Section, Sections
    from govinfo.templates.invariants import Verdict

#: Where each public name lives. Its module is imported when the name is first
#: used, so ``import govinfo`` costs little and a script, a worker process or
#: the command line loads only the stages it runs.
_LAZY = {
    "BatchItem": "govinfo._batch", "parse_many": "govinfo._batch",
    "Diagnostic": "govinfo._diagnostics", "Severity": "govinfo._diagnostics",
    "Span": "govinfo._diagnostics",
    "SeriesFinding": "govinfo.checks.series", "check_series": "govinfo.checks.series",
    "Finding": "govinfo.checks.validate", "Validation": "govinfo.checks.validate",
    "validate": "govinfo.checks.validate",
    "Aggregate": "govinfo.conversion.aggregate", "aggregate": "govinfo.conversion.aggregate",
    "Conversion": "govinfo.conversion.convert", "Loss": "govinfo.conversion.convert",
    "convert": "govinfo.conversion.convert",
    "CoreIndicators": "govinfo.conversion.indicators",
    "Indicator": "govinfo.conversion.indicators", "core": "govinfo.conversion.indicators",
    "to_arrow": "govinfo.formats.arrow", "to_pandas": "govinfo.formats.arrow",
    "from_dict": "govinfo.formats.json", "from_json": "govinfo.formats.json",
    "to_dict": "govinfo.formats.json", "to_json": "govinfo.formats.json",
    "Record": "govinfo.formats.records", "from_records": "govinfo.formats.records",
    "records": "govinfo.formats.records",
    "render": "govinfo.formats.render",
    "review_html": "govinfo.formats.review",
    "json_schema": "govinfo.formats.schema",
    "Meta": "govinfo.models", "Report": "govinfo.models", "ReportV2015": "govinfo.models",
    "ReportV2019": "govinfo.models", "ReportV2021": "govinfo.models",
    "ParseResult": "govinfo.reading.parse", "parse": "govinfo.reading.parse",
    "parse_file": "govinfo.reading.parse",
    "Section": "govinfo.reading.sections", "Sections": "govinfo.reading.sections",
    "Verdict": "govinfo.templates.invariants",
    # Not public, but reachable as govinfo.example_text while the root imported it.
    "example_text": "govinfo.inputs.load",
}  # fmt: skip


if not TYPE_CHECKING:  # type checkers read the imports above, and refuse unknown names

    def __getattr__(name: str) -> Any:  # noqa: ANN401 - any public name
        """Import a public name's module on first use (then the name is a plain attribute)."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'govinfo' has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def parse_example() -> ParseResult[ReportV2021]:
    """Parse the bundled example report (a real 2023 report in the 2021 template)."""
    from govinfo.inputs.load import example_text  # noqa: PLC0415 - loaded with the reader
    from govinfo.reading.parse import parse  # noqa: PLC0415

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
