"""The report models: frozen values whose subtotals are computed, never stored."""

from __future__ import annotations

import inspect

import attrs

import govinfo
from govinfo.models import REGISTRY, ActiveV2021, ApplicantCounts, RequestsV2021
from govinfo.templates.registry import Registry


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


class TestFieldHelp:
    """help(), Jupyter's `?` and IDEs that show __doc__ give each field's official label."""

    def test_every_cell_is_documented_with_its_label_and_unit(self) -> None:
        """The class holding a cell lists it with its column label and unit (key: label)."""
        for spec in REGISTRY:
            for cell in spec.cells:
                holder = spec.report_type
                for part in cell.key.split(".")[:-1]:
                    holder = attrs.fields_dict(holder)[part].type
                doc = inspect.getdoc(holder) or ""
                name = cell.key.rsplit(".", 1)[-1]
                assert f"    {name}: " in doc, (holder, name)
                line = next(x for x in doc.splitlines() if x.startswith(f"    {name}: "))
                assert (cell.column.label or cell.row.label) in line
                assert cell.column.unit in line

    def test_tables_rows_and_meta(self) -> None:
        """Reports list their tables, tables their rows (label and key), Meta its facts."""
        report = inspect.getdoc(govinfo.ReportV2021) or ""
        assert report.startswith("A report in the 2021 template")
        assert "    active: 二、主动公开政府信息情况 (table)" in report
        active = inspect.getdoc(ActiveV2021) or ""
        assert "    licensing: 行政许可 (row)" in active
        assert "    year: 报告年度" in (inspect.getdoc(govinfo.Meta) or "")
        counts = inspect.getdoc(ApplicantCounts) or ""
        assert "    commercial: 法人或其他组织 / 商业企业 (件)" in counts

    def test_compiling_again_documents_once(self) -> None:
        """Another registry of the same classes leaves their docs as they are."""
        before = [t.__doc__ for t in (govinfo.ReportV2021, ActiveV2021, ApplicantCounts)]
        Registry.compile((govinfo.ReportV2015, govinfo.ReportV2019, govinfo.ReportV2021))
        after = [t.__doc__ for t in (govinfo.ReportV2021, ActiveV2021, ApplicantCounts)]
        assert after == before
        assert (ActiveV2021.__doc__ or "").count("Attributes:") == 1
