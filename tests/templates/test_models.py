"""The report models: frozen values whose subtotals are computed, never stored."""

from __future__ import annotations

import attrs

import govinfo
from govinfo.models import ApplicantCounts, RequestsV2021


def test_subtotals_are_computed_not_stored() -> None:
    """denied_total sums (三) column by column; any blank operand leaves the column blank."""
    zeros = dict.fromkeys(attrs.fields_dict(ApplicantCounts), 0)
    requests = RequestsV2021()
    denied = attrs.evolve(
        requests.denied,
        state_secret=ApplicantCounts(**{**zeros, "natural_person": 1, "total": 1}),
        prohibited_by_law=ApplicantCounts(**{**zeros, "natural_person": 2, "total": 2}),
    )
    for name in attrs.fields_dict(type(denied)).keys() - {"state_secret", "prohibited_by_law"}:
        denied = attrs.evolve(denied, **{name: ApplicantCounts(**{**zeros, "other_org": None})})
    total = attrs.evolve(requests, denied=denied).denied_total
    assert total.natural_person == 3
    assert total.total == 3
    assert total.other_org is None


def test_meta_survives_attrs_evolve() -> None:
    """Reports stay frozen values: evolve gives a new report, the old one unchanged."""
    report = govinfo.parse_example().report
    changed = attrs.evolve(report, meta=govinfo.Meta(year=1999))
    assert report.meta.year == 2023
    assert changed.meta.year == 1999
