"""Converters, core indicators, tidy export, aggregation and cross-year checks (dictionary)."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.conversion.edges import EDGES
from govinfo.models import REGISTRY, ApplicantCounts, RequestsV2021
from govinfo.testing import reports, templates, valid_reports
from helpers import SEEDS, cell_values, run_cli, seed_text

if TYPE_CHECKING:
    from pathlib import Path

KEPT = ("requests_new", "processed", "reviews")


def _round_trip_keys() -> list[str]:
    def exact(source: str, target: str) -> dict[tuple[str, ...], str | None]:
        return {
            e.sources: e.target
            for e in EDGES
            if (e.source, e.target_template, e.tag) == (source, target, "exact")
            and len(e.sources) == 1
        }

    forward, back = exact("v2019", "v2021"), exact("v2021", "v2019")
    return sorted(k for (k,), t in forward.items() if back.get((t,)) == k)


class TestConversion:
    """Conversions say exactly what they lost (dictionary: Template converters)."""

    @given(reports(), templates())
    def test_core_counts_survive_every_conversion(self, report: govinfo.Report, to: str) -> None:
        """core.requests_new, core.processed and core.reviews are unchanged where written."""
        before = govinfo.core(report)
        after = govinfo.core(govinfo.convert(report, to=to).report)
        for name in KEPT:
            value = getattr(before, name).value
            if value is not None:
                assert getattr(after, name).value == value, name

    @given(reports("v2019"))
    def test_v2019_to_v2021_and_back_is_identity_on_exact_fields(
        self, report: govinfo.Report
    ) -> None:
        """v2019 → v2021 → v2019 gives back every cell that both edges carry exactly."""
        there = govinfo.convert(report, to="v2021").report
        back = govinfo.convert(there, to="v2019").report
        before, after = cell_values(report), cell_values(back)
        keys = _round_trip_keys()
        assert len(keys) > 150
        assert {k: after[k] for k in keys} == {k: before[k] for k in keys}

    @given(valid_reports(), templates())
    def test_no_structural_failure_by_construction(self, report: govinfo.Report, to: str) -> None:
        """A valid report converts to a report whose structural rules do not fail."""
        converted = govinfo.convert(report, to=to).report
        failing = [f.rule for f in govinfo.validate(converted).failures if f.basis == "structural"]
        assert failing == []

    @given(reports(), templates())
    def test_losses_account_for_every_blank_target(self, report: govinfo.Report, to: str) -> None:
        """Every blank target cell is an 'unfilled' loss; every 'lost' loss had a value."""
        conversion = govinfo.convert(report, to=to)
        if to == report.TEMPLATE:
            assert conversion.losses == ()
            return
        unfilled = {loss.target for loss in conversion.of_kind("unfilled")}
        blank = {k for k, v in cell_values(conversion.report).items() if v is None}
        assert unfilled == blank
        assert all(loss.values[0] is not None for loss in conversion.of_kind("lost"))

    @pytest.mark.parametrize("stem", ["000", "003"])
    def test_v2015_seeds_to_v2021(self, stem: str) -> None:
        """Seeds 000 and 003 keep their core indicators in v2021 and list their losses."""
        source = govinfo.parse(seed_text(stem)).report
        conversion = govinfo.convert(source, to="v2021")
        report = conversion.report
        assert isinstance(report, govinfo.ReportV2021)
        for name in KEPT:
            assert (
                getattr(govinfo.core(report), name).value
                == getattr(govinfo.core(source), name).value
            )
        lost = {loss.sources[0] for loss in conversion.of_kind("lost")}
        assert "proactive.total" in lost
        assert report.meta == source.meta

    def test_seed_003_edges(self) -> None:
        """Seed 003 (Jiangsu, with 申请来源): received → new.total exact, sources → columns."""
        conversion = govinfo.convert(govinfo.parse(seed_text("003")).report, to="v2021")
        report = conversion.report
        assert isinstance(report, govinfo.ReportV2021)
        assert report.requests.new.total == 0
        assert report.requests.new.natural_person == 0
        assert report.requests.new.legal_services is None
        assert report.active.licensing.decisions is None  # 行政权力办件 is not table 二
        approx = {loss.target for loss in conversion.of_kind("approximate")}
        assert "requests.granted.total" in approx
        assert "requests.new.total" not in approx
        correction = next(
            loss
            for loss in conversion.of_kind("lost")
            if loss.sources == ("answers.correction_requested",)
        )
        assert "interim notice" in correction.note

    def test_v2021_other_items_sum_into_v2019_other(self) -> None:
        """30号 (六)1–3 become 60号 (六)其他处理, exactly."""
        zeros = dict.fromkeys(attrs.fields_dict(ApplicantCounts), 0)
        requests = RequestsV2021()
        other = attrs.evolve(
            requests.other,
            no_correction=ApplicantCounts(**{**zeros, "natural_person": 2, "total": 2}),
            unpaid_fee=ApplicantCounts(**zeros),
            other=ApplicantCounts(**{**zeros, "natural_person": 1, "total": 1}),
        )
        report = govinfo.ReportV2021(requests=attrs.evolve(requests, other=other))
        back = govinfo.convert(report, to="v2019").report
        assert isinstance(back, govinfo.ReportV2019)
        assert (back.requests.other.natural_person, back.requests.other.total) == (3, 3)

    def test_fallback_edge_for_processed(self) -> None:
        """v2015 with 申请答复数 blank: 申请办结数 fills (七)总计, approximately, and says so."""
        source = govinfo.parse("(一)收到申请数 | 件 | 4 |\n(二)申请办结数 | 件 | 4 |\n").report
        conversion = govinfo.convert(source, to="v2019")
        assert conversion.report.requests.processed_total.total == 4  # type: ignore[union-attr]
        assert govinfo.core(source).processed.provenance == "derived"

    def test_unknown_target(self) -> None:
        """An unknown template id is a typed error."""
        with pytest.raises(govinfo.UnknownTemplateError):
            govinfo.convert(govinfo.ReportV2021(), to="v1999")


class TestCore:
    """Harmonized indicators with provenance (dictionary: core)."""

    def test_modern_and_v2015(self) -> None:
        """Exact cells, derived sums with formulas, and absent values with reasons."""
        modern = govinfo.core(govinfo.parse_example().report)
        assert (modern.requests_new.value, modern.requests_new.provenance) == (0, "exact")
        assert modern.denied.provenance == "derived"
        assert len(modern.denied.sources) == 8
        old = govinfo.core(govinfo.parse(seed_text("000")).report)
        assert old.requests_carried_over.provenance == "absent"
        assert "not collected" in (old.requests_carried_over.reason or "")
        assert (old.processed.value, old.processed.provenance) == (1, "derived")
        assert "applications.completed" in (old.processed.formula or "")
        assert old.granted.provenance == "absent"

    def test_values(self) -> None:
        """values() gives every indicator by name."""
        values = govinfo.core(govinfo.parse(seed_text("003")).report).values()
        assert list(values) == [
            "requests_new", "requests_carried_over", "granted", "partially_granted", "denied",
            "unable", "processed", "carried_forward", "reviews", "reviews_corrected", "lawsuits",
            "lawsuits_corrected",
        ]  # fmt: skip
        assert values["requests_carried_over"] is None
        assert values["reviews"] == 0


class TestRecords:
    """Tidy long rows, CSV, JSON lines, Arrow and pandas."""

    @given(st.lists(reports(), min_size=1, max_size=3))
    def test_records_round_trip(self, items: list[govinfo.Report]) -> None:
        """from_records(records(rs)) gives back the same reports."""
        assert govinfo.from_records(govinfo.records(items)) == items

    @given(reports())
    def test_csv_text_round_trip(self, report: govinfo.Report) -> None:
        """Values written as CSV text read back to the same typed report."""
        buffer = io.StringIO(newline="")
        from govinfo.formats.records import write_csv  # noqa: PLC0415

        write_csv((("r", rec) for rec in govinfo.records([report])), buffer)
        rows = list(csv.DictReader(io.StringIO(buffer.getvalue(), newline="")))
        back = govinfo.from_records(
            govinfo.Record(None, None, row["template"], row["key"], row["label"], row["unit"],
                           row["value"])
            for row in rows
        )  # fmt: skip
        assert back == [report]

    def test_cli_csv_loads_in_pandas_one_row_per_key(self) -> None:
        """`govinfo parse ... --format csv` is one row per dictionary key of each report."""
        pd = pytest.importorskip("pandas")
        files = [str(p) for p in sorted(SEEDS.glob("00[034]_*.txt"))]
        proc = run_cli("parse", *files, "--format", "csv")
        assert proc.returncode == 0, proc.stderr
        frame = pd.read_csv(io.StringIO(proc.stdout), dtype={"value": str})
        sizes = frame.groupby("file").size().to_dict()
        assert sizes == {files[0]: 7 + 80, files[1]: 7 + 80, files[2]: 7 + 200}
        row = frame[(frame.file == files[2]) & (frame.key == "active.licensing.decisions")]
        assert row.iloc[0].to_dict() | {"file": ""} == {
            "file": "", "agency": row.iloc[0].agency, "year": 2023, "template": "v2021",
            "key": "active.licensing.decisions", "label": "行政许可 / 本年处理决定数量",
            "unit": "件", "value": "146",
        }  # fmt: skip

    def test_cli_jsonl(self) -> None:
        """--format jsonl: one JSON report a line, readable by from_json."""
        files = [str(p) for p in sorted(SEEDS.glob("00[34]_*.txt"))]
        proc = run_cli("parse", *files, "--format", "jsonl")
        assert proc.returncode == 0, proc.stderr
        lines = proc.stdout.splitlines()
        assert len(lines) == 2
        assert [json.loads(line)["template"] for line in lines] == ["v2015", "v2021"]
        assert govinfo.from_json(lines[1]) == govinfo.parse(seed_text("004")).report

    def test_arrow_and_parquet(self, tmp_path: Path) -> None:
        """to_arrow: counts int64, money decimal, a report number and file; Parquet round trip."""
        pa = pytest.importorskip("pyarrow")
        pq = pytest.importorskip("pyarrow.parquet")
        path = tmp_path / "000.txt"
        path.write_text(seed_text("000"), "utf-8")
        results = [govinfo.parse_example(), govinfo.parse_file(path)]
        table = govinfo.to_arrow(results)
        assert table.num_rows == (7 + 200) + (7 + 80)
        assert table.column_names == [
            "report", "file", "agency", "year", "template", "key", "label", "unit",
            "count", "amount", "text",
        ]  # fmt: skip
        assert table.schema.field("count").type == pa.int64()
        assert table.schema.field("amount").type == pa.decimal128(38, 6)
        pq.write_table(table, tmp_path / "r.parquet")
        back = pq.read_table(tmp_path / "r.parquet").to_pylist()
        row = next(r for r in back if r["key"] == "active.licensing.decisions")
        assert (row["report"], row["file"], row["count"], row["amount"], row["text"]) == (
            0, None, 146, None, "146",
        )  # fmt: skip
        fee = next(r for r in back if r["key"] == "active.fees.amount")
        assert (fee["count"], fee["amount"], fee["text"]) == (None, Decimal(0), "0")
        blank = next(r for r in back if r["key"] == "proactive.channels.gazette")
        assert (blank["report"], blank["file"], blank["count"], blank["text"]) == (
            1, str(path), None, None,
        )  # fmt: skip

    def test_amounts_are_never_rounded(self) -> None:
        """An amount finer than the column's scale widens it; none is rounded or made a float."""
        pa = pytest.importorskip("pyarrow")
        fine = Decimal("0.12345678")
        report = govinfo.from_dict({"template": "v2021", "active": {"fees": {"amount": str(fine)}}})
        table = govinfo.to_arrow([report])
        assert table.schema.field("amount").type == pa.decimal128(38, 8)
        (amount,) = [a for a in table.column("amount").to_pylist() if a is not None]
        assert amount == fine
        frame = govinfo.to_pandas([report])
        (amount,) = frame["amount"].dropna().tolist()
        assert amount == fine
        assert isinstance(amount, Decimal)

    def test_pandas(self) -> None:
        """to_pandas: the same columns; counts Int64, money Decimal, two reports kept apart."""
        pytest.importorskip("pandas")
        example = govinfo.parse_example()
        frame = govinfo.to_pandas([example, example.report])
        assert list(frame.columns) == [
            "report", "file", "agency", "year", "template", "key", "label", "unit",
            "count", "amount", "text",
        ]  # fmt: skip
        assert str(frame["count"].dtype) == "Int64"
        assert str(frame["year"].dtype) == "Int32"
        assert str(frame["report"].dtype) == "int64"
        assert frame["amount"].dtype == object
        penalty = frame[frame.key == "active.penalty.decisions"]
        assert penalty["count"].tolist() == [2, 2]
        assert penalty["report"].tolist() == [0, 1]
        wide = frame.pivot_table(index="report", columns="key", values="count", aggfunc="sum")
        assert wide["active.penalty.decisions"].tolist() == [2, 2]  # never merged into 4
        fees = frame.loc[frame.key == "active.fees.amount", "amount"].tolist()
        assert fees == [Decimal(0), Decimal(0)]
        blank = frame.loc[frame.key == "meta.agency", ["count", "amount", "text"]]
        assert blank.isna().all().all()  # the example names no agency: blank, never 0

    def test_records_name_their_report(self, tmp_path: Path) -> None:
        """Each record has its report's position and file; reports holding nothing are left out."""
        path = tmp_path / "r.txt"
        path.write_text(seed_text("004"), "utf-8")
        items = [govinfo.parse_file(path), govinfo.parse(""), govinfo.parse_example().report]
        rows = list(govinfo.records(items))
        assert {(r.report, r.file) for r in rows} == {(0, str(path)), (2, None)}
        assert govinfo.from_records(rows) == [items[0].report, items[2]]  # type: ignore[union-attr]


class TestAggregate:
    """Summing reports of one template (a city from its districts)."""

    @given(st.lists(valid_reports("v2021"), min_size=1, max_size=4))
    def test_valid_stays_valid_and_commutes_with_core(self, items: list[govinfo.Report]) -> None:
        """The sum of valid reports is valid, and core(sum) is the sum of cores."""
        total = govinfo.aggregate(items, mixed_agencies=True, mixed_years=True)
        assert govinfo.validate(total.report).ok
        summed = govinfo.core(total.report).values()
        for name, value in summed.items():
            parts = [govinfo.core(r).values()[name] for r in items]
            if all(p is not None for p in parts):
                assert value == sum(p for p in parts if p is not None), name

    @given(st.lists(valid_reports("v2015"), min_size=2, max_size=3))
    def test_v2015_sums_stay_valid(self, items: list[govinfo.Report]) -> None:
        """v2015 hard and soft rules are linear: sums of valid reports pass them."""
        total = govinfo.aggregate(items, mixed_agencies=True, mixed_years=True)
        assert govinfo.validate(total.report).failures == ()

    def test_blank_handling(self) -> None:
        """All blank → blank; some blank → sum of the written, counted in blanks."""
        a = govinfo.ReportV2021(requests=RequestsV2021(new=ApplicantCounts(natural_person=2)))
        b = govinfo.ReportV2021(
            requests=RequestsV2021(new=ApplicantCounts(natural_person=3, total=3))
        )
        total = govinfo.aggregate([a, b], agency="某市")
        new = total.report.requests.new  # type: ignore[union-attr]
        assert (new.natural_person, new.total, new.commercial) == (5, 3, None)
        assert total.blanks == {"requests.new.total": 1}
        assert total.report.meta.agency == "某市"

    def test_units_that_differ_are_not_added(self) -> None:
        """v2019 采购总金额 in 元 and 万元: left blank, with a note."""
        one = govinfo.parse("政府集中采购 | 2 | 100元 |\n", template="v2019").report
        two = govinfo.parse("政府集中采购 | 1 | 3万元 |\n", template="v2019").report
        total = govinfo.aggregate([one, two])
        procurement = total.report.active.procurement  # type: ignore[union-attr]
        assert (procurement.projects, procurement.amount, procurement.amount_unit) == (
            3,
            None,
            None,
        )
        assert "different units" in total.notes[0]
        same = govinfo.aggregate([one, one]).report.active.procurement  # type: ignore[union-attr]
        assert (same.amount, same.amount_unit) == (Decimal(200), "元")

    def test_mixed_agencies_or_years_are_refused_unless_asked(self) -> None:
        """Different agencies or years are summed only when the caller says so."""
        report = govinfo.parse_example().report
        east = attrs.evolve(report, meta=attrs.evolve(report.meta, agency="东区"))
        west = attrs.evolve(report, meta=attrs.evolve(report.meta, agency="西区"))
        with pytest.raises(govinfo.MixedInputError, match="东区, 西区"):
            govinfo.aggregate([east, west])
        with pytest.raises(govinfo.MixedInputError, match="东区, an unnamed agency"):
            govinfo.aggregate([east, report])
        city = govinfo.aggregate([east, west], agency="某市", mixed_agencies=True)
        assert (city.report.meta.agency, city.report.meta.year) == ("某市", 2023)
        assert govinfo.aggregate([east, east]).report.meta.agency == "东区"
        later = attrs.evolve(east, meta=attrs.evolve(east.meta, year=2024))
        with pytest.raises(govinfo.MixedInputError, match="2023, 2024"):
            govinfo.aggregate([east, later])
        both = govinfo.aggregate([east, later], mixed_years=True)
        assert (both.report.meta.agency, both.report.meta.year) == ("东区", None)

    def test_reports_without_figures_are_skipped_and_noted(self) -> None:
        """A report holding no figure is not counted; one without a table is summed, and said."""
        report = govinfo.parse_example().report
        prose = govinfo.parse(
            "某某区2023年政府信息公开工作年度报告\n本年度共收到政府信息公开申请3件。\n"
        ).report
        assert isinstance(prose, govinfo.ReportV2021)
        empty = govinfo.parse("", template="v2021").report
        total = govinfo.aggregate([report, prose, empty], agency="某市", mixed_agencies=True)
        assert (total.count, total.skipped) == (2, (2,))
        assert total.report.requests.new.total == (report.requests.new.total or 0) + 3
        assert any("report 2 holds no figure: skipped" in n for n in total.notes)
        assert any("report 1 (某某区 2023) has no statistical table" in n for n in total.notes)
        with pytest.raises(govinfo.MixedInputError, match="no figure"):
            govinfo.aggregate([empty, empty])

    def test_blanks_are_noted(self) -> None:
        """Cells blank in some reports are said in the notes, as lower bounds."""
        a = govinfo.ReportV2021(requests=RequestsV2021(new=ApplicantCounts(natural_person=2)))
        b = govinfo.ReportV2021(requests=RequestsV2021(new=ApplicantCounts(total=3)))
        total = govinfo.aggregate([a, b])
        assert total.blanks == {"requests.new.natural_person": 1, "requests.new.total": 1}
        assert any("2 cells blank in some reports" in n for n in total.notes)

    def test_mixed_templates_are_refused(self) -> None:
        """Reports of two templates cannot be summed without converting first."""
        with pytest.raises(govinfo.MixedInputError, match="convert"):
            govinfo.aggregate([govinfo.ReportV2021(), govinfo.ReportV2019()])
        with pytest.raises(govinfo.MixedInputError):
            govinfo.aggregate([])


def test_spec_covers_every_edge_key() -> None:
    """Every key an edge names exists in its template (the edge table cannot rot)."""
    for edge in EDGES:
        for key in edge.sources:
            assert key in REGISTRY[edge.source].by_key, key
        if edge.target is not None:
            assert edge.target in REGISTRY[edge.target_template].by_key, edge.target
