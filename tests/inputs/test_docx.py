"""The .docx adapter: real Word files in, parser text out."""

from __future__ import annotations

import io
import pathlib
import random
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable

import attrs
import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.inputs.document import Budget, Grid, Prose
from govinfo.inputs.docx import from_docx
from govinfo.models import REGISTRY
from govinfo.reading.cells import lay_out
from govinfo.testing import valid_reports
from helpers import blanked, cell_values, rebuild, run_capped
from shapes import (
    TITLE,
    W_NS,
    as_docx,
    docx_package,
    example_docx,
    report_docx,
    report_docx_xml,
    w_p,
    w_tbl,
    w_tc,
)


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
        with pytest.raises(govinfo.InputError, match="no Word document"):
            from_docx(out.getvalue())

    @pytest.mark.parametrize(
        "data",
        [
            b"not a docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            docx_package(
                "<w:tbl><w:tr>" + w_tc("a", span=2).replace('"2"', '"x"') + "</w:tr></w:tbl>"
            ),
        ],
        ids=["not a zip", "OLE", "malformed table"],
    )
    def test_error_names_the_file_once(self, data: bytes) -> None:
        """Whichever step fails, the message starts with the file's name, and names it once."""
        with pytest.raises(govinfo.InputError) as raised:
            from_docx(data, name="报告.docx")
        message = str(raised.value)
        assert message.startswith("报告.docx: ")
        assert message.count("报告.docx") == 1

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


def docx_package_part(name: str) -> bytes:
    """One part of a hand-written package (:func:`docx_package`)."""
    with zipfile.ZipFile(io.BytesIO(docx_package(""))) as package:
        return package.read(name)


def cells_of(data: bytes, block: int = 0) -> list[tuple[str, int, int, int, int]]:
    """The cells of one table of a Word file: (text, row, column, rowspan, colspan)."""
    grid = from_docx(data).blocks[block]
    assert isinstance(grid, Grid)
    return [tuple(cell) for cell in grid.cells]


class TestWordTables:
    """Tables written as WordprocessingML by hand: every cell at its place, blanks in place."""

    def test_merged_both_ways(self) -> None:
        """A cell merged across and down spans both; a group label spans its items' rows."""
        data = docx_package(
            w_tbl(
                [
                    [w_tc("项目", span=2, merge="restart"), w_tc("本年新增"), w_tc("总计")],
                    [w_tc(span=2, merge="continue"), w_tc("件"), w_tc("件")],
                    [
                        w_tc("(三)不予公开", merge="restart"),
                        w_tc("1.属于国家秘密"),
                        w_tc("1"),
                        w_tc("1"),
                    ],
                    [w_tc(merge="continue"), w_tc("2.其他"), w_tc(), w_tc("2")],
                ],
                columns=4,
            )
        )
        assert cells_of(data) == [
            ("项目", 0, 0, 2, 2), ("本年新增", 0, 2, 1, 1), ("总计", 0, 3, 1, 1),
            ("件", 1, 2, 1, 1), ("件", 1, 3, 1, 1),
            ("(三)不予公开", 2, 0, 2, 1), ("1.属于国家秘密", 2, 1, 1, 1), ("1", 2, 2, 1, 1),
            ("1", 2, 3, 1, 1),
            ("2.其他", 3, 1, 1, 1), ("", 3, 2, 1, 1), ("2", 3, 3, 1, 1),
        ]  # fmt: skip
        assert docx_text(data) == (
            "项目 | 本年新增 | 总计 |\n项目 | 件 | 件 |\n(三)不予公开 | 1.属于国家秘密 | 1 | 1 |\n"
            "(三)不予公开 | 2.其他 |  | 2 |\n"
        )

    def test_blank_cells_in_every_column(self) -> None:
        """A blank cell, however Word writes it, is an empty cell in its column, none moved."""
        blanks = [
            "<w:p/>",
            "<w:p><w:r><w:t></w:t></w:r></w:p>",
            '<w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>',
            "<w:p><w:pPr><w:jc w:val='center'/></w:pPr></w:p><w:p/>",
        ]
        rows = [
            [w_tc(blanks[i]) if i == j else w_tc(f"{i}{j}") for j in range(4)] for i in range(4)
        ]
        data = docx_package(w_tbl(rows, columns=4))
        assert cells_of(data) == [
            ("" if i == j else f"{i}{j}", i, j, 1, 1) for i in range(4) for j in range(4)
        ]
        assert docx_text(data) == (
            " | 01 | 02 | 03 |\n10 |  | 12 | 13 |\n20 | 21 |  | 23 |\n30 | 31 | 32 |  |\n"
        )

    @pytest.mark.parametrize("parity", [0, 1])
    def test_report_with_blank_cells_in_every_column(self, parity: int) -> None:
        """The example, every other cell of each row blank, parses back with those blanks.

        The two parities together blank every cell of every table once.
        """
        report = govinfo.parse_example().report
        values = cell_values(report)
        rows = list(dict.fromkeys(cell.row.key for cell in REGISTRY.of(report).cells))
        for cell in REGISTRY.of(report).cells:
            column = cell.row.value_columns.index(cell.column)
            if (rows.index(cell.row.key) + column) % 2 == parity:
                values[cell.key] = None
        blanked = rebuild(report, values)
        result = govinfo.parse(docx_text(report_docx(blanked)))
        assert cell_values(result.report) == cell_values(blanked)

    def test_nested_table_in_a_content_control(self) -> None:
        """A table nested in a cell, inside a content control, follows the row that holds it."""
        inner = w_tbl([[w_tc("内1"), w_tc("1")], [w_tc("内2"), w_tc("2")]])
        sdt = f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
        data = docx_package(
            w_tbl([[w_tc("外", "说明"), w_tc("<w:p/>" + sdt + w_p("后"))], [w_tc("下"), w_tc("3")]])
        )
        doc = from_docx(data)
        (grid,) = doc.blocks
        assert isinstance(grid, Grid)
        assert [tuple(c) for c in grid.cells] == [
            ("外 说明", 0, 0, 1, 1), ("后", 0, 1, 1, 1), ("下", 1, 0, 1, 1), ("3", 1, 1, 1, 1),
        ]  # fmt: skip
        assert [(r, [tuple(c) for c in g.cells]) for r, g in grid.nested] == [
            (0, [("内1", 0, 0, 1, 1), ("1", 0, 1, 1, 1), ("内2", 1, 0, 1, 1), ("2", 1, 1, 1, 1)]),
        ]
        assert lay_out(doc).text == "外 说明 | 后 |\n内1 | 1 |\n内2 | 2 |\n下 | 3 |\n"

    def test_table_after_text(self) -> None:
        """Prose, the table right after it, and prose after that, in order; the table's values."""
        row = [
            w_tc("一、本年新收政府信息公开申请数量", span=2),
            *(w_tc(v) for v in ["3", "0", "0", "0", "0", "0", "3"]),
        ]
        data = docx_package(
            w_p("三、收到和处理政府信息公开申请情况")
            + w_tbl([row], columns=9)
            + w_p("四、政府信息公开行政复议、行政诉讼情况")
        )
        doc = from_docx(data)
        assert [type(b).__name__ for b in doc.blocks] == ["Prose", "Grid", "Prose"]
        result = govinfo.parse(lay_out(doc).text, template="v2021")
        assert result.report.requests.new.total == 3
        assert result.report.requests.new.natural_person == 3

    def test_traditional_characters(self) -> None:
        """A report written in traditional characters reads like its simplified original."""
        import opencc  # noqa: PLC0415

        s2t = opencc.OpenCC("s2t")
        report = govinfo.parse_example().report
        text = s2t.convert(govinfo.render(attrs.evolve(report, meta=govinfo.Meta())))
        headings = {
            s2t.convert(t.label): [] if t.layout == "value_block" else ["項目", "數量"]
            for t in REGISTRY.of(report).tables
        }
        data = as_docx(text, headings=headings, title=s2t.convert(TITLE))
        assert "政府信息公開" in docx_text(data)
        result = govinfo.parse(docx_text(data))
        assert cell_values(result.report) == cell_values(report)

    def test_spans_row_offsets_and_continuations(self) -> None:
        """gridBefore moves a row's cells right; a continuation with nothing above, or with
        text of its own, is a cell of its own."""
        before = (
            "<w:tr><w:trPr><w:gridBefore w:val='1'/></w:trPr>" + w_tc("b") + w_tc("2") + "</w:tr>"
        )
        data = docx_package(
            "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            f"<w:tr>{w_tc('a', merge='continue')}{w_tc('1', span=2)}</w:tr>"
            + before
            + f"<w:tr>{w_tc('c')}{w_tc('又', merge='continue')}{w_tc('3')}</w:tr></w:tbl>"
        )
        assert cells_of(data) == [
            ("a", 0, 0, 1, 1), ("1", 0, 1, 1, 2), ("b", 1, 1, 1, 1), ("2", 1, 2, 1, 1),
            ("c", 2, 0, 1, 1), ("又", 2, 1, 1, 1), ("3", 2, 2, 1, 1),
        ]  # fmt: skip

    @pytest.mark.parametrize(("before", "column"), [("100000000", 2), ("-3", 0), ("1", 1)])
    def test_row_offset_clamped(self, before: str, column: int) -> None:
        """gridBefore is clamped to the table's columns, as gridSpan is."""
        row = f"<w:tr><w:trPr><w:gridBefore w:val='{before}'/></w:trPr>{w_tc('b')}</w:tr>"
        data = docx_package(w_tbl([[w_tc("a"), w_tc("1")]]).replace("</w:tbl>", row + "</w:tbl>"))
        assert cells_of(data)[2] == ("b", 1, column, 1, 1)

    def test_tracked_property_changes_are_not_read(self) -> None:
        """A cell's spans as they were before a tracked change (w:tcPrChange) are not its spans."""
        changed = (
            "<w:tc><w:tcPr><w:gridSpan w:val='1'/><w:tcPrChange w:id='1'><w:tcPr>"
            "<w:gridSpan w:val='2'/><w:vMerge w:val='restart'/></w:tcPr></w:tcPrChange></w:tcPr>"
            + w_p("x")
            + "</w:tc>"
        )
        data = docx_package(w_tbl([[changed, w_tc("1")]], columns=2))
        assert cells_of(data) == [("x", 0, 0, 1, 1), ("1", 0, 1, 1, 1)]

    @settings(max_examples=10, deadline=None)
    @given(
        st.sampled_from(["v2021", "v2019", "v2015"]).flatmap(valid_reports),
        st.randoms(use_true_random=False),
        st.data(),
    )
    def test_word_markup_round_trip(
        self, report: govinfo.Report, rng: random.Random, data: st.DataObject
    ) -> None:
        """Every cell, blanks too, reads back from a report as Word marks it up.

        Runs split anywhere, with properties, proofing marks, bookmarks and
        hyperlinks; content controls around paragraphs, cells and rows; blank
        cells written two ways; a grid declared or not.
        """
        blank = data.draw(st.sets(st.sampled_from(sorted(cell_values(report))), max_size=12))
        report = blanked(report, blank)
        result = govinfo.parse(docx_text(report_docx_xml(report, rng)))
        assert cell_values(result.report) == cell_values(report)


class TestWordText:
    """What of a paragraph is its text: runs, tabs and breaks; not what Word hides."""

    def test_runs_tabs_breaks_and_hyphens(self) -> None:
        """Runs in hyperlinks, fields and content controls are read; a tab is a tab, a break a
        space; a paragraph's tab stops are no text."""
        data = docx_package(
            "<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='2000'/></w:tabs></w:pPr>"
            "<w:r><w:t>规章</w:t><w:tab/><w:t>5</w:t><w:br/><w:t>下</w:t>"
            "<w:noBreakHyphen/><w:t>行</w:t></w:r>"
            "<w:hyperlink><w:r><w:t>链</w:t></w:r></w:hyperlink>"
            "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
            "<w:r><w:instrText>PAGE</w:instrText></w:r>"
            "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>3</w:t></w:r>"
            "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
            "<w:sdt><w:sdtContent><w:r><w:t>控</w:t></w:r></w:sdtContent></w:sdt></w:p>"
            "<w:sdt><w:sdtPr/><w:sdtContent>" + w_p("段") + "</w:sdtContent></w:sdt>"
        )
        assert [b.text for b in from_docx(data).blocks if isinstance(b, Prose)] == [
            "规章\t5 下-行链3控",
            "段",
        ]

    def test_hidden_content_is_not_read(self) -> None:
        """Text boxes, tracked deletions and moves away, and ruby text are not the paragraph's."""
        box = "<w:txbxContent>" + w_p("框内") + "</w:txbxContent>"
        data = docx_package(
            "<w:p><w:r><w:t>正文</w:t></w:r>"
            "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx>"
            f"{box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>{box}</w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r>"
            "<w:ins w:id='1'><w:r><w:t>新</w:t></w:r></w:ins>"
            "<w:del w:id='2'><w:r><w:delText>旧</w:delText></w:r></w:del>"
            "<w:moveFrom w:id='3'><w:r><w:t>移走</w:t></w:r></w:moveFrom>"
            "<w:moveTo w:id='4'><w:r><w:t>移来</w:t></w:r></w:moveTo>"
            "<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>fā</w:t></w:r></w:rt>"
            "<w:rubyBase><w:r><w:t>发</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"
        )
        assert [b.text for b in from_docx(data).blocks if isinstance(b, Prose)] == ["正文新移来发"]

    def test_malformed_nesting_loses_no_text(self) -> None:
        """What Word's schema does not allow is still read: a paragraph straight in a row (in
        the body), a run before any paragraph (its own), a run after a paragraph (with it)."""
        data = docx_package(
            "<w:r><w:t>先</w:t></w:r><w:tbl><w:tr>"
            + w_p("行中")
            + w_tc("<w:r><w:t>a</w:t></w:r>")
            + "</w:tr></w:tbl>"
            + w_p("后")
            + "<w:r><w:t>续</w:t></w:r>"
        )
        blocks = from_docx(data).blocks
        assert [b.text for b in blocks if isinstance(b, Prose)] == ["先", "行中", "后续"]
        assert [tuple(c) for b in blocks if isinstance(b, Grid) for c in b.cells] == [
            ("a", 0, 0, 1, 1)
        ]


class TestWordPackage:
    """The package: its parts found as Office finds them, and nothing else needed."""

    def test_main_part_named_by_the_relationships(self) -> None:
        """The document part is where _rels/.rels says, with the core properties' title."""
        data = docx_package(w_p("正文"), main="word/document2.xml", title="年报")
        doc = from_docx(data)
        assert [b.text for b in doc.blocks if isinstance(b, Prose)] == ["正文"]
        assert doc.title == "年报"

    def test_strict_open_xml(self) -> None:
        """A document saved as Strict Open XML (its own namespace) is read alike."""
        data = docx_package(
            w_p("规章") + w_tbl([[w_tc("规章"), w_tc("5")]]),
            ns="http://purl.oclc.org/ooxml/wordprocessingml/main",
        )
        assert docx_text(data) == "规章\n规章 | 5 |\n"

    def test_reads_without_python_docx(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """python-docx is not needed: lxml, a dependency, reads every .docx."""
        data = example_docx()
        monkeypatch.setitem(sys.modules, "docx", None)
        result = govinfo.parse(data)
        assert cell_values(result.report) == cell_values(govinfo.parse_example().report)

    def test_libreoffice_saved(self, tmp_path: pathlib.Path) -> None:
        """The example saved by LibreOffice (styles, properties on every run) reads the same."""
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office is None:
            pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer)")
        (tmp_path / "in.docx").write_bytes(example_docx())
        subprocess.run(
            [office, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
             "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"),
             str(tmp_path / "in.docx")],
            capture_output=True, check=True, timeout=300,
        )  # fmt: skip
        saved = (tmp_path / "out" / "in.docx").read_bytes()
        assert saved != example_docx()
        result = govinfo.parse(saved)
        assert cell_values(result.report) == cell_values(govinfo.parse_example().report)

    @pytest.mark.parametrize(
        ("body", "match"),
        [
            ("<w:tbl><w:tr>" + w_tc("a", span=2).replace('"2"', '"x"') + "</w:tr></w:tbl>", "'x'"),
            (
                (
                    "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val='sideways'/></w:tcPr><w:p/></w:tc>"
                    "</w:tr></w:tbl>"
                ),
                "vMerge 'sideways'",
            ),
        ],
    )
    def test_malformed_table(self, body: str, match: str) -> None:
        """A span or merge that is no span or merge: InputError saying which."""
        with pytest.raises(govinfo.InputError, match=match):
            from_docx(docx_package(body))

    @pytest.mark.parametrize(
        ("parts", "match"),
        [
            (  # a workbook renamed .docx: its main part is a spreadsheet's
                {
                    "_rels/.rels": docx_package_part("_rels/.rels").replace(
                        b"word/document.xml", b"xl/workbook.xml"
                    ),
                    "xl/workbook.xml": b"<workbook xmlns='urn:x'/>",
                },
                r"no Word document \(\{urn:x\}workbook\)",
            ),
            ({"word/document.xml": f"<w:document xmlns:w='{W_NS}'/>".encode()}, "no body"),
            ({"word/other.xml": b"<x/>"}, r"no Word document \(word/document.xml\)"),
        ],
    )
    def test_not_a_word_document(self, parts: dict[str, bytes], match: str) -> None:
        """A package whose main part is no Word document, or has no body: InputError saying so."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as package:
            for name, data in parts.items():
                package.writestr(name, data)
        with pytest.raises(govinfo.InputError, match=match):
            from_docx(out.getvalue())


class TestHostileXml:
    """The document part is parsed with no DTD, no entity expansion, no network."""

    def test_external_entity_not_read(self) -> None:
        """An external entity (XXE) is refused: the DTD that declares it, before any reading."""
        prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
        data = docx_package("<w:p><w:r><w:t>a&xxe;b</w:t></w:r></w:p>", prolog=prolog)
        with pytest.raises(govinfo.InputError, match="DTD"):
            from_docx(data)

    def test_entity_expansion_bomb(self) -> None:
        """A billion laughs is an InputError, not a billion laughs."""
        entities = '<!ENTITY a "xxxxxxxxxx">' + "".join(
            f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">' for i in range(9)
        )
        data = docx_package(
            "<w:p><w:r><w:t>&j;</w:t></w:r></w:p>", prolog=f"<!DOCTYPE w:document [{entities}]>"
        )
        with pytest.raises(govinfo.InputError):
            from_docx(data)

    def test_encrypted_zip_entry(self) -> None:
        """A part flagged as encrypted in the zip: InputError, not zipfile's RuntimeError."""
        data = bytearray(docx_package(w_p("x")))
        for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
            at = data.find(signature)
            while at >= 0:
                data[at + flags] |= 1
                at = data.find(signature, at + 4)
        with pytest.raises(govinfo.InputError, match="encrypted"):
            from_docx(bytes(data))
