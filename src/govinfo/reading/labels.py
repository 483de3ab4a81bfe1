"""Label keys: the form of a label that survives numbering, spacing and punctuation."""

from __future__ import annotations

import functools
import re
import unicodedata

_NUMERAL = "一二三四五六七八九十"
_NUMBERING = re.compile(
    rf"^(?:[{_NUMERAL}]+[、.,]|\([{_NUMERAL}]+\)|\d{{1,2}}[.、,)]|\(\d{{1,2}}\)|其中:?)"
)
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_NOT_WORD = re.compile(r"[^\w]|_", re.UNICODE)


def split_numbering(label: str) -> tuple[str, str]:
    """Split leading numbering (``三、``, ``(一)``, ``1.``, ``其中:``) from a label."""
    text = unicodedata.normalize("NFKC", label).replace(" ", "").replace("\t", "")
    numbering = ""
    for _ in range(3):
        m = _NUMBERING.match(text)
        if m is None:
            break
        numbering += m.group()
        text = text[m.end() :]
    return numbering, text


@functools.lru_cache(maxsize=8192)
def label_keys(label: str) -> tuple[str, str]:
    """Return the exact key and the loose key (parenthetical notes removed) of a label."""
    _, body = split_numbering(label)
    exact = _NOT_WORD.sub("", body)
    loose = _NOT_WORD.sub("", _PARENTHETICAL.sub("", body))
    return exact, loose


def has_numbering(label: str) -> bool:
    """Tell whether a label starts with numbering."""
    return bool(split_numbering(label)[0])


_UNIT_NOTE = re.compile(r"\((?:单位:)?(万元|元)\)")


@functools.lru_cache(maxsize=8192)
def unit_in_label(label: str) -> str | None:
    """The money unit a label declares in parentheses ("本年收费金额(单位:万元)" → "万元")."""
    m = _UNIT_NOTE.search(unicodedata.normalize("NFKC", label).replace(" ", ""))
    return m[1] if m else None
