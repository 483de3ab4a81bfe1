"""parse(render(r)) gives back every cell of r, in every layout scrapers and extractors produce."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.models import REGISTRY
from govinfo.testing import drawn_order_texts, reports, scraped_texts, valid_reports
from helpers import cell_values, seed_text
from shapes import cell_per_line, full_width, pdf_text


class TestRoundTripThroughText:
    """parse(render(r)) gives back every cell of r (blanks included)."""

    @given(reports())
    def test_canonical_text(self, report: govinfo.Report) -> None:
        """The canonical `|` layout reads back cell for cell, and the template is detected."""
        result = govinfo.parse(govinfo.render(report))
        assert result.template == report.TEMPLATE
        assert cell_values(result.report) == cell_values(report)

    @given(valid_reports("v2015"))
    def test_v2015_cell_per_line(self, report: govinfo.Report) -> None:
        """The v2015 indicator list survives the one-cell-a-line layout."""
        result = govinfo.parse(cell_per_line(govinfo.render(report), width=3))
        assert cell_values(result.report) == cell_values(report)

    @given(st.sampled_from(["v2019", "v2021"]).flatmap(valid_reports))
    def test_cell_per_line_with_padding(self, report: govinfo.Report) -> None:
        """Seed 004's layout (one cell a line, colspan padding as runs of |) reads back."""
        text = cell_per_line(govinfo.render(report))
        result = govinfo.parse(text)
        assert cell_values(result.report) == cell_values(report)
        assert result.template == report.TEMPLATE

    @given(valid_reports("v2021"))
    def test_full_width_digits_and_punctuation(self, report: govinfo.Report) -> None:
        """Full-width digits and punctuation are read like ASCII ones."""
        result = govinfo.parse(full_width(govinfo.render(report)))
        assert cell_values(result.report) == cell_values(report)


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


def test_page_furniture_inside_a_value_block_moves_no_value() -> None:
    """../shared/repro r08: a page footer among table 四's one-a-line values shifts nothing."""
    lines = seed_text("004").split("\n")
    for i in range(322, 337):
        lines[i] = f"{i - 321} |"  # table 四's 15 values, 1 to 15 in declaration order
    lines.insert(333, "- 3 -")
    result = govinfo.parse("\n".join(lines))
    rl = result.report.review_litigation
    assert (rl.review.upheld, rl.review.total) == (1, 5)
    assert (rl.litigation_direct.upheld, rl.litigation_direct.total) == (6, 10)
    assert (rl.litigation_after_review.upheld, rl.litigation_after_review.total) == (11, 15)


@given(st.data())
def test_any_scraped_layout_reads_back(data: st.DataObject) -> None:
    """Rows in any mix of scraped layouts, with odd spaces and page furniture: every cell back."""
    report = data.draw(reports())
    result = govinfo.parse(data.draw(scraped_texts(report)))
    assert cell_values(result.report) == cell_values(report)
    assert result.template == report.TEMPLATE


#: A line of nothing but figures: a row's, written before its label.
_FIGURES_LINE = re.compile(r"^-?\d[\d. -]*$", re.MULTILINE)


@given(st.data())
def test_figures_before_their_labels_never_read_as_another_rows(data: st.DataObject) -> None:
    """Parts of tables written figures first (a PDF's text in drawing order): no wrong value.

    Their rows are left blank (reported where the first row is found after the header);
    the rows in pipe rows come back whole.
    """
    report = data.draw(reports(data.draw(st.sampled_from(["v2019", "v2021"]))))
    text = data.draw(drawn_order_texts(report))
    result = govinfo.parse(text)
    want, got = cell_values(report), cell_values(result.report)
    assert {k: v for k, v in got.items() if v is not None and v != want[k]} == {}
    rows = {r.label: r.key for t in REGISTRY[report.TEMPLATE].tables for r in t.rows}
    cells = [c.strip() for line in text.splitlines() if "|" in line for c in line.split("|")]
    piped = {rows.get(c) for c in cells}
    piped.discard(None)
    assert {k: got[k] for k in want if k.rpartition(".")[0] in piped} == {
        k: want[k] for k in want if k.rpartition(".")[0] in piped
    }
    if not _FIGURES_LINE.search(text):  # in order: no table is taken to be out of step
        assert "figures-before-labels" not in {d.code for d in result.diagnostics}
