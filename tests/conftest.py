"""Hypothesis profiles (select one with HYPOTHESIS_PROFILE); shared helpers live in helpers.py."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=10, deadline=None)
# On demand, never in CI: tests/fuzz (7 tests of 150,000 inputs; see its conftest).
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("GOVINFO_FUZZ_EXAMPLES", "150000")),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default")
)
