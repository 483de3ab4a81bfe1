"""The .pdf adapter: real PDF files in, parser text out, page furniture removed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.inputs.pdf import from_pdf, page_lines
from govinfo.reading.cells import lay_out
from helpers import cell_values
from shapes import HEADER, TITLE, as_pdf, example_pdf, example_pdf_pages


class TestPdf:
    """PDF text layers read as the parser's text."""

    def test_furniture_removed_and_pages_kept(self) -> None:
        """Page numbers and the running header go; every table line stays, with its page."""
        doc = from_pdf(example_pdf())
        text, source_lines, _ = lay_out(doc)
        pages = example_pdf_pages()
        lines = text.splitlines()
        assert lines == [line for page in pages for line in page]
        assert HEADER not in lines
        assert "- 1 -" not in lines
        assert "- 2 -" not in lines
        assert source_lines == (1,) * len(pages[0]) + (2,) * len(pages[1])
        assert doc.kind == "pdf"
        assert doc.title == TITLE

    def test_round_trip(self) -> None:
        """Every cell of the example report reads back from its whitespace-separated PDF text."""
        result = govinfo.parse(lay_out(from_pdf(example_pdf())).text)
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
        text, source_lines, _ = lay_out(doc)
        assert text.splitlines() == [line for page in pages for line in page]
        assert source_lines == (1, 1, 2, 2, 3)
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


class TestBadPdf:
    """Unreadable PDF files raise InputError, never pdfplumber's own exception."""

    @pytest.mark.parametrize("data", [b"%PDF-1.4 garbage", b"not a pdf", b""])
    def test_pdf_corrupt(self, data: bytes) -> None:
        """Bytes that are not a PDF raise InputError."""
        with pytest.raises(govinfo.InputError, match="PDF"):
            from_pdf(data)

    def test_pdf_truncated(self) -> None:
        """A PDF cut short raises InputError."""
        with pytest.raises(govinfo.InputError, match="PDF"):
            from_pdf(example_pdf()[:400])
