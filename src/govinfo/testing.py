"""Hypothesis strategies for govinfo's models, for your tests and ours.

Requires Hypothesis (``pip install govinfo[test]``). Importing :mod:`govinfo`
never imports Hypothesis; the strategies are registered for
``st.from_type(ReportV2021)`` through Hypothesis' entry point when Hypothesis
is imported.

Examples:
    >>> from hypothesis import given
    >>> import govinfo
    >>> from govinfo.testing import valid_reports
    >>> @given(valid_reports())
    ... def test_valid_reports_validate_clean(report):
    ...     assert govinfo.validate(report).ok
    >>> test_valid_reports_validate_clean()
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from govinfo.checks.validate import plan
from govinfo.convert.edges import COLUMNS, OUTCOMES
from govinfo.models import TEMPLATES, Meta, Report
from govinfo.templates.spec import CellSpec, build, spec_for

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal

__all__ = ["amounts", "counts", "metas", "reports", "templates", "valid_reports"]

_MAX_COUNT = 100_000


def counts(*, blank: bool = True, signed: bool = False) -> st.SearchStrategy[int | None]:
    """Cell counts: non-negative ints (signed for 本年增/减), or ``None`` when ``blank``."""
    ints = st.integers(-_MAX_COUNT if signed else 0, _MAX_COUNT)
    return st.none() | ints if blank else ints


def amounts(*, blank: bool = True) -> st.SearchStrategy[Decimal | None]:
    """Money in 万元: finite, non-negative Decimals with at most 4 places."""
    values = st.decimals(
        min_value=0, max_value=10**7, places=4, allow_nan=False, allow_infinity=False
    )
    return st.none() | values if blank else values


def metas() -> st.SearchStrategy[Meta]:
    """Report meta data."""
    text = st.none() | st.text(min_size=1, max_size=30)
    return st.builds(
        Meta,
        title=text,
        agency=text,
        year=st.none() | st.integers(2008, 2030),
        published=st.none() | st.dates(dt.date(2008, 1, 1), dt.date(2031, 12, 31)),
        index_number=st.none() | st.from_regex(r"[0-9]{6,12}/[0-9]{4}-[0-9]{3,6}", fullmatch=True),
        tables_found=st.booleans(),
        processing_fee_yuan=amounts(),
    )


def templates() -> st.SearchStrategy[str]:
    """Template ids."""
    return st.sampled_from(sorted(TEMPLATES))


def _cell_strategy(cell: CellSpec) -> st.SearchStrategy[Any]:
    if cell.column.unit_of is not None:
        return st.sampled_from([None, "元", "万元"])
    if cell.column.money:
        return amounts()
    return counts(signed=cell.column.signed)


def reports(template: str | None = None) -> st.SearchStrategy[Report]:
    """Arbitrary reports of ``template`` (any template when ``None``), blanks included.

    Invariants may fail; see :func:`valid_reports` for reports that satisfy them.
    """
    if template is None:
        return templates().flatmap(reports)
    spec = spec_for(TEMPLATES[template])
    cells = st.fixed_dictionaries({c.key: _cell_strategy(c) for c in spec.cells})
    return st.builds(_assemble(spec.report_type), cells, metas())


def _assemble(report_type: type[Report]) -> Callable[[dict[str, Any], Meta], Report]:
    units = [
        (c.key, c.row.cell_key(next(x for x in c.row.columns if x.name == c.column.unit_of)))
        for c in spec_for(report_type).cells
        if c.column.unit_of is not None
    ]

    def make(values: dict[str, Any], meta: Meta) -> Report:
        for unit_key, amount_key in units:
            if values[amount_key] is None:  # a unit is only ever read beside its amount
                values[unit_key] = None
        return build(report_type, {**values, "meta": meta})

    return make


_PARTS = tuple(c for c in COLUMNS if c != "total")
_OUTCOMES = tuple(o for o in OUTCOMES if o != "total")


@st.composite
def _valid_modern(draw: st.DrawFn, template: str) -> Report:
    spec = spec_for(TEMPLATES[template])
    values: dict[str, Any] = {
        c.key: draw(_cell_strategy(c)) for c in spec.cells if c.key.startswith("active.")
    }
    small = st.integers(0, 50)
    rows = [r.key for t in spec.tables if t.key == "requests" for r in t.rows]
    results = [r for r in rows if r.rsplit(".", 1)[-1] not in ("new", "carried_over")]
    results = [
        r for r in results if r not in ("requests.processed_total", "requests.carried_forward")
    ]
    for col in _PARTS:
        processed = 0
        for row in results:
            values[f"{row}.{col}"] = value = draw(small)
            processed += value
        forward = draw(small)
        over = draw(st.integers(0, processed + forward))
        values[f"requests.processed_total.{col}"] = processed
        values[f"requests.carried_forward.{col}"] = forward
        values[f"requests.carried_over.{col}"] = over
        values[f"requests.new.{col}"] = processed + forward - over
    for row in rows:
        values[f"{row}.total"] = sum(values[f"{row}.{col}"] for col in _PARTS)
    for group in ("review", "litigation_direct", "litigation_after_review"):
        prefix = f"review_litigation.{group}"
        parts = [draw(small) for _ in _OUTCOMES]
        values.update({f"{prefix}.{name}": v for name, v in zip(_OUTCOMES, parts, strict=True)})
        values[f"{prefix}.total"] = sum(parts)
    return _assemble(spec.report_type)(values, draw(metas()))


def _split(draw: st.DrawFn, total: int, n: int) -> list[int]:
    cuts = sorted(draw(st.lists(st.integers(0, total), min_size=n - 1, max_size=n - 1)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


@st.composite
def _valid_from_rules(draw: st.DrawFn, template: str) -> Report:
    """Fill the cells of the rules top-down: a total first, then split into its parts."""
    spec = spec_for(TEMPLATES[template])
    values: dict[str, Any] = {c.key: draw(_cell_strategy(c)) for c in spec.cells}
    checks = plan(spec)
    hard = [(t[0], p) for rule, t, p in checks if rule.relation == "==" and len(t) == 1]
    parent = {part: total for total, parts in hard for part in parts}

    def depth(key: str) -> int:
        return 0 if key not in parent else 1 + depth(parent[key])

    for total, parts in sorted(hard, key=lambda rule: depth(rule[0])):
        if values[total] is None:
            values[total] = draw(st.integers(0, 200))
        values.update(zip(parts, _split(draw, values[total], len(parts)), strict=True))
    for relation in ("<=", ">="):
        for rule, total_keys, part_keys in checks:
            if rule.relation != relation:
                continue
            (total,) = total_keys
            for key in (total, *part_keys):
                if values[key] is None:
                    values[key] = draw(st.integers(0, 50))
            if relation == "<=":  # total may not exceed its parts: lower the total
                values[total] = min(values[total], sum(values[k] for k in part_keys))
            else:  # parts may not exceed the total: lower them, first come first served
                room = values[total]
                for key in part_keys:
                    values[key] = min(values[key], room)
                    room -= values[key]
    return _assemble(spec.report_type)(values, draw(metas()))


def valid_reports(template: str | None = None) -> st.SearchStrategy[Report]:
    """Reports whose every invariant holds (R1–R4; the v2015 rules), filled where rules read."""
    if template is None:
        return templates().flatmap(valid_reports)
    if template == "v2015":
        return _valid_from_rules(template)
    return _valid_modern(template)
