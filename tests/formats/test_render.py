"""Renderers and round trips, figures stated in prose, and section compliance."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.testing import amounts, reports
from helpers import SEEDS, run_cli, seed_text

if TYPE_CHECKING:
    from pathlib import Path

_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_TEXT = st.none() | st.text(_HAN, min_size=1, max_size=12)


@st.composite
def renderable_reports(draw: st.DrawFn) -> govinfo.Report:
    """Reports whose meta can be printed on one line each (titles of Han characters)."""
    report = draw(reports())
    meta = govinfo.Meta(
        title=draw(_TEXT),
        agency=draw(_TEXT),
        year=draw(st.none() | st.integers(2014, 2025)),
        published=draw(st.none() | st.dates(dt.date(2014, 1, 1), dt.date(2026, 12, 31))),
        index_number=draw(
            st.none() | st.from_regex(r"[0-9]{6,10}/20[0-9]{2}-[0-9]{3,6}", fullmatch=True)
        ),
        tables_found=True,
        processing_fee_yuan=draw(amounts()),
    )
    return attrs.evolve(report, meta=meta)


class TestRoundTrips:
    """parse(render(r)).report == r for every template and format, blanks and Decimals included."""

    @given(renderable_reports(), st.sampled_from(["text", "md", "html"]))
    def test_parse_render(self, report: govinfo.Report, fmt: str) -> None:
        """Rendering then parsing gives back the same report, meta included."""
        assert govinfo.parse(govinfo.render(report, format=fmt)).report == report

    @given(renderable_reports())
    def test_json(self, report: govinfo.Report) -> None:
        """from_json(to_json(r)) == r."""
        assert govinfo.from_json(govinfo.to_json(report)) == report

    def test_seed_html_round_trip(self) -> None:
        """Seed 004 rendered as HTML in the official layout parses to the same report."""
        report = govinfo.parse(seed_text("004")).report
        assert govinfo.parse(govinfo.render(report, format="html")).report == report

    def test_terminal_table_and_unknown_format(self) -> None:
        """`table` is for people (labels, — for blank); an unknown format is a ValueError."""
        table = govinfo.render(govinfo.parse(seed_text("000")).report, format="table")
        assert "1.政府公报公开政府信息数" in table
        assert "—" in table
        with pytest.raises(ValueError, match="unknown format"):
            govinfo.render(govinfo.ReportV2021(), format="pdf")


class TestProse:
    """Figures stated only in prose become values, with their sentence; tables win."""

    def test_seed_002(self) -> None:
        """Seed 002 (prose only): every stated figure, each with a from-prose diagnostic."""
        result = govinfo.parse(seed_text("002"))
        report = result.report
        assert isinstance(report, govinfo.ReportV2015)
        assert report.proactive.total == 23123
        assert (report.applications.received, report.applications.online) == (9, 7)
        assert report.applications.letter == 2
        assert report.applications.in_person is None
        assert (report.litigation.total, report.litigation.upheld) == (20, 14)
        assert (report.litigation.corrected, report.litigation.other) == (1, 5)
        assert report.review.total == 3
        assert report.review.upheld is None  # the prose does not say
        assert report.fees == Decimal(0)
        evidence = {d.key: d for d in result.diagnostics if d.code == "from-prose"}
        assert "共受理9件政府信息公开申请" in evidence["applications.received"].message
        assert result.quote("litigation.upheld") == "维持具体行政行为或者驳回原告诉讼请求14件"

    def test_table_wins_and_disagreement_is_reported(self) -> None:
        """A table value is kept over prose; a different prose figure is a diagnostic."""
        text = "2016年,全年主动公开政府信息400条。\n(一)主动公开政府信息数 | 条 | 396 |\n"
        result = govinfo.parse(text)
        assert result.report.proactive.total == 396  # type: ignore[union-attr]
        (diag,) = [d for d in result.diagnostics if d.code == "prose-disagrees"]
        assert "the table says 396, the prose 400" in diag.message

    def test_blank_table_cell_is_not_filled_from_prose(self) -> None:
        """Seed 000: the table leaves 费用 blank; the prose says none was charged; blank stays."""
        result = govinfo.parse(seed_text("000"))
        assert result.report.fees is None  # type: ignore[union-attr]
        assert any(d.code == "prose-not-used" and d.key == "fees" for d in result.diagnostics)

    @pytest.mark.parametrize(
        ("sentence", "fee"),
        [
            ("本年度未收取政府信息公开信息处理费。", Decimal(0)),
            ("本机关共收取信息处理费380元。", Decimal(380)),
            ("收取信息处理费0.5万元。", Decimal(5000)),
            ("无其他需要报告的事项。", None),
        ],
    )
    def test_processing_fee(self, sentence: str, fee: Decimal | None) -> None:
        """Section 六: 信息处理费 in 元, 0 when none was collected, blank when not stated."""
        table = "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        text = table + "六、其他需要报告的事项\n" + sentence + "\n"
        assert govinfo.parse(text).report.meta.processing_fee_yuan == fee

    def test_unfilled_model_essay(self) -> None:
        """Seed 001: placeholders everywhere, so not even its one true sentence is used."""
        result = govinfo.parse(seed_text("001"))
        assert "unfilled-template" in {d.code for d in result.diagnostics}
        assert result.report.fees is None  # type: ignore[union-attr]


class TestSections:
    """Section compliance of 2019/2021-format reports."""

    def test_seed_004_is_complete(self) -> None:
        """All six sections, in order, with the line of each heading."""
        sections = govinfo.parse(seed_text("004")).sections
        assert sections is not None
        assert sections.complete
        assert sections.sections[0].line == 2  # "一、总体情况"
        assert sections.summary() == "sections 6/6 present, in order"

    def test_missing_and_out_of_order(self) -> None:
        """Missing sections are named; swapped headings are out of order."""
        text = (
            "三、收到和处理政府信息公开申请情况\n一、总体情况\n"
            "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        )
        sections = govinfo.parse(text).sections
        assert sections is not None
        assert not sections.in_order
        assert sections.missing == (
            "二、主动公开政府信息情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        )

    def test_v2015_has_no_section_check(self) -> None:
        """The six-section structure is that of 60号/30号: v2015 reports give None."""
        assert govinfo.parse(seed_text("003")).sections is None

    def test_found_in_normalized_text_and_after_pickling(self) -> None:
        """Sections are found when first read, in the normalized text, also after a pickle."""
        text = (
            "一、總體情況\n六、其他需要報告的事項\n"
            "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        )
        result = govinfo.parse(text)
        again = pickle.loads(pickle.dumps(result))  # noqa: S301 - our own object
        for sections in (result.sections, again.sections):
            assert sections is not None
            assert [s.line for s in sections.sections] == [1, None, None, None, None, 2]

    def test_validate_prints_sections(self) -> None:
        """`govinfo validate` reports section compliance beside the rules."""
        proc = run_cli("validate", "--example", "--format", "json")
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)[0]["sections"] == {"missing": [], "in_order": True}


def test_cli_render(tmp_path: Path) -> None:
    """`govinfo render` takes the JSON of `govinfo parse` (or a report file) to md/html/text."""
    seed = next(SEEDS.glob("004_*.txt"))
    proc = run_cli("parse", str(seed))
    assert proc.returncode == 0, proc.stderr
    parsed = proc.stdout
    path = tmp_path / "r.json"
    path.write_text(parsed, "utf-8")
    for fmt, marker in (
        ("md", "| 行政许可 | 146 |"),
        ("html", "<td>146</td>"),
        ("text", "行政许可 | 146 |"),
    ):
        proc = run_cli("render", str(path), "--format", fmt)
        assert proc.returncode == 0, proc.stderr
        assert marker in proc.stdout
    html_path = tmp_path / "r.html"
    html_path.write_text(proc.stdout, "utf-8")
    again = run_cli("render", str(seed), "--format", "html")
    assert again.returncode == 0, again.stderr
    assert govinfo.parse(again.stdout).report == govinfo.parse(seed_text("004")).report
