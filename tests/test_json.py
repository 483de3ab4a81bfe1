"""JSON form: the dictionary's nesting, blanks as null, Decimal as string, strict reading."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

import govinfo
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


def test_subtotals_are_computed_not_stored() -> None:
    """denied_total sums (三) column by column; any blank operand leaves the column blank."""
    zeros = dict.fromkeys(attrs.fields_dict(ApplicantCounts), 0)
    requests = RequestsV2021()
    denied = attrs.evolve(
        requests.denied,
        state_secret=ApplicantCounts(**{**zeros, "natural_person": 1, "total": 1}),
        prohibited_by_law=ApplicantCounts(**{**zeros, "natural_person": 2, "total": 2}),
    )
    others = (
        "security_stability",
        "third_party_rights",
        "internal_affairs",
        "process_information",
        "enforcement_file",
        "inquiry_matter",
    )
    for name in others:
        denied = attrs.evolve(denied, **{name: ApplicantCounts(**{**zeros, "other_org": None})})
    total = attrs.evolve(requests, denied=denied).denied_total
    assert total.natural_person == 3
    assert total.total == 3
    assert total.other_org is None


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
