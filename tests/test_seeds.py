"""The acceptance seeds, run as data-driven cases (one test per seed and key)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import govinfo
from helpers import SEEDS, flatten, same_value, seed_expected, seed_text

# Seeds whose template arrives with a later issue; strict xfail flags the day they pass.
PENDING: dict[str, str] = {}


def _cases() -> list[object]:
    cases = []
    for path in sorted(SEEDS.glob("*.expected.json")):
        stem = path.name[:3]
        marks = [pytest.mark.xfail(reason=PENDING[stem], strict=True)] if stem in PENDING else []
        cases.append(pytest.param(stem, id=path.name.split(".")[0], marks=marks))
    return cases


@pytest.mark.parametrize("stem", _cases())
def test_seed_matches_every_expected_value(stem: str) -> None:
    """Every value of the seed's expected.json comes out of the JSON form of the parse."""
    expected = seed_expected(stem)
    result = govinfo.parse(seed_text(stem))
    flat = flatten(json.loads(govinfo.to_json(result.report)))
    if expected["template"] in ("v2015", "v2019", "v2021"):  # else "narrative": any era
        assert flat.get("template") == expected["template"]
    misses = {
        key: (flat.get(key, "<missing>"), want)
        for key, want in expected["expected"].items()
        if key not in flat or not same_value(want, flat[key])
    }
    assert misses == {}


def test_seed_004_is_clean_and_traceable() -> None:
    """Seed 004 parses with no warnings, validates clean, and every cell points at its source."""
    text = seed_text("004")
    result = govinfo.parse(text)
    assert [d.code for d in result.diagnostics if d.severity is not govinfo.Severity.INFO] == []
    assert govinfo.validate(result.report).ok
    assert result.report.meta.tables_found is True
    assert result.report.meta.processing_fee_yuan == Decimal(0)
    span = result.source_of("active.licensing.decisions")
    assert span is not None
    assert text[span.start : span.end] == "146"
    assert text.splitlines()[span.line - 1] == "146 |"
    assert result.quote("active.penalty.decisions") == "2"
    # all 175 cells of table 三 and 15 of table 四 were read from the input
    keys = [k for k in result.sources if k.startswith(("requests.", "review_litigation."))]
    assert len(keys) == 25 * 7 + 15
