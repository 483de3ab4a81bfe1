"""The six sections the 2019 and 2021 formats require, found in the report text."""

from __future__ import annotations

import re

import attrs

from govinfo.reading.labels import split_numbering

#: (number, official title, words that identify the heading).
REQUIRED: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("一", "总体情况", ("总体情况", "概述")),
    ("二", "主动公开政府信息情况", ("主动公开政府信息情况", "主动公开情况")),
    ("三", "收到和处理政府信息公开申请情况", ("收到和处理政府信息公开申请情况", "依申请公开")),
    ("四", "政府信息公开行政复议、行政诉讼情况", ("行政复议、行政诉讼", "行政复议行政诉讼")),
    (
        "五",
        "存在的主要问题及改进情况",
        ("存在的主要问题", "存在的问题", "问题及改进", "问题和改进"),
    ),
    ("六", "其他需要报告的事项", ("其他需要报告的事项", "其他需要报告")),
)
# A line that opens with a numeral and 、 (the literal newline lets the scan skip ahead).
# Table rows ("一、本年新收… |") are not headings: the line must hold no "|".
_HEADING = re.compile(r"\n[^\S\n]*[一二三四五六七八九十]+[、.][^\n|]*(?![^\n])")
_TRAILER = re.compile(r"[?:\s]+$")


@attrs.frozen
class Section:
    """One required section: whether and where (line of the text read) it was found."""

    number: str
    title: str
    line: int | None

    @property
    def present(self) -> bool:
        """Whether the report has this section."""
        return self.line is not None


@attrs.frozen
class Sections:
    """Section compliance of a 2019/2021-format report."""

    sections: tuple[Section, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        """Titles of the required sections not found."""
        return tuple(f"{s.number}、{s.title}" for s in self.sections if not s.present)

    @property
    def in_order(self) -> bool:
        """Whether the sections found appear in the required order."""
        lines = [s.line for s in self.sections if s.line is not None]
        return lines == sorted(lines)

    @property
    def complete(self) -> bool:
        """All six present, in order."""
        return not self.missing and self.in_order

    def summary(self) -> str:
        """One line: how many are present, in order or not, which are missing."""
        found = len(self.sections) - len(self.missing)
        text = f"sections {found}/{len(self.sections)} present"
        text += ", in order" if self.in_order else ", out of order"
        return text + (f"; missing: {', '.join(self.missing)}" if self.missing else "")


def find_sections(text: str) -> Sections:
    """Find the six required section headings among the short numbered lines of ``text``."""
    lines: dict[int, int] = {}
    number, counted = 0, 0
    text = "\n" + text
    for m in _HEADING.finditer(text):
        stripped = m[0].strip()
        if len(stripped) > 44:
            continue
        number += text.count("\n", counted, m.start() + 1)
        counted = m.start() + 1
        stripped = _TRAILER.sub("", stripped)
        _, body = split_numbering(stripped)
        for i, (_, _, words) in enumerate(REQUIRED):
            if i not in lines and any(w in body for w in words):
                lines[i] = number
                break
    return Sections(
        tuple(Section(n, title, lines.get(i)) for i, (n, title, _) in enumerate(REQUIRED))
    )
