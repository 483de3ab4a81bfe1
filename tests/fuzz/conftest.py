"""The fuzz run (``HYPOTHESIS_PROFILE=fuzz``): a memory cap, and its figures at the end.

On demand only: without the profile every test here is skipped, so CI never
runs them. ``GOVINFO_FUZZ_EXAMPLES`` sets the inputs per test (default
150,000: over a million in the 7 tests), ``GOVINFO_FUZZ_SECONDS`` a time
budget per test instead (the inputs Hypothesis makes past it are not run),
``GOVINFO_FUZZ_MEMORY`` the cap on the address space in MiB (default 4096),
and ``GOVINFO_FUZZ_REPORT`` a file for the figures as JSON.
"""

from __future__ import annotations

import collections
import json
import os
import resource
import time

import pytest

FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
MEMORY = int(os.environ.get("GOVINFO_FUZZ_MEMORY", "4096")) * 2**20
SECONDS = float(os.environ.get("GOVINFO_FUZZ_SECONDS", "inf"))

_STARTED = time.monotonic()

if FUZZING:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


class Outcomes:
    """How each input ended, by entry point ("ok", or the error's type or exit status)."""

    def __init__(self) -> None:
        self.counts: collections.Counter[tuple[str, str]] = collections.Counter()
        self.checked = 0
        self.started: dict[str, float] = {}
        self.seconds: dict[str, float] = {}

    def over(self, test: str) -> bool:
        """Whether ``test`` has spent its time budget (its first call starts the clock)."""
        now = time.monotonic()
        start = self.started.setdefault(test, now)
        self.seconds[test] = now - start
        return now - start > SECONDS

    def ended(self, entry: str, outcome: str) -> None:
        """Count one input of ``entry`` that ended in ``outcome``."""
        self.counts[entry, outcome] += 1

    def figures(self) -> dict[str, object]:
        """The run's figures: inputs, time, outcomes by entry point and type, peak memory."""
        by_entry: dict[str, dict[str, int]] = collections.defaultdict(dict)
        for (entry, outcome), n in sorted(self.counts.items()):
            by_entry[entry][outcome] = n
        return {
            "inputs": sum(self.counts.values()),
            "results_checked": self.checked,
            "seconds": round(time.monotonic() - _STARTED),
            "seconds_by_test": {t: round(s) for t, s in sorted(self.seconds.items())},
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "memory_cap_mib": MEMORY // 2**20,
            "outcomes": by_entry,
        }


OUTCOMES = Outcomes()


@pytest.fixture(scope="session")
def outcomes() -> Outcomes:
    """The counter the tests add each input's outcome to."""
    return OUTCOMES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the figures (and write them where ``GOVINFO_FUZZ_REPORT`` says)."""
    if not OUTCOMES.counts:
        return
    data = OUTCOMES.figures()
    terminalreporter.write_sep("=", "fuzz figures")
    terminalreporter.write_line(json.dumps(data, indent=1, ensure_ascii=False))
    report = os.environ.get("GOVINFO_FUZZ_REPORT")
    if report:
        with open(report, "w", encoding="utf-8") as fh:  # noqa: PTH123
            json.dump(data, fh, indent=1, ensure_ascii=False)
