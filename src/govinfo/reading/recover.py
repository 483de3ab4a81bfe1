"""Recovery of rows whose empty cells a scraper dropped, by the template's invariants.

A row that kept ``k`` of its ``n`` cells could have lost the others anywhere: every
order-preserving placement of the ``k`` values is tried against the rules
(勾稽关系) whose other cells are known. One consistent placement is used and
reported as recovered; several leave the cells they disagree on blank and list
the candidates. Nothing is invented: a value only ever moves to a column, and
the dropped cells are blank.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import attrs

from govinfo._diagnostics import AMBIGUOUS_CELLS, RECOVERED
from govinfo.reading.cells import END, START, TEXT, Cell
from govinfo.reading.numbers import read_cell
from govinfo.templates.invariants import Check, fails, verdicts
from govinfo.templates.spec import CellValue, number

if TYPE_CHECKING:
    from collections.abc import Mapping
    from decimal import Decimal

    from govinfo.reading.align import Assembly
    from govinfo.reading.fill import Short
    from govinfo.templates.spec import TemplateSpec

#: Placements tried per row at most (C(15, 7) = 6435 for a table 四 block).
MAX_PLACEMENTS = 20_000


@attrs.frozen
class _Placement:
    values: dict[str, CellValue]
    origin: dict[str, Cell]


def _placements(short: Short) -> list[_Placement]:
    out = []
    n, k = len(short.keys), len(short.cells)
    for combo in itertools.islice(itertools.combinations(range(n), k), MAX_PLACEMENTS):
        values: dict[str, CellValue] = dict.fromkeys(short.keys)
        origin: dict[str, Cell] = {}
        for cell, position in zip(short.cells, combo, strict=True):
            key = short.keys[position]
            # A kept cell is read for the column it lands in (units and signs depend on it).
            values[key] = read_cell(cell[TEXT], short.columns[position], short.unit).value
            origin[key] = cell
        out.append(_Placement(values, origin))
    return out


def _consistent(
    trial: dict[str, CellValue], checks: list[Check], known: dict[str, CellValue]
) -> bool:
    def value(key: str) -> int | Decimal | None:
        return number(trial[key] if key in trial else known.get(key))

    for check in checks:
        strict, lenient = verdicts(
            check.rule.relation, [value(k) for k in check.total], [value(k) for k in check.parts]
        )
        if fails(strict, lenient):
            return False
    return True


def recover(spec: TemplateSpec, out: Assembly) -> None:
    """Place the cells of every short row of ``out`` where the invariants allow."""
    if not out.shorts:
        return
    all_checks = spec.checks
    pending = list(out.shorts)
    candidates: dict[str, list[_Placement]] = {}
    progress = True
    while pending and progress:
        progress = False
        for short in list(pending):
            own = set(short.keys)
            # Only rules whose other cells are all written can tell placements apart.
            checks = [
                c
                for c in all_checks
                if own & set(c.keys)
                and all(out.values.get(k) is not None for k in set(c.keys) - own)
            ]
            fits = [p for p in _placements(short) if _consistent(p.values, checks, out.values)]
            candidates[short.where] = fits
            if len(fits) == 1:
                _recovered(short, fits[0], out)
                pending.remove(short)
                progress = True
    for short in pending:
        _ambiguous(short, candidates[short.where], out)


def _summary(short: Short) -> str:
    texts = [c[TEXT] for c in short.cells]
    return f"{short.where}: {len(short.cells)} of {len(short.keys)} cells present ({texts})"


def _placed(short: Short, values: dict[str, CellValue]) -> str:
    return ", ".join(
        f"{k.removeprefix(short.where + '.')}={v}" for k, v in values.items() if v is not None
    )


def _recovered(short: Short, fit: _Placement, out: Assembly) -> None:
    _place(fit, fit.values, out)
    message = f"{_summary(short)}; recovered by invariants: {_placed(short, fit.values)}"
    start, end = short.cells[0][START], short.cells[-1][END]
    out.notes.add(RECOVERED, message, (start, end), key=short.where)


def _ambiguous(short: Short, fits: list[_Placement], out: Assembly) -> None:
    if fits:
        first = fits[0].values
        agreed = {
            k: v for k, v in first.items() if v is not None and all(f.values[k] == v for f in fits)
        }
        _place(fits[0], agreed, out)
        shown = " | ".join(_placed(short, f.values) for f in fits[:4])
        more = f" and {len(fits) - 4} more" if len(fits) > 4 else ""
        message = (
            f"{_summary(short)}; {len(fits)} placements fit the invariants, "
            f"cells they disagree on left blank: {shown}{more}"
        )
    else:
        message = f"{_summary(short)}; no placement fits the invariants, all left blank"
    start, end = short.cells[0][START], short.cells[-1][END]
    out.notes.add(AMBIGUOUS_CELLS, message, (start, end), key=short.where)


def _place(placement: _Placement, values: Mapping[str, CellValue], out: Assembly) -> None:
    """Store placed values, each pointing at the kept cell it came from."""
    for key, value in values.items():
        out.values[key] = value
        if key in placement.origin:
            cell = placement.origin[key]
            out.sources[key] = (cell[START], cell[END])
