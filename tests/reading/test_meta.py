"""Report meta: title, agency, year, date and 索引号, and reports without tables."""

from __future__ import annotations

import govinfo
from helpers import seed_text


def test_text_without_tables_gives_meta_and_a_diagnostic() -> None:
    """Prose only: a report with meta and tables_found false, and a no-table diagnostic."""
    result = govinfo.parse("某某区2023年政府信息公开工作年度报告\n发布日期:2024-01-15\n正文。\n")
    assert result.report.meta.tables_found is False
    assert result.report.meta.year == 2023
    assert result.report.meta.agency == "某某区"
    assert result.template == "v2021"
    assert [d.code for d in result.diagnostics] == ["template-from-era", "no-table"]


def test_meta_of_the_seeds() -> None:
    """Title, agency, year, date and 索引号 come from the header block and title."""
    meta = govinfo.parse(seed_text("000")).report.meta
    assert meta.title == "2018年加格达奇区政府信息公开工作年度报告"
    assert meta.agency == "加格达奇区"
    assert meta.year == 2018
    assert str(meta.published) == "2019-03-11"
    assert meta.index_number == "000000000-2019-03730"


def test_year_guessed_from_the_years_the_text_names() -> None:
    """Without a title or heading, the plausible year named most often, with a warning."""
    text = "本机关在2019年、2019 年和2018年开展工作。档案号32021年、32021年、1999年、1999年。"
    result = govinfo.parse(text)
    assert result.report.meta.year == 2019
    (note,) = [d for d in result.diagnostics if d.code == "year-inferred"]
    assert "(2×)" in note.message
    assert govinfo.parse("只有1999年和1999年。").report.meta.year is None


def test_the_title_is_the_line_naming_a_year_not_a_breadcrumb() -> None:
    """A column name shaped like a title ("政府信息公开年度报告") yields to the dated title."""
    text = "当前位置:首页\n政府信息公开年度报告\n\n海淀区2018年政府信息公开工作年度报告\n正文。\n"
    meta = govinfo.parse(text).report.meta
    assert meta.title == "海淀区2018年政府信息公开工作年度报告"
    assert meta.agency == "海淀区"


def test_a_pdf_page_header_before_the_title_is_not_part_of_it() -> None:
    """'Page 8 - ' printed by a flipbook viewer is dropped from the title and agency."""
    meta = govinfo.parse("Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告\n").report.meta
    assert meta.title == "威海市文登区信访局2022年政府信息公开工作年度报告"
    assert meta.agency == "威海市文登区信访局"
