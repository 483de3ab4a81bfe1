"""The .docx and .pdf adapters: real files in, parser text out."""

from __future__ import annotations

import functools
import io
import sys
import zipfile
from collections.abc import Callable

import attrs
import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo._errors import MissingExtraError
from govinfo.formats.render import render_text
from govinfo.inputs.document import Document
from govinfo.inputs.docx import from_docx
from govinfo.inputs.pdf import from_pdf, page_lines
from govinfo.templates.spec import cell_values, spec_for
from govinfo.testing import valid_reports
from shapes import as_docx, as_pdf, spaced

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
        for t in spec_for(type(report)).tables
    }
    # The title is not a cell (and a generated one may hold characters XML cannot).
    # Generated meta text may hold control characters, which Word's XML refuses.
    untitled = attrs.evolve(report, meta=govinfo.Meta())
    text = render_text(untitled)
    return as_docx(text, headings=headings, title=TITLE, prose=PROSE)


def docx_of(build: Callable[[docx.document.Document], None]) -> bytes:
    """A small Word document made by ``build(document)``."""
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@functools.cache
def example_docx() -> bytes:
    """The example report as a Word document."""
    return report_docx(govinfo.parse_example().report)


@functools.cache
def example_pdf_pages() -> tuple[tuple[str, ...], ...]:
    """The example report's lines as PDF text, over two pages."""
    lines = spaced(render_text(govinfo.parse_example().report)).splitlines()
    half = len(lines) // 2
    return tuple(lines[:half]), tuple(lines[half:])


@functools.cache
def example_pdf() -> bytes:
    """The example report as a two-page PDF with a running header and page numbers."""
    return as_pdf(example_pdf_pages(), header=HEADER, title=TITLE)


class TestDocx:
    """Word documents read as the parser's text."""

    def test_example_round_trip(self) -> None:
        """Every cell of the example report reads back from a real .docx of it."""
        report = govinfo.parse_example().report
        doc = from_docx(example_docx())
        assert doc.kind == "docx"
        assert doc.title == TITLE
        result = govinfo.parse(doc.text)
        assert result.template == "v2021"
        assert cell_values(result.report) == cell_values(report)

    @settings(max_examples=5, deadline=None)
    @given(st.sampled_from(["v2021", "v2019", "v2015"]).flatmap(valid_reports))
    def test_generated_round_trip(self, report: govinfo.Report) -> None:
        """Every cell of a valid report of any template reads back from a real .docx of it."""
        result = govinfo.parse(from_docx(report_docx(report)).text)
        assert cell_values(result.report) == cell_values(report)

    def test_document_order_and_prose(self) -> None:
        """Paragraphs and tables keep their order; empty paragraphs go; prose keeps no `|`."""

        def build(document: docx.document.Document) -> None:
            document.add_paragraph("标题")
            document.add_paragraph("")
            document.add_paragraph("a | b")
            table = document.add_table(rows=1, cols=2)
            table.cell(0, 0).text = "规章"
            table.cell(0, 1).text = "3"
            paragraph = document.add_paragraph("第一行")
            paragraph.add_run().add_break()
            paragraph.add_run("第二行")

        doc = from_docx(docx_of(build))
        assert doc.text == "标题\na ¦ b\n规章 | 3 |\n第一行 第二行\n"
        assert doc.title is None
        assert doc.source_lines is None

    def test_horizontal_merge_is_one_cell(self) -> None:
        """A cell merged across columns is written once."""

        def build(document: docx.document.Document) -> None:
            table = document.add_table(rows=2, cols=4)
            table.cell(0, 0).merge(table.cell(0, 2)).text = "行政复议"
            table.cell(0, 3).text = "总计"
            for j, text in enumerate(["a", "1", "2", "3"]):
                table.cell(1, j).text = text

        assert from_docx(docx_of(build)).text == "行政复议 | 总计 |\na | 1 | 2 | 3 |\n"

    def test_vertical_merge_repeats_labels_not_numbers(self) -> None:
        """A label merged down the rows repeats on each; a number merged down is written once."""

        def build(document: docx.document.Document) -> None:
            table = document.add_table(rows=3, cols=3)
            table.cell(0, 0).merge(table.cell(2, 0)).text = "(三)不予公开"
            table.cell(0, 2).merge(table.cell(1, 2)).text = "12件"
            for i in range(3):
                table.cell(i, 1).text = f"{i + 1}.项"
            table.cell(2, 2).text = "5"

        assert from_docx(docx_of(build)).text == (
            "(三)不予公开 | 1.项 | 12件 |\n(三)不予公开 | 2.项 |  |\n(三)不予公开 | 3.项 | 5 |\n"
        )

    def test_nested_table_follows_its_row(self) -> None:
        """A table inside a cell is written as its own rows after the row that holds it."""

        def build(document: docx.document.Document) -> None:
            table = document.add_table(rows=2, cols=2)
            table.cell(0, 0).text = "外"
            inner = table.cell(0, 1).add_table(rows=2, cols=2)
            for i in range(2):
                for j in range(2):
                    inner.cell(i, j).text = f"内{i}{j}"
            table.cell(1, 0).text = "下"
            table.cell(1, 1).text = "1"

        assert from_docx(docx_of(build)).text == (
            "外 |  |\n内00 | 内01 |\n内10 | 内11 |\n下 | 1 |\n"
        )


class TestPdf:
    """PDF text layers read as the parser's text."""

    def test_furniture_removed_and_pages_kept(self) -> None:
        """Page numbers and the running header go; every table line stays, with its page."""
        doc = from_pdf(example_pdf())
        pages = example_pdf_pages()
        lines = doc.text.splitlines()
        assert lines == [line for page in pages for line in page]
        assert HEADER not in lines
        assert "- 1 -" not in lines
        assert "- 2 -" not in lines
        assert doc.source_lines == (1,) * len(pages[0]) + (2,) * len(pages[1])
        assert doc.kind == "pdf"
        assert doc.title == TITLE

    def test_round_trip(self) -> None:
        """Every cell of the example report reads back from its whitespace-separated PDF text."""
        result = govinfo.parse(from_pdf(example_pdf()).text)
        assert cell_values(result.report) == cell_values(govinfo.parse_example().report)

    @pytest.mark.parametrize(
        ("number", "header", "footer"),
        [
            ("{page}", None, None),
            ("- {page} -", None, "某某县人民政府办公室"),
            ("— {page} —", "政府信息公开工作年度报告", None),
            ("－{page}－", None, None),
            ("第{page}页", None, None),
            ("第 {page} 页 共 {pages} 页", "报告", "某某县人民政府办公室"),
            ("{page}/{pages}", None, None),
        ],
    )
    def test_page_number_styles(self, number: str, header: str | None, footer: str | None) -> None:
        """Each page-number style goes, with a running header or footer; "untitled" is no title."""
        pages = [["规章 1 2 3", "行政许可 146"], ["行政处罚 2", "行政强制 0"], ["行政事业性收费 0"]]
        doc = from_pdf(as_pdf(pages, header=header, footer=footer, page_number=number))
        assert doc.text.splitlines() == [line for page in pages for line in page]
        assert doc.source_lines == (1, 1, 2, 2, 3)
        assert doc.title is None


CONTENT = st.lists(
    st.tuples(
        st.sampled_from(
            ["规章", "行政许可", "(一)予以公开", "3.其他", "一、本年新收政府信息公开申请数量"]
        ),
        st.lists(st.integers(0, 9999).map(str), max_size=7),
    ).map(lambda t: " ".join([t[0], *t[1]])),
    min_size=1,
    max_size=40,
    unique=True,
)


class TestPageFurniture:
    """The furniture rules on page text, without PDF files."""

    @given(
        CONTENT,
        st.integers(1, 5),
        st.sampled_from(["{}", "- {} -", "— {} —", "第{}页", "第 {} 页 共 9 页", "{}/9", "－{}－"]),
        st.booleans(),
        st.booleans(),
    )
    def test_furniture_goes_content_stays(
        self, content: list[str], n_pages: int, number: str, header: bool, at_top: bool
    ) -> None:
        """Distinct content lines survive exactly; page numbers and running headers do not."""
        pages = [content[i::n_pages] for i in range(n_pages)]
        pages = [p for p in pages if p]
        texts = []
        for i, page in enumerate(pages, start=1):
            lines = list(page)
            if header and len(pages) >= 2:
                lines.insert(0, "某某局政府信息公开年度报告")
            if at_top:
                lines.insert(0, number.format(i))
            else:
                lines.append(number.format(i))
            texts.append("\n".join(lines))
        lines, source = page_lines(texts)
        assert lines == [line for page in pages for line in page]
        assert source == [i for i, page in enumerate(pages, start=1) for _ in page]

    def test_figures_are_never_running_furniture(self) -> None:
        """A row of bare figures that ends several pages, and a lone number mid-page, stay."""
        pages = ["行政许可\n0 0 0\n- 1 -", "行政处罚\n5\n行政强制\n0 0 0\n- 2 -"]
        lines, source = page_lines(pages)
        assert lines == ["行政许可", "0 0 0", "行政处罚", "5", "行政强制", "0 0 0"]
        assert source == [1, 1, 2, 2, 2, 2]

    def test_header_on_one_page_only_stays(self) -> None:
        """A first line found on one page only is content, not a header."""
        lines, _ = page_lines(["标题\n规章 1", "行政许可 2"])
        assert lines == ["标题", "规章 1", "行政许可 2"]


class TestBadInput:
    """Unreadable files raise InputError, never a library's own exception."""

    @pytest.mark.parametrize(
        "data", [b"not a docx", b"", b"PK\x03\x04garbage", b"%PDF-1.4 garbage"]
    )
    def test_docx_corrupt(self, data: bytes) -> None:
        """Bytes that are not a Word document raise InputError."""
        with pytest.raises(govinfo.InputError, match="docx"):
            from_docx(data)

    def test_docx_other_office_file(self) -> None:
        """A zip package that is not a Word document raises InputError."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("hello.txt", "hi")
        with pytest.raises(govinfo.InputError, match=r"\[Content_Types\]\.xml"):
            from_docx(out.getvalue())

    def test_old_word_file(self) -> None:
        """A Word 97-2003 .doc (an OLE compound file) raises InputError that says so."""
        with pytest.raises(govinfo.InputError, match="OLE compound file"):
            from_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))

    @pytest.mark.parametrize("data", [b"%PDF-1.4 garbage", b"not a pdf", b""])
    def test_pdf_corrupt(self, data: bytes) -> None:
        """Bytes that are not a PDF raise InputError."""
        with pytest.raises(govinfo.InputError, match="PDF"):
            from_pdf(data)

    def test_pdf_truncated(self) -> None:
        """A PDF cut short raises InputError."""
        with pytest.raises(govinfo.InputError, match="PDF"):
            from_pdf(example_pdf()[:400])

    @settings(max_examples=100, deadline=None)
    @given(st.data())
    def test_damaged_files(self, data: st.DataObject) -> None:
        """A real .docx or .pdf with damaged bytes gives a Document or InputError, nothing else."""
        read, good = data.draw(
            st.sampled_from([(from_docx, example_docx()), (from_pdf, example_pdf())])
        )
        damaged = bytearray(good)
        for _ in range(data.draw(st.integers(1, 4))):
            at = data.draw(st.integers(0, len(damaged) - 1))
            damaged[at : at + data.draw(st.integers(0, 8))] = data.draw(st.binary(max_size=4))
        try:
            doc = read(bytes(damaged))
        except govinfo.InputError:
            return
        assert isinstance(doc, Document)


@pytest.mark.parametrize(
    ("read", "module", "extra"), [(from_docx, "docx", "docx"), (from_pdf, "pdfplumber", "pdf")]
)
def test_missing_extra(
    read: Callable[[bytes], Document], module: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the optional library the reader names the extra to install."""
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError, match=rf"govinfo\[{extra}\]"):
        read(b"")
