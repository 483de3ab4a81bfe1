"""The tokenizer: cells grouped into label-led logical rows, in either text layout."""

from __future__ import annotations

from govinfo.reading.cells import END, START, TEXT, tokenize


def _texts(text: str) -> list[tuple[list[str], list[str], list[str], int, int]]:
    return [
        ([c[TEXT] for c in row.labels], [c[TEXT] for c in row.cells],
         [c[TEXT] for c in row.units], row.filled, row.last_filled)
        for row in tokenize(text)
    ]  # fmt: skip


def test_tokenizer_groups_cells_into_label_led_rows() -> None:
    """A label after values starts a row, prose ends one, padding stays in its row."""
    text = "(三)不予公开 |\n1.属于国家秘密 |\n2 |\n |\n3 |\n||\n说明文字\n总计 | 5 |"
    assert _texts(text) == [
        (["(三)不予公开", "1.属于国家秘密"], ["2", "", "3", "", ""], [], 2, 2),
        (["总计"], ["5"], [], 1, 0),
    ]
    offsets = [(c[START], c[END]) for c in tokenize(text)[0].cells[:1]]
    assert offsets == [(text.index("2 |"), text.index("2 |") + 1)]


def test_tokenizer_reads_whitespace_layout_into_the_same_rows() -> None:
    """Text without ``|`` (PDF or Word text): a line's trailing figures are its values."""
    piped = "1.属于国家秘密 | 2 | 0 | 3 |\n说明文字,很长的一句话。\n总计 | 件 | 5 |"
    spaced = piped.replace(" |", "").replace("|", " ")
    assert (
        _texts(spaced)
        == _texts(piped)
        == [
            (["1.属于国家秘密"], ["2", "0", "3"], [], 3, 2),
            (["总计"], ["5"], ["件"], 1, 0),
        ]
    )
