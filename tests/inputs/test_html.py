"""HTML pages: rowspan/colspan grids, nested markup, several tables, no network."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given

import govinfo
from govinfo.testing import reports
from helpers import cell_values, run_capped

if TYPE_CHECKING:
    from pathlib import Path


class TestHTML:
    """HTML pages: rowspan/colspan grids, nested markup, several tables, no network."""

    @given(reports())
    def test_official_layout_round_trip(self, report: govinfo.Report) -> None:
        """Tables laid out as the notices print them (rowspan/colspan) read back cell-true."""
        result = govinfo.parse(govinfo.render(report, format="html"))
        assert result.template == report.TEMPLATE
        assert cell_values(result.report) == cell_values(report)

    def test_official_table_three_layout_is_cell_true(self) -> None:
        """三、本年度办理结果 spans 22 rows and (三) spans 8: every item row keeps its labels."""
        report = govinfo.parse_example().report
        document = govinfo.parse(govinfo.render(report, format="html"))
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

    def test_empty_cell_in_a_label_column_is_no_value(self) -> None:
        """A label written beside an empty cell where other rows have their item labels.

        Its empty neighbour is no blank value: the row's figures stay in their
        columns though its total is blank (padding either side was possible).
        """
        page = """<html><body><p>三、收到和处理政府信息公开申请情况</p><table border="1">
        <tr><td colspan="3" rowspan="3">项目</td><td colspan="7">申请人情况</td></tr>
        <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td>
            <td rowspan="2">总计</td></tr>
        <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
        <tr><td rowspan="2">三、本年度办理结果</td><td>(三)不予公开</td><td>1.属于国家秘密</td>
            <td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
        <tr><td>(六)其他处理</td><td></td>
            <td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td></td></tr>
        </table></body></html>"""
        result = govinfo.parse(page, template="v2019")
        report = result.report
        assert isinstance(report, govinfo.ReportV2019)
        other = report.requests.other
        assert (other.natural_person, other.commercial, other.other_org, other.total) == (
            2,
            0,
            0,
            None,
        )
        assert not [d for d in result.diagnostics if d.code == "padding-assumed"]

    def test_gbk_page_with_declared_charset(self) -> None:
        """A GBK page that declares gb2312 decodes through its declaration."""
        page = govinfo.render(govinfo.parse_example().report, format="html")
        page = page.replace("utf-8", "gb2312")
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


class TestSpans:
    """Spans are clamped to the rows and columns a table has: their cost follows the page's size."""

    def test_span_bomb_is_read_in_bounded_memory(self) -> None:
        """400 cells of rowspan=colspan=200 over six rows: read under a 1 GB cap (was 2.1 GB)."""
        code = """if True:
            import govinfo
            cells = "".join("<td rowspan=200 colspan=200>行政许可</td>" for _ in range(400))
            page = "<html><body><table><tr>" + cells + "</tr>" + "<tr><td>1</td></tr>" * 5
            result = govinfo.parse(page + "</table></body></html>")
            print(result.template)
        """
        proc = run_capped(code)
        assert proc.returncode == 0, proc.stderr[-2000:]

    def test_span_past_the_budget_is_refused(self) -> None:
        """Rows of 200×200 spans past the page's cell budget: InputTooLargeError."""
        wide = "<tr>" + "<td>x</td>" * 1000 + "</tr>"
        rows = "<tr><td rowspan=200 colspan=200>行政许可</td></tr>" * 1000
        page = f"<html><body><table>{wide}{rows}</table></body></html>"
        with pytest.raises(govinfo.InputTooLargeError, match=r"grid cells.*max_bytes"):
            govinfo.parse(page)
        with pytest.raises(govinfo.InputTooLargeError):
            govinfo.parse(page.encode(), max_bytes=10**6)

    def test_spans_past_the_table_change_nothing(self) -> None:
        """rowspan and colspan beyond the table read as if they stopped at its edge."""
        values = "".join(f"<td>{v}</td>" for v in (3, 0, 0, 0, 0, 0, 3))
        row = (
            f"<tr><td colspan={{}} rowspan={{}}>一、本年新收政府信息公开申请数量</td>{values}</tr>"
        )
        pages = [
            f"<html><body><table>{row.format(span, rows)}</table></body></html>"
            for span, rows in ((1, 1), (1000, 1), (1, 1000), (10**9, 10**9))
        ]
        results = [govinfo.parse(page) for page in pages]
        assert {r.report.requests.new.total for r in results} == {3}  # type: ignore[union-attr]
        assert len({r.text for r in results}) == 1


_ROW = (
    "<table><tr><td>一、本年新收政府信息公开申请数量</td>"
     "<td>3</td>" + "<td>0</td>" * 5 + "<td>3</td></tr></table>"
)  # fmt: skip


class TestWhereTablesAre:
    """A data table is read wherever the page has it, or its loss is a diagnostic."""

    @pytest.mark.parametrize(
        "page",
        [
            f"<html><body><p>x</p></body>{_ROW}</html>",
            f"<html><body><p>x</p></body></html>{_ROW}",
            f"<html><body><p>x</p></body></html>\n</html>{_ROW}</body>",
        ],
        ids=["after-body", "after-html", "after-both-twice"],
    )
    def test_after_the_end_tags(self, page: str) -> None:
        """A table after </body> or </html> is read (libxml2 dropped it)."""
        report = govinfo.parse(page).report
        assert report.meta.tables_found
        assert report.requests.new.total == 3  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("open_tag", "close_tag", "depth"),
        [
            ("<blockquote>", "</blockquote>", 1000),
            ("<ul>", "</ul>", 1000),
            ("<table><tr><td>", "</td></tr></table>", 300),
        ],
    )
    def test_deeper_than_libxml2s_limit(self, open_tag: str, close_tag: str, depth: int) -> None:
        """A table beyond 256 levels of non-wrapper tags (lists, layout tables) is read."""
        page = f"<html><body>{open_tag * depth}{_ROW}{close_tag * depth}</body></html>"
        assert govinfo.parse(page).report.requests.new.total == 3  # type: ignore[union-attr]

    def test_deeper_than_any_limit_is_a_diagnostic(self) -> None:
        """Past 2048 levels the loss is said: nested-too-deep, never only no-table."""
        page = f"<html><body>{'<ul>' * 3000}{_ROW}{'</ul>' * 3000}</body></html>"
        codes = [d.code for d in govinfo.parse(page).diagnostics]
        assert "nested-too-deep" in codes
