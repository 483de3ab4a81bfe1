"""The normalization layer shared by every input shape."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo.models import REGISTRY
from govinfo.reading.normalize import _EXTRA_STABLE, _fold_char, _substitute, normalize

OFFICIAL_LABELS = sorted(
    {r.label for spec in REGISTRY for table in spec.tables for r in table.rows}
    | {c.label for spec in REGISTRY for c in spec.cells}
)


@pytest.mark.parametrize(
    ("given_text", "expected"),
    [
        ("發(fā)布機構(gòu)", "发布机构"),
        ("統(tǒng)計數(shù)", "统计数"),
        ("１２３，４５６", "123,456"),
        ("（-）领导重视", "(一)领导重视"),
        ("(ニ)依申请公开", "(二)依申请公开"),
        ("1﹒政府公报", "1.政府公报"),
    ],
)
def test_normalizes(given_text: str, expected: str) -> None:
    """Traditional → simplified, pinyin removed, NFKC, confusables in numbering."""
    assert normalize(given_text).text == expected


def test_offsets_point_back_to_the_original() -> None:
    """Every normalized character maps to the original character it came from."""
    original = "發(fā)布:１４６件"
    norm = normalize(original)
    assert norm.text == "发布:146件"
    start = norm.text.index("146")
    assert norm.original_span(start, start + 3) == (original.index("１"), original.index("件"))


def test_text_in_nfkc_form_folds_to_itself() -> None:
    """Why NFKC text is returned as it is: each of its characters folds to itself.

    A text in NFKC form holds no character whose NFKC quick check says No, so
    every character it can hold is one in NFKC form alone; those are checked
    here, every one of the Basic Multilingual Plane, and some beyond it.
    """
    planes = itertools.chain(range(0xD800), range(0xE000, 0x10000), range(0x1D400, 0x1D800))
    stable = [chr(c) for c in planes if unicodedata.is_normalized("NFKC", chr(c))]
    assert len(stable) > 50_000
    changed = [c for c in stable if _fold_char(c) != c and c not in _EXTRA_STABLE]
    assert changed == []
    assert sorted(_EXTRA_STABLE) == ["\u2013", "\u2015", "\u2500"]
    assert normalize("a\u2015b").text == "a—b"  # folded although the text is in NFKC form


class TestProperties:
    """Normalization is idempotent and leaves official labels alone."""

    @given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80))
    def test_idempotent(self, text: str) -> None:
        """normalize(normalize(x)) == normalize(x)."""
        once = normalize(text).text
        assert normalize(once).text == once

    @given(st.text(max_size=60))
    def test_offsets_are_monotone_and_in_range(self, text: str) -> None:
        """Origins never decrease and stay inside the original text."""
        norm = normalize(text)
        assert list(norm.origin) == sorted(norm.origin)
        assert all(0 <= o < len(text) for o in norm.origin)

    @pytest.mark.parametrize("label", OFFICIAL_LABELS)
    def test_official_labels_unchanged(self, label: str) -> None:
        """Simplified official labels (after NFKC) are not altered."""
        import unicodedata  # noqa: PLC0415

        nfkc = unicodedata.normalize("NFKC", label)
        assert normalize(nfkc).text == nfkc


def _substitute_reference(
    text: str, origin: list[int], pattern: re.Pattern[str], repl: str
) -> tuple[str, list[int]]:
    """The offset map spelled out, an int per character."""
    out, new_origin, last = [], [], 0
    for m in pattern.finditer(text):
        out += [text[last : m.start()], repl]
        new_origin += origin[last : m.start()] + [origin[m.start()]] * len(repl)
        last = m.end()
    return "".join(out) + text[last:], new_origin + origin[last:]


@given(
    st.text(alphabet="ab(-)ニ發x", max_size=60),
    st.sampled_from([(r"\(-\)", "(一)"), ("ニ", "二"), (r"\(x+\)", ""), ("b+", "bbb")]),
    st.sampled_from([(r"a", "AA"), ("發", "")]),
)
def test_offset_map_composes_like_a_list(
    text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    """Two substitutions in a row map each character back as an explicit list would."""
    origin: Sequence[int] = range(len(text))
    expected_text, expected = text, list(origin)
    for pattern, repl in (first, second):
        compiled = re.compile(pattern)
        text, origin = _substitute(text, origin, compiled, lambda _m, r=repl: r)
        expected_text, expected = _substitute_reference(expected_text, expected, compiled, repl)
        assert text == expected_text
        assert [origin[i] for i in range(len(origin))] == expected
        assert list(origin[2:5]) == expected[2:5]
