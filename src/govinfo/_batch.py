"""Many files at once: streamed, in a deterministic order, past bad files."""

from __future__ import annotations

import collections
import concurrent.futures as cf
import pathlib
from typing import TYPE_CHECKING

import attrs

from govinfo._errors import GovinfoError
from govinfo.reading.parse import ParseResult, parse_file

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator


#: File suffixes a directory is searched for.
SUFFIXES = frozenset({".txt", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".pdf"})


@attrs.frozen
class BatchItem:
    """The outcome for one file: a result, or the one-line reason it failed (path first)."""

    path: str
    result: ParseResult | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the file was parsed."""
        return self.result is not None


def iter_files(
    paths: Iterable[str | os.PathLike[str]], *, recursive: bool = False
) -> Iterator[str]:
    """Expand directories into the report files they hold, sorted; files pass as given."""
    for path in paths:
        p = pathlib.Path(path)
        if p.is_dir():
            found = p.rglob("*") if recursive else p.iterdir()
            yield from sorted(str(f) for f in found if f.is_file() and f.suffix.lower() in SUFFIXES)
        else:
            yield str(p)


def _one(path: str, template: str | None, max_bytes: int | None) -> BatchItem:
    try:
        return BatchItem(path, parse_file(path, template=template, max_bytes=max_bytes))
    except GovinfoError as exc:
        return BatchItem(path, None, str(exc))
    except Exception as exc:  # noqa: BLE001 - a batch reports a defect per file and goes on
        return BatchItem(
            path, None, f"internal error ({type(exc).__name__}: {exc}); please report it"
        )


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    recursive: bool = False,
    template: str | None = None,
    max_bytes: int | None = None,
) -> Iterator[BatchItem]:
    """Parse many files, yielding one [`BatchItem`][govinfo.BatchItem] per file, in input order.

    Directories are expanded (sorted; ``recursive`` descends). With ``jobs`` > 1
    the files are parsed in that many processes, at most a few files ahead of
    the one being yielded, so memory stays flat however many files there are
    and the order is the same whatever ``jobs``. A file that cannot be read is
    yielded with its error and the batch goes on.

    Examples:
        >>> import govinfo, pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("行政许可 | 5 |", "utf-8")
        >>> _ = (folder / "b.txt").write_bytes(bytes(range(128, 256)) * 4)
        >>> [(i.path.endswith("a.txt"), i.ok) for i in govinfo.parse_many([folder])]
        [(True, True), (False, False)]
    """
    files = iter_files(paths, recursive=recursive)
    if jobs <= 1:
        for path in files:
            yield _one(path, template, max_bytes)
        return
    with cf.ProcessPoolExecutor(max_workers=jobs) as pool:
        window: collections.deque[cf.Future[BatchItem]] = collections.deque()
        for path in files:
            window.append(pool.submit(_one, path, template, max_bytes))
            if len(window) >= jobs * 4:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
