"""Stage one: split normalized text into cells, lenient and lossless.

Two layouts. In scraped page text every ``|`` ends a cell and a line without
``|`` is prose. Text with no ``|`` table (PDF or Word text, tab-separated
copies) is read by whitespace: a line's trailing run of numbers (and units)
becomes value cells and the words before it label cells. Cells keep their
offsets in the normalized text, so later stages can point back to the input.
"""

from __future__ import annotations

import enum
import functools
import re
from typing import NamedTuple

from govinfo._numbers import is_unit_text, is_value_text


class Kind(enum.Enum):
    """What a cell holds."""

    LABEL = "label"
    VALUE = "value"
    UNIT = "unit"
    EMPTY = "empty"


class Cell(NamedTuple):
    """One cell of the input: its stripped text and normalized offsets."""

    text: str
    start: int
    end: int
    line: int
    kind: Kind


class Line(NamedTuple):
    """One input line: either a row of cells or a line of prose."""

    number: int
    start: int
    text: str
    cells: tuple[Cell, ...]

    @property
    def is_prose(self) -> bool:
        """A line without any cell separator."""
        return not self.cells


@functools.lru_cache(maxsize=4096)
def _kind(text: str) -> Kind:
    # A lone "?" is what a non-breaking space becomes in a mis-decoded page.
    if not text or not text.strip("?"):
        return Kind.EMPTY
    if is_unit_text(text):
        return Kind.UNIT
    if is_value_text(text):
        return Kind.VALUE
    return Kind.LABEL


_MD_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")


def _cells(line: str, offset: int, number: int, *, markdown: bool = False) -> tuple[Cell, ...]:
    if markdown and _MD_RULE.match(line):
        return ()  # a Markdown table's |---|---| rule
    if not markdown and line.count("|") == 1 and line.endswith("|"):
        # The commonest line of scraped pages: one cell ("0 |").
        body = line[:-1]
        text = body.strip()
        start = offset + len(body) - len(body.lstrip())
        return (Cell(text, start, start + len(text), number, _kind(text)),)
    parts = line.split("|")
    if not parts[-1].strip():
        parts.pop()
    pos = offset
    # A Markdown row opens with a "|" that ends no cell.
    if markdown and line.lstrip().startswith("|"):
        opening = parts.pop(0)
        pos += len(opening) + 1
    cells = []
    for part in parts:
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        start = pos + lead
        cells.append(Cell(stripped, start, start + len(stripped), number, _kind(stripped)))
        pos += len(part) + 1
    return tuple(cells)


_TOKEN = re.compile(r"\S+")
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
_SENTENCE = re.compile(r"[。!?;]")


def _whitespace_cells(line: str, offset: int, number: int) -> tuple[Cell, ...]:
    tokens = list(_TOKEN.finditer(line))
    if not tokens or _PAGE_FURNITURE.match(line):
        return ()
    split = len(tokens)
    while split > 0 and _kind(tokens[split - 1][0]) in (Kind.VALUE, Kind.UNIT):
        split -= 1
    if split == len(tokens) and (_SENTENCE.search(line) or len(line.strip()) > 60):
        return ()  # prose
    cells = [
        Cell(t[0], offset + t.start(), offset + t.end(), number, Kind.LABEL) for t in tokens[:split]
    ]
    cells += [
        Cell(t[0], offset + t.start(), offset + t.end(), number, _kind(t[0]))
        for t in tokens[split:]
    ]
    return tuple(cells)


def tokenize(text: str) -> tuple[Line, ...]:
    """Split ``text`` into lines, each a tuple of cells or prose (no cells)."""
    raw_lines = text.split("\n")
    # The scraped layout ends every cell, hence every table line, with "|".
    piped = any(line.rstrip().endswith("|") for line in raw_lines)
    markdown = piped and any(_MD_RULE.match(line) for line in raw_lines)
    lines = []
    offset = 0
    for number, raw in enumerate(raw_lines, start=1):
        line = raw.rstrip("\r")
        if piped:
            cells = _cells(line, offset, number, markdown=markdown) if "|" in line else ()
        else:
            cells = _whitespace_cells(line.replace("|", " "), offset, number)
        lines.append(Line(number, offset, line, cells))
        offset += len(raw) + 1
    return tuple(lines)
