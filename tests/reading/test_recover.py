"""Rows whose empty cells a scraper dropped: placed by the invariants, or left blank."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.testing import valid_reports
from helpers import cell_values, rebuild, seed_text
from shapes import collapsed

TABLE3_ROW = "一、本年新收政府信息公开申请数量 | {} |\n"


class TestCollapsedCells:
    """Rows whose empty cells a scraper dropped are placed by the invariants, never guessed."""

    COMPLETE = (
        "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "三、本年度办理结果 | (一)予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
        "(七)总计 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n"
        "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    )

    def test_unique_placement_is_recovered(self) -> None:
        """With the other rows known, R1 leaves one placement: used, and reported."""
        text = TABLE3_ROW.format("5 | 5") + "(二)部分公开 | 1 | 1 |\n" + self.COMPLETE
        result = govinfo.parse(text)
        new = result.report.requests.new
        assert (new.natural_person, new.commercial, new.total) == (5, None, 5)
        # R2 cannot help (the other result rows are missing): only 总计 is certain.
        partial = result.report.requests.partially_granted
        assert (partial.natural_person, partial.total) == (None, 1)
        recovered = [d for d in result.diagnostics if d.code == "recovered"]
        assert [d.key for d in recovered] == ["requests.new"]
        ambiguous = [d for d in result.diagnostics if d.code == "ambiguous-cells"]
        assert [d.key for d in ambiguous] == ["requests.partially_granted"]
        assert "natural_person=5, total=5" in recovered[0].message
        span = result.source_of("requests.new.total")
        assert span is not None
        assert text[span.start : span.end] == "5"
        first_five = text.index("5")
        assert span.start == text.index("5", first_five + 1)  # total is the second kept cell

    def test_several_placements_leave_the_disputed_cells_blank(self) -> None:
        """Alone, "5 | 5" fits six placements: 总计 is certain, the column is not."""
        result = govinfo.parse(TABLE3_ROW.format("5 | 5"))
        new = result.report.requests.new
        assert new.total == 5
        assert new.natural_person is None
        assert new.commercial is None
        (diag,) = [d for d in result.diagnostics if d.code == "ambiguous-cells"]
        assert "6 placements fit" in diag.message
        assert "natural_person=5, total=5" in diag.message

    def test_one_figure_no_rule_can_check_is_left_blank(self) -> None:
        """One figure of seven: as 总计 no rule fails, but none holds either.

        Its other figures may be elsewhere (a row split over two lines of
        extracted text), so the one placement left is not taken for certain.
        """
        result = govinfo.parse(TABLE3_ROW.format("5"))
        new = result.report.requests.new
        assert (new.natural_person, new.total) == (None, None)
        (diag,) = [d for d in result.diagnostics if d.code == "ambiguous-cells"]
        assert "no rule can check it (total=5)" in diag.message

    def test_what_unchecked_placements_agree_on_is_left_blank(self) -> None:
        """Four blanks and a figure for seven columns: every placement makes it 总计.

        They agree, but no rule holds of any of them (a total with no parts):
        the figure may be any column's, so nothing is filled.
        """
        result = govinfo.parse(TABLE3_ROW.format(" |  |  |  | 23"))
        new = result.report.requests.new
        assert (new.other_org, new.total) == (None, None)
        (diag,) = [d for d in result.diagnostics if d.code == "ambiguous-cells"]
        assert "no rule can check any of them, all left blank" in diag.message

    def test_inconsistent_short_row_is_left_blank_and_kept_in_the_message(self) -> None:
        """No placement fits: nothing is assigned, the values stay in the diagnostic."""
        result = govinfo.parse(TABLE3_ROW.format("1 | 0 | 0"))
        new = result.report.requests.new
        assert (new.natural_person, new.total) == (None, None)
        (diag,) = [d for d in result.diagnostics if d.code == "ambiguous-cells"]
        assert "['1', '0', '0']" in diag.message
        assert "no placement fits" in diag.message

    def test_table_four_block_with_dropped_cells(self) -> None:
        """Table 四 with its blank cells dropped: R4 places what it can."""
        text = (
            "行政复议 | 行政诉讼 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
            "2 | 1 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        )
        result = govinfo.parse(text)
        table4 = result.report.review_litigation
        assert table4.litigation_after_review.total == 0
        codes = [d.code for d in result.diagnostics]
        assert "ambiguous-cells" in codes or "recovered" in codes


def _blank_zeros(report: govinfo.Report, keys: list[str]) -> govinfo.Report:
    values: dict[str, Any] = cell_values(report)
    for key in keys:
        if values[key] == 0:
            values[key] = None
    blanked: govinfo.Report = rebuild(report, values)
    return blanked


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
        result = govinfo.parse(collapsed(govinfo.render(blanked)))
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
