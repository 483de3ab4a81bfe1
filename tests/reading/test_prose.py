"""Figures stated in prose: the v2015 rules and their anchors, 信息处理费, placeholders."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.models import REGISTRY
from govinfo.reading.normalize import normalize
from govinfo.reading.prose import _segments, prose_figures, prose_placeholders
from govinfo.reading.spans import Locator, Notes
from govinfo.templates.declare import ProseRule
from helpers import cell_values, seed_text

V2015_PROSE = REGISTRY["v2015"].prose
TOPICS = {rule.after for rule in V2015_PROSE if rule.after}


@pytest.mark.parametrize("rule", V2015_PROSE, ids=lambda r: r.key)
@given(data=st.data())
def test_every_match_holds_an_anchor(rule: ProseRule, data: st.DataObject) -> None:
    """Sentences without an anchor are skipped, so no match may lack one."""
    text = data.draw(st.from_regex(rule.pattern))
    m = rule.pattern.search(text)
    assert m is not None
    assert any(anchor in m[0] for anchor in rule.anchors)


def test_figures_from_sentences() -> None:
    """Each key from its first statement; topic clauses decide 维持 and 纠错."""
    text = (
        "本年度主动公开政府信息1,234条。\n"
        "全年共受理政府信息公开申请9件,其中当面申请2件,网络申请7件。\n"
        "受理申请5件。\n"
        "发生行政复议3件,维持1件,纠错2件;行政诉讼1件,维持1件。\n"
        "未收取任何费用。\n"
    )
    got = {f.key: f.value for f in prose_figures(text, V2015_PROSE)}
    assert got == {
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


def test_templates_without_prose_rules_find_nothing() -> None:
    """The 60号 and 30号 forms declare no prose figures: their prose gives none."""
    text = "全年共受理政府信息公开申请9件,其中当面申请2件。\n"
    assert {f.key for f in prose_figures(text, V2015_PROSE)} == {
        "applications.received",
        "applications.in_person",
    }
    assert prose_figures(text, REGISTRY["v2021"].prose) == []


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
