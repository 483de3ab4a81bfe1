"""The normalization layer shared by every input shape."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo._normalize import normalize
from govinfo._spec import spec_for
from govinfo.models import TEMPLATES

OFFICIAL_LABELS = sorted(
    {r.label for t in TEMPLATES.values() for table in spec_for(t).tables for r in table.rows}
    | {c.label for t in TEMPLATES.values() for c in spec_for(t).cells}
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
