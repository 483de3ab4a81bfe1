"""Finding the template's rows: label variants, headers, unknown, extra and duplicate rows."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

import govinfo
from govinfo.models import REGISTRY
from govinfo.reading.labels import INDEXES

TABLE3_ROW = "一、本年新收政府信息公开申请数量 | {} |\n"


def _row(*cells: str) -> str:
    return TABLE3_ROW.format(" | ".join(cells))


def test_labels_tolerate_numbering_spacing_and_typos() -> None:
    """Full-width numbering, spaces, missing notes and the 危机 typo still find their rows."""
    text = (
        "(三)不予公开 | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
        "３．危机“三安全一稳定” | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
        "（二）部分公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
        "(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 "
        "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "3. 其 他 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n"
    )
    requests = govinfo.parse(text).report.requests
    assert requests.denied.state_secret.total == 1
    assert requests.denied.security_stability.natural_person == 2
    assert requests.partially_granted.total == 4
    assert requests.other.other.total == 5


def test_generic_header_cells_are_not_rows() -> None:
    """A bare "总计"/"其他" column header does not become the (七)总计 or 3.其他 row."""
    text = (
        "申请人情况 | 自然人 | 法人或其他组织 | 总计 |\n"
        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
        "(七)总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    )
    result = govinfo.parse(text)
    assert result.report.requests.processed_total.total == 1
    assert result.report.requests.other.other.total is None
    span = result.source_of("requests.processed_total.total")
    assert span is not None
    assert span.line == 3


def test_unknown_rows_are_kept_in_diagnostics() -> None:
    """A row the template does not have is reported with its label and values."""
    text = _row("1", "0", "0", "0", "0", "0", "1") + "本年咨询数量 | 7 | 8 |\n"
    result = govinfo.parse(text)
    (diag,) = [d for d in result.diagnostics if d.code == "unknown-row"]
    assert "本年咨询数量" in diag.message
    assert "'7', '8'" in diag.message
    assert diag.span is not None
    assert diag.span.line == 2
    assert diag.excerpt == "本年咨询数量 | 7 | 8 |"


def test_figures_under_no_label_are_kept_in_diagnostics() -> None:
    """Figures that no row label leads (after prose, or a grid's row) are reported, not dropped."""
    result = govinfo.parse("行政许可 | 146 |\n本机关积极推进政务公开工作。\n23 45\n")
    assert result.report.active.licensing.decisions == 146
    (diag,) = [d for d in result.diagnostics if d.code == "unknown-row"]
    assert diag.message == "figures of no row, kept here: ['23', '45']"
    assert diag.excerpt == "23 45"


def test_row_cut_by_a_page_break_is_one_row() -> None:
    """A row whose label's rest heads the next row, with no figures, is read whole.

    A table row that breaks over a page (LibreOffice lets rows break) leaves
    ``禁止公开`` and empty cells at the top of the next page; joined, the two
    parts name the row, which alone neither does.
    """
    text = (
        "三、本年度办理结果 | (三)不予公开 | 2.其他法律行政法规 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
        "禁止公开 |  |  |  |  |  |  |  |\n"
        "3.危及“三安全一稳定” | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
    )
    result = govinfo.parse(text, template="v2021")
    report = result.report
    assert isinstance(report, govinfo.ReportV2021)
    denied = report.requests.denied
    assert (denied.prohibited_by_law.natural_person, denied.prohibited_by_law.total) == (1, 1)
    assert denied.security_stability.total == 2
    assert not [d for d in result.diagnostics if d.code == "unknown-row"]


def test_a_label_joined_over_rows_names_its_row_word_for_word() -> None:
    """A row's label is joined with the next row's only where the words name it exactly.

    ``…相同信息计 1 条)`` set as text: the note's ``1`` reads as a cell, and
    ``条)`` heads a row of its own. Joined, only a loose key (the note left
    out) names 主动公开政府信息数: its 1 is no figure of the row.
    """
    text = (
        "统计指标\n\n单位 统计数\n\n"
        "(一)主动公开政府信息数(不同渠道和方式公开相同信息计 1 条)\n\n条\n\n"
        "其中:主动公开规范性文件数\n\n条\n"
    )
    report = govinfo.parse(text, template="v2015").report
    assert isinstance(report, govinfo.ReportV2015)
    assert report.proactive.total is None


def test_unit_wrapped_in_its_column_is_one_unit() -> None:
    """万元 wrapped in a narrow 单位 column is 万元: its 万 ends the label's first line.

    Text laid out by position (``pdftotext -layout``) prints ``…的 万`` then
    ``经费) 元 218.1938``; read as 元, the amount was stored 10,000 times too small.
    """
    text = (
        " 统计指标                                     单 统计数\n"
        "(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的 万\n"
        "经费)                                      元 218.1938\n"
    )
    result = govinfo.parse(text, template="v2015")
    report = result.report
    assert isinstance(report, govinfo.ReportV2015)
    assert report.capacity.budget == Decimal("218.1938")
    assert not [d for d in result.diagnostics if d.code == "converted"]


def test_extra_values_are_kept_in_diagnostics() -> None:
    """Values beyond a row's columns are reported, not dropped silently."""
    result = govinfo.parse("行政许可 | 146 | 9 |\n")
    assert result.report.active.licensing.decisions == 146
    (diag,) = [d for d in result.diagnostics if d.code == "extra-cells"]
    assert "'9'" in diag.message


def test_a_figure_for_every_column_leaves_no_blank_among_them() -> None:
    """A row with a figure for each column and a blank besides: the blank is no column.

    Text laid out by position sets a row's first figure left of its column
    (under a wrapped label), and a column is found there: the row came with
    a blank in the next. Before, its figures moved a column right and its
    总计 was dropped as an extra cell.
    """
    text = (
        "三、本年度办理结果 | (四)无法提供 | 1.本机关不掌握相关政府信息 "
        "| 43 |  | 10 | 36 | 41 | 26 | 46 | 202 |\n"
    )
    result = govinfo.parse(text, template="v2021")
    report = result.report
    assert isinstance(report, govinfo.ReportV2021)
    row = report.requests.unable.not_held
    assert (row.natural_person, row.commercial, row.other_org, row.total) == (43, 10, 46, 202)
    assert not [d for d in result.diagnostics if d.code == "extra-cells"]


def test_duplicate_rows_are_reported() -> None:
    """The same row twice with values: the fuller one is used and the other reported."""
    text = "规章 | 1 | 2 | 3 |\n规章 | 4 | | |\n行政许可 | 146 |\n行政许可 | 146 |\n"
    result = govinfo.parse(text, template="v2021")
    regulations = result.report.active.regulations
    assert (regulations.issued, regulations.in_force) == (1, 3)
    assert result.report.active.licensing.decisions == 146
    assert [d.code for d in result.diagnostics if d.code == "duplicate-row"] == [
        "duplicate-row"
    ] * 2


def test_a_row_twice_as_full_with_other_figures_is_left_blank() -> None:
    """Which of two rows as full is the row the text does not tell: "2.其他" wrapped is no "3.其他".

    A borderless PDF's text wrapped "2.其他法律行政法规禁止公开" round its figures,
    its first line naming (六)'s "3.其他" as well as the real one further down.
    """
    figures = " ".join(["1"] * 6)
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        f"(三)不予公开 2.其他   38 25 21 17 31 10 142\n法律行政法规禁止公开\n"
        f"(六)其他处理 3.其他   {figures} 6\n"
    )
    result = govinfo.parse(text, template="v2021")
    assert result.report.requests.other.other.total is None
    (twice,) = [d for d in result.diagnostics if d.code == "duplicate-row"]
    assert "'142'" in twice.message
    assert "'6'" in twice.message


def test_v2015_same_label_in_two_sections_goes_by_section() -> None:
    """ "(二)被依法纠错数" is read into 复议 or 诉讼 by the section it stands in."""
    text = (
        "四、行政复议数量 | 件 | 3 |\n(一)维持具体行政行为数 | 件 | 1 |\n"
        "(二)被依法纠错数 | 件 | 2 |\n"
        "五、行政诉讼数量 | 件 | 5 |\n(二)被依法纠错数 | 件 | 4 |\n(三)其他情形数 | 件 | 1 |\n"
    )
    report = govinfo.parse(text).report
    assert (report.review.total, report.review.corrected, report.review.other) == (3, 2, None)
    assert (report.litigation.total, report.litigation.corrected) == (5, 4)
    assert report.litigation.other == 1


def test_v2015_label_variants() -> None:
    """Typos and provincial wording of real reports find their indicators."""
    text = (
        "1.参加或举报新闻发布会总次数 | 次 | 2 |\n"
        "3﹒政务微博名称:????? ,公开政府信息数 | 条 | 5 |\n"
        "(二)举办各类考试数 | 次 | 2 |\n(三)参加考试人员数 | 人次 | 200 |\n"
        "(一)维持具有行政行为或者驳回原告诉讼请求数 | 件 | 1 |\n"
    )
    report = govinfo.parse(text, template="v2015").report
    assert report.response.press_conferences == 2
    assert report.proactive.channels.weibo == 5
    assert (report.meetings.trainings, report.meetings.trainees) == (2, 200)
    assert report.litigation.upheld == 1


def test_figures_before_their_labels_leave_the_rows_blank() -> None:
    """A header holding figures before the first row: a PDF's text in drawing order.

    ``pdftotext`` without ``-layout`` printed each row's figure before its label;
    read label first, 行政许可 took 行政处罚's 2 and 行政处罚 行政强制's 0.
    """
    drawn = "二、主动公开政府信息情况\n本年处理决定数量\n146\n行政许可\n2\n行政处罚\n0\n行政强制\n"
    result = govinfo.parse(drawn, template="v2021")
    active = result.report.active
    assert (active.licensing.decisions, active.penalty.decisions) == (None, None)
    assert active.coercion.decisions is None
    stepped = [d for d in result.diagnostics if d.code == "figures-before-labels"]
    assert [d.message.split(":")[0] for d in stepped] == ["active.licensing", "active.penalty"]
    assert "'146'" in next(d.message for d in result.diagnostics if d.code == "unknown-row")

    lines = ["二、主动公开政府信息情况", "本年处理决定数量", "行政许可", "146", "行政处罚", "2"]
    in_order = "\n".join([*lines, "行政强制", "0", ""])
    active = govinfo.parse(in_order, template="v2021").report.active
    assert (active.licensing.decisions, active.penalty.decisions) == (146, 2)
    assert active.coercion.decisions == 0


def test_a_value_block_with_more_figures_than_cells_is_left_blank() -> None:
    """Table 四 after figures another table left: which 15 are its own is not known."""
    heading = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n"
    figures = [str(n) for n in range(1, 21)]
    result = govinfo.parse(heading + " ".join(figures) + "\n", template="v2021")
    review = result.report.review_litigation
    assert (review.review.upheld, review.litigation_after_review.total) == (None, None)
    (extra,) = [d for d in result.diagnostics if d.code == "extra-cells"]
    assert str(figures) in extra.message

    result = govinfo.parse(heading + " ".join(figures[:15]) + "\n", template="v2021")
    review = result.report.review_litigation
    assert (review.review.upheld, review.litigation_after_review.total) == (1, 15)


def test_an_item_beside_the_end_of_its_wrapped_group_label_is_found() -> None:
    """A borderless PDF table wraps "(三)不予公开" beside its items: "予公开" runs into one.

    The words before the space name nothing; the item after it names its row.
    """
    text = (
        "(三)不 | 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
        "予公开 5.属于三类内部事务信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
    )
    report = govinfo.parse(text, template="v2021").report
    assert isinstance(report, govinfo.ReportV2021)
    assert report.requests.denied.internal_affairs.natural_person == 2
    assert report.requests.denied.internal_affairs.total == 2


def test_figures_under_a_value_block_header_are_kept_in_diagnostics() -> None:
    """Table 四 printed a column at a time: each header word with the figures under it.

    The header names columns of a value block only, which holds no rows its
    figures could be ahead of: the figures are an unknown row, no cell is read.
    """
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n\n结果维持\n3\n\n4\n\n"
        "结果纠正\n5\n\n6\n\n7\n\n其他结果\n8\n\n9\n"
    )
    result = govinfo.parse(text, template="v2021")
    review = result.report.review_litigation
    assert (review.review.upheld, review.review.corrected) == (None, None)
    unknown = [d.message for d in result.diagnostics if d.code == "unknown-row"]
    assert any("'5', '6', '7'" in message for message in unknown), unknown


def test_a_header_after_a_table_title_heads_that_tables_rows() -> None:
    """Drawn-order text where table 二's last header words run into table 三's header.

    ``本年收费金额`` names 二's fee row; the figures after 三's title and header
    stand before 三's first label, each row's figures the next row's.
    """
    drawn = (
        "信息内容\n本年收费金额\n行政事业性收费\n三、收到和处理政府信息公开申请情况\n"
        "申请人情况\n科研 社会公 法律服 其 总计\n5 0 0 0 0 0 5\n"
        "一、本年新收政府信息公开申请数量\n3 0 0 0 0 0 3\n二、上年结转政府信息公开申请数量\n"
    )
    result = govinfo.parse(drawn, template="v2021")
    requests = result.report.requests
    assert (requests.new.total, requests.carried_over.total) == (None, None)
    stepped = [d for d in result.diagnostics if d.code == "figures-before-labels"]
    assert [d.message.split(":")[0] for d in stepped] == ["requests.new"]


def test_figures_after_a_value_block_leave_its_unchecked_cells_blank() -> None:
    """Table 四's totals cut by a page break, 15 over 9 and 10 over 7 (``pdftotext -layout``).

    Which figures the 9 and 7 end the text does not tell: the groups whose
    total is the sum of its parts keep their figures, the others are blank.
    """
    text = (  # as pdftotext -layout printed a LibreOffice PDF of a Word report
        "四、政府信息公开行政复议、行政诉讼情况\n\n"
        f"行政复议{' ' * 24}行政诉讼 未经复议直接起{' ' * 16}行政诉讼 复议后起诉\n"
        f"{' ' * 28}诉\n\n"
        f"结果维持{' ' * 13}结果纠正{' ' * 13}其他结果{' ' * 13}尚未审结{' ' * 16}总计\n\n"
        "39   46    44    30    15   21    39    7    10    77   50    26       1    30    10\n"
        "\f9   7\n\f"
    )
    result = govinfo.parse(text, template="v2021")
    outcome = result.report.review_litigation
    assert (outcome.review.upheld, outcome.review.total) == (None, None)
    assert (outcome.litigation_after_review.upheld, outcome.litigation_after_review.total) == (
        None,
        None,
    )
    direct = outcome.litigation_direct
    assert (direct.upheld, direct.corrected, direct.other, direct.pending, direct.total) == (
        21,
        39,
        7,
        10,
        77,
    )
    (ends,) = [d for d in result.diagnostics if d.code == "wrapped-figures"]
    assert "['9', '7']" in ends.message
    assert "'review_litigation.review.total': '15'" in ends.message


#: Every template's table titles, row labels and header words, as the label index keeps them.
_WORDS = sorted(
    {w for index in INDEXES.values() for w in (*index.anchors, *index.rows, *index.headers)}
)


@given(
    words=st.lists(
        st.one_of(st.sampled_from(_WORDS), st.integers(0, 999).map(str), st.just("")),
        max_size=60,
    ),
    separator=st.sampled_from(["\n", "\n\n", " ", " | ", "   "]),
)
@example(words=["结果纠正", "0", "", "0", "", "0"], separator="\n")  # raised ValueError
@example(words=["不同意公开答复数", "0", "0", "上一年项目数量", "上一年项目数量"], separator=" ")
def test_template_words_in_any_order_are_read_or_reported(words: list[str], separator: str) -> None:
    """The templates' labels, header words and figures in any order: no exception, no invention.

    Text a PDF extractor gives in the order things were drawn (a column of
    table 四 at a time, figures before labels) is such a sequence. Every
    value read is quoted from the input and states its figure.
    """
    result = govinfo.parse(separator.join(words))
    report = result.report
    for key, value in REGISTRY.of(report).flatten(report).items():
        if isinstance(value, int) and not isinstance(value, bool):
            quote = result.quote(key)
            assert quote is not None, key
            assert str(abs(value)) in quote, (key, value, quote)


def test_a_labels_last_line_heading_the_next_row_is_joined() -> None:
    """A label wrapped round its figures, its last line over the next row's label.

    ``pdftotext -layout`` of a PDF whose cells centre their figures: the
    figures stand level with the label's middle line, and its last line
    (``申请``) comes before the next row's label and figures.
    """
    text = (
        "三、收到和处理政府信息公开申请情况\n(六)其他处理\n"
        "1.申请人无正当理由逾期不补正、\n行政机关不再处理其政府信息公开 37 3 6 3 48 39 136\n"
        "申请\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        " 10 45 16 28 37 6 142\n"
    )
    result = govinfo.parse(text, template="v2021")
    other = result.report.requests.other
    assert (other.no_correction.natural_person, other.no_correction.total) == (37, 136)
    assert (other.unpaid_fee.natural_person, other.unpaid_fee.total) == (10, 142)
    assert not [d for d in result.diagnostics if d.code == "unknown-row"]


def test_a_labels_lines_after_its_figures_are_joined_before_the_next_row() -> None:
    """``pdftotext -layout`` of a LibreOffice PDF: cells hold their text at the top.

    Each label's first line carries the row's figures, its other lines follow,
    and the next row's label starts after them.
    """
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政       517         541   597        416   657   567   3295\n"
        "府信息公开申请\n数量\n\n"
        "二、上年结转政       37          1     50         6     32    4     130\n"
        "府信息公开申请\n数量\n\n"
    )
    result = govinfo.parse(text, template="v2021")
    requests = result.report.requests
    assert (requests.new.natural_person, requests.new.total) == (517, 3295)
    assert (requests.carried_over.natural_person, requests.carried_over.total) == (37, 130)
    assert not [d for d in result.diagnostics if d.code == "unknown-row"]


def test_a_rows_figures_split_over_its_labels_two_lines_are_one_row() -> None:
    """``pdftotext -layout`` of a Chromium PDF: a wrapped label's row, its figures on both lines.

    Joined, the label names its row word for word and the figures fill its
    seven columns; they are its own only where its 总计 is the sum of the
    rest in that order.
    """
    first = "(二)部分公开(区分处理的,只计这一 36 15 28 39\n"
    second = "情形,不计其他情形)                7   3   128\n"
    text = "三、收到和处理政府信息公开申请情况\n" + first + second
    partly = govinfo.parse(text, template="v2021").report.requests.partially_granted
    assert (partly.natural_person, partly.other_org, partly.total) == (36, 3, 128)

    swapped = "(二)部分公开(区分处理的,只计这一 7 3 128 36\n情形,不计其他情形) 15 28 39\n"
    text = "三、收到和处理政府信息公开申请情况\n" + swapped
    partly = govinfo.parse(text, template="v2021").report.requests.partially_granted
    assert (partly.natural_person, partly.total) == (None, None)
