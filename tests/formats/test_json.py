"""JSON form: the dictionary's nesting, blanks as null, Decimal as string, strict reading."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.formats import json as _json
from govinfo.models import ActiveV2021, ApplicantCounts, FeeAmount, Meta, RequestsV2021
from govinfo.testing import reports


class TestRoundTrip:
    """from_json(to_json(r)) == r for every report (dictionary: JSON output)."""

    @given(reports())
    def test_round_trip(self, report: govinfo.Report) -> None:
        """Serializing then reading gives back an equal report, blanks and Decimals included."""
        assert govinfo.from_json(govinfo.to_json(report)) == report

    @given(reports())
    def test_compact_round_trip(self, report: govinfo.Report) -> None:
        """The compact form (indent=None) reads back the same."""
        assert govinfo.from_json(govinfo.to_json(report, indent=None)) == report


def test_shape_follows_the_dictionary() -> None:
    """Keys nest as in the dictionary; template comes first; blank → null; money → string."""
    report = govinfo.ReportV2021(
        meta=Meta(year=2023, published=dt.date(2024, 1, 20), processing_fee_yuan=Decimal(380)),
        active=ActiveV2021(fees=FeeAmount(amount=Decimal("25.1"))),
        requests=RequestsV2021(new=ApplicantCounts(natural_person=3, total=3)),
    )
    data = json.loads(govinfo.to_json(report))
    assert next(iter(data)) == "template"
    assert data["template"] == "v2021"
    assert list(data) == ["template", "meta", "active", "requests", "review_litigation"]
    assert data["meta"]["published"] == "2024-01-20"
    assert data["meta"]["processing_fee_yuan"] == "380"
    assert data["active"]["fees"] == {"amount": "25.1"}
    assert data["active"]["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert data["requests"]["new"]["natural_person"] == 3
    assert data["requests"]["new"]["commercial"] is None
    assert data["requests"]["denied"]["state_secret"]["total"] is None
    assert data["requests"]["other"]["unpaid_fee"]["total"] is None
    assert set(data["review_litigation"]) == {
        "review",
        "litigation_direct",
        "litigation_after_review",
    }
    assert "denied_total" not in data["requests"]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["requests"]["new"].update(total="3"), "$.requests.new.total"),
        (lambda d: d["requests"]["new"].update(total=1.5), "$.requests.new.total"),
        (lambda d: d["requests"]["new"].update(total=True), "$.requests.new.total"),
        (lambda d: d["active"]["fees"].update(amount="abc"), "$.active.fees.amount"),
        (lambda d: d["active"]["fees"].update(amount="NaN"), "$.active.fees.amount"),
        (lambda d: d["meta"].update(published="2024-13-01"), "$.meta.published"),
        (lambda d: d["requests"]["new"].update(extra=1), "extra"),
        (lambda d: d.update(template="v1999"), "$.template"),
    ],
)
def test_bad_json_names_the_path(mutate: object, message: str) -> None:
    """Malformed input raises JSONFormatError whose message names the offending path."""
    data = json.loads(govinfo.to_json(govinfo.ReportV2021()))
    mutate(data)  # type: ignore[operator]
    with pytest.raises(govinfo.JSONFormatError, match=message.replace("$", r"\$")):
        govinfo.from_json(json.dumps(data))


@pytest.mark.parametrize(
    "value", [2**63, 2**64 - 1, -(2**63) - 1, 10**400, 10**4000], ids=lambda v: f"{v.bit_length()}b"
)
@pytest.mark.parametrize("key", ["requests.new.total", "meta.year"])
def test_integers_beyond_64_bits_are_refused(value: int, key: str) -> None:
    """A count (or year) beyond int64 is a JSONFormatError naming its path, by either reader."""
    data = json.loads(govinfo.to_json(govinfo.parse_example().report))
    *parents, name = key.split(".")
    node = data
    for part in parents:
        node = node[part]
    node[name] = value
    for msgspec in (_json.msgspec_module, None):
        saved, _json.msgspec_module = _json.msgspec_module, msgspec
        try:
            with pytest.raises(govinfo.JSONFormatError, match=r"\$\." + key.replace(".", r"\.")):
                govinfo.from_json(json.dumps(data))
        finally:
            _json.msgspec_module = saved
    node[name] = 2**63 - 1
    assert govinfo.from_json(json.dumps(data)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "[" * 5000 + "]" * 5000,
        '{"template": "v2021", "meta": {"title": ' + "[" * 100_000 + "]" * 100_000 + "}}",
        '{"template": "v2021", "meta": {"year": ' + "9" * 5000 + "}}",
        '{"template": "v2021", "meta": {"year": -' + "9" * 100_000 + "}}",
    ],
    ids=["deep", "deep-in-a-report", "5000-digits", "100000-digits"],
)
def test_hostile_json_is_a_typed_error(text: str) -> None:
    """Deep nesting and integers beyond the reader's digit limit raise JSONFormatError."""
    with pytest.raises(govinfo.JSONFormatError):
        govinfo.from_json(text)
    with pytest.raises(govinfo.JSONFormatError):
        govinfo.from_json(text.encode())


def test_deep_data_is_a_typed_error() -> None:
    """Data built in Python, nested deeper than the stack, raises JSONFormatError."""
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(govinfo.JSONFormatError):
        _json.structure({"template": "v2021", "meta": {"title": deep}})


def test_not_json_is_a_typed_error() -> None:
    """Text that is not JSON, or JSON that is not an object, raises JSONFormatError."""
    with pytest.raises(govinfo.JSONFormatError, match="not JSON"):
        govinfo.from_json("{")
    with pytest.raises(govinfo.JSONFormatError, match="JSON object"):
        govinfo.from_json("[]")


def test_cli_envelope_is_accepted() -> None:
    """The CLI's output (with file and diagnostics) reads back as the report."""
    result = govinfo.parse_example()
    data = json.loads(govinfo.to_json(result.report))
    data["file"] = "x.txt"
    data["diagnostics"] = [{"code": "x"}]
    assert govinfo.from_json(json.dumps(data)) == result.report


class TestDicts:
    """to_dict/from_dict: the JSON form as Python data, beside to_json/from_json."""

    @given(reports())
    def test_round_trip(self, report: govinfo.Report) -> None:
        """from_dict(to_dict(r)) == r, and to_dict is what to_json writes."""
        data = govinfo.to_dict(report)
        assert govinfo.from_dict(data) == report
        assert data == json.loads(govinfo.to_json(report))

    def test_from_dict_checks_as_from_json_does(self) -> None:
        """A bad value is a JSONFormatError naming its path; the dict is not changed."""
        data = govinfo.to_dict(govinfo.parse_example().report)
        data["requests"]["new"]["total"] = 1.7
        with pytest.raises(govinfo.JSONFormatError, match=r"\$\.requests\.new\.total"):
            govinfo.from_dict(data)
        assert data["requests"]["new"]["total"] == 1.7
        assert data["template"] == "v2021"

    @pytest.mark.parametrize("data", [{"template": "v2021"}, [], None, 3])
    def test_from_json_given_data_says_what_to_call(self, data: object) -> None:
        """from_json(dict) is no bare TypeError from json.loads: it names from_dict."""
        with pytest.raises(TypeError, match=r"govinfo\.from_dict"):
            govinfo.from_json(data)  # type: ignore[arg-type]


class TestGeneratedCode:
    """The generated (un)structure functions agree with the reference cattrs converter."""

    @given(reports())
    def test_unstructure_matches_the_converter(self, report: govinfo.Report) -> None:
        """Same keys, same order, same values as the converter's unstructuring."""
        reference = _json.converter().unstructure(report, type(report))
        generated = _json.unstructure(report)
        assert list(generated) == ["template", *reference]
        assert json.dumps(generated) == json.dumps({"template": report.TEMPLATE, **reference})

    @given(reports())
    def test_structure_matches_the_converter(self, report: govinfo.Report) -> None:
        """Well-formed data gives the report the converter gives."""
        data = json.loads(govinfo.to_json(report))
        del data["template"]
        assert _json.structurer(type(report))(data) == _json.converter().structure(
            data, type(report)
        )

    @given(reports(), st.data())
    def test_any_wrong_leaf_is_refused(self, report: govinfo.Report, data: st.DataObject) -> None:
        """A leaf of the wrong type never slips through the generated code."""
        doc = json.loads(govinfo.to_json(report))
        path = data.draw(st.sampled_from(_leaf_paths(doc)))
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = data.draw(st.sampled_from([True, 1.5, [], {}]))
        with pytest.raises(govinfo.JSONFormatError, match=r"\$\." + r"\.".join(path)):
            govinfo.from_json(json.dumps(doc))

    def test_missing_keys_take_their_defaults(self) -> None:
        """Omitted cells and rows read as blank, as with the converter."""
        text = '{"template":"v2021","requests":{"new":{"total":3}}}'
        report = govinfo.from_json(text)
        assert isinstance(report, govinfo.ReportV2021)
        assert report.requests.new.total == 3
        assert report.requests.new.natural_person is None
        assert report.meta == Meta()


def _leaf_paths(doc: dict[str, object], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for key, value in doc.items():
        if key == "template" and not prefix:
            continue
        if isinstance(value, dict):
            out += _leaf_paths(value, (*prefix, key))
        elif key != "tables_found":  # the one bool field, where True is right
            out.append((*prefix, key))
    return out


class TestOrjson:
    """The json extra changes speed only: the text is the same byte for byte."""

    @given(reports())
    def test_same_text_with_and_without_the_extra(self, report: govinfo.Report) -> None:
        """to_json gives identical text from msgspec, orjson and the standard library."""
        texts = []
        for msgspec, orjson in [(True, True), (False, True), (False, False)]:
            saved = _json.msgspec_module, _json.orjson_module
            _json.msgspec_module = saved[0] if msgspec else None
            _json.orjson_module = saved[1] if orjson else None
            try:
                texts.append([govinfo.to_json(report), govinfo.to_json(report, indent=None)])
                assert govinfo.from_json(texts[-1][1]) == report
            finally:
                _json.msgspec_module, _json.orjson_module = saved
        assert texts[0] == texts[1] == texts[2]

    def test_orjson_is_used_when_installed(self) -> None:
        """The test install has the extra, so the fast path is what the suite exercises."""
        assert _json.orjson_module is not None

    def test_integers_beyond_64_bits(self) -> None:
        """Written as the standard library writes them; reading them back refuses them."""
        report = govinfo.ReportV2021(requests=RequestsV2021(new=ApplicantCounts(total=10**20)))
        text = govinfo.to_json(report, indent=None)
        assert '"total":100000000000000000000' in text
        with pytest.raises(govinfo.JSONFormatError, match=r"64-bit range @ \$\.requests"):
            govinfo.from_json(text)

    def test_utf16_bytes(self) -> None:
        """Bytes orjson does not read (UTF-16) still read through the standard library."""
        report = govinfo.ReportV2021(meta=Meta(title="某局报告"))
        assert govinfo.from_json(govinfo.to_json(report).encode("utf-16")) == report


class TestLoneSurrogates:
    """A JSON escape of half a surrogate pair is no character: refused with its path (#22, r09)."""

    @pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "x\\udc80y"])
    def test_refused_with_the_path(self, escape: str) -> None:
        """As text or bytes, with or without orjson: JSONFormatError naming $.meta.title."""
        text = govinfo.to_json(govinfo.ReportV2021(meta=Meta(title="TITLE")))
        text = text.replace('"TITLE"', f'"{escape}"')
        for given_as in (text, text.encode(), text.encode("utf-16")):
            with pytest.raises(govinfo.JSONFormatError, match=r"surrogate.*\$\.meta\.title"):
                govinfo.from_json(given_as)

    def test_raw_surrogates_in_a_str(self) -> None:
        """A Python str holding one (no UTF-8 text can) is refused too."""
        text = govinfo.to_json(govinfo.ReportV2021(meta=Meta(title="TITLE")))
        with pytest.raises(govinfo.JSONFormatError, match="surrogate"):
            govinfo.from_json(text.replace("TITLE", "\ud800"))

    def test_a_pair_is_a_character(self) -> None:
        """An escaped surrogate pair (an emoji) is one character, read as such."""
        text = govinfo.to_json(govinfo.ReportV2021(meta=Meta(title="TITLE")))
        report = govinfo.from_json(text.replace("TITLE", "\\ud83d\\ude00"))
        assert report.meta.title == "\U0001f600"


class TestMsgspec:
    """The json extra's reader: what the strict mirrors pass is what the reference reads."""

    def test_msgspec_is_used_when_installed(self) -> None:
        """The test install has the extra, so the fast reader is what the suite exercises."""
        assert _json.msgspec_module is not None
        text = govinfo.to_json(govinfo.parse_example().report, indent=None)
        assert _json._read_checked(text) == govinfo.parse_example().report  # noqa: SLF001

    @given(reports(), st.sampled_from([2, None]), st.booleans())
    def test_it_reads_what_the_reference_reads(
        self, report: govinfo.Report, indent: int | None, envelope: bool
    ) -> None:
        """Compact or indented, in the CLI's envelope or not: the reference's report."""
        data = govinfo.to_dict(report)
        if envelope:
            data = {"file": "a.txt", **data, "diagnostics": [{"code": "x", "where": [1, [2]]}]}
        text = json.dumps(data, indent=indent, ensure_ascii=False)
        assert _json._read_checked(text) == _json.structure(json.loads(text)) == report  # noqa: SLF001
        assert _json._read_checked(text.encode()) == report  # noqa: SLF001

    @given(reports(), st.data())
    def test_the_mirrors_refuse_what_the_reference_refuses(
        self, report: govinfo.Report, data: st.DataObject
    ) -> None:
        """A wrong leaf, an unknown key at any depth, money as a float or NaN: not read."""
        doc = govinfo.to_dict(report)
        path = data.draw(st.sampled_from(_leaf_paths(doc)))
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        wrong = [True, 1.5, [], {}, 2**63, "NaN", "1e5", 7]
        value = data.draw(st.sampled_from(wrong))
        if data.draw(st.booleans()):
            parent[path[-1] + "_unknown"] = parent[path[-1]]  # an unknown key beside a known one
        else:
            parent[path[-1]] = value
        text = json.dumps(doc)
        try:
            reference: govinfo.Report | None = _json.structure(json.loads(text))
        except govinfo.JSONFormatError:
            reference = None
        read = _json._read_checked(text)  # noqa: SLF001
        assert read is None or read == reference
        if reference is None:
            assert read is None

    @pytest.mark.parametrize("title", ["\ud800 lone", '\x00\x1f\x7f\u2028"\\/ 某局', "\U0001f600"])
    def test_text_msgspec_cannot_write_goes_to_the_standard_library(self, title: str) -> None:
        """A lone surrogate (no UTF-8) is written by json; escapes are json's either way.

        Read back, a lone surrogate is refused, as any JSON holding one is (#22, r09).
        """
        report = govinfo.ReportV2021(meta=Meta(title=title))
        for indent in (2, None):
            text = govinfo.to_json(report, indent=indent)
            assert text == json.dumps(govinfo.to_dict(report), ensure_ascii=False, indent=indent,
                                      separators=None if indent else (",", ":"))  # fmt: skip
            if "\ud800" in title:
                with pytest.raises(govinfo.JSONFormatError, match="surrogate"):
                    govinfo.from_json(text)
            else:
                assert govinfo.from_json(text) == report
