"""Figures stated in prose: the v2015 rules and their anchors."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo.reading.prose import V2015_PROSE, ProseRule, _segments, v2015_figures


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
    got = {f.key: f.value for f in v2015_figures(text)}
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
    (figure,) = v2015_figures(text)
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
    scopes = _segments(sentence, "行政复议")
    assert [start for start, _ in scopes] == [4, 6012]
    assert _segments(sentence, "行政诉讼") == [(6004, "维持1件")]
    text = sentence + "。\n"
    assert {f.key: f.value for f in v2015_figures(text)}["litigation.upheld"] == 1
