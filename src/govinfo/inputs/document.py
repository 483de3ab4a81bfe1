"""What every input adapter produces: the text the parser reads, and where it came from."""

from __future__ import annotations

from typing import Literal

import attrs

Kind = Literal["text", "html", "docx", "pdf"]


@attrs.frozen
class Document:
    """A report as text, in the layout the tokenizer reads.

    Tables are written one row a line with every cell ended by ``|``; prose is
    written as plain lines. ``source_lines`` gives, for each line of ``text``,
    the 1-based line (HTML) or page (PDF) of the original file it came from,
    or is ``None`` when ``text`` is the original itself.
    """

    text: str
    kind: Kind = "text"
    source_lines: tuple[int, ...] | None = None
    title: str | None = None


def cell_text(text: str) -> str:
    """One table cell as a single line: whitespace folded, ``|`` kept out of the text."""
    return " ".join(text.replace("|", "¦").split())


def table_line(cells: list[str]) -> str:
    """One table row in the tokenizer's layout: ``a | b | c |``."""
    return " | ".join(cell_text(c) for c in cells) + " |"
