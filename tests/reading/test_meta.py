"""Report meta: title, agency, year, date and 索引号, and reports without tables."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.reading.meta import (
    _AGENCY_NAME,
    _CJK,
    _CLOSING,
    _DATE,
    _LEVEL_FIRSTS,
    _NAME_AT,
    _NAME_STARTS,
    _NOT_IN_NAMES,
    _OPENING,
    _name,
    _named_in_opening,
    _signed,
)
from helpers import cell_values, seed_text


def test_text_without_tables_gives_meta_and_a_diagnostic() -> None:
    """Prose only: a report with meta and tables_found false, and a no-table diagnostic."""
    text = (
        "某某区2023年政府信息公开工作年度报告\n发布日期:2024-01-15\n"
        "本年度共收到政府信息公开申请3件。\n"
    )
    result = govinfo.parse(text)
    assert result.report.meta.tables_found is False
    assert result.report.meta.year == 2023
    assert result.report.meta.agency == "某某区"
    assert result.template == "v2021"
    assert [d.code for d in result.diagnostics] == ["template-from-era", "no-table", "from-prose"]

    # A report cut short before its figures is still a report: its title says so.
    cut_short = govinfo.parse(text.replace("共收到政府信息公开申请3件", "正文"))
    assert cut_short.template == "v2021"
    assert cut_short.report.meta.title == "某某区2023年政府信息公开工作年度报告"
    assert [d.code for d in cut_short.diagnostics] == ["template-from-era", "no-table"]

    # Without a title or a figure, a page holds no report.
    nothing = govinfo.parse("发布日期:2024-01-15\n2023年,本区工作正常开展。\n")
    assert nothing.template is None
    assert nothing.report.meta.year == 2023  # what the page says of itself is kept
    assert [d.code for d in nothing.diagnostics] == ["year-inferred", "no-report"]


def test_meta_of_the_seeds() -> None:
    """Title, agency, year, date and 索引号 come from the header block and title."""
    meta = govinfo.parse(seed_text("000")).report.meta
    assert meta.title == "2018年加格达奇区政府信息公开工作年度报告"
    assert meta.agency == "加格达奇区"
    assert meta.year == 2018
    assert str(meta.published) == "2019-03-11"
    assert meta.index_number == "000000000-2019-03730"


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("索引号: 000000000-2019- 03730 发布机构:某某局", "000000000-2019-03730"),
        ("索引号:3212000038/2017- 00012\n", "3212000038/2017-00012"),
        ("索引号: 000000000-2019-03730 发布机构:某某局", "000000000-2019-03730"),
        ("索引号:11A-2019. 发布日期:2020-01-01", "11A-2019."),
    ],
)
def test_index_number_wrapped_in_its_cell(written: str, number: str) -> None:
    """A 索引号 a table cell wrapped after a separator is read whole, without the wrap's space.

    A PDF cell's lines are joined with a space: the number stopped there.
    """
    assert govinfo.parse(written).report.meta.index_number == number


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


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # a title printed over two lines
        ("故城县教育局\n2020年政府信息公开工作年度报告\n一、总体情况\n", "故城县教育局"),
        # the opening sentence, after punctuation, 由 or 做好
        ("一、总体情况\n2022年,撫遠市自然資源局不斷強化宣傳。\n", "撫遠市自然資源局"),
        ("本报告是由北京市信访办编制的2014年度政府信息公开年度报告。\n", "北京市信访办"),
        ("为认真做好京山市卫生健康局政府信息公开工作,我局按照要求。\n", "京山市卫生健康局"),
        ("2023年,在区委、区政府的坚强领导下,官洲街道办事处认真贯彻落实。\n", "官洲街道办事处"),
        ("如有疑问,请与杭州市公安局滨江区分局联系。\n", "杭州市公安局滨江区分局"),
        # the signature: a name alone on its line, the date under it
        ("正文。\n\n乳山市商务局\n2022年1月20日\n", "乳山市商务局"),
        # a byline's 来源 when it is an agency's name, ended by the next label
        ("信息来源:盘锦市统计局发布时间:2022-01-19 16:49\n正文。\n", "盘锦市统计局"),
        # what is not a name: prose, a party committee, a byline's site name
        ("紧紧围绕市委、市政府中心工作及市自然资源和规划局重点工作。\n", None),
        ("2022年,京山市委高度重视。\n", None),
        ("来源:本网\n正文。\n", None),
    ],
)
def test_agency_from_bylines_signatures_and_opening_sentences(
    text: str, agency: str | None
) -> None:
    """Where no title names the agency, a byline, the signature or the opening does."""
    assert govinfo.parse(text).report.meta.agency == agency


def test_agency_is_given_as_printed_without_pinyin_annotations() -> None:
    """Traditional characters stay; the annotations the reader drops are left out."""
    text = "2021年,乳山經(jīng)濟(jì)開發(fā)區(qū)管委會認真貫徹。\n"
    assert govinfo.parse(text).report.meta.agency == "乳山經濟開發區管委會"


def test_published_from_a_run_together_byline() -> None:
    """'发布时间:2022-01-21 16:49' glued between other labels is the publication date."""
    text = (
        "安徽省统计局2021年政府信息公开工作年度报告\n"
        "信息来源:省统计局发布时间:2022-01-21 16:49被阅览数:\n"
    )
    meta = govinfo.parse(text).report.meta
    assert str(meta.published) == "2022-01-21"
    assert meta.agency == "安徽省统计局"
    assert govinfo.parse("报告中所列数据统计时间为2019年1月1日。\n").report.meta.published is None


def test_a_stale_statistics_period_yields_to_the_year_the_report_names() -> None:
    """Heading and period disagree: the year the text names most often, with a warning."""
    text = (
        "根据条例,某局编制了2021年政府信息公开年度报告。"
        "统计期限自2020年1月1日起至2020年12月31日止。\n"
        "2021年,我局主动公开信息。2021年新收申请3件。\n"
    )
    result = govinfo.parse(text)
    assert result.report.meta.year == 2021
    assert result.template == "v2021"
    (note,) = [d for d in result.diagnostics if d.code == "year-inferred"]
    assert note.severity is govinfo.Severity.WARNING
    assert "statistics period says 2020" in note.message


@given(
    place=st.sampled_from(["京山市", "越城区东湖街道", "阿巴嘎旗", "乌鲁木齐市沙依巴克区"]),
    organ=st.sampled_from(
        ["卫生健康局", "人民政府", "办事处", "自然资源和规划局", "卫生健康委员会"]
    ),
    before=st.sampled_from(["", "2022年,", "在区委、区政府的坚强领导下,", "本报告由"]),
    after=st.sampled_from(["认真贯彻落实条例", "共主动公开政府信息227条", "编制"]),
)
def test_an_agency_opening_the_report_is_found_whole(
    place: str, organ: str, before: str, after: str
) -> None:
    """Any place and organ, after any clause, before any verb: the name, whole."""
    text = f"一、总体情况\n{before}{place}{organ}{after}。\n"
    assert govinfo.parse(text).report.meta.agency == place + organ


#: Lines of the corpus that are page noise: spam, leaked tags, search forms, navigation.
NOISE = [
    "明升体育",
    "图片",
    "打印",
    '<video id="ew0tt"><menu id="ew0tt"></menu></video>',
    "信息公開大廳",
    "當前位置:政府信息公開年度報告",
    "文號:",
    "發文機構:",
    "公開日期:",
    "您访问的链接即将离开“海淀区人民政府”门户网站",
    "是否继续?",
    "三、收到和处理飞禽走兽老虎机申请情况",
    "根据条例和省、市有关要求,365体育直播,365体育备用网址自然资源和规划局编制了年度报告。",
    "相关链接:省政府门户网站",
    "上一篇:关于开展政务公开检查的通知",
]


@given(lines=st.lists(st.sampled_from(NOISE), min_size=1, max_size=12))
def test_page_noise_yields_no_figure_and_no_agency(lines: list[str]) -> None:
    """Spam, leaked tags, search forms and navigation give no value, agency or date."""
    result = govinfo.parse("\n".join(lines) + "\n")
    assert result.report.meta.agency is None
    assert result.report.meta.published is None
    assert all(v is None for v in cell_values(result.report).values())


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        ("XX镇人民政府2022年政府信息公开工作年度报告", "XX镇人民政府"),
        ("威海市商务局关于2021年度政府信息公开工作的报告", "威海市商务局"),
        ("关于某某县2020年政府信息公开工作年度报告", "某某县"),
        ("2021年度某某区卫生健康局政府信息公开工作年度报告", "某某区卫生健康局"),
        ("2021年度关于某某区政府信息公开工作年度报告", "某某区"),
    ],
)
def test_agency_from_the_title_without_guanyu(title: str, agency: str) -> None:
    """The agency a title names, before or after its year, never with 关于."""
    assert govinfo.parse(title + "\n正文。\n").report.meta.agency == agency


#: Where a name may begin, as the module said before it looked for a level near it.
_ANY_START = re.compile(r"(?:^|[,。;:、(]|由|做好|请与)(?=[\u4e00-\u9fff])", re.MULTILINE)


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from(
            [
                "京山",
                "市",
                "卫生健康局",
                "东湖",
                "街道",
                "办事处",
                "人民政府",
                "自治区",
                "县",
                "杭州市公安局",
                "滨江区分局",
                ",",
                "。",
                "由",
                "做好",
                "请与",
                "的",
                "我",
                "\n",
                "2022年",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_an_opening_name_is_found_where_a_name_is_tried_at_every_start(text: str) -> None:
    """Looking only where a level is near finds the name trying every start finds."""
    limit = min(len(text), _OPENING)
    tried = (
        _AGENCY_NAME.match(text, start.end(), limit)
        for start in _ANY_START.finditer(text, 0, limit)
    )
    first = next((m.span() for m in tried if m and not _NOT_IN_NAMES.search(m[0])), None)
    assert _named_in_opening(text) == first


# The scans as first written, anchored at line starts: the module's own are written
# to be skipped through in C, and must find the same.
_LINE_STARTS = re.compile(
    rf"(?:^|[,。;:、(]|由|做好|请与)(?=[{_CJK}]{{2,8}}[{_LEVEL_FIRSTS}])", re.MULTILINE
)
_SIGNED_LINES = re.compile(
    rf"^[ \t]*([{_CJK}]{{4,40}})[ \t]*\n(?:[ \t]*\n){{0,2}}[ \t]*{_DATE}", re.MULTILINE
)
_PIECES = st.sampled_from(
    ["京山市卫生健康局", "人民政府", "2023年1月5日", "2023-01-05", "\n", "\n\n", " ", "\t",
     "由", "做好", ",", "。", "(", "x", "1"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=60).map("".join))
def test_scans_find_what_line_anchored_patterns_find(text: str) -> None:
    """Name starts in the opening, and signatures in the closing, as ``^`` patterns find them."""
    limit = min(len(text), _OPENING)
    first = [0] if _NAME_AT.match(text, 0, limit) else []
    starts = first + [m.end() for m in _NAME_STARTS.finditer(text, 0, limit)]
    assert starts == [m.end() for m in _LINE_STARTS.finditer(text, 0, limit)]
    closing = max(0, len(text) - _CLOSING)
    expected = None
    for m in _SIGNED_LINES.finditer(text, closing):
        expected = _name(text, *m.span(1)) or expected
    assert _signed(text) == expected
