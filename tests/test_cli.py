"""The govinfo command, run for real in a subprocess."""

from __future__ import annotations

import errno
import json
import os
import pathlib
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


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_parse_of_input_holding_no_report_exits_two(tmp_path: Path, fmt: str) -> None:
    """An empty file and a README hold no report: no data for them, one line each, exit 2."""
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    readme = tmp_path / "README.md"
    readme.write_text("# govinfo\n\nTyped data from reports.\n", "utf-8")
    alone = run_cli("parse", str(empty), "--format", fmt)
    assert alone.returncode == 2
    assert alone.stdout == ""
    assert alone.stderr.splitlines() == [f"govinfo: {empty}: no-report: " + NO_REPORT_MESSAGE]
    proc = run_cli("parse", str(empty), str(SEED_004), str(readme), "--format", fmt)
    assert proc.returncode == 2
    assert str(SEED_004) in proc.stdout
    assert str(empty) not in proc.stdout
    assert str(readme) not in proc.stdout
    lines = proc.stderr.splitlines()
    assert [line.split(": ")[1] for line in lines[:2]] == [str(empty), str(readme)]
    assert all(": no-report: " in line for line in lines[:2])
    if fmt == "json":
        assert [d["file"] for d in json.loads(proc.stdout)] == [str(SEED_004)]


NO_REPORT_MESSAGE = (
    "no table, no prose figure of any template and no report title found: "
    "the input holds no report (the blank report is a v2015 model, chosen by no year, "
    "and not the 2019/2021 section names)"
)


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


class TestNoTraceback:
    """Hostile input and wrong options: one line, a documented status, never a traceback."""

    @pytest.mark.parametrize(
        "text",
        [
            '{"template": "v2021", "meta": ' + "[" * 5000 + "]" * 5000 + "}",
            '{"template": "v2021", "meta": {"year": ' + "9" * 5000 + "}}",
            '{"template": "v2021", "meta": {"title": "\\ud800"}}',
            "[" + '{"template": "v2021", "meta": {"title": "\\udfff"}}' + "]",
        ],
        ids=["deep", "huge-int", "lone-surrogate", "lone-surrogate-in-array"],
    )
    def test_render_hostile_json(self, tmp_path: Path, text: str) -> None:
        """`render` of deep, huge-integer or lone-surrogate JSON: exit 2, one line (#22, r09)."""
        path = tmp_path / "report.json"
        path.write_text(text, "utf-8")
        proc = run_cli("render", str(path))
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("\n") == 1
        assert proc.stderr.startswith(f"govinfo: {path}")
        assert proc.stdout == ""

    @pytest.mark.parametrize("size", ["nan", "inf", "-inf", "0", "-1", "ten"])
    def test_max_size_is_a_positive_number(self, size: str) -> None:
        """`--max-size nan` and friends are usage errors (exit 2), not tracebacks (#22, r09)."""
        proc = run_cli("parse", "--example", "--max-size", size)
        assert proc.returncode == 2
        assert "Traceback" not in proc.stderr
        assert proc.stderr.splitlines()[-1].startswith("govinfo parse: error: argument --max-size")
        assert proc.stdout == ""

    @pytest.mark.parametrize("jobs", ["0", "-1", "two"])
    def test_jobs_is_at_least_one(self, jobs: str) -> None:
        """`-j 0`, negative or not a number: a usage error (#21)."""
        proc = run_cli("parse", "--example", "-j", jobs)
        assert proc.returncode == 2
        assert proc.stderr.splitlines()[-1].startswith("govinfo parse: error: argument -j/--jobs")

    @pytest.mark.parametrize("where", ["missing/dir/out.json", "."])
    def test_output_that_cannot_be_written(self, tmp_path: Path, where: str) -> None:
        """`-o` into a missing folder, or onto a folder: one line, exit 3, nothing parsed (#21)."""
        out = tmp_path / where
        proc = run_cli("parse", "--example", "-o", str(out))
        assert proc.returncode == 3
        assert proc.stderr.count("\n") == 1
        assert proc.stderr.startswith(f"govinfo: {out}: cannot write the output (")
        assert proc.stdout == ""


class TestHelp:
    """`govinfo` alone and --help: usage, examples, exit statuses (#21)."""

    def test_bare_command_prints_help(self) -> None:
        """No arguments: the help on stdout, exit 0."""
        proc = run_cli()
        assert proc.returncode == 0
        assert proc.stdout.startswith("usage: govinfo")
        assert "examples:" in proc.stdout
        assert "govinfo parse reports/ -r -j 4 --format jsonl" in proc.stdout

    @pytest.mark.parametrize("command", [[], ["parse"], ["render"], ["validate"], ["schema"]])
    def test_help_lists_examples_and_exit_statuses(self, command: list[str]) -> None:
        """Every command's --help has examples and the exit statuses of the CLI docs."""
        from govinfo._cli import EXIT_CODES  # noqa: PLC0415

        proc = run_cli(*command, "--help")
        assert proc.returncode == 0
        help_text = " ".join(proc.stdout.split())
        assert f"examples: govinfo {command[0] if command else 'parse'}" in help_text
        for code, meaning in EXIT_CODES:
            assert f"{code} {' '.join(meaning.split())}" in help_text


def test_validate_ends_with_a_summary(tmp_path: Path) -> None:
    """Several files: one line on stderr counting valid, failing and unreadable reports (#21)."""
    text = SEED_004.read_text("utf-8")
    (tmp_path / "a_valid.txt").write_text(text, "utf-8")
    (tmp_path / "b_failing.txt").write_text(
        text.replace("(七)总计 |\n0 |", "(七)总计 |\n9 |"), "utf-8"
    )
    (tmp_path / "c_prose.txt").write_text("本机关2023年度政府信息公开工作年度报告。\n", "utf-8")
    (tmp_path / "d_broken.txt").write_bytes(bytes(range(128, 256)))
    proc = run_cli("validate", str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == (
        "govinfo: 4 files: 1 valid, 1 with failing rules, 2 unreadable or without a table"
    )
    assert proc.stdout.count(": v2021: ") == 2
    one = run_cli("validate", str(tmp_path / "a_valid.txt"))
    assert one.stderr == ""  # one file: its line says it all


class TestRenderMany:
    """`render` of parse's own array or JSON lines: every report, or a clear failure (#21)."""

    @pytest.fixture
    def parsed(self, tmp_path: Path) -> dict[str, Path]:
        """parse's JSON array and JSON lines of seed 004 and the example."""
        out = {}
        for fmt in ("json", "jsonl"):
            path = tmp_path / f"out.{fmt}"
            proc = run_cli("parse", str(SEED_004), "--example", "--format", fmt, "-o", str(path))
            assert proc.returncode == 0, proc.stderr
            out[fmt] = path
        return out

    @pytest.mark.parametrize("fmt", ["json", "jsonl"])
    @pytest.mark.parametrize("style", ["text", "md", "table"])
    def test_every_report_is_rendered(self, parsed: dict[str, Path], fmt: str, style: str) -> None:
        """Each report under a "==> file <==" heading, as rendering it alone gives it."""
        proc = run_cli("render", str(parsed[fmt]), "--format", style)
        assert proc.returncode == 0, proc.stderr
        alone = [
            run_cli("render", "--example", "--format", style).stdout,
            run_cli("render", str(SEED_004), "--format", style).stdout,
        ]
        place = "[{}]" if fmt == "json" else ":{}"
        expected = (
            f"==> <example> ({parsed[fmt]}{place.format(0 if fmt == 'json' else 1)}) <==\n"
            + alone[0]
            + "\n"
            + f"==> {SEED_004} ({parsed[fmt]}{place.format(1 if fmt == 'json' else 2)}) <==\n"
            + alone[1]
            + "\n"
        )
        assert proc.stdout == expected
        assert "146" in alone[0]  # never a blank report

    def test_a_bad_report_is_named_and_the_rest_rendered(self, tmp_path: Path) -> None:
        """One broken element: its place and path in one line, exit 2; the others rendered."""
        good = json.loads(run_cli("parse", "--example").stdout)
        path = tmp_path / "mixed.json"
        path.write_text(json.dumps([good, {"template": "v2021", "meta": {"year": "x"}}]), "utf-8")
        proc = run_cli("render", str(path))
        assert proc.returncode == 2
        assert proc.stderr.startswith(f"govinfo: {path}[1]: ")
        assert "$.meta.year" in proc.stderr
        assert proc.stdout == run_cli("render", "--example").stdout

    def test_an_empty_array_holds_no_report(self, tmp_path: Path) -> None:
        """`[]`: exit 2, saying so; nothing rendered."""
        path = tmp_path / "none.json"
        path.write_text("[]\n", "utf-8")
        proc = run_cli("render", str(path))
        assert proc.returncode == 2
        assert proc.stderr == f"govinfo: {path}: an empty array holds no report\n"
        assert proc.stdout == ""

    def test_html_is_one_report_a_page(self, parsed: dict[str, Path]) -> None:
        """Several reports as HTML: a clear refusal, not several documents run together."""
        proc = run_cli("render", str(parsed["json"]), "--format", "html")
        assert proc.returncode == 2
        assert "one report a page" in proc.stderr
        assert proc.stdout == ""


class TestFileNames:
    """File names in a legacy encoding are parsed and shown escaped (#22, r18)."""

    def test_gbk_name_in_a_folder(self, tmp_path: Path) -> None:
        """A GBK-named file among others: all three parsed, its name with \\x escapes."""
        folder = tmp_path / "d"
        folder.mkdir()
        text = SEED_004.read_text("utf-8")
        for name in [b"a.txt", "年报".encode("gbk") + b".txt", "ｚ.txt".encode()]:
            (pathlib.Path(os.fsdecode(bytes(folder)) + "/" + os.fsdecode(name))).write_text(
                text, "utf-8"
            )
        out = tmp_path / "o.jsonl"
        proc = run_cli("parse", str(folder), "--format", "jsonl", "--out", str(out))
        assert proc.returncode == 0, proc.stderr
        files = [json.loads(line)["file"] for line in out.read_text("utf-8").splitlines()]
        assert files == [
            f"{folder}/a.txt",
            f"{folder}/\\xc4\\xea\\xb1\\xa8.txt",
            f"{folder}/ｚ.txt",
        ]
        assert proc.stderr == "govinfo: 3 files: parsed 3 (v2021 3); 0 with warnings; 0 failed\n"


class TestNotRegularEntries:
    """FIFOs and links that lead nowhere are reported, never skipped in silence or waited on."""

    def test_in_a_folder(self, tmp_path: Path) -> None:
        """A FIFO, a link loop, a broken link and a link to an enclosing folder: one line each."""
        (tmp_path / "good.txt").write_text(SEED_004.read_text("utf-8"), "utf-8")
        os.mkfifo(tmp_path / "fifo.txt")
        (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
        (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "up").symlink_to(tmp_path)
        proc = run_cli("parse", str(tmp_path), "-r", "--format", "jsonl")
        assert proc.returncode == 2
        assert len(proc.stdout.splitlines()) == 1
        assert proc.stderr.splitlines() == [
            f"govinfo: {tmp_path}/fifo.txt: not a regular file (a FIFO, device or socket)",
            f"govinfo: {tmp_path}/gone: cannot follow the link ({os.strerror(errno.ENOENT)})",
            f"govinfo: {tmp_path}/loop.txt: cannot follow the link ({os.strerror(errno.ELOOP)})",
            f"govinfo: {tmp_path}/sub/up: a link to a folder it is in (a loop), not followed",
            "govinfo: 5 files: parsed 1 (v2021 1); 0 with warnings; 4 failed",
        ]

    def test_fifo_named_on_the_command_line(self, tmp_path: Path) -> None:
        """A FIFO given as FILE is refused at once (no writer will ever come)."""
        fifo = tmp_path / "report.txt"
        os.mkfifo(fifo)
        for command in ("parse", "validate", "render"):
            proc = run_cli(command, str(fifo))
            assert proc.returncode == 2
            assert (
                proc.stderr == f"govinfo: {fifo}: not a regular file (a FIFO, device or socket)\n"
            )


@pytest.mark.parametrize("separator", ["\n", "\r", "\u2028", "\x85", "\x0b"])
def test_a_message_is_one_line_whatever_the_input_holds(tmp_path: Path, separator: str) -> None:
    """A key holding a line break (echoed by the error) cannot split the line (fuzz, #22)."""
    good = json.loads(run_cli("parse", "--example").stdout)
    good["meta"][f"index{separator}number"] = good["meta"].pop("index_number")
    path = tmp_path / "report.json"
    path.write_text(json.dumps(good, ensure_ascii=False), "utf-8")
    proc = run_cli("render", str(path))
    assert proc.returncode == 2
    assert len(proc.stderr.splitlines()) == 1
    assert proc.stderr.startswith(f"govinfo: {path}: ")
    assert repr(separator)[1:-1] in proc.stderr
