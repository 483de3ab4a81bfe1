"""The sections a template requires (the six of 60号 and 30号), found in the report text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from govinfo.reading.labels import split_numbering

if TYPE_CHECKING:
    from collections.abc import Sequence

    from govinfo.templates.declare import RequiredSection

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
    """Section compliance of a report whose template requires sections (2019/2021 formats)."""

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
        """Every required section present, in order."""
        return not self.missing and self.in_order

    def summary(self) -> str:
        """One line: how many are present, in order or not, which are missing."""
        found = len(self.sections) - len(self.missing)
        text = f"sections {found}/{len(self.sections)} present"
        text += ", in order" if self.in_order else ", out of order"
        return text + (f"; missing: {', '.join(self.missing)}" if self.missing else "")


def find_sections(text: str, required: Sequence[RequiredSection]) -> Sections:
    """Find the ``required`` section headings among the short numbered lines of ``text``."""
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
        for i, section in enumerate(required):
            if i not in lines and any(w in body for w in section.words):
                lines[i] = number
                break
    return Sections(tuple(Section(r.number, r.title, lines.get(i)) for i, r in enumerate(required)))
