"""Renderers and round trips, figures stated in prose, and section compliance."""

from __future__ import annotations

import datetime as dt
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
