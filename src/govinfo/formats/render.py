"""Readable terminal tables, laid out from the template declaration."""

from __future__ import annotations

import html
import re
import unicodedata
from typing import TYPE_CHECKING

from govinfo.models import REGISTRY

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from govinfo.models import Report
    from govinfo.templates.spec import CellValue, ColumnSpec, RowSpec, TableSpec

    #: Writes the ``<td>`` of one value cell, given its row and column.
    CellWriter = Callable[[RowSpec, ColumnSpec], str]

_NOTE = re.compile(r"\([^()]*\)$")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int, *, right: bool = False) -> str:
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    pad = " " * (width - _width(text))
    return pad + text if right else text + pad


def _short(row: RowSpec) -> str:
    label = _NOTE.sub("", row.label)
    return f"{row.group.label} {label}" if row.group and label[:1].isdigit() else label


def _value(value: CellValue) -> str:
    return "—" if value is None else str(value)


def _blocks(rows: Iterable[RowSpec]) -> list[list[RowSpec]]:
    blocks: list[list[RowSpec]] = []
    for row in rows:
        labels = [c.label for c in row.columns]
        if blocks and [c.label for c in blocks[-1][0].columns] == labels:
            blocks[-1].append(row)
        else:
            blocks.append([row])
    return blocks


def render_table(report: Report, *, label_width: int = 28) -> str:
    """Render a report as plain-text tables for a terminal (blank shown as —)."""
    spec = REGISTRY.of(report)
    values = spec.flatten(report)
    meta = report.meta
    lines = [
        f"{meta.title or '(untitled report)'}",
        (
            f"template {spec.template} · agency {meta.agency or '—'} · year {meta.year or '—'}"
            f" · published {meta.published or '—'} · 索引号 {meta.index_number or '—'}"
        ),
    ]
    if meta.processing_fee_yuan is not None:
        lines.append(f"信息处理费 {meta.processing_fee_yuan} 元")
    for table in spec.tables:
        lines += ["", table.label]
        for block in _blocks(table.rows):
            headers = [c.label for c in block[0].columns]
            widths = [max(6, _width(h)) for h in headers]
            lines.append(
                _fit("", label_width)
                + " "
                + " ".join(_fit(h, w, right=True) for h, w in zip(headers, widths, strict=True))
            )
            for row in block:
                cells = [_value(values[row.cell_key(c)]) for c in row.columns]
                lines.append(
                    _fit(_short(row), label_width)
                    + " "
                    + " ".join(_fit(v, w, right=True) for v, w in zip(cells, widths, strict=True))
                )
    return "\n".join(lines)


def _meta_lines(report: Report) -> list[str]:
    """The meta block: explicit "报告标题: …" lines the parser prefers to inference."""
    meta = report.meta
    fields = [
        ("报告标题", meta.title), ("报告机构", meta.agency), ("报告年度", meta.year),
        ("发布日期", meta.published), ("索引号", meta.index_number),
    ]  # fmt: skip
    lines = [f"{label}: {value}" for label, value in fields if value is not None]
    if meta.processing_fee_yuan is not None:
        lines.append(f"本年度收取信息处理费{meta.processing_fee_yuan}元。")
    return lines


def render_text(report: Report) -> str:
    """Render the statistical tables as canonical scraped text: one row a line, cells ``|``-ended.

    Blank cells are written empty, so ``parse(render_text(r))`` gives back every cell of ``r``.
    """
    spec = REGISTRY.of(report)
    values = spec.flatten(report)
    lines = _meta_lines(report)
    for table in spec.tables:
        lines.append(table.label)
        if table.layout == "value_block":
            lines.append(" | ".join(r.label for r in table.rows) + " |")
            lines.append(" | ".join(c.label for c in table.rows[0].columns) + " |")
            block = [cell_text(r, c, values) for r in table.rows for c in r.value_columns]
            lines.append(" | ".join(block) + " |")
            continue
        group = None
        for row in table.rows:
            labels = [row.label]
            if row.group is not None and row.group != group:
                labels.insert(0, row.group.label)
            group = row.group
            if row.indicator:  # v2015: 指标 | 单位 | 统计数
                labels.append(row.columns[0].unit)
            cells = [cell_text(row, c, values) for c in row.value_columns]
            lines.append(" | ".join([*labels, *cells]) + " |")
    return "\n".join(lines) + "\n"


def cell_text(row: RowSpec, column: ColumnSpec, values: dict[str, CellValue]) -> str:
    """A value cell as printed: its number and the unit written with it; blank is empty."""
    value = values[row.cell_key(column)]
    if value is None:
        return ""
    unit = next((values[row.cell_key(c)] for c in row.columns if c.unit_of == column.name), None)
    return f"{value}{unit or ''}"


def td(text: object, *, rowspan: int = 1, colspan: int = 1) -> str:
    """A table cell holding ``text``, escaped."""
    attrs_ = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f"<td{attrs_}>{html.escape(str(text))}</td>"


def _values_html(row: RowSpec, cell: CellWriter) -> str:
    return "".join(cell(row, c) for c in row.value_columns)


def _header_html(table: TableSpec, label_columns: int) -> list[str]:
    """The header rows of a table: its corner, ``over`` its columns, their ``under`` headers."""
    columns = table.rows[0].value_columns
    depth = 1 + (table.over is not None) + any(c.under for c in columns)
    top = [td(table.corner or "", rowspan=depth, colspan=label_columns)]
    if table.over is not None:
        top.append(td(table.over, colspan=len(columns)))
        rows = ["<tr>" + "".join(top) + "</tr>"]
        middle: list[str] = []
    else:
        rows, middle = [], top
    lower: list[str] = []
    for i, column in enumerate(columns):
        if column.under is None:
            middle.append(td(column.label, rowspan=depth - len(rows)))
        elif i == 0 or columns[i - 1].under != column.under:
            span = 1
            while i + span < len(columns) and columns[i + span].under == column.under:
                span += 1
            middle.append(td(column.under, colspan=span))
        if column.under is not None:
            lower.append(td(column.label))
    rows.append("<tr>" + "".join(middle) + "</tr>")
    if lower:
        rows.append("<tr>" + "".join(lower) + "</tr>")
    return rows


def _banded_html(table: TableSpec, cell: CellWriter) -> list[str]:
    """A table with bands down its side (table 三 as the notices print it).

    Three label columns: the band, the group, the row; a row outside any band
    or group spans the columns it does not use.
    """
    out = _header_html(table, 3)
    first_of = {band.rows[0].key: band for band in table.bands}
    banded = {r.key for band in table.bands for r in band.rows}
    seen_groups: set[str] = set()
    for row in table.rows:
        cells = ""
        if row.key not in banded:
            cells = td(row.label, colspan=3)
        else:
            band = first_of.get(row.key)
            if band is not None:
                cells += td(band.label, rowspan=len(band.rows))
            if row.group is None:
                cells += td(row.label, colspan=2)
            else:
                if row.group.key not in seen_groups:
                    seen_groups.add(row.group.key)
                    size = sum(r.group == row.group for r in table.rows)
                    cells += td(row.group.label, rowspan=size)
                cells += td(row.label)
        out.append("<tr>" + cells + _values_html(row, cell) + "</tr>")
    return out


def _block_html(table: TableSpec, cell: CellWriter) -> list[str]:
    """Table 四 as printed: two header rows over one row of 15 values."""
    first, *litigation = table.rows
    names = [c.label for c in first.value_columns]
    width = len(names)
    return [
        "<tr>"
        + td(first.label, colspan=width)
        + td(litigation[0].label.split()[0], colspan=width * len(litigation))
        + "</tr>",
        "<tr>"
        + "".join(td(n, rowspan=2) for n in names)
        + "".join(td(r.label.split()[-1], colspan=width) for r in litigation)
        + "</tr>",
        "<tr>" + "".join(td(n) for _ in litigation for n in names) + "</tr>",
        "<tr>" + "".join(_values_html(r, cell) for r in table.rows) + "</tr>",
    ]


def _rows_html(table: TableSpec, cell: CellWriter) -> list[str]:
    """Table 二 (a header per block of rows) and the v2015 indicator list."""
    out: list[str] = []
    single = table.indicator_list
    group = None
    for block in _blocks(table.rows):
        if not single:
            head = [c.label for c in block[0].value_columns]
            out.append("<tr>" + td("信息内容") + "".join(td(h) for h in head) + "</tr>")
        for row in block:
            if single and row.group is not None and row.group != group:
                out.append("<tr>" + td(row.group.label) + td("") + td("") + "</tr>")
            group = row.group
            unit = td(row.columns[0].unit) if single else ""
            out.append("<tr>" + td(row.label) + unit + _values_html(row, cell) + "</tr>")
    return out


def tables_html(report: Report, cell: CellWriter | None = None) -> list[str]:
    """The statistical tables of ``report`` as the notices print them, as lines of HTML.

    ``cell`` writes each value cell's ``<td>``; by default its printed text.
    """
    spec = REGISTRY.of(report)
    if cell is None:
        values = spec.flatten(report)

        def cell(row: RowSpec, column: ColumnSpec) -> str:
            return td(cell_text(row, column, values))

    body: list[str] = []
    # An indicator list (v2015) is printed as one long table; other forms a table each.
    one_table = spec.indicator_list
    if one_table:
        body.append('<table border="1"><tr><td>统计指标</td><td>单位</td><td>统计数</td></tr>')
    for table in spec.tables:
        if not one_table:
            body.append(f'<p>{html.escape(table.label)}</p><table border="1">')
        if table.layout == "value_block":
            rows = _block_html(table, cell)
        elif table.bands:
            rows = _banded_html(table, cell)
        else:
            rows = _rows_html(table, cell)
        body.extend(rows)
        if not one_table:
            body.append("</table>")
    if one_table:
        body.append("</table>")
    return body


def render_html(report: Report) -> str:
    """Render a report as an HTML page with its tables laid out as the notices print them."""
    title = html.escape(report.meta.title or "")
    body = [f"<h1>{title}</h1>"] if title else []
    body += [f"<p>{html.escape(line)}</p>" for line in _meta_lines(report)]
    body += tables_html(report)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>'
        f"{title}</title></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _md(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "¦") for c in cells) + " |"


def render_markdown(report: Report) -> str:
    """Render a report as Markdown: a heading and one pipe table per block of rows.

    Group and item share the label cell ("(三)不予公开 1.属于国家秘密"); blank
    cells are empty; ``parse`` reads the result back cell for cell.
    """
    spec = REGISTRY.of(report)
    values = spec.flatten(report)
    out = [f"# {report.meta.title}", ""] if report.meta.title else []
    out += [f"- {line}" for line in _meta_lines(report)]
    for table in spec.tables:
        out += ["", f"## {table.label}", ""]
        single = table.indicator_list
        for block in [list(table.rows)] if single else _blocks(table.rows):
            head = ["统计指标", "单位", "统计数"] if single else [
                "项目", *(c.label for c in block[0].value_columns)
            ]  # fmt: skip
            out += [_md(head), _md(["---"] * len(head))]
            for row in block:
                label = row.label if row.group is None else f"{row.group.label} {row.label}"
                unit = [row.columns[0].unit] if single else []
                cells = [cell_text(row, c, values) for c in row.value_columns]
                out.append(_md([label, *unit, *cells]))
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def render(report: Report, *, format: str = "text") -> str:  # noqa: A002 - the CLI's word
    """Render a report as ``text`` (scraped ``|`` layout), ``md``, ``html`` or ``table``.

    ``parse(render(r, format=f)).report`` gives back every cell of ``r`` for
    ``text``, ``md`` and ``html``; ``table`` is for people.

    Raises:
        ValueError: an unknown format.
    """
    renderers = {
        "text": render_text,
        "md": render_markdown,
        "html": render_html,
        "table": render_table,
    }
    if format not in renderers:
        raise ValueError(f"unknown format {format!r}; one of {', '.join(renderers)}")
    return renderers[format](report)
