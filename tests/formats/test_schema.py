"""The JSON Schema of each template describes exactly the JSON govinfo writes."""

from __future__ import annotations

import copy
import functools
import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import govinfo
from govinfo._errors import UnknownTemplateError
from govinfo.formats.json import unstructure
from govinfo.formats.schema import json_schema, schema_json
from govinfo.models import REGISTRY, TEMPLATES
from govinfo.testing import reports
from helpers import SEEDS, run_cli

SEED_FILES = sorted(SEEDS.glob("*.txt"))
#: Seed 001 is an unfilled model essay (every figure "xx"): it holds no report.
REPORT_SEEDS = [p for p in SEED_FILES if not p.name.startswith("001_")]
TEMPLATE_IDS = sorted(TEMPLATES)
CJK = re.compile(r"[\u4e00-\u9fff]")


@functools.cache
def validator(template: str) -> Draft202012Validator:
    return Draft202012Validator(
        json_schema(template), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def errors(template: str, data: object) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator(template).iter_errors(data)]


def blank(template: str) -> dict[str, Any]:
    """The JSON data of an empty report of ``template``."""
    return unstructure(TEMPLATES[template]())


def at(schema: dict[str, Any], dotted: str) -> dict[str, Any]:
    node = schema
    for part in dotted.split("."):
        node = node["properties"][part]
    return node


@pytest.mark.parametrize("template", TEMPLATE_IDS)
def test_schema_is_a_valid_draft_2020_12_schema(template):
    """Each template's schema is itself a valid draft 2020-12 JSON Schema."""
    schema = json_schema(template)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://govinfo-cn.readthedocs.io/schema/{template}.json"
    assert schema["title"]
    assert schema["description"]


@pytest.mark.parametrize("template", TEMPLATE_IDS)
def test_schema_json_is_the_schema_as_text(template):
    """schema_json is json_schema as indented JSON text with the Chinese labels unescaped."""
    text = schema_json(template)
    assert json.loads(text) == json_schema(template)
    assert "本年" in text or "主动公开" in text
    assert "\\u" not in text


def test_unknown_template_is_rejected():
    """An unknown template id raises UnknownTemplateError."""
    with pytest.raises(UnknownTemplateError, match="v1999"):
        json_schema("v1999")


@pytest.mark.parametrize("template", TEMPLATE_IDS)
def test_empty_report_validates(template):
    """The JSON of an all-blank report of each template validates."""
    assert errors(template, blank(template)) == []


@pytest.mark.parametrize("template", TEMPLATE_IDS)
@given(data=st.data())
def test_generated_reports_validate(template, data):
    """The JSON of any report govinfo.testing generates validates against its template's schema."""
    report = data.draw(reports(template))
    assert errors(template, json.loads(govinfo.to_json(report))) == []


def _cli_cases() -> list[Any]:
    cases = [pytest.param([str(p)], id=p.stem) for p in REPORT_SEEDS]
    cases += [
        pytest.param(["--example", "--template", t], id=f"example-as-{t}") for t in TEMPLATE_IDS
    ]
    return cases


@pytest.mark.parametrize("args", _cli_cases())
def test_cli_json_validates(args):
    """`govinfo parse --format json` output, file and diagnostics included, validates."""
    proc = run_cli("parse", *args, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"file", "diagnostics"} <= data.keys()
    assert errors(data["template"], data) == []


def test_seed_diagnostics_are_covered():
    """The seeds exercise the diagnostics schema with at least one span."""
    assert REPORT_SEEDS
    proc = run_cli("parse", *map(str, REPORT_SEEDS), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    docs = json.loads(proc.stdout)
    assert len(docs) == len(REPORT_SEEDS)
    assert any(d["span"] is not None for doc in docs for d in doc["diagnostics"])
    for doc in docs:
        assert errors(doc["template"], doc) == []


def _set(data: dict[str, Any], dotted: str, value: object) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data[part]
    data[last] = value


def _drop(data: dict[str, Any], dotted: str) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        data = data[part]
    del data[last]


INVALID = [
    pytest.param("v2021", "requests.new.total", "3", id="string-for-integer"),
    pytest.param("v2021", "requests.new.total", 3.5, id="fraction-for-integer"),
    pytest.param("v2021", "requests.new.total", True, id="boolean-for-integer"),
    pytest.param("v2021", "requests.new.natural_person", -1, id="negative-count"),
    pytest.param("v2015", "complaints", -2, id="negative-root-count"),
    pytest.param("v2021", "active.fees.amount", 1.5, id="number-for-money"),
    pytest.param("v2021", "active.fees.amount", "1,5", id="malformed-money"),
    pytest.param("v2019", "active.procurement.amount_unit", "件", id="unknown-unit"),
    pytest.param("v2021", "meta.published", "2021-13-01", id="invalid-date"),
    pytest.param("v2021", "meta.year", "2021", id="string-year"),
    pytest.param("v2021", "meta.tables_found", None, id="null-boolean"),
    pytest.param("v2021", "requests.new", None, id="null-row"),
    pytest.param("v2021", "file", 3, id="non-string-file"),
    pytest.param("v2021", "diagnostics", [{"code": "x"}], id="incomplete-diagnostic"),
]


@pytest.mark.parametrize(("template", "key", "value"), INVALID)
def test_wrong_values_are_rejected(template, key, value):
    """A value of the wrong type or out of range at a known key is rejected."""
    data = blank(template)
    _set(data, key, value)
    found = errors(template, data)
    assert found
    assert all(e.startswith(f"$.{key}") for e in found), found


@pytest.mark.parametrize(
    "key", ["bogus", "meta.bogus", "requests.bogus", "requests.new.bogus", "requests.denied.bogus"]
)
def test_extra_keys_are_rejected(key):
    """A key the converter never writes is rejected at every level."""
    data = blank("v2021")
    _set(data, key, 1)
    found = errors("v2021", data)
    assert len(found) == 1
    assert "'bogus' was unexpected" in found[0]


@pytest.mark.parametrize("key", ["template", "meta", "meta.year", "requests.new.total"])
def test_missing_keys_are_rejected(key):
    """Every key the converter writes is required (blank is null, not absent)."""
    data = blank("v2021")
    _drop(data, key)
    assert errors("v2021", data)


@pytest.mark.parametrize("template", TEMPLATE_IDS)
def test_other_template_const_is_rejected(template):
    """A report claiming another template (or none known) fails the template const."""
    for other in [*(t for t in TEMPLATE_IDS if t != template), "v1999"]:
        data = blank(template)
        data["template"] = other
        found = errors(template, data)
        assert found == [f"$.template: {template!r} was expected"]


def test_signed_cells_accept_negative_values():
    """A signed cell (本年增/减) accepts a negative count, unlike every other count."""
    data = blank("v2019")
    _set(data, "active.licensing.change", -3)
    assert errors("v2019", data) == []


@pytest.mark.parametrize("value", ["0", "12.5", "-3", "1E-7", "0.0005", None])
def test_money_accepts_what_decimal_str_writes(value):
    """Money accepts every form str(Decimal) writes, and null."""
    data = blank("v2021")
    _set(data, "active.fees.amount", value)
    _set(data, "meta.processing_fee_yuan", value)
    assert errors("v2021", data) == []


@pytest.mark.parametrize("template", TEMPLATE_IDS)
def test_every_cell_has_its_chinese_label(template):
    """Every cell key sits at its dotted path with the official Chinese label as title."""
    schema = json_schema(template)
    cells = REGISTRY[template].cells
    assert cells
    for cell in cells:
        node = at(schema, cell.key)
        assert node["title"] == cell.label, cell.key
        assert CJK.search(node["title"]), cell.key
        assert node["description"], cell.key
        if cell.column.unit and not cell.column.unit_of and cell.column.unit != "as written":
            assert cell.column.unit in node["description"], cell.key


@pytest.mark.parametrize("template", TEMPLATE_IDS)
def test_every_object_is_closed_and_fully_required(template):
    """Every object schema forbids extra keys and requires all of its properties."""

    def walk(node: dict[str, Any], path: str) -> None:
        if "properties" in node:
            assert node["additionalProperties"] is False, path
            required = set(node["required"])
            if path == "$":
                assert set(node["properties"]) - required == {"file", "diagnostics"}
            else:
                assert required == set(node["properties"]), path
            for name, sub in node["properties"].items():
                assert sub.get("title"), f"{path}.{name}"
                walk(sub, f"{path}.{name}")
        if "items" in node:
            walk(node["items"], f"{path}[]")

    walk(json_schema(template), "$")


@pytest.mark.parametrize("template", TEMPLATE_IDS)
def test_schema_keys_follow_the_json_order(template):
    """The schema's properties list the keys in the order unstructure writes them."""
    data = blank(template)
    schema = json_schema(template)

    def walk(obj: dict[str, Any], node: dict[str, Any]) -> None:
        assert list(obj) == [k for k in node["properties"] if k in obj]
        for key, value in obj.items():
            if isinstance(value, dict):
                walk(value, node["properties"][key])

    walk(data, schema)
    assert list(schema["properties"])[-2:] == ["file", "diagnostics"]


def test_each_call_returns_a_fresh_schema():
    """json_schema returns a fresh dict each call, so callers may change it freely."""
    first = json_schema("v2021")
    pristine = copy.deepcopy(first)
    first["properties"].clear()
    assert json_schema("v2021") == pristine
