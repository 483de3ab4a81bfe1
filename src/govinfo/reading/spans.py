"""Where things are: normalized offsets mapped to spans of the text read, and diagnostics.

Every stage of reading works on the normalized text. What it notices goes to
the parse's ``Notes`` with normalized offsets, and leaves as a
[`Diagnostic`][govinfo.Diagnostic] whose span points into the text the user gave.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from typing import TYPE_CHECKING, Final

from govinfo._diagnostics import Code, Diagnostic, Severity, Span
from govinfo.reading.normalize import LINE_BREAK, other_breaks

if TYPE_CHECKING:
    from govinfo.reading.normalize import Normalized


#: Lookups answered by scanning the text before a line index is worth building.
SCANS: Final = 8
#: An excerpt holds at most this many characters of its line before the span, of the
#: span, and after it: its size does not grow with the line's.
EXCERPT: Final = 80


class Locator:
    """Maps normalized offsets to spans of the text read, and to the source file's lines."""

    def __init__(self, norm: Normalized, source_lines: tuple[int | None, ...] | None) -> None:
        """Locate in ``norm``; ``source_lines`` gives the file line (or page) of each line."""
        self.norm = norm
        self.source_lines = source_lines
        # Lines end at LF (and CRLF) alone, or at any line end (a lone CR ...).
        self.other_breaks = other_breaks(norm.original)
        self.scans = SCANS if self.other_breaks else 0
        self._line_starts: list[int] | None = None

    @property
    def line_starts(self) -> list[int]:
        """Offset of each line of the text read (built on first use)."""
        if self._line_starts is None:
            text = self.norm.original
            if self.other_breaks:
                self._line_starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
            else:
                lengths = map(operator.add, map(len, text.split("\n")), itertools.repeat(1))
                self._line_starts = list(itertools.accumulate(lengths, initial=0))
        return self._line_starts

    def line_of(self, offset: int) -> tuple[int, int]:
        """The line (1-based) holding ``offset`` of the text read, and where that line starts."""
        if self.scans < SCANS and self._line_starts is None:
            # Most results have a handful of diagnostics: counting is cheaper than an index.
            self.scans += 1
            text = self.norm.original
            return text.count("\n", 0, offset) + 1, text.rfind("\n", 0, offset) + 1
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset)
        return line, starts[line - 1]

    def span(self, start: int, end: int) -> Span:
        """The span of the text read that normalized ``[start, end)`` came from."""
        ostart, oend = self.norm.original_span(start, end)
        line, line_start = self.line_of(ostart)
        source = None
        if self.source_lines is not None and line <= len(self.source_lines):
            source = self.source_lines[line - 1]
        return Span(ostart, oend, line, ostart - line_start + 1, source)

    def excerpt(self, span: Span) -> str:
        """The line of the text read that holds ``span``, cut to ``EXCERPT`` around the span.

        Found within that window only: the cost does not grow with the line.
        """
        text, window = self.norm.original, EXCERPT
        start = max(span.start - span.column + 1, span.start - window)
        stop = min(span.start + min(span.end - span.start, window) + window, len(text))
        if self.other_breaks:
            found = LINE_BREAK.search(text, span.start, stop)
            end = stop if found is None else found.start()
        else:  # LF and CRLF: a search for LF, in C
            end = text.find("\n", span.start, stop)
            if end == -1:
                end = stop
            elif end > span.start and text[end - 1] == "\r":
                end -= 1
        return text[start:end]


class Notes:
    """The diagnostics of one parse, collected as the stages find them."""

    def __init__(self, locator: Locator) -> None:
        """Collect diagnostics located by ``locator``."""
        self._locator = locator
        self._found: list[tuple[int, Diagnostic]] = []

    def add(
        self,
        code: Code,
        message: str,
        where: tuple[int, int] | None = None,
        *,
        key: str | None = None,
        severity: Severity | None = None,
    ) -> None:
        """Note ``code`` at normalized offsets ``where`` (``None``: the report as a whole).

        ``severity`` overrides the code's own, among those it declares.
        """
        if severity is None:
            severity = code.severity
        elif severity not in code.severities():
            raise ValueError(f"{code.name} is never {severity.value}")
        if where is None:
            self._found.append((-1, Diagnostic(code.name, message, severity, key=key)))
            return
        span = self._locator.span(*where)
        excerpt = self._locator.excerpt(span)
        self._found.append((where[0], Diagnostic(code.name, message, severity, span, excerpt, key)))

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """Everything noted, in input order (notes about the whole report first)."""
        return tuple(d for _, d in sorted(self._found, key=operator.itemgetter(0)))
