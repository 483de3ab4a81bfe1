"""Hypothesis strategies for govinfo's models, for your tests and ours.

Requires Hypothesis (``pip install 'govinfo-cn[test]'``). Importing [`govinfo`][govinfo]
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
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from govinfo.formats.render import render_text
from govinfo.models import REGISTRY, TEMPLATES, Meta, Report

if TYPE_CHECKING:
    from collections.abc import Callable

    from govinfo.templates.invariants import Check
    from govinfo.templates.spec import CellSpec, TemplateSpec

__all__ = [
    "aligned_texts",
    "amounts",
    "counts",
    "drawn_order_texts",
    "metas",
    "reports",
    "run_together_layouts",
    "run_together_texts",
    "scraped_texts",
    "templates",
    "valid_reports",
]

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

    Invariants may fail; see [`valid_reports`][govinfo.testing.valid_reports] for
    reports that satisfy them.
    """
    if template is None:
        return templates().flatmap(reports)
    spec = REGISTRY[template]
    cells = st.fixed_dictionaries({c.key: _cell_strategy(c) for c in spec.cells})
    return st.builds(_assemble(spec), cells, metas())


def _assemble(spec: TemplateSpec) -> Callable[[dict[str, Any], Meta], Report]:
    units = [
        (c.key, c.row.cell_key(next(x for x in c.row.columns if x.name == c.column.unit_of)))
        for c in spec.cells
        if c.column.unit_of is not None
    ]

    def make(values: dict[str, Any], meta: Meta) -> Report:
        for unit_key, amount_key in units:
            if values[amount_key] is None:  # a unit is only ever read beside its amount
                values[unit_key] = None
        report: Report = spec.build({**values, "meta": meta})
        return report

    return make


#: A linear form over cells (and slack variables): variable → integer coefficient.
_Form = dict[str, int]


@attrs.frozen
class _Solution:
    """The invariants of a template solved for some cells in terms of the others.

    ``pivots`` gives each solved cell as a linear form over the ``free``
    variables: cells drawn freely, and one slack per inequality.
    """

    free: tuple[str, ...]
    pivots: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]


def _substitute(form: _Form, var: str, by: _Form) -> _Form:
    coef = form.pop(var, 0)
    if coef:
        for v, c in by.items():
            form[v] = form.get(v, 0) + coef * c
            if not form[v]:
                del form[v]
    return form


def _solve(checks: tuple[Check, ...]) -> _Solution:
    """Eliminate the template's invariants, one check at a time (exact integer arithmetic).

    A check reads ``Σ total − Σ parts (± slack) = 0``. Each solves for one of its
    variables of coefficient ±1, chosen so that its value is a sum rather than a
    difference where it can be (most positive terms): totals are solved from
    their parts, and the few differences left are kept non-negative by
    ``_valid_from_rules``. Checks already implied by earlier ones drop out.
    """
    pivots: dict[str, _Form] = {}
    seen: list[str] = []
    for n, check in enumerate(checks):
        form: _Form = {}
        for key in check.total:
            form[key] = form.get(key, 0) + 1
        for key in check.parts:
            form[key] = form.get(key, 0) - 1
        relation = check.rule.relation
        if relation != "==":
            form[f"slack {n}"] = 1 if relation == "<=" else -1
        seen += [k for k in form if k not in seen]
        for var in [v for v in form if v in pivots]:
            _substitute(form, var, pivots[var])
        if not form:
            continue  # implied by the checks before
        units = [v for v, c in form.items() if abs(c) == 1]

        def score(var: str, form: _Form = form) -> tuple[bool, int]:
            """Cells before slacks, then the most positive terms in the solved form."""
            sign = -form[var]
            terms = sum(1 if sign * c > 0 else -1 for v, c in form.items() if v != var)
            return not var.startswith("slack"), terms

        if not units:  # pragma: no cover - every declared rule sums cells once each
            raise ValueError(f"rule {check.rule.id}: no cell to solve for in integers")
        var = max(units, key=score)
        coef = form.pop(var)
        solved = {v: -c * coef for v, c in form.items()}
        for other in pivots.values():
            _substitute(other, var, solved)
        pivots[var] = solved
    free = tuple(v for v in seen if v not in pivots)
    return _Solution(free, tuple((k, tuple(f.items())) for k, f in pivots.items()))


@st.composite
def _valid_from_rules(draw: st.DrawFn, template: str, solution: _Solution) -> Report:
    """Draw the free cells, compute the solved ones, and lift any that came out negative.

    A solved cell below 0 has a free variable with a positive coefficient in it:
    that variable is raised until the cell is 0, and the cells are computed again
    (a few rounds suffice; an input that still fails is rejected).
    """
    spec = REGISTRY[template]
    rule_keys = {k for c in spec.checks for k in c.keys}
    values: dict[str, Any] = {
        c.key: draw(_cell_strategy(c)) for c in spec.cells if c.key not in rule_keys
    }
    free = {v: draw(st.integers(0, 50)) for v in solution.free}
    solved: dict[str, int] = {}
    for _ in range(len(solution.pivots) + 1):
        solved = {k: sum(c * free[v] for v, c in form) for k, form in solution.pivots}
        low = next(((k, v) for k, v in solved.items() if v < 0), None)
        if low is None:
            break
        key, value = low
        raise_var, coef = max(dict(solution.pivots)[key], key=lambda vc: vc[1])
        if coef <= 0:
            break
        free[raise_var] += -(value // coef)
    assume(all(v >= 0 for v in solved.values()))
    for key, value in (*free.items(), *solved.items()):
        if key in spec.by_key:
            values[key] = Decimal(value) if spec.by_key[key].column.money else value
    return _assemble(spec)(values, draw(metas()))


def valid_reports(template: str | None = None) -> st.SearchStrategy[Report]:
    """Reports whose every invariant holds (R1–R4; the v2015 rules), filled where rules read.

    The strategy is derived from the rules the template declares: they are
    solved once, here, for some cells in terms of the others.
    """
    if template is None:
        return templates().flatmap(valid_reports)
    return _valid_from_rules(template, _solve(REGISTRY[template].checks))


#: How a scraper or extractor writes one table row of cells (label first, then values).
_LAYOUTS = (
    "pipe row",
    "pipe row, colspan padding",
    "one cell a line",
    "one cell a paragraph",
    "cell and | on alternate lines",
    "label line, values joined",
    "tab-separated",
)
#: Layouts that cannot show an empty cell: only for rows whose every cell holds something.
_NO_BLANKS = frozenset(
    {
        "one cell a paragraph",
        "cell and | on alternate lines",
        "label line, values joined",
        "tab-separated",
    }
)
_SPACES = (" ", "\u00a0", "\u3000")
_FURNITURE = ("- 3 -", "第2页 共9页")


def _write_row(cells: list[str], layout: str, space: str) -> list[str]:
    label, values = cells[0], cells[1:]
    if layout == "pipe row":
        return [f" {space}| ".join(cells) + " |"]
    if layout == "pipe row, colspan padding":
        return [" | ".join(cells) + " |", "||"]
    if layout == "one cell a line":
        return [f"{c}{space}|" for c in cells]
    if layout == "one cell a paragraph":
        return [line for c in cells for line in (c, "")]
    if layout == "cell and | on alternate lines":
        return [line for c in cells for line in (c, "|")]
    if layout == "label line, values joined":
        return [label, space.join(values)]
    return ["\t".join(cells)]


@st.composite
def scraped_texts(draw: st.DrawFn, report: Report) -> str:
    """``report`` rendered, then written in the layouts scraped pages come in.

    Each table row is written in a layout drawn for it (pipe rows with or
    without colspan padding, one cell a line, one cell a paragraph, ``|`` on
    alternate lines, a label line with the values joined, tab-separated), with
    non-breaking and ideographic spaces, and page furniture between rows. A row
    with a blank cell is written only in a layout that shows empty cells.
    Parsing the text gives ``report`` back.
    """
    out: list[str] = []
    for line in render_text(report).splitlines():
        if "|" not in line:
            out.append(line)
            continue
        cells = [c.strip() for c in line.split("|")[:-1]]
        blank = any(not c for c in cells[1:])
        layouts = [lay for lay in _LAYOUTS if not (blank and lay in _NO_BLANKS)]
        numeric = all(c.replace("-", "").replace(".", "").isdigit() for c in cells[1:] if c)
        if not numeric or len(cells) < 2:  # a header row: kept as pipe cells
            layouts = ["pipe row", "one cell a line"]
        layout = draw(st.sampled_from(layouts))
        out += _write_row(cells, layout, draw(st.sampled_from(_SPACES)))
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(st.sampled_from(_FURNITURE)))
    return "\n".join(out) + "\n"


@st.composite
def drawn_order_texts(draw: st.DrawFn, report: Report) -> str:
    """``report`` rendered, parts of its tables written figures first.

    Text taken from a PDF in the order its page was drawn can have each row's
    figures before its label. Each part of a table with named columns (rows
    with the same columns) starts with a line of its column headers, as the
    forms' header rows do, and is written in pipe rows or figures first: a
    line of the row's figures, then its label. A part is written figures
    first only where its first row holds a figure: the figures standing
    between the header and the first row are what shows the order (with a
    blank first row nothing does, and its label would take the next row's
    figures). Parsing the text never fills a cell with another value than
    ``report``'s, and the parts in pipe rows come back whole.
    """
    spec = REGISTRY[report.TEMPLATE]
    named = {
        r.label: r
        for t in spec.tables
        if t.layout != "value_block"
        for r in t.rows
        if any(c.name for c in r.columns)
    }
    out: list[str] = []
    heads: tuple[str, ...] = ()
    first = False
    for line in render_text(report).splitlines():
        cells = [c.strip() for c in line.split("|")[:-1]]
        row = next((named[c] for c in cells if c in named), None)
        if row is None:
            out.append(line)
            heads = ()
            continue
        values = cells[len(cells) - len(row.value_columns) :]
        figures = [v for v in values if v]
        if (part := tuple(c.label for c in row.columns if c.name)) != heads:
            heads = part
            out.append(" ".join(heads))
            first = bool(figures) and draw(st.booleans())
        if not first:
            out.append(line)
            continue
        if figures:
            out.append(" ".join(figures))
        out.append(" ".join(cells[: len(cells) - len(values)]))
    return "\n".join(out) + "\n"


def run_together_texts(report: Report) -> st.SearchStrategy[str]:
    """``report`` rendered, its tables written as a crawler that drops separators does.

    Each table row's cells are run together, labels and numbers alike ("规章000",
    "一、本年新收…数量11060000116"); a row with a blank cell, which would leave no
    trace, keeps its separators. Some spaces between the numbers of a labelled
    row may be left, and the rows are drawn all on one line with the table
    headings (a row that keeps its separators on a line of its own), or a row
    a line. Where every cut is certain the cells come back; a parse never fills
    a cell with another value than ``report``'s.
    """
    return run_together_layouts(report).map(lambda written: written[0])


@st.composite
def run_together_layouts(draw: st.DrawFn, report: Report) -> tuple[str, list[list[str] | None]]:
    """[`run_together_texts`][govinfo.testing.run_together_texts], with how each line was written.

    Returns the text and, for each line of ``render_text(report)``, ``None`` where
    it was kept as rendered, else what was written between its ``|`` cells
    (``""`` run together, ``" "`` a space left): what a test needs to know which
    digits a crawler ran together.
    """
    lines = render_text(report).splitlines()
    first = next((i for i, line in enumerate(lines) if "|" in line), len(lines))
    written: list[str] = []
    layouts: list[list[str] | None] = [None] * first
    for line in lines[first:]:
        cells = [c.strip() for c in line.split("|")[:-1]] if "|" in line else [line]
        if any(not c for c in cells[1:]):
            written.append(line)  # run together, a blank cell would leave no trace
            layouts.append(None)
            continue
        text = cells[0] if cells else ""
        # A space left at times between numbers, after the label ran into the first:
        # in a row of numbers alone, spaces would be a PDF's columns, not a crawler's.
        labelled = bool(text) and not text[0].isdigit()
        between: list[str] = []
        for cell in cells[1:]:
            space = ""
            if labelled and text[-1].isdigit() and cell[0].isdigit():
                space = draw(st.sampled_from(["", "", "", " "]))
            between.append(space)
            text += space + cell
        written.append(text)
        layouts.append(between)
    if draw(st.booleans()):  # one line, but for the rows kept with their separators
        joined: list[str] = []
        glue = False
        for line, layout in zip(written, layouts[first:], strict=True):
            if glue and layout is not None:
                joined[-1] += line
            else:
                joined.append(line)
            glue = layout is not None
        written = joined
    return "\n".join([*lines[:first], *written]) + "\n", layouts


#: Names written over a part's value columns (words, as a printed form's headers are).
_COLUMN_NAMES = "一二三四五六七八九十"


#: A figure as rendered: a count or an amount, with its unit when it has one.
_FIGURE_CELL = re.compile(r"-?\d+(?:\.\d+)?(?:万元|元)?")


def _is_figure_cell(text: str) -> bool:
    return not text or _FIGURE_CELL.fullmatch(text) is not None


@st.composite
def aligned_texts(draw: st.DrawFn, report: Report) -> str:
    """``report`` rendered, its tables printed in columns, as ``pdftotext -layout`` prints them.

    Each cell stands at a character position: labels at the left, each value
    under its column (right-aligned, left-aligned or centred, drawn per
    table), a blank cell blank. Each part of a table (rows with as many
    values) starts with a line naming its columns (``项目  第一栏  第二栏``),
    as the forms' header rows do. A first label longer than the drawn
    label width wraps onto a second line, the values on a line of their own
    between the two (as a page's table printed as text puts figures level
    with the middle of their row). Blank lines may stand between rows.
    Parsing the text gives ``report`` back.
    """
    out: list[str] = []
    table: list[list[str]] = []
    for line in [*render_text(report).splitlines(), ""]:
        if "|" in line:
            table.append([c.strip() for c in line.split("|")[:-1]])
            continue
        if table:
            out += _aligned_table(draw, table)
            table = []
        out.append(line)
    return "\n".join(out)


def _aligned_table(draw: st.DrawFn, rows: list[list[str]]) -> list[str]:
    """One table's rows (cells as rendered) as column-aligned lines."""
    align = draw(st.sampled_from(["right", "left", "centre"]))
    gap = draw(st.integers(2, 4))
    # The label cells of a row stand in columns from the left, the n-th of each row in
    # the n-th; the first wraps at the first column's width.
    labels = [row[: _labels(row)] for row in rows]
    firsts = max((len(cells[0]) for cells in labels if cells), default=0)
    wrap = draw(st.integers(min(firsts, max(4, -(-firsts // 2))), max(firsts, 1)))
    widths = [wrap] + [
        max((len(cells[j]) for cells in labels if len(cells) > j), default=0)
        for j in range(1, max(map(len, labels), default=1))
    ]
    offsets = [sum(widths[:j]) + gap * j for j in range(len(widths))]
    start = offsets[-1] + widths[-1] + gap * 2
    parts: list[list[list[str]]] = []
    for row in rows:
        if not parts or len(parts[-1][0]) - _labels(parts[-1][0]) != len(row) - _labels(row):
            parts.append([])
        parts[-1].append(row)
    out: list[str] = []
    for part in parts:
        values = len(part[0]) - _labels(part[0])
        names = [f"第{_COLUMN_NAMES[j % 10]}栏" for j in range(values)]
        columns = [
            max([len(names[j]), *(len(r[_labels(r) + j]) for r in part)]) for j in range(values)
        ]
        at = [start + sum(columns[:j]) + gap * j for j in range(values)]
        if values:  # names centred over their columns, as a header cell prints them
            centred = [x + (w - len(n)) // 2 for n, x, w in zip(names, at, columns, strict=True)]
            out.append(_place([("项目", 0), *zip(names, centred, strict=True)]))
        for row in part:
            out += _aligned_row(row, offsets, wrap, at, columns, align)
            if draw(st.integers(0, 3)) == 0:
                out.append("")
    return out


def _labels(row: list[str]) -> int:
    """How many of a row's cells are labels (the cells before its trailing figures)."""
    return next(i for i in range(len(row) + 1) if all(map(_is_figure_cell, row[i:])))


def _aligned_row(
    row: list[str], offsets: list[int], wrap: int, at: list[int], columns: list[int], align: str
) -> list[str]:
    """A row's lines: its first label wrapped at ``wrap`` (two lines at most).

    The values stand on its line, or on a line between its two.
    """
    labels, values = row[: _labels(row)], row[_labels(row) :]
    words = [
        (value, x + {"right": w - len(value), "left": 0, "centre": (w - len(value)) // 2}[align])
        for value, x, w in zip(values, at, columns, strict=True)
        if value
    ]
    words += [(label, x) for label, x in zip(labels[1:], offsets[1:], strict=False)]
    first = labels[0] if labels else ""
    if len(first) <= wrap:
        return [_place([(first, 0), *words])]
    # Two characters at least on the second line: one alone may be a unit ("文" / "件").
    cut = min(wrap, len(first) - 2)
    middle = _place(words)
    return [first[:cut], *([middle] if middle else []), first[cut:]]


def _place(words: list[tuple[str, int]]) -> str:
    """A line with each text at its character position (none overlapping)."""
    line = ""
    for text, x in sorted(words, key=lambda w: w[1]):
        line = line.ljust(x) + text if x >= len(line) else f"{line} {text}"
    return line.rstrip()
