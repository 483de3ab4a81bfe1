"""Template ``v2015``: 政府信息公开情况统计表 (国办发〔2014〕32号 era, report years 2014–2018).

One long indicator list (统计指标 / 单位 / 统计数). Blocks marked *ext* in the
data dictionary are provincial extensions (e.g. Jiangsu) and stay ``None`` when
a report lacks them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

import attrs

from govinfo._diagnostics import Severity
from govinfo.models._common import Meta
from govinfo.models._phrases import AMOUNT, DENIALS, NOT, PIECES, N, counted, no_cases, none_of
from govinfo.templates.declare import (
    ProseRule,
    RequiredSection,
    Years,
    group,
    prose,
    stat,
    table,
)
from govinfo.templates.invariants import Rule, SeriesRule

_NOTE_ONE = "(不同渠道和方式公开相同信息计1条)"


@attrs.frozen
class Channels:
    """(二)通过不同渠道和方式公开政府信息的情况."""

    gazette: int | None = stat("1.政府公报公开政府信息数", unit="条")
    website: int | None = stat("2.政府网站公开政府信息数", unit="条")
    weibo: int | None = stat(
        "3.政务微博公开政府信息数", unit="条", aliases=("3.政务微博名称:____,公开政府信息数",)
    )
    wechat: int | None = stat(
        "4.政务微信公开政府信息数", unit="条", aliases=("4.政务微信名称:____,公开政府信息数",)
    )
    other: int | None = stat("5.其他方式公开政府信息数", unit="条")


@attrs.frozen
class Proactive:
    """一、主动公开情况."""

    total: int | None = stat(f"(一)主动公开政府信息数{_NOTE_ONE}", unit="条")
    normative_documents: int | None = stat("其中:主动公开规范性文件数", unit="条")
    normative_documents_issued: int | None = stat("制发规范性文件总数")
    channels: Channels = group(Channels, "(二)通过不同渠道和方式公开政府信息的情况")


@attrs.frozen
class Response:
    """二、回应解读情况."""

    hotspots: int | None = stat(
        "(一)回应公众关注热点或重大舆情数(不同方式回应同一热点或舆情计1次)", unit="次"
    )
    press_conferences: int | None = stat(
        "1.参加或举办新闻发布会总次数", unit="次", aliases=("1.参加或举报新闻发布会总次数",)
    )
    press_conferences_principal: int | None = stat("其中:主要负责同志参加新闻发布会次数", unit="次")
    online_interviews: int | None = stat("2.政府网站在线访谈次数", unit="次")
    online_interviews_principal: int | None = stat(
        "其中:主要负责同志参加政府网站在线访谈次数", unit="次"
    )
    interpretations: int | None = stat("3.政策解读稿件发布数", unit="篇")
    social_media: int | None = stat("4.微博微信回应事件数", unit="次")
    other: int | None = stat("5.其他方式回应事件数", unit="次")


@attrs.frozen
class Applications:
    """三、依申请公开情况: (一)收到申请数 and (二)申请办结数."""

    received: int | None = stat("(一)收到申请数")
    in_person: int | None = stat("1.当面申请数")
    fax: int | None = stat("2.传真申请数")
    online: int | None = stat("3.网络申请数")
    letter: int | None = stat("4.信函申请数")
    completed: int | None = stat("(二)申请办结数")
    on_time: int | None = stat("1.按时办结数")
    extended: int | None = stat("2.延期办结数")


@attrs.frozen
class Answers:
    """三、依申请公开情况: (三)申请答复数 by outcome."""

    total: int | None = stat("(三)申请答复数")
    already_public: int | None = stat("1.属于已主动公开范围数")
    granted: int | None = stat("2.同意公开答复数")
    partially_granted: int | None = stat("3.同意部分公开答复数")
    denied: int | None = stat("4.不同意公开答复数")
    denied_state_secret: int | None = stat("其中:涉及国家秘密")
    denied_commercial_secret: int | None = stat("涉及商业秘密")
    denied_privacy: int | None = stat("涉及个人隐私")
    denied_security_stability: int | None = stat(
        "危及国家安全、公共安全、经济安全和社会稳定",
        aliases=("危机国家安全、公共安全、经济安全和社会稳定",),
    )
    denied_not_government_information: int | None = stat("不是《条例》所指政府信息")
    denied_other_law: int | None = stat("法律法规规定的其他情形")
    not_this_agency: int | None = stat("5.不属于本行政机关公开数")
    nonexistent: int | None = stat("6.申请信息不存在数")
    correction_requested: int | None = stat("7.告知作出更改补充数")
    other_channel: int | None = stat("8.告知通过其他途径办理数")


@attrs.frozen
class Applicants:
    """(四)申请来源 — provincial extension (Jiangsu)."""

    party_government: int | None = stat("1.党政机关", ext=True)
    social_groups: int | None = stat("2.社会团体", ext=True)
    enterprises: int | None = stat("3.企业", ext=True)
    media: int | None = stat("4.宣传媒体", ext=True)
    research_education: int | None = stat("5.科研院校", ext=True)
    citizens: int | None = stat("6.公民", ext=True)
    citizens_lawyers: int | None = stat("其中:律师", ext=True)
    citizens_researchers: int | None = stat("科研人员", ext=True)
    citizens_journalists: int | None = stat("媒体从业人员", ext=True)
    other: int | None = stat("7.其他", ext=True)


@attrs.frozen
class Review:
    """四、行政复议数量."""

    total: int | None = stat("四、行政复议数量")
    upheld: int | None = stat("(一)维持具体行政行为数")
    corrected: int | None = stat("(二)被依法纠错数")
    other: int | None = stat("(三)其他情形数")


@attrs.frozen
class Litigation:
    """五、行政诉讼数量."""

    total: int | None = stat("五、行政诉讼数量")
    upheld: int | None = stat(
        "(一)维持具体行政行为或者驳回原告诉讼请求数",
        aliases=("(一)维持具有行政行为或者驳回原告诉讼请求数",),
    )
    corrected: int | None = stat("(二)被依法纠错数")
    other: int | None = stat("(三)其他情形数")


@attrs.frozen
class Capacity:
    """机构建设和保障经费情况."""

    units: int | None = stat("(一)政府信息公开工作专门机构数", unit="个")
    reading_points: int | None = stat("(二)设置政府信息公开查阅点数", unit="个")
    documents_transferred: int | None = stat(
        "(二)向政府信息公开查阅点移送文件、资料",
        unit="份",
        note="provincial extension (Jiangsu): replaces 查阅点数",
        ext=True,
    )
    staff: int | None = stat("(三)从事政府信息公开工作人员数", unit="人")
    staff_full_time: int | None = stat(
        "1.专职人员数(不包括政府公报及政府网站工作人员数)", unit="人"
    )
    staff_part_time: int | None = stat("2.兼职人员数", unit="人")
    budget: Decimal | None = stat(
        "(四)政府信息公开专项经费(不包括用于政府公报编辑管理及政府网站建设维护等方面的经费)",
        unit="万元",
    )


@attrs.frozen
class Meetings:
    """政府信息公开会议和培训情况."""

    conferences: int | None = stat("(一)召开政府信息公开工作会议或专题会议数", unit="次")
    trainings: int | None = stat("(二)举办各类培训班数", unit="次", aliases=("(二)举办各类考试数",))
    trainees: int | None = stat(
        "(三)接受培训人员数",
        unit="人次",
        aliases=("(三)参加考试人员数", "(三)参加培训人员数"),
    )


@attrs.frozen
class Powers:
    """行政权力办件情况 — provincial extension (Jiangsu)."""

    licensing: int | None = stat("(一)行政许可", ext=True)
    penalty: int | None = stat("(二)行政处罚", ext=True)
    coercion: int | None = stat("(三)行政强制", ext=True)
    levy: int | None = stat("(四)行政征收", ext=True)
    benefit: int | None = stat("(五)行政给付", ext=True)
    adjudication: int | None = stat("(六)行政裁决", ext=True)
    confirmation: int | None = stat("(七)行政确认", ext=True)
    reward: int | None = stat("(八)行政奖励", ext=True)
    requisition: int | None = stat("(九)行政征用", ext=True)
    other: int | None = stat("(十)其他行政权力", ext=True)


def _keys(prefix: str, *names: str) -> tuple[str, ...]:
    return tuple(f"{prefix}.{name}" for name in names)


#: The rules of the 2015 statistics return (V1–V8 hard, V9–V12 soft).
RULES_V2015 = (
    Rule(
        "V1",
        "收到申请数 = 当面 + 传真 + 网络 + 信函",
        "structural",
        Severity.ERROR,
        total=("applications.received",),
        parts=_keys("applications", "in_person", "fax", "online", "letter"),
    ),
    Rule(
        "V2",
        "申请办结数 = 按时办结数 + 延期办结数",
        "structural",
        Severity.ERROR,
        total=("applications.completed",),
        parts=_keys("applications", "on_time", "extended"),
    ),
    Rule(
        "V3",
        "申请答复数 = the eight answer outcomes 1–8",
        "structural",
        Severity.ERROR,
        total=("answers.total",),
        parts=_keys(
            "answers",
            "already_public",
            "granted",
            "partially_granted",
            "denied",
            "not_this_agency",
            "nonexistent",
            "correction_requested",
            "other_channel",
        ),
    ),
    Rule(
        "V4",
        "不同意公开答复数 = the six 其中 reasons",
        "structural",
        Severity.ERROR,
        total=("answers.denied",),
        parts=_keys(
            "answers",
            "denied_state_secret",
            "denied_commercial_secret",
            "denied_privacy",
            "denied_security_stability",
            "denied_not_government_information",
            "denied_other_law",
        ),
    ),
    Rule(
        "V5",
        "行政复议数量 = 维持 + 纠错 + 其他情形",
        "structural",
        Severity.ERROR,
        total=("review.total",),
        parts=_keys("review", "upheld", "corrected", "other"),
    ),
    Rule(
        "V6",
        "行政诉讼数量 = 维持或驳回 + 纠错 + 其他情形",
        "structural",
        Severity.ERROR,
        total=("litigation.total",),
        parts=_keys("litigation", "upheld", "corrected", "other"),
    ),
    Rule(
        "V7",
        "从事政府信息公开工作人员数 = 专职 + 兼职",
        "structural",
        Severity.ERROR,
        total=("capacity.staff",),
        parts=_keys("capacity", "staff_full_time", "staff_part_time"),
    ),
    Rule(
        "V8",
        "(四)申请来源 (ext) sums to 收到申请数",
        "structural",
        Severity.ERROR,
        total=("applications.received",),
        parts=_keys(
            "applicants",
            "party_government",
            "social_groups",
            "enterprises",
            "media",
            "research_education",
            "citizens",
            "other",
        ),
    ),
    Rule(
        "V9",
        "主动公开规范性文件数 ≤ 主动公开政府信息数",
        "soft",
        Severity.WARNING,
        total=("proactive.total",),
        parts=("proactive.normative_documents",),
        relation=">=",
    ),
    Rule(
        "V10",
        "the five channels publish at least 主动公开政府信息数 (one item counts once overall)",
        "soft",
        Severity.WARNING,
        total=("proactive.total",),
        parts=_keys("proactive.channels", "gazette", "website", "weibo", "wechat", "other"),
        relation="<=",
    ),
    Rule(
        "V11",
        "主要负责同志 counts ≤ their totals",
        "soft",
        Severity.WARNING,
        total=("response.{col}",),
        parts=("response.{col}_principal",),
        relation=">=",
        each=("press_conferences", "online_interviews"),
    ),
    Rule(
        "V12",
        "公民 (ext) ≥ its 其中 律师 + 科研人员 + 媒体从业人员 (govinfo's addition)",
        "soft",
        Severity.WARNING,
        total=("applicants.citizens",),
        parts=_keys(
            "applicants", "citizens_lawyers", "citizens_researchers", "citizens_journalists"
        ),
        relation=">=",
    ),
)

_REVIEW, _SUIT = "行政复议", "行政诉讼"
_REQUEST = r"(?:各类)?(?:政府信息公开)?申请"

#: v2015 figures stated in prose (the 2014–2018 reports), first match of a key wins.
PROSE_V2015 = (
    prose(
        "proactive.total",
        rf"主动公开(?:各类)?(?:政府)?信息(?:共|总数|数)?{N}条",
        ("主动公开",),
    ),
    prose(
        "applications.received",
        rf"(?:受理|收到|接到|接受){_REQUEST}(?:共)?{N}{PIECES}",
        ("受理", "收到", "接到", "接受"),
    ),
    prose(
        "applications.received",
        rf"(?:共|累计)?(?:受理|收到|接到){N}{PIECES}(?:政府信息)?(?:公开)?申请",
        ("受理", "收到", "接到"),
    ),
    prose(
        "applications.received",
        rf"依申请公开[^。;,\d]{{0,10}}?(?:共)?(?:受理|收到|接到){N}{PIECES}",
        ("依申请公开",),
    ),
    prose(
        "applications.received",
        none_of(r"(?:公开)?申请", reach=20, unless="复议|诉讼|举报|投诉|信访|更正"),
        DENIALS,
        value=0,
    ),
    prose("applications.in_person", rf"当面申请{N}件", ("当面申请",)),
    prose("applications.fax", rf"传真申请{N}件", ("传真申请",)),
    prose("applications.online", rf"网络(?:在线)?申请{N}件", ("网络",)),
    prose("applications.letter", rf"信函申请{N}件", ("信函申请",)),
    prose("answers.total", rf"(?<![未不])答复(?:申请)?{AMOUNT}{N}件", ("答复",)),
    prose("answers.granted", counted(r"(?<![分不])同意公开"), ("同意公开",)),
    prose("answers.partially_granted", counted(r"(?:同意)?部分公开"), ("部分公开",)),
    prose("answers.denied", counted(r"不(?:同意|予)公开"), ("不同意公开", "不予公开")),
    prose("answers.nonexistent", counted(r"(?:申请)?信息不存在"), ("信息不存在",)),
    prose(
        "answers.not_this_agency",
        counted(r"(?:不属于本(?:行政)?机关(?:公开)?|非本机关)"),
        ("不属于本", "非本机关"),
    ),
    prose(
        "answers.denied_other_law",
        rf"法律法规规定的其他情形[^。;,\d]{{0,10}}?{N}件",
        ("法律法规规定的其他情形",),
    ),
    prose(
        "response.hotspots",
        counted(r"回应(?:公众)?(?:关注)?热点(?:问题)?(?:或重大舆情)?(?:数)?", unit="次"),
        ("热点",),
    ),
    prose(
        "response.press_conferences",
        counted(r"(?:参加或)?(?:举办|召开)(?:新闻发布会|发布会)", unit="(?:次|场)"),
        ("发布会",),
    ),
    prose(
        "response.online_interviews",
        counted(r"(?:政府网站)?在线访谈(?:活动)?", unit="(?:次|期|场)"),
        ("在线访谈",),
    ),
    prose(
        "response.interpretations",
        counted(r"(?:发布)?政策解读(?:稿件|材料|信息)?", unit="(?:篇|条|次|份)"),
        ("政策解读",),
    ),
    prose("review.total", rf"行政复议(?:案件)?{AMOUNT}{N}件", (_REVIEW,)),
    no_cases("review.total", "(?:行政)?复议"),
    prose("litigation.total", rf"行政诉讼(?:案件)?{AMOUNT}{N}件", (_SUIT,)),
    no_cases("litigation.total", "(?:行政)?诉讼"),
    prose("review.upheld", rf"维持[^。;,\d]{{0,20}}?{N}件", ("维持",), after=_REVIEW),
    prose("review.corrected", rf"(?:被依法)?纠错{N}件", ("纠错",), after=_REVIEW),
    prose("review.other", rf"其他情形{N}件", ("其他情形",), after=_REVIEW),
    prose("litigation.upheld", rf"维持[^。;,\d]{{0,25}}?{N}件", ("维持",), after=_SUIT),
    prose("litigation.corrected", rf"(?:被依法)?纠错{N}件", ("纠错",), after=_SUIT),
    prose("litigation.other", rf"其他情形{N}件", ("其他情形",), after=_SUIT),
    prose(
        "fees",
        rf"{NOT}(?:向[^。;]{{0,20}}?)?(?:收取(?:任何)?(?:[^。;]{{0,12}}?)费用|收费)",
        ("收取", "收费"),
        value=0,
    ),
    prose("fees", r"均未收取任何费用", ("均未收取任何费用",), value=0),
    prose(
        "fees",
        rf"收取(?:[^。;,\d]{{0,12}}?)费用{AMOUNT}{N}(?P<unit>万元|元)",
        ("收取",),
    ),
    prose("complaints", counted(r"(?:举报投诉|举报|投诉)(?:案件)?"), ("举报", "投诉")),
    prose("complaints", none_of(r"(?:举报|投诉)(?!被|决定)", reach=30), DENIALS, value=0),
)


@attrs.frozen
class ReportV2015:
    """A report in the 2015 template (政府信息公开情况统计表, report years 2014–2018)."""

    TEMPLATE: ClassVar[str] = "v2015"
    YEARS: ClassVar[Years] = Years(2014, 2018)
    FAMILY: ClassVar[str] = "v2015"
    RULES: ClassVar[tuple[Rule, ...]] = RULES_V2015
    SERIES: ClassVar[tuple[SeriesRule, ...]] = ()
    PROSE: ClassVar[tuple[ProseRule, ...]] = PROSE_V2015
    CUES: ClassVar[tuple[str, ...]] = ()
    SECTIONS: ClassVar[tuple[RequiredSection, ...]] = ()

    meta: Meta = attrs.field(factory=Meta)
    proactive: Proactive = table(Proactive, "一、主动公开情况")
    response: Response = table(
        Response,
        "二、回应解读情况",
        anchors=("(二)通过不同渠道和方式回应解读的情况",),
    )
    applications: Applications = table(Applications, "三、依申请公开情况")
    answers: Answers = table(Answers, "(三)申请答复情况")
    applicants: Applicants = table(Applicants, "(四)申请来源", optional=True)
    review: Review = table(Review, "四、行政复议数量")
    litigation: Litigation = table(Litigation, "五、行政诉讼数量")
    complaints: int | None = stat("六、举报投诉数量")
    mailbox_letters: int | None = stat(
        "政府信息公开意见箱办理信件数量", note="provincial extension (Jiangsu)", ext=True
    )
    fees: Decimal | None = stat("依申请公开信息收取的费用", unit="万元")
    capacity: Capacity = table(Capacity, "机构建设和保障经费情况")
    meetings: Meetings = table(Meetings, "政府信息公开会议和培训情况")
    powers: Powers = table(Powers, "行政权力办件情况", optional=True)

    @property
    def template(self) -> str:
        """The template id, ``"v2015"``."""
        return self.TEMPLATE
