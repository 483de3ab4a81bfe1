"""Many files at once: streamed, in a deterministic order, past bad files and dead workers."""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import multiprocessing.process
import os
import pathlib
import signal
import stat
from multiprocessing.connection import Connection, wait
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
    """Each file of `iter_files`, with the reason it cannot be read if the listing knows."""
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
    """Parse many files, yielding one [`BatchItem`][govinfo.BatchItem] per file, in input order.

    Directories are expanded (sorted; ``recursive`` descends), and entries that
    cannot be read are yielded as failures (`iter_files`). With ``jobs``
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


# The processes are govinfo's own rather than a concurrent.futures pool: a pool's
# workers share one pipe for their results, and a worker killed while writing to
# it (the out-of-memory killer does not wait) leaves half a message there and its
# lock held: the pool hangs (seen here in 2 of 5 runs of ProcessPoolExecutor on
# Python 3.11, whose manager thread waits for the rest of the message forever).
# Each worker here has a pipe of its own: its death ends only its pipe, and tells
# which file killed it.


def _serve(conn: Connection, template: str | None, max_bytes: int | None) -> None:
    """A worker: parse each path received on ``conn`` and send back its item, until the end."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C reaches the whole job
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _unblock_stops()
    while True:
        try:
            path = conn.recv()
        except EOFError:  # the batch is over, or gone
            return
        item = _one(path, template, max_bytes)
        try:
            conn.send(item)
        except Exception as exc:  # noqa: BLE001 - a result that cannot be sent is one file's defect
            reason = f"internal error (its result cannot be sent: {type(exc).__name__})"
            conn.send(BatchItem(path, None, f"{display_name(path)}: {reason}; please report it"))


_STOPS = {signal.SIGINT, signal.SIGTERM}


def _block_stops() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)


def _unblock_stops() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)


#: Files sent to a worker ahead of its answers, so that it never waits for the next.
_DEPTH = 2


@attrs.define
class _Worker:
    """One process, its end of the pipe, and the files sent to it (the first being read)."""

    process: multiprocessing.process.BaseProcess
    conn: Connection
    entries: collections.deque[_Entry] = attrs.Factory(collections.deque)

    @classmethod
    def start(cls, template: str | None, max_bytes: int | None) -> _Worker:
        """Start a worker; it ignores SIGINT and SIGTERM until it has its own handlers."""
        ours, theirs = multiprocessing.Pipe()
        process = multiprocessing.Process(
            target=_serve, args=(theirs, template, max_bytes), daemon=True
        )
        _block_stops()
        try:
            process.start()
        finally:
            _unblock_stops()
        theirs.close()
        return cls(process, ours)

    def stop(self) -> None:
        """End the process, mid-file if need be."""
        self.process.terminate()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


@attrs.define
class _Entry:
    """One file of the listing: its item once known."""

    path: str
    item: BatchItem | None = None


@attrs.define
class _Workers:
    """``jobs`` worker processes parsing the files of a listing, at most a few ahead.

    ``waiting`` holds the files listed but not yet sent to a worker, in order.
    """

    jobs: int
    template: str | None
    max_bytes: int | None
    workers: list[_Worker] = attrs.Factory(list)
    waiting: collections.deque[_Entry] = attrs.Factory(collections.deque)

    def run(self, listing: Iterable[tuple[str, str | None]]) -> Iterator[BatchItem]:
        """Parse the files of ``listing``, yielding their items in its order."""
        files = iter(listing)
        window: collections.deque[_Entry] = collections.deque()
        try:
            self.workers = [_Worker.start(self.template, self.max_bytes) for _ in range(self.jobs)]
            listed = True
            while True:
                while listed and len(window) < self.jobs * _AHEAD:
                    listed = self._list(files, window)
                self._dispatch()
                while window and (item := window[0].item) is not None:
                    window.popleft()
                    yield item
                if window:
                    self._collect()  # the first file is being read: a worker is busy
                elif not listed:
                    break
        finally:  # done, interrupted, or closed early: no process outlives the batch
            for worker in self.workers:
                worker.stop()

    def _list(
        self, files: Iterator[tuple[str, str | None]], window: collections.deque[_Entry]
    ) -> bool:
        """Take the next file of the listing into ``window``; whether there was one."""
        try:
            path, error = next(files)
        except StopIteration:
            return False
        entry = _Entry(path, None if error is None else BatchItem(path, None, error))
        window.append(entry)
        if error is None:
            self.waiting.append(entry)
        return True

    def _dispatch(self) -> None:
        """Send the files waiting to the workers, up to `_DEPTH` each."""
        for i in range(len(self.workers)):
            while self.waiting and len(self.workers[i].entries) < _DEPTH:
                worker = self.workers[i]
                try:
                    worker.conn.send(self.waiting[0].path)
                except OSError:  # it died; _replace tells which file of its it was reading
                    self._replace(i)
                    continue
                worker.entries.append(self.waiting.popleft())

    def _collect(self) -> None:
        """Wait for a worker to finish a file, or to die of it."""
        busy = [w for w in self.workers if w.entries]
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
        for i, worker in enumerate(self.workers):
            if worker.entries and worker.conn in ready:
                with contextlib.suppress(EOFError, OSError):  # died, perhaps mid-answer
                    while worker.entries:
                        worker.entries[0].item = worker.conn.recv()
                        worker.entries.popleft()
                        if not worker.conn.poll():
                            break
            if worker.process.sentinel in ready:
                self._replace(i)

    def _replace(self, i: int) -> None:
        """Worker ``i`` died: the file it was reading fails; the ones after it wait again."""
        worker = self.workers[i]
        worker.stop()
        if worker.entries:
            reading, *unread = worker.entries
            reading.item = BatchItem(
                reading.path,
                None,
                f"{display_name(reading.path)}: the process reading it died (killed, as by "
                "the system when memory runs out); the batch went on",
            )
            self.waiting.extendleft(reversed(unread))
        self.workers[i] = _Worker.start(self.template, self.max_bytes)
