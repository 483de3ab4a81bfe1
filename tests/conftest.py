"""Shared fixtures and Hypothesis profiles (select with HYPOTHESIS_PROFILE)."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
from typing import Any

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)

DATA = pathlib.Path(__file__).parent / "data"
SEEDS = DATA / "seeds"


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
