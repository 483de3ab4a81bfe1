"""Records as Arrow tables (and so Parquet) and pandas data frames."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govinfo._errors import MissingExtraError
from govinfo.formats.records import records, text_of

if TYPE_CHECKING:
    from collections.abc import Iterable

    import pandas as pd
    import pyarrow as pa

    from govinfo.models import Report
    from govinfo.reading.parse import ParseResult


#: The columns of ``to_arrow`` and ``to_pandas``, in order.
COLUMNS = (
    "report", "file", "agency", "year", "template", "key", "label", "unit",
    "count", "amount", "text",
)  # fmt: skip

#: Digits after the point an amount column holds at least: 万元 to the 分 (0.000001 万元).
MONEY_SCALE = 6


def _columns(items: Iterable[Report | ParseResult]) -> dict[str, list[Any]]:
    """The records of ``items`` column by column: integers and amounts apart, exact text."""
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    add = [columns[name].append for name in COLUMNS]
    for r in records(items):
        value = r.value
        row = (r.report, r.file, r.agency, r.year, r.template, r.key, r.label, r.unit)
        for append, item in zip(add, row, strict=False):
            append(item)
        add[8](value if type(value) is int else None)  # a count, a signed change, the year
        add[9](value if isinstance(value, Decimal) else None)
        add[10](None if value is None else text_of(value))
    return columns


def _decimal_type(pa: Any, amounts: list[Decimal | None]) -> Any:  # noqa: ANN401 - pyarrow's types
    """A decimal type that holds every amount exactly: (38, 6) unless one needs more digits."""
    scale, whole = MONEY_SCALE, 1
    for amount in amounts:
        if amount is not None:
            _, digits, exponent = amount.as_tuple()
            assert isinstance(exponent, int)  # noqa: S101 - a report's amounts are finite
            scale = max(scale, -exponent)
            whole = max(whole, len(digits) + exponent)
    if whole + scale <= 38:
        return pa.decimal128(38, scale)
    if whole + scale <= 76:
        return pa.decimal256(76, scale)
    raise ValueError(f"an amount of {whole + scale} digits does not fit an Arrow decimal")


def to_arrow(reports: Iterable[Report | ParseResult]) -> pa.Table:
    """The records of ``reports`` as a ``pyarrow.Table`` (extra ``arrow``).

    One row per dictionary key of each report (see [`records`][govinfo.records]). Columns:
    ``report`` (its position in ``reports``: group by it, as two reports may
    share agency and year, or have none), ``file`` (the file a result was read
    from), agency, year, template, key, label, unit, ``count`` (int64: the
    integer cells), ``amount`` (decimal128(38, 6), wider when an amount has
    more digits: money, never rounded, never a float) and ``text`` (every value
    as exact text). Blank is null. Write Parquet with
    ``pyarrow.parquet.write_table(table, "reports.parquet")``.

    Raises:
        MissingExtraError: pyarrow is not installed.
    """
    try:
        import pyarrow as pa  # noqa: PLC0415 - optional extra
    except ImportError:
        raise MissingExtraError.needs("arrow", "to_arrow") from None
    columns = _columns(reports)
    text = pa.string()
    types = {
        "report": pa.int64(), "file": text, "agency": text, "year": pa.int32(),
        "template": text, "key": text, "label": text, "unit": text, "count": pa.int64(),
        "amount": _decimal_type(pa, columns["amount"]), "text": text,
    }  # fmt: skip
    return pa.table(
        [pa.array(columns[name], types[name]) for name in COLUMNS],
        schema=pa.schema([(name, types[name]) for name in COLUMNS]),
    )


def to_pandas(reports: Iterable[Report | ParseResult]) -> pd.DataFrame:
    """The records of ``reports`` as a ``pandas.DataFrame`` (extra ``pandas``).

    Columns as [`to_arrow`][govinfo.to_arrow]: ``report`` int64, ``year`` Int32 and
    ``count`` Int64 (nullable integers), ``amount`` ``Decimal`` objects (exact
    money; ``None`` when blank).

    Raises:
        MissingExtraError: pandas is not installed.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional extra
    except ImportError:
        raise MissingExtraError.needs("pandas", "to_pandas") from None
    columns = _columns(reports)
    dtypes = {"report": "int64", "year": "Int32", "count": "Int64", "amount": "object"}
    frame: pd.DataFrame = pd.DataFrame(
        {name: pd.Series(columns[name], dtype=dtypes.get(name)) for name in COLUMNS}
    )
    return frame
