"""Throughput and memory of govinfo's main operations, printed as a table.

Usage: python benchmarks/run.py [--quick]

Never asserted in the test suite: speed is measured here. Parsing is measured
per template, on the real reports in the repository (the bundled v2021 example,
the v2015 and prose-only acceptance reports under tests/data/seeds). There is no
real v2019 report, so v2019 is measured on generated tables set in the prose of
the example, the shape of a full report. HTML inputs are those reports rendered
as HTML tables. ``stress`` rows are generated tables and nothing else: the
ratio is printed, but such input has almost no floor (see docs/guides/batch.md).

``floor`` is what any parser must spend anyway on the same input (decode the
bytes, OpenCC t2s, split into cells: lines on ``|`` for text, lxml's cells for
HTML), and ``ratio`` is a parse's time over its floor's. A parse and its floor
are timed in alternation, so that a machine whose speed drifts (shared cloud
cores) moves both alike, and the ratio is the median of the rounds' ratios.
The machine reference, a fixed pure-Python workload, tells how fast this
machine runs Python: throughputs scale with it, ratios hardly. ``target`` is
the goal of issue #8, or of #23 for the ratios it set. The JSON round trip's
floor is orjson reading and writing the same document (no report built).
``peak MiB`` is the most memory traced at once during a call, results
dropped as they come, as a streamed batch drops them. The JSON rows read and
write reports with msgspec when the ``json`` extra is installed.

PDF rows are PDFs of the example report (drawn by reportlab; printed by
Chromium and LibreOffice where the machine has them): pages/s of PDFium's
bare text extraction (the floor), of ``from_pdf`` (the read, whose ratio to
the floor is the target of issue #19) and of a whole parse. The .docx row's
floor is unzipping word/document.xml and parsing it with lxml.

Import rows time ``import govinfo`` inside fresh interpreters, warm (bytecode
cached), alternated with their floor, importing attrs and cattrs (what any
library built on them imports); "the reader loaded" adds the first use of
``govinfo.parse``, which imports the reader and the models.
"""

from __future__ import annotations

import argparse
import io
import itertools
import multiprocessing
import os
import pathlib
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from typing import TYPE_CHECKING

import lxml.etree
import lxml.html
import orjson
from hypothesis import HealthCheck, given, settings

import govinfo
from govinfo import _cli
from govinfo.formats.json import msgspec_module
from govinfo.formats.render import render_html, render_text
from govinfo.inputs.docx import from_docx
from govinfo.inputs.pdf import from_pdf
from govinfo.reading import cells
from govinfo.reading.normalize import _t2s
from govinfo.testing import valid_reports

if TYPE_CHECKING:
    from collections.abc import Callable


SEEDS = pathlib.Path(__file__).parent.parent / "tests" / "data" / "seeds"
#: Real reports in the repository, by the template they are in.
REAL = {
    "v2015": ["000_e58907eb69c41167.txt", "003_0ae8e60dae54bef5.txt"],
    "prose-only": ["001_f65decd25e18d176.txt", "002_c78ef7b533991182.txt"],
}


def _generated(n: int, template: str = "v2021") -> list[govinfo.Report]:
    out: list[govinfo.Report] = []

    @settings(max_examples=n, database=None, suppress_health_check=list(HealthCheck))
    @given(valid_reports(template))
    def collect(report: govinfo.Report) -> None:
        out.append(report)

    collect()
    return out


def _in_prose(report: govinfo.Report, example: str) -> bytes:
    """A generated report's tables set in the example's prose (sections 一, 五 and 六)."""
    heading = "二、主动公开政府信息情况"
    opening = example[: example.index(heading)]
    closing = example[example.index("五、存在的问题") :]
    meta, _, tables = render_text(report).partition(heading)
    return f"{meta}{opening}{heading}{tables}\n{closing}".encode()


#: A number alone in a table cell: "| 12 |" or, as scraped pages have it, a line "12 |".
_TABLE_NUMBER = re.compile(rb"(?:(?<=\n)|(?<=\| ))[0-9]+(?= \|)")


def _distinct(texts: list[bytes], n: int) -> list[bytes]:
    """``n`` reports, no two alike: ``texts`` again and again with new numbers in their tables.

    A batch meets every table line and most numbers for the first time, while
    a parse repeated on the same input finds them in its caches.
    """
    rng = random.Random(8)

    def renumber(m: re.Match[bytes]) -> bytes:
        return str(rng.randrange(10 ** len(m[0]))).encode()

    return [_TABLE_NUMBER.sub(renumber, texts[i % len(texts)]) for i in range(n)]


def _each(fn: Callable[[bytes], object], batches: list[list[bytes]]) -> Callable[[], None]:
    """A call that applies ``fn`` to each item of the next batch (the batches in turn).

    Results are dropped as they come, as a streamed batch run drops them: kept,
    each report would take fresh memory, and a virtual machine's page faults
    would be measured instead of the parse.
    """
    turn = itertools.cycle(batches)

    def call() -> None:
        for item in next(turn):
            fn(item)

    return call


def _floor(data: bytes) -> int:
    text = _t2s().convert(data.decode("utf-8"))
    return sum(len(line.split("|")) for line in text.splitlines())


def _floor_html(data: bytes) -> int:
    page = lxml.html.document_fromstring(data.decode("utf-8"))
    cells = [cell.text_content() for cell in page.iter("td", "th")]
    return len(_t2s().convert("\n".join(cells)))


def _peak(fn: Callable[[], object]) -> float:
    """Peak traced memory of one call, in MiB."""
    fn()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def _times(fns: list[Callable[[], object]], repeat: int, rounds: int) -> list[list[float]]:
    """Seconds per call of each function in each round, the functions taken in alternation."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for fn, seconds in zip(fns, times, strict=True):
            start = time.perf_counter()
            for _ in range(repeat):
                fn()
            seconds.append((time.perf_counter() - start) / repeat)
    return times


def _ratio(parse: list[float], floor: list[float]) -> float:
    """A parse's time over its floor's: the median over rounds, each pair timed back to back.

    A shared core's speed drifts between rounds; within a round, the two see the
    same machine, so the median of the rounds' ratios is steadier than the
    ratio of the best times.
    """
    return statistics.median(p / f for p, f in zip(parse, floor, strict=True))


def _reference() -> float:
    """Microseconds of a fixed pure-Python workload: how fast this machine runs Python."""

    def work() -> int:
        table = {}
        for i in range(1000):
            table[str(i)] = i * 2
        return sum(table.values())

    return min(_times([work], 200, 7)[0]) * 1e6


def _adversarial(size: int, template: str | None) -> float:
    """Seconds to parse ``size`` bytes built to provoke regex backtracking."""
    unit = "发布机构:a" + " " * 2000 + "b|" + "信息处理费" + "0" * 50 + "\n" + "(-)" * 100 + "\n"
    unit += "行政复议维持" * 200 + "行政诉讼" + "申请" * 100 + "\n"  # v2015 prose rules
    text = unit * (size // len(unit.encode()))
    start = time.perf_counter()
    govinfo.parse(text, template=template, max_bytes=size * 4)
    return time.perf_counter() - start


def _run_together(size: int, template: str | None) -> float:
    """Seconds to parse ``size`` bytes of table rows whose digits ran together, hundreds a row."""
    unit = (
        "一、本年新收政府信息公开申请数量"
        + "1" * 300
        + "二、上年结转政府信息公开申请数量"
        + "1203" * 75
        + "(七)总计"
        + "0" * 300
        + "\n"
    )
    text = unit * (size // len(unit.encode()))
    start = time.perf_counter()
    govinfo.parse(text, template=template, max_bytes=size * 4)
    return time.perf_counter() - start


def _inputs(quick: bool) -> list[tuple[str, list[bytes], list[bytes]]]:
    """(name, text inputs, HTML inputs) for each template."""
    example = govinfo.parse_example()
    real = {t: [(SEEDS / name).read_bytes() for name in names] for t, names in REAL.items()}
    real["v2021"] = [example.text.encode("utf-8")]
    v2019 = _generated(5 if quick else 20, "v2019")
    dense = _generated(5 if quick else 40, "v2021")

    def html(texts: list[bytes]) -> list[bytes]:
        return [render_html(govinfo.parse(t).report).encode("utf-8") for t in texts]

    def tables(reports: list[govinfo.Report]) -> list[bytes]:
        return [render_text(r).encode("utf-8") for r in reports]

    return [
        ("v2015", real["v2015"], html(real["v2015"])),
        ("v2019 (generated, in prose)", [_in_prose(r, example.text) for r in v2019],
         [render_html(r).encode("utf-8") for r in v2019]),
        ("v2021", real["v2021"], html(real["v2021"])),
        ("prose-only", real["prose-only"], []),
        ("stress: v2019 tables only", tables(v2019), []),
        ("stress: v2021 tables only", tables(dense), []),
    ]  # fmt: skip


TESTS = pathlib.Path(__file__).parent.parent / "tests"


def _pdf_inputs() -> list[tuple[str, bytes]]:
    """PDFs of the example report: drawn by reportlab, printed by Chromium and LibreOffice.

    The printed ones only where this machine has the programs.
    """
    sys.path.insert(0, str(TESTS))
    from shapes import PdfLook, example_docx, report_pdf  # noqa: PLC0415 - the tests' makers

    report = govinfo.parse_example().report
    out = [
        ("reportlab, ruled", report_pdf(report, PdfLook(header="页眉", footer="页脚"))),
        ("reportlab, borderless", report_pdf(report, PdfLook(ruled=False))),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        html = pathlib.Path(tmp, "report.html")
        html.write_text(render_html(report), "utf-8")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium:
            pdf = pathlib.Path(tmp, "chromium.pdf")
            subprocess.run(  # noqa: S603 - the machine's own Chromium
                [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                 f"--print-to-pdf={pdf}", str(html)],
                capture_output=True, check=False, timeout=120,
            )  # fmt: skip
            if pdf.exists():
                out.append(("Chromium-printed, ruled", pdf.read_bytes()))
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office:
            docx = pathlib.Path(tmp, "report.docx")
            docx.write_bytes(example_docx())
            subprocess.run(  # noqa: S603 - the machine's own LibreOffice
                [office, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                capture_output=True, check=False, timeout=180,
            )  # fmt: skip
            pdf = pathlib.Path(tmp, "report.pdf")
            if pdf.exists():
                out.append(("Word-printed (LibreOffice), borderless", pdf.read_bytes()))
    return out


def _bare_text(data: bytes) -> int:
    """PDFium's bare text extraction of every page: the floor of reading a PDF."""
    import pypdfium2  # noqa: PLC0415

    pdf = pypdfium2.PdfDocument(data)
    chars = 0
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return chars


def _docx_floor(data: bytes) -> int:
    """Unzip word/document.xml and parse it with lxml: the floor of reading a .docx."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = lxml.etree.fromstring(archive.read("word/document.xml"))
    return len(root)


def _documents(repeat: int, rounds: int) -> None:
    """PDF and Word rows: pages/s, and each read's time over its floor's, alternated."""
    import pypdfium2  # noqa: PLC0415

    sys.path.insert(0, str(TESTS))
    from shapes import example_docx  # noqa: PLC0415

    print(f"\n{'PDF and Word (floor beside each)':46} {'pages/s':>9} {'ratio':>6}  target")
    for name, data in _pdf_inputs():
        pages = len(pypdfium2.PdfDocument(data))
        fns = [
            lambda d=data: _bare_text(d),
            lambda d=data: from_pdf(d),
            lambda d=data: govinfo.parse(d),
        ]
        times = _times(fns, max(1, repeat // 10), rounds)
        labels = [
            (f"floor: {name}, PDFium text", ""),
            (f"read:  {name}, from_pdf", "ratio ≤ 2"),
            (f"parse: {name}", "≥ 20 pages/s"),
        ]
        for (label, target), seconds in zip(labels, times, strict=True):
            ratio = f"{_ratio(seconds, times[0]):.1f}" if label.startswith("read") else ""
            print(f"{label:46} {pages / min(seconds):9,.0f} {ratio:>6}  {target}")
    docx = example_docx()
    times = _times([lambda: _docx_floor(docx), lambda: from_docx(docx)], repeat, rounds)
    print(f"{'floor: .docx, unzip + lxml':46} {1 / min(times[0]):9,.0f} {'':>6}  (documents/s)")
    ratio = _ratio(times[1], times[0])
    print(f"{'read:  .docx, from_docx':46} {1 / min(times[1]):9,.0f} {ratio:6.1f}  ratio ≤ 3")


#: Import statements timed in fresh interpreters: the floor, then govinfo's.
IMPORTS = (
    ("floor: import attrs, cattrs", "import attrs, cattrs", ""),
    ("import govinfo", "import govinfo", "ratio ≤ 2 (≤ 80 ms at a 40 ms floor)"),
    ("import govinfo, the reader loaded", "import govinfo; govinfo.parse", ""),
)


def _import_seconds(statement: str) -> float:
    """Seconds ``statement`` takes in a fresh interpreter, timed inside it."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    # Warm means bytecode cached: let the interpreter write it, whatever this shell says.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.run(  # noqa: S603 - this interpreter, our own statement
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return float(proc.stdout)


def _imports(rounds: int) -> None:
    """Import rows: milliseconds, and each import's time over its floor's, alternated."""
    for _, statement, _ in IMPORTS:
        _import_seconds(statement)  # writes the bytecode: every timed run is warm
    times: list[list[float]] = [[] for _ in IMPORTS]
    for _ in range(rounds * 2):
        for (_, statement, _), seconds in zip(IMPORTS, times, strict=True):
            seconds.append(_import_seconds(statement))
    print(f"\n{'imports (fresh interpreters)':46} {'ms':>9} {'ratio':>6}  target")
    for (name, _, target), seconds in zip(IMPORTS, times, strict=True):
        ratio = "" if name.startswith("floor") else f"{_ratio(seconds, times[0]):.1f}"
        print(f"{name:46} {statistics.median(seconds) * 1e3:9.1f} {ratio:>6}  {target}")


def _cores() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _cli_parse(files: list[str], jobs: int) -> None:
    """``govinfo parse FILES -j JOBS --format jsonl``, its output thrown away."""
    argv = ["parse", *files, "-j", str(jobs), "--format", "jsonl", "-o", os.devnull]
    _cli.main(argv, out=io.StringIO(), err=io.StringIO())


def _side_by_side(files: list[str], jobs: int) -> None:
    """``jobs`` processes, each ``govinfo parse -j 1`` over its share of ``files``, at once."""
    share = len(files) // jobs + 1
    processes = [
        multiprocessing.Process(target=_cli_parse, args=(files[i : i + share], 1))
        for i in range(0, len(files), share)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()


def _whole_results(files: list[str], jobs: int) -> None:
    """``parse_many``: every result sent back whole, as the Python API gives it."""
    for item in govinfo.parse_many(files, jobs=jobs):
        assert item.result is not None  # noqa: S101 - a benchmark of what was parsed


def _in_turn(
    run: Callable[[list[str], int], None], batches: list[list[str]], jobs: int
) -> Callable[[], None]:
    """A call that runs ``run`` over the next batch of files (each batch once)."""
    turn = iter(batches)
    return lambda: run(next(turn), jobs)


#: A child's resident memory at its highest: the largest worker of a batch run.
_WORKER_RSS = """
import io, os, resource, sys
from govinfo import _cli
files = sys.argv[2:]
_cli.main(["parse", *files, "-j", sys.argv[1], "--format", "jsonl", "-o", os.devnull],
          out=io.StringIO(), err=io.StringIO())
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _rss(files: list[str], jobs: int) -> tuple[float, float]:
    """MiB at their highest of the largest worker and of the main process of a batch run."""
    proc = subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", _WORKER_RSS, str(jobs), *files],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    worker, main = map(float, proc.stdout.split())
    return worker, main


def _jobs(repeat: int, rounds: int) -> None:
    """``govinfo parse -j N`` on N cores against one process × N, alternated.

    Each call parses files it has never seen (the example renumbered), as a
    long batch run does. Two floors: one process (``-j 1``) over all the
    files, whose rate times N is what N cores could give at best; and N
    processes side by side, each ``-j 1`` over its share, which meet the
    machine's other loads as the N workers do.
    """
    jobs = max(2, _cores())
    size = repeat * 2
    example = govinfo.example_text().encode("utf-8")
    runs = (_cli_parse, _side_by_side, _cli_parse, _whole_results)
    calls = rounds + 3  # the warm-up and the two of the memory measurement
    with tempfile.TemporaryDirectory() as tmp:
        reports = _distinct([example], size * (calls * len(runs) + 5))
        paths = []
        for i, data in enumerate(reports):
            path = pathlib.Path(tmp, f"{i // size:03}", f"{i % size:04}.txt")
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            paths.append(str(path))
        batches = [paths[i : i + size] for i in range(0, len(paths), size)]
        sized = iter(batches)
        fns = [
            _in_turn(run, [next(sized) for _ in range(calls)], 1 if i == 0 else jobs)
            for i, run in enumerate(runs)
        ]
        for fn in fns:
            fn()  # the warm-up
        times = _times(fns, 1, rounds)
        peaks = [_peak(fn) for fn in fns]
        rss = [_rss(next(sized), jobs), _rss([p for _ in range(4) for p in next(sized)], jobs)]
    best = [size / min(seconds) for seconds in times]
    ratios = [
        statistics.median(s1 / (jobs * sn) for s1, sn in zip(times[0], seconds, strict=True))
        for seconds in times
    ]
    beside = [
        statistics.median(sb / sn for sb, sn in zip(times[1], seconds, strict=True))
        for seconds in times
    ]
    print(f"\n{f'batch on {jobs} cores (v2021 renumbered, each once)':46} {'reports/s':>9} "
          f"{'peak MiB':>9} {'ratio':>6} {'beside':>6}  target")  # fmt: skip
    labels = [
        (f"floor: one process × {jobs} (-j 1)", ""),
        (f"floor: {jobs} processes side by side, -j 1 each", ""),
        (f"govinfo parse -j {jobs} --format jsonl", f"ratio ≥ 0.85 (≥ 0.85·{jobs} × -j 1)"),
        (f"parse_many(jobs={jobs}), whole results", ""),
    ]
    for i, (label, target) in enumerate(labels):
        rate = best[i] * (jobs if i == 0 else 1)
        ratio = "" if i == 0 else f"{ratios[i]:.2f}"
        side = "" if i < 2 else f"{beside[i]:.2f}"
        print(f"{label:46} {rate:9,.0f} {peaks[i]:9.2f} {ratio:>6} {side:>6}  {target}")
    print(
        f"memory of -j {jobs}: the largest worker {rss[0][0]:.0f} MiB after {size} files, "
        f"{rss[1][0]:.0f} MiB after {size * 4}; the main process {rss[0][1]:.0f} and "
        f"{rss[1][1]:.0f} MiB"
    )


def main() -> None:
    """Run the benchmarks and print one row per operation."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="small sizes (CI)")
    args = ap.parse_args()
    repeat = 10 if args.quick else 100
    rounds = 5 if args.quick else 15

    example = govinfo.parse_example()
    report = example.report
    compact = govinfo.to_json(report, indent=None)

    # (name, function, reports per call, target); a parse row follows its floor row.
    rows: list[tuple[str, Callable[[], object], int, str]] = []
    for name, texts, pages in _inputs(args.quick):
        target = "≥ 1,000/s, ratio ≤ 10" if name == "v2021" else "ratio ≤ 10"
        if name.startswith("stress"):
            target = "none: stress"
        rows += [
            (f"floor: {name} text", _each(_floor, [texts]), len(texts), ""),
            (f"parse: {name} text", _each(govinfo.parse, [texts]), len(texts), target),
        ]
        if pages:
            rows += [
                (f"floor: {name} HTML", _each(_floor_html, [pages]), len(pages), ""),
                (f"parse: {name} HTML", _each(govinfo.parse, [pages]), len(pages), "ratio ≤ 10"),
            ]
    # A batch: each report parsed once, after a warm-up on others (as in a long run).
    # Two batches more than rounds (the memory measurement parses two more), and the warm-up.
    reports = _distinct([example.text.encode("utf-8")], repeat * (rounds + 3))
    batches = [reports[i : i + repeat] for i in range(0, len(reports), repeat)]
    for item in batches.pop():
        govinfo.parse(item)
    rows += [
        ("floor: batch, v2021 renumbered, each once", _each(_floor, batches), repeat, ""),
        (
            "parse: batch, v2021 renumbered, each once",
            _each(govinfo.parse, batches),
            repeat,
            "≥ 1,000/s, ratio ≤ 10",
        ),
    ]
    rows += [
        ("floor: JSON, orjson loads + dumps", lambda: orjson.dumps(orjson.loads(compact)), 1, ""),
        ("JSON round trip (compact, v2021)",
         lambda: govinfo.from_json(govinfo.to_json(report, indent=None)), 1, "ratio ≤ 1.8"),
        ("to_json (indent=2)", lambda: govinfo.to_json(report), 1, ""),
        ("from_json", lambda: govinfo.from_json(compact), 1, ""),
        ("validate", lambda: govinfo.validate(report), 1, ""),
        ("convert v2021 → v2015", lambda: govinfo.convert(report, to="v2015"), 1, ""),
        ("core", lambda: govinfo.core(report), 1, ""),
    ]  # fmt: skip
    backend = "msgspec" if msgspec_module is not None else "json (standard library)"
    reader = "pure Python" if cells.__file__.endswith(".py") else "compiled by mypyc"
    print(f"govinfo {govinfo.__version__}, the reader {reader}")
    # docs/guides/batch.md records this figure beside its tables: compare machines with it.
    print(f"reports' JSON through {backend}; machine reference: {_reference():.0f} µs")
    print(f"{'operation':40} {'reports/s':>11} {'peak MiB':>9} {'ratio':>6}  target")
    i = 0
    while i < len(rows):
        paired = rows[i][0].startswith("floor:")
        group = rows[i : i + 2] if paired else rows[i : i + 1]
        times = _times(
            [fn for _, fn, _, _ in group],
            max(1, repeat // group[-1][2]),
            rounds=rounds,
        )
        for (name, fn, per_call, target), seconds in zip(group, times, strict=True):
            over_floor = paired and not name.startswith("floor:")
            ratio = f"{_ratio(seconds, times[0]):.1f}" if over_floor else ""
            peak = _peak(fn)
            rate = per_call / min(seconds)
            print(f"{name:40} {rate:11,.0f} {peak:9.2f} {ratio:>6}  {target}")
        i += len(group)
    _jobs(repeat, rounds)
    _imports(rounds)
    _documents(repeat, rounds)
    sizes = (256_000, 1_024_000) if args.quick else (1_250_000, 5_000_000)
    for what, make, template in (
        ("adversarial input", _adversarial, None),
        ("adversarial input", _adversarial, "v2015"),
        ("digits run together", _run_together, "v2021"),
    ):
        seconds = [make(size, template) for size in sizes]
        growth = seconds[1] / seconds[0]
        print(
            f"{what} ({template or 'detected'}): {sizes[0]:,} B in {seconds[0]:.2f} s, "
            f"{sizes[1]:,} B in {seconds[1]:.2f} s (×{growth:.1f} for ×{sizes[1] / sizes[0]:.0f} "
            f"the size: {'linear' if growth < 1.5 * sizes[1] / sizes[0] else 'SUPERLINEAR'})"
        )


if __name__ == "__main__":
    main()
