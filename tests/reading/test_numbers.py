"""Reading number cells: counts, signed changes, money and its units, blanks, placeholders."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo._diagnostics import CONVERTED, INVALID, PLACEHOLDER, Code
from govinfo.models import REGISTRY
from govinfo.reading.cells import Kind, _kind
from govinfo.reading.numbers import (
    _BLANK,
    _NUMBER,
    _PLACEHOLDER,
    _ZERO_WORDS,
    _read_number,
    is_value_text,
    read_cell,
)
from govinfo.templates.spec import ColumnSpec

TABLE3_ROW = "一、本年新收政府信息公开申请数量 | {} |\n"


def _row(*cells: str) -> str:
    return TABLE3_ROW.format(" | ".join(cells))


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
COLUMNS = [cell.column for spec in REGISTRY for cell in spec.cells]


@given(st.from_regex(r"\A[0-9]{1,30}\Z"), st.sampled_from(COLUMNS))
def test_plain_digits_read_as_the_number_pattern_reads_them(text: str, column: ColumnSpec) -> None:
    """The quick path for plain digits (most cells) agrees with the full reading.

    Digits that start with 0 ("00") are no count but cells run together.
    """
    match = _NUMBER.match(text)
    assert match is not None
    assert _kind(text) is (Kind.RUN if len(text) > 1 and text[0] == "0" else Kind.VALUE)
    assert read_cell(text, column, None) == _read_number(match, text, column, None)


COUNT = REGISTRY["v2021"].by_key["requests.new.natural_person"].column
FEES = REGISTRY["v2021"].by_key["active.fees.amount"].column


@pytest.mark.parametrize(
    ("cell", "column", "value", "note"),
    [
        ("12", COUNT, 12, None),
        ("", COUNT, None, None),
        ("无", COUNT, 0, None),
        ("xx", COUNT, None, PLACEHOLDER),
        ("-3", COUNT, None, INVALID),
        ("1.5", COUNT, None, INVALID),
        ("251000元", FEES, Decimal("25.1"), CONVERTED),
        ("0.35", FEES, Decimal("0.35"), None),
    ],
)
def test_a_reading_names_the_diagnostic_it_calls_for(
    cell: str, column: ColumnSpec, value: object, note: Code | None
) -> None:
    """Numbers, blanks and words for zero call for none; the rest name their registered code."""
    reading = read_cell(cell, column)
    assert (reading.value, reading.note) == (value, note)
    assert bool(reading.detail) is (note is not None)


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


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("+1036", 1036),
        ("-2", -2),
        ("0", 0),
        ("—", None),
        ("+0", 0),
        ("增10", 10),
        ("减4", -4),
        ("增加3", 3),
        ("减少 7", -7),
        ("--253", -253),
    ],
)
def test_signed_change_v2019(cell: str, value: int | None) -> None:
    """v2019 本年增/减 is a signed count: "+1036", "-2", "增10", "减4" and "--253" all occur."""
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


def test_xx_in_a_table_cell() -> None:
    """ "××" and "xx" in number cells are no value, each with a diagnostic naming the cell."""
    result = govinfo.parse("(一)收到申请数 | 件 | ×× |\n1.当面申请数 | 件 | xx |\n")
    assert result.report.applications.received is None
    keys = {d.key for d in result.diagnostics if d.code == "placeholder"}
    assert keys == {"applications.received", "applications.in_person"}


@pytest.mark.parametrize("cell", ["增10", "减4", "--3"])
def test_a_change_word_in_a_count_column_is_no_value(cell: str) -> None:
    """增/减 and a doubled minus mark changes: in a column of counts they are refused, noted."""
    result = govinfo.parse(_row(cell, "0", "0", "0", "0", "0", "0"))
    assert result.report.requests.new.natural_person is None
    assert any(d.code == "invalid" and d.key == "requests.new.natural_person"
               for d in result.diagnostics)  # fmt: skip


@given(st.text(alphabet="0123456789,.+-—/\\－空?无没有零xX×*增加减少件元万人次 %a", max_size=8))
def test_a_value_text_is_what_one_of_the_four_patterns_admits(text: str) -> None:
    """The one pattern tells a value as the number, blank, zero-word and placeholder ones do."""
    t = text.replace(" ", "")
    each = bool(_NUMBER.match(t) or _BLANK.match(t) or t in _ZERO_WORDS or _PLACEHOLDER.match(t))
    assert is_value_text(text) is each


@given(
    st.text(alphabet="0123456789,.+-—/\\－空?无没有零xX×*增加减少件元万人次%a", max_size=8),
    st.sampled_from("。!?;"),
)
def test_no_figure_ends_in_a_sentence_stop(text: str, stop: str) -> None:
    """A word ending in a stop is no value, unit or digit run: a line ending so is prose."""
    assert _kind(text + stop) not in (Kind.VALUE, Kind.UNIT, Kind.RUN)
