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
    kind: Kind


#: The tokenizer's output: cells in reading order, ``None`` where prose ends a row.
Stream = list["Cell | None"]

#: ``Cell(...)`` without the Python-level ``__new__`` of a named tuple: a report has
#: hundreds of cells and this is the tokenizer's inner loop.
_new_cell = tuple.__new__


@functools.lru_cache(maxsize=4096)
def _kind(text: str) -> Kind:
    # A lone "?" is what a non-breaking space becomes in a mis-decoded page.
    if not text or not text.strip("?"):
        return Kind.EMPTY
    # Values first: most cells are numbers, and no text is both.
    if is_value_text(text):
        return Kind.VALUE
    if is_unit_text(text):
        return Kind.UNIT
    return Kind.LABEL


_MD_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")


#: A line's cells relative to the line's start: (text, start, end, kind) each.
Shape = tuple[tuple[str, int, int, Kind], ...]


def _shape(line: str, *, markdown: bool) -> Shape:
    """The cells of a ``|``-separated line (offsets relative to the line)."""
    if markdown and _MD_RULE.match(line):
        return ()  # a Markdown table's |---|---| rule
    parts = line.split("|")
    if not parts[-1].strip():
        parts.pop()
    pos = 0
    # A Markdown row opens with a "|" that ends no cell.
    if markdown and line.lstrip().startswith("|"):
        opening = parts.pop(0)
        pos += len(opening) + 1
    cells = []
    for part in parts:
        stripped = part.strip()
        start = pos + len(part) - len(part.lstrip())
        cells.append((stripped, start, start + len(stripped), _kind(stripped)))
        pos += len(part) + 1
    return tuple(cells)


_TOKEN = re.compile(r"\S+")
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
_SENTENCE = re.compile(r"[。!?;]")
_FIGURES = (Kind.VALUE, Kind.UNIT)


def _whitespace_cells(line: str, offset: int) -> tuple[Cell, ...]:
    stripped = line.strip()
    if not stripped:
        return ()
    if _kind(stripped.rsplit(None, 1)[-1]) not in _FIGURES and (
        len(stripped) > 60 or _SENTENCE.search(line)
    ):
        return ()  # prose: words, not ending in figures (most lines of a PDF's text)
    if _PAGE_FURNITURE.match(line):
        return ()
    tokens = list(_TOKEN.finditer(line))
    split = len(tokens)
    while split > 0 and _kind(tokens[split - 1][0]) in _FIGURES:
        split -= 1
    cells = [Cell(t[0], offset + t.start(), offset + t.end(), Kind.LABEL) for t in tokens[:split]]
    cells += [Cell(t[0], offset + t.start(), offset + t.end(), _kind(t[0])) for t in tokens[split:]]
    return tuple(cells)


_PIPED = re.compile(r"\|[^\S\n]*$", re.MULTILINE)
# Shapes of lines seen, by Markdown mode: scraped pages repeat the same lines ("0 |",
# "||") hundreds of times, and reports repeat each other's labels.
_SHAPES: dict[bool, dict[str, Shape]] = {False: {}, True: {}}
_SHAPE_CACHE = 50_000


def tokenize(text: str) -> Stream:
    """Split ``text`` into cells; a line of prose gives ``None``, which ends a row."""
    raw_lines = text.split("\n")
    # The scraped layout ends every cell, hence every table line, with "|".
    if _PIPED.search(text) is None:
        return _whitespace_lines(raw_lines)
    markdown = "--" in text and any(_MD_RULE.match(line.rstrip("\r")) for line in raw_lines)
    stream: Stream = []
    append = stream.append
    shapes = _SHAPES[markdown]
    if len(shapes) > _SHAPE_CACHE:
        shapes.clear()
    offset = 0
    for raw in raw_lines:
        if "|" not in raw:
            append(None)
        else:
            shape = shapes.get(raw)
            if shape is None:
                shape = shapes[raw] = _shape(raw.rstrip("\r"), markdown=markdown)
            if not shape:
                append(None)  # a Markdown rule
            for value, start, end, kind in shape:
                append(_new_cell(Cell, (value, offset + start, offset + end, kind)))
        offset += len(raw) + 1
    return stream


def _whitespace_lines(raw_lines: list[str]) -> Stream:
    stream: Stream = []
    offset = 0
    for raw in raw_lines:
        cells = _whitespace_cells(raw.rstrip("\r").replace("|", " "), offset)
        stream.extend(cells or (None,))
        offset += len(raw) + 1
    return stream
