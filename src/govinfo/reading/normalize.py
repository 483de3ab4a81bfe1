"""Text normalization shared by every input shape, with a map back to the original.

Steps, in order: line ends (a lone CR, NEL, U+2028 and U+2029 end a line as
LF does), NFKC (full-width digits, letters and punctuation), traditional →
simplified through the official OpenCC bindings, removal of pinyin annotations
after Han characters (``發(fā)布`` → ``发布``), and OCR confusables in numbering
(``(-)`` → ``(一)``, ``ニ`` → ``二``). Each character of the result remembers the
offset of the character it came from, so spans found in the normalized text
are reported in the text the user gave.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, overload

import attrs

from govinfo.templates.codegen import Once

if TYPE_CHECKING:
    from collections.abc import Callable

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PINYIN_LETTERS = "a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜńňǹḿ"
# The lookbehind comes after the literal "(" so that the scan can skip to each "(".
_PINYIN = re.compile(rf"\((?<=[{_HAN}]\()[{_PINYIN_LETTERS}]{{1,7}}[1-5]?\)")
_CONFUSABLES = re.compile(r"\(-\)|\(ー\)|[ニ]")
_CONFUSABLE_MAP = {"(-)": "(一)", "(ー)": "(一)", "ニ": "二"}
#: Every line end: CRLF, LF, a lone CR (old Mac files, some scrapers), NEL, U+2028, U+2029.
LINE_BREAK = re.compile("\r\n?|[\n\x85\u2028\u2029]")
# The line ends other than LF and CRLF, each read as LF (one character for one).
_OTHER_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
# Characters NFKC leaves alone that reports use as punctuation variants.
_EXTRA_FOLD = str.maketrans({"\u2015": "—", "\u2500": "—", "\u2013": "—", "\u00a0": " "})


@attrs.frozen
class Normalized:
    """Normalized text and, for each of its characters, the original offset."""

    text: str
    origin: Sequence[int] = attrs.field(repr=False)
    original: str = attrs.field(repr=False)

    def original_offset(self, index: int) -> int:
        """Offset in the original text of normalized position ``index``."""
        if index >= len(self.origin):
            return len(self.original)
        return self.origin[index]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized half-open span to the original text."""
        if end <= start:
            at = self.original_offset(start)
            return at, at
        return self.original_offset(start), self.original_offset(end - 1) + 1

    def printed(self, start: int, end: int) -> str:
        """The original characters a normalized span was read from, as printed.

        Traditional characters and full-width forms stay as written; what the
        normalization dropped inside the span (pinyin annotations such as
        "經(jīng)濟(jì)") is left out.
        """
        offsets = sorted({self.original_offset(i) for i in range(start, end)})
        return "".join(self.original[o] for o in offsets if o < len(self.original))


def _opencc() -> Any:  # noqa: ANN401 - the OpenCC binding is untyped
    import opencc  # noqa: PLC0415 - loading the dictionaries is deferred to first use

    return opencc.OpenCC("t2s")


#: The OpenCC converter, loaded on first use (its dictionaries take a while).
_T2S = Once(_opencc)


def _t2s() -> Any:  # noqa: ANN401 - the OpenCC binding is untyped
    """The traditional → simplified converter."""
    return _T2S.get()


def _fold_char(ch: str) -> str:
    """A character's NFKC form, with the punctuation variants of ``_EXTRA_FOLD``."""
    return unicodedata.normalize("NFKC", ch.translate(_EXTRA_FOLD))


class _FoldTable(NamedTuple):
    """What folding changes in the Basic Multilingual Plane, tabulated once."""

    folds: Mapping[str, str]  # each character that changes, to its form
    changing: re.Pattern[str]  # any character that may change (the astral ones too)
    expanding: re.Pattern[str]  # any character that may become several


def _tabulate() -> _FoldTable:
    """Tabulate the Basic Multilingual Plane from ``unicodedata``.

    Scanning for the few characters that change (full-width punctuation, mostly)
    is far cheaper than translating every character of a report. Any character
    beyond the plane is folded case by case.
    """
    folds: dict[str, str] = {}
    expanding: list[str] = []
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue  # surrogates: not characters
        ch = chr(code)
        norm = _fold_char(ch)
        if norm != ch:
            folds[ch] = norm
            if len(norm) != 1:
                expanding.append(ch)
    astral = "\U00010000-\U0010ffff"
    return _FoldTable(
        MappingProxyType(folds),
        re.compile(f"[{re.escape(''.join(folds))}{astral}]"),
        re.compile(f"[{re.escape(''.join(expanding))}{astral}]"),
    )


_FOLDS = Once(_tabulate)


def _fold_match(m: re.Match[str]) -> str:
    ch = m[0]
    return _FOLDS.get().folds.get(ch) or _fold_char(ch)


#: Characters ``_EXTRA_FOLD`` changes that NFKC leaves alone.
_EXTRA_STABLE = tuple(chr(c) for c in _EXTRA_FOLD if unicodedata.is_normalized("NFKC", chr(c)))


def _nfkc(text: str, origin: Sequence[int]) -> tuple[str, Sequence[int]]:
    # Most text comes already folded (scraped pages, extracted text): telling so
    # in C takes a fifth of the scan below. No character of a text in NFKC form
    # changes when folded alone (a test checks every character).
    if unicodedata.is_normalized("NFKC", text) and not any(c in text for c in _EXTRA_STABLE):
        return text, origin
    _, changing, expanding = _FOLDS.get()
    first = changing.search(text)
    if first is None:
        return text, origin
    if expanding.search(text, first.start()) is None:
        return changing.sub(_fold_match, text), origin
    # Some character folds into several ("㈠" → "(一)"): keep the offset map exact.
    return _substitute(text, origin, changing, _fold_match)


def _to_simplified(text: str, origin: Sequence[int]) -> tuple[str, Sequence[int]]:
    converter = _t2s()
    converted: str = converter.convert(text)
    if len(converted) == len(text):
        return converted, origin
    # A phrase rule changed the length somewhere: convert line by line and, where a
    # line still changes length, character by character so offsets stay exact.
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        conv = converter.convert(line)
        if len(conv) != len(line):
            conv = "".join(c if len(c) == 1 else ch for ch in line for c in [converter.convert(ch)])
        out.append(conv)
    return "".join(out), origin


class _Remap(Sequence[int]):
    """Original offsets after a substitution, kept as stretches rather than per character.

    A stretch the substitution kept looks its offsets up in the map before it; a
    replacement maps every character it wrote to where its match began. Building
    a list of an int per character cost more than the substitution itself.
    """

    __slots__ = ("_before", "_length", "_pieces", "_starts")

    def __init__(
        self, before: Sequence[int], length: int, pieces: list[tuple[int, int, bool]]
    ) -> None:
        self._before = before
        self._length = length
        self._pieces = pieces  # (start here, start before, kept), by start here
        self._starts = [start for start, _, _ in pieces]

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        start, before, kept = self._pieces[bisect.bisect_right(self._starts, index) - 1]
        return self._before[before + index - start if kept else before]


def _substitute(
    text: str,
    origin: Sequence[int],
    pattern: re.Pattern[str],
    repl: Callable[[re.Match[str]], str],
) -> tuple[str, Sequence[int]]:
    out: list[str] = []
    pieces: list[tuple[int, int, bool]] = []
    length = last = 0
    for m in pattern.finditer(text):
        start = m.start()
        if start > last:
            out.append(text[last:start])
            pieces.append((length, last, True))
            length += start - last
        rep = repl(m)
        if rep:
            out.append(rep)
            pieces.append((length, start, False))
            length += len(rep)
        last = m.end()
    if last == 0 and not pieces:
        return text, origin
    if last < len(text):
        out.append(text[last:])
        pieces.append((length, last, True))
        length += len(text) - last
    return "".join(out), _Remap(origin, length, pieces)


def other_breaks(text: str) -> bool:
    """Whether ``text`` ends a line otherwise than with LF or CRLF."""
    if "\r" in text and _OTHER_BREAK.search(text) is not None:
        return True
    return not text.isascii() and any(c in text for c in "\x85\u2028\u2029")


def normalize(text: str) -> Normalized:
    """Normalize report text; see the module docstring for the steps."""
    original = text
    # The offset map stays a cheap range until a step changes the length.
    if other_breaks(text):
        text = _OTHER_BREAK.sub("\n", text)
    norm, origin = _nfkc(text, range(len(text)))
    norm, origin = _to_simplified(norm, origin)
    norm, origin = _substitute(norm, origin, _PINYIN, lambda _m: "")
    if any(c in norm for c in _CONFUSABLE_MAP):
        norm, origin = _substitute(norm, origin, _CONFUSABLES, lambda m: _CONFUSABLE_MAP[m[0]])
    return Normalized(norm, origin, original)
