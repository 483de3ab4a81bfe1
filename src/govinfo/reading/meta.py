"""Facts about the report (title, agency, year, date, 索引号) from its header and prose."""

from __future__ import annotations

import collections
import datetime as dt
import re

import attrs

_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
_SEP = r"[ \t]{0,20}[::]?[ \t]{0,20}(?:\|[ \t]{0,20})?"
# Patterns open with a literal, which the scan can skip to: an alternation of
# words or a digit first would be tried at every position of the text.
_PUBLISHED = [
    re.compile(rf"日期(?<=(?:发布|发文|成文|公开)日期){_SEP}{_DATE}"),
    re.compile(rf"日期{_SEP}{_DATE}"),
]
_INDEX = re.compile(rf"索\s*引\s*号{_SEP}([A-Za-z0-9][A-Za-z0-9/\-_.]*)")
_AGENCY = re.compile(
    rf"(?:发布机构|发文机关|发布单位){_SEP}([^|\s][^|\n]{{0,60}}?)[ \t]{{0,20}}(?:\||$)",
    re.MULTILINE,
)
# A page header a PDF viewer prints before the title ("Page 8 - …") is not part of it.
_TITLE = re.compile(
    r"^\s*(?:(?:Page|P\.)\s*\d{1,4}\s*[-—–:]\s*)?"
    r"([^|>:\n]{0,60}?(?:信息公开|政务公开)[^|>:\n]{0,30}?(?:年度报告|年报|报告))\s*$",
    re.MULTILINE,
)
_YEAR_IN_TITLE = re.compile(r"\d{4}\s*年")
# Titles end their line with 报告/年报; looking for those ends first spares trying
# the title pattern at every line.
# (Two literal-led patterns scan faster than one alternation.)
_TITLE_ENDS = [re.compile(rf"{end}[^\S\n]*(?:\n|\Z)") for end in ("报告", "年报")]
_TITLE_AGENCY = re.compile(
    r"^(?:关于)?(?P<before>.*?)(?:\d{4}\s*年度?)(?P<after>.*?)(?:政府信息公开|政务公开|信息公开)"
)
_PERIOD = r"\s*(\d{4})\s*年\s*1\s*月\s*1\s*日"
_YEAR_RULES: list[tuple[str, tuple[re.Pattern[str], ...]]] = [
    (
        "statistics period",
        (
            re.compile(rf"统计(?:期限自|时限为|期限为|时间为){_PERIOD}"),
            re.compile(rf"数据核定时间点为{_PERIOD}"),
        ),
    ),
    (
        "report heading",
        # The year itself is read backwards from 年: see _year_span.
        (
            re.compile(
                r"年度?(?:本单位|本机关)?政府信息公开(?:工作)?"
                r"(?:年度报告|统计表|情况统计表|工作报告|工作情况)"
            ),
        ),
    ),
    ("report heading", (re.compile(r"现将(\d{4})\s*年度?"),)),
]
# The lookbehind (no digit before the year) follows "19"/"20" so that the scan
# can skip to each of them.
_ANY_YEAR = re.compile(r"((?:19|20)(?<!\d..)\d{2})\s*年")
# The meta block govinfo's own renderers write ("报告标题: …"); it wins over inference.
_EXPLICIT = {
    name: (
        label,
        re.compile(rf"^(?:[-*] ?)?{label} ?[::] ?([^\n]{{1,200}}?)[ \t]{{0,20}}$", re.MULTILINE),
    )
    for name, label in (("title", "报告标题"), ("agency", "报告机构"), ("year", "报告年度"))
}


@attrs.frozen
class MetaFacts:
    """Meta fields found.

    Text fields are spans of the normalized text (half-open), so that the parser
    can give them back as printed; the year and date are values.
    """

    title: tuple[int, int] | None = None
    agency: tuple[int, int] | None = None
    year: int | None = None
    published: dt.date | None = None
    index_number: tuple[int, int] | None = None
    year_basis: YearBasis | None = None


@attrs.frozen
class YearBasis:
    """How the year was found when the title does not state it.

    ``span`` is where (normalized offsets), ``None`` for a guess from the whole
    text; ``guessed`` when only the text's most frequent year was left.
    """

    how: str
    span: tuple[int, int] | None
    guessed: bool = False


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Narrow a span to its text without surrounding spaces and separators."""
    while start < end and text[start] in " \t,:|":
        start += 1
    while end > start and text[end - 1] in " \t,:|":
        end -= 1
    return (start, end) if end > start else None


def _date(m: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _plausible_years() -> range:
    """Years a report can be about: 2000 to next year (reports come out early in the year)."""
    return range(2000, dt.datetime.now(tz=dt.timezone.utc).year + 2)


def _title(text: str) -> re.Match[str] | None:
    """The report's title: the first title-shaped line naming a year, else the first.

    A page's breadcrumb or column name ("当前位置:政府信息公开年度报告") has the
    shape of a title but names no year; a report's title names its year.
    """
    ends = sorted(m.start() for pattern in _TITLE_ENDS for m in pattern.finditer(text))
    first = None
    for end in ends:
        m = _TITLE.match(text, text.rfind("\n", 0, end) + 1)
        if m is None:
            continue
        if _YEAR_IN_TITLE.search(m[1]):
            return m
        first = first or m
    return first


def _year_span(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    """Where the year of ``pattern``'s first match is: its group, or four digits before it."""
    if pattern.groups:
        m = pattern.search(text)
        return None if m is None else m.span(1)
    # "(\d{4})\s*年…" matched backwards from its literal 年.
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        end = m.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end >= 4 and text[end - 4 : end].isdecimal():
            return end - 4, end
        pos = m.start() + 1
    return None


def _year_by_rules(text: str, plausible: range) -> tuple[str, int, int] | None:
    """The first of ``_YEAR_RULES`` that finds a plausible year: its source and the year's span."""
    for source, patterns in _YEAR_RULES:
        spans = [span for p in patterns if (span := _year_span(p, text)) is not None]
        if spans:
            start, end = min(spans)
            if int(text[start:end]) in plausible:
                return source, start, end
    return None


def extract_meta(text: str) -> MetaFacts:
    """Read meta facts from normalized report text."""
    basis: YearBasis | None = None
    explicit = {
        name: m
        for name, (label, pattern) in _EXPLICIT.items()
        if label in text and (m := pattern.search(text))
    }
    title: tuple[int, int] | None = None
    if "title" in explicit:
        title = explicit["title"].span(1)
    elif title_m := _title(text):
        title = _strip(text, *title_m.span(1))
    title_text = text[title[0] : title[1]] if title else ""

    published = None
    for pattern in _PUBLISHED if "日期" in text else ():
        m = pattern.search(text)
        if m and (published := _date(m)) is not None:
            break

    index_m = _INDEX.search(text)
    index_number = index_m.span(1) if index_m else None

    agency: tuple[int, int] | None = None
    if "agency" in explicit:
        agency = explicit["agency"].span(1)
    elif title and (am := _TITLE_AGENCY.match(title_text)):
        group = "before" if am["before"].strip(" ,:") else "after"
        agency = _strip(text, title[0] + am.start(group), title[0] + am.end(group))
    if agency is None and "agency" not in explicit and (am2 := _AGENCY.search(text)):
        agency = _strip(text, *am2.span(1))

    year = (
        int(explicit["year"][1]) if "year" in explicit and explicit["year"][1].isdigit() else None
    )
    plausible = _plausible_years()
    if year is None and title:
        ym = re.search(r"(\d{4})\s*年", title_text)
        if ym and int(ym[1]) in plausible:
            year = int(ym[1])
    if year is None and (ruled := _year_by_rules(text, plausible)) is not None:
        source, start, end = ruled
        year = int(text[start:end])
        basis = YearBasis(f"report year {year} read from the {source}", (start, end))
    if year is None:
        years = collections.Counter(
            y for y in (int(m[1]) for m in _ANY_YEAR.finditer(text)) if y in plausible
        )
        if years:
            year, count = years.most_common(1)[0]
            basis = YearBasis(
                f"report year {year} guessed as the year the text names most often ({count}×)",
                None,
                guessed=True,
            )
    return MetaFacts(title, agency, year, published, index_number, basis)
