"""parse_file reads each file type; unsupported ones fail clearly."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

import govinfo
from helpers import cell_values, run_capped

if TYPE_CHECKING:
    from pathlib import Path


class TestFiles:
    """parse_file and the CLI read each file type; unsupported ones fail clearly."""

    @pytest.mark.parametrize(("suffix", "fmt"), [(".html", "html"), (".txt", "text")])
    def test_file_types(self, tmp_path: Path, suffix: str, fmt: str) -> None:
        """.html and .txt files parse to the same report."""
        report = govinfo.parse_example().report
        path = tmp_path / f"report{suffix}"
        path.write_text(govinfo.render(report, format=fmt), "utf-8")
        assert cell_values(govinfo.parse_file(path).report) == cell_values(report)

    def test_word_97_is_unsupported(self, tmp_path: Path) -> None:
        """A .doc file raises UnsupportedFormatError naming the fix."""
        path = tmp_path / "report.doc"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
        with pytest.raises(govinfo.UnsupportedFormatError, match=r"\.docx"):
            govinfo.parse_file(path)


_ROW = "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |"
_CELLS = "<td>3</td>" + "<td>0</td>" * 5 + "<td>3</td>"
_PAGE = "<html><body><table><tr><td>{}</td>" + _CELLS + "</tr></table></body></html>"


class TestLoneSurrogates:
    """A lone surrogate (a code point no encoding holds) is read as U+FFFD, with a diagnostic."""

    @pytest.mark.parametrize(
        "source",
        [
            "\ud800",
            "\udfff" * 3,
            _ROW.replace("数量", "数量\ud800"),
            _PAGE.format("一、本年新收政府信息公开申请数量\udc00"),
        ],
    )
    def test_replaced_with_a_diagnostic(self, source: str) -> None:
        """parse() never fails at one; every other character and value is kept."""
        result = govinfo.parse(source)
        codes = [d.code for d in result.diagnostics]
        assert "replaced-characters" in codes
        assert not any("\ud800" <= ch <= "\udfff" for ch in result.text)
        assert "\ufffd" in result.text
        if "申请数量" in source:
            assert result.report.requests.new.total == 3  # type: ignore[union-attr]

    def test_offsets_kept(self) -> None:
        """The replacement keeps every offset: spans quote the text as given."""
        source = "标题\ud800\n" + _ROW
        result = govinfo.parse(source)
        assert len(result.text) == len(source)
        assert result.quote("requests.new.total") == "3"


class TestNotRegularFiles:
    """parse_file reads regular files only: a FIFO or a device is refused before it is opened."""

    def test_device(self) -> None:
        """/dev/zero (st_size 0, endless) is an InputError, not an unbounded read."""
        with pytest.raises(govinfo.InputError, match="not a regular file"):
            govinfo.parse_file("/dev/zero", max_bytes=1000)

    def test_fifo_without_a_writer(self, tmp_path: Path) -> None:
        """A FIFO nobody writes to is refused at once (opening it would wait for a writer)."""
        fifo = tmp_path / "report.txt"
        os.mkfifo(fifo)
        code = (
            f"import govinfo\ntry: govinfo.parse_file({str(fifo)!r})\n"
            "except govinfo.InputError as e: print(e)"
        )
        proc = run_capped(code)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "not a regular file" in proc.stdout

    def test_directory(self, tmp_path: Path) -> None:
        """A directory is an InputError saying so."""
        with pytest.raises(govinfo.InputError, match="directory"):
            govinfo.parse_file(tmp_path)

    def test_symlink_loop(self, tmp_path: Path) -> None:
        """A link to itself is an InputError."""
        link = tmp_path / "loop.txt"
        link.symlink_to(link)
        with pytest.raises(govinfo.InputError):
            govinfo.parse_file(link)

    def test_link_to_a_regular_file(self, tmp_path: Path) -> None:
        """A symbolic link to a report is read."""
        target = tmp_path / "r.txt"
        target.write_text(_ROW, "utf-8")
        link = tmp_path / "link.txt"
        link.symlink_to(target)
        assert govinfo.parse_file(link).report.requests.new.total == 3  # type: ignore[union-attr]


class TestContentOverSuffix:
    """A file is read by what its bytes are; a suffix that says otherwise is a diagnostic (#21)."""

    @pytest.mark.parametrize("suffix", [".pdf", ".docx"])
    def test_text_named_as_a_binary_format(self, tmp_path: Path, suffix: str) -> None:
        """The example's text saved as report.pdf or .docx parses as the text it is."""
        path = tmp_path / f"report{suffix}"
        path.write_text(govinfo.example_text(), "utf-8")
        result = govinfo.parse_file(path)
        assert cell_values(result.report) == cell_values(govinfo.parse_example().report)
        (note,) = [d for d in result.diagnostics if d.code == "suffix-mismatch"]
        assert suffix in note.message
        assert "read as text" in note.message

    def test_html_named_pdf(self, tmp_path: Path) -> None:
        """An HTML page saved as .pdf is read as HTML."""
        path = tmp_path / "page.pdf"
        path.write_text(_PAGE.format("一、本年新收政府信息公开申请数量"), "utf-8")
        result = govinfo.parse_file(path)
        assert result.report.requests.new.total == 3  # type: ignore[union-attr]
        assert any("read as HTML" in d.message for d in result.diagnostics)

    def test_a_damaged_pdf_is_still_a_pdf(self, tmp_path: Path) -> None:
        """Bytes that start as a PDF are read as one: a broken one is an InputError naming it."""
        path = tmp_path / "broken.pdf"
        path.write_bytes(b"%PDF-1.4\n" + bytes(100))
        with pytest.raises(govinfo.InputError) as caught:
            govinfo.parse_file(path)
        assert str(caught.value).startswith(f"{path}: not a readable PDF")

    def test_binary_named_pdf_says_both(self, tmp_path: Path) -> None:
        """Bytes that are neither a PDF nor text: the error says what the suffix promised."""
        path = tmp_path / "x.pdf"
        path.write_bytes(bytes(range(128, 256)) * 4)
        with pytest.raises(govinfo.DecodeError) as caught:
            govinfo.parse_file(path)
        message = str(caught.value)
        assert message.startswith(f"{path}: ")
        assert "not a PDF" in message
