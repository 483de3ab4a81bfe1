"""Cells a crawler ran together: cut into labels and digit runs, split by the invariants."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.reading.cells import Kind, tokenize
from govinfo.testing import run_together_texts, valid_reports
from helpers import cell_values

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
