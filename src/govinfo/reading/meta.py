"""Facts about the report (title, agency, year, date, 索引号) from its header and prose."""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import re

import attrs

_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
_SEP = r"[ \t]{0,20}[::]?[ \t]{0,20}(?:\|[ \t]{0,20})?"
# Patterns open with a literal, which the scan can skip to: an alternation of
# words or a digit first would be tried at every position of the text.
_PUBLISHED = [
    re.compile(rf"日期(?<=(?:发布|发文|成文|公开)日期){_SEP}{_DATE}"),
    re.compile(rf"时间(?<=(?:发布|发文|成文|公开)时间){_SEP}{_DATE}"),
    re.compile(rf"日期{_SEP}{_DATE}"),
]
# A number wrapped in its cell after a separator is joined with a space ("…-2019- 03730").
_INDEX = re.compile(
    rf"索\s*引\s*号{_SEP}([A-Za-z0-9](?:[A-Za-z0-9]|[/\-_.](?:[ \t]+(?=[A-Za-z0-9]))?)*)"
)
# A byline's next label ends its value where crawlers run the labels together
# ("信息来源:省统计局发布时间:2022-01-21 16:49被阅览数:").
_NEXT_LABEL = r"发布时间|发布日期|发文日期|成文日期|浏览|阅览|阅读|点击|字体|作者|来源|索引号"


def _byline(labels: str, longest: int) -> re.Pattern[str]:
    """A byline's value after one of ``labels``: up to a ``|``, the line's end or the next label."""
    return re.compile(
        rf"(?:{labels}){_SEP}([^|\s][^|\n]{{0,{longest}}}?)"
        rf"(?:[ \t]{{0,20}}(?:\||$)|(?={_NEXT_LABEL}))",
        re.MULTILINE,
    )


_AGENCY = _byline("发布机构|发文机关|发布单位", 60)
_SOURCE = _byline("来源", 40)
# An agency's name: places, each ending in its level (京山市, 越城区东湖街道), then
# the organ (卫生健康局, 办事处, 人民政府). "市委" alone is a party committee, not
# an organ that publishes these reports; "卫健委" is.
_CJK = "\u4e00-\u9fff"
_LEVEL = r"(?:自治区|自治州|自治县|省|市|州|盟|县|旗|区|镇|乡|街道)"
_LEVEL_FIRSTS = "自省市州盟县旗区镇乡街"
# The organ: a government, office or committee right after its place (京山市人民政府,
# 东湖街道办事处, 开发区管委会), or a department's field before its kind (卫生健康局,
# 信访办). A bare "市政府" in prose is the city above, seldom the reporting agency.
_ORGAN_OF = (
    r"人民政府(?:办公室)?|办事处|管理委员会|管委会"
    rf"|[{_CJK}]{{1,10}}?(?:管理委员会|委员会|管委会|办公室|局|厅|院|中心|署|办|委)"
)
# A place's own name holds no level but 州/镇/乡/盟 (杭州市, 乡镇): "市政府…工作及市"
# is prose, not a place.
_PLACE = rf"(?:(?!省|市|县|区|旗|街道)[{_CJK}]){{2,8}}?{_LEVEL}"
# A branch keeps its parent's name: 杭州市公安局 + 滨江区分局.
_AGENCY_NAME = re.compile(rf"(?:{_PLACE})+(?:{_ORGAN_OF})(?:(?:{_PLACE})+(?:{_ORGAN_OF}))*")
# Words no agency's name holds: function words, and the verbs official prose opens
# its clauses with (",紧紧围绕市政府办公室…"). A match holding one began inside
# the sentence, not at a name.
_NOT_IN_NAMES = re.compile(
    r"的|在|为|对|我|了|由|与|及|其中|其他|工作|认真|做好|按照|根据|关于|进一步|高度|全面"
    r"|围绕|贯彻|落实|推进|加强|加大|坚持|积极|紧紧|严格|切实|不断|持续|深入|扎实|全力"
    r"|结合|依托|通过|开展|完善|建立|健全|提高|提升"
)
# Where a name can begin in running prose: after punctuation, or after 由/做好/请与.
# Not after a quotation mark: a quoted name is a website's ("“XX区人民政府”门户网站").
# A name's first place is 2 to 8 characters before its level: where no level
# begins that near, no name starts (most starts: told in the scan, not by a match).
_NAME_AHEAD = rf"(?=[{_CJK}]{{2,8}}[{_LEVEL_FIRSTS}])"
# Each mark its own literal, a line's start its LF (the text's own start is looked at
# apart): a pattern opening on literals only is scanned for its first characters in C,
# where one opening on ``^`` or a class is tried at every character.
_NAME_STARTS = re.compile(rf"(?:,|。|;|:|、|\(|\n|由|做好|请与){_NAME_AHEAD}")
_NAME_AT = re.compile(_NAME_AHEAD)
#: How far into the text the opening sentences go, and the closing signature.
_OPENING = 500
_CLOSING = 600
# A line holding a name alone, a date under it; the line's start is the LF before it
# (the text's first line is looked at apart), so that the scan skips to each LF.
_SIGNED_LINE = rf"[ \t]*([{_CJK}]{{4,40}})[ \t]*\n(?:[ \t]*\n){{0,2}}[ \t]*{_DATE}"
_SIGNED = re.compile(rf"\n{_SIGNED_LINE}")
_SIGNED_FIRST = re.compile(_SIGNED_LINE)
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
# "XX局2022年…", "关于XX县2020年…", "XX局关于2021年度…的报告": the agency, not 关于.
_TITLE_AGENCY = re.compile(
    r"^(?:关于)?(?P<before>.*?)(?:关于)?(?:\d{4}\s*年度?)(?:关于)?(?P<after>.*?)"
    r"(?:政府信息公开|政务公开|信息公开)"
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


def _year_by_rules(text: str, plausible: range) -> tuple[int, YearBasis] | None:
    """The year the first of ``_YEAR_RULES`` finds, with where; the text decides a conflict.

    A report that copied last year's statistics period into its opening says
    2020 there and 2021 in its heading and prose: when the rules disagree, the
    year the text names most often is taken (first rule on a tie), with a
    warning that names both.
    """
    found: dict[int, tuple[str, int, int]] = {}
    for source, patterns in _YEAR_RULES:
        spans = [span for p in patterns if (span := _year_span(p, text)) is not None]
        if spans:
            start, end = min(spans)
            year = int(text[start:end])
            if year in plausible:
                found.setdefault(year, (source, start, end))
    if not found:
        return None
    first = next(iter(found))
    if len(found) == 1:
        source, start, end = found[first]
        return first, YearBasis(f"report year {first} read from the {source}", (start, end))
    named = collections.Counter(int(m[1]) for m in _ANY_YEAR.finditer(text))
    year = max(found, key=lambda y: (named[y], y == first))
    source, start, end = found[year]
    others = "; ".join(f"the {found[y][0]} says {y} ({named[y]}×)" for y in found if y != year)
    how = f"report year {year} read from the {source}, named {named[year]}× in the text; {others}"
    return year, YearBasis(how, (start, end), guessed=True)


def _name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of ``text[start:end]`` if it is an agency's name and nothing else."""
    span = _strip(text, start, end)
    if span is None:
        return None
    m = _AGENCY_NAME.fullmatch(text, *span)
    return span if m and not _NOT_IN_NAMES.search(m[0]) else None


def _named_in_opening(text: str) -> tuple[int, int] | None:
    """The first agency the opening sentences name ("2022年,京山市卫生健康局…")."""
    limit = min(len(text), _OPENING)
    first = [0] if _NAME_AT.match(text, 0, limit) else []
    for start in itertools.chain(first, (m.end() for m in _NAME_STARTS.finditer(text, 0, limit))):
        m = _AGENCY_NAME.match(text, start, limit)
        if m and not _NOT_IN_NAMES.search(m[0]):
            return m.span()
    return None


def _signed(text: str) -> tuple[int, int] | None:
    """The agency signing the report: a name alone on its line, a date under it."""
    found = None
    start = max(0, len(text) - _CLOSING)
    first = _SIGNED_FIRST.match(text) if start == 0 else None
    after = max(0, start - 1) if first is None else first.end()
    for m in itertools.chain((first,) if first else (), _SIGNED.finditer(text, after)):
        found = _name(text, *m.span(1)) or found
    return found


def _agency(text: str, title: tuple[int, int] | None) -> tuple[int, int] | None:
    """The publishing agency: from the title, a byline, the signature or the opening.

    In that order: the title names the agency that reports; a byline
    (发布机构/来源) the one that published the page; the signature and the
    opening sentence the one that wrote it. A name taken from a byline's 来源,
    a line of its own or running prose must have the shape of an agency's name
    (places, then an organ).
    """
    if title is not None:
        title_text = text[title[0] : title[1]]
        if am := _TITLE_AGENCY.match(title_text):
            group = "before" if am["before"].strip(" ,:") else "after"
            found = _strip(text, title[0] + am.start(group), title[0] + am.end(group))
            if found is not None:
                return found
    if am2 := _AGENCY.search(text):
        return _strip(text, *am2.span(1))
    source = _SOURCE.search(text) if "来源" in text else None
    if source and (named := _name(text, *source.span(1))):
        return named
    if title is not None:
        # A title printed over two lines: the agency, then the year and the words.
        previous_end = text.rfind("\n", 0, title[0])
        if previous_end > 0:
            previous_start = text.rfind("\n", 0, previous_end) + 1
            if named := _name(text, previous_start, previous_end):
                return named
    return _signed(text) or _named_in_opening(text)


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
    for pattern in _PUBLISHED:
        m = pattern.search(text)
        if m and (published := _date(m)) is not None:
            break

    index_m = _INDEX.search(text)
    index_number = index_m.span(1) if index_m else None

    if "agency" in explicit:
        agency: tuple[int, int] | None = explicit["agency"].span(1)
    else:
        agency = _agency(text, title)

    year = (
        int(explicit["year"][1]) if "year" in explicit and explicit["year"][1].isdigit() else None
    )
    plausible = _plausible_years()
    if year is None and title:
        ym = re.search(r"(\d{4})\s*年", title_text)
        if ym and int(ym[1]) in plausible:
            year = int(ym[1])
    if year is None and (ruled := _year_by_rules(text, plausible)) is not None:
        year, basis = ruled
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
