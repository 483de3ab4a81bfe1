"""Big panels on Dask: govinfo.dask run by Dask's own schedulers on the repository's reports."""

from __future__ import annotations

import pathlib
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.dataset as ds
import pytest

import govinfo
import govinfo.dask
from helpers import DATA

if TYPE_CHECKING:
    from collections.abc import Iterable

EXAMPLE = pathlib.Path(govinfo.__file__).parent / "data" / "example_v2021.txt"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The corpus, the seeds, the bundled example, and a folder of two files that fail."""
    bad = tmp_path_factory.mktemp("bad")
    (bad / "noise.txt").write_bytes(bytes(range(128, 256)) * 30)  # no encoding fits
    (bad / "empty.txt").write_text("", "utf-8")  # read, but holds no report
    return [str(DATA / "corpus"), str(DATA / "seeds"), str(EXAMPLE), str(bad)]


def _rows(table: pa.Table) -> set[tuple[Any, ...]]:
    names = govinfo.to_arrow([]).column_names
    return set(zip(*(table[name].to_pylist() for name in names), strict=True))


def _expected(paths: Iterable[str]) -> tuple[set[tuple[Any, ...]], list[tuple[int, str]]]:
    """What parse_many and to_arrow give, ``report`` the file's position; the failures."""
    rows: set[tuple[Any, ...]] = set()
    failures = []
    for number, item in enumerate(govinfo.parse_many(paths)):
        if item.result is None or item.result.template is None:
            failures.append((number, item.path))
            continue
        rows |= {(number, *row[1:]) for row in _rows(govinfo.to_arrow([item.result]))}
    return rows, failures


def _panel(root: pathlib.Path) -> tuple[pa.Table, pa.Table]:
    partitioning = ds.partitioning(
        pa.schema([("template", pa.string()), ("year", pa.int32())]), flavor="hive"
    )
    cells = ds.dataset(root / "cells", format="parquet", partitioning=partitioning).to_table()
    return cells, ds.dataset(root / "errors", format="parquet").to_table()


@pytest.mark.parametrize("scheduler", ["sync", "processes"])
def test_the_panel_holds_what_parse_many_and_to_arrow_give(
    reports: list[str], tmp_path: pathlib.Path, scheduler: str
) -> None:
    """Every cell of every readable report, once; each failure a row with its reason."""
    panel = govinfo.dask.write_parquet(
        reports, tmp_path / "panel", npartitions=5, scheduler=scheduler
    )
    expected, failures = _expected(reports)
    cells, errors = _panel(tmp_path / "panel")
    assert _rows(cells) == expected
    assert cells.num_rows == len(expected) == panel.rows  # no row written twice
    pairs = zip(errors["report"].to_pylist(), errors["file"].to_pylist(), strict=True)
    assert sorted(pairs) == failures
    reasons = dict(zip(errors["file"].to_pylist(), errors["error"].to_pylist(), strict=True))
    assert "cannot tell the text encoding" in reasons[str(pathlib.Path(reports[-1], "noise.txt"))]
    assert reasons[str(pathlib.Path(reports[-1], "empty.txt"))].startswith("no-report: ")
    assert (panel.files, panel.reports, panel.failures) == (46, 43, len(failures))
    assert len({row[0] for row in expected}) == 43


def test_the_panel_is_partitioned_by_template_and_year(
    reports: list[str], tmp_path: pathlib.Path
) -> None:
    """Folders template=…/year=… hold just their reports; money stays exact decimal."""
    govinfo.dask.write_parquet(reports, tmp_path, npartitions=3, scheduler="sync")
    folders = {p.relative_to(tmp_path / "cells").parts for p in tmp_path.glob("cells/*/*")}
    assert ("template=v2021", "year=2023") in folders
    assert ("template=v2021", "year=__HIVE_DEFAULT_PARTITION__") in folders  # no year printed
    assert {t for t, _ in folders} == {"template=v2015", "template=v2019", "template=v2021"}
    part = ds.dataset(tmp_path / "cells" / "template=v2021" / "year=2023", format="parquet")
    table = part.to_table()
    assert "year" not in table.column_names  # the folder says it
    assert pa.types.is_decimal(table.schema.field("amount").type)
    files = set(table["file"].to_pylist())
    assert str(EXAMPLE) in files
    decisions = table.filter(ds.field("key") == "active.licensing.decisions").filter(
        ds.field("file") == str(EXAMPLE)
    )
    assert decisions["count"].to_pylist() == [146]
    fees = table.filter(ds.field("key") == "active.fees.amount")
    assert all(a is None or isinstance(a, Decimal) for a in fees["amount"].to_pylist())


def test_parse_bag_is_parse_many_on_dask(reports: list[str]) -> None:
    """The same items, in the same order, whatever the partitions."""
    expected = list(govinfo.parse_many(reports))
    for npartitions in (1, 7):
        bag = govinfo.dask.parse_bag(reports, npartitions=npartitions)
        assert bag.npartitions == npartitions
        items = bag.compute(scheduler="processes" if npartitions > 1 else "sync")
        assert [(i.path, i.error) for i in items] == [(i.path, i.error) for i in expected]
        assert [i.result.report for i in items if i.result] == [
            i.result.report for i in expected if i.result
        ]


def test_an_earlier_panel_is_never_mixed_in(reports: list[str], tmp_path: pathlib.Path) -> None:
    """A folder that holds files already is refused before any work; an empty one is fine."""
    (tmp_path / "old.parquet").write_bytes(b"PAR1")
    with pytest.raises(FileExistsError, match="not empty"):
        govinfo.dask.write_parquet(reports, tmp_path, scheduler="sync")
    empty = tmp_path / "empty"
    empty.mkdir()
    panel = govinfo.dask.write_parquet([], empty, scheduler="sync")
    assert (panel.files, panel.reports, panel.rows) == (0, 0, 0)
    assert _panel(empty)[1].num_rows == 0


def test_the_same_code_runs_on_a_cluster(reports: list[str], tmp_path: pathlib.Path) -> None:
    """A real scheduler and worker process on this machine, reached by address as a cluster is."""
    distributed = pytest.importorskip("dask.distributed")
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster.scheduler_address),
    ):
        panel = govinfo.dask.write_parquet(reports, tmp_path / "panel", npartitions=4)
    expected, _ = _expected(reports)
    assert _rows(_panel(tmp_path / "panel")[0]) == expected
    assert (panel.reports, panel.failures) == (43, 3)
