"""The compiled spec's own patterns."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo.templates.spec import longest_of


class TestAnchorPattern:
    """The anchors of prose rules are found by one trie-shaped pattern."""

    @settings(max_examples=300)
    @given(
        words=st.sets(st.text(alphabet="行政复议诉讼申请公开", min_size=1, max_size=5), min_size=1),
        text=st.text(alphabet="行政复议诉讼申请公开。x", max_size=60),
    )
    def test_the_longest_word_at_each_start_as_an_alternation_finds_it(
        self, words: set[str], text: str
    ) -> None:
        """Matches equal those of the words as an alternation, longest first."""
        alternation = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
        trie = re.compile(longest_of(words))
        assert [m.span() for m in trie.finditer(text)] == [
            m.span() for m in alternation.finditer(text)
        ]

    def test_a_word_and_its_extensions(self) -> None:
        """Where a word and a longer word sharing its start both fit, the longer is found."""
        pattern = re.compile(longest_of(["复议", "行政复议", "行政复议机关", "行政诉讼"]))
        assert [m[0] for m in pattern.finditer("行政复议机关;行政复议;复议;行政诉讼;行政")] == [
            "行政复议机关",
            "行政复议",
            "复议",
            "行政诉讼",
        ]
