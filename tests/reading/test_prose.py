"""Figures stated in prose: each template's rules and their anchors, 信息处理费, placeholders."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.models import REGISTRY
from govinfo.reading.normalize import normalize
from govinfo.reading.prose import (
    _FEES_NONE,
    _in_sentences_with,
    _segments,
    prose_figures,
    prose_placeholders,
)
from govinfo.reading.spans import Locator, Notes
from govinfo.templates.declare import ProseRule, prose
from govinfo.templates.spec import ProseRules
from helpers import cell_values, seed_text

V2015_PROSE = REGISTRY["v2015"].prose
V2021_PROSE = REGISTRY["v2021"].prose
TOPICS = {rule.after for rule in V2015_PROSE if rule.after}
EVERY_RULE = {rule for spec in REGISTRY for rule in spec.prose}


@pytest.mark.parametrize(
    "rule", sorted(EVERY_RULE, key=lambda r: r.pattern.pattern), ids=lambda r: r.key[:40]
)
@given(data=st.data())
def test_every_match_holds_an_anchor(rule: ProseRule, data: st.DataObject) -> None:
    """Sentences without an anchor are skipped, so no match may lack one."""
    text = data.draw(st.from_regex(rule.pattern))
    m = rule.pattern.search(text)
    assert m is not None
    assert any(anchor in m[0] for anchor in rule.anchors)


def _stated(text: str, rules: tuple[ProseRule, ...] = V2021_PROSE) -> dict[str, Decimal]:
    """Each key's first statement, as the parser takes it (a share after 其中 is none)."""
    out: dict[str, Decimal] = {}
    for figure in prose_figures(text, rules):
        for key in () if figure.part else figure.keys:
            out.setdefault(key, figure.value)
    return out


def test_outcomes_belong_to_the_clause_they_follow() -> None:
    """维持 after 行政诉讼 is a lawsuit's, not a review's, whatever came before."""
    stated = _stated("行政复议1件,行政诉讼2件,维持2件。")
    assert stated["review_litigation.review.total"] == 1
    assert "review_litigation.review.upheld" not in stated
    assert stated["review_litigation.litigation_direct.upheld"] == 2  # a sum: never placed


def test_v2015_complaints_and_fees_in_yuan() -> None:
    """举报投诉 counts; a fee in 元 is stored in the 万元 of the form."""
    assert _stated("未收到举报投诉。", V2015_PROSE) == {"complaints": 0}
    result = govinfo.parse("2016年政府信息公开工作年度报告\n本年度收取费用300元,举报投诉2件。\n")
    assert result.report.fees == Decimal("0.03")  # type: ignore[union-attr]
    assert result.report.complaints == 2  # type: ignore[union-attr]


def test_no_outcome_of_a_review_is_not_no_review() -> None:
    """v2015 too: "无复议纠错案件" says nothing of how many reviews there were."""
    assert "review.total" not in _stated("本年度无复议纠错案件。", V2015_PROSE)
    assert _stated("本年度未发生行政复议。", V2015_PROSE) == {"review.total": 0}


def test_figures_from_sentences() -> None:
    """Each key from its first statement; topic clauses decide 维持 and 纠错."""
    text = (
        "本年度主动公开政府信息1,234条。\n"
        "全年共受理政府信息公开申请9件,其中当面申请2件,网络申请7件。\n"
        "受理申请5件。\n"
        "发生行政复议3件,维持1件,纠错2件;行政诉讼1件,维持1件。\n"
        "未收取任何费用。\n"
    )
    figures = prose_figures(text, V2015_PROSE)
    assert [f.value for f in figures if f.key == "applications.received"] == [9, 5]
    assert _stated(text, V2015_PROSE) == {
        "proactive.total": Decimal(1234),
        "applications.received": Decimal(9),
        "applications.in_person": Decimal(2),
        "applications.online": Decimal(7),
        "review.total": Decimal(3),
        "review.upheld": Decimal(1),
        "review.corrected": Decimal(2),
        "litigation.total": Decimal(1),
        "litigation.upheld": Decimal(1),
        "fees": Decimal(0),
    }


def test_evidence_points_at_the_statement() -> None:
    """Offsets are in the whole text; the sentence is the evidence."""
    text = "前言。\n本机关没有发生行政诉讼。\n"
    (figure,) = prose_figures(text, V2015_PROSE)
    assert figure.key == "litigation.total"
    assert figure.value == 0
    assert text[figure.start : figure.end] == "没有发生行政诉讼"
    assert figure.sentence == "本机关没有发生行政诉讼。"


def test_repeated_topic_is_one_scope() -> None:
    """Mentions of a topic before the next topic open one scope, not one each.

    Each scope is searched to its end, so a scope per mention made a long
    sentence of repeated mentions quadratic (72 KB took 30 s).
    """
    sentence = "行政复议维持" * 1000 + "行政诉讼维持1件" + "行政复议维持" * 1000
    scopes = _segments(sentence, "行政复议", TOPICS)
    assert [start for start, _ in scopes] == [4, 6012]
    assert _segments(sentence, "行政诉讼", TOPICS) == [(6004, "维持1件")]
    text = sentence + "。\n"
    assert {f.key: f.value for f in prose_figures(text, V2015_PROSE)}["litigation.upheld"] == 1


def test_placeholder_lines_are_noted_and_counted() -> None:
    """Each prose line holding unfilled figures is one placeholder note; table lines are not."""
    text = "本年度主动公开信息xxxx条,受理申请xx件。\n表格 | xx |\n经费xx.xx万元。\n"
    norm = normalize(text)
    notes = Notes(Locator(norm, None))
    assert prose_placeholders(norm.text, notes) == 2
    diagnostics = notes.diagnostics()
    assert [d.code for d in diagnostics] == ["placeholder", "placeholder"]
    assert [d.span.line for d in diagnostics if d.span is not None] == [1, 3]
    assert "2 unfilled figure(s) in prose" in diagnostics[0].message


def test_processing_fee_from_prose() -> None:
    """Section 六 prose gives meta.processing_fee_yuan, with its sentence as evidence."""
    table = "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    result = govinfo.parse(table + "六、其他需要报告的事项\n本年度共收取信息处理费380元。\n")
    assert result.report.meta.processing_fee_yuan == Decimal(380)
    (diag,) = [d for d in result.diagnostics if d.code == "from-prose"]
    assert "收取信息处理费380元" in diag.message
    assert result.quote("meta.processing_fee_yuan") == "信息处理费380元"
    none = govinfo.parse(table + "本年度未收取政府信息公开信息处理费。\n")
    assert none.report.meta.processing_fee_yuan == Decimal(0)


def test_unfilled_model_essay_yields_placeholders_and_no_numbers() -> None:
    """Seed 001 (every figure "xx"): no number anywhere, placeholder diagnostics, no year."""
    result = govinfo.parse(seed_text("001"))
    values = cell_values(result.report)
    assert all(v is None for v in values.values())
    assert result.report.meta.year is None
    placeholders = [d for d in result.diagnostics if d.code == "placeholder"]
    assert len(placeholders) >= 10
    assert all(d.span is not None and "x" in (d.excerpt or "") for d in placeholders)
    # A model essay titled as a report is read as one, unfilled (the seed's label: narrative).
    assert result.template == "v2015"
    codes = [d.code for d in result.diagnostics]
    assert "unfilled-template" in codes
    assert "no-report" not in codes


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


#: Sentences of real 2019–2023 reports (../shared/corpus), normalized, and what they state.
REAL_SENTENCES = [
    (
        "2021年新收政府信息公开申请数量317件,上年结转政府信息公开申请数量3件。",
        {"requests.new.total": 317, "requests.carried_over.total": 3},
    ),
    (
        "其中,予以公开184件,部分公开18件,结转下年度继续办理13件。",
        {
            "requests.granted.total": 184,
            "requests.partially_granted.total": 18,
            "requests.carried_forward.total": 13,
        },
    ),
    (
        "2021年我局新收到政府信息公开申请188宗。来自自然人的申请数量为166件。",
        {"requests.new.total": 188, "requests.new.natural_person": 166},
    ),
    (
        (
            "其中:予以公开或已主动公开的数量为54件,部分予以公开的数量为41件,"
            "属于本机关不掌握相关政府信息的数量为78件,属于没有现成信息需另行制作的数量为3件,"
            "重复申请的数量为1件。"
        ),
        {
            "requests.granted.total": 54,
            "requests.partially_granted.total": 41,
            "requests.unable.not_held.total": 78,
            "requests.unable.needs_creation.total": 3,
            "requests.not_processed.duplicate.total": 1,
        },
    ),
    (
        (
            "共受理政府信息公开申请16件,上年结转政府信息公开办理数量1件,"
            "共办结政府信息公开申请16件,结转至2024年办理1件。"
        ),
        {
            "requests.new.total": 16,
            "requests.carried_over.total": 1,
            "requests.processed_total.total": 16,
            "requests.carried_forward.total": 1,
        },
    ),
    (
        "收到信息依申请公开共0件,其中书面申请0件,0件转结2023年办结。",
        {"requests.new.total": 0, "requests.carried_forward.total": 0},
    ),
    (
        "2023年收到政府信息公开申请1件,为本机关不掌握的政府信息。",
        {"requests.new.total": 1, "requests.unable.not_held.total": 1},
    ),
    ("本年度,卫生健康局无依申请公开事项。", {"requests.new.total": 0}),
    ("2021年度,我乡未收到任何形式的依申请公开申请。", {"requests.new.total": 0}),
    (
        "未发生涉及卫生健康局信息公开行政复议案件和行政诉讼案件。",
        {
            "review_litigation.review.total": 0,
            "review_litigation.litigation_direct.total": 0,
            "review_litigation.litigation_after_review.total": 0,
        },
    ),
    (
        "因信息公开引起的行政复议31件,行政诉讼0件。",
        {
            "review_litigation.review.total": 31,
            "review_litigation.litigation_direct.total": 0,
            "review_litigation.litigation_after_review.total": 0,
        },
    ),
    ("本年度内单位行政处罚处理决定数量39件,不存在其他情况。", {"active.penalty.decisions": 39}),
    (
        "本年度发生行政复议3起,其中维持1起,纠正1起,尚未审结1起;行政诉讼0件。",
        {
            "review_litigation.review.total": 3,
            "review_litigation.review.upheld": 1,
            "review_litigation.review.corrected": 1,
            "review_litigation.review.pending": 1,
            "review_litigation.litigation_direct.total": 0,
            "review_litigation.litigation_after_review.total": 0,
        },
    ),
]


@pytest.mark.parametrize(("text", "stated"), REAL_SENTENCES)
def test_real_sentences_state_their_figures(text: str, stated: dict[str, int]) -> None:
    """Each sentence gives exactly the figures it states, in the form's keys."""
    assert _stated(text) == stated


@pytest.mark.parametrize(
    "text",
    [
        "本年度未收到行政复议申请。",  # a review, not a request
        "未发生行政复议被纠错的情况。",  # says nothing of how many reviews there were
        "本年度人大建议办结15件。",  # not requests
        "部分予以公开41件。",  # not 予以公开
        "不予处理政府信息公开申请2件。",  # not the processed total
        "上年结转2020年度申请3件。",  # carried over, not carried forward
        "较上年收到的申请增加5件。",  # a change, not a count
        "发生2起关于政府信息公开的行政诉讼、行政复议案件。",  # two kinds in one count
        "全年共办理事项3000件。",  # services, not requests
        "本年度无行政复议纠错案件。",  # no outcome, not no review
    ],
)
def test_a_sentence_about_something_else_fills_nothing_it_does_not_state(text: str) -> None:
    """The words around a figure keep it out of the cells it is not about."""
    wrong = {
        "本年度未收到行政复议申请。": "requests.new.total",
        "未发生行政复议被纠错的情况。": "review_litigation.review.total",
        "本年度人大建议办结15件。": "requests.processed_total.total",
        "部分予以公开41件。": "requests.granted.total",
        "不予处理政府信息公开申请2件。": "requests.processed_total.total",
        "上年结转2020年度申请3件。": "requests.carried_forward.total",
        "较上年收到的申请增加5件。": "requests.new.total",
        "发生2起关于政府信息公开的行政诉讼、行政复议案件。": "review_litigation.review.total",
        "全年共办理事项3000件。": "requests.processed_total.total",
        "本年度无行政复议纠错案件。": "review_litigation.review.total",
    }[text]
    assert wrong not in _stated(text)


#: The ways a figure of table 三 or 四 is written in section 一, ``{}`` the figure.
PHRASINGS = {
    "requests.new.total": [
        "本年度收到政府信息公开申请{}件",
        "新收政府信息公开申请数量{}件",
        "共受理依申请公开{}件",
        "全年共收到{}件政府信息公开申请",
    ],
    "requests.carried_over.total": ["上年结转政府信息公开申请数量{}件", "上年度结转申请{}件"],
    "requests.granted.total": ["予以公开{}件", "其中{}件予以公开"],
    "requests.partially_granted.total": ["部分公开{}件", "部分予以公开的数量为{}件"],
    "requests.processed_total.total": ["共办结政府信息公开申请{}件", "答复政府信息公开申请{}件"],
    "requests.carried_forward.total": ["结转下年度继续办理{}件", "{}件结转2024年度继续办理"],
    "review_litigation.review.total": ["行政复议{}件", "发生{}起有关政府信息公开的行政复议案件"],
    "review_litigation.review.upheld": ["行政复议3件,其中维持{}件", "行政复议3件,{}件被维持"],
    "review_litigation.review.pending": ["行政复议3件,尚未审结{}件", "行政复议3件,{}起尚未审结"],
    "active.licensing.decisions": ["作出行政许可决定{}件"],
}


@given(
    data=st.data(),
    key=st.sampled_from(sorted(PHRASINGS)),
    figure=st.integers(0, 99_999),
    chinese=st.booleans(),
    before=st.sampled_from(["", "2023年,", "本年度,我局"]),
    after=st.sampled_from(["", ",均在法定期限内答复", ",较上年有所增加"]),
)
def test_a_figure_in_any_declared_phrasing_comes_back_with_its_sentence(
    data: st.DataObject, key: str, figure: int, chinese: bool, before: str, after: str
) -> None:
    """Digits or a Chinese numeral, any phrasing, amid other words: the figure and its sentence."""
    phrasing = data.draw(st.sampled_from(PHRASINGS[key]))
    written = cn2an.an2cn(figure) if chinese else str(figure)
    sentence = before + phrasing.format(written) + after + "。"
    (found,) = [
        f for f in prose_figures("前言。\n" + sentence + "\n", V2021_PROSE) if key in f.keys
    ]
    assert found.value == figure
    assert found.sentence == sentence


@given(
    data=st.data(),
    keys=st.lists(st.sampled_from(sorted(PHRASINGS)), min_size=2, max_size=2, unique=True),
    figure=st.integers(100, 99_999),
)
def test_a_sentence_about_one_quantity_never_fills_another_with_its_figure(
    data: st.DataObject, keys: list[str], figure: int
) -> None:
    """The figure of one quantity, in any of its phrasings, is never read as another's."""
    stated, other = keys
    sentence = data.draw(st.sampled_from(PHRASINGS[stated])).format(figure) + "。"
    figures = _stated(sentence)
    assert figures[stated] == figure
    assert figures.get(other) != figure


def test_a_malformed_numeral_states_nothing() -> None:
    """cn2an refuses "十十": no figure, rather than a guess."""
    assert "requests.new.total" not in _stated("收到政府信息公开申请十十件。")
    assert _stated("收到政府信息公开申请两件。") == {"requests.new.total": 2}


class TestSums:
    """A sentence stating what the form splits over several cells."""

    def test_zero_fills_every_part(self) -> None:
        """行政诉讼0件: both lawsuit groups of table 四 are 0, with the sentence as evidence."""
        result = govinfo.parse("2022年政府信息公开工作年度报告\n本年度行政复议1件,行政诉讼0件。\n")
        report = result.report
        assert isinstance(report, govinfo.ReportV2021)
        assert report.review_litigation.review.total == 1
        assert report.review_litigation.litigation_direct.total == 0
        assert report.review_litigation.litigation_after_review.total == 0
        assert result.quote("review_litigation.litigation_direct.total") == "行政诉讼0件"

    def test_any_other_sum_is_reported_not_placed(self) -> None:
        """发生2起行政诉讼: which group each was in is unknown; nothing is placed."""
        result = govinfo.parse("2022年政府信息公开工作年度报告\n本年度发生2起行政诉讼案件。\n")
        report = result.report
        assert isinstance(report, govinfo.ReportV2021)
        assert report.review_litigation.litigation_direct.total is None
        assert report.review_litigation.litigation_after_review.total is None
        (note,) = [d for d in result.diagnostics if d.code == "prose-not-used"]
        assert "states 2 for their sum" in note.message

    def test_a_later_different_statement_is_reported(self) -> None:
        """The first statement of a cell stands; a later different one is a diagnostic."""
        text = (
            "2022年政府信息公开工作年度报告\n收到政府信息公开申请5件。\n"
            "行政诉讼0件。\n未发生行政诉讼。\n收到申请6件。\n"
        )
        result = govinfo.parse(text)
        assert result.report.requests.new.total == 5  # type: ignore[union-attr]
        (note,) = [d for d in result.diagnostics if d.code == "prose-disagrees"]
        assert "states 5" in note.message
        assert "later 6" in note.message


@pytest.mark.parametrize(
    ("sentence", "fee"),
    [
        ("本年度未向公开权利人收取依申请公开的任何费用。", Decimal(0)),
        ("2022年,我委对依申请提供政府信息暂未收取检索、复印、邮寄等费用。", Decimal(0)),
        ("本单位未收取会议费用。", None),  # not about requests
    ],
)
def test_no_fee_said_without_naming_the_processing_fee(sentence: str, fee: Decimal | None) -> None:
    """ "未收取…费用" in a sentence about requests is the 信息处理费: 0."""
    result = govinfo.parse("2022年政府信息公开工作年度报告\n" + sentence + "\n")
    assert result.report.meta.processing_fee_yuan == fee


def test_overlapping_anchors_each_admit_their_rules() -> None:
    """An anchor inside a longer one, or starting inside it, still admits its rules."""
    rules = ProseRules.of(
        (
            prose("requests.new.total", r"公开申请(\d+)件", ("公开申请",)),
            prose("requests.granted.total", r"申请公开(\d+)项", ("申请公开",)),
            prose("review_litigation.review.total", r"复议(\d+)件", ("复议",)),
        )
    )
    figures = prose_figures("申请公开申请5件;申请公开3项;行政复议2件。", rules)
    assert [(f.key, f.value) for f in figures] == [
        ("requests.new.total", 5),
        ("requests.granted.total", 3),
        ("review_litigation.review.total", 2),
    ]


@settings(max_examples=300)
@given(st.text(alphabet="暂未没有无向收取了检索费用申请。;\nx", max_size=80))
def test_sentences_holding_a_word_give_the_pattern_s_matches(text: str) -> None:
    """A pattern holding a word and no stop matches, sentence by sentence, as over the text."""
    whole = [m.span() for m in _FEES_NONE.finditer(text)]
    assert [m.span() for m in _in_sentences_with(_FEES_NONE, "收取", text)] == whole


class TestQizhong:
    """其中 ("of which"): what follows is a part of what was stated before it (#22, r11)."""

    def test_a_sub_count_is_not_the_total(self) -> None:
        """其中,县级部门…17403条 counts county departments only: no total, and a note says so."""
        text = "2015年政府信息公开工作年度报告\n其中,县级部门主动公开政府信息17403条。"
        result = govinfo.parse(text)
        assert isinstance(result.report, govinfo.ReportV2015)
        assert result.report.proactive.total is None
        (note,) = [d for d in result.diagnostics if d.key == "proactive.total"]
        assert note.code == "prose-not-used"
        assert "17403 after 其中" in note.message

    def test_the_total_before_qizhong_stands(self) -> None:
        """The whole stated before 其中 is read; the part after it is not read as the whole."""
        text = "全县主动公开政府信息20000条,其中,县级部门主动公开政府信息17403条。"
        assert _stated(text, V2015_PROSE) == {"proactive.total": 20000}

    def test_a_later_sentence_still_states_the_total(self) -> None:
        """A share does not take the key: the next sentence's statement of it is read."""
        text = "其中,县级部门主动公开政府信息17403条。\n本年度主动公开政府信息20000条。\n"
        assert _stated(text, V2015_PROSE) == {"proactive.total": 20000}

    def test_parts_are_read(self) -> None:
        """Keys that are parts of a sum (网络申请, 予以公开, 结转下年度) are read after 其中."""
        text = "共受理政府信息公开申请9件,其中当面申请2件,网络申请7件。"
        assert _stated(text, V2015_PROSE) == {
            "applications.received": 9,
            "applications.in_person": 2,
            "applications.online": 7,
        }
        text = "共收到申请20件,其中予以公开6件,结转下年度继续办理1件。"
        assert _stated(text) == {
            "requests.new.total": 20,
            "requests.granted.total": 6,
            "requests.carried_forward.total": 1,
        }

    def test_a_whole_after_figures_of_other_tables_is_stated(self) -> None:
        """After figures of table 三 only, 其中 …行政复议 states table 四's own whole (corpus)."""
        text = "收到申请4件,1件结转2023年度继续办理。其中,发生1起有关政府信息公开的行政复议案件。"
        assert _stated(text)["review_litigation.review.total"] == 1
        text = "其中,发生1起有关政府信息公开的行政复议案件。"
        assert "review_litigation.review.total" not in _stated(text)

    def test_wholes_are_declared_by_the_invariants(self) -> None:
        """A whole is the one total of a check and a part of none: computed, not listed."""
        assert V2015_PROSE.wholes.keys() >= {"proactive.total", "applications.received"}
        assert V2015_PROSE.wholes["proactive.total"] == "proactive"
        assert "applications.online" not in V2015_PROSE.wholes
        assert V2021_PROSE.wholes["review_litigation.review.total"] == "review_litigation"
        # Summed with 结转下年度 in R1: a part of that sum.
        assert "requests.processed_total.total" not in V2021_PROSE.wholes

    @given(
        data=st.data(),
        stated=st.sampled_from(
            [
                ("v2015", "proactive.total", ["主动公开政府信息{}条", "主动公开各类信息共{}条"]),
                ("v2015", "applications.received", ["受理政府信息公开申请{}件"]),
                (
                    "v2021",
                    "review_litigation.review.total",
                    PHRASINGS["review_litigation.review.total"],
                ),
            ]
        ),
        whole=st.integers(100, 999),
        part=st.integers(1, 99),
        who=st.sampled_from(["", "县级部门", "本机关下属单位"]),
        first=st.booleans(),
    )
    def test_a_whole_after_qizhong_is_never_read_as_the_whole(
        self,
        data: st.DataObject,
        stated: tuple[str, str, list[str]],
        whole: int,
        part: int,
        who: str,
        first: bool,
    ) -> None:
        """Any phrasing of a whole, after 其中: the whole stated before it, or nothing."""
        template, key, phrasings = stated
        phrasing = data.draw(st.sampled_from(phrasings))
        before = phrasing.format(whole) + "," if first else ""
        sentence = f"{before}其中,{who}{phrasing.format(part)}。"
        rules = REGISTRY[template].prose
        assert _stated(sentence, rules).get(key) == (whole if first else None)
