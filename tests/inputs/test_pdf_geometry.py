"""PDF tables read by their geometry: real PDF files with drawn tables, made here."""

from __future__ import annotations

import io
import math
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.inputs.document import Grid
from govinfo.inputs.pdf import from_pdf
from govinfo.testing import valid_reports
from helpers import cell_values, rebuild
from shapes import HEADER, PROSE, TABLE3_HEADER, PdfLook, as_pdf, report_pdf

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

#: A PDF matrix (a, b, c, d, e, f): (x, y) to (a·x + c·y + e, b·x + d·y + f).
Matrix = tuple[float, float, float, float, float, float]

FOOTER = "某某县人民政府办公室 印发"
_QUIET = ("unknown-row", "missing-row", "missing-table", "extra-cells", "short-row")


def _with_blanks(report: govinfo.Report) -> govinfo.Report:
    """The report with a blank cell in every column of tables 二, 三 and 四, in turn by row."""
    values = cell_values(report)
    for n, key in enumerate(k for k in values if k.startswith(("requests.", "active.", "review"))):
        if n % 3 == 0:
            values[key] = None
    return rebuild(report, values)


def _grids(data: bytes) -> list[Grid]:
    return [b for b in from_pdf(data).blocks if isinstance(b, Grid)]


def _row_texts(grid: Grid) -> list[list[str]]:
    rows: list[list[str]] = [[] for _ in range(grid.rows)]
    for cell in grid.cells:
        rows[cell.row].append(cell.text)
    return rows


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
class TestTables:
    """Every cell of a report reads back from a PDF of its drawn tables."""

    def test_example(self, ruled: bool) -> None:
        """The example report, with a running header and footer and page numbers."""
        report = govinfo.parse_example().report
        result = govinfo.parse(
            report_pdf(report, PdfLook(ruled=ruled, header=HEADER, footer=FOOTER))
        )
        assert cell_values(result.report) == cell_values(report)
        assert not [d for d in result.diagnostics if d.code in _QUIET]
        lines = result.text.splitlines()
        assert FOOTER not in lines
        assert lines.count(HEADER) == 1  # the title; the running header is gone
        assert "- 1 -" not in lines

    def test_blank_cells_in_every_column(self, ruled: bool) -> None:
        """Blank cells stay blank and never move the values after them."""
        report = _with_blanks(govinfo.parse_example().report)
        blanks = [k for k, v in cell_values(report).items() if v is None]
        assert len(blanks) > 60
        result = govinfo.parse(report_pdf(report, PdfLook(ruled=ruled)))
        assert cell_values(result.report) == cell_values(report)

    def test_labels_wrapped_over_lines(self, ruled: bool) -> None:
        """Labels wrapped over two to four lines in their cells are one label each."""
        report = _with_blanks(govinfo.parse_example().report)
        # Borderless, the label columns are told apart by where their words stand: they
        # must be wide enough for a group label (三、不予公开) on a line or two.
        data = report_pdf(report, PdfLook(ruled=ruled, label_width=80 if ruled else 130))
        texts = [t for g in _grids(data) for row in _row_texts(g) for t in row]
        assert "(二)部分公开(区分处理的,只计这一情形,不计其他情形)" in texts
        assert cell_values(govinfo.parse(data).report) == cell_values(report)

    def test_vertical_headers_joined(self, ruled: bool) -> None:
        """Table 三's header words, printed a character or two a line, are read whole."""
        data = report_pdf(govinfo.parse_example().report, PdfLook(ruled=ruled))
        rows = [r for g in _grids(data) for r in _row_texts(g)]
        assert ["项目", *TABLE3_HEADER] in rows

    def test_table_split_over_pages(self, ruled: bool) -> None:
        """Table 三 over two pages is one table; its header, repeated there, is read once."""
        report = _with_blanks(govinfo.parse_example().report)
        prose = [*PROSE, *["本机关坚持以公开为常态、不公开为例外。"] * 12]  # table 三 lower
        data = report_pdf(report, PdfLook(ruled=ruled, header=HEADER, footer=FOOTER), prose)
        three = next(g for g in _grids(data) if any("本年新收" in c.text for c in g.cells))
        assert len(set(three.lines)) == 2  # the pages its rows are on
        assert [r[:2] for r in _row_texts(three)].count(["项目", "自然人"]) == 1
        assert cell_values(govinfo.parse(data).report) == cell_values(report)


@settings(max_examples=5, deadline=None)
@given(st.sampled_from(["v2021", "v2019", "v2015"]).flatmap(valid_reports))
def test_generated_round_trip(report: govinfo.Report) -> None:
    """Every cell of a valid report of any template reads back from a PDF of its ruled tables."""
    result = govinfo.parse(report_pdf(report))
    assert cell_values(result.report) == cell_values(report)


def _ruled_pages(pages: Sequence[tuple[Sequence[float], Sequence[Sequence[str]]]]) -> bytes:
    """A PDF of one ruled table a page: each page's column edges and its rows of cells.

    The first page's table ends at the page's foot, the others' start at its head.
    """
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=A4)
    for n, (edges, rows) in enumerate(pages):
        top = 60 + 20 * len(rows) if n == 0 else A4[1] - 60
        drawing.setFont("STSong-Light", 9)
        for r, cells in enumerate(rows):
            y = top - 20 * (r + 1)
            for left, text in zip(edges, cells, strict=False):
                drawing.drawString(left + 3, y + 6, text)
        for r in range(len(rows) + 1):
            drawing.line(edges[0], top - 20 * r, edges[-1], top - 20 * r)
        for x in edges:
            drawing.line(x, top, x, top - 20 * len(rows))
        drawing.showPage()
    drawing.save()
    return out.getvalue()


def test_table_going_on_in_other_rules() -> None:
    """A continuation whose rules fall elsewhere stands in the first part's columns.

    Over the page, a label column's rule is gone (a group spanning down ends)
    and a sliver column comes (doubled rules, as Chromium draws separated
    borders): as many columns as before, but not the same ones. Before, they
    were joined by number, and 83447 went under 自然人.
    """
    first = (50, 120, 220, 280, 340, 400)
    then = (50, 220, 280, 340, 400, 404)
    data = _ruled_pages(
        [
            (
                first,
                [
                    ["", "", "自然人", "商业企业", "总计"],
                    ["(五)不予处理", "1.重复申请", "1", "2", "3"],
                ],
            ),
            (then, [["(六)其他处理", "", "83447", "", ""]]),
        ]
    )
    (grid,) = _grids(data)
    columns = {c.text: (c.column, c.colspan) for c in grid.cells if c.text}
    assert columns["83447"] == columns["商业企业"] == (3, 1)
    assert columns["(六)其他处理"] == (0, 2)
    assert max(c.column for c in grid.cells) == 4  # no cell in the sliver


def _lines_pdf(lines: Sequence[tuple[float, str]]) -> bytes:
    """A PDF page of lines of text, each ``(x, text)`` on a line of its own, 16 pt apart."""
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=A4)
    drawing.setFont("STSong-Light", 12)
    for n, (x, text) in enumerate(lines):
        drawing.drawString(x, A4[1] - 80 - 16 * n, text)
    drawing.save()
    return out.getvalue()


def test_sentence_wrapped_over_lines_states_its_figure() -> None:
    """A paragraph's lines, set margin to margin, are one text: a figure across the wrap is read.

    A line break inside a sentence ended it, and the statement: ``申`` / ``请9件``
    lost 受理申请 9. A line ending short, or one indented under it, starts anew.
    """
    data = _lines_pdf(
        [
            (200, "某县2016年政府信息公开工作年度报告"),
            (96, "一、概述"),
            (96, "全年，本机关主动公开政府信息120条，共受理政府信息公开申"),
            (72, "请9件，其中网络申请7件。"),
            (96, "二、存在的问题"),
        ]
    )
    result = govinfo.parse(data)
    report = result.report
    assert isinstance(report, govinfo.ReportV2015)
    assert (report.applications.received, report.applications.online) == (9, 7)
    lines = result.text.splitlines()
    assert "一、概述" in lines
    assert "二、存在的问题" in lines  # after a line ending short, indented: a line of its own


def _redrawn(data: bytes, place: Callable[[Any, float, float], tuple[Any, Matrix]]) -> bytes:
    """``data`` with each page drawn as a form, with a matrix, on a page made anew.

    ``place(out, width, height)`` adds to ``out`` the page for a page of that
    size, and gives it with the matrix the old page is drawn with on it.
    """
    import pypdfium2  # noqa: PLC0415

    source, out = pypdfium2.PdfDocument(data), pypdfium2.PdfDocument.new()
    for i in range(len(source)):
        drawn = source.page_as_xobject(i, out).as_pageobject()
        page, matrix = place(out, *source[i].get_size())
        drawn.transform(pypdfium2.PdfMatrix(*matrix))
        page.insert_obj(drawn)
        page.gen_content()
    written = io.BytesIO()
    out.save(written)
    return written.getvalue()


def _turned(data: bytes, turns: int) -> bytes:
    """``data`` with each page stored turned back ``turns`` quarters and shown turned (/Rotate).

    As a landscape table printed on a portrait page is stored.
    """

    def place(out: Any, width: float, height: float) -> tuple[Any, Matrix]:
        page = out.new_page(*((height, width) if turns % 2 else (width, height)))
        page.set_rotation(90 * turns)
        matrix = {
            1: (0, 1, -1, 0, height, 0),
            2: (-1, 0, 0, -1, width, height),
            3: (0, -1, 1, 0, 0, width),
        }[turns]
        return page, matrix

    return _redrawn(data, place)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
@pytest.mark.parametrize("turns", [1, 2, 3], ids=["90", "180", "270"])
def test_pages_shown_turned(turns: int, ruled: bool) -> None:
    """A page stored turned and shown upright (/Rotate), its content in a form, reads as shown.

    Before, a page turned by a quarter lost what stood below its width (the
    page's size was turned twice), and at 270° every point was misplaced.
    """
    report = _with_blanks(govinfo.parse_example().report)
    data = _turned(report_pdf(report, PdfLook(ruled=ruled)), turns)
    result = govinfo.parse(data)
    assert cell_values(result.report) == cell_values(report)
    assert not [d for d in result.diagnostics if d.code == "aslant-text"]  # shown level


def _moved(data: bytes, *, cropped: bool) -> bytes:
    """``data`` with each page shown from elsewhere than (0, 0) of its user space.

    Its media box moved, or a crop box showing part of a larger media box.
    """

    def place(out: Any, width: float, height: float) -> tuple[Any, Matrix]:
        if cropped:
            page = out.new_page(width + 200, height + 300)
            page.set_cropbox(150, 100, width + 150, height + 100)
            return page, (1, 0, 0, 1, 150, 100)
        page = out.new_page(width, height)
        page.set_mediabox(-300, 500, width - 300, height + 500)
        return page, (1, 0, 0, 1, -300, 500)

    return _redrawn(data, place)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
@pytest.mark.parametrize("cropped", [False, True], ids=["media-box-moved", "crop-box"])
def test_page_boxes_not_at_the_origin(cropped: bool, ruled: bool) -> None:
    """The page shown starts where its crop box (or media box) does, not at (0, 0).

    Before, a media box at (-300, 500) lost every cell, and a crop box some.
    """
    report = _with_blanks(govinfo.parse_example().report)
    data = _moved(report_pdf(report, PdfLook(ruled=ruled, footer=FOOTER)), cropped=cropped)
    result = govinfo.parse(data)
    assert cell_values(result.report) == cell_values(report)
    assert FOOTER not in result.text.splitlines()


def _askew(data: bytes, degrees: float) -> bytes:
    """``data`` with each page's content turned ``degrees`` about its middle, as if placed askew."""

    def place(out: Any, width: float, height: float) -> tuple[Any, Matrix]:
        turn = math.radians(degrees)
        cos, sin = math.cos(turn), math.sin(turn)
        # About the middle: x' = cos·x - sin·y + e, y' = sin·x + cos·y + f.
        e = width / 2 - cos * width / 2 + sin * height / 2
        f = height / 2 - sin * width / 2 - cos * height / 2
        return out.new_page(width, height), (cos, sin, -sin, cos, e, f)

    return _redrawn(data, place)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
@pytest.mark.parametrize("degrees", [-3, 0.5, 2, 8])
def test_page_askew_read_level(degrees: float, ruled: bool) -> None:
    """A page whose text is set askew (placed or scanned at a slant) is read along its lines.

    Before, half a degree lost 25 of 200 cells and read 0 in two blank ones
    (wrong values); two degrees, 80 and 25.
    """
    report = _with_blanks(govinfo.parse_example().report)
    result = govinfo.parse(_askew(report_pdf(report, PdfLook(ruled=ruled)), degrees))
    assert cell_values(result.report) == cell_values(report)
    assert not [d for d in result.diagnostics if d.code == "aslant-text"]


def _watermarked(data: bytes, text: str, degrees: float) -> bytes:
    """``data`` with ``text`` drawn twice across each page, turned by ``degrees``, in grey."""
    import pypdfium2  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    mark = io.BytesIO()
    drawing = canvas.Canvas(mark, pagesize=A4)
    drawing.setFillGray(0.85)
    drawing.setFont("STSong-Light", 36)
    for y in (250, 550):  # over tables 二 and 三
        drawing.saveState()
        drawing.translate(300, y)
        drawing.rotate(degrees)
        drawing.drawCentredString(0, 0, text)
        drawing.restoreState()
    drawing.save()
    pdf = pypdfium2.PdfDocument(data)
    form = pypdfium2.PdfDocument(mark.getvalue()).page_as_xobject(0, pdf)
    for i in range(len(pdf)):
        page = pdf[i]
        page.insert_obj(form.as_pageobject())
        page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
@pytest.mark.parametrize(
    ("mark", "degrees"),
    [("仅供参考 2023年12月", 30), ("某某县人民政府办公室", -45)],
    ids=["a-date-at-30", "a-name-at-minus-45"],
)
def test_watermark_aslant_not_read(mark: str, degrees: float, ruled: bool) -> None:
    """Text set aslant across the tables is not read into their cells; a diagnostic quotes it.

    Before, its characters ran into the cells they crossed: 92 cells of 200
    were lost, and the digits of a date made 0 read 120 (a wrong value).
    """
    report = _with_blanks(govinfo.parse_example().report)
    result = govinfo.parse(_watermarked(report_pdf(report, PdfLook(ruled=ruled)), mark, degrees))
    assert cell_values(result.report) == cell_values(report)
    notes = [d.message for d in result.diagnostics if d.code == "aslant-text"]
    assert len(notes) == 2  # a note a page
    assert all(mark.replace(" ", "") * 2 in note for note in notes)


class TestEncrypted:
    """Files encrypted as publishers restrict copying, and files locked with a password."""

    def test_owner_password_only_reads(self) -> None:
        """An empty user password (permissions only): read whole, budget checked page by page."""
        report = _with_blanks(govinfo.parse_example().report)
        data = report_pdf(report, PdfLook(passwords=("", "owner")))
        assert b"/Encrypt" in data
        result = govinfo.parse(data)
        assert cell_values(result.report) == cell_values(report)
        assert not [d for d in result.diagnostics if d.code in _QUIET]

    def test_user_password_refused(self) -> None:
        """A file that needs a password to open: InputError saying so."""
        data = report_pdf(govinfo.parse_example().report, PdfLook(passwords=("secret", "owner")))
        with pytest.raises(govinfo.InputError, match="encrypted with a password"):
            govinfo.parse(data)


def _scan(data: bytes) -> bytes:
    """A PDF of images of the pages of ``data``: a scan, with no text layer."""
    import pypdfium2  # noqa: PLC0415

    pdf = pypdfium2.PdfDocument(data)
    images = [pdf[i].render(scale=2).to_pil().convert("RGB") for i in range(len(pdf))]
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=144, save_all=True, append_images=images[1:])
    return out.getvalue()


SCANNED = [["二、主动公开政府信息情况", "行政许可 146", "行政处罚 25", "行政强制 3"]]


class TestScans:
    """Pages without a text layer are named, and read with the ``ocr`` extra."""

    def test_no_text_layer_named(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the extra: a no-text-layer diagnostic naming the pages and the extra."""
        monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", None)
        text_page = ["规章 1 2 3"]
        data = _scan(as_pdf([*SCANNED, *SCANNED], page_number=None))
        result = govinfo.parse(data)
        (note,) = [d for d in result.diagnostics if d.code == "no-text-layer"]
        assert "pages 1, 2" in note.message
        assert "govinfo-cn[ocr]" in note.message
        assert not result.report.meta.tables_found
        assert not from_pdf(as_pdf([text_page])).notes

    def test_read_by_ocr(self) -> None:
        """With the extra: the page's values, and a read-by-ocr diagnostic."""
        pytest.importorskip("rapidocr_onnxruntime")
        result = govinfo.parse(_scan(as_pdf(SCANNED, page_number=None)))
        assert [d.code for d in result.diagnostics if d.code.endswith("ocr")] == ["read-by-ocr"]
        assert result.report.active.licensing.decisions == 146
        assert result.report.active.penalty.decisions == 25


def test_nothing_on_stderr(tmp_path: Path) -> None:
    """The command line reads a PDF and says nothing on stderr but its own summary."""
    path = tmp_path / "report.pdf"
    path.write_bytes(
        report_pdf(govinfo.parse_example().report, PdfLook(ruled=False, header=HEADER))
    )
    proc = subprocess.run(
        [sys.executable, "-m", "govinfo", "parse", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert '"issued"' in proc.stdout or "146" in proc.stdout
    assert not [line for line in proc.stderr.splitlines() if "warn" in line.lower()]


def _placed_pdf(pages: Sequence[Sequence[tuple[float, float, str]]]) -> bytes:
    """A PDF of pages of text, each ``(x, y, text)`` at ``y`` points from the page's top."""
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=A4)
    for page in pages:
        drawing.setFont("STSong-Light", 10)
        for x, y, text in page:
            drawing.drawString(x, A4[1] - y, text)
        drawing.showPage()
    drawing.save()
    return out.getvalue()


@pytest.mark.parametrize("where", ["under them", "last on their page", "on the next page"])
def test_figures_wrapped_in_borderless_cells_are_whole(where: str) -> None:
    """Table 四 as Word prints it borderless: totals too wide for their cells wrap, 11 over 1.

    The end of each figure stands under its start, closer than rows stand: on
    the same page (as the page's last line, still no page number), or on the
    next page when the break cut the row. They were read as 11 and 12, and
    their ends as a row of their own.
    """
    xs = [90 + 29 * k for k in range(15)]
    values = ["30", "40", "20", "21", "11", "1", "2", "3", "4", "10", "50", "60", "7", "9", "12"]
    heading = (90, 80, "四、政府信息公开行政复议、行政诉讼情况")
    groups = [(90, 110, "行政复议"), (235, 110, "未经复议直接起诉"), (380, 110, "复议后起诉")]
    header = [
        (x, 135, word)
        for x, word in zip(xs, ["维持", "纠正", "其他", "尚未", "总计"] * 3, strict=True)
    ]
    row = [(x, 160, value) for x, value in zip(xs, values, strict=True)]
    after = [(90, 220, "五、存在的主要问题及改进情况")]
    furniture = [[(290, 800, "- 1 -")], [(290, 800, "- 2 -")]]
    first = [heading, *groups, *header, *row]
    if where == "on the next page":
        ends = [(xs[4], 60, "1"), (xs[14], 60, "6")]
        pages = [[*first, *furniture[0]], [*ends, *after, *furniture[1]]]
    else:
        ends = [(xs[4], 174, "1"), (xs[14], 174, "6")]
        if where == "under them":
            pages = [[*first, *ends, *after, *furniture[0]]]
        else:
            pages = [[*first, *ends, *furniture[0]], [*after, *furniture[1]]]
    result = govinfo.parse(_placed_pdf(pages), template="v2021")
    outcome = result.report.review_litigation
    assert (outcome.review.upheld, outcome.review.pending, outcome.review.total) == (30, 21, 111)
    assert (outcome.litigation_direct.upheld, outcome.litigation_direct.total) == (1, 10)
    assert (outcome.litigation_after_review.upheld, outcome.litigation_after_review.total) == (
        50,
        126,
    )
    assert not [d for d in result.diagnostics if d.code == "unknown-row"]


def test_cell_borders_side_by_side_in_two_tables_close_their_cells() -> None:
    """Two ruled tables, one over the other, whose column borders stand a few points apart.

    As Chromium prints HTML tables (borders drawn as thin rectangles, each
    cell its own): table 二's border pair at 158 and 160, table 三's group
    cell closing at 162 and its items' cells opening at 164. The four are one
    grid line; table 三's items, whose borders start at 164, were read as one
    cell spanning their rows, and their figures as no row.
    """
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    drawing = canvas.Canvas(out, pagesize=A4)
    drawing.setFont("STSong-Light", 8)
    top = A4[1]

    def rule(x0: float, y0: float, x1: float, y1: float) -> None:  # y from the page's top
        drawing.rect(x0, top - y1, x1 - x0, y1 - y0, stroke=0, fill=1)

    def text(x: float, y: float, words: str) -> None:
        drawing.drawString(x, top - y, words)

    text(34, 90, "二、主动公开政府信息情况")
    for y0, label, figure in ((100, "行政许可", "146"), (125, "行政处罚", "2")):
        rule(33.75, y0, 340, y0 + 0.75)
        for x in (33.75, 158.25, 160.5, 339.25):
            rule(x, y0, x + 0.75, y0 + 25)
        text(38, y0 + 16, label)
        text(166, y0 + 16, figure)
    rule(33.75, 150, 340, 150.75)
    text(34, 290, "三、收到和处理政府信息公开申请情况")
    items = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”"]
    right = 302 + 7 * 35
    rule(33.75, 300, right, 300.75)
    rule(33.75, 390, right, 390.75)
    for x in (33.75, 112.5, 162.0, *(302 + 35 * k for k in range(8))):
        rule(x, 300, x + 0.75, 390.75)
    text(38, 348, "三、本年度办理结果")
    text(115, 348, "(三)不予公开")
    for n, item in enumerate(items):
        y0 = 300 + 30 * n
        if n:
            rule(164.25, y0, right, y0 + 0.75)
        rule(164.25, y0, 165.0, y0 + 30)
        text(167, y0 + 18, item)
        for k in range(7):
            text(
                306 + 35 * k,
                y0 + 18,
                str(10 * n + k + 1 if k < 6 else sum(range(10 * n + 1, 10 * n + 7))),
            )
    drawing.save()
    result = govinfo.parse(out.getvalue(), template="v2021")
    denied = result.report.requests.denied
    assert (denied.state_secret.natural_person, denied.state_secret.total) == (1, 21)
    assert (denied.prohibited_by_law.natural_person, denied.prohibited_by_law.total) == (11, 81)
    assert denied.security_stability.total == 141
    assert result.report.active.licensing.decisions == 146
