"""Diagnostics: what the parser noticed, with where in the input it was."""

from __future__ import annotations

import enum

import attrs


class Severity(str, enum.Enum):
    """How much a diagnostic matters."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Span:
    """A place in the input text the user gave.

    ``start``/``end`` are character offsets into the text govinfo read
    (:attr:`ParseResult.text`: the input itself for text, the text extracted
    from an HTML, Word or PDF file otherwise); ``line`` and ``column`` are
    1-based positions in it. ``source_line`` is the line of the HTML file or the
    page of the PDF the text came from (``None`` for text input).
    """

    start: int
    end: int
    line: int
    column: int
    source_line: int | None = None


@attrs.frozen
class Diagnostic:
    """One finding of the parser.

    Attributes:
        code: stable identifier, e.g. ``"unknown-row"`` (see the docs for the list).
        message: human-readable explanation.
        severity: error, warning or info.
        span: where in the input, when the finding concerns one place.
        excerpt: the input line concerned, as given.
        key: the cell key concerned, when there is one.
    """

    code: str
    message: str
    severity: Severity = Severity.WARNING
    span: Span | None = None
    excerpt: str | None = None
    key: str | None = None

    def __str__(self) -> str:
        where = f"line {self.span.line}: " if self.span else ""
        return f"{where}{self.severity.value} [{self.code}] {self.message}"
