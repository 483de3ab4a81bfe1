"""Many files at once: streamed, in a deterministic order, past bad files and dead workers."""

from __future__ import annotations

import collections
import concurrent.futures as cf
import os
import pathlib
import signal
import stat
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

import attrs

from govinfo._errors import GovinfoError
from govinfo.inputs.load import display_name
from govinfo.reading.parse import ParseResult, parse_file

if TYPE_CHECKING:
    from collections.abc import Generator, Iterable, Iterator


#: File suffixes a directory is searched for.
SUFFIXES = frozenset({".txt", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".pdf"})

#: Files parsed ahead of the one being yielded, per process.
_AHEAD = 4


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
    """Expand directories into the report files they hold, sorted; files pass as given.

    In a folder, every entry named as a report is listed, whatever it is: a
    FIFO or a link that leads nowhere (broken, or a loop) then fails to be
    read, with its reason, rather than being skipped in silence; so does a
    link that cannot be followed, whatever its name. ``recursive`` descends
    into sub-folders, linked ones too (a link back to a folder it is in is
    listed, and fails as a loop).
    """
    for path, _ in _listing(paths, recursive=recursive):
        yield path


def _listing(
    paths: Iterable[str | os.PathLike[str]], *, recursive: bool
) -> Iterator[tuple[str, str | None]]:
    """Each file of :func:`iter_files`, with the reason it cannot be read if the listing knows."""
    for path in paths:
        name = os.fspath(path)
        if pathlib.Path(name).is_dir():
            found: list[tuple[str, str | None]] = []
            _folder(name, recursive=recursive, into=found, above=frozenset())
            yield from sorted(found)
        else:
            yield name, None


def _folder(
    folder: str,
    *,
    recursive: bool,
    into: list[tuple[str, str | None]],
    above: frozenset[tuple[int, int]],
) -> None:
    """List ``folder`` into ``into``; ``above`` holds the folders it is in (to stop loops)."""
    try:
        here = pathlib.Path(folder).stat()
        with os.scandir(folder) as entries:
            listed = list(entries)
    except OSError as exc:
        into.append((folder, f"{display_name(folder)}: cannot list the folder ({exc.strerror})"))
        return
    above |= {(here.st_dev, here.st_ino)}
    for entry in listed:
        try:
            info = entry.stat()  # follows links
        except OSError as exc:
            # A link to nowhere or a loop: it may have been a report, or a folder of them.
            reason = f"{display_name(entry.path)}: cannot follow the link ({exc.strerror})"
            into.append((entry.path, reason))
            continue
        if not stat.S_ISDIR(info.st_mode):
            if os.path.splitext(entry.name)[1].lower() in SUFFIXES:  # noqa: PTH122
                into.append((entry.path, None))
        elif (info.st_dev, info.st_ino) in above:
            reason = (
                f"{display_name(entry.path)}: a link to a folder it is in (a loop), not followed"
            )
            into.append((entry.path, reason))
        elif recursive:
            _folder(entry.path, recursive=recursive, into=into, above=above)


def _one(path: str, template: str | None, max_bytes: int | None) -> BatchItem:
    try:
        return BatchItem(path, parse_file(path, template=template, max_bytes=max_bytes))
    except GovinfoError as exc:
        return BatchItem(path, None, str(exc))
    except Exception as exc:  # noqa: BLE001 - a batch reports a defect per file and goes on
        return BatchItem(
            path,
            None,
            f"{display_name(path)}: internal error ({type(exc).__name__}: {exc}); please report it",
        )


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    recursive: bool = False,
    template: str | None = None,
    max_bytes: int | None = None,
) -> Generator[BatchItem, None, None]:
    """Parse many files, yielding one :class:`BatchItem` per file, in input order.

    Directories are expanded (sorted; ``recursive`` descends), and entries that
    cannot be read are yielded as failures (:func:`iter_files`). With ``jobs``
    > 1 the files are parsed in that many processes, at most a few files ahead
    of the one being yielded, so memory stays flat however many files there
    are and the order is the same whatever ``jobs``. A file that cannot be
    read is yielded with its error and the batch goes on; so is a file whose
    process died reading it (killed for lack of memory, say): the processes
    are started anew and the other files parsed.

    Closing the generator (or an exception, such as ``KeyboardInterrupt``,
    while it waits) stops the processes at once.

    Examples:
        >>> import govinfo, pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("行政许可 | 5 |", "utf-8")
        >>> _ = (folder / "b.txt").write_bytes(bytes(range(128, 256)) * 4)
        >>> [(i.path.endswith("a.txt"), i.ok) for i in govinfo.parse_many([folder])]
        [(True, True), (False, False)]
    """
    listing = _listing(paths, recursive=recursive)
    if jobs <= 1:
        for path, error in listing:
            yield _one(path, template, max_bytes) if error is None else BatchItem(path, None, error)
        return
    yield from _Workers(jobs, template, max_bytes).run(listing)


def _worker_signals() -> None:
    """Leave interruption to the batch: a terminal's Ctrl-C reaches every process of the job."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _stop(pool: cf.ProcessPoolExecutor) -> None:
    """Stop ``pool`` now: pending files cancelled, its processes ended mid-file."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    # Earlier Pythons have no public way to end a pool's processes.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join()


@attrs.define
class _Workers:
    """Processes parsing files, started anew when one dies."""

    jobs: int
    template: str | None
    max_bytes: int | None

    def _pool(self, jobs: int) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(max_workers=jobs, initializer=_worker_signals)

    def run(self, listing: Iterable[tuple[str, str | None]]) -> Iterator[BatchItem]:
        """Parse the files of ``listing``, yielding their items in its order."""
        window: collections.deque[tuple[str, cf.Future[BatchItem] | BatchItem]]
        window = collections.deque()
        pool = self._pool(self.jobs)
        try:
            for path, error in listing:
                if error is None:
                    window.append((path, pool.submit(_one, path, self.template, self.max_bytes)))
                else:
                    window.append((path, BatchItem(path, None, error)))
                while len(window) >= self.jobs * _AHEAD:
                    item, pool = self._next(window, pool)
                    yield item
            while window:
                item, pool = self._next(window, pool)
                yield item
        except BaseException:  # interrupted, or closed early: stop the processes now
            _stop(pool)
            raise
        pool.shutdown()

    def _next(
        self,
        window: collections.deque[tuple[str, cf.Future[BatchItem] | BatchItem]],
        pool: cf.ProcessPoolExecutor,
    ) -> tuple[BatchItem, cf.ProcessPoolExecutor]:
        """The first item of ``window``, and the pool to go on with."""
        _, pending = window[0]
        if isinstance(pending, cf.Future):
            try:
                pending.result()
            except BrokenProcessPool:
                pool = self._recover(window, pool)
        _, done = window.popleft()
        return (done if isinstance(done, BatchItem) else done.result()), pool

    def _recover(
        self,
        window: collections.deque[tuple[str, cf.Future[BatchItem] | BatchItem]],
        broken: cf.ProcessPoolExecutor,
    ) -> cf.ProcessPoolExecutor:
        """A process died: find the file it died of, and go on with new processes.

        Every file of ``window`` not parsed yet may be the one: each is parsed
        again alone, in a process of its own, and fails only if that process
        dies too.
        """
        broken.shutdown(wait=True)  # its processes are gone; let its thread end before forking
        for i, (path, pending) in enumerate(window):
            if isinstance(pending, cf.Future):
                settled = pending.exception() is None
                window[i] = (path, pending.result() if settled else self._alone(path))
        return self._pool(self.jobs)

    def _alone(self, path: str) -> BatchItem:
        pool = self._pool(1)
        try:
            return pool.submit(_one, path, self.template, self.max_bytes).result()
        except BrokenProcessPool:
            return BatchItem(
                path,
                None,
                f"{display_name(path)}: the process reading it died (killed, as by the "
                "system when memory runs out); the batch went on",
            )
        finally:
            pool.shutdown(wait=True)
