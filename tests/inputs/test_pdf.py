"""The .pdf adapter: real PDF files in, parser text out, page furniture removed."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.inputs.pdf import from_pdf, page_lines
from govinfo.reading.cells import lay_out
from helpers import cell_values, run_capped
from shapes import HEADER, TITLE, as_pdf, example_pdf, example_pdf_pages

if TYPE_CHECKING:
    from pathlib import Path


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


def _one_page_pdf(contents: bytes) -> bytes:
    """A one-page PDF whose page draws ``contents``, a flate-compressed content stream."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>"
        ),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(contents)
        + contents
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _deflated(chunk: bytes, times: int) -> bytes:
    """``chunk`` * ``times``, compressed a piece at a time (never held inflated)."""
    packer = zlib.compressobj(9)
    return b"".join(packer.compress(chunk) for _ in range(times)) + packer.flush()


class TestBudget:
    """A PDF's pages are checked against the budget before pdfminer lays them out."""

    def test_operator_bomb(self) -> None:
        """2e6 text-show operators on a page (was 242 s, 4.7 GB): InputTooLargeError at once."""
        data = _one_page_pdf(_deflated(b"BT /F1 1 Tf 10 10 Td (1) Tj ET\n", 2_000_000))
        assert len(data) < 2**20
        with pytest.raises(govinfo.InputTooLargeError, match="max_bytes"):
            govinfo.parse(data)
        with pytest.raises(govinfo.InputTooLargeError, match="operators"):
            govinfo.parse(data, max_bytes=10**9)

    def test_flate_bomb(self, tmp_path: Path) -> None:
        """1 MB inflating to 1 GiB: refused once the cap is inflated, never the whole of it."""
        path = tmp_path / "bomb.pdf"
        path.write_bytes(_one_page_pdf(_deflated(b" " * 2**20, 1024)))
        code = f"""if True:
            import govinfo
            try:
                govinfo.parse_file({str(path)!r})
            except govinfo.InputTooLargeError as e:
                print("refused", e)
        """
        proc = run_capped(code)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "decompresses to over" in proc.stdout

    def test_ordinary_pages_within_budget(self) -> None:
        """A page of a few hundred operators reads, also under a small max_bytes."""
        contents = b"BT /F1 12 Tf 72 700 Td (xingzheng 5) Tj ET\n" + b"q 1 0 0 1 0 0 cm Q\n" * 100
        result = govinfo.parse(_one_page_pdf(_deflated(contents, 1)), max_bytes=2**20)
        assert "xingzheng 5" in result.text
