"""Column-aligned text (``pdftotext -layout``, flipbook text layers) read by character position.

A blank cell is a gap; each value goes to the column it stands under, however
many cells to its left are blank.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.inputs.aligned import _gaps, aligned_rows
from govinfo.models import ApplicantCounts
from govinfo.testing import aligned_texts, reports, valid_reports
from helpers import DATA, cell_values, rebuild

#: Table 三 as ``pdftotext -layout`` printed it from a PDF of the example report (see
#: ``tests/data/layout``): header words over two to three lines ("自然/人", "社会/公益/组织"),
#: row labels wrapped round their figures, a blank in every column of some row.
TABLE3 = """\
三、收到和处理政府信息公开申请情况
                                              社会    法律
                    自然    商业      科研
项目                                            公益    服务    其他    总计
                    人     企业      机构
                                              组织    机构
一、本年新收政府信息公开申
                    10    11                  13    14          16
请数量
二、上年结转政府信息公开申
                    17            19          20          22    23
请数量
(一)予以公开                   25      26                28    29
(二)部分公开(区分处理的,只
                    31    32                  34    35          37
计这一情形,不计其他情形)
          1.属于国家秘
(三)不予公开             38            40          41          43    44
          密
2.其他法律行政法规禁止公开             46      47                49    50
"""


_APPLICANTS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other_org",
    "total",
)


def _applicants(*values: int | None) -> ApplicantCounts:
    return ApplicantCounts(**dict(zip(_APPLICANTS, values, strict=True)))


def test_table_three_as_pdftotext_prints_it() -> None:
    """Each value under its column; blanks blank; wrapped labels and headers whole."""
    requests = govinfo.parse(TABLE3, template="v2021").report.requests
    assert requests.new == _applicants(10, 11, None, 13, 14, None, 16)
    assert requests.carried_over == _applicants(17, None, 19, 20, None, 22, 23)
    assert requests.granted == _applicants(None, 25, 26, None, 28, 29, None)
    assert requests.partially_granted == _applicants(31, 32, None, 34, 35, None, 37)
    assert requests.denied.state_secret == _applicants(38, None, 40, 41, None, 43, 44)
    assert requests.denied.prohibited_by_law == _applicants(None, 46, 47, None, 49, 50, None)


def test_grid_rows_quote_the_text() -> None:
    """A row's cells are spans of the text: its label's lines, then a span per column."""
    rows = dict(aligned_rows(TABLE3))
    start = TABLE3.index("一、本年新收")
    spans = rows[start]
    assert [TABLE3[a:b] for a, b in spans] == [
        "一、本年新收政府信息公开申",
        "请数量",
        "10",
        "11",
        "",
        "13",
        "14",
        "",
        "16",
    ]
    # The blank research cell stands where its column does, between 11 and 13.
    blank = spans[4][0]
    assert TABLE3.index("11", start) < blank < TABLE3.index("13", start)
    # The label's other lines are the row's: keyed, with no cells of their own.
    figures_line = TABLE3.index("\n", start) + 1
    assert rows[figures_line] == ()


def _report() -> govinfo.Report:
    """The example report, distinct values, a blank in every third cell of tables 二–四."""
    report = govinfo.parse_example().report
    values = cell_values(report)
    keys = [k for k in values if k.startswith(("requests.", "active.", "review", "litigation"))]
    for n, key in enumerate(keys):
        if isinstance(values[key], int):
            values[key] = None if n % 3 == 0 else n
    return rebuild(report, values)


def test_a_whole_report_as_pdftotext_prints_it() -> None:
    """Real ``pdftotext -layout`` output of a borderless PDF report, over two pages.

    No value is wrong. Every cell reads back but those of the rows whose label
    wraps over three lines round words of the row's own, figures on the middle
    line: a line above or below a row, over its words, may be a row of its
    own with its figures blank, and is not taken for the row's label.
    """
    text = (DATA / "layout" / "borderless.txt").read_text("utf-8")
    assert "\f" in text
    result = govinfo.parse(text)
    assert result.template == "v2021"
    want = cell_values(_report())
    got = cell_values(result.report)
    three_line_labels = ("requests.unable.not_held.", "requests.other.")
    for key, value in want.items():
        if key.startswith(three_line_labels):
            assert got[key] in (value, None), key
        else:
            assert got[key] == value, key
    assert sum(got[k] == v for k, v in want.items()) >= 186


def test_a_value_wrapped_in_its_cell_is_not_read() -> None:
    """The lines of a value wrapped in its cell are neither values nor a row of their own.

    Table 四 as ``pdftotext -layout`` printed it from a PDF whose narrow cells
    wrapped 131 and 114 (``13`` / ``1``, ``11`` / ``4``) round the line of the
    row's other figures. Which row they are, and whether they are one value
    or two, the text does not tell: those cells are left blank, and every
    other value of the row stands in its column.
    """
    text = (DATA / "layout" / "wrapped_values.txt").read_text("utf-8")
    outcome = govinfo.parse(text, template="v2021").report.review_litigation
    assert (outcome.review.upheld, outcome.review.total) == (19, 50)
    direct = outcome.litigation_direct
    assert (direct.upheld, direct.pending, direct.total) == (4, 43, None)
    after = outcome.litigation_after_review
    assert (after.upheld, after.pending, after.total) == (48, 14, None)


def test_numbers_separated_by_spaces_are_no_columns() -> None:
    """Numbers merely separated by spaces, not standing in columns, read by whitespace."""
    text = "二、主动公开政府信息情况\n规章  1  2  3\n行政规范性文件   4    5  6\n行政许可  146\n"
    assert aligned_rows(text) == ()
    active = govinfo.parse(text, template="v2021").report.active
    assert (active.regulations.issued, active.regulations.in_force) == (1, 3)
    assert (active.normative_documents.issued, active.normative_documents.in_force) == (4, 6)
    assert active.licensing.decisions == 146


def test_figures_one_a_line_are_no_columns() -> None:
    """A row's figures one a line under its label, no header over them: a list, no table.

    They share a character position, as a column's figures do, and may be
    no more than a line apart, as a value wrapped in its cell is; but no
    line shows a gap between cells, so the lines are read as they are.
    """
    text = (
        "二、主动公开政府信息情况\n"
        "规章  |   |   |  |\n"
        "其他对外管理服务事项  |   |   |  |\n"
        "行政处罚\n\n0\n\n5\n\n7\n\n"
        "行政强制  |   |   |  |\n"
    )
    assert aligned_rows(text) == ()
    penalty = govinfo.parse(text, template="v2019").report.active.penalty
    assert (penalty.previous_items, penalty.change, penalty.decisions) == (0, 5, 7)


def test_text_without_two_blanks_in_a_row_has_no_aligned_rows() -> None:
    """The common case: no two blanks between two characters, no aligned rows."""
    assert aligned_rows(govinfo.example_text()) == ()
    assert aligned_rows("规章 | 1 | 2 |\n  indented\n") == ()


@given(st.data(), reports())
def test_no_wrong_value(data: st.DataObject, report: govinfo.Report) -> None:
    """Any report printed as column-aligned text gives back no value it does not hold.

    Blanks in any column, values right-, left- or centre-aligned, first labels
    wrapped round their figures (``govinfo.testing.aligned_texts``). The
    template is given: a report with next to no values has little but its
    wrapped labels to tell it by. A lone figure many blank rows below its
    columns' header may be left blank (see the test below); it is never misplaced.
    """
    result = govinfo.parse(data.draw(aligned_texts(report)), template=report.TEMPLATE)
    expected = cell_values(report)
    filled = {k: v for k, v in cell_values(result.report).items() if v is not None}
    assert filled == {k: expected[k] for k in filled}


def test_lone_figure_far_below_its_header_is_left_blank() -> None:
    """The one figure of a table, thirty blank rows under the header, is not placed by guess.

    Found by the property above: the rows between have no gap, so the figure's
    line stands alone, with no header over it, and is read by whitespace; one
    value for seven columns is left to recovery, which cannot tell its column.
    """
    header = "项目" + " " * 50 + "  ".join(f"第{n}栏" for n in "一二三四五六七")
    blank_rows = "\n\n".join(f"{n}.某一情形" for n in range(1, 31))
    text = (
        f"三、收到和处理政府信息公开申请情况\n{header}\n{blank_rows}\n\n"
        f"四、结转下年度继续办理{' ' * 75}0\n"
    )
    report = govinfo.parse(text, template="v2021").report
    assert report.requests.carried_forward.total is None


def test_label_line_over_no_figure_column_names_no_column() -> None:
    """A row's label on a line of its own, left of every figure, is no blank column.

    Found by the property above: the second part of "(六)其他处理"'s label stood
    where a header word could, and was taken for a first column no row fills,
    so six figures under seven columns moved one column right, with no
    diagnostic. A header line names columns only if it has words over the
    figures' columns too; without one, the row is left to recovery.
    """
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        f"(六)其他处理{' ' * 14}1.申请人无正当理由逾期不补正、"
        "行政机关不再处理其政府信息公开申请\n\n"
        f"(七)总计{' ' * 85}0\n\n"
        f"四、结转下年度继续办理{' ' * 49}0    0    0    0    0         0\n"
    )
    result = govinfo.parse(text, template="v2021")
    carried = result.report.requests.carried_forward
    assert carried.natural_person is None
    assert carried.commercial is None
    assert any(
        d.code == "ambiguous-cells" and "requests.carried_forward" in d.message
        for d in result.diagnostics
    )


@given(st.data(), st.sampled_from(["v2021"]).flatmap(valid_reports))
def test_round_trip(data: st.DataObject, report: govinfo.Report) -> None:
    """A filled report printed as column-aligned text parses back to it, cell for cell."""
    result = govinfo.parse(data.draw(aligned_texts(report)), template=report.TEMPLATE)
    assert cell_values(result.report) == cell_values(report)


@given(st.data(), st.sampled_from(["v2015", "v2019", "v2021"]).flatmap(valid_reports))
def test_round_trip_template_detected(data: st.DataObject, report: govinfo.Report) -> None:
    """A filled report printed as column-aligned text is told by its template, and reads back."""
    result = govinfo.parse(data.draw(aligned_texts(report)))
    assert result.template == report.TEMPLATE
    assert cell_values(result.report) == cell_values(report)


_GAP_PATTERN = re.compile(r"[^\s|][ \u3000\u00a0]{2,}(?=[^\s|])")


@given(st.text(alphabet=" \u3000\u00a0|\n\tab0规", max_size=60))
def test_gaps_are_the_gap_pattern(text: str) -> None:
    """Gaps found a blank pair at a time are where one pattern over the text finds them."""
    assert sorted(_gaps(text)) == [m.start() for m in _GAP_PATTERN.finditer(text)]
