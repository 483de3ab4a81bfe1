"""Label keys: numbering split off, words kept, worked out once per text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from govinfo.reading import labels
from govinfo.reading.labels import _NUMBERING, keys_of, split_numbering

# Numbering, digits of other scripts, label words and the punctuation labels hold.
_PIECES = st.sampled_from(
    ["一、", "(二)", "十二.", "1.", "3、", "(4)", "其中:", "其中", "٣.", "１．", "(", ")",
     "其他", "予以公开", "规章", " ", "\t", "、", ".", ",", "万元", "总计", "一", "2"]
)  # fmt: skip


def _reference(label: str) -> tuple[str, str]:
    """The split by the numbering pattern alone, tried at most three times."""
    text = unicodedata.normalize("NFKC", label).replace(" ", "").replace("\t", "")
    numbering = ""
    for _ in range(3):
        m = _NUMBERING.match(text)
        if m is None:
            break
        numbering += m.group()
        text = text[m.end() :]
    return numbering, text


@given(st.lists(_PIECES, max_size=8).map("".join) | st.text(max_size=12))
def test_numbering_split_as_the_pattern_splits(label: str) -> None:
    """Telling by the first character that no numbering starts changes no split."""
    assert split_numbering(label) == _reference(label)


@given(st.lists(st.lists(_PIECES, min_size=1, max_size=6).map("".join), min_size=1, max_size=30))
def test_memo_gives_what_working_out_gives(texts: list[str]) -> None:
    """Keys come from the memo as they are worked out, however full the memo is."""
    for text in texts:
        memo = keys_of(text)
        fresh = labels._work_out_keys(text)  # noqa: SLF001 - the function memoized
        assert (memo.exact, memo.loose, memo.unit, memo.numbered) == (
            fresh.exact,
            fresh.loose,
            fresh.unit,
            fresh.numbered,
        )
    assert len(labels._KEYS) <= labels._KEYS_HELD  # noqa: SLF001 - bounded


def test_memo_is_bounded() -> None:
    """Past its size the memo starts again rather than growing with a batch."""
    for i in range(labels._KEYS_HELD + 10):  # noqa: SLF001
        keys_of(f"标签{i}")
    assert 0 < len(labels._KEYS) <= labels._KEYS_HELD  # noqa: SLF001
    assert keys_of("(一)予以公开").exact == "予以公开"
    assert keys_of("(一)予以公开").numbered
