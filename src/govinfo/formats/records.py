"""Tidy (long) export: one record per cell and per meta field, CSV, and back."""

from __future__ import annotations

import csv
import datetime as dt
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from govinfo._errors import JSONFormatError
from govinfo.formats.json import structure
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
    ``None`` for blank. ``report`` is the report's position among those given
    to [`records`][govinfo.records] and ``file`` the file it was read from, if any: group
    by ``report`` (agency and year may be blank, or the same for two reports).
    """

    agency: str | None
    year: int | None
    template: str
    key: str
    label: str
    unit: str
    value: Value
    report: int = 0
    file: str | None = None


def report_records(report: Report, number: int = 0, file: str | None = None) -> Iterator[Record]:
    """The records of one report: its meta fields, then every cell in dictionary order."""
    meta = report.meta
    for field in _META_FIELDS:
        yield Record(
            meta.agency, meta.year, report.TEMPLATE, f"meta.{field.name}",
            field.metadata.get("label", field.name), "", getattr(meta, field.name), number, file,
        )  # fmt: skip
    spec = REGISTRY.of(report)
    values = spec.flatten(report)
    for cell in spec.cells:
        yield Record(
            meta.agency, meta.year, report.TEMPLATE, cell.key, cell.label, cell.column.unit,
            values[cell.key], number, file,
        )  # fmt: skip


def records(reports: Iterable[Report | ParseResult]) -> Iterator[Record]:
    """Long records of many reports (or parse results), lazily, one report after another.

    Each record carries its report's position in ``reports`` and, for a
    result parsed from a file, the file. A result that holds no report
    (``template`` is ``None``) has no records.

    Examples:
        >>> import govinfo
        >>> rows = list(govinfo.records([govinfo.parse_example()]))
        >>> row = next(r for r in rows if r.key == "active.licensing.decisions")
        >>> row.label, row.unit, row.value, row.year, row.report
        ('行政许可 / 本年处理决定数量', '件', 146, 2023, 0)
    """
    for number, item in enumerate(reports):
        if isinstance(item, ReportV2015 | ReportV2019 | ReportV2021):
            yield from report_records(item, number)
        elif item.template is not None:
            yield from report_records(item.report, number, item.file)


_INTEGER = re.compile(r"[+-]?[0-9]{1,19}")


def _json_value(key: str, template: str, value: Any) -> object:  # noqa: ANN401 - values from CSV too
    """A record's value in the JSON form, for ``structure`` to check.

    Typed values stay as they are (a ``Decimal`` or date as its text); text, as
    CSV gives it, becomes what the key's type reads from it: an integer from
    digits, ``true``/``false``. Anything else is passed on for the JSON reader
    to refuse (a float for a count is never truncated).
    """
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return value
    name = key.removeprefix("meta.") if key.startswith("meta.") else None
    if name == "tables_found":
        return {"true": True, "false": False}.get(value.lower(), value)
    if name in ("year", None) and _INTEGER.fullmatch(value):
        cell = None if name else REGISTRY[template].by_key.get(key)
        if name or (cell is not None and cell.column.unit_of is None and not cell.column.money):
            return int(value)
    return value


def from_records(items: Iterable[Record]) -> list[Report]:
    """Rebuild reports from their records ([`records`][govinfo.records], or read from CSV).

    A report's records are consecutive; a key seen again, or another
    ``report`` number or ``file``, starts the next report.
    Each report is read as [`from_json`][govinfo.from_json] reads one, and refused
    where it would be: an unknown key, a count that is not an integer (``1.7``
    is not read as 1) or is beyond 64 bits, money that is not a finite decimal.

    Raises:
        JSONFormatError: a record names an unknown template or key, or holds a
            value its key's type does not take; the message names the key
            (``$.requests.new.total``).
    """
    reports: list[Report] = []
    current: dict[str, object] = {}
    template: str | None = None
    origin: tuple[int, str | None] = (0, None)

    def flush() -> None:
        if template is None:
            return
        data: dict[str, Any] = {"template": template}
        for key, value in current.items():
            *parents, name = key.split(".")
            node = data
            for part in parents:
                child = node.setdefault(part, {})
                if not isinstance(child, dict):
                    raise JSONFormatError(f"$.{key}: a key under the value of another key")
                node = child
            if isinstance(node.get(name), dict):
                raise JSONFormatError(f"$.{key}: a value where other keys have parts")
            node[name] = value
        reports.append(structure(data))

    for record in items:
        if record.template not in REGISTRY:
            raise JSONFormatError(f"unknown template {record.template!r} in records")
        here = (record.report, record.file)
        if template is not None and (
            record.key in current or record.template != template or here != origin
        ):
            flush()
            current = {}
        template, origin = record.template, here
        current[record.key] = _json_value(record.key, record.template, record.value)
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
