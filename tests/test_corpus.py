"""The labelled corpus of real report excerpts (tests/data/corpus), scored in the suite.

Every labelled cell is compared as ``../shared/tools/score.py`` compares it.
The misses that remain are listed, each with its reason, in
``tests/data/corpus/misses.txt``: a new miss fails, and so does a listed miss
that is read now (the list is kept honest: take it out). A wrong value — a
value where the label holds another, or a blank — is never acceptable here
unless listed as such.
"""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

import govinfo
from govinfo.models import REGISTRY
from helpers import DATA, flatten, same_value

CORPUS = DATA / "corpus"
CASES = sorted(CORPUS.glob("*.json"))


def _listed() -> dict[tuple[str, str], str]:
    """``{(case, key): reason}`` from misses.txt (``case<TAB>key<TAB>reason`` lines)."""
    out: dict[tuple[str, str], str] = {}
    for line in (CORPUS / "misses.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            case, key, reason = line.split("\t")
            out[case, key] = reason
    return out


LISTED = _listed()


def _misses(path: pathlib.Path) -> dict[str, tuple[object, object]]:
    """``{key: (got, expected)}`` of the labelled cells of one case that are not read."""
    case: dict[str, Any] = json.loads(path.read_text("utf-8"))
    result = govinfo.parse_file(path.with_suffix(".txt"))
    data = json.loads(govinfo.to_json(result.report))
    flat = flatten(data)
    out: dict[str, tuple[object, object]] = {}
    if case["template"] in REGISTRY and data["template"] != case["template"]:
        out["template"] = (data["template"], case["template"])
    for key, want in case["expected"].items():
        got = flat.get(key, "<missing>")
        if got == "<missing>" or not same_value(want, got):
            out[key] = (got, want)
    return out


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_reads_every_cell_but_the_listed_misses(path: pathlib.Path) -> None:
    """No miss beyond the listed ones, no listed miss that is read now, no unlisted wrong value."""
    misses = _misses(path)
    listed = {key for case, key in LISTED if case == path.stem}
    new = {k: v for k, v in misses.items() if k not in listed}
    assert not new, f"new misses (got, expected): {new}"
    fixed = listed - misses.keys()
    assert not fixed, f"read now, take out of misses.txt: {sorted(fixed)}"


def test_corpus_totals() -> None:
    """The corpus as a whole: how many labelled cells, and that each listed miss has a reason."""
    cells = sum(len(json.loads(p.read_text("utf-8"))["expected"]) for p in CASES)
    assert len(CASES) == 37
    assert cells == 725
    assert all(reason.strip() for reason in LISTED.values())
    assert {case for case, _ in LISTED} <= {p.stem for p in CASES}
