"""Turn canonical report text into the shapes scrapers produce (test helpers)."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any


def cell_per_line(text: str, width: int = 10) -> str:
    """One cell per line ending in ``|``; each row padded to ``width`` cells by a run of ``|``.

    This is the layout of seed 004: the scraper wrote every table cell on its own
    line and padded short rows (labels spanning several columns) at the end.
    """
    out = []
    for line in text.splitlines():
        if "|" not in line:
            out.append(line)
            continue
        cells = [c.strip() for c in line.split("|")[:-1]]
        out.extend(f"{c} |" if c else "|" for c in cells)
        if len(cells) < width:
            out.append("|" * (width - len(cells)))
    return "\n".join(out) + "\n"


def full_width(text: str) -> str:
    """Digits, letters and ASCII punctuation written full-width, as many pages do."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and c != "|" else c for c in text)


_GROUP_ITEM = re.compile(r"^\d+[.．]")


def _spans(count: int, width: int) -> list[int]:
    """How many grid columns each of ``count`` cells takes in a row ``width`` columns wide."""
    if width % count == 0:
        return [width // count] * count
    return [width - count + 1] + [1] * (count - 1)


def _docx_table(document: Any, rows: list[list[str]]) -> None:
    """One Word table of ``rows``, shorter rows merged across columns, groups merged down.

    A row of fewer cells than the table spreads them over the columns with
    merged cells. A group row (``(三)不予公开 | 1.属于国家秘密 | …``) and the
    item rows after it (``2.… | …``, one cell fewer) share one vertically
    merged group cell, as in the published forms.
    """
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)

    def cell(i: int, j: int) -> Any:  # table.cell() lays out the whole table on every call
        return table.rows[i].cells[j]

    texts: list[tuple[int, int, str]] = []
    group_start: int | None = None
    for i, cells in enumerate(rows):
        if (
            group_start is not None
            and len(cells) == width - 1
            and _GROUP_ITEM.match(cells[0]) is not None
        ):
            texts += [(i, j + 1, c) for j, c in enumerate(cells)]
            cell(group_start, 0).merge(cell(i, 0))
            continue
        group_start = (
            i if len(cells) == width > 2 and _GROUP_ITEM.match(cells[1]) is not None else None
        )
        col = 0
        for text, span in zip(cells, _spans(len(cells), width), strict=True):
            if span > 1:
                cell(i, col).merge(cell(i, col + span - 1))
            texts.append((i, col, text))
            col += span
    for i, col, text in texts:
        cell(i, col).text = text


def as_docx(
    text: str,
    *,
    headings: Mapping[str, Sequence[str]],
    title: str | None = None,
    prose: Sequence[str] = (),
) -> bytes:
    """A real Word document of canonical report text.

    ``title`` (also the core-properties title) and ``prose`` come first as
    paragraphs. Each line of ``text`` found in ``headings`` is a paragraph that
    starts a new table, whose first row is the header cells ``headings`` gives
    it (if any); the ``|`` lines after it are the rows of that table, and a line
    without ``|`` among them is a row of one cell across the table. Lines before
    the first heading are paragraphs.
    """
    import docx  # noqa: PLC0415

    document = docx.Document()
    if title:
        document.core_properties.title = title
        document.add_paragraph(title)
    for paragraph in prose:
        document.add_paragraph(paragraph)
    rows: list[list[str]] | None = None
    for line in text.splitlines():
        if line in headings:
            if rows:
                _docx_table(document, rows)
            document.add_paragraph(line)
            rows = [list(headings[line])] if headings[line] else []
        elif rows is None:
            document.add_paragraph(line)
        else:
            rows.append([c.strip() for c in line.split("|")[:-1]] if "|" in line else [line])
    if rows:
        _docx_table(document, rows)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def spaced(text: str) -> str:
    """Canonical text as PDF text shows it: the cells of a row separated by spaces."""
    return "\n".join(
        " ".join(c.strip() for c in line.split("|")[:-1]) if "|" in line else line
        for line in text.splitlines()
    )


def as_pdf(
    pages: Sequence[Sequence[str]],
    *,
    header: str | None = None,
    footer: str | None = None,
    page_number: str | None = "- {page} -",
    title: str | None = None,
) -> bytes:
    """A real PDF (reportlab, the STSong-Light CID font) with ``pages`` of lines.

    Every page has ``header`` at the top, ``footer`` and then the page number
    (``page_number`` formatted with ``page`` and ``pages``) at the bottom.
    """
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    if title:
        pdf.setTitle(title)
    width, height = A4
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("STSong-Light", 9)
        if header:
            pdf.drawCentredString(width / 2, height - 40, header)
        y = height - 80
        for line in lines:
            pdf.drawString(50, y, line)
            y -= 15
        if footer:
            pdf.drawCentredString(width / 2, 45, footer)
        if page_number:
            pdf.drawCentredString(width / 2, 28, page_number.format(page=number, pages=len(pages)))
        pdf.showPage()
    pdf.save()
    return out.getvalue()
