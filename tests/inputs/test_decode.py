"""Bytes in UTF-8 (BOM or not), GB18030/GBK and Big5; no silent mojibake."""

from __future__ import annotations

import codecs
import json
from typing import TYPE_CHECKING

import opencc
import pytest

import govinfo
from helpers import SEED_004, cell_values, run_cli, seed_expected, seed_text

if TYPE_CHECKING:
    from pathlib import Path


class TestEncodings:
    """Bytes in UTF-8 (BOM or not), GB18030/GBK and Big5; no silent mojibake."""

    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
    def test_seed_004_in_each_encoding(self, encoding: str) -> None:
        """Seed 004's bytes in each encoding give every expected value."""
        result = govinfo.parse(seed_text("004").encode(encoding))
        values = cell_values(result.report)
        for key, want in seed_expected("004")["expected"].items():
            if key in values:
                assert str(values[key]) == str(want), key

    def test_big5_traditional_report(self) -> None:
        """A traditional-character report in Big5 reads like its simplified original."""
        original = govinfo.parse_example().report
        text = opencc.OpenCC("s2t").convert(govinfo.render(original))
        result = govinfo.parse(text.encode("big5"))
        assert "處理" in result.text  # decoded, not converted: the text is as given
        assert cell_values(result.report) == cell_values(original)

    def test_undecodable_bytes_are_a_typed_error(self) -> None:
        """Bytes in no encoding govinfo can tell raise DecodeError, never mojibake."""
        with pytest.raises(govinfo.DecodeError, match="encoding"):
            govinfo.parse(bytes(range(128, 256)) * 8)

    def test_cli_reports_an_undecodable_file_in_one_line(self, tmp_path: Path) -> None:
        """The CLI prints one line for a bad file, parses the rest, exits 2."""
        bad = tmp_path / "bad.txt"
        bad.write_bytes(bytes(range(128, 256)) * 8)
        proc = run_cli("parse", str(bad), str(SEED_004))
        assert proc.returncode == 2
        bad_lines = [line for line in proc.stderr.splitlines() if "bad.txt" in line]
        assert len(bad_lines) == 1
        assert proc.stderr.splitlines()[-1].endswith("1 failed")  # the batch summary
        assert len(json.loads(proc.stdout)) == 1


_PAGE = (
    "<html><head><meta charset='{}'></head><body><table><tr>"
    "<td>一、本年新收政府信息公开申请数量</td>"
     "<td>3</td>" + "<td>0</td>" * 5 + "<td>3</td></tr></table></body></html>"
)  # fmt: skip


class TestWrongDeclarations:
    """A declared charset that gives no Chinese text is overridden by detection, with a note."""

    @pytest.mark.parametrize("declared", ["iso-8859-1", "cp1252", "cp037", "koi8-r", "shift_jis"])
    def test_gbk_page_declaring_another_charset(self, tmp_path: Path, declared: str) -> None:
        """The page reads as GB18030 (no mojibake), with a charset-overridden diagnostic."""
        path = tmp_path / "p.html"
        path.write_bytes(_PAGE.format(declared).encode("gb18030"))
        result = govinfo.parse_file(path)
        assert result.text.startswith("一、本年新收政府信息公开申请数量 | 3 |")
        assert result.report.requests.new.total == 3  # type: ignore[union-attr]
        assert result.diagnostics[0].code == "charset-overridden"

    def test_right_declaration_has_no_note(self) -> None:
        """A GBK page declaring gbk reads with no note."""
        result = govinfo.parse(_PAGE.format("gbk").encode("gb18030"))
        assert result.report.requests.new.total == 3  # type: ignore[union-attr]
        assert "charset-overridden" not in [d.code for d in result.diagnostics]

    def test_latin_page_keeps_its_declaration(self) -> None:
        """A page that is Latin text is read as it declares."""
        page = "<html><head><meta charset='iso-8859-1'></head><body><p>caf\xe9 \xe0 la cr\xe8me</p>"
        assert "café à la crème" in govinfo.parse(page.encode("latin-1")).text

    @pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16"])
    def test_utf32_and_utf16_with_bom(self, encoding: str) -> None:
        """UTF-32 (whose LE BOM begins with UTF-16's) and UTF-16 files read by their BOM."""
        text = govinfo.example_text()
        data = text.encode(encoding)
        if not data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE)):
            bom = codecs.BOM_UTF32_LE if encoding.endswith("le") else codecs.BOM_UTF32_BE
            data = bom + data
        result = govinfo.parse(data)
        assert result.text == text
