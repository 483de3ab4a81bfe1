"""What every input adapter produces: blocks of prose and tables of cells, in reading order.

An adapter says what the source says and no more: a table is a grid of cells
with their row, column and spans as the file declares them, prose is lines of
text. Deciding what a cell means (a label, a number, a continuation of the
cell above) is left to :mod:`govinfo.reading`.
"""

from __future__ import annotations

import re
from typing import Literal

import attrs

from govinfo._diagnostics import REPLACED_CHARACTERS, Code

Kind = Literal["text", "html", "docx", "pdf"]


@attrs.frozen
class Prose:
    """One line or paragraph of running text; ``line`` is where the source has it.

    ``line`` is the 1-based line of the HTML file or page of the PDF, or
    ``None`` when the source has no such place (Word).
    """

    text: str
    line: int | None = None


@attrs.frozen
class GridCell:
    """One cell of a table, at its row and column (0-based), with the rows and columns it spans."""

    text: str
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1


@attrs.frozen
class Grid:
    """A table: its cells in reading order, and the source line of each row (``None``: none).

    ``nested`` holds the tables found inside the cells of a row, by row: they
    are read right after that row.
    """

    cells: tuple[GridCell, ...]
    rows: int
    lines: tuple[int | None, ...] = ()
    nested: tuple[tuple[int, Grid], ...] = ()


Block = Prose | Grid


@attrs.frozen
class Note:
    """What an adapter noticed about the input as a whole: a diagnostic's code and message."""

    code: Code
    message: str


@attrs.frozen
class Document:
    """A report as an input adapter read it.

    ``text`` is set when the source is itself the text to read (a text file, or
    text given to :func:`govinfo.parse`); spans then index into it as it is.
    Otherwise ``blocks`` hold what the file holds, in reading order.
    """

    blocks: tuple[Block, ...] = ()
    kind: Kind = "text"
    title: str | None = None
    text: str | None = None
    notes: tuple[Note, ...] = ()

    @classmethod
    def of_text(cls, text: str, notes: tuple[Note, ...] = ()) -> Document:
        """A document that is the text itself."""
        return cls(text=text, notes=notes)


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(text: str, where: str = "the text") -> tuple[str, tuple[Note, ...]]:
    """``text`` with each lone surrogate (no character: UTF-8 cannot hold it) as U+FFFD.

    A string decoded from bytes never holds one; a string built in Python may,
    and lxml and OpenCC stop or fail at it. The replacement keeps every offset.
    """
    first = _SURROGATE.search(text)
    if first is None:
        return text, ()
    scrubbed, count = _SURROGATE.subn("\ufffd", text)
    message = (
        f"{count} lone surrogate{'s' if count > 1 else ''} (not characters) in {where} "
        f"read as U+FFFD, the first at character {first.start()}"
    )
    return scrubbed, (Note(REPLACED_CHARACTERS, message),)


def cell_text(text: str) -> str:
    """Text of a cell or paragraph as one line: whitespace runs folded to one space."""
    return " ".join(text.split())
