"""Tidy (long) export: one record per cell and per meta field, CSV, and back."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from govinfo._errors import JSONFormatError
from govinfo.models import REGISTRY, Meta, Report, ReportV2015, ReportV2019, ReportV2021

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import TextIO

    from govinfo.reading.parse import ParseResult

Value = int | Decimal | str | bool | dt.date | None

_META_FIELDS = attrs.fields(Meta)


@attrs.frozen
class Record:
    """One value of one report, in long form.

    ``key`` is the data dictionary's dotted key; ``label`` the official label (row
    and column); ``unit`` the unit (empty for text); ``value`` the typed value,
    ``None`` for blank.
    """

    agency: str | None
    year: int | None
    template: str
    key: str
    label: str
    unit: str
    value: Value


def _report_of(item: Report | ParseResult) -> Report:
    if isinstance(item, ReportV2015 | ReportV2019 | ReportV2021):
        return item
    return item.report


def report_records(report: Report) -> Iterator[Record]:
    """The records of one report: its meta fields, then every cell in dictionary order."""
    meta = report.meta
    for field in _META_FIELDS:
        yield Record(
            meta.agency, meta.year, report.TEMPLATE, f"meta.{field.name}",
            field.metadata.get("label", field.name), "", getattr(meta, field.name),
        )  # fmt: skip
    spec = REGISTRY.of(report)
    values = spec.flatten(report)
    for cell in spec.cells:
        yield Record(
            meta.agency, meta.year, report.TEMPLATE, cell.key, cell.label, cell.column.unit,
            values[cell.key],
        )  # fmt: skip


def records(reports: Iterable[Report | ParseResult]) -> Iterator[Record]:
    """Long records of many reports (or parse results), lazily, one report after another.

    Examples:
        >>> import govinfo
        >>> rows = list(govinfo.records([govinfo.parse_example()]))
        >>> row = next(r for r in rows if r.key == "active.licensing.decisions")
        >>> row.label, row.unit, row.value, row.year
        ('行政许可 / 本年处理决定数量', '件', 146, 2023)
    """
    for item in reports:
        yield from report_records(_report_of(item))


def _typed(key: str, template: str, value: Any) -> Value:  # noqa: ANN401 - values from CSV/JSON too
    """Read back a value written as text (CSV) into its declared type."""
    if value is None or value == "":
        return None
    if key.startswith("meta."):
        name = key.removeprefix("meta.")
        if name == "year":
            return int(value)
        if name == "published":
            return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        if name == "tables_found":
            return value if isinstance(value, bool) else str(value).lower() == "true"
        if name == "processing_fee_yuan":
            return Decimal(str(value))
        return str(value)
    cell = REGISTRY[template].by_key[key]
    if cell.column.unit_of is not None:
        return str(value)
    if cell.column.money:
        return Decimal(str(value))
    return int(value)


def from_records(items: Iterable[Record]) -> list[Report]:
    """Rebuild reports from their records (as :func:`records` yields them, or read from CSV).

    A report's records are consecutive; a key seen again starts the next report.

    Raises:
        JSONFormatError: a record names an unknown template or key.
    """
    reports: list[Report] = []
    current: dict[str, Value] = {}
    template: str | None = None

    def flush() -> None:
        if template is None:
            return
        meta = {k.removeprefix("meta."): v for k, v in current.items() if k.startswith("meta.")}
        cells = {k: v for k, v in current.items() if not k.startswith("meta.")}
        reports.append(REGISTRY[template].build({**cells, "meta": Meta(**meta)}))  # type: ignore[arg-type]

    for record in items:
        if record.template not in REGISTRY:
            raise JSONFormatError(f"unknown template {record.template!r} in records")
        if template is not None and (record.key in current or record.template != template):
            flush()
            current = {}
        template = record.template
        try:
            current[record.key] = _typed(record.key, record.template, record.value)
        except (KeyError, ValueError, ArithmeticError) as exc:
            raise JSONFormatError(f"bad record {record.key!r} = {record.value!r}: {exc}") from None
    flush()
    return reports


CSV_COLUMNS = ("file", "agency", "year", "template", "key", "label", "unit", "value")


def text_of(value: object) -> str:
    """A record value as exact text (blank → empty)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_csv(rows: Iterable[tuple[str, Record]], out: TextIO, *, header: bool = True) -> None:
    """Write ``(file, record)`` pairs as CSV (RFC 4180), one row per value, exact text values."""
    writer = csv.writer(out)
    if header:
        writer.writerow(CSV_COLUMNS)
    for name, r in rows:
        writer.writerow(
            (name, r.agency or "", r.year or "", r.template, r.key, r.label, r.unit,
             text_of(r.value))
        )  # fmt: skip
