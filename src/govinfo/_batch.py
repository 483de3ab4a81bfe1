"""Many files at once: streamed, in a deterministic order, past bad files and dead workers."""

from __future__ import annotations

import collections
import contextlib
import ctypes
import gc
import math
import multiprocessing
import multiprocessing.process
import os
import pathlib
import signal
import stat
import time
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from govinfo._errors import GovinfoError
from govinfo.inputs.load import display_name
from govinfo.reading.parse import ParseResult, parse_file

if TYPE_CHECKING:
    from collections.abc import Generator, Iterable, Iterator


#: What a batch makes of each file's item (``parse_many``: the item itself).
T = TypeVar("T")


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
        return BatchItem(path, None, _internal(path, exc))


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
    yield from run_many(
        paths, _whole, jobs=jobs, recursive=recursive, template=template, max_bytes=max_bytes
    )


def _whole(item: BatchItem) -> BatchItem:
    return item


def run_many(
    paths: Iterable[str | os.PathLike[str]],
    work: Callable[[BatchItem], T],
    *,
    jobs: int = 1,
    recursive: bool = False,
    template: str | None = None,
    max_bytes: int | None = None,
) -> Generator[T, None, None]:
    """`parse_many`, yielding ``work(item)`` for each item, made where the file was parsed.

    With ``jobs`` > 1, ``work`` runs in the worker processes and only what it
    returns crosses the pipe: the command line formats its output records
    there, so that the main process writes bytes rather than unpickling
    results. An item made in the main process (a file the listing or a dead
    worker failed) goes through ``work`` there. ``work`` must be picklable
    (a module's function, or an instance of a module's class) and must not
    fail; if it raises, the file fails as an internal error.
    """
    listing = _listing(paths, recursive=recursive)
    if jobs <= 1:
        for path, error in listing:
            failed = None if error is None else BatchItem(path, None, error)
            yield done(failed or _one(path, template, max_bytes), work)
        return
    yield from _Workers(jobs, template, max_bytes, work).run(listing)


def done(item: BatchItem, work: Callable[[BatchItem], T]) -> T:
    """``work(item)``; an exception it raises fails the file as an internal error."""
    try:
        return work(item)
    except Exception as exc:  # noqa: BLE001 - a batch reports a defect per file and goes on
        return work(BatchItem(item.path, None, _internal(item.path, exc)))


def _internal(path: str, exc: Exception) -> str:
    return f"{display_name(path)}: internal error ({type(exc).__name__}: {exc}); please report it"


# The processes are govinfo's own rather than a concurrent.futures pool: a pool's
# workers share one pipe for their results, and a worker killed while writing to
# it (the out-of-memory killer does not wait) leaves half a message there and its
# lock held: the pool hangs (seen here in 2 of 5 runs of ProcessPoolExecutor on
# Python 3.11, whose manager thread waits for the rest of the message forever).
# Each worker here has a pipe of its own: its death ends only its pipe, and the
# number it last wrote in memory shared with the main process tells which file
# killed it.
#
# Results travel in batches. Sent one by one, each wakes the main process, and a
# wake-up costs the main process, its caches cold, about a tenth of what parsing a
# small text report costs the worker; the main process then takes a core's share
# that the workers need. A worker holds what it made until it has nothing left
# to read or has held `_LATENCY` seconds of work, and the main process sends
# each worker about twice that much work ahead, as the pace of the files so far
# tells: a few files when each takes long (PDFs), dozens when they are small.

#: Seconds of work a worker may hold before sending it: the main process wakes
#: about this often per worker.
_LATENCY = 0.01

#: Files sent to a worker ahead of its answers: at least this many, so that it
#: never waits for the next, ...
_DEPTH = 2
#: ... and at most this many, however fast they are read.
_MOST = 32

#: Files listed per process beyond those sent to it and those it has answered,
#: which wait for the files before them to be yielded.
_AHEAD = 2


def _serve(
    conn: Connection,
    reading: ctypes.c_longlong,
    template: str | None,
    max_bytes: int | None,
    work: Callable[[BatchItem], T],
) -> None:
    """A worker: parse the files received on ``conn``, sending back what ``work`` makes of them.

    Before reading a file, the worker writes its number in ``reading``.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a terminal's Ctrl-C reaches the whole job
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _unblock_stops()
    queue: collections.deque[tuple[int, str]] = collections.deque()
    held: list[tuple[str, T]] = []
    busy = 0.0
    while True:
        if not queue:
            if held and not conn.poll():  # nothing more to read: send what was made
                if not _send(conn, busy, held, work):
                    return
                held, busy = [], 0.0
            try:
                queue.extend(conn.recv())
            except EOFError:  # the batch is over, or gone
                return
            continue
        number, path = queue.popleft()
        reading.value = number
        start = time.perf_counter()
        held.append((path, done(_one(path, template, max_bytes), work)))
        busy += time.perf_counter() - start
        if busy >= _LATENCY:
            if not _send(conn, busy, held, work):
                return
            held, busy = [], 0.0


def _send(
    conn: Connection, busy: float, held: list[tuple[str, T]], work: Callable[[BatchItem], T]
) -> bool:
    """Send what was made of the files ``held``; whether the main process is still there."""
    try:
        data = ForkingPickler.dumps((busy, [made for _, made in held]))
    except Exception:  # noqa: BLE001 - a result that cannot be sent is one file's defect
        data = ForkingPickler.dumps((busy, [_sendable(path, made, work) for path, made in held]))
    try:
        conn.send_bytes(data)
    except OSError:  # the main process is gone
        return False
    return True


def _sendable(path: str, made: T, work: Callable[[BatchItem], T]) -> T:
    """``made``, or the failure of its file if it cannot be pickled."""
    try:
        ForkingPickler.dumps(made)
    except Exception as exc:  # noqa: BLE001 - one file's defect
        reason = f"internal error (its result cannot be sent: {type(exc).__name__})"
        return done(
            BatchItem(path, None, f"{display_name(path)}: {reason}; please report it"), work
        )
    return made


_STOPS = {signal.SIGINT, signal.SIGTERM}


def _block_stops() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)


def _unblock_stops() -> None:
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)


@attrs.define
class _Worker(Generic[T]):
    """One process, its end of the pipe, and the files sent to it and not yet answered.

    ``reading`` is the number of the file it is reading (or last read).
    """

    process: multiprocessing.process.BaseProcess
    conn: Connection
    reading: ctypes.c_longlong
    entries: collections.deque[_Entry[T]] = attrs.Factory(collections.deque)

    @classmethod
    def start(
        cls, template: str | None, max_bytes: int | None, work: Callable[[BatchItem], T]
    ) -> _Worker[T]:
        """Start a worker; it ignores SIGINT and SIGTERM until it has its own handlers."""
        ours, theirs = multiprocessing.Pipe()
        reading = multiprocessing.RawValue(ctypes.c_longlong, -1)
        process = multiprocessing.Process(
            target=_serve, args=(theirs, reading, template, max_bytes, work), daemon=True
        )
        _block_stops()
        # The objects made so far are left out of the worker's collections: a collection
        # walking them would write to, and so copy, every page of them (as the gc
        # module's documentation advises for fork without exec). One the caller froze
        # stays frozen.
        thaw = gc.get_freeze_count() == 0
        gc.freeze()
        try:
            process.start()
        finally:
            if thaw:
                gc.unfreeze()
            _unblock_stops()
        theirs.close()
        return cls(process, ours, reading)

    def stop(self) -> None:
        """End the process, mid-file if need be."""
        _stop_all([self])


def _stop_all(workers: Iterable[_Worker[Any]]) -> None:
    """End the workers' processes, mid-file if need be: all told at once, then awaited.

    A process takes a while to end (its memory to be given back): awaited in
    turn, each would add its time to the batch's.
    """
    ending = list(workers)
    for worker in ending:
        worker.process.terminate()
    for worker in ending:
        worker.process.join(5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()


@attrs.define
class _Entry(Generic[T]):
    """One file of the listing, by its number there: what was made of it, once known."""

    number: int
    path: str
    made: T | None = None


@attrs.define
class _Workers(Generic[T]):
    """``jobs`` worker processes parsing the files of a listing, at most a few ahead.

    ``waiting`` holds the files listed but not yet sent to a worker, in order;
    ``pace`` is the seconds a file has taken, lately.
    """

    jobs: int
    template: str | None
    max_bytes: int | None
    work: Callable[[BatchItem], T]
    workers: list[_Worker[T]] = attrs.Factory(list)
    waiting: collections.deque[_Entry[T]] = attrs.Factory(collections.deque)
    pace: float | None = None
    listed: int = 0

    def run(self, listing: Iterable[tuple[str, str | None]]) -> Iterator[T]:
        """Parse the files of ``listing``, yielding what ``work`` made of them in its order."""
        files = iter(listing)
        window: collections.deque[_Entry[T]] = collections.deque()
        try:
            self.workers = [self._start() for _ in range(self.jobs)]
            listed = True
            while True:
                while listed and len(window) < self.jobs * (2 * self._depth() + _AHEAD):
                    listed = self._list(files, window)
                self._dispatch()
                while window and (made := window[0].made) is not None:
                    window.popleft()
                    yield made
                if window:
                    self._collect()  # the first file is being read: a worker is busy
                elif not listed:
                    break
        finally:  # done, interrupted, or closed early: no process outlives the batch
            _stop_all(self.workers)

    def _start(self) -> _Worker[T]:
        return _Worker.start(self.template, self.max_bytes, self.work)

    def _depth(self) -> int:
        """How many files each worker is sent ahead: about ``4 * _LATENCY`` of work."""
        if self.pace is None:
            return _DEPTH
        return max(_DEPTH, min(_MOST, math.ceil(4 * _LATENCY / max(self.pace, 1e-6))))

    def _list(
        self, files: Iterator[tuple[str, str | None]], window: collections.deque[_Entry[T]]
    ) -> bool:
        """Take the next file of the listing into ``window``; whether there was one."""
        try:
            path, error = next(files)
        except StopIteration:
            return False
        entry: _Entry[T] = _Entry(self.listed, path)
        self.listed += 1
        window.append(entry)
        if error is None:
            self.waiting.append(entry)
        else:
            entry.made = done(BatchItem(path, None, error), self.work)
        return True

    def _dispatch(self) -> None:
        """Send the files waiting to the workers, up to `_depth` each, in one message each."""
        depth = self._depth()
        for i in range(len(self.workers)):
            while self.waiting and len(self.workers[i].entries) < depth:
                worker = self.workers[i]
                sent = [
                    self.waiting.popleft()
                    for _ in range(min(depth - len(worker.entries), len(self.waiting)))
                ]
                try:
                    worker.conn.send([(entry.number, entry.path) for entry in sent])
                except OSError:  # it died; _replace tells which file of its it was reading
                    self.waiting.extendleft(reversed(sent))
                    self._replace(i)
                    continue
                worker.entries.extend(sent)

    def _collect(self) -> None:
        """Wait for a worker to send what it made, or to die."""
        busy = [w for w in self.workers if w.entries]
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
        for i, worker in enumerate(self.workers):
            if worker.entries and worker.conn in ready:
                with contextlib.suppress(EOFError, OSError):  # died, perhaps mid-answer
                    while worker.entries:
                        seconds, made = worker.conn.recv()
                        self._paced(seconds, len(made))
                        for each in made:
                            worker.entries.popleft().made = each
                        if not worker.conn.poll():
                            break
            if worker.process.sentinel in ready:
                self._replace(i)

    def _paced(self, seconds: float, files: int) -> None:
        """Take the time ``files`` took into the pace."""
        each = seconds / max(files, 1)
        self.pace = each if self.pace is None else 0.7 * self.pace + 0.3 * each

    def _replace(self, i: int) -> None:
        """Worker ``i`` died: the file it was reading fails; the others sent to it wait again."""
        worker = self.workers[i]
        worker.stop()
        killer = worker.reading.value
        unread = []
        for entry in worker.entries:
            if entry.number != killer:
                unread.append(entry)
                continue
            died = BatchItem(
                entry.path,
                None,
                f"{display_name(entry.path)}: the process reading it died (killed, as by "
                "the system when memory runs out); the batch went on",
            )
            entry.made = done(died, self.work)
        self.waiting.extendleft(reversed(unread))
        self.workers[i] = self._start()
