"""Records as Arrow tables (and so Parquet) and pandas data frames."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govinfo._errors import MissingExtraError
from govinfo.formats.records import records, text_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    import pandas as pd
    import pyarrow as pa

    from govinfo.models import Report
    from govinfo.reading.parse import ParseResult


def _columns(items: Iterable[Report | ParseResult]) -> Iterator[dict[str, Any]]:
    for r in records(items):
        number = (
            r.value
            if isinstance(r.value, int | Decimal) and not isinstance(r.value, bool)
            else None
        )
        yield {
            "agency": r.agency,
            "year": r.year,
            "template": r.template,
            "key": r.key,
            "label": r.label,
            "unit": r.unit,
            "value": None if number is None else float(number),
            "text": None if r.value is None else text_of(r.value),
        }


def to_arrow(reports: Iterable[Report | ParseResult]) -> pa.Table:
    """The records of ``reports`` as a ``pyarrow.Table`` (extra ``arrow``).

    Columns: agency, year, template, key, label, unit, ``value`` (float64, null
    when blank or not a number) and ``text`` (the exact value as text). Write
    Parquet with ``pyarrow.parquet.write_table(table, "reports.parquet")``.

    Raises:
        MissingExtraError: pyarrow is not installed.
    """
    try:
        import pyarrow as pa  # noqa: PLC0415 - optional extra
    except ImportError:
        raise MissingExtraError.needs("arrow", "to_arrow") from None
    schema = pa.schema(
        [
            ("agency", pa.string()),
            ("year", pa.int32()),
            ("template", pa.string()),
            ("key", pa.string()),
            ("label", pa.string()),
            ("unit", pa.string()),
            ("value", pa.float64()),
            ("text", pa.string()),
        ]
    )
    return pa.Table.from_pylist(list(_columns(reports)), schema=schema)


def to_pandas(reports: Iterable[Report | ParseResult]) -> pd.DataFrame:
    """The records of ``reports`` as a ``pandas.DataFrame`` (extra ``pandas``).

    Columns as :func:`to_arrow`; ``year`` is a nullable integer.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional extra
    except ImportError:
        raise MissingExtraError.needs("pandas", "to_pandas") from None
    frame = pd.DataFrame(list(_columns(reports)))
    typed: pd.DataFrame = frame.astype({"year": "Int32", "value": "float64"})
    return typed
