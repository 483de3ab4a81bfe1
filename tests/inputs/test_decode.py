"""Bytes in UTF-8 (BOM or not), GB18030/GBK and Big5; no silent mojibake."""

from __future__ import annotations

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
