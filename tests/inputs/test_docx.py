"""The .docx adapter: real Word files in, parser text out."""

from __future__ import annotations

import io
import pathlib
import zipfile
from collections.abc import Callable

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.inputs.document import Budget
from govinfo.inputs.docx import from_docx
from govinfo.reading.cells import lay_out
from govinfo.testing import valid_reports
from helpers import cell_values, run_capped
from shapes import TITLE, example_docx, report_docx


def docx_of(build: Callable[[docx.document.Document], None]) -> bytes:
    """A small Word document made by ``build(document)``."""
    document = docx.Document()
    build(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_text(data: bytes) -> str:
    """The text the parser reads from a Word file's bytes."""
    return lay_out(from_docx(data)).text


class TestDocx:
    """Word documents read as the parser's text."""

    def test_example_round_trip(self) -> None:
        """Every cell of the example report reads back from a real .docx of it."""
        report = govinfo.parse_example().report
        doc = from_docx(example_docx())
        assert doc.kind == "docx"
        assert doc.title == TITLE
        result = govinfo.parse(lay_out(doc).text)
        assert result.template == "v2021"
        assert cell_values(result.report) == cell_values(report)

    @settings(max_examples=5, deadline=None)
    @given(st.sampled_from(["v2021", "v2019", "v2015"]).flatmap(valid_reports))
    def test_generated_round_trip(self, report: govinfo.Report) -> None:
        """Every cell of a valid report of any template reads back from a real .docx of it."""
        result = govinfo.parse(docx_text(report_docx(report)))
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
        text, source_lines, _ = lay_out(doc)
        assert text == "标题\na ¦ b\n规章 | 3 |\n第一行 第二行\n"
        assert doc.title is None
        assert source_lines is None

    def test_horizontal_merge_is_one_cell(self) -> None:
        """A cell merged across columns is written once."""

        def build(document: docx.document.Document) -> None:
            table = document.add_table(rows=2, cols=4)
            table.cell(0, 0).merge(table.cell(0, 2)).text = "行政复议"
            table.cell(0, 3).text = "总计"
            for j, text in enumerate(["a", "1", "2", "3"]):
                table.cell(1, j).text = text

        assert docx_text(docx_of(build)) == "行政复议 | 总计 |\na | 1 | 2 | 3 |\n"

    def test_vertical_merge_repeats_labels_not_numbers(self) -> None:
        """A label merged down the rows repeats on each; a number merged down is written once."""

        def build(document: docx.document.Document) -> None:
            table = document.add_table(rows=3, cols=3)
            table.cell(0, 0).merge(table.cell(2, 0)).text = "(三)不予公开"
            table.cell(0, 2).merge(table.cell(1, 2)).text = "12件"
            for i in range(3):
                table.cell(i, 1).text = f"{i + 1}.项"
            table.cell(2, 2).text = "5"

        assert docx_text(docx_of(build)) == (
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

        assert docx_text(docx_of(build)) == ("外 |  |\n内00 | 内01 |\n内10 | 内11 |\n下 | 1 |\n")


class TestBadDocx:
    """Unreadable Word files raise InputError, never python-docx's own exception."""

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


def _with_part(data: bytes, name: str, chunks: int, *, chunk: bytes = b" " * (1 << 20)) -> bytes:
    """``data`` (a .docx) with ``chunks`` copies of ``chunk`` inside the body of ``name``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    parts = {n: src.read(n) for n in src.namelist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items():
            if n != name:
                z.writestr(n, b)
        xml = parts.get(name, b"")
        at = xml.index(b"<w:body>") + 8 if b"<w:body>" in xml else len(xml)
        with z.open(name, "w", force_zip64=True) as f:
            f.write(xml[:at])
            for _ in range(chunks):
                f.write(chunk)
            f.write(xml[at:])
    return out.getvalue()


class TestHostilePackages:
    """A .docx is checked against the budget before anything in it is inflated."""

    def test_zip_bomb_refused_before_inflating(self) -> None:
        """A body that inflates past max_bytes: InputTooLargeError, from the declared sizes."""
        bomb = _with_part(docx_of(lambda d: d.add_paragraph("x")), "word/document.xml", 64)
        assert len(bomb) < 2**20
        with pytest.raises(govinfo.InputTooLargeError, match="inflates to"):
            govinfo.parse(bomb)
        with pytest.raises(govinfo.InputTooLargeError, match="inflates to"):
            govinfo.parse(bomb, max_bytes=32 * 2**20)
        with pytest.raises(govinfo.InputError) as raised:  # within the budget: lxml's limit
            govinfo.parse(bomb, max_bytes=128 * 2**20)
        assert not isinstance(raised.value, govinfo.InputTooLargeError)

    def test_zip_bomb_in_bounded_memory(self, tmp_path: pathlib.Path) -> None:
        """The reproducer's 2 GiB body, under a 1 GB memory cap: refused, not MemoryError."""
        path = tmp_path / "bomb.docx"
        path.write_bytes(
            _with_part(docx_of(lambda d: d.add_paragraph("x")), "word/document.xml", 16,
                       chunk=b" " * (1 << 27))
        )  # fmt: skip
        code = f"""if True:
            import govinfo
            try:
                govinfo.parse_file({str(path)!r})
            except govinfo.InputTooLargeError as e:
                print("refused", e)
        """
        proc = run_capped(code)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "refused" in proc.stdout

    def test_too_many_parts(self) -> None:
        """A package of more parts than the budget allows is refused before it is opened."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            for i in range(2000):
                z.writestr(f"p{i}", b"")
        with pytest.raises(govinfo.InputTooLargeError, match="2,000 parts"):
            from_docx(out.getvalue(), budget=Budget(2**20))

    def test_huge_grid_span(self) -> None:
        """gridSpan=10**8 is clamped to the table's columns: the row reads as with its real span."""

        def build(document: docx.document.Document) -> None:
            table = document.add_table(rows=3, cols=2)
            for row in table.rows:
                row.cells[0].text, row.cells[1].text = "行政许可", "5"
                row.cells[0]._tc.get_or_add_tcPr().get_or_add_gridSpan().val = 10**8  # noqa: SLF001

        code = f"""if True:
            from govinfo.inputs.docx import from_docx
            doc = from_docx({docx_of(build)!r})
            print([(c.text, c.column, c.colspan) for c in doc.blocks[0].cells])
        """
        proc = run_capped(code)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert proc.stdout.strip() == str([("行政许可", 0, 2), ("5", 2, 1)] * 3)
