"""Figures that reports state only in prose, with the sentence that states them.

v2015-era reports often give their statistics in sentences ("共受理9件政府信息公开
申请,其中网络申请7件"), and 2019/2021 reports state the 信息处理费 in section 六.
The rules are data declared with each template
(``ProseRule``): the key (or keys whose sum the
sentence states), a pattern whose first group is the number (or a fixed value
for "未收取…"), and optionally the clause it must follow ("行政诉讼" for the
维持/纠错 counts of lawsuits).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from govinfo._diagnostics import PLACEHOLDER
from govinfo.reading.numbers import figure_value

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator, Sequence

    from govinfo.reading.spans import Notes
    from govinfo.templates.declare import ProseRule
    from govinfo.templates.spec import ProseRules

_CLAUSE = r"[^。;;\n]"
_FEE = "信息处理费"
# "未收取信息处理费": the negation comes at most this many characters before the fee.
_FEE_NONE_REACH = 45
_FEE_NONE_BEFORE = re.compile(
    rf"(?:未|没有|无|不)(?:向{_CLAUSE}{{0,20}}?)?(?:收取|产生|发生){_CLAUSE}{{0,20}}?{_FEE}"
)
_FEE_NONE_AFTER = re.compile(
    rf"{_FEE}(?:[^。;;\n\d]{{0,10}}?(?:为\s*)?(?:0|零)\s*元|{_CLAUSE}{{0,6}}?(?:均为零|为零|无))"
)
# "未收取检索、复印、邮寄等费用": fees named by what they pay for, in a sentence about requests.
_FEES_NONE = re.compile(
    rf"(?:暂)?(?:未|没有|无)(?:向{_CLAUSE}{{0,20}}?)?收取{_CLAUSE}{{0,20}}?费用"
)
_FEE_AMOUNT = re.compile(rf"{_FEE}{_CLAUSE}{{0,12}}?(\d+(?:\.\d+)?)\s*(万元|元)")


@attrs.frozen
class ProseFigure:
    """A value stated in prose, with its evidence (normalized offsets).

    ``keys`` are the cells whose sum ``value`` is (one cell, most often), and
    ``unit`` the unit the sentence wrote it in, where the rule reads one.
    ``part`` marks a whole stated after 其中 as a share of it (a department's,
    a channel's): it is not the whole's value.
    """

    keys: tuple[str, ...]
    value: Decimal
    start: int
    end: int
    sentence: str
    unit: str | None = None
    part: bool = False

    @property
    def key(self) -> str:
        """The keys joined with ``+`` (the one key, most often)."""
        return "+".join(self.keys)


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(p, 0, start) for p in "。\n;") + 1
    rights = [i for p in "。\n;" if (i := text.find(p, end)) != -1]
    right = min(rights) + 1 if rights else len(text)
    return text[left:right].strip()


def _segments(sentence: str, after: str, topics: Collection[str]) -> list[tuple[int, str]]:
    """The parts of a sentence that follow ``after`` up to the next of the other ``topics``."""
    out = []
    at = sentence.find(after)
    while at != -1:
        start = at + len(after)
        stops = [sentence.find(t, start) for t in topics if t != after]
        stop = min([s for s in stops if s != -1], default=len(sentence))
        out.append((start, sentence[start:stop]))
        # A later mention before ``stop`` opens a scope inside this one, where no
        # rule can match if it did not match here: skipping them keeps this linear.
        at = sentence.find(after, stop)
    return out


#: What ends a sentence (kept with it).
_STOPS = "。;\n"
_STOP = re.compile(r"[。;\n]")


def _candidates(
    text: str, rules: ProseRules, rows: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], set[int]]:
    """Each sentence (start, end) that holds an anchor, with the rules (by index) to try there.

    A sentence runs from after a stop up to and with the next. Each is found
    around its first anchor, looking back no further than the sentence before:
    the text is scanned about once whatever its shape. An anchor inside one of
    ``rows`` (sorted spans of table rows' labels) is table, not prose.
    """
    out: dict[tuple[int, int], set[int]] = {}
    if rules.anchors is None:
        return out
    sentence = (0, 0)
    admitted, overlaps = rules.admitted, rules.overlaps
    row, rows_left = (-1, -1), iter(rows)
    for m in rules.anchors.finditer(text):
        at, anchor = m.start(), m[0]
        while row[1] <= at:
            row = next(rows_left, (len(text) + 1, len(text) + 1))
        if row[0] <= at:
            continue
        # Anchors hold no stop, so each lies within one sentence.
        if at >= sentence[1]:
            # A line end is one of the `_STOPS`: the others are looked for after it only.
            line = text.rfind("\n", sentence[1], at)
            after = sentence[1] if line < 0 else line
            start = max(line, text.rfind("。", after, at), text.rfind(";", after, at)) + 1
            end = _STOP.search(text, at)
            sentence = (max(start, sentence[1]), len(text) if end is None else end.end())
        here = out.setdefault(sentence, set())
        here.update(admitted[anchor])
        for k, other in overlaps.get(anchor, ()):
            if text.startswith(other, at + k):
                here.update(admitted[other])
    return out


def prose_figures(
    text: str, rules: ProseRules, table_rows: Sequence[tuple[int, int]] = ()
) -> list[ProseFigure]:
    """Every figure the prose states by ``rules``, in the order of the text.

    ``table_rows`` are the spans (sorted) of the labels of the rows the table
    reader matched: their words are no statement.

    Sentences (each up to and with its 。, ; or line end) are read in order, and
    the rules in order within each sentence: the first rule that reads a key
    (or sum of keys) in a sentence states it there. A key stated in several
    sentences comes once for each; which statement counts is the caller's.
    A figure after 其中 that states a key the template declares only as a
    whole may be a share of it: see `_of_which`.
    """
    found: list[ProseFigure] = []
    previous: tuple[int, list[ProseFigure]] = (0, [])
    for (position, end), admitted in _candidates(text, rules, table_rows).items():
        sentence = text[position:end]
        of_which = sentence.find(_OF_WHICH)
        shares = position + (len(sentence) if of_which == -1 else of_which)
        here: list[ProseFigure] = []
        stated: set[tuple[str, ...]] = set()
        for r in sorted(admitted):
            rule = rules[r]
            if rule.keys in stated:
                continue
            figure = _statement(rule, sentence, position, rules.topics)
            if figure is None:
                continue
            here.append(figure)
            if figure.start < shares or rules.wholes.keys().isdisjoint(figure.keys):
                stated.add(rule.keys)
        if of_which != -1:
            # 其中 opening its sentence is of what the sentence before stated.
            earlier = previous[1] if not text[previous[0] : shares].strip() else []
            stated_before = [f for f in (*earlier, *here) if f.end <= shares]
            here = [_of_which(f, shares, stated_before, rules) for f in here]
        found += here
        previous = (end, here)
    return found


def _of_which(
    figure: ProseFigure, at: int, before: Sequence[ProseFigure], rules: ProseRules
) -> ProseFigure:
    """``figure`` marked a share when it states a whole after 其中 (at ``at``).

    What follows 其中 is a part of what was stated before it. A whole there is
    a share of itself (a department's, a channel's: "其中,县级部门主动公开政
    府信息17403条") when the figures stated before belong to its table, or
    when none were (a part of what is not said). After figures of other
    tables only, it is a statement of its own ("收到申请4件…其中,发生1起
    行政复议").
    """
    tables = {rules.wholes[k] for k in figure.keys if k in rules.wholes}
    if figure.start < at or not tables:
        return figure
    before_tables = {rules.tables.get(k) for f in before for k in f.keys}
    if before_tables and before_tables.isdisjoint(tables):
        return figure
    return attrs.evolve(figure, part=True)


def _statement(
    rule: ProseRule, sentence: str, position: int, topics: Collection[str]
) -> ProseFigure | None:
    """The first figure ``rule`` reads in ``sentence`` (which starts at ``position``)."""
    scopes = _segments(sentence, rule.after, topics) if rule.after else [(0, sentence)]
    for offset, scope in scopes:
        m = rule.pattern.search(scope)
        if m is None:
            continue
        value = rule.value if rule.value is not None else figure_value(m[1])
        if value is None:  # a malformed numeral ("十十件") states nothing
            continue
        at = position + offset
        unit = m["unit"] if "unit" in rule.pattern.groupindex else None
        return ProseFigure(rule.keys, value, at + m.start(), at + m.end(), sentence.strip(), unit)
    return None


#: "Of which": what follows it in a sentence is a part of what was stated before it.
_OF_WHICH = "其中"


def _fee_none(text: str) -> re.Match[str] | None:
    """The first statement that no fee was collected.

    Patterns that start with a literal are scanned for quickly; the one that
    starts with the negation is tried only in the reach before each mention of
    the fee.
    """
    after = _FEE_NONE_AFTER.search(text)
    at = text.find(_FEE)
    while at != -1 and (after is None or at - _FEE_NONE_REACH < after.start()):
        before = _FEE_NONE_BEFORE.search(text, max(0, at - _FEE_NONE_REACH), at + len(_FEE))
        if before is not None:
            return before if after is None or before.start() <= after.start() else after
        at = text.find(_FEE, at + 1)
    return after


def processing_fee(text: str) -> ProseFigure | None:
    """Find the 信息处理费 collected in the year, in 元.

    Named as 信息处理费, or as the 费用 a sentence about requests says none
    was collected of.
    """
    if _FEE not in text:
        return _fees_none(text)
    m = _FEE_AMOUNT.search(text)
    none = _fee_none(text)
    if none and (m is None or none.start() <= m.start()):
        return _fee_figure(text, Decimal(0), none)
    if m:
        return _fee_figure(text, Decimal(m[1]) * (10000 if m[2] == "万元" else 1), m)
    return _fees_none(text)


def _fees_none(text: str) -> ProseFigure | None:
    for m in _in_sentences_with(_FEES_NONE, "收取", text):
        if "申请" in _sentence(text, m.start(), m.end()):
            return _fee_figure(text, Decimal(0), m)
    return None


def _in_sentences_with(pattern: re.Pattern[str], word: str, text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text``, for a pattern that holds ``word`` and no stop.

    Such a match lies in one sentence, one that holds ``word``: scanning only
    those finds the same matches, and a pattern that starts with no literal
    would try every character of the text.
    """
    at = text.find(word)
    while at != -1:
        start = max(text.rfind(stop, 0, at) for stop in _STOPS) + 1
        end = _STOP.search(text, at)
        stop = len(text) if end is None else end.start()
        yield from pattern.finditer(text, start, stop)
        at = text.find(word, stop)


def _fee_figure(text: str, amount: Decimal, m: re.Match[str]) -> ProseFigure:
    sentence = _sentence(text, m.start(), m.end())
    return ProseFigure(("meta.processing_fee_yuan",), amount, m.start(), m.end(), sentence)


# The lookbehind follows the first x so that the scan can skip to each x.
_PROSE_PLACEHOLDER = re.compile(
    r"[xX×](?<![A-Za-z][xX×])"
    r"(?:[xX×]+(?:\.[xX×]+)?|(?=\s*(?:年|月|日|个|条|件|次|人|%|项|万元|元)))"
    r"(?![A-Za-z])"
)


def _holds_an_x(text: str) -> bool:
    """Whether ``text`` holds a letter an unfilled figure is written with."""
    return "x" in text or "X" in text or "×" in text


def prose_placeholders(text: str, notes: Notes) -> int:
    """Note each line of prose holding unfilled figures ("xxxx条"); returns how many.

    Only lines without ``|`` that hold an x are searched: an unfilled template's
    tables hold hundreds of them, and are noted cell by cell.
    """
    if not _holds_an_x(text):
        return 0  # most reports: a scan for three characters, in C
    lines = 0
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if "|" not in line and _holds_an_x(line):
            found = list(_PROSE_PLACEHOLDER.finditer(text, start, end))
            if found:
                shown = ", ".join(
                    repr(text[max(0, m.start() - 4) : m.end() + 2]) for m in found[:3]
                )
                more = f" and {len(found) - 3} more" if len(found) > 3 else ""
                notes.add(
                    PLACEHOLDER,
                    f"{len(found)} unfilled figure(s) in prose: {shown}{more}",
                    (found[0].start(), found[-1].end()),
                )
                lines += 1
        start = end + 1
    return lines
