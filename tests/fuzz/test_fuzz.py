"""Hostile inputs through every entry point: a result or a documented error, bounded (#22).

Run on demand: ``HYPOTHESIS_PROFILE=fuzz pytest tests/fuzz`` (see conftest.py
for the knobs). Each input is a real report (text in several encodings, HTML,
PDF, Word, parse's JSON and records) mutated at random, or made from scratch,
and goes through one entry point. What must hold:

- every input ends in a result or one of govinfo's documented errors
  (``GovinfoError`` subclasses; the CLI: one of its documented statuses);
- every value of a result was read from the input (it has a source, and its
  quote holds its figure) and survives the JSON round trip;
- the process stays under the memory cap (an allocation past it fails, and
  the test with it).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo._cli import EXIT_CODES, main
from govinfo.models import REGISTRY, TEMPLATES
from govinfo.reading.labels import INDEXES
from helpers import SEED_FILES
from shapes import example_docx, example_pdf

if TYPE_CHECKING:
    from collections.abc import Callable

if os.environ.get("HYPOTHESIS_PROFILE") != "fuzz":  # before the inputs are made
    pytest.skip("on demand: HYPOTHESIS_PROFILE=fuzz", allow_module_level=True)

_TEXTS = [govinfo.example_text(), *(p.read_text("utf-8") for p in SEED_FILES)]
_EXAMPLE = govinfo.parse_example().report
#: Reports of each template: the example, the seeds, and the example converted.
_REPORTS = [
    _EXAMPLE,
    *(govinfo.parse(text).report for text in _TEXTS[1:]),
    *(govinfo.convert(_EXAMPLE, to=t).report for t in TEMPLATES if t != "v2021"),
]
_JSON = [govinfo.to_json(r, indent=i).encode() for r in _REPORTS for i in (2, None)]
_HTML = govinfo.render(_EXAMPLE, format="html")
_SOURCES: dict[str, bytes] = {
    ".txt": _TEXTS[0].encode(),
    ".html": _HTML.encode(),
    ".pdf": example_pdf(),
    ".docx": example_docx(),
}

#: What hostile inputs are made of besides a report's own bytes.
_HOSTILE = [
    b"\r", b"\r\n", b"\x85", "\u2028".encode(), b"\xed\xa0\x80", b"\x00", b"|", b"\t",
    b"<table>", b"<tr><td>", b'<td colspan="99999" rowspan="99999">', b"</body></html>",
    b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>&e;", b"&#xD800;",
    b"9" * 40, b"-1", b"1.7", b"xx", "××".encode(), "其中,".encode(), "总计".encode(),
    "一、本年新收政府信息公开申请数量".encode(), "行政复议".encode(), b"\xef\xbb\xbf",
    b"PK\x03\x04", b"%PDF-1.4\n", b"\xd0\xcf\x11\xe0",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with 1–20 edits: bytes deleted, flipped, repeated, or hostile pieces put in."""
    raw = bytearray(data)
    for _ in range(draw(st.integers(1, 20))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        edit = draw(st.sampled_from(["delete", "flip", "repeat", "insert", "truncate"]))
        if edit == "delete":
            del raw[at : at + draw(st.integers(1, 400))]
        elif edit == "flip":
            raw[at] ^= draw(st.integers(1, 255))
        elif edit == "repeat":
            piece = raw[at : at + draw(st.integers(1, 400))]
            raw[at:at] = piece * draw(st.integers(1, 50))
        elif edit == "insert":
            raw[at:at] = draw(st.sampled_from(_HOSTILE)) * draw(st.integers(1, 300))
        else:
            del raw[at:]
    return bytes(raw)


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


report_bytes = st.one_of(
    st.builds(
        _encoded, st.sampled_from(_TEXTS), st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"])
    ).flatmap(mutated),
    st.sampled_from(list(_SOURCES.values())).flatmap(mutated),
    st.binary(max_size=4000),
)

#: Every template's table titles, row labels and header words, as the label index keeps them.
_WORDS = sorted(
    {w for index in INDEXES.values() for w in (*index.anchors, *index.rows, *index.headers)}
)

report_texts = st.one_of(
    report_bytes.map(lambda b: b.decode("utf-8", errors="surrogateescape")),
    # The templates' words and figures in any order, as PDF text in drawing order has them.
    st.builds(
        str.join,
        st.sampled_from(["\n", "\n\n", " ", " | ", "   ", "\t"]),
        st.lists(st.one_of(st.sampled_from(_WORDS), st.integers(-99, 9999).map(str)), max_size=200),
    ),
    st.text(
        alphabet="行政许可复议诉讼总计其中件条元0123456789|\r\n\u2028\x85 —/xX×\ud800（）:",
        max_size=3000,
    ),
)


def _record(outcomes: Any, entry: str, call: Callable[[], Any]) -> Any:
    """Run ``call``; count how it ended. Anything but a GovinfoError fails the test."""
    try:
        result = call()
    except govinfo.GovinfoError as exc:
        outcomes.ended(entry, type(exc).__name__)
        return None
    outcomes.ended(entry, "ok")
    return result


_DIGITS = re.compile(r"[\s,，]")
_NUMERALS = re.compile("[零〇一二两三四五六七八九十百千万]")


def _holds(quote: str, value: object) -> bool:
    """Whether the text a value was read from states it (digits, a numeral, or a denial)."""
    if not isinstance(value, int) or isinstance(value, bool) or value == 0:
        return True
    text = _DIGITS.sub("", unicodedata.normalize("NFKC", quote))
    return str(value) in text or _NUMERALS.search(text) is not None


def _check(result: govinfo.ParseResult, outcomes: Any) -> None:
    """A result: every value found in its quote; round trips, checks and exports hold."""
    report = result.report
    for key, value in REGISTRY.of(report).flatten(report).items():
        if value is None:
            continue
        quote = result.quote(key)
        assert quote is not None, f"{key}={value} has no source"
        assert _holds(quote, value), f"{key}={value} read from {quote!r}"
    assert govinfo.from_json(govinfo.to_json(report)) == report
    govinfo.validate(report)
    for fmt in ("text", "md", "html", "table"):
        govinfo.render(report, format=fmt)
    for template in TEMPLATES:
        if template != result.template:
            govinfo.convert(report, to=template)
    govinfo.core(report)
    # A result that holds no report has no records.
    held = [report] if result.template is not None else []
    assert govinfo.from_records(govinfo.records([result])) == held
    outcomes.checked += 1


@given(text=report_texts, template=st.sampled_from([None, *TEMPLATES]))
def test_parse_text(outcomes: Any, text: str, template: str | None) -> None:
    """govinfo.parse of any text."""
    if outcomes.over("test_parse_text"):
        return
    result = _record(outcomes, "parse(str)", lambda: govinfo.parse(text, template=template))
    if result is not None:
        _check(result, outcomes)


@given(data=report_bytes)
def test_parse_bytes(outcomes: Any, data: bytes) -> None:
    """govinfo.parse of any bytes."""
    if outcomes.over("test_parse_bytes"):
        return
    result = _record(outcomes, "parse(bytes)", lambda: govinfo.parse(data))
    if result is not None:
        _check(result, outcomes)


@pytest.fixture(scope="session")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the inputs of parse_file and the CLI are written, one file at a time."""
    return tmp_path_factory.mktemp("fuzz")


@given(
    data=st.sampled_from(sorted(_SOURCES)).flatmap(
        lambda suffix: st.tuples(st.just(suffix), mutated(_SOURCES[suffix]))
    ),
    suffix=st.sampled_from([None, ".txt", ".html", ".pdf", ".docx", ".doc", ""]),
)
def test_parse_file(
    outcomes: Any, folder: Path, data: tuple[str, bytes], suffix: str | None
) -> None:
    """govinfo.parse_file of a mutated file of each kind, under its own or another suffix."""
    if outcomes.over("test_parse_file"):
        return
    kind, raw = data
    path = folder / f"report{kind if suffix is None else suffix}"
    path.write_bytes(raw)
    result = _record(outcomes, f"parse_file({kind})", lambda: govinfo.parse_file(path))
    if result is not None:
        _check(result, outcomes)


@given(
    text=st.one_of(
        st.sampled_from(_JSON).flatmap(mutated),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
            lambda inner: (
                st.lists(inner, max_size=5)
                | st.dictionaries(st.text(max_size=10), inner, max_size=5)
            ),
        ).map(lambda data: json.dumps({"template": "v2021", "meta": data}).encode()),
    ),
    as_text=st.booleans(),
)
def test_from_json(outcomes: Any, text: bytes, as_text: bool) -> None:
    """govinfo.from_json of mutated or made-up JSON, as bytes or text."""
    if outcomes.over("test_from_json"):
        return
    given_as: str | bytes = text.decode("utf-8", errors="surrogateescape") if as_text else text
    report = _record(outcomes, "from_json", lambda: govinfo.from_json(given_as))
    if report is not None:
        assert govinfo.from_json(govinfo.to_json(report)) == report


_VALUES = st.one_of(
    st.none(), st.integers(), st.floats(), st.text(max_size=10), st.decimals(allow_nan=True)
)


@given(report=st.sampled_from(_REPORTS), data=st.data())
def test_from_records(outcomes: Any, report: govinfo.Report, data: st.DataObject) -> None:
    """govinfo.from_records of a report's records with keys, values or templates changed."""
    if outcomes.over("test_from_records"):
        return
    rows = list(govinfo.records([report]))
    for _ in range(data.draw(st.integers(0, 5))):
        if not rows:
            break
        at = data.draw(st.integers(0, len(rows) - 1))
        field = data.draw(st.sampled_from(["value", "key", "template", "drop"]))
        if field == "drop":
            del rows[at]
            continue
        new: object = data.draw(_VALUES if field == "value" else st.text(max_size=30))
        rows[at] = attrs.evolve(rows[at], **{field: new})
    _record(outcomes, "from_records", lambda: govinfo.from_records(rows))


_STATUSES = {code for code, _ in EXIT_CODES}


@given(
    data=st.sampled_from(sorted(_SOURCES)).flatmap(
        lambda suffix: st.tuples(st.just(suffix), mutated(_SOURCES[suffix]))
    ),
    command=st.sampled_from(
        [
            ["parse", "--format", "json"],
            ["parse", "--format", "jsonl"],
            ["parse", "--format", "csv"],
            ["parse", "--format", "table"],
            ["validate"],
            ["validate", "--format", "json"],
            ["render", "--format", "md"],
        ]
    ),
)
def test_cli(outcomes: Any, folder: Path, data: tuple[str, bytes], command: list[str]) -> None:
    """The command line on a mutated file: a documented status, never an exception."""
    if outcomes.over("test_cli"):
        return
    kind, raw = data
    path = folder / f"cli{kind}"
    path.write_bytes(raw)
    out, err = io.StringIO(), io.StringIO()
    status = main([*command, str(path)], out=out, err=err)
    assert status in _STATUSES
    assert "Traceback" not in err.getvalue()
    outcomes.ended(f"cli {command[0]}", f"exit {status}")


@given(data=st.sampled_from(_JSON).flatmap(mutated))
def test_cli_render_json(outcomes: Any, folder: Path, data: bytes) -> None:
    """`govinfo render` of mutated report JSON: a documented status, one line a problem."""
    if outcomes.over("test_cli_render_json"):
        return
    path = folder / "report.json"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(["render", str(path)], out=out, err=err)
    assert status in _STATUSES
    assert all(line.startswith("govinfo: ") for line in err.getvalue().splitlines())
    outcomes.ended("cli render (JSON)", f"exit {status}")
