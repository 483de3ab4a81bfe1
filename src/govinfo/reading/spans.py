"""Where things are: normalized offsets mapped to spans of the text read, and diagnostics.

Every stage of reading works on the normalized text. What it notices goes to
the parse's ``Notes`` with normalized offsets, and leaves as a
[`Diagnostic`][govinfo.Diagnostic] whose span points into the text the user gave.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from govinfo._diagnostics import Code, Diagnostic, Severity, Span
from govinfo.reading.normalize import LINE_BREAK, other_breaks

if TYPE_CHECKING:
    from govinfo.reading.normalize import Normalized


class Locator:
    """Maps normalized offsets to spans of the text read, and to the source file's lines."""

    #: Lookups answered by scanning the text before a line index is worth building.
    SCANS = 8
    #: An excerpt holds at most this many characters of its line before the span,
    #: of the span, and after it: its size does not grow with the line's.
    EXCERPT = 80

    def __init__(self, norm: Normalized, source_lines: tuple[int | None, ...] | None) -> None:
        """Locate in ``norm``; ``source_lines`` gives the file line (or page) of each line."""
        self.norm = norm
        self.source_lines = source_lines
        # Lines end at LF (and CRLF) alone, or at any line end (a lone CR ...).
        self.scans = self.SCANS if other_breaks(norm.original) else 0

    @functools.cached_property
    def line_starts(self) -> list[int]:
        """Offset of each line of the text read."""
        text = self.norm.original
        if self.scans >= self.SCANS:
            return [0, *(m.end() for m in LINE_BREAK.finditer(text))]
        lengths = map(operator.add, map(len, text.split("\n")), itertools.repeat(1))
        return list(itertools.accumulate(lengths, initial=0))

    def line_of(self, offset: int) -> tuple[int, int]:
        """The line (1-based) holding ``offset`` of the text read, and where that line starts."""
        if self.scans < self.SCANS and "line_starts" not in self.__dict__:
            # Most results have a handful of diagnostics: counting is cheaper than an index.
            self.scans += 1
            text = self.norm.original
            return text.count("\n", 0, offset) + 1, text.rfind("\n", 0, offset) + 1
        line = bisect.bisect_right(self.line_starts, offset)
        return line, self.line_starts[line - 1]

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
        text, window = self.norm.original, self.EXCERPT
        start = max(span.start - span.column + 1, span.start - window)
        stop = min(span.start + min(span.end - span.start, window) + window, len(text))
        end = LINE_BREAK.search(text, span.start, stop)
        return text[start : end.start() if end is not None else stop]


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


class Sources(Mapping[str, Span]):
    """Sources computed on first look: most results are never asked where a cell came from."""

    def __init__(self, locator: Locator | None, offsets: dict[str, tuple[int, int]]) -> None:
        """Spans of ``offsets`` (normalized, by cell key), located by ``locator``."""
        self._locator = locator
        self._offsets = offsets
        self._spans: dict[str, Span] = {}

    def __getitem__(self, key: str) -> Span:
        """The span of cell ``key``."""
        span = self._spans.get(key)
        if span is None:
            offsets = self._offsets[key]
            if self._locator is None:  # resolved sources have every span
                raise KeyError(key)
            span = self._spans[key] = self._locator.span(*offsets)
        return span

    def __iter__(self) -> Iterator[str]:
        """The cell keys that have a source."""
        return iter(self._offsets)

    def __len__(self) -> int:
        """How many cells have a source."""
        return len(self._offsets)

    def __reduce__(self) -> tuple[object, tuple[dict[str, Span]]]:
        """Pickled as its spans, for every protocol (0 and 1 too), without the text's offset map."""
        return _resolved, (dict(self),)


def _resolved(spans: dict[str, Span]) -> Sources:
    """Sources whose spans are all known (an unpickled one)."""
    sources = Sources(None, dict.fromkeys(spans, (0, 0)))
    sources._spans = spans  # noqa: SLF001 - its own module
    return sources
