"""Big panels on Dask (extra ``dask``): many files parsed on a cluster, written as Parquet.

[`parse_bag`][govinfo.dask.parse_bag] is [`parse_many`][govinfo.parse_many] as a
``dask.bag.Bag``: one [`BatchItem`][govinfo.BatchItem] per file, in the order of
the files, a file that cannot be read an item with its error.
[`write_parquet`][govinfo.dask.write_parquet] parses files the same way and
writes what they hold through [`to_arrow`][govinfo.to_arrow]: a Parquet dataset
partitioned by template and year, and beside it a table of the files that
failed, each with its reason. Both run on whatever Dask scheduler is current:
the local one by default, a cluster once a ``dask.distributed.Client`` is
connected to it (the files and the output folder must then be where every
worker sees them).

Examples:
    >>> import pathlib, tempfile
    >>> import govinfo, govinfo.dask
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "example.txt").write_text(govinfo.parse_example().text, "utf-8")
    >>> _ = (folder / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    >>> [item.ok for item in govinfo.dask.parse_bag([folder]).compute(scheduler="sync")]
    [True, False]
    >>> panel = govinfo.dask.write_parquet([folder], folder / "panel", scheduler="sync")
    >>> panel.files, panel.reports, panel.failures
    (2, 1, 1)
    >>> sorted(p.name for p in (folder / "panel" / "cells").iterdir())
    ['template=v2021']
"""

from __future__ import annotations

import os
import pathlib
from typing import TYPE_CHECKING, Any

import attrs

from govinfo._batch import BatchItem, iter_files, parse_many
from govinfo._errors import MissingExtraError
from govinfo.formats.arrow import to_arrow

try:
    import dask.bag
except ImportError:
    raise MissingExtraError.needs("dask", "govinfo.dask") from None

if TYPE_CHECKING:
    from collections.abc import Iterable

    from govinfo.reading.parse import ParseResult

#: The columns of the failures table, ``errors/`` beside ``cells/``.
ERROR_COLUMNS = ("report", "file", "error")

#: The columns the cells dataset is partitioned by, as folders ``template=…/year=…``.
PARTITIONS = ("template", "year")


@attrs.frozen
class Panel:
    """What [`write_parquet`][govinfo.dask.write_parquet] wrote.

    ``files`` were given (after expanding folders); ``reports`` of them hold a
    report and have their cells under ``root/cells``; ``failures`` could not be
    read or hold no report, and are rows of ``root/errors``; ``rows`` is the
    number of cell rows written.
    """

    root: str
    files: int
    reports: int
    failures: int
    rows: int


def _bag(
    paths: Iterable[str | os.PathLike[str]], recursive: bool, npartitions: int | None
) -> dask.bag.Bag:
    """The files (folders expanded, sorted) with their positions, as a bag."""
    files = list(enumerate(iter_files(paths, recursive=recursive)))
    bag: dask.bag.Bag = dask.bag.from_sequence(files, npartitions=npartitions if files else 1)
    return bag


def _parse(
    files: list[tuple[int, str]], template: str | None, max_bytes: int | None
) -> list[tuple[int, BatchItem]]:
    """The outcome of each file of a partition, as ``parse_many`` gives it, with its position."""
    items = parse_many([path for _, path in files], template=template, max_bytes=max_bytes)
    return [(number, item) for (number, _), item in zip(files, items, strict=True)]


def parse_bag(
    paths: Iterable[str | os.PathLike[str]],
    *,
    recursive: bool = False,
    template: str | None = None,
    max_bytes: int | None = None,
    npartitions: int | None = None,
) -> dask.bag.Bag:
    """[`parse_many`][govinfo.parse_many] on Dask: a bag of one ``BatchItem`` per file.

    Folders are expanded here, sorted (``recursive`` descends); the files are
    parsed where the bag is computed, ``npartitions`` tasks of consecutive
    files (Dask's default when ``None``). A file that cannot be read is an
    item with its error, never an exception.
    """
    bag = _bag(paths, recursive, npartitions)
    items: dask.bag.Bag = bag.map_partitions(_parse, template, max_bytes).pluck(1)
    return items


def _no_report(result: ParseResult) -> str:
    """Why ``result`` holds no report, as the command line says it."""
    note = next(d for d in result.diagnostics if d.code == "no-report")
    return f"{note.code}: {note.message}"


def _write(
    files: list[tuple[int, str]], root: str, template: str | None, max_bytes: int | None
) -> list[tuple[int, int, int, int]]:
    """Parse a partition's files, write their cells and failures, and count them.

    The counts, one tuple for the partition: files, reports, failures, rows.
    """
    import pyarrow as pa  # noqa: PLC0415 - the arrow extra, checked by to_arrow
    import pyarrow.parquet as pq  # noqa: PLC0415

    numbers: list[int] = []
    results: list[ParseResult] = []
    failed: dict[str, list[Any]] = {name: [] for name in ERROR_COLUMNS}
    for number, item in _parse(files, template, max_bytes):
        reason = item.error
        if item.result is not None and item.result.template is None:
            reason = _no_report(item.result)
        if item.result is not None and reason is None:
            numbers.append(number)
            results.append(item.result)
            continue
        for name, value in zip(ERROR_COLUMNS, (number, item.path, reason), strict=True):
            failed[name].append(value)
    # Named by the partition's first file: a rerun over the same files replaces them.
    name = f"part-{files[0][0]:08d}" if files else "part-empty"
    table = to_arrow(results)
    if table.num_rows:
        # ``report`` is the position among all files of the panel, not of the partition.
        report = pa.array(numbers, pa.int64()).take(table["report"])
        table = table.set_column(0, "report", report)
        pq.write_to_dataset(
            table,
            f"{root}/cells",
            partition_cols=list(PARTITIONS),
            basename_template=f"{name}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
    errors = pa.table(
        [pa.array(failed["report"], pa.int64()), pa.array(failed["file"], pa.string()),
         pa.array(failed["error"], pa.string())],
        names=list(ERROR_COLUMNS),
    )  # fmt: skip
    pq.write_table(errors, f"{root}/errors/{name}.parquet")
    return [(len(files), len(results), len(failed["file"]), table.num_rows)]


def write_parquet(
    paths: Iterable[str | os.PathLike[str]],
    root: str | os.PathLike[str],
    *,
    recursive: bool = False,
    template: str | None = None,
    max_bytes: int | None = None,
    npartitions: int | None = None,
    scheduler: str | None = None,
) -> Panel:
    """Parse files on Dask and write their cells as Parquet, partitioned by template and year.

    ``root/cells`` is a Hive-partitioned dataset (``template=v2021/year=2023/``;
    a report without a year under ``year=__HIVE_DEFAULT_PARTITION__``) of
    [`to_arrow`][govinfo.to_arrow]'s columns, ``report`` being each file's
    position among all the files. ``root/errors`` holds a row per file that
    could not be read or holds no report: ``report``, ``file`` and the
    one-line ``error``. ``root`` is a new or empty folder that every worker
    sees; each task writes its own files, named by its first file, so a task
    Dask runs again replaces what it wrote. The work runs on the current Dask
    scheduler (``scheduler`` names another: ``"sync"``, ``"threads"``,
    ``"processes"``).

    Raises:
        FileExistsError: ``root`` holds files already (an earlier panel's
            files would be read as this one's).
        MissingExtraError: pyarrow is not installed (extra ``arrow``).
    """
    try:
        import pyarrow as pa  # noqa: F401, PLC0415 - checked before any work is sent out
    except ImportError:
        raise MissingExtraError.needs("arrow", "govinfo.dask.write_parquet") from None
    where = os.fspath(root)
    if pathlib.Path(where).is_dir() and any(pathlib.Path(where).iterdir()):
        raise FileExistsError(f"{where}: not empty; a panel is written into a new folder")
    for part in ("cells", "errors"):  # both there, however few files are read
        pathlib.Path(where, part).mkdir(parents=True, exist_ok=True)
    bag = _bag(paths, recursive, npartitions)
    counts = bag.map_partitions(_write, where, template, max_bytes).compute(scheduler=scheduler)
    files, reports, failures, rows = (sum(column) for column in zip(*counts, strict=True))
    return Panel(where, files, reports, failures, rows)
