"""Summing reports of one template into one (a city from its districts)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Generic

import attrs

from govinfo._errors import MixedInputError
from govinfo.models import REGISTRY, Meta, ReportT, ReportT_co


@attrs.frozen
class Aggregate(Generic[ReportT_co]):
    """The sum of several reports, and what the sum could not know.

    The sum is a report of their template: summing ``ReportV2021`` s gives an
    ``Aggregate[ReportV2021]``.

    ``blanks`` maps each cell that was blank in some but not all reports to the
    number of reports in which it was blank: its sum counts only the reports
    that wrote it, so it is a lower bound. A cell blank in every report stays
    blank. ``notes`` explains any cell left blank for another reason.
    """

    report: ReportT_co
    count: int
    blanks: Mapping[str, int]
    notes: tuple[str, ...] = ()


def aggregate(reports: Iterable[ReportT], *, agency: str | None = None) -> Aggregate[ReportT]:
    """Sum reports of one template cell by cell.

    Blank handling: all blank → blank; otherwise the written values are summed
    and the cell is listed in :attr:`Aggregate.blanks` with the number of
    reports that left it blank. Amounts written in different units (v2019
    采购总金额) are not added: the cell is left blank and noted.

    Raises:
        MixedInputError: no reports, or reports of different templates.

    Examples:
        >>> import govinfo
        >>> one = govinfo.parse_example().report
        >>> total = govinfo.aggregate([one, one], agency="两个苏木")
        >>> total.report.active.licensing.decisions, total.count
        (292, 2)
    """
    items = list(reports)
    if not items:
        raise MixedInputError("nothing to aggregate")
    templates = {r.TEMPLATE for r in items}
    if len(templates) > 1:
        raise MixedInputError(
            f"reports of one template only; got {', '.join(sorted(templates))} "
            "(convert them first with govinfo.convert)"
        )
    spec = REGISTRY.of(items[0])
    tables = [spec.flatten(r) for r in items]
    values: dict[str, Any] = {}
    blanks: dict[str, int] = {}
    notes: list[str] = []
    units = {
        c.row.cell_key(x): c.key
        for c in spec.cells
        for x in c.row.columns
        if x.name == c.column.unit_of
    }
    for cell in spec.cells:
        column = [t[cell.key] for t in tables]
        written = [v for v in column if v is not None]
        if cell.column.unit_of is not None:
            kinds = set(written)
            values[cell.key] = kinds.pop() if len(kinds) == 1 else None
            continue
        if not written:
            values[cell.key] = None
            continue
        if cell.key in units:
            written_units = {t[units[cell.key]] for t in tables if t[cell.key] is not None}
            if len(written_units) > 1:
                values[cell.key] = None
                shown = ", ".join(sorted(str(u) for u in written_units))
                notes.append(f"{cell.key}: amounts in different units ({shown}) are not added")
                continue
        values[cell.key] = sum(written)
        if len(written) < len(column):
            blanks[cell.key] = len(column) - len(written)
    years = {r.meta.year for r in items}
    fees = [r.meta.processing_fee_yuan for r in items if r.meta.processing_fee_yuan is not None]
    meta = Meta(
        agency=agency,
        year=years.pop() if len(years) == 1 else None,
        tables_found=any(r.meta.tables_found for r in items),
        processing_fee_yuan=sum(fees, Decimal(0)) if fees else None,
    )
    values["meta"] = meta
    return Aggregate(spec.build(values), len(items), blanks, tuple(notes))
