"""Text normalization shared by every input shape, with a map back to the original.

Steps, in order: NFKC (full-width digits, letters and punctuation), traditional →
simplified through the official OpenCC bindings, removal of pinyin annotations
after Han characters (``發(fā)布`` → ``发布``), and OCR confusables in numbering
(``(-)`` → ``(一)``, ``ニ`` → ``二``). Each character of the result remembers the
offset of the character it came from, so spans found in the normalized text
are reported in the text the user gave.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

if TYPE_CHECKING:
    from collections.abc import Callable

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PINYIN_LETTERS = "a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜńňǹḿ"
_PINYIN = re.compile(rf"(?<=[{_HAN}])\([{_PINYIN_LETTERS}]{{1,7}}[1-5]?\)")
_CONFUSABLES = re.compile(r"\(-\)|\(ー\)|[ニ]")
_CONFUSABLE_MAP = {"(-)": "(一)", "(ー)": "(一)", "ニ": "二"}
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


@functools.cache
def _t2s() -> Any:  # noqa: ANN401 - the OpenCC binding is untyped
    import opencc  # noqa: PLC0415 - loading the dictionaries is deferred to first use

    return opencc.OpenCC("t2s")


class _Fold(dict[int, str]):
    """``str.translate`` table: each character to its NFKC form, computed once per character.

    Characters whose NFKC form is longer than one character are left alone here and
    expanded by :func:`_substitute`, which keeps the offset map exact.
    """

    expanding: ClassVar[set[str]] = set()

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        norm = unicodedata.normalize("NFKC", ch.translate(_EXTRA_FOLD))
        if len(norm) != 1:
            _Fold.expanding.add(ch)
            norm = ch
        self[code] = norm
        return norm


_FOLD = _Fold()


def _nfkc(text: str, origin: Sequence[int]) -> tuple[str, Sequence[int]]:
    folded = text.translate(_FOLD)
    present = _Fold.expanding.intersection(folded) if _Fold.expanding else ()
    if not present:
        return folded, origin
    pattern = re.compile("|".join(map(re.escape, sorted(present))))
    return _substitute(folded, origin, pattern, lambda m: unicodedata.normalize("NFKC", m[0]))


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


def _substitute(
    text: str,
    origin: Sequence[int],
    pattern: re.Pattern[str],
    repl: Callable[[re.Match[str]], str],
) -> tuple[str, Sequence[int]]:
    out: list[str] = []
    new_origin: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(text[last : m.start()])
        new_origin.extend(origin[last : m.start()])
        rep = repl(m)
        out.append(rep)
        new_origin.extend([origin[m.start()]] * len(rep))
        last = m.end()
    if not out:
        return text, origin
    out.append(text[last:])
    new_origin.extend(origin[last:])
    return "".join(out), new_origin


def normalize(text: str) -> Normalized:
    """Normalize report text; see the module docstring for the steps."""
    # The offset map stays a cheap range until a step changes the length.
    norm, origin = _nfkc(text, range(len(text)))
    norm, origin = _to_simplified(norm, origin)
    norm, origin = _substitute(norm, origin, _PINYIN, lambda _m: "")
    norm, origin = _substitute(norm, origin, _CONFUSABLES, lambda m: _CONFUSABLE_MAP[m.group()])
    return Normalized(norm, origin, text)
