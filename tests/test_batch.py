"""Batch processing and robustness under hostile or broken input."""

from __future__ import annotations

import contextlib
import json
import os
import pathlib
import pickle
import pty
import signal
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.formats.render import render_html, render_text
from helpers import (
    SEEDS,
    alive,
    children,
    run_capped,
    run_cli,
    seed_text,
    start_cli,
    wait_until,
)

if TYPE_CHECKING:
    from pathlib import Path

SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of 60 reports in three formats, a nested one, and one random-bytes file."""
    report = govinfo.parse(seed_text("004")).report
    nested = tmp_path / "district"
    nested.mkdir()
    for i in range(20):
        (tmp_path / f"r{i:02}.txt").write_text(seed_text("003"), "utf-8")
        (tmp_path / f"r{i:02}.html").write_text(render_html(report), "utf-8")
        (nested / f"n{i:02}.txt").write_text(render_text(report), "utf-8")
    (tmp_path / "r10.5.txt").write_bytes(bytes(range(128, 256)) * 30)  # no encoding fits
    (tmp_path / "notes.md").write_text("not a report", "utf-8")
    return tmp_path


class TestParseMany:
    """govinfo.parse_many: ordered, streaming, continuing past bad files."""

    def test_order_is_the_same_whatever_jobs(self, folder: Path) -> None:
        """Folder files come sorted, recursively, identically with 1 or 2 processes."""
        one = [(i.path, i.ok) for i in govinfo.parse_many([folder], recursive=True)]
        two = [(i.path, i.ok) for i in govinfo.parse_many([folder], recursive=True, jobs=2)]
        assert one == two
        assert len(one) == 61
        assert [p for p, _ in one] == sorted(p for p, _ in one)
        assert [p for p, ok in one if not ok] == [str(folder / "r10.5.txt")]

    def test_not_recursive_by_default(self, folder: Path) -> None:
        """Without recursive, sub-folders are left alone; .md files are not reports."""
        paths = [i.path for i in govinfo.parse_many([folder])]
        assert len(paths) == 41
        assert not any("district" in p or p.endswith(".md") for p in paths)

    def test_results_pickle(self) -> None:
        """Results (and their reports) pickle, for executors such as Dask or Spark."""
        result = govinfo.parse_example()
        again = pickle.loads(pickle.dumps(result))  # noqa: S301 - our own object
        assert again.report == result.report
        assert again.diagnostics == result.diagnostics
        assert again.source_of("active.licensing.decisions") == result.source_of(
            "active.licensing.decisions"
        )

    def test_size_limit(self, tmp_path: Path) -> None:
        """Inputs over max_bytes are refused with InputTooLargeError, before reading."""
        path = tmp_path / "big.txt"
        path.write_text("行政许可 | 1 |\n" * 2000, "utf-8")
        with pytest.raises(govinfo.InputTooLargeError, match="over the limit"):
            govinfo.parse_file(path, max_bytes=1000)
        with pytest.raises(govinfo.InputTooLargeError):
            govinfo.parse("x" * 400, max_bytes=1000)
        (item,) = govinfo.parse_many([path], max_bytes=1000)
        assert item.error is not None
        assert item.error.startswith(str(path))


class TestBatchCLI:
    """`govinfo parse DIR --recursive --jobs N --format jsonl|csv --out FILE`."""

    def test_folder_to_jsonl_with_summary(self, folder: Path, tmp_path: Path) -> None:
        """Streams one line per report, one stderr line per bad file, and a summary."""
        out = tmp_path / "out.jsonl"
        proc = run_cli(
            "parse", str(folder), "-r", "-j", "2", "--format", "jsonl", "--out", str(out)
        )
        assert proc.returncode == 2
        lines = out.read_text("utf-8").splitlines()
        assert len(lines) == 60
        assert {json.loads(line)["template"] for line in lines} == {"v2015", "v2021"}
        errors = proc.stderr.splitlines()
        bad = folder / "r10.5.txt"
        assert errors[0] == (
            f"govinfo: {bad}: cannot tell the text encoding (not UTF-8, GB18030 or Big5)"
        )
        assert errors[-1] == (
            "govinfo: 61 files: parsed 60 (v2015 20, v2021 40); 20 with warnings; 1 failed"
        )
        assert len(errors) == 2
        assert "Traceback" not in proc.stderr

    def test_folder_to_csv(self, folder: Path) -> None:
        """CSV: one header, then rows of every report in file order."""
        proc = run_cli("parse", str(folder), "--format", "csv")
        rows = proc.stdout.splitlines()
        assert rows[0].startswith("file,agency,year,template,key")
        assert sum(r.startswith("file,") for r in rows) == 1
        assert len(rows) == 1 + 20 * (7 + 80) + 20 * (7 + 200)

    def test_json_array_for_a_folder(self, folder: Path) -> None:
        """--format json over a folder is one JSON array."""
        proc = run_cli("parse", str(folder / "district"), "--format", "json")
        assert proc.returncode == 0, proc.stderr
        assert len(json.loads(proc.stdout)) == 20


class TestSameOutputWhateverJobs:
    """Workers format records and send results in batches: the output is that of one process."""

    @pytest.mark.parametrize(
        "command",
        [
            ("parse", "--format", "json"),
            ("parse", "--format", "jsonl"),
            ("parse", "--format", "csv"),
            ("parse", "--format", "table"),
            ("validate",),
            ("validate", "--format", "json"),
        ],
        ids=" ".join,
    )
    def test_cli_bytes(self, folder: Path, command: tuple[str, ...]) -> None:
        """stdout, stderr and exit status of -j 2 are those of -j 1, failing files among them."""
        (folder / "empty.txt").write_text("", "utf-8")  # holds no report
        one = run_cli(*command, str(folder), "-r", "--example", "-j", "1")
        two = run_cli(*command, str(folder), "-r", "--example", "-j", "2")
        assert (two.returncode, two.stdout, two.stderr) == (one.returncode, one.stdout, one.stderr)
        assert one.returncode == 2
        assert one.stdout.count("v2015") >= 20
        assert "r10.5.txt: cannot tell the text encoding" in one.stderr
        assert "empty.txt" in one.stderr

    def test_parse_many_results(self, folder: Path) -> None:
        """Every part of every result is the same with 2 processes, sources found on demand too."""
        pinyin = govinfo.example_text().replace("行政许可", "行政許(xǔ)可")
        (folder / "pinyin.txt").write_text(pinyin, "utf-8")  # an offset map that is no range
        one = list(govinfo.parse_many([folder], recursive=True))
        two = list(govinfo.parse_many([folder], recursive=True, jobs=2))
        assert [(i.path, i.error) for i in one] == [(i.path, i.error) for i in two]
        for a, b in zip(one, two, strict=True):
            if a.result is None or b.result is None:
                assert a.result is b.result is None
                continue
            assert b.result.report == a.result.report
            assert b.result.diagnostics == a.result.diagnostics
            assert dict(b.result.sources) == dict(a.result.sources)
            assert (b.result.text, b.result.file) == (a.result.text, a.result.file)
            assert b.result.sections == a.result.sections
        (item,) = [i for i in two if i.path.endswith("pinyin.txt")]
        assert item.result is not None
        assert item.result.quote("active.licensing.decisions") == "146"


# What a worker makes of a file can fail, or fail to be pickled: that file only fails.
_ODD_WORK = """
import json, multiprocessing, os, sys
import govinfo._batch as batch
multiprocessing.set_start_method("fork")
def work(item):
    name = os.path.basename(item.path)
    if item.error is None and name == "raises.txt":
        raise ValueError("no")
    if item.error is None and name == "unpicklable.txt":
        return lambda: None
    return name, item.error
for jobs in (1, 2):
    made = list(batch.run_many([sys.argv[1]], work, jobs=jobs))
    print(json.dumps([m if isinstance(m, tuple) else "a function" for m in made]))
"""


class TestWork:
    """`run_many`: what the command line has its workers make of each file."""

    def test_a_failing_or_unpicklable_result_fails_its_file(self, tmp_path: Path) -> None:
        """An exception, or a result pickle refuses: one file fails, saying so; the rest go on."""
        for name in ("a.txt", "raises.txt", "unpicklable.txt", "z.txt"):
            (tmp_path / name).write_text(seed_text("004"), "utf-8")
        proc = subprocess.run(
            [sys.executable, "-c", _ODD_WORK, str(tmp_path)],
            capture_output=True, text=True, check=False, timeout=600,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr[-3000:]
        one, two = (json.loads(line) for line in proc.stdout.splitlines())
        raised = f"{tmp_path}/raises.txt: internal error (ValueError: no); please report it"
        assert one == [["a.txt", None], ["raises.txt", raised], "a function", ["z.txt", None]]
        unsent = two.pop(2)
        assert unsent[0] == "unpicklable.txt"
        assert unsent[1].startswith(
            f"{tmp_path}/unpicklable.txt: internal error (its result cannot be sent: "
        )
        assert unsent[1].endswith("); please report it")
        assert two == [["a.txt", None], ["raises.txt", raised], ["z.txt", None]]


class TestRobustness:
    """Hostile input never raises anything but govinfo's documented errors."""

    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(st.binary(max_size=4000))
    def test_random_bytes(self, data: bytes) -> None:
        """Any bytes: a result, or a GovinfoError."""
        try:
            result = govinfo.parse(data)
        except govinfo.GovinfoError:
            return
        assert isinstance(
            result.report, govinfo.ReportV2015 | govinfo.ReportV2019 | govinfo.ReportV2021
        )

    @given(st.text(max_size=3000))
    def test_random_text(self, text: str) -> None:
        """Any text parses (possibly to nothing) without raising."""
        result = govinfo.parse(text)
        govinfo.validate(result.report)

    @given(
        st.recursive(
            st.text(alphabet="行政许可复议诉讼总计0123456789|xX—/ ", max_size=20),
            lambda inner: st.tuples(
                st.sampled_from(["div", "table", "tr", "td", "th", "p", "span", "br", "script"]),
                st.sampled_from(
                    ["", ' rowspan="3"', ' colspan="999"', ' rowspan="-1"', ' colspan="x"']
                ),
                st.lists(inner, max_size=4),
            ).map(lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}</{t[0]}>"),
            max_leaves=40,
        )
    )
    def test_random_html(self, body: str) -> None:
        """Random nested tables with odd spans parse without raising."""
        govinfo.parse(f"<html><body>{body}</body></html>")

    @given(st.sampled_from(SEED_FILES), st.data())
    def test_mutated_reports(self, path: Path, data: st.DataObject) -> None:
        """Real reports with bytes deleted, duplicated or flipped: a result or a GovinfoError."""
        raw = bytearray(path.read_bytes())
        for _ in range(data.draw(st.integers(1, 20))):
            at = data.draw(st.integers(0, len(raw) - 1))
            action = data.draw(st.sampled_from(["delete", "flip", "duplicate"]))
            if action == "delete":
                del raw[at : at + data.draw(st.integers(1, 200))]
            elif action == "flip":
                raw[at] ^= data.draw(st.integers(1, 255))
            else:
                raw[at:at] = raw[at : at + data.draw(st.integers(1, 200))]
            if not raw:
                return
        with contextlib.suppress(govinfo.GovinfoError):
            govinfo.validate(govinfo.parse(bytes(raw)).report)

    def test_adversarial_input_completes(self) -> None:
        """A large input built to provoke regex backtracking parses (timing is in benchmarks)."""
        hostile = (
            "发布机构:" + " " * 5000 + "x" + "|" * 200 + "信息处理费" + "0" * 200 + "\n"
        ) * 40
        govinfo.parse(hostile)
        govinfo.parse("|" + "-" * 100_000 + "\n" + "(-)" * 20_000)


class TestMessages:
    """Every per-file error starts with the file's path, and names it once (#22 r19, #21)."""

    @pytest.fixture
    def broken(self, tmp_path: Path) -> list[Path]:
        """Broken files of each kind, and a missing one."""
        files = {
            "a.pdf": b"%PDF-1.4\n" + bytes(100),
            "b.docx": b"PK\x03\x04" + bytes(100),
            "c.txt": bytes(range(128, 256)),
            "d.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
        }
        for name, data in files.items():
            (tmp_path / name).write_bytes(data)
        return [*(tmp_path / n for n in files), tmp_path / "missing.txt"]

    def test_batch_items(self, broken: list[Path]) -> None:
        """BatchItem.error: "PATH: reason", the path once, for every kind of failure."""
        items = list(govinfo.parse_many(broken))
        assert [i.path for i in items] == [str(p) for p in broken]
        for item in items:
            assert item.error is not None
            assert item.error.startswith(f"{item.path}: ")
            assert item.error.count(pathlib.Path(item.path).name) == 1, item.error

    def test_cli_lines(self, broken: list[Path]) -> None:
        """One line each on stderr, "govinfo: PATH: reason", the path once; then the summary."""
        proc = run_cli("parse", *map(str, broken))
        assert proc.returncode == 2
        lines = proc.stderr.splitlines()
        assert len(lines) == len(broken) + 1
        for path, line in zip(broken, lines, strict=False):
            assert line.startswith(f"govinfo: {path}: ")
            assert line.count(path.name) == 1, line
        assert lines[-1].startswith("govinfo: 5 files: parsed 0")

    def test_three_broken_pdfs_are_three_different_lines(self, tmp_path: Path) -> None:
        """The same damage in three files: three lines, told apart by their paths."""
        paths = []
        for n in range(3):
            path = tmp_path / f"{n}.pdf"
            path.write_bytes(b"%PDF-1.4\n" + bytes(100))
            paths.append(str(path))
        proc = run_cli("parse", *paths)
        lines = proc.stderr.splitlines()[:3]
        assert len(set(lines)) == 3
        assert all(
            line.startswith(f"govinfo: {p}: not a readable PDF")
            for p, line in zip(paths, lines, strict=True)
        )


# A worker killed while it reads one file, as the out-of-memory killer would: the patch
# reaches the workers because they are forked from the process that made it.
_KILL_AT_DIE_TXT = """
import json, multiprocessing, os, signal, sys
import govinfo, govinfo._batch, govinfo._cli
multiprocessing.set_start_method("fork")
read = govinfo._batch._one
def killed_at_die_txt(path, template, max_bytes):
    if path.endswith("die.txt"):
        os.kill(os.getpid(), signal.SIGKILL)
    return read(path, template, max_bytes)
govinfo._batch._one = killed_at_die_txt
"""


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """30 small reports, then two that take a worker seconds each, then 30 more."""
    folder = tmp_path / "reports"
    folder.mkdir()
    text = govinfo.example_text()
    for i in range(30):
        (folder / f"a{i:02}.txt").write_text(text.replace("146", str(100 + i)), "utf-8")
        (folder / f"z{i:02}.txt").write_text(text.replace("146", str(200 + i)), "utf-8")
    for i in range(2):
        (folder / f"m{i}_slow.txt").write_text(text * 1000, "utf-8")
    return folder


def _workers(pid: int) -> list[int]:
    """The pool's processes: children of ``pid`` running the same command."""
    command = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes()
    found = []
    for child in children(pid):
        with contextlib.suppress(OSError):
            if pathlib.Path(f"/proc/{child}/cmdline").read_bytes() == command:
                found.append(child)
    return found


def _started(proc: subprocess.Popen[bytes], out: Path) -> list[int]:
    """Wait until the batch has written a record and has its workers; their pids."""
    wait_until(lambda: out.exists() and out.stat().st_size > 0 and len(_workers(proc.pid)) == 2)
    return _workers(proc.pid)


class TestSurvival:
    """A batch survives a killed worker and stops cleanly on SIGTERM and SIGINT (#22 item 4)."""

    def test_a_killed_worker_costs_only_its_file(self, tmp_path: Path) -> None:
        """parse_many: the file being read fails, saying why; every other file is parsed."""
        for name in ("a.txt", "b.txt", "die.txt", "e.txt", "f.txt"):
            (tmp_path / name).write_text(seed_text("004"), "utf-8")
        code = _KILL_AT_DIE_TXT + (
            f"items = list(govinfo.parse_many([{str(tmp_path)!r}], jobs=2))\n"
            "print(json.dumps([(os.path.basename(i.path), i.error) for i in items]))\n"
        )
        proc = run_capped(code)
        assert proc.returncode == 0, proc.stderr[-3000:]
        items = json.loads(proc.stdout)
        assert [name for name, _ in items] == ["a.txt", "b.txt", "die.txt", "e.txt", "f.txt"]
        assert [name for name, error in items if error is not None] == ["die.txt"]
        error = dict(items)["die.txt"]
        assert error == (
            f"{tmp_path}/die.txt: the process reading it died (killed, as by the system "
            "when memory runs out); the batch went on"
        )

    def test_files_read_before_it_are_not_lost(self, tmp_path: Path) -> None:
        """Results a worker held when it was killed are read again: only the killer fails."""
        for i in range(40):
            (tmp_path / f"{i:02}.txt").write_text(seed_text("004"), "utf-8")
        (tmp_path / "20die.txt").write_text(seed_text("004"), "utf-8")
        code = _KILL_AT_DIE_TXT + (
            f"items = list(govinfo.parse_many([{str(tmp_path)!r}], jobs=2))\n"
            "print(json.dumps([(os.path.basename(i.path), i.error) for i in items]))\n"
        )
        proc = run_capped(code)
        assert proc.returncode == 0, proc.stderr[-3000:]
        items = json.loads(proc.stdout)
        assert len(items) == 41
        assert [name for name, error in items if error is not None] == ["20die.txt"]

    def test_cli_writes_every_other_record(self, tmp_path: Path) -> None:
        """`parse -j 2`: one line for the killed file, every other record written, exit 2."""
        folder = tmp_path / "d"
        folder.mkdir()
        for i in range(20):
            (folder / f"{i:02}.txt").write_text(seed_text("004"), "utf-8")
        (folder / "10die.txt").write_text(seed_text("004"), "utf-8")
        out = tmp_path / "o.jsonl"
        argv = ["parse", str(folder), "-j", "2", "--format", "jsonl", "-o", str(out)]
        proc = run_capped(_KILL_AT_DIE_TXT + f"sys.exit(govinfo._cli.main({argv!r}))\n")
        assert proc.returncode == 2, proc.stderr[-3000:]
        assert len(out.read_text("utf-8").splitlines()) == 20
        died = "the process reading it died (killed, as by the system when memory runs out)"
        assert proc.stderr.splitlines() == [
            f"govinfo: {folder}/10die.txt: {died}; the batch went on",
            "govinfo: 21 files: parsed 20 (v2021 20); 0 with warnings; 1 failed",
        ]

    def test_a_worker_killed_from_outside(self, reports: Path, tmp_path: Path) -> None:
        """SIGKILL to a worker mid-batch: the file it was reading fails; the rest is written."""
        out = tmp_path / "o.jsonl"
        proc = start_cli("parse", str(reports), "-j", "2", "--format", "jsonl", "-o", str(out))
        os.kill(_started(proc, out)[0], signal.SIGKILL)
        _, stderr = proc.communicate(timeout=600)
        lines = stderr.decode().splitlines()
        written = len(out.read_text("utf-8").splitlines())
        # Killed mid-file (or, rarely, between two files: then nothing is lost).
        assert (proc.returncode, written, len(lines)) in {(2, 61, 2), (0, 62, 1)}, lines
        if proc.returncode == 2:
            assert lines[0].startswith(f"govinfo: {reports}/")
            assert lines[0].endswith(
                ": the process reading it died (killed, as by the system "
                "when memory runs out); the batch went on"
            )
        assert lines[-1].startswith(f"govinfo: 62 files: parsed {written} (v2021 {written}); ")

    def test_sigterm(self, reports: Path, tmp_path: Path) -> None:
        """SIGTERM: workers stopped, the JSON array closed over whole records, summary, 143."""
        out = tmp_path / "o.json"
        proc = start_cli("parse", str(reports), "-j", "2", "-o", str(out))
        workers = _started(proc, out)
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 143
        written = json.loads(out.read_text("utf-8"))
        assert 0 < len(written) < 62
        lines = stderr.decode().splitlines()
        assert lines[-1].startswith(f"govinfo: stopped by SIGTERM after {len(written)} files: ")
        assert "Traceback" not in stderr.decode()
        assert not any(alive(pid) for pid in workers)

    def test_sigint_to_the_whole_job(self, reports: Path, tmp_path: Path) -> None:
        """Ctrl-C reaches every process of the job: no worker traceback; JSON lines whole; 130."""
        out = tmp_path / "o.jsonl"
        proc = start_cli(
            "parse", str(reports), "-j", "2", "--format", "jsonl", "-o", str(out),
            start_new_session=True,
        )  # fmt: skip
        workers = _started(proc, out)
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 130, stderr.decode()
        lines = out.read_text("utf-8").splitlines()
        assert all(json.loads(line)["template"] == "v2021" for line in lines)
        assert stderr.decode().startswith(f"govinfo: stopped by SIGINT after {len(lines)} files: ")
        assert stderr.decode().count("\n") == 1
        assert not any(alive(pid) for pid in workers)


class TestTerminal:
    """The progress bar: on stderr when it is a terminal, never in the output (#21)."""

    def test_output_bytes_do_not_depend_on_the_terminal(self, folder: Path, tmp_path: Path) -> None:
        """stdout to a file, stderr a real pty: the bar shows there, errors above it."""
        primary, secondary = pty.openpty()
        with (tmp_path / "out.jsonl").open("wb") as out:
            proc = start_cli(
                "parse", str(folder), "--format", "jsonl", stdout=out, stderr=secondary
            )
        os.close(secondary)
        seen = bytearray()
        with contextlib.suppress(OSError):  # EIO once the last writer has gone
            while chunk := os.read(primary, 65536):
                seen += chunk
        os.close(primary)
        assert proc.wait(timeout=600) == 2
        stdout = (tmp_path / "out.jsonl").read_bytes()
        piped = run_cli("parse", str(folder), "--format", "jsonl")
        assert stdout.decode("utf-8") == piped.stdout
        assert b"\x1b" not in stdout
        terminal = seen.decode("utf-8")
        assert "parsing" in terminal  # the bar, drawn on the terminal
        assert "parsing" not in piped.stderr
        bad = folder / "r10.5.txt"
        error = f"govinfo: {bad}: cannot tell the text encoding (not UTF-8, GB18030 or Big5)"
        assert error + "\r\n" in terminal  # a whole line, above the bar
        summary = "govinfo: 41 files: parsed 40 (v2015 20, v2021 20); 20 with warnings; 1 failed"
        assert terminal.rstrip().endswith(summary)
        assert piped.stderr == error + "\n" + summary + "\n"
