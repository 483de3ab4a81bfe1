"""from_records refuses what from_json refuses, with JSONFormatError naming the key."""

from __future__ import annotations

from decimal import Decimal

import pytest

import govinfo


def _record(key: str, value: object) -> govinfo.Record:
    return govinfo.Record("某局", 2023, "v2021", key, "label", "", value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("key", "value", "path"),
    [
        ("meta.zzz", "1", r"\$\.meta"),
        ("requests.zzz", 1, r"\$\.requests"),
        ("requests.new.total", 1.7, r"\$\.requests\.new\.total"),
        ("requests.new.total", "1.7", r"\$\.requests\.new\.total"),
        ("requests.new.total", True, r"\$\.requests\.new\.total"),
        ("requests.new.total", 2**70, r"64-bit range @ \$\.requests\.new\.total"),
        ("requests.new.total", str(2**70), r"\$\.requests\.new\.total"),
        ("active.fees.amount", "NaN", r"\$\.active\.fees\.amount"),
        ("active.fees.amount", Decimal("NaN"), r"\$\.active\.fees\.amount"),
        ("active.fees.amount", Decimal("-Infinity"), r"\$\.active\.fees\.amount"),
        ("active.fees.amount", 1.5, r"\$\.active\.fees\.amount"),
        ("meta.tables_found", "maybe", r"\$\.meta\.tables_found"),
        ("meta.year", 20.5, r"\$\.meta\.year"),
        ("meta.published", "2024-13-01", r"\$\.meta\.published"),
    ],
)
def test_refused_as_from_json_refuses(key: str, value: object, path: str) -> None:
    """An unknown key, a fractional or huge count, NaN money: JSONFormatError with the path."""
    with pytest.raises(govinfo.JSONFormatError, match=path):
        govinfo.from_records([_record(key, value)])


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("requests.new.total", "12", 12),
        ("requests.new.total", 12, 12),
        ("meta.year", "2023", 2023),
        ("meta.tables_found", "TRUE", True),
        ("active.fees.amount", "25.10", Decimal("25.10")),
        ("active.fees.amount", 25, Decimal(25)),
        ("active.fees.amount", Decimal("0.5"), Decimal("0.5")),
    ],
)
def test_values_read_as_their_type(key: str, text: object, value: object) -> None:
    """Text (as CSV gives it) and typed values read as the key's type."""
    (report,) = govinfo.from_records([_record(key, text)])
    node: object = report
    for part in key.split("."):
        node = getattr(node, part)
    assert node == value
    assert type(node) is type(value)
