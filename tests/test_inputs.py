"""Input adapters: HTML pages, encodings, PDF-extracted text, damaged tables, files."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import attrs
import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from conftest import SEEDS, seed_expected, seed_text
from govinfo.formats.render import render_html, render_text
from govinfo.templates.spec import build, cell_values
from govinfo.testing import reports, valid_reports
from pdf_shapes import pdf_text

if TYPE_CHECKING:
    from pathlib import Path

SEED_004 = next(SEEDS.glob("004_*.txt"))


class TestHTML:
    """HTML pages: rowspan/colspan grids, nested markup, several tables, no network."""

    @given(reports())
    def test_official_layout_round_trip(self, report: govinfo.Report) -> None:
        """Tables laid out as the notices print them (rowspan/colspan) read back cell-true."""
        result = govinfo.parse(render_html(report))
        assert result.template == report.TEMPLATE
        assert cell_values(result.report) == cell_values(report)

    def test_official_table_three_layout_is_cell_true(self) -> None:
        """三、本年度办理结果 spans 22 rows and (三) spans 8: every item row keeps its labels."""
        report = govinfo.parse_example().report
        document = govinfo.parse(render_html(report))
        lines = document.text.splitlines()
        row = next(line for line in lines if "2.其他法律行政法规禁止公开" in line)
        assert row.startswith("三、本年度办理结果 | (三)不予公开 | 2.其他法律行政法规禁止公开 | 0")
        assert row.count("|") == 10

    def test_messy_markup(self) -> None:
        """<br> in headers, &nbsp; cells, nested <p>/<span>, scripts and a layout table."""
        page = """<html><head><title>某县2022年政府信息公开工作年度报告</title>
        <script>var x = "行政许可 | 999 |";</script><style>td{}</style></head><body>
        <table><tr><td><div class="layout">
        <p>发布日期:2023-01-20</p>
        <p><span>二、主动公开政府信息情况</span></p>
        <table border="1">
          <tr><td colspan="4">第二十条第(五)项</td></tr>
          <tr><td>信息内容</td><td>本年<br>处理决定数量</td></tr>
          <tr><td><p><span>行政</span>许可</p></td><td><p>1,234</p></td></tr>
          <tr><td>行政处罚</td><td>&nbsp;</td></tr>
        </table>
        <table border="1">
          <tr><td colspan="3">一、本年新收政府信息公开申请数量</td>
              <td>3</td><td>&nbsp;</td><td></td><td></td><td></td><td>1</td><td>4</td></tr>
        </table></div></td></tr></table></body></html>"""
        result = govinfo.parse(page)
        report = result.report
        assert isinstance(report, govinfo.ReportV2021)
        assert report.meta.title == "某县2022年政府信息公开工作年度报告"
        assert report.meta.year == 2022
        assert str(report.meta.published) == "2023-01-20"
        assert report.active.licensing.decisions == 1234
        assert report.active.penalty.decisions is None
        new = report.requests.new
        assert (new.natural_person, new.commercial, new.other_org, new.total) == (3, None, 1, 4)
        span = result.source_of("active.licensing.decisions")
        assert span is not None
        row_line = next(i for i, line in enumerate(page.splitlines(), 1) if "1,234" in line)
        assert span.source_line == row_line  # the <tr> in the HTML file
        assert result.quote("active.licensing.decisions") == "1,234"

    def test_gbk_page_with_declared_charset(self) -> None:
        """A GBK page that declares gb2312 decodes through its declaration."""
        page = render_html(govinfo.parse_example().report).replace("utf-8", "gb2312")
        result = govinfo.parse(page.encode("gbk"))
        assert result.report.active.licensing.decisions == 146  # type: ignore[union-attr]

    def test_no_network_and_no_entity_expansion(self, tmp_path: Path) -> None:
        """External entities and DTDs are not fetched or expanded."""
        secret = tmp_path / "secret.txt"
        secret.write_text("行政许可 | 777 |", "utf-8")
        page = (
            f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            "<html><body><table><tr><td>行政许可</td><td>&xxe;</td></tr></table></body></html>"
        )
        result = govinfo.parse(page)
        assert "777" not in result.text
        assert "&xxe;" in result.text  # left as written, never expanded
        assert all(v is None for v in cell_values(result.report).values())

    def test_deeply_nested_page(self) -> None:
        """Ten thousand nested <div>s parse without recursion errors."""
        depth = 10_000
        page = "<html><body>" + "<div>" * depth + "行政许可 | 5 |" + "</div>" * depth
        result = govinfo.parse(page + "<table><tr><td>行政许可</td><td>5</td></tr></table>")
        assert result.report.active.licensing.decisions == 5  # type: ignore[union-attr]


class TestEncodings:
    """Bytes in UTF-8 (BOM or not), GB18030/GBK and Big5; no silent mojibake."""

    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
    def test_seed_004_in_each_encoding(self, encoding: str) -> None:
        """Seed 004's bytes in each encoding give every expected value."""
        result = govinfo.parse(seed_text("004").encode(encoding))
        values = cell_values(result.report)
        for key, want in seed_expected("004")["expected"].items():
            if key in values:
                assert str(values[key]) == str(want), key

    def test_big5_traditional_report(self) -> None:
        """A traditional-character report in Big5 reads like its simplified original."""
        original = govinfo.parse_example().report
        text = opencc.OpenCC("s2t").convert(render_text(original))
        result = govinfo.parse(text.encode("big5"))
        assert "處理" in result.text  # decoded, not converted: the text is as given
        assert cell_values(result.report) == cell_values(original)

    def test_undecodable_bytes_are_a_typed_error(self) -> None:
        """Bytes in no encoding govinfo can tell raise DecodeError, never mojibake."""
        with pytest.raises(govinfo.DecodeError, match="encoding"):
            govinfo.parse(bytes(range(128, 256)) * 8)

    def test_cli_reports_an_undecodable_file_in_one_line(self, tmp_path: Path) -> None:
        """The CLI prints one line for a bad file, parses the rest, exits 2."""
        bad = tmp_path / "bad.txt"
        bad.write_bytes(bytes(range(128, 256)) * 8)
        proc = subprocess.run(
            [sys.executable, "-m", "govinfo", "parse", str(bad), str(SEED_004)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.returncode == 2
        bad_lines = [line for line in proc.stderr.splitlines() if "bad.txt" in line]
        assert len(bad_lines) == 1
        assert proc.stderr.splitlines()[-1].endswith("1 failed")  # the batch summary
        assert len(json.loads(proc.stdout)) == 1


class TestPDFText:
    """PDF-extracted text: space-separated rows, vertical headers, page furniture."""

    @given(st.sampled_from(["v2019", "v2021"]).flatmap(valid_reports))
    def test_pdf_text_round_trip(self, report: govinfo.Report) -> None:
        """Every cell of a filled report survives the PDF-text layout."""
        result = govinfo.parse(pdf_text(report))
        assert result.template == report.TEMPLATE
        assert cell_values(result.report) == cell_values(report)

    def test_page_numbers_inside_a_table_are_ignored(self) -> None:
        """ "- 3 -" and a running header between two rows change nothing."""
        report = govinfo.parse_example().report
        text = pdf_text(report, page_every=5)
        assert "- 3 -" in text
        assert cell_values(govinfo.parse(text).report) == cell_values(report)


def _blank_zeros(report: govinfo.Report, keys: list[str]) -> govinfo.Report:
    values: dict[str, Any] = dict(cell_values(report))
    for key in keys:
        if values[key] == 0:
            values[key] = None
    return build(type(report), {**values, "meta": report.meta})


def _collapse(text: str) -> str:
    """What a scraper that drops empty cells writes."""
    lines = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.split("|")[:-1]]
        lines.append(" | ".join(c for c in cells if c) + " |" if "|" in line else line)
    return "\n".join(lines) + "\n"


class TestDamagedTables:
    """Collapsed empty cells: placed by the invariants, or left blank; never invented."""

    @given(st.sampled_from(["v2019", "v2021"]).flatmap(valid_reports), st.data())
    def test_collapsed_cells_never_get_a_wrong_value(
        self, report: govinfo.Report, data: st.DataObject
    ) -> None:
        """After dropping empty cells, every cell reads its true value or blank."""
        keys = [k for k in cell_values(report) if k.startswith(("requests.", "review_"))]
        blanked = _blank_zeros(report, data.draw(st.lists(st.sampled_from(keys), max_size=60)))
        truth = cell_values(blanked)
        result = govinfo.parse(_collapse(render_text(blanked)))
        got = cell_values(result.report)
        wrong = {k: (got[k], truth[k]) for k in keys if got[k] is not None and got[k] != truth[k]}
        assert wrong == {}
        codes = {d.code for d in result.diagnostics}
        if any(got[k] != truth[k] for k in keys):
            assert "ambiguous-cells" in codes

    def test_truncated_report_gives_a_partial_model(self) -> None:
        """A report cut in table 三 keeps what it has and names what is missing."""
        text = seed_text("004")
        cut = text[: text.index("(四)无法提供")]
        result = govinfo.parse(cut)
        report = result.report
        assert isinstance(report, govinfo.ReportV2021)
        assert report.active.licensing.decisions == 146
        assert report.requests.denied.inquiry_matter.total == 0
        assert report.requests.processed_total.total is None
        messages = " ".join(d.message for d in result.diagnostics if d.code.startswith("missing"))
        assert "requests.processed_total" in messages
        assert "四、政府信息公开行政复议、行政诉讼情况" in messages


class TestFiles:
    """parse_file and the CLI read each file type; unsupported ones fail clearly."""

    @pytest.mark.parametrize(("suffix", "render"), [(".html", render_html), (".txt", render_text)])
    def test_file_types(self, tmp_path: Path, suffix: str, render: Any) -> None:
        """.html and .txt files parse to the same report."""
        report = govinfo.parse_example().report
        path = tmp_path / f"report{suffix}"
        path.write_text(render(report), "utf-8")
        assert cell_values(govinfo.parse_file(path).report) == cell_values(report)

    def test_word_97_is_unsupported(self, tmp_path: Path) -> None:
        """A .doc file raises UnsupportedFormatError naming the fix."""
        path = tmp_path / "report.doc"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
        with pytest.raises(govinfo.UnsupportedFormatError, match=r"\.docx"):
            govinfo.parse_file(path)

    def test_meta_survives_attrs_evolve(self) -> None:
        """Reports stay frozen values: evolve gives a new report, the old one unchanged."""
        report = govinfo.parse_example().report
        changed = attrs.evolve(report, meta=govinfo.Meta(year=1999))
        assert report.meta.year == 2023
        assert changed.meta.year == 1999
