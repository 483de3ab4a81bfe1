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
    """A label after values starts a row, prose ends one; `` |`` is a blank, ``||`` padding."""
    text = "(三)不予公开 |\n1.属于国家秘密 |\n2 |\n |\n3 |\n||\n说明文字,一句话。\n总计 | 5 |"
    assert _texts(text) == [
        (["(三)不予公开", "1.属于国家秘密"], ["2", "", "3"], [], 2, 2),
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


ROW = (["规章"], ["1215", "-35", "1180"], [], 3, 2)


def test_every_layout_gives_the_same_cells() -> None:
    """No layout switch: each line is read by what it holds, so every shape gives one row."""
    layouts = {
        "pipe row": "规章 | 1215 | -35 | 1180 |",
        "one cell a line": "规章 |\n1215 |\n-35 |\n1180 |",
        "one cell a paragraph": "规章\n\n1215\n\n-35\n\n1180",
        "cell and | on alternate lines": "规章\n|\n1215\n|\n-35\n|\n1180\n|",
        "a | line opening the row": "|\n规章 |\n1215 |\n-35 |\n1180 |",
        "label line, values joined": "规章\n1215 -35 1180",
        "values run together in a cell": "规章 | 1215 -35 1180 |",
        "tab-separated": "规章\t1215\t-35\t1180",
        "page furniture between values": "规章 |\n1215 |\n- 3 -\n-35 |\n第2页 共5页\n1180 |",
    }
    for name, text in layouts.items():
        rows = [row for row in _texts(text) if row[0] or row[3]]  # not a lone empty cell
        assert rows == [ROW], name


def test_layouts_mix_within_one_text() -> None:
    """Pipe rows after paragraphs after a sentence: each part read as it is written."""
    text = "一年来,我局认真落实各项工作。\n规章\n\n1215\n\n-35\n\n1180\n行政许可 | 3 | 0 | 3 |"
    assert _texts(text) == [ROW, (["行政许可"], ["3", "0", "3"], [], 3, 2)]


def test_blank_cells_are_only_where_the_layout_shows_them() -> None:
    """``| |`` and ``||`` are empty cells; line breaks and blank lines are not."""
    assert _texts("规章 | | 0 |")[0][1] == ["", "0"]
    assert _texts("规章 ||0 |")[0][1] == ["", "0"]
    assert _texts("规章\n\n\n0")[0][1] == ["0"]


def test_grid_rows_are_not_split_again() -> None:
    """A grid row's cells come from the adapter: a ``|`` written inside one is no separator."""
    text = "规章 ¦ 草案 | 7 |\n"
    spans = {0: ((0, 7), (10, 11))}
    rows = tokenize(text, spans)
    assert [c[TEXT] for c in rows[0].labels] == ["规章 ¦ 草案"]
    assert [(c[TEXT], c[START], c[END]) for c in rows[0].cells] == [("7", 10, 11)]


def test_cells_memo_is_bounded_and_changes_nothing() -> None:
    """Past its size the memo of cells starts again; a text read before reads the same."""
    from govinfo.reading import cells  # noqa: PLC0415 - its private memo

    first = tokenize("规章 | 0 | 5 |\n行政许可 | 146 |")
    for i in range(cells._PARTS_HELD + 10):  # noqa: SLF001
        tokenize(f"标签{i} | {i} |")
    assert 0 < len(cells._PARTS) <= cells._PARTS_HELD  # noqa: SLF001
    again = tokenize("规章 | 0 | 5 |\n行政许可 | 146 |")
    assert [(r.labels, r.cells) for r in again] == [(r.labels, r.cells) for r in first]
    assert [c[TEXT] for c in again[0].cells] == ["0", "5"]


def test_figures_after_a_grid_row_are_not_its() -> None:
    """A grid's row holds its cells: figures on a line after it start a row of their own.

    Before, a figure a borderless PDF table left on a line of its own went to
    the row above, whose eight empty cells were taken as padding: it read as
    that row's 总计 (a wrong value).
    """
    row = "(六)其他处理 | 2.申请人逾期未按收费通知要求缴纳费用 |  |  |  |  |  |  |  |"
    text = f"{row}\n23\n"
    ends = [i for i, c in enumerate(row) if c == "|"]
    spans = list(zip([0, *(e + 1 for e in ends[:-1])], ends, strict=True))  # as the writer gives
    grouped = [
        ([c[TEXT] for c in r.labels], [c[TEXT] for c in r.cells])
        for r in tokenize(text, {0: spans})
    ]
    assert grouped == [
        (["(六)其他处理", "2.申请人逾期未按收费通知要求缴纳费用"], [""] * 7),
        ([], ["23"]),
    ]
    # Read as text, the same lines are one row: a line does not hold its cells as a grid's row does.
    assert [[c[TEXT] for c in r.cells] for r in tokenize(text)] == [[""] * 7 + ["23"]]
