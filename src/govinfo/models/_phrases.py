"""How reports state figures in sentences: phrase pieces and the 2019/2021 prose rules.

Patterns run on normalized text (full-width forms folded, traditional
characters simplified), one sentence at a time. A rule states a figure only in
the words the forms use for that quantity; a sentence about anything else
("行政复议被纠错", "不予处理", "上年结转") is kept out by the words around it,
never by where a particular report puts it.
"""

from __future__ import annotations

from govinfo.templates.declare import FIGURE, ProseRule, prose

#: A figure with the spaces PDF text and scraped pages put around it.
N = rf"\s*{FIGURE}\s*"
#: What requests and cases are counted in.
PIECES = r"(?:件|宗|个|起|次)"
#: Words between a quantity's name and its figure: "…的数量为", "共", "总计".
AMOUNT = r"(?:的)?(?:数量)?(?:为|是)?(?:共计|共|合计|总计|累计)?(?:为)?"
#: A denial: "未", "没有", "无" and their "暂" forms.
NOT = r"(?:暂)?(?:未|没有|无)"
#: The words every denial holds: the anchors of rules that read one.
DENIALS = ("未", "没有", "无")
#: The verbs a "none" statement negates: 未发生, 没有收到, 未因…
HAPPENED = r"(?:发生|出现|收到|接到|接受|受理|有|产生|涉及|因)(?:过)?"
#: Up to one clause's words before the thing denied, with no figure among them.
_CLAUSE_WORDS = r"[^。;,\d]"
#: What a review or lawsuit can be said to have had done to it, not whether there was one.
_OUTCOME = r"(?:案件)?(?:被|决定)?(?:纠错|纠正|撤销|败诉|维持)"


def none_of(thing: str, *, reach: int = 30, unless: str = "") -> str:
    """A sentence saying there was none of ``thing``: 未发生…行政复议, 没有因…行政复议.

    ``unless`` lists words that, met between the denial and ``thing``, mean the
    denial is about something else ("复议" for "未收到行政复议申请" when
    ``thing`` is 申请).
    """
    gap = rf"(?:(?!{unless}){_CLAUSE_WORDS})" if unless else _CLAUSE_WORDS
    return rf"(?:{NOT}{HAPPENED}{gap}{{0,{reach}}}?|无){thing}"


def counted(names: str, *, unit: str = PIECES) -> str:
    """A figure after its name: "予以公开7件", "…的数量为54件"."""
    return rf"(?:{names}){AMOUNT}{N}{unit}"


def _cases(kind: str) -> tuple[str, ...]:
    """Ways a count of reviews or lawsuits is stated: 行政复议2件, 发生1起…行政复议."""
    return (
        rf"{kind}(?:申请|案件)?{AMOUNT}{N}{PIECES}",
        rf"(?:发生|收到|受理|涉及|引发)(?:了)?{N}{PIECES}(?:(?!诉讼|复议){_CLAUSE_WORDS}){{0,15}}?{kind}",
    )


def no_cases(key: str | tuple[str, ...], kind: str) -> ProseRule:
    """A sentence saying there were no reviews or lawsuits (``kind``), not no outcome of one."""
    return prose(key, none_of(f"{kind}(?!{_OUTCOME})", reach=40), DENIALS, value=0)


def cases_rules(key: str | tuple[str, ...], kind: str) -> tuple[ProseRule, ...]:
    """The count of reviews or lawsuits (``kind``), and the sentence saying there were none."""
    stated = tuple(prose(key, pattern, (kind,)) for pattern in _cases(kind))
    none = no_cases(key, kind)
    return (*stated, none)


#: The results of reviews and lawsuits, as prose names them, with their anchors.
_OUTCOMES = {
    "upheld": (r"(?:结果)?(?:被)?维持", ("维持",)),
    "corrected": (r"(?:结果)?(?:被)?(?:纠正|纠错)", ("纠正", "纠错")),
    "other": (r"其他结果", ("其他结果",)),
    "pending": (r"尚未审结", ("尚未审结",)),
}


def outcomes(keys: tuple[str, ...], kind: str) -> tuple[ProseRule, ...]:
    """How the reviews or lawsuits (``kind``) ended, in the clause after ``kind``.

    Each of ``keys`` holds ``{}`` for the result ("review_litigation.review.{}");
    lawsuits name two, since a sentence seldom says which of the form's groups
    (直接起诉, 复议后起诉) a case was in.
    """
    rules = []
    for result, (words, anchors) in _OUTCOMES.items():
        named = tuple(k.format(result) for k in keys)
        rules.append(prose(named, counted(words), anchors, after=kind))
        rules.append(prose(named, rf"{N}{PIECES}(?:案件)?{words}", anchors, after=kind))
    return tuple(rules)


def _rows(group: str, rows: str) -> tuple[str, ...]:
    return tuple(f"requests.{group}.{r}.total" for r in rows.split())


_REQUEST = r"(?:各类|各种)?(?:的)?(?:政府)?(?:信息)?(?:公开)?(?:的)?申请"
_REQUESTS_ON_DEMAND = r"(?:各类)?(?:政府)?(?:信息)?依申请公开(?:政府信息)?(?:申请|事项)?"
_RECEIVED = r"(?:新收到?|收到|受理|接到|接收)(?:了)?"
_RECEIVED_WORDS = ("新收", "收到", "受理", "接到", "接收")
_HANDLED = r"(?<![予他])(?:办结|办理|答复|处理)(?:完毕)?(?:了)?"
# Matters are requests only when named so: "办理事项3000件" counts services.
_MATTERS = r"(?:各类)?(?:依申请(?:的)?(?:政府)?(?:信息)?(?:公开)?|(?:政府)?信息公开)事项"
_NEXT_YEAR = r"(?:下一?年度?|\d{4}年度?)"
_NOT_LAST_YEARS = r"(?<!上年)(?<!上年度)(?<!上一年)(?<!上一年度)"
#: A previous clause's figure the outcome refers back to: "申请1件,为本机关不掌握的…".
_THOSE = rf"{N}件(?:申请)?,?(?:均|都)?(?:为|属于|系)"

DENIED = _rows(
    "denied",
    "state_secret prohibited_by_law security_stability third_party_rights "
    "internal_affairs process_information enforcement_file inquiry_matter",
)
UNABLE = _rows("unable", "not_held needs_creation still_unclear")
NOT_PROCESSED = _rows("not_processed", "complaint duplicate publication excessive confirmation")
LITIGATION_GROUPS = (
    "review_litigation.litigation_direct.{}",
    "review_litigation.litigation_after_review.{}",
)
LITIGATION = tuple(group.format("total") for group in LITIGATION_GROUPS)


def requests_prose(other: tuple[str, ...]) -> tuple[ProseRule, ...]:
    """Table 三 and 四 figures as the 2019 and 2021 reports state them in section 一.

    ``other`` is the (六)其他处理 cell, or cells (the 2021 form splits it in three).
    """
    return (
        prose(
            "requests.new.total",
            rf"{_RECEIVED}{_REQUEST}{AMOUNT}{N}{PIECES}",
            _RECEIVED_WORDS,
        ),
        prose(
            "requests.new.total",
            rf"{_RECEIVED}(?:和(?:办理|办结|答复))?{_REQUESTS_ON_DEMAND}{AMOUNT}{N}{PIECES}",
            _RECEIVED_WORDS,
        ),
        prose("requests.new.total", rf"{_RECEIVED}{N}{PIECES}{_REQUEST}", _RECEIVED_WORDS),
        prose(
            "requests.new.natural_person",
            counted(r"(?:申请人为|来自)自然人(?:的)?(?:申请)?"),
            ("自然人",),
        ),
        prose(
            "requests.new.total",
            none_of(r"(?:公开)?申请", reach=20, unless="复议|诉讼|举报|投诉|信访|更正"),
            DENIALS,
            value=0,
        ),
        prose(
            "requests.new.total",
            r"(?:无|没有)(?:政府信息)?(?:依申请公开|公开申请)(?:的)?(?:事项|情况|申请)",
            DENIALS,
            value=0,
        ),
        prose(
            "requests.carried_over.total",
            rf"上一?年度?结转(?:的)?(?:政府)?(?:信息)?(?:公开)?(?:申请|办理|事项)?{AMOUNT}{N}{PIECES}",
            ("结转",),
        ),
        prose(
            "requests.processed_total.total",
            rf"{_HANDLED}(?:{_REQUEST}|{_MATTERS}){AMOUNT}{N}{PIECES}",
            ("办结", "办理", "答复", "处理"),
        ),
        prose(
            "requests.processed_total.total",
            rf"(?:收到|受理)和(?:办理|办结|答复){_REQUESTS_ON_DEMAND}{AMOUNT}{N}{PIECES}",
            ("和办理", "和办结", "和答复"),
        ),
        prose(
            "requests.granted.total",
            counted(r"(?<![分不])(?:予以公开|同意公开)(?:或已主动公开)?"),
            ("予以公开", "同意公开"),
        ),
        prose(
            "requests.granted.total",
            rf"{N}件(?:申请)?(?:予以公开|同意公开)",
            ("予以公开", "同意公开"),
        ),
        prose(
            "requests.partially_granted.total",
            counted(r"部分(?:予以)?公开"),
            ("部分公开", "部分予以公开"),
        ),
        prose(
            "requests.partially_granted.total",
            rf"{N}件(?:申请)?部分(?:予以)?公开",
            ("部分公开", "部分予以公开"),
        ),
        prose(DENIED, counted(r"不予(?:以)?公开"), ("不予",)),
        prose(UNABLE, counted("无法提供"), ("无法提供",)),
        prose(
            "requests.unable.not_held.total",
            counted(r"(?:本机关)?不掌握(?:相关)?(?:的)?(?:政府)?信息"),
            ("不掌握",),
        ),
        prose(
            "requests.unable.not_held.total",
            rf"{_THOSE}{_CLAUSE_WORDS}{{0,12}}?不掌握",
            ("不掌握",),
        ),
        prose(
            "requests.unable.needs_creation.total",
            counted(r"没有现成信息(?:需要?另行制作)?|需要?另行制作"),
            ("另行制作", "没有现成信息"),
        ),
        prose(NOT_PROCESSED, counted("不予处理"), ("不予处理",)),
        prose("requests.not_processed.duplicate.total", counted("重复申请"), ("重复申请",)),
        prose(other, counted("其他处理"), ("其他处理",)),
        prose(
            "requests.carried_forward.total",
            rf"{_NOT_LAST_YEARS}结转(?:至|到)?{_NEXT_YEAR}(?:继续)?(?:办理|处理|答复)?(?:的)?(?:政府信息公开)?(?:申请)?{AMOUNT}{N}{PIECES}",
            ("结转",),
        ),
        prose(
            "requests.carried_forward.total",
            rf"{N}{PIECES}(?:申请)?(?:结转|转结|顺延)(?:至|到)?{_NEXT_YEAR}",
            ("结转", "转结", "顺延"),
        ),
        *cases_rules("review_litigation.review.total", "行政复议"),
        *cases_rules(LITIGATION, "行政诉讼"),
        *outcomes(("review_litigation.review.{}",), "行政复议"),
        *outcomes(LITIGATION_GROUPS, "行政诉讼"),
        *(
            prose(
                f"active.{key}.decisions",
                counted(rf"{name}(?:的)?(?:处理)?决定(?:数量|数)?"),
                (name,),
            )
            for key, name in (
                ("licensing", "行政许可"),
                ("penalty", "行政处罚"),
                ("coercion", "行政强制"),
            )
        ),
    )
