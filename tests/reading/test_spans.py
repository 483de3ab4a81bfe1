"""Where a normalized offset is in the text read: lines, columns and excerpts, for any line end."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from govinfo.reading.normalize import normalize
from govinfo.reading.spans import EXCERPT, SCANS, Locator

_ENDS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]
_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


@st.composite
def _texts(draw: st.DrawFn) -> str:
    """Lines of plain characters (no line end, no form that normalization changes), any ends."""
    words = st.text(alphabet="行政许可申请 件abc0123|", max_size=200)
    lines = draw(st.lists(words, min_size=1, max_size=30))
    ends = st.sampled_from(_ENDS if draw(st.booleans()) else ["\n", "\r\n"])
    return "".join(line + draw(ends) for line in lines[:-1]) + lines[-1]


def _reference(text: str, offset: int) -> tuple[int, int]:
    """The line (1-based) and column (1-based) of ``offset``, by counting breaks before it."""
    breaks = [m for m in _BREAK.finditer(text) if m.end() <= offset]
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


@given(_texts(), st.data())
def test_lines_columns_and_excerpts(text: str, data: st.DataObject) -> None:
    """Every span's line and column count the line ends before it; its excerpt is its line."""
    norm = normalize(text)
    locator = Locator(norm, None)
    # More lookups than SCANS, so that both ways of finding a line are used.
    for _ in range(SCANS + 4):
        start = data.draw(st.integers(0, max(0, len(norm.text) - 1)))
        if norm.text[start : start + 1] in ("\r", "\n"):
            continue  # a diagnostic points at what a line says, never at its end
        span = locator.span(start, min(start + 1, len(norm.text)))
        assert (span.line, span.column) == _reference(text, span.start)
        excerpt = locator.excerpt(span)
        assert not _BREAK.search(excerpt)
        at = span.start - min(span.column - 1, EXCERPT)
        assert text[at : at + len(excerpt)] == excerpt
        line_end = _BREAK.search(text, span.start)
        end = len(text) if line_end is None else line_end.start()
        # The whole line, or as much of it as the window holds.
        assert at + len(excerpt) == end or len(excerpt) >= EXCERPT
