"""Stage one: split normalized text into cells, lenient and lossless.

Every ``|`` ends a cell; a line that holds no ``|`` is prose. Cells keep their
offsets in the normalized text, so later stages can point back to the input.
"""

from __future__ import annotations

import enum
import functools
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


def _cells(line: str, offset: int, number: int) -> tuple[Cell, ...]:
    parts = line.split("|")
    if not parts[-1].strip():
        parts.pop()
    cells = []
    pos = offset
    for part in parts:
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        start = pos + lead
        cells.append(Cell(stripped, start, start + len(stripped), number, _kind(stripped)))
        pos += len(part) + 1
    return tuple(cells)


def tokenize(text: str) -> tuple[Line, ...]:
    """Split ``text`` into lines, each a tuple of cells or prose."""
    lines = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        cells = _cells(line, offset, number) if "|" in line else ()
        lines.append(Line(number, offset, line, cells))
        offset += len(raw) + 1
    return tuple(lines)
