"""Throughput of govinfo's main operations, printed as a table (never asserted in tests).

Usage: python benchmarks/run.py [--quick]

Each operation runs on the bundled example report (a real v2021 report, ~9 KB)
and on generated reports in the canonical text layout. The floor is what any
parser must spend anyway: decode the bytes, convert with OpenCC t2s, split into
cells; ``ratio`` is an operation's time over the floor's.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from typing import TYPE_CHECKING

from hypothesis import HealthCheck, given, settings

import govinfo
from govinfo._normalize import _t2s
from govinfo._render import render_text
from govinfo.testing import valid_reports

if TYPE_CHECKING:
    from collections.abc import Callable


def _generated(n: int) -> list[govinfo.Report]:
    out: list[govinfo.Report] = []

    @settings(max_examples=n, database=None, suppress_health_check=list(HealthCheck))
    @given(valid_reports("v2021"))
    def collect(report: govinfo.Report) -> None:
        out.append(report)

    collect()
    return out


def _floor(data: bytes) -> int:
    text = _t2s().convert(data.decode("utf-8"))
    return sum(len(line.split("|")) for line in text.splitlines())


def _measure(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    fn()
    tracemalloc.start()
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # tracemalloc slows the loop; time a clean second run for the rate.
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    elapsed = time.perf_counter() - start
    return repeat / elapsed, peak / 2**20


def main() -> None:
    """Run the benchmarks and print one row per operation."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="small sizes (CI)")
    args = ap.parse_args()
    repeat = 20 if args.quick else 300

    example = govinfo.parse_example().text
    example_bytes = example.encode("utf-8")
    generated = [render_text(r) for r in _generated(10 if args.quick else 50)]
    many = [t.encode("utf-8") for t in generated]
    report = govinfo.parse(example).report
    json_text = govinfo.to_json(report)

    rows = [
        ("floor: example v2021 text", lambda: _floor(example_bytes), 1),
        ("parse: example v2021 text", lambda: govinfo.parse(example_bytes.decode()), 1),
        (
            "floor: generated v2021 text",
            lambda: [_floor(b) for b in many],
            len(generated),
        ),
        (
            "parse: generated v2021 text",
            lambda: [govinfo.parse(b.decode()) for b in many],
            len(generated),
        ),
        ("JSON round trip", lambda: govinfo.from_json(govinfo.to_json(report)), 1),
        ("validate", lambda: govinfo.validate(report), 1),
        ("from_json", lambda: govinfo.from_json(json_text), 1),
    ]
    results = {}
    print(f"{'operation':40} {'reports/s':>12} {'peak MiB':>9} {'ratio':>7}")
    for name, fn, per_call in rows:
        rate, peak = _measure(fn, max(1, repeat // per_call))
        results[name] = rate * per_call
        floor = results.get(name.replace("parse:", "floor:", 1), 0.0)
        ratio = f"{floor / results[name]:.1f}" if name.startswith("parse") and floor else ""
        print(f"{name:40} {results[name]:12,.0f} {peak:9.2f} {ratio:>7}")


if __name__ == "__main__":
    main()
