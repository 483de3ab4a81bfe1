"""Helpers shared by the tests: the seeds, the CLI, flat views of reports, declared classes."""

from __future__ import annotations

import contextlib
import json
import pathlib
import subprocess
import sys
import time
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from govinfo.models import REGISTRY, RequestsV2021
from govinfo.templates.declare import Years, table

if TYPE_CHECKING:
    from collections.abc import Callable

DATA = pathlib.Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SEED_004 = next(SEEDS.glob("004_*.txt"))


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m govinfo`` with ``args``, for real, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "govinfo", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        check=False,
        timeout=120,
    )


def start_cli(*args: str, **popen: Any) -> subprocess.Popen[bytes]:
    """Start ``python -m govinfo`` with ``args`` (stdout and stderr piped unless given)."""
    popen.setdefault("stdout", subprocess.PIPE)
    popen.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen([sys.executable, "-m", "govinfo", *args], **popen)


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (Linux: /proc)."""
    found: list[int] = []
    for task in pathlib.Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie."""
    try:
        state = pathlib.Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition: Callable[[], bool], *, limit: float = 120) -> None:
    """Poll ``condition`` until it holds (``limit`` seconds guards a hang; no test times it)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the condition never held")
        time.sleep(0.01)


def run_capped(code: str, *, memory: int = 2**30) -> subprocess.CompletedProcess[str]:
    """Run Python ``code`` in a subprocess whose address space is capped at ``memory`` bytes.

    For inputs built to exhaust memory: past the cap the child fails with
    ``MemoryError`` instead of taking the machine down. The timeout only
    guards against a hang; no test asserts on time.
    """
    import resource  # noqa: PLC0415 - POSIX only, and only these tests need it

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=600,
        preexec_fn=cap,
    )


def seed_text(stem: str) -> str:
    """The text of one seed report, by its name prefix (``"004"``)."""
    return next(SEEDS.glob(f"{stem}_*.txt")).read_text("utf-8")


def seed_expected(stem: str) -> dict[str, Any]:
    """The expected.json of one seed report."""
    data: dict[str, Any] = json.loads(
        next(SEEDS.glob(f"{stem}_*.expected.json")).read_text("utf-8")
    )
    return data


def flatten(obj: object, prefix: str = "") -> dict[str, object]:
    """Dotted keys of nested JSON data, as the scorer reads it."""
    out: dict[str, object] = {}
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key == "diagnostics":
                continue
            dotted = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict):
                out.update(flatten(value, dotted))
            else:
                out[dotted] = value
    return out


def cell_values(report: object) -> dict[str, Any]:
    """``{dotted key: value}`` of every cell of ``report`` (its template's flattener)."""
    return REGISTRY.of(report).flatten(report)


def rebuild(report: Any, values: dict[str, Any]) -> Any:
    """A report of ``report``'s template from cell ``values``, keeping its meta."""
    return REGISTRY.of(report).build({"meta": report.meta, **values})


def blanked(report: Any, keys: set[str]) -> Any:
    """``report`` with the cells ``keys`` blank, and the unit of each blank amount too.

    A unit is only ever read beside its amount (as ``govinfo.testing`` makes reports).
    """
    cells = REGISTRY.of(report).cells
    amount_of = {
        c.key: c.row.cell_key(next(x for x in c.row.columns if x.name == c.column.unit_of))
        for c in cells
        if c.column.unit_of is not None
    }
    blank = keys | {unit for unit, amount in amount_of.items() if amount in keys}
    values = cell_values(report)
    return rebuild(report, {k: None if k in blank else v for k, v in values.items()})


def report_class(name: str = "Declared", **declared: object) -> type:
    """A report class of one table (table 三 of 30号) with the class variables ``declared``.

    Every class variable a report declares defaults to an empty or harmless value,
    so that a test changes only the one it is about.
    """
    namespace: dict[str, Any] = {
        "TEMPLATE": "vtest",
        "YEARS": Years(2030),
        "FAMILY": "vtest",
        "RULES": (),
        "SERIES": (),
        "PROSE": (),
        "SECTIONS": (),
        "CUES": (),
        "__annotations__": {"requests": RequestsV2021},
        "requests": table(RequestsV2021, "三、收到和处理政府信息公开申请情况"),
    }
    namespace.update(declared)
    cls: type = attrs.frozen(type(name, (), namespace))
    return cls


def same_value(expected: object, got: object) -> bool:
    """Whether a value read equals a labelled one, compared as ``score.py`` compares them."""
    if expected is None or got is None:
        return expected is None and got is None
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected == got
    try:
        return Decimal(str(expected)) == Decimal(str(got))
    except (InvalidOperation, ValueError):
        return str(expected).strip() == str(got).strip()
