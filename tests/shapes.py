"""Turn reports into the shapes scrapers and extractors produce (test helpers).

Text layouts (one cell a line, full width, PDF text, dropped cells) and real
Word and PDF files, of canonical text or of the example report.
"""

from __future__ import annotations

import functools
import io
import random
import re
import zipfile
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import attrs

import govinfo
from govinfo.models import REGISTRY


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
        out.extend(f"{c} |" for c in cells)  # an empty cell: " |"
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


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{main}" ContentType='
    '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="{kind}/officeDocument" Target="{main}"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships'
    '/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title>'
    "</cp:coreProperties>"
)


def docx_package(
    body: str,
    *,
    title: str = "",
    main: str = "word/document.xml",
    ns: str = W_NS,
    prolog: str = "",
) -> bytes:
    """A real .docx package whose document body is ``body`` (WordprocessingML, prefix ``w:``).

    Written by hand, as a zip of the parts Word needs (content types, the
    package relationships naming ``main``, the core properties with
    ``title``), so that a test controls every element. ``ns`` is the
    namespace of the ``w:`` prefix (strict OOXML has its own); ``prolog``
    goes before the root element (a DOCTYPE).
    """
    kind = (
        "http://purl.oclc.org/ooxml/officeDocument/relationships"
        if ns != W_NS
        else "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{ns}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES.format(main=main))
        package.writestr("_rels/.rels", _RELS.format(kind=kind, main=main))
        package.writestr("docProps/core.xml", _CORE.format(title=xml_escape(title)))
        package.writestr(main, document)
    return out.getvalue()


def w_p(text: str = "", *, runs: Sequence[str] = ()) -> str:
    """A paragraph of ``text`` in one run (or of ``runs``, each its own run)."""
    parts = runs or ([text] if text else [])
    return "<w:p>" + "".join(f"<w:r><w:t>{xml_escape(r)}</w:t></w:r>" for r in parts) + "</w:p>"


def w_tc(*paragraphs: str, span: int | None = None, merge: str | None = None) -> str:
    """A table cell of ``paragraphs`` (texts, or XML when they start with ``<``)."""
    props = (f'<w:gridSpan w:val="{span}"/>' if span else "") + (
        ""
        if merge is None
        else "<w:vMerge/>"
        if merge == "continue"
        else '<w:vMerge w:val="restart"/>'
    )
    content = "".join(p if p.startswith("<") else w_p(p) for p in paragraphs) or "<w:p/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def w_tbl(rows: Sequence[Sequence[str]], columns: int | None = None) -> str:
    """A table of ``rows`` of cell XML (``w_tc``), with a grid of ``columns`` if given."""
    grid = (
        ""
        if columns is None
        else "<w:tblGrid>" + '<w:gridCol w:w="1000"/>' * columns + "</w:tblGrid>"
    )
    return (
        f"<w:tbl><w:tblPr/>{grid}"
        + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows)
        + "</w:tbl>"
    )


def _marked_up(text: str, rng: random.Random) -> str:
    """A paragraph of ``text`` as Word writes one (``rng`` chooses where and what).

    Its runs are split anywhere and carry run properties; proofing marks and
    bookmarks stand between them, and some are inside a hyperlink.
    """
    cuts = (
        sorted(rng.sample(range(1, len(text)), min(len(text) - 1, rng.randrange(3))))
        if len(text) > 1
        else []
    )
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    runs = []
    for piece in pieces:
        run = (
            '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="21"/></w:rPr>'
            f'<w:t xml:space="preserve">{xml_escape(piece)}</w:t></w:r>'
        )
        wrap = rng.randrange(6)
        if wrap == 0:
            run = f'<w:hyperlink w:history="1">{run}</w:hyperlink>'
        elif wrap == 1:
            run = f'<w:proofErr w:type="spellStart"/>{run}<w:proofErr w:type="spellEnd"/>'
        elif wrap == 2:
            run = f'<w:bookmarkStart w:id="0" w:name="_Toc1"/>{run}<w:bookmarkEnd w:id="0"/>'
        runs.append(run)
    return '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>' + "".join(runs) + "</w:p>"


def _in_control(xml: str, rng: random.Random) -> str:
    """``xml`` as it is, or (one time in five) inside a content control (``w:sdt``)."""
    if rng.randrange(5):
        return xml
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{xml}</w:sdtContent></w:sdt>'
    )


def _xml_table(rows: list[list[str]], rng: random.Random) -> str:
    """One table of ``rows``, as ``_docx_table`` lays it out, in varied real-world markup.

    Shorter rows spread their cells with ``gridSpan``; a group label is one
    cell merged down its items' rows (``vMerge``). Cells, rows and
    paragraphs are at times inside content controls; a blank cell is an
    empty paragraph, or none with text.
    """
    width = max(len(r) for r in rows)
    out: list[str] = []
    group: int | None = None
    for i, cells in enumerate(rows):
        tcs: list[str] = []
        if group is not None and len(cells) == width - 1 and _GROUP_ITEM.match(cells[0]):
            tcs.append(w_tc(merge="continue"))
            spans = [1] * len(cells)
        else:
            group = i if len(cells) == width > 2 and _GROUP_ITEM.match(cells[1]) else None
            spans = _spans(len(cells), width)
        for j, (text, span) in enumerate(zip(cells, spans, strict=True)):
            merge = "restart" if group == i and j == 0 else None
            paragraph = (
                _marked_up(text, rng)
                if text
                else rng.choice(["<w:p/>", "<w:p><w:r><w:t></w:t></w:r></w:p>"])
            )
            tcs.append(
                _in_control(
                    w_tc(_in_control(paragraph, rng), span=span if span > 1 else None, merge=merge),
                    rng,
                )
            )
        out.append(
            _in_control(f'<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>{"".join(tcs)}</w:tr>', rng)
        )
    grid = (
        "<w:tblGrid>" + '<w:gridCol w:w="1000"/>' * width + "</w:tblGrid>"
        if rng.randrange(4)
        else ""
    )
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>{grid}{"".join(out)}</w:tbl>'


def report_docx_xml(report: govinfo.Report, rng: random.Random) -> bytes:
    """The report as a hand-written Word document, as :func:`report_docx` lays it out.

    Its markup varies as Word's does (``rng`` chooses): runs split anywhere
    with their properties, proofing marks and bookmarks between them,
    hyperlinks, content controls around paragraphs, cells and rows, blank
    cells written two ways, a table grid declared or not.
    """
    headings = {
        t.label: [] if t.layout == "value_block" else ["项目", "数量"]
        for t in REGISTRY.of(report).tables
    }
    text = govinfo.render(attrs.evolve(report, meta=govinfo.Meta()))
    body: list[str] = [_marked_up(TITLE, rng), *(_marked_up(p, rng) for p in PROSE)]
    rows: list[list[str]] | None = None
    for line in text.splitlines():
        if line in headings:
            if rows:
                body.append(_xml_table(rows, rng))
            body.append(_in_control(_marked_up(line, rng), rng))
            rows = [list(headings[line])] if headings[line] else []
        elif rows is None:
            body.append(_marked_up(line, rng) if line else "<w:p/>")
        else:
            rows.append([c.strip() for c in line.split("|")[:-1]] if "|" in line else [line])
    if rows:
        body.append(_xml_table(rows, rng))
    return docx_package("".join(body), title=TITLE)


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


def collapsed(text: str) -> str:
    """What a scraper that drops empty cells writes."""
    lines = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.split("|")[:-1]]
        lines.append(" | ".join(c for c in cells if c) + " |" if "|" in line else line)
    return "\n".join(lines) + "\n"


_VERTICAL_HEADER = ["商 科 社 法 其", "业 研 会 律 他", "企 机 公 服", "业 构 益 务"]
_TABLE4_HEADER = [
    "行政复议 行政诉讼",
    "结 结 其 尚 总 未经复议直接起诉 复议后起诉",
    "果 果 他 未 计 结 结 其 尚 总 结 结 其 尚 总",
    "维 纠 结 审 果 果 他 未 计 果 果 他 未 计",
    "持 正 果 结 维 纠 结 审 维 纠 结 审",
]


def pdf_text(report: govinfo.Report, *, wrap: int = 24, page_every: int = 12) -> str:
    """Lay the canonical text out as a PDF extractor would.

    Cells are separated by single spaces, blank cells print as "-", labels longer than
    ``wrap`` characters are wrapped onto the next line, table 三's header words
    are printed vertically, table 四's 15 numbers stand on one line, and a page
    footer and header interrupt the tables every ``page_every`` lines.
    """
    out: list[str] = []
    page = 1
    for line in govinfo.render(report).splitlines():
        if "|" not in line:
            out.append(line)
            if line.startswith("三、收到和处理"):
                out += ["申请人情况", "自然人 法人或其他组织 总计", *_VERTICAL_HEADER]
            continue
        cells = [c.strip() for c in line.split("|")[:-1]]
        if cells and cells[0] == "行政复议":
            out += _TABLE4_HEADER
            continue
        if cells and cells[0] == "结果维持":
            continue
        n = next((i for i, c in enumerate(cells) if not c or _is_number(c)), len(cells))
        labels = cells[:n]
        values = [c or "-" for c in cells[n:]]  # a blank cell printed as a dash
        label = " ".join(labels)
        if len(label) > wrap:
            out.append(label[:wrap])
            label = label[wrap:]
        out.append(" ".join([label, *values]).strip())
        if len(out) % page_every == 0:
            out += [f"- {page} -", "某某县人民政府信息公开工作年度报告"]
            page += 1
    return "\n".join(out) + "\n"


def _is_number(text: str) -> bool:
    return text.lstrip("+-").replace(".", "", 1).rstrip("元万").isdigit()


TITLE = "某某县人民政府办公室政府信息公开工作年度报告"
PROSE = (
    "一、总体情况",
    "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。",
)
HEADER = "某某县人民政府办公室政府信息公开工作年度报告"


def report_docx(report: govinfo.Report) -> bytes:
    """The report as a Word document: title, prose, then one table per report table.

    Every table but a value block gets a header row ``项目 | 数量`` whose cells are
    merged across the columns; a value block's own header is merged already.
    """
    headings = {
        t.label: [] if t.layout == "value_block" else ["项目", "数量"]
        for t in REGISTRY.of(report).tables
    }
    # The title is not a cell (and a generated one may hold characters XML cannot).
    # Generated meta text may hold control characters, which Word's XML refuses.
    untitled = attrs.evolve(report, meta=govinfo.Meta())
    text = govinfo.render(untitled)
    return as_docx(text, headings=headings, title=TITLE, prose=PROSE)


@functools.cache
def example_docx() -> bytes:
    """The example report as a Word document."""
    return report_docx(govinfo.parse_example().report)


@functools.cache
def example_pdf_pages() -> tuple[tuple[str, ...], ...]:
    """The example report's lines as PDF text, over two pages."""
    lines = spaced(govinfo.render(govinfo.parse_example().report)).splitlines()
    half = len(lines) // 2
    return tuple(lines[:half]), tuple(lines[half:])


@functools.cache
def example_pdf() -> bytes:
    """The example report as a two-page PDF with a running header and page numbers."""
    return as_pdf(example_pdf_pages(), header=HEADER, title=TITLE)


#: Table 三's value columns, printed in narrow header cells: a character a line.
TABLE3_HEADER = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


@attrs.frozen
class PdfLook:
    """How :func:`as_table_pdf` draws a report: its page furniture and its tables.

    Every page has ``header`` at the top and ``footer`` and the page number
    (``page_number`` formatted with ``page``) at the bottom. ``ruled`` draws
    every cell's borders; otherwise tables have none. Labels wrap in their
    ``label_width`` columns. A table's header row is repeated on each page it
    runs over when ``repeat_header``. With ``sub_headers``, each part of a
    table whose rows hold another number of values starts with a row naming
    its columns (as 信息内容 | 本年处理决定数量 does in the forms). With
    ``passwords`` (user, owner), the file is encrypted as publishers restrict
    copying: an empty user password opens it, the owner's sets permissions.
    """

    ruled: bool = True
    header: str | None = None
    footer: str | None = None
    page_number: str | None = "- {page} -"
    repeat_header: bool = True
    label_width: float = 130
    font_size: float = 9
    sub_headers: bool = False
    passwords: tuple[str, str] | None = None


def _table_rows(lines: Sequence[str], header: Sequence[str], look: PdfLook) -> list[list[str]]:
    """The rows of one table: its header cells, then its ``|`` lines (sub-headers added)."""
    rows = [list(header)] if header else []
    for line in lines:
        cells = [c.strip() for c in line.split("|")[:-1]] if "|" in line else [line]
        data_rows = [r for r in rows if _values(r)]
        if (
            look.sub_headers
            and len(cells) > _values(cells)  # a row with a label
            and (data_rows or not header)
            and _values(cells) != _values(data_rows[-1] if data_rows else [])
        ):
            # A part of the table with other columns has their names, as forms do.
            rows.append(["信息内容", *(f"第{_NUMERALS[i]}栏" for i in range(_values(cells)))])
        rows.append(cells)
    return rows


def _pdf_table(rows: list[list[str]], *, headed: bool, look: PdfLook, style: Any) -> Any:
    """A reportlab table of ``rows``: shorter rows spread with spans, labels wrapping."""
    from reportlab.lib import colors  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.platypus import Paragraph, Table, TableStyle  # noqa: PLC0415

    n = max(len(r) for r in rows)
    body = [r for r in rows if _values(r)] or rows
    labels = max(
        next((i for i, c in enumerate(r) if c == "" or _is_number(c)), len(r)) for r in body
    )
    labels = max(1, min(labels, n - 1))
    # Figures of five digits stay on one line, as forms print them.
    value_width = min(38.0, (A4[0] - 100 - look.label_width) / max(n - labels, 1))
    widths = [look.label_width / labels] * labels + [value_width] * (n - labels)
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for r, cells in enumerate(rows):
        row: list[Any] = []
        for cell, span in zip(cells, _spans(len(cells), n), strict=True):
            if span > 1:
                commands.append(("SPAN", (len(row), r), (len(row) + span - 1, r)))
            row += [Paragraph(cell, style) if cell else "", *[""] * (span - 1)]
        data.append(row)
    if look.ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    repeat = 1 if look.repeat_header and headed else 0
    return Table(data, colWidths=widths, style=TableStyle(commands), repeatRows=repeat,
                 hAlign="LEFT")  # fmt: skip


def as_table_pdf(
    text: str,
    *,
    headings: Mapping[str, Sequence[str]],
    title: str | None = None,
    prose: Sequence[str] = (),
    look: PdfLook = PdfLook(),
) -> bytes:
    """A real PDF (reportlab platypus, STSong-Light) of canonical report text, tables drawn.

    As :func:`as_docx`: each line of ``text`` in ``headings`` is a paragraph
    starting a table whose first row is the header cells ``headings`` gives;
    the ``|`` lines after it are its rows, shorter rows spread with spans. A
    header of a value column is a character or two a line in its narrow
    column. ``look`` says how pages and tables are drawn.
    """
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    size = look.font_size
    style = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=size, leading=size * 1.3,
                           wordWrap="CJK")  # fmt: skip
    width, height = A4

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        if look.header:
            canvas.drawCentredString(width / 2, height - 40, look.header)
        if look.footer:
            canvas.drawCentredString(width / 2, 45, look.footer)
        if look.page_number:
            canvas.drawCentredString(width / 2, 28, look.page_number.format(page=doc.page))
        canvas.restoreState()

    story: list[Any] = [Paragraph(p, style) for p in ([title] if title else []) + list(prose)]
    table: list[str] | None = None  # the lines of the table being read
    header: Sequence[str] = ()

    def flush() -> None:
        rows = _table_rows(table or [], header, look)
        if rows:
            story.append(_pdf_table(rows, headed=bool(header), look=look, style=style))

    for line in text.splitlines():
        if line in headings:
            flush()
            story.append(Paragraph(line, style))
            table, header = [], headings[line]
        elif table is None:
            story.append(Paragraph(line, style))
        else:
            table.append(line)
    flush()
    out = io.BytesIO()
    encrypt = None
    if look.passwords is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption  # noqa: PLC0415

        user, owner = look.passwords
        encrypt = StandardEncryption(user, owner, canCopy=0, canModify=0, canAnnotate=0)
    doc = SimpleDocTemplate(out, pagesize=A4, title=title or "", topMargin=60, bottomMargin=60,
                            leftMargin=50, rightMargin=50, encrypt=encrypt)  # fmt: skip
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue()


_NUMERALS = "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸"


def _values(cells: Sequence[str]) -> int:
    """How many value cells (numbers or blanks) a row ends with."""
    return next((len(cells) - i for i, c in enumerate(cells) if c == "" or _is_number(c)), 0)


def report_pdf(
    report: govinfo.Report,
    look: PdfLook = PdfLook(),
    prose: Sequence[str] = PROSE,
) -> bytes:
    """The report as a PDF: title, prose, then one drawn table per report table.

    Table 三 gets its value columns' names as a header row (a character or
    two a line, in narrow columns), table 四 the names of its fifteen columns;
    borderless, each part of a table names its columns.
    """
    tables = REGISTRY.of(report).tables
    headings: dict[str, Sequence[str]] = {t.label: () for t in tables}
    three = next((t.label for t in tables if t.label.startswith("三、收到和处理")), None)
    if three is not None:
        headings[three] = ["项目", *TABLE3_HEADER]
    untitled = attrs.evolve(report, meta=govinfo.Meta())
    leaves = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |"
    text = govinfo.render(untitled).replace(leaves, " ".join([leaves] * 3))
    if not look.ruled:
        look = attrs.evolve(look, sub_headers=True)
    return as_table_pdf(text, headings=headings, title=TITLE, prose=prose, look=look)
