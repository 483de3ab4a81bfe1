"""Cells a crawler ran together: cut into labels and digit runs, split by the invariants."""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import Phase, event, given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.formats.render import cell_text, render_text
from govinfo.models import REGISTRY
from govinfo.reading.cells import Kind, tokenize
from govinfo.reading.recover import MAX_STEPS
from govinfo.testing import run_together_layouts, run_together_texts, valid_reports
from helpers import cell_values

if TYPE_CHECKING:
    from govinfo.models import Report
    from govinfo.templates.invariants import Check
    from govinfo.templates.spec import TemplateSpec

#: The shape of real crawler dumps (issue #18): every cell of a table on one line.
DUMP = (
    "二、主动公开政府信息情况\n"
    "第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件12359"
    "第二十条第(五)项信息内容本年处理决定数量行政许可146\n"
    "三、收到和处理政府信息公开申请情况\n"
    "一、本年新收政府信息公开申请数量11060000116二、上年结转政府信息公开申请数量2000002"
    "三、本年度办 理结果(一)予以公开510000051(二)部分公开(区分处理的,只计这一情形,"
    "不计其他情形)1000001(三)不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000\n"
)


def _report(text: str) -> govinfo.ReportV2021:
    report = govinfo.parse(text, template="v2021").report
    assert isinstance(report, govinfo.ReportV2021)
    return report


class TestCutting:
    """A line of words and digits is cut into labels and runs; numbering and units stay words."""

    def test_labels_and_runs(self) -> None:
        (row,) = tokenize("一、本年新收政府信息公开申请数量11060000116\n")
        assert [c[0] for c in row.labels] == ["一、本年新收政府信息公开申请数量"]
        assert [(c[0], c[3]) for c in row.cells] == [("11060000116", Kind.RUN)]
        assert row.run_together

    def test_numbering_of_the_next_label_is_not_a_digit_of_the_run(self) -> None:
        """ "…00000002.其他…": the 2 numbers the next label."""
        rows = tokenize("(三)不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000\n")
        assert [[c[0] for c in r.cells] for r in rows] == [["0000000"], ["0000000"]]
        assert rows[1].labels[0][0] == "2.其他法律行政法规禁止公开"

    def test_figures_with_units_and_sentences_are_not_cut(self) -> None:
        """ "2023年", "5件" and a sentence keep their words: no run."""
        for text in ("2023年政府信息公开工作年度报告\n", "本年度收到申请5件,办结5件。\n"):
            assert all(not r.run_together for r in tokenize(text))

    def test_a_digit_after_a_space_left_between_runs_is_a_cell(self) -> None:
        """ "000000 0四、…": the 0 is the row's last cell, not the next heading's numbering."""
        text = "四、结转下年度继续办理000000 0四、政府信息公开行政复议、行政诉讼情况\n"
        row = tokenize(text)[0]
        assert [c[0] for c in row.cells] == ["000000", "0"]
        forward = _report(text).requests.carried_forward
        assert (forward.natural_person, forward.other_org, forward.total) == (0, 0, 0)

    def test_a_v2015_unit_run_into_its_label_is_a_unit(self) -> None:
        """ "收到申请数件12": 件 is the indicator's 单位, also after a note ("…数)人0")."""
        text = (
            "三、依申请公开情况\n(一)收到申请数件121.当面申请数件5\n"
            "(三)从事政府信息公开工作人员数人3\n"
            "1.专职人员数(不包括政府公报及政府网站工作人员数)人1\n"
        )
        report = govinfo.parse(text, template="v2015").report
        assert isinstance(report, govinfo.ReportV2015)
        assert (report.applications.received, report.applications.in_person) == (12, 5)
        assert (report.capacity.staff, report.capacity.staff_full_time) == (3, 1)

    def test_digits_starting_with_zero_are_several_cells(self) -> None:
        """No count starts with 0: "000" between separators is three cells run together."""
        (row,) = tokenize("规章 | 000 |\n")
        assert row.cells[0][3] is Kind.RUN


class TestSplitting:
    """Digit runs split into the row's cells where the invariants leave one cut."""

    def test_a_row_with_one_consistent_cut(self) -> None:
        """11060000116 for seven cells can only be 110 | 6 | 0 | 0 | 0 | 0 | 116 (R3)."""
        result = govinfo.parse(DUMP, template="v2021")
        report = result.report
        assert isinstance(report, govinfo.ReportV2021)
        new = report.requests.new
        assert (new.natural_person, new.commercial, new.research, new.total) == (110, 6, 0, 116)
        assert report.requests.carried_over.total == 2
        assert report.requests.granted.natural_person == 51
        assert report.requests.partially_granted.total == 1
        assert report.requests.denied.state_secret.total == 0
        split = {d.key: d for d in result.diagnostics if d.code == "split-by-invariants"}
        assert "by R3" in split["requests.new"].message
        assert result.quote("requests.new.total") == "11060000116"

    def test_a_digit_a_cell_and_an_open_run(self) -> None:
        """ "000" for three cells is 0 | 0 | 0; "12359" has six cuts and no rule: blank."""
        result = govinfo.parse(DUMP, template="v2021")
        report = result.report
        assert isinstance(report, govinfo.ReportV2021)
        regulations = report.active.regulations
        assert (regulations.issued, regulations.repealed, regulations.in_force) == (0, 0, 0)
        normative = report.active.normative_documents
        assert (normative.issued, normative.repealed, normative.in_force) == (None, None, None)
        (open_run,) = [
            d
            for d in result.diagnostics
            if d.code == "ambiguous-cells" and d.key == "active.normative_documents"
        ]
        assert "placements fit" in open_run.message
        assert report.active.licensing.decisions == 146

    def test_table_four_splits_group_by_group(self) -> None:
        """Fifteen cells of three groups, each 总计 = the sum of the other four (R4)."""
        text = (
            "四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议行政诉讼未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计"
            "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
            "12300150000010001\n"
        )
        review = _report(text).review_litigation
        assert (review.review.upheld, review.review.corrected, review.review.total) == (12, 3, 15)
        assert review.litigation_direct.total == 0
        assert (review.litigation_after_review.upheld, review.litigation_after_review.total) == (
            1,
            1,
        )

    def test_a_sign_in_a_run_starts_a_change(self) -> None:
        """ "716-417298": the sign starts 本年增/减, so 716 is 上一年项目数量 and only it.

        The change and 处理决定数量 share "-417298" in six ways (no rule reads the
        row): blank. "12-3" for 收费's two cells has one cut; "7增1011", three.
        """
        text = "二、主动公开政府信息情况\n行政许可716-417298行政事业性收费12-3行政处罚7增1011\n"
        result = govinfo.parse(text, template="v2019")
        report = result.report
        assert isinstance(report, govinfo.ReportV2019)
        licensing, fees, penalty = (
            report.active.licensing,
            report.active.fees,
            report.active.penalty,
        )
        assert (licensing.previous_items, licensing.change, licensing.decisions) == (
            716,
            None,
            None,
        )
        assert (fees.previous_items, fees.change) == (12, -3)
        assert (penalty.previous_items, penalty.change, penalty.decisions) == (7, None, None)
        open_rows = {d.key: d.message for d in result.diagnostics if d.code == "ambiguous-cells"}
        assert "6 placements fit" in open_rows["active.licensing"]
        assert "change=-4, decisions=17298" in open_rows["active.licensing"]
        assert "3 placements fit" in open_rows["active.penalty"]

    def test_a_sign_in_a_column_of_counts_gives_no_cut(self) -> None:
        """A sign starts no count: "110-60000116" for 本年新收 is left blank, not cut round it."""
        result = govinfo.parse("一、本年新收政府信息公开申请数量110-60000116\n", template="v2021")
        report = result.report
        assert isinstance(report, govinfo.ReportV2021)
        new = {k: v for k, v in cell_values(report).items() if k.startswith("requests.new.")}
        assert set(new.values()) == {None}
        assert any("no placement fits" in d.message for d in result.diagnostics)

    def test_totals_that_do_not_add_up_get_no_values(self) -> None:
        """A report whose printed total is wrong gets no cut that makes it right."""
        result = govinfo.parse("一、本年新收政府信息公开申请数量11060000117\n", template="v2021")
        report = result.report
        assert isinstance(report, govinfo.ReportV2021)
        new = {k: v for k, v in cell_values(report).items() if k.startswith("requests.new.")}
        assert set(new.values()) == {None}
        assert any("no placement fits" in d.message for d in result.diagnostics)

    def test_a_run_of_hundreds_of_digits_is_left_blank_with_a_reason(self) -> None:
        """The search has a fixed budget: a 300-digit run is answered, blank, not guessed."""
        result = govinfo.parse(
            "一、本年新收政府信息公开申请数量" + "1" * 300 + "\n", template="v2021"
        )
        report = result.report
        assert isinstance(report, govinfo.ReportV2021)
        assert report.requests.new.total is None
        assert any(d.key == "requests.new" for d in result.diagnostics)


#: Table 三 of a v2019 report, run together: rows ambiguous alone, one cut together (shrunk
#: from the property below). The rows of zeros are written out by ``_table_three``.
_ZERO_ROWS = (
    "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
    "(三)不予公开1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "(四)无法提供1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "(五)不予处理1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
)


def _table_three() -> str:
    return (
        "三、收到和处理政府信息公开申请情况\n"
        "一、本年新收政府信息公开申请数量11100000111\n"
        "二、上年结转政府信息公开申请数量0111111101154\n"
        "(一)予以公开0111111101154\n"
        + "".join(f"{label}0000000\n" for label in _ZERO_ROWS)
        + "4.无正当理由大量反复申请170000017\n"
        "5.要求行政机关确认或重新出具已获取信息440000044\n"
        "(六)其他处理500000050\n"
        "(七)总计1111111111011165\n"
        "四、结转下年度继续办理0000000\n"
    )


class TestRowsTogether:
    """Rows that rules tie together (R1, R2) are cut together where alone they stay open."""

    def test_rows_open_alone_are_cut_by_the_rules_across_rows(self) -> None:
        """111|0|…|111 or 1|110|…|111 alone; R1 with (七)总计 and 结转 leaves the first.

        (七)总计's sixteen digits have too many cuts alone; under R2, with the result
        rows above it chosen, one.
        """
        result = govinfo.parse(_table_three(), template="v2019")
        report = result.report
        assert isinstance(report, govinfo.ReportV2019)
        requests = report.requests
        assert (requests.new.natural_person, requests.new.commercial, requests.new.total) == (
            111,
            0,
            111,
        )
        assert (requests.not_processed.confirmation.natural_person,) == (44,)
        total = requests.processed_total
        assert (total.natural_person, total.commercial, total.legal_services, total.total) == (
            111,
            11,
            10,
            165,
        )
        split = {d.key: d.message for d in result.diagnostics if d.code == "split-by-invariants"}
        assert "by R1, R3" in split["requests.new"]
        assert "R2" in split["requests.processed_total"]
        assert not [d for d in result.diagnostics if d.code == "ambiguous-cells"]

    def test_a_wrong_total_leaves_the_rows_as_they_were_alone(self) -> None:
        """(七)总计 off by one: no filling of the table holds, so no row is cut by the others."""
        text = _table_three().replace("1111111111011165", "1111111111011166")
        result = govinfo.parse(text, template="v2019")
        report = result.report
        assert isinstance(report, govinfo.ReportV2019)
        assert report.requests.new.natural_person is None
        assert report.requests.new.total == 111  # every cut of the row alone agrees on it
        assert report.requests.processed_total.total is None

    def test_a_line_of_digits_alone_in_a_run_together_text_is_a_run(self) -> None:
        """Table 四's values on a line of their own, not starting with 0: cut as the rows above.

        Alone, "100010000000000" reads as one number; where the rows ran together, as fifteen.
        """
        text = (
            "一、本年新收政府信息公开申请数量1000001\n"
            "四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议行政诉讼 未经复议直接起诉行政诉讼 复议后起诉\n"
            "结果维持结果纠正其他结果尚未审结总计\n"
            "100010000000000\n"
        )
        result = govinfo.parse(text, template="v2021")
        table = result.report.review_litigation
        assert (table.review.upheld, table.review.total, table.litigation_direct.total) == (1, 1, 0)
        split = {d.key: d.message for d in result.diagnostics if d.code == "split-by-invariants"}
        assert "by R4" in split["review_litigation"]

    def test_table_four_groups_are_searched_once_each(self) -> None:
        """Twenty-six digits for fifteen cells: the groups after a finished one are found once.

        复议 is 0|0|1|10|11 or 0|0|11|0|11: its two middle cells stay blank, the rest is cut.
        """
        text = (
            "四、政府信息公开行政复议、行政诉讼情况\n"
            "行政复议行政诉讼 未经复议直接起诉行政诉讼 复议后起诉\n"
            "结果维持结果纠正其他结果尚未审结总计\n"
            "00110113841111110111100021\n"
        )
        result = govinfo.parse(text, template="v2019")
        table = result.report.review_litigation
        review, direct, after = (
            table.review,
            table.litigation_direct,
            table.litigation_after_review,
        )
        assert (review.upheld, review.corrected, review.other, review.pending, review.total) == (
            0,
            0,
            None,
            None,
            11,
        )
        assert (direct.upheld, direct.corrected, direct.other, direct.pending) == (38, 41, 11, 11)
        assert (after.upheld, after.corrected, after.total) == (11, 10, 21)
        (open_cells,) = [d for d in result.diagnostics if d.code == "ambiguous-cells"]
        assert "2 placements fit" in open_cells.message


#: Sentences stating one cell of v2019/v2021 each, as section 一 of a report says them.
_STATEMENTS = {
    "requests.new.total": "本年收到政府信息公开申请{}件。",
    "requests.new.natural_person": "来自自然人的申请{}件。",
    "requests.carried_over.total": "上年结转政府信息公开申请{}件。",
    "requests.processed_total.total": "全年办理政府信息公开申请{}件。",
    "requests.granted.total": "予以公开{}件。",
    "requests.partially_granted.total": "部分公开{}件。",
    "requests.carried_forward.total": "结转下年度继续办理{}件。",
    "active.penalty.decisions": "行政处罚决定{}件。",
    "review_litigation.review.total": "发生行政复议{}件。",
}


def _prose_of(values: dict[str, int]) -> str:
    return "一、总体情况\n" + "".join(_STATEMENTS[k].format(v) for k, v in values.items()) + "\n"


#: 11100000111 for the seven cells of 本年新收: 111|0|…|111 or 1|110|…|111 under R3.
_NEW_OPEN = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量11100000111\n"


class TestProseConfirms:
    """A figure the prose states chooses among the cuts the rules leave; it never makes one."""

    @pytest.mark.parametrize(
        ("key", "template"), list(itertools.product(_STATEMENTS, ["v2019", "v2021"]))
    )
    def test_each_statement_is_read_as_its_cell(self, key: str, template: str) -> None:
        """The sentences the property below writes state the cells it means."""
        result = govinfo.parse(_prose_of({key: 7}), template=template)
        assert cell_values(result.report)[key] == 7

    def test_the_prose_decides_an_open_run(self) -> None:
        """Alone the run has two cuts; "来自自然人的申请111件" agrees with one: it is used."""
        result = govinfo.parse(
            _prose_of({"requests.new.natural_person": 111}) + _NEW_OPEN, template="v2021"
        )
        new = _report_of(result).requests.new
        assert (new.natural_person, new.commercial, new.total) == (111, 0, 111)
        (split,) = [d for d in result.diagnostics if d.code == "split-by-invariants"]
        assert "by R3 and the prose stating requests.new.natural_person=111" in split.message
        assert "来自自然人的申请111件" in split.message
        assert result.quote("requests.new.commercial") == "11100000111"  # read from the run
        assert not [d for d in result.diagnostics if d.code == "ambiguous-cells"]

    def test_a_statement_every_cut_agrees_with_decides_nothing(self) -> None:
        """Both cuts have total 111: the prose stating it leaves them both open."""
        result = govinfo.parse(_prose_of({"requests.new.total": 111}) + _NEW_OPEN, template="v2021")
        new = _report_of(result).requests.new
        assert (new.natural_person, new.commercial, new.total) == (None, None, 111)
        (open_run,) = [d for d in result.diagnostics if d.code == "ambiguous-cells"]
        assert "2 placements fit" in open_run.message
        assert "prose" not in open_run.message

    def test_prose_no_cut_agrees_with_invents_nothing(self) -> None:
        """ "来自自然人的申请5件" fits neither cut: the cells stay open, as both diagnostics say."""
        result = govinfo.parse(
            _prose_of({"requests.new.natural_person": 5}) + _NEW_OPEN, template="v2021"
        )
        new = _report_of(result).requests.new
        assert (new.natural_person, new.commercial, new.total) == (None, None, 111)
        (open_run,) = [d for d in result.diagnostics if d.code == "ambiguous-cells"]
        assert "2 placements fit" in open_run.message
        assert "prose states requests.new.natural_person=5" in open_run.message
        assert "which no placement agrees with" in open_run.message
        codes = {d.code for d in result.diagnostics if d.key == "requests.new.natural_person"}
        assert codes == {"prose-not-used"}  # tables win: the cell stays blank

    def test_prose_that_states_two_values_decides_nothing(self) -> None:
        """The same cell stated as 111 and as 1: the prose is no witness, the run stays open."""
        text = (
            _prose_of({"requests.new.natural_person": 111})
            + "二、其他\n来自自然人的申请1件。\n"
            + _NEW_OPEN
        )
        new = _report_of(govinfo.parse(text, template="v2021")).requests.new
        assert (new.natural_person, new.commercial) == (None, None)

    def test_prose_and_rules_across_rows_decide_together(self) -> None:
        """Rows tied by R1 stay open jointly; the prose on one row settles the others too."""
        text = (
            _prose_of({"requests.new.natural_person": 111}) + "三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量11100000111\n"
            "二、上年结转政府信息公开申请数量0000000\n"
            "(七)总计0000000\n"
            "四、结转下年度继续办理11100000111\n"
        )
        result = govinfo.parse(text, template="v2019")
        requests = _report_of(result).requests
        assert (requests.new.natural_person, requests.new.commercial) == (111, 0)
        assert (requests.carried_forward.natural_person, requests.carried_forward.commercial) == (
            111,
            0,
        )
        split = {d.key: d.message for d in result.diagnostics if d.code == "split-by-invariants"}
        assert "the prose stating" in split["requests.carried_forward"]


def _report_of(result: govinfo.ParseResult[Any]) -> Any:
    report = result.report
    assert isinstance(report, govinfo.ReportV2019 | govinfo.ReportV2021)
    return report


@given(st.data(), st.sampled_from(["v2021", "v2019"]))
def test_true_prose_never_gives_another_value(data: st.DataObject, template: str) -> None:
    """Any valid report run together, some of its figures stated in prose too.

    No cell read differs from the report's, and every cell read without the
    prose is read with it: the statements only choose among the cuts.
    """
    report = data.draw(valid_reports(template))
    text = data.draw(run_together_texts(report))
    want = cell_values(report)
    stated = data.draw(st.lists(st.sampled_from(sorted(_STATEMENTS)), unique=True, max_size=4))
    values = {k: want[k] for k in stated if want[k] is not None}
    got = cell_values(govinfo.parse(_prose_of(values) + text, template=template).report)
    assert {k: v for k, v in got.items() if v is not None and v != want[k]} == {}
    alone = cell_values(govinfo.parse(text, template=template).report)
    assert {k for k, v in alone.items() if v is not None and got[k] is None} == set()


def test_spaced_rows_no_rule_reads() -> None:
    """Shrunk from the property below: "行政处罚00 0行政强制0 00" is two rows, not one.

    The line's last word ran into its numbers, and so did the words before it:
    the whole line is cut, the spaces left in ending no row.
    """
    text = "二、主动公开政府信息情况\n行政处罚00 0行政强制0 00\n"
    active = govinfo.parse(text, template="v2019").report.active
    assert (active.penalty.previous_items, active.coercion.decisions) == (0, 0)


def test_a_sentence_run_into_the_table_after_it() -> None:
    """Shrunk from the property below: a table run into the sentence before it is read.

    The line held a sentence, so it was prose, and the rows run together after
    it were lost. What follows the last sentence is a table where it reads as
    rows do (two figures or more) with no comma outside a label's note.
    """
    text = (
        "本年度收取信息处理费0.0000元。一、主动公开情况(一)主动公开政府信息数"
        "(不同渠道和方式公开相同信息计1条)条7其中:主动公开规范性文件数条3\n"
    )
    proactive = govinfo.parse(text, template="v2015").report.proactive
    assert (proactive.total, proactive.normative_documents) == (7, 3)
    clause = "如有疑问,请联系办公室302室,邮编165000。"  # a clause's figures are no cells
    rows = tokenize(f"说明如下。{clause[:-1]}\n")
    assert rows == []


@given(st.data(), st.sampled_from(["v2021", "v2019", "v2015"]))
def test_run_together_text_never_gives_another_value(data: st.DataObject, template: str) -> None:
    """Any valid report run together: every cell read is the report's own."""
    report = data.draw(valid_reports(template))
    text = data.draw(run_together_texts(report))
    got = cell_values(govinfo.parse(text, template=template).report)
    want = cell_values(report)
    assert {k: v for k, v in got.items() if v is not None and v != want[k]} == {}


@given(st.data())
def test_wrong_totals_get_no_invented_values(data: st.DataObject) -> None:
    """A report whose 总计 cells are off by one: no cell read differs from what it prints."""
    report = data.draw(valid_reports("v2021"))
    assert isinstance(report, govinfo.ReportV2021)
    new = report.requests.new
    broken = govinfo.ReportV2021(
        meta=report.meta,
        active=report.active,
        requests=attrs.evolve(report.requests, new=attrs.evolve(new, total=(new.total or 0) + 1)),
        review_litigation=report.review_litigation,
    )
    text = data.draw(run_together_texts(broken))
    got = cell_values(govinfo.parse(text, template="v2021").report)
    want = cell_values(broken)
    assert {k: v for k, v in got.items() if v is not None and v != want[k]} == {}


def test_a_long_run_together_label_is_cut_near_its_end() -> None:
    """Text that no name covers is a piece of its own; the row's label at the end is found."""
    text = "二、主动公开政府信息情况\n" + "关于" * 5000 + "第二十条第(一)项信息内容规章000\n"
    regulations = _report(text).active.regulations
    assert (regulations.issued, regulations.repealed, regulations.in_force) == (0, 0, 0)


#: Transitions the exhaustive search takes at most; past it, a group of rows is not judged.
_SEARCH_LIMIT = 200_000


def _lines_of(spec: TemplateSpec) -> list[tuple[str, ...] | None]:
    """The cell keys of the values on each line ``render_text`` writes for the tables."""
    lines: list[tuple[str, ...] | None] = []
    for table in spec.tables:
        lines.append(None)  # the table's heading
        if table.layout == "value_block":
            keys = tuple(r.cell_key(c) for r in table.rows for c in r.value_columns)
            lines += [None, None, keys]  # two header lines, then the values
        else:
            lines += [tuple(r.cell_key(c) for c in r.value_columns) for r in table.rows]
    return lines


@attrs.frozen
class _Run:
    """A run-together row: its cell keys, its digits, where spaces were left, blanks allowed.

    ``digits`` holds the minus signs of negative changes (本年增/减), the cells of ``signed``.
    """

    keys: tuple[str, ...]
    digits: str
    spaces: frozenset[int]
    blanks: bool
    signed: frozenset[str] = frozenset()


def _readings(run: _Run, at: int, key: str) -> list[tuple[int | None, int]]:
    """What cell ``key`` of ``run`` may hold from digit ``at``: (value, next position)."""
    found: list[tuple[int | None, int]] = [(None, at)] if run.blanks else []
    digits, first = run.digits, at
    if at < len(digits) and digits[at] == "-":
        if key not in run.signed:
            return found  # a sign starts a change, and only a change
        first = at + 1
    for end in range(first + 1, len(digits) + 1):
        if end - first > 1 and digits[first] == "0":
            break  # no number but 0 starts with 0
        found.append((int(digits[at:end]), end))
        if end in run.spaces or digits[end : end + 1] == "-":
            break  # a cell does not run over a space left in, or into a sign
    return found


def _every_value(
    runs: list[_Run], checks: list[Check], known: dict[str, Any]
) -> dict[str, set[Any]]:
    """Each cell's values over every cut of ``runs`` under which all ``checks`` hold.

    Exhaustive, but for sharing: the cells are decided one by one, and two partial
    cuts that leave the same position in the row and the same partial sums of
    every rule yet to be checked have the same completions, so they are kept once.
    A forward pass finds the states reachable, a backward one those that complete.
    """
    order = [(r, k) for r in runs for k in r.keys]
    last = {k: i for i, (_, k) in enumerate(order)}
    ready: list[list[int]] = [[] for _ in order]
    for n, check in enumerate(checks):
        ready[max(last[k] for k in check.keys if k in last)].append(n)
    sign = [dict.fromkeys(c.total, 1) | dict.fromkeys(c.parts, -1) for c in checks]
    start = tuple(sum(s * known[k] for k, s in sg.items() if k in known) for sg in sign)
    states: set[tuple[int, tuple[int, ...]]] = {(0, start)}
    edges: list[list[tuple[tuple[int, tuple[int, ...]], Any, tuple[int, tuple[int, ...]]]]] = []
    taken = 0
    for i, (run, key) in enumerate(order):
        row_ends = i + 1 == len(order) or order[i + 1][0] is not run
        step, after = [], set()
        for state in states:
            at, sums = state
            for value, end in _readings(run, at, key):
                if row_ends and end != len(run.digits):
                    continue
                new = list(sums)
                for n, sg in enumerate(sign):
                    if key in sg and value is not None:
                        new[n] += sg[key] * value
                if any(_broken(checks[n].rule.relation, new[n]) for n in ready[i]):
                    continue
                target = (0 if row_ends else end, tuple(new))
                step.append((state, value, target))
                after.add(target)
        taken += len(step)
        if taken > _SEARCH_LIMIT:
            return {}
        edges.append(step)
        states = after
    alive = states
    values: dict[str, set[Any]] = {}
    for i in reversed(range(len(order))):
        kept = [(s, v) for s, v, t in edges[i] if t in alive]
        values[order[i][1]] = {v for _, v in kept}
        alive = {s for s, _ in kept}
    return values


def _broken(relation: str, total_minus_parts: int) -> bool:
    if relation == "==":
        return total_minus_parts != 0
    return total_minus_parts < 0 if relation == ">=" else total_minus_parts > 0


def _unique_cells(report: Report, layouts: list[list[str] | None]) -> tuple[dict[str, Any], int]:
    """The cells of ``report`` whose value every consistent cut of the text agrees on.

    Computed apart from the reader: every cut of each run-together line's digits
    into its cells is tried (``_every_value``), jointly over the rows that rules
    tie together, and a cell is unique where every cut under which the
    template's invariants hold gives it one value. Returns those cells, and how
    many tied groups were not judged: a row with more cuts than the reader's
    budget of steps (it may leave such a row blank), or too many to try here.
    """
    spec = REGISTRY.of(report)
    values = cell_values(report)
    lines = _lines_of(spec)
    checked = {k for c in spec.checks for k in c.keys}
    known: dict[str, Any] = dict(values)
    runs: list[_Run] = []
    tail = render_text(report).splitlines()[-len(lines) :]
    for keys, between, line in zip(lines, layouts[-len(lines) :], tail, strict=True):
        if keys is None or between is None:
            continue
        texts = [c.strip() for c in line.split("|")[:-1]][-len(keys) :]
        cells = [spec.by_key[k] for k in keys]
        assert texts == [cell_text(c.row, c.column, values) for c in cells]
        for k in keys:
            del known[k]
        signed = frozenset(k for k, c in zip(keys, cells, strict=True) if c.column.signed)
        if not all(
            (t[1:] if k in signed and t[:1] == "-" else t).isdigit()
            for k, t in zip(keys, texts, strict=True)
        ):
            continue  # money, units: not read here, and no rule reads them
        spaces = [*between[len(between) - len(keys) + 1 :], ""]  # after each value
        ends = itertools.accumulate(len(t) for t in texts)
        runs.append(
            _Run(
                keys,
                "".join(texts),
                frozenset(e for e, s in zip(ends, spaces, strict=True) if s),
                blanks=not checked & set(keys),
                signed=signed,
            )
        )
    unique: dict[str, Any] = {}
    unjudged = 0
    for group in _tied(spec, runs):
        if any(math.comb(len(r.digits) - 1, len(r.keys) - 1) > MAX_STEPS for r in group):
            unjudged += 1  # more cuts than the reader's budget of steps: it may leave them
            continue
        cut = {k for r in group for k in r.keys}
        # A rule reading a cell this test does not read, or a blank, is left out:
        # fewer rules, more cuts, so a cell found unique is unique.
        checks = [
            c
            for c in spec.checks
            if cut & set(c.keys)
            and all(k in cut or (k in known and known[k] is not None) for k in c.keys)
        ]
        found = _every_value(group, checks, known)
        if not found:
            unjudged += 1
            continue
        for r in group:
            for k in r.keys:
                assert values[k] in found[k]  # the truth is one of the cuts
                if len(found[k]) == 1 and values[k] is not None:
                    unique[k] = values[k]
    return unique, unjudged


def _tied(spec: TemplateSpec, runs: list[_Run]) -> list[list[_Run]]:
    """``runs`` in groups that no rule ties to each other (each group in order)."""
    group_of = list(range(len(runs)))
    row_of = {k: i for i, r in enumerate(runs) for k in r.keys}

    def root(i: int) -> int:
        while group_of[i] != i:
            i = group_of[i]
        return i

    for check in spec.checks:
        tied = {root(row_of[k]) for k in check.keys if k in row_of}
        for i in tied:
            group_of[i] = min(tied)
    groups: dict[int, list[_Run]] = {}
    for i, run in enumerate(runs):
        groups.setdefault(root(i), []).append(run)
    return list(groups.values())


@settings(max_examples=100, phases=tuple(Phase)[:-1])  # no explain phase: slow here
@given(st.data(), st.sampled_from(["v2021", "v2019", "v2015"]))
def test_every_cell_whose_cut_is_unique_is_filled(data: st.DataObject, template: str) -> None:
    """Run together, a valid report gives back every cell that one cut alone explains.

    Uniqueness is found by brute force (``_unique_cells``), not by the reader.
    """
    report = data.draw(valid_reports(template))
    text, layouts = data.draw(run_together_layouts(report))
    got = cell_values(govinfo.parse(text, template=template).report)
    want = cell_values(report)
    assert {k: v for k, v in got.items() if v is not None and v != want[k]} == {}
    unique, unjudged = _unique_cells(report, layouts)
    event(f"tied groups of rows not judged (too many cuts): {unjudged}")
    event(f"cells with a unique cut: {len(unique) // 10 * 10}+")
    assert {k: v for k, v in unique.items() if got[k] != v} == {}


@pytest.mark.parametrize("text", ["00", "<table><tr><td>00</td></tr></table>", "007\n0 00"])
def test_digits_without_a_label(text: str) -> None:
    """A run of digits with no label at all is no row, and no error (found by fuzzing HTML)."""
    result = govinfo.parse(text)
    assert not result.report.meta.tables_found
