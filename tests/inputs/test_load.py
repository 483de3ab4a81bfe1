"""parse_file reads each file type; unsupported ones fail clearly."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import govinfo
from helpers import cell_values

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
