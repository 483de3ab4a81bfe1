"""The govinfo command, run for real in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import SEEDS, flatten, run_cli, seed_expected

SEED_004 = next(SEEDS.glob("004_*.txt"))


def test_parse_json_matches_the_expected_values() -> None:
    """`govinfo parse SEED --format json` gives template v2021 and every expected value."""
    proc = run_cli("parse", str(SEED_004), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["template"] == "v2021"
    assert data["file"] == str(SEED_004)
    assert isinstance(data["diagnostics"], list)
    flat = flatten(data)
    for key, want in seed_expected("004")["expected"].items():
        assert str(flat[key]) == str(want), key


def test_parse_several_files_gives_an_array() -> None:
    """Several files: one JSON array, in argument order."""
    proc = run_cli("parse", str(SEED_004), "--example")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [d["file"] for d in data] == ["<example>", str(SEED_004)]


def test_parse_example_table() -> None:
    """`--format table` prints the three tables with official labels."""
    proc = run_cli("parse", "--example", "--format", "table")
    assert proc.returncode == 0, proc.stderr
    for text in ("二、主动公开政府信息情况", "行政许可", "146", "(七)总计", "复议后起诉"):
        assert text in proc.stdout


def test_validate_clean_exits_zero() -> None:
    """A consistent report validates with exit 0."""
    proc = run_cli("validate", str(SEED_004))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "v2021: ok (42 passed, 0 not checkable)" in proc.stdout


def test_validate_changed_total_exits_one_and_names_the_rule(tmp_path: Path) -> None:
    """One total changed: exit 1 and the failing rules are named with the cell."""
    text = SEED_004.read_text("utf-8")
    marker = "四、结转下年度继续办理 |\n"
    at = text.index(marker) + len(marker)
    changed = tmp_path / "changed.txt"
    changed.write_text(text[:at] + "5" + text[at + 1 :], "utf-8")
    proc = run_cli("validate", str(changed))
    assert proc.returncode == 1
    assert "R1 failed" in proc.stdout
    assert "requests.carried_forward.natural_person=5" in proc.stdout


def test_validate_json_output(tmp_path: Path) -> None:
    """`validate --format json` lists failures with rule, cells and verdicts."""
    text = SEED_004.read_text("utf-8").replace("146 |", "146 |", 1)
    path = tmp_path / "r.txt"
    path.write_text(text.replace("(七)总计 |\n0 |", "(七)总计 |\n9 |"), "utf-8")
    proc = run_cli("validate", str(path), "--format", "json")
    assert proc.returncode == 1
    (doc,) = json.loads(proc.stdout)
    assert doc["ok"] is False
    rules = {f["rule"] for f in doc["failures"]}
    assert rules == {"R1", "R2", "R3"}
    assert all(f["verdict"] == "failed" for f in doc["failures"])


def test_unreadable_input_exits_two_with_one_line(tmp_path: Path) -> None:
    """A missing file: exit 2, one line on stderr, no traceback."""
    proc = run_cli("validate", str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr
    assert "missing.txt" in proc.stderr


def test_text_without_report_exits_two(tmp_path: Path) -> None:
    """Validating a text that holds no statistical table exits 2."""
    path = tmp_path / "prose.txt"
    path.write_text("本机关2023年度政府信息公开工作年度报告。\n", "utf-8")
    proc = run_cli("validate", str(path))
    assert proc.returncode == 2
    assert "no statistical table" in proc.stderr


def test_parse_continues_past_a_bad_file(tmp_path: Path) -> None:
    """parse reports the bad file on stderr, prints the good ones, exits 2."""
    proc = run_cli("parse", str(tmp_path / "nope.txt"), str(SEED_004))
    assert proc.returncode == 2
    assert len(json.loads(proc.stdout)) == 1
    assert "nope.txt" in proc.stderr


def test_gbk_file_is_decoded(tmp_path: Path) -> None:
    """A report saved as GBK reads like the UTF-8 original."""
    path = tmp_path / "gbk.txt"
    path.write_bytes(SEED_004.read_text("utf-8").encode("gbk", errors="replace"))
    proc = run_cli("parse", str(path))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["active"]["licensing"]["decisions"] == 146


@pytest.mark.parametrize("args", [["parse"], ["validate"]])
def test_no_input_is_a_usage_error(args: list[str]) -> None:
    """Without FILE or --example the command says what it needs and exits 2."""
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert "FILE" in proc.stderr


def test_version() -> None:
    """`--version` prints the installed version."""
    import govinfo as pkg  # noqa: PLC0415

    proc = run_cli("--version")
    assert proc.stdout.strip() == f"govinfo {pkg.__version__}"


def test_console_script_is_installed() -> None:
    """The `govinfo` console script runs the same CLI."""
    script = Path(sys.executable).with_name("govinfo")
    proc = subprocess.run(
        [str(script), "parse", "--example"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["template"] == "v2021"


def test_validate_seed_000_exits_one_with_blank_totals() -> None:
    """Seed 000 has two real inconsistencies, both "blank total with non-zero parts"."""
    proc = run_cli("validate", str(next(SEEDS.glob("000_*.txt"))))
    assert proc.returncode == 1
    assert proc.stdout.count("blank total with non-zero parts:") == 2
    assert "answers.total=blank" in proc.stdout
    assert "capacity.staff=blank" in proc.stdout


def test_template_option() -> None:
    """--template forces the template."""
    proc = run_cli("parse", str(SEED_004), "--template", "v2019")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["template"] == "v2019"


def test_render_names_a_missing_file_once(tmp_path: Path) -> None:
    """`render nonexistent.txt`: one line, the path once, exit 2."""
    missing = tmp_path / "nonexistent.txt"
    proc = run_cli("render", str(missing))
    assert proc.returncode == 2
    assert proc.stderr.count(missing.name) == 1
    assert proc.stderr.startswith(f"govinfo: {missing}: ")
