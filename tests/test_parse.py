"""The text parser: shapes, cell reading, provenance, diagnostics."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from conftest import seed_text
from govinfo.formats.render import render_text
from govinfo.models import TEMPLATES
from govinfo.reading.cells import END, START, TEXT, Kind, _kind, tokenize
from govinfo.reading.numbers import _NUMBER, _read_number, read_cell
from govinfo.templates.spec import ColumnSpec, cell_values, spec_for
from govinfo.testing import reports, valid_reports
from shapes import cell_per_line, full_width

TABLE3_ROW = "一、本年新收政府信息公开申请数量 | {} |\n"


def _row(*cells: str) -> str:
    return TABLE3_ROW.format(" | ".join(cells))


class TestRoundTripThroughText:
    """parse(render(r)) gives back every cell of r (blanks included)."""

    @given(reports())
    def test_canonical_text(self, report: govinfo.Report) -> None:
        """The canonical `|` layout reads back cell for cell, and the template is detected."""
        result = govinfo.parse(render_text(report))
        assert result.template == report.TEMPLATE
        assert cell_values(result.report) == cell_values(report)

    @given(valid_reports("v2015"))
    def test_v2015_cell_per_line(self, report: govinfo.Report) -> None:
        """The v2015 indicator list survives the one-cell-a-line layout."""
        result = govinfo.parse(cell_per_line(render_text(report), width=3))
        assert cell_values(result.report) == cell_values(report)

    @given(st.sampled_from(["v2019", "v2021"]).flatmap(valid_reports))
    def test_cell_per_line_with_padding(self, report: govinfo.Report) -> None:
        """Seed 004's layout (one cell a line, colspan padding as runs of |) reads back."""
        text = cell_per_line(render_text(report))
        result = govinfo.parse(text)
        assert cell_values(result.report) == cell_values(report)
        assert result.template == report.TEMPLATE

    @given(valid_reports("v2021"))
    def test_full_width_digits_and_punctuation(self, report: govinfo.Report) -> None:
        """Full-width digits and punctuation are read like ASCII ones."""
        result = govinfo.parse(full_width(render_text(report)))
        assert cell_values(result.report) == cell_values(report)


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("0", 0),
        ("1,234", 1234),
        ("12件", 12),
        ("０", 0),
        ("无", 0),
        ("—", None),
        ("/", None),
        ("－", None),
        ("", None),
    ],
)
def test_count_cells(cell: str, value: int | None) -> None:
    """Counts: separators, units, full-width digits; "无" is 0; dashes and blanks are None."""
    report = govinfo.parse(_row(cell, "0", "0", "0", "0", "0", "0")).report
    assert report.requests.new.natural_person == value


#: Every value column of every template: counts, signed changes, money in 万元 and 元.
COLUMNS = [cell.column for model in TEMPLATES.values() for cell in spec_for(model).cells]


@given(st.from_regex(r"\A[0-9]{1,30}\Z"), st.sampled_from(COLUMNS))
def test_plain_digits_read_as_the_number_pattern_reads_them(text: str, column: ColumnSpec) -> None:
    """The quick path for plain digits (most cells) agrees with the full reading."""
    match = _NUMBER.match(text)
    assert match is not None
    assert _kind(text) is Kind.VALUE
    assert read_cell(text, column, None) == _read_number(match, text, column, None)


def _texts(text: str) -> list[tuple[list[str], list[str], list[str], int, int]]:
    return [
        ([c[TEXT] for c in row.labels], [c[TEXT] for c in row.cells],
         [c[TEXT] for c in row.units], row.filled, row.last_filled)
        for row in tokenize(text)
    ]  # fmt: skip


def test_tokenizer_groups_cells_into_label_led_rows() -> None:
    """A label after values starts a row, prose ends one, padding stays in its row."""
    text = "(三)不予公开 |\n1.属于国家秘密 |\n2 |\n |\n3 |\n||\n说明文字\n总计 | 5 |"
    assert _texts(text) == [
        (["(三)不予公开", "1.属于国家秘密"], ["2", "", "3", "", ""], [], 2, 2),
        (["总计"], ["5"], [], 1, 0),
    ]
    offsets = [(c[START], c[END]) for c in tokenize(text)[0].cells[:1]]
    assert offsets == [(text.index("2 |"), text.index("2 |") + 1)]


def test_tokenizer_reads_whitespace_layout_into_the_same_rows() -> None:
    """Text without ``|`` (PDF or Word text): a line's trailing figures are its values."""
    piped = "1.属于国家秘密 | 2 | 0 | 3 |\n说明文字,很长的一句话。\n总计 | 件 | 5 |"
    spaced = piped.replace(" |", "").replace("|", " ")
    assert (
        _texts(spaced)
        == _texts(piped)
        == [
            (["1.属于国家秘密"], ["2", "0", "3"], [], 3, 2),
            (["总计"], ["5"], ["件"], 1, 0),
        ]
    )


def test_placeholder_is_no_value_with_a_diagnostic() -> None:
    """ "xx" in a number cell is no value, and says so."""
    result = govinfo.parse(_row("xx", "0", "0", "0", "0", "0", "xxx"))
    assert result.report.requests.new.natural_person is None
    assert result.report.requests.new.total is None
    codes = [(d.code, d.key) for d in result.diagnostics]
    assert ("placeholder", "requests.new.natural_person") in codes
    assert ("placeholder", "requests.new.total") in codes


def test_negative_count_is_kept_in_a_diagnostic() -> None:
    """A negative count cannot be stored; the raw text stays in an 'invalid' diagnostic."""
    result = govinfo.parse(_row("-3", "0", "0", "0", "0", "0", "0"))
    assert result.report.requests.new.natural_person is None
    (diag,) = [d for d in result.diagnostics if d.code == "invalid"]
    assert "-3" in diag.message
    assert diag.key == "requests.new.natural_person"


def test_money_in_yuan_is_converted_to_wanyuan() -> None:
    """行政事业性收费 is stored in 万元; a value written in 元 is converted and noted."""
    result = govinfo.parse("行政事业性收费 | 251000元 |\n")
    assert result.report.active.fees.amount == Decimal("25.1")
    assert any(d.code == "converted" for d in result.diagnostics)
    assert govinfo.parse("行政事业性收费 | 0.35 |\n").report.active.fees.amount == Decimal("0.35")


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


def test_extra_values_are_kept_in_diagnostics() -> None:
    """Values beyond a row's columns are reported, not dropped silently."""
    result = govinfo.parse("行政许可 | 146 | 9 |\n")
    assert result.report.active.licensing.decisions == 146
    (diag,) = [d for d in result.diagnostics if d.code == "extra-cells"]
    assert "'9'" in diag.message


def test_duplicate_rows_are_reported() -> None:
    """The same row twice with values: the fuller one is used and the other reported."""
    result = govinfo.parse("行政许可 | 146 |\n行政许可 | 3 |\n")
    assert result.report.active.licensing.decisions == 146
    assert [d.code for d in result.diagnostics if d.code == "duplicate-row"] == ["duplicate-row"]


def test_provenance_maps_through_normalization_to_the_original() -> None:
    """Spans point into the text as given, past traditional characters, pinyin and full width."""
    text = "發(fā)布機構(gòu):某某局\n行政許可 | １４６ |\n"
    result = govinfo.parse(text)
    assert result.report.active.licensing.decisions == 146
    span = result.source_of("active.licensing.decisions")
    assert span is not None
    assert text[span.start : span.end] == "１４６"
    assert (span.line, span.column) == (2, 8)


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


def test_processing_fee_from_prose() -> None:
    """Section 六 prose gives meta.processing_fee_yuan, with its sentence as evidence."""
    table = _row("0", "0", "0", "0", "0", "0", "0")
    result = govinfo.parse(table + "六、其他需要报告的事项\n本年度共收取信息处理费380元。\n")
    assert result.report.meta.processing_fee_yuan == Decimal(380)
    (diag,) = [d for d in result.diagnostics if d.code == "from-prose"]
    assert "收取信息处理费380元" in diag.message
    assert result.quote("meta.processing_fee_yuan") == "信息处理费380元"
    none = govinfo.parse(table + "本年度未收取政府信息公开信息处理费。\n")
    assert none.report.meta.processing_fee_yuan == Decimal(0)


def test_template_override_and_unknown_template() -> None:
    """template= forces a known template and rejects an unknown one with a typed error."""
    assert govinfo.parse("", template="v2021").template == "v2021"
    with pytest.raises(govinfo.UnknownTemplateError, match="v1999"):
        govinfo.parse("", template="v1999")


class TestTemplateDetection:
    """The template comes from the tables' labels; the year only breaks ties."""

    def test_v2019_and_v2021_tables_are_told_apart(self) -> None:
        """(六)其他处理 as one row means 60号; its three items mean 30号."""
        v2019 = govinfo.parse("(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
        assert v2019.template == "v2019"
        v2021 = govinfo.parse(
            "(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
            " | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        )
        assert v2021.template == "v2021"

    @pytest.mark.parametrize(("year", "template"), [(2020, "v2019"), (2022, "v2021")])
    def test_year_breaks_a_tie(self, year: int, template: str) -> None:
        """Rows common to 60号 and 30号 alone: the report year decides."""
        text = f"{year}年某某局政府信息公开工作年度报告\n" + _row(*["0"] * 7)
        assert govinfo.parse(text).template == template

    def test_year_alone_does_not_decide(self) -> None:
        """A 2022 report printed in the old indicator list is read as v2015."""
        text = (
            "2022年某局政府信息公开工作年度报告\n"
            "(一)收到申请数 | 件 | 3 |\n1.当面申请数 | 件 | 3 |\n"
        )
        result = govinfo.parse(text)
        assert result.template == "v2015"
        assert result.report.applications.received == 3

    def test_override(self) -> None:
        """template= forces the model even when the labels say otherwise."""
        result = govinfo.parse("(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", template="v2021")
        assert result.template == "v2021"
        assert result.report.requests.other.other.total is None


@pytest.mark.parametrize(
    ("cell", "value"), [("+1036", 1036), ("-2", -2), ("0", 0), ("—", None), ("+0", 0)]
)
def test_signed_change_v2019(cell: str, value: int | None) -> None:
    """v2019 本年增/减 is a signed count: "+1036" and "-2" both occur."""
    text = f"其他对外管理服务事项 | 10 | {cell} | 3 |\n"
    row = govinfo.parse(text, template="v2019").report.active.other_services
    assert (row.previous_items, row.change, row.decisions) == (10, value, 3)


@pytest.mark.parametrize(
    ("cell", "header", "amount", "unit"),
    [
        ("2345.6", "采购总金额", Decimal("2345.6"), None),
        ("2345.6元", "采购总金额", Decimal("2345.6"), "元"),
        ("12", "采购总金额(万元)", Decimal(12), "万元"),
    ],
)
def test_procurement_amount_keeps_number_and_unit_as_written(
    cell: str, header: str, amount: Decimal, unit: str | None
) -> None:
    """v2019 采购总金额: the number as written, and the unit from the cell or its header."""
    text = f"信息内容 | 采购项目数量 | {header} |\n政府集中采购 | 3 | {cell} |\n"
    procurement = govinfo.parse(text, template="v2019").report.active.procurement
    assert (procurement.projects, procurement.amount, procurement.amount_unit) == (3, amount, unit)


def test_v2015_money_in_yuan_and_wanyuan() -> None:
    """v2015 fees and budget are 万元: a unit cell of 元 converts; 万元 stays."""
    text = (
        "七、依申请公开信息收取的费用 | 元 | 2500 |\n"
        "(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)"
        " | 万元 | 1.5 |\n"
    )
    report = govinfo.parse(text, template="v2015").report
    assert report.fees == Decimal("0.25")
    assert report.capacity.budget == Decimal("1.5")


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


def test_unfilled_model_essay_yields_placeholders_and_no_numbers() -> None:
    """Seed 001 (every figure "xx"): no number anywhere, placeholder diagnostics, no year."""
    result = govinfo.parse(seed_text("001"))
    values = cell_values(result.report)
    assert all(v is None for v in values.values())
    assert result.report.meta.year is None
    placeholders = [d for d in result.diagnostics if d.code == "placeholder"]
    assert len(placeholders) >= 10
    assert all(d.span is not None and "x" in (d.excerpt or "") for d in placeholders)


def test_xx_in_a_table_cell() -> None:
    """ "××" and "xx" in number cells are no value, each with a diagnostic naming the cell."""
    result = govinfo.parse("(一)收到申请数 | 件 | ×× |\n1.当面申请数 | 件 | xx |\n")
    assert result.report.applications.received is None
    keys = {d.key for d in result.diagnostics if d.code == "placeholder"}
    assert keys == {"applications.received", "applications.in_person"}


def test_year_guessed_from_the_years_the_text_names() -> None:
    """Without a title or heading, the plausible year named most often, with a warning."""
    text = "本机关在2019年、2019 年和2018年开展工作。档案号32021年、32021年、1999年、1999年。"
    result = govinfo.parse(text)
    assert result.report.meta.year == 2019
    (note,) = [d for d in result.diagnostics if d.code == "year-inferred"]
    assert "(2×)" in note.message
    assert govinfo.parse("只有1999年和1999年。").report.meta.year is None
