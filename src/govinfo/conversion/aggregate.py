"""Summing reports of one template into one (a city from its districts)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic

import attrs

from govinfo._errors import MixedInputError
from govinfo.models import REGISTRY, Meta, Report, ReportT, ReportT_co

if TYPE_CHECKING:
    from govinfo.templates.spec import TemplateSpec


@attrs.frozen
class Aggregate(Generic[ReportT_co]):
    """The sum of several reports, and what the sum could not know.

    The sum is a report of their template: summing ``ReportV2021`` s gives an
    ``Aggregate[ReportV2021]``.

    ``count`` is how many reports were summed; ``skipped`` lists the positions
    of those that were not, as holding no figure. ``blanks`` maps each cell
    that was blank in some but not all summed reports to the number of
    reports in which it was blank: its sum counts only the reports that wrote
    it, so it is a lower bound. A cell blank in every report stays blank.
    ``notes`` says, in words, what was skipped, left blank or is a lower bound.
    """

    report: ReportT_co
    count: int
    blanks: Mapping[str, int]
    notes: tuple[str, ...] = ()
    skipped: tuple[int, ...] = ()


def _named(number: int, report: Report) -> str:
    about = " ".join(str(v) for v in (report.meta.agency, report.meta.year) if v)
    return f"report {number}" + (f" ({about})" if about else "")


def _one(values: list[Any], what: str, unknown: str, mixed: bool, flag: str) -> Any:  # noqa: ANN401
    """The one value all reports share (``None`` if they differ and ``mixed`` allows it)."""
    distinct = list(dict.fromkeys(values))
    if len(distinct) == 1:
        return distinct[0]
    if not mixed:
        shown = ", ".join(unknown if v is None else str(v) for v in distinct)
        raise MixedInputError(
            f"reports of different {what}: {shown}; pass {flag}=True to add them up"
        )
    return None


def _sum(
    spec: TemplateSpec, tables: list[dict[str, Any]], notes: list[str]
) -> tuple[dict[str, Any], dict[str, int]]:
    """Each cell's sum over ``tables``, and how many left each cell blank that some wrote."""
    values: dict[str, Any] = {}
    blanks: dict[str, int] = {}
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
    return values, blanks


def aggregate(
    reports: Iterable[ReportT],
    *,
    agency: str | None = None,
    mixed_agencies: bool = False,
    mixed_years: bool = False,
) -> Aggregate[ReportT]:
    """Sum reports of one template cell by cell.

    Blank handling: all blank → blank; otherwise the written values are summed
    and the cell is listed in ``Aggregate.blanks`` with the number of
    reports that left it blank. Amounts written in different units (v2019
    采购总金额) are not added: the cell is left blank and noted. A report that
    holds no figure (nothing read: no table and no figure in its prose) is
    skipped and noted; one without a table is summed for what its prose
    states, and noted.

    Args:
        reports: reports of one template.
        agency: the agency of the sum (a city, for its districts); by default
            the agency the reports share.
        mixed_agencies: sum reports of different agencies (or some of no
            known agency); refused otherwise.
        mixed_years: sum reports of different years; refused otherwise. The
            sum then has no year.

    Raises:
        MixedInputError: no report holding a figure, reports of different
            templates, or of different agencies or years when not allowed.

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
    notes: list[str] = []
    tables: list[dict[str, Any]] = []
    summed: list[ReportT] = []
    skipped: list[int] = []
    for number, (report, table) in enumerate(zip(items, map(spec.flatten, items), strict=True)):
        if all(v is None for v in table.values()):
            skipped.append(number)
            notes.append(f"{_named(number, report)} holds no figure: skipped")
            continue
        if not report.meta.tables_found:
            notes.append(
                f"{_named(number, report)} has no statistical table: "
                "only the figures its prose states are summed"
            )
        summed.append(report)
        tables.append(table)
    if not summed:
        raise MixedInputError(f"nothing to aggregate: the {len(items)} reports hold no figure")
    common_agency = _one(
        [r.meta.agency for r in summed], "agencies", "an unnamed agency", mixed_agencies,
        "mixed_agencies",
    )  # fmt: skip
    year = _one([r.meta.year for r in summed], "years", "no year", mixed_years, "mixed_years")
    values, blanks = _sum(spec, tables, notes)
    if blanks:
        cells = f"{len(blanks)} cell{'' if len(blanks) == 1 else 's'}"
        notes.append(
            f"{cells} blank in some reports: each sums only the reports that wrote it, "
            "a lower bound (see blanks)"
        )
    fees = [r.meta.processing_fee_yuan for r in summed if r.meta.processing_fee_yuan is not None]
    values["meta"] = Meta(
        agency=agency if agency is not None else common_agency,
        year=year,
        tables_found=any(r.meta.tables_found for r in summed),
        processing_fee_yuan=sum(fees, Decimal(0)) if fees else None,
    )
    return Aggregate(spec.build(values), len(summed), blanks, tuple(notes), tuple(skipped))
