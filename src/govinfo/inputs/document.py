"""What every input adapter produces: blocks of prose and tables of cells, in reading order.

An adapter says what the source says and no more: a table is a grid of cells
with their row, column and spans as the file declares them, prose is lines of
text. Deciding what a cell means (a label, a number, a continuation of the
cell above) is left to ``govinfo.reading``.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

import attrs

from govinfo._diagnostics import REPLACED_CHARACTERS, Code
from govinfo._errors import InputTooLargeError

Kind = Literal["text", "html", "docx", "pdf"]


@attrs.frozen
class Prose:
    """One line or paragraph of running text; ``line`` is where the source has it.

    ``line`` is the 1-based line of the HTML file or page of the PDF, or
    ``None`` when the source has no such place (Word).
    """

    text: str
    line: int | None = None


class GridCell(NamedTuple):
    """One cell of a table, at its row and column (0-based), with the rows and columns it spans.

    A named tuple, not an attrs class: a report has hundreds of cells, and a
    tuple takes half the time to make.
    """

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

#: Inputs larger than this are refused unless a larger ``max_bytes`` is given.
DEFAULT_MAX_BYTES = 50 * 2**20


@attrs.frozen
class Budget:
    """What reading one input may cost, all of it set by one number, ``max_bytes``.

    ``max_bytes`` bounds the input (a file, or text at 3 bytes a character)
    and every byte made from it: the parts of a .docx as inflated, the content
    streams of a PDF as decompressed. The work that bytes can call for is
    bounded in proportion: the grid cells the tables of a page or a .docx span
    (``cells``), the parts of a .docx package (``parts``), and the words
    (operators and operands) of a PDF's content streams (``operators`` for the
    document, ``page_operators`` for one content stream or page).
    """

    max_bytes: int = DEFAULT_MAX_BYTES

    @classmethod
    def of(cls, max_bytes: int | None) -> Budget:
        """The budget of ``max_bytes`` (``None``: the default)."""
        return cls() if max_bytes is None else cls(max_bytes)

    @property
    def cells(self) -> int:
        """Grid cells (rows × columns spanned) of all of an input's tables."""
        return max(self.max_bytes // 64, 4096)

    @property
    def parts(self) -> int:
        """Entries of a zip package (a .docx)."""
        return max(self.max_bytes // 4096, 1024)

    @property
    def operators(self) -> int:
        """Content-stream words (operators and operands) of a whole PDF."""
        return max(self.max_bytes // 16, 65536)

    @property
    def page_operators(self) -> int:
        """Content-stream words (operators and operands) of one PDF page or stream."""
        return max(self.max_bytes // 128, 16384)

    def refuse(self, name: str, what: str) -> InputTooLargeError:
        """The error for an input past its budget: what was too much, and how to allow more."""
        return InputTooLargeError(
            f"{name}: {what}, over the budget of max_bytes={self.max_bytes:,} "
            "(pass a larger max_bytes= to read it)"
        )


@attrs.define
class CellAllowance:
    """The grid cells the tables of one input may still span (``Budget.cells``)."""

    budget: Budget
    name: str
    left: int = attrs.field(
        init=False, default=attrs.Factory(lambda self: self.budget.cells, takes_self=True)
    )

    def spend(self, cells: int) -> None:
        """Count ``cells`` more; past the budget, raise its ``InputTooLargeError``."""
        self.left -= cells
        if self.left < 0:
            what = f"tables spanning more than {self.budget.cells:,} grid cells"
            raise self.budget.refuse(self.name, what)


@attrs.frozen
class Note:
    """What an adapter noticed about the input as a whole: a diagnostic's code and message."""

    code: Code
    message: str


@attrs.frozen
class Document:
    """A report as an input adapter read it.

    ``text`` is set when the source is itself the text to read (a text file, or
    text given to [`govinfo.parse`][govinfo.parse]); spans then index into it as it is.
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
    try:
        # UTF-16 cannot hold one either: its encoder finds the first in C, at a fifth
        # of the cost of a scan for it.
        text.encode("utf-16-le")
    except UnicodeEncodeError as error:
        first = error.start
    else:
        return text, ()
    scrubbed, count = _SURROGATE.subn("\ufffd", text)
    message = (
        f"{count} lone surrogate{'s' if count > 1 else ''} (not characters) in {where} "
        f"read as U+FFFD, the first at character {first}"
    )
    return scrubbed, (Note(REPLACED_CHARACTERS, message),)


def cell_text(text: str) -> str:
    """Text of a cell or paragraph as one line: whitespace runs folded to one space."""
    return " ".join(text.split())
