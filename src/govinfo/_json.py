"""JSON (un)structuring through one private cattrs converter."""

from __future__ import annotations

import datetime as dt
import functools
import json
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs

from govinfo._errors import JSONFormatError
from govinfo.models import TEMPLATES, Report

#: Keys the CLI adds around a report; :func:`from_json` accepts and ignores them.
ENVELOPE_KEYS = frozenset({"file", "diagnostics"})


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"expected a decimal string, got {value!r}")
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"invalid decimal {value!r}") from None
    if not result.is_finite():
        raise ValueError(f"decimal must be finite, got {value!r}")
    return result


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {value!r}")
    return value


def _structure_count(value: object, _: type) -> int | None:
    # Most cells of a report: one direct hook instead of Optional dispatch, then int.
    if value is None or (type(value) is int):
        return value
    raise ValueError(f"expected an integer or null, got {value!r}")


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {value!r}")
    return value


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date string, got {value!r}")
    return dt.date.fromisoformat(value)


def configure_converter(converter: cattrs.Converter) -> None:
    """Register govinfo's hooks on ``converter``."""
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(int | None, _structure_count)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(str, _structure_str)


@functools.cache
def converter(*, detailed: bool = True) -> cattrs.Converter:
    """The converter that owns every (un)structuring in govinfo.

    ``detailed=False`` skips the bookkeeping of error paths: it reads valid JSON
    several times faster, and invalid JSON is read again by the detailed one.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    configure_converter(conv)
    return conv


def unstructure(report: Report) -> dict[str, Any]:
    """Turn a report into JSON-ready data, ``template`` first."""
    data: dict[str, Any] = converter().unstructure(report, type(report))
    return {"template": report.TEMPLATE, **data}


def structure(data: object) -> Report:
    """Build a report from JSON-ready data, dispatching on ``template``."""
    if not isinstance(data, dict):
        raise JSONFormatError(f"expected a JSON object, got {type(data).__name__}")
    body = {k: v for k, v in data.items() if k not in ENVELOPE_KEYS}
    template = body.pop("template", None)
    report_type = TEMPLATES.get(template) if isinstance(template, str) else None
    if report_type is None:
        known = ", ".join(sorted(TEMPLATES))
        raise JSONFormatError(f"$.template: expected one of {known}, got {template!r}")
    try:
        return converter(detailed=False).structure(body, report_type)
    except Exception:  # noqa: BLE001, S110 - read again below, for the paths of every problem
        pass
    try:
        return converter().structure(body, report_type)
    except cattrs.BaseValidationError as exc:
        problems = cattrs.transform_error(exc)
        raise JSONFormatError("; ".join(problems)) from None


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """Serialize a report to JSON text.

    Keys follow the data dictionary; blank cells are ``null``; money is a
    decimal string (``"0.5"``); dates are ISO strings.

    Examples:
        >>> import govinfo
        >>> text = govinfo.to_json(govinfo.ReportV2021(), indent=None)
        >>> text[:40]
        '{"template": "v2021", "meta": {"title": '
    """
    return json.dumps(unstructure(report), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Report:
    """Read a report from JSON text written by :func:`to_json` (or the CLI).

    Raises:
        JSONFormatError: the text is not JSON, or not a report; the message
            names every offending path (``$.requests.new.total``).
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise JSONFormatError(f"not JSON: {exc}") from None
    return structure(data)
