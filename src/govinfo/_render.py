"""Readable terminal tables, laid out from the template declaration."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from govinfo._spec import CellValue, ColumnSpec, RowSpec, cell_values, spec_for

if TYPE_CHECKING:
    from collections.abc import Iterable

    from govinfo.models import Report

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
    spec = spec_for(type(report))
    values = cell_values(report)
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


def render_text(report: Report) -> str:
    """Render the statistical tables as canonical scraped text: one row a line, cells ``|``-ended.

    Blank cells are written empty, so ``parse(render_text(r))`` gives back every cell of ``r``.
    """
    spec = spec_for(type(report))
    values = cell_values(report)
    lines: list[str] = []
    if report.meta.title:
        lines.append(report.meta.title)
    for table in spec.tables:
        lines.append(table.label)
        if table.layout == "value_block":
            lines.append(" | ".join(r.label for r in table.rows) + " |")
            lines.append(" | ".join(c.label for c in table.rows[0].columns) + " |")
            block = [_cell(r, c, values) for r in table.rows for c in r.value_columns]
            lines.append(" | ".join(block) + " |")
            continue
        group = None
        for row in table.rows:
            labels = [row.label]
            if row.group is not None and row.group != group:
                labels.insert(0, row.group.label)
            group = row.group
            if len(row.columns) == 1 and not row.columns[0].name:  # v2015: 指标 | 单位 | 统计数
                labels.append(row.columns[0].unit)
            cells = [_cell(row, c, values) for c in row.value_columns]
            lines.append(" | ".join([*labels, *cells]) + " |")
    return "\n".join(lines) + "\n"


def _cell(row: RowSpec, column: ColumnSpec, values: dict[str, CellValue]) -> str:
    value = values[row.cell_key(column)]
    if value is None:
        return ""
    unit = next((values[row.cell_key(c)] for c in row.columns if c.unit_of == column.name), None)
    return f"{value}{unit or ''}"
