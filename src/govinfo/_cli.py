"""The ``govinfo`` command line."""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import math
import os
import pathlib
import signal
import sys
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

import attrs

from govinfo._batch import BatchItem, done, iter_files, run_many
from govinfo._diagnostics import NO_REPORT
from govinfo._errors import GovinfoError, JSONFormatError
from govinfo._version import __version__
from govinfo.checks.validate import Validation, validate
from govinfo.formats.json import converter, dumps, from_json, unstructure
from govinfo.formats.records import records, write_csv
from govinfo.formats.render import render, render_table
from govinfo.formats.review import IndexEntry, index_html, review_html
from govinfo.formats.schema import schema_json
from govinfo.inputs.load import display_name, example_text, read_bytes
from govinfo.models import TEMPLATES
from govinfo.reading.parse import ParseResult, parse, parse_file

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from types import FrameType

    from govinfo.models import Report

T = TypeVar("T")

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_INPUT = 2
EXIT_OUTPUT = 3
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM
EXIT_CODES = (
    (EXIT_OK, "every file was read (and, for validate, every rule of severity error holds)"),
    (EXIT_INVALID, "validate: a rule of severity error fails in some report"),
    (
        EXIT_INPUT,
        (
            "some input could not be read, held no report (parse) or no statistical table "
            "(validate), or the command line was wrong; one line per problem on stderr"
        ),
    ),
    (
        EXIT_OUTPUT,
        (
            "the output could not be written (-o names a folder, or a file in a folder that "
            "does not exist; the disk is full)"
        ),
    ),
    (
        EXIT_INTERRUPTED,
        "interrupted (Ctrl-C, SIGINT): the output written so far is whole, then the summary",
    ),
    (EXIT_TERMINATED, "terminated (SIGTERM): as for Ctrl-C"),
)  # fmt: skip

_EXAMPLES = """\
examples:
  govinfo parse report.pdf                        one report's data as JSON
  govinfo parse reports/ -r -j 4 --format jsonl -o reports.jsonl
  govinfo parse reports/ -r --format csv -o cells.csv
  govinfo validate reports/ -r                    check the 勾稽关系 of every report
  govinfo render reports.jsonl --format md        each report of parse's output as Markdown
  govinfo review reports/ -r -o pages/            a page per report: each figure beside its source
  govinfo schema v2021                            the JSON Schema of a template
"""


def _exit_status_help() -> str:
    lines = ["exit status:"]
    lines += [f"  {code:<4} {meaning}" for code, meaning in EXIT_CODES]
    return "\n".join(lines) + "\n"


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"at least 1 process, not {jobs}")
    return jobs


def _megabytes(text: str) -> float:
    try:
        size = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not (math.isfinite(size) and size > 0):
        raise argparse.ArgumentTypeError(f"a size in MB above 0, not {text!r}")
    return size


def _batch_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-r", "--recursive", action="store_true", help="descend into folders")
    command.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="use N processes (default 1)"
    )
    command.add_argument(
        "--max-size",
        type=_megabytes,
        default=50,
        metavar="MB",
        help="refuse larger files, and files that cost more to read (default 50)",
    )


def parser() -> argparse.ArgumentParser:
    """The command-line parser (also read by the docs to print the CLI reference)."""
    return _parser()


def _parser() -> argparse.ArgumentParser:
    raw = argparse.RawDescriptionHelpFormatter
    top = argparse.ArgumentParser(
        prog="govinfo",
        description="Parse and validate China's annual Open Government Information reports.",
        epilog=_EXAMPLES + "\n" + _exit_status_help(),
        formatter_class=raw,
    )
    top.add_argument("--version", action="version", version=f"govinfo {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    templates = sorted(TEMPLATES)

    def command(name: str, help_: str, examples: str) -> argparse.ArgumentParser:
        epilog = "examples:\n" + examples + "\n" + _exit_status_help()
        return sub.add_parser(
            name, help=help_, description=help_[:1].upper() + help_[1:] + ".",
            epilog=epilog, formatter_class=raw,
        )  # fmt: skip

    p = command(
        "parse",
        "parse reports and print their data",
        "  govinfo parse report.html\n"
        "  govinfo parse reports/ -r -j 4 --format jsonl -o reports.jsonl\n"
        "  govinfo parse --example --format table\n",
    )
    p.add_argument(
        "files", nargs="*", metavar="FILE", help="report files (.txt .html .docx .pdf) or folders"
    )
    _batch_options(p)
    p.add_argument("-o", "--out", metavar="FILE", help="write the output here instead of stdout")
    p.add_argument("--example", action="store_true", help="parse the bundled example report")
    p.add_argument(
        "--format",
        choices=["json", "jsonl", "csv", "table"],
        default="json",
        help="json: one object (an array for several files); jsonl: one object a line; "
        "csv: one row per value; table: readable tables",
    )
    p.add_argument("--template", choices=templates, help="force a template instead of detecting it")

    r = command(
        "render",
        "write reports (parse's JSON or JSON lines, or report files) in another form",
        "  govinfo render report.json --format md\n"
        "  govinfo render reports.jsonl --format table\n"
        "  govinfo render report.pdf --format html > report.html\n",
    )
    r.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="report JSON from parse (one report, an array, or JSON lines) or report files",
    )
    r.add_argument("--example", action="store_true", help="render the bundled example report")
    r.add_argument(
        "--format",
        choices=["text", "md", "html", "table"],
        default="text",
        help="output format (html: one report at a time)",
    )
    r.add_argument("--template", choices=templates, help="force a template when parsing")

    sc = command(
        "schema", "print the JSON Schema of a template's JSON form", "  govinfo schema v2021\n"
    )
    sc.add_argument("template", choices=templates, help="template id")

    v = command(
        "validate",
        "check the invariants (勾稽关系) of reports",
        "  govinfo validate report.pdf\n  govinfo validate reports/ -r -j 2 --format json\n",
    )
    v.add_argument("files", nargs="*", metavar="FILE", help="report files or folders")
    _batch_options(v)
    v.add_argument("--example", action="store_true", help="validate the bundled example report")
    v.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    v.add_argument("--template", choices=templates, help="force a template instead of detecting it")

    rv = command(
        "review",
        "write a page per report showing every figure beside the text it came from",
        "  govinfo review report.pdf -o pages/\n  govinfo review reports/ -r -j 2 -o pages/\n",
    )
    rv.add_argument("files", nargs="*", metavar="FILE", help="report files or folders")
    _batch_options(rv)
    rv.add_argument(
        "-o", "--out", metavar="DIR", required=True, help="folder for the pages and index.html"
    )
    rv.add_argument("--example", action="store_true", help="review the bundled example report")
    rv.add_argument("--template", choices=templates, help="force a template, not detect it")
    return top


class _Stopped(BaseException):
    """SIGINT or SIGTERM arrived: the command stops between records.

    Not an ``Exception``, so that nothing on the way mistakes it for the
    failure of one file.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.status = 128 + signum


def _stop_status(exc: BaseException) -> int:
    return exc.status if isinstance(exc, _Stopped) else EXIT_INTERRUPTED


@attrs.define
class _Signals:
    """SIGINT and SIGTERM raise `_Stopped`, never inside the writing of a record.

    Installed by `run` (a handler can only be set in the main thread);
    after the first signal, later ones are ignored while the command winds up.
    """

    holding: bool = False
    pending: int | None = None
    stopping: bool = False

    def install(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._handle)

    def _handle(self, signum: int, _: FrameType | None) -> None:
        if self.stopping:
            return
        if self.holding:
            self.pending = signum
            return
        self.stopping = True
        raise _Stopped(signum)

    @contextlib.contextmanager
    def whole(self) -> Iterator[None]:
        """Hold a signal back until the record being written is written whole."""
        held, self.holding = self.holding, True
        try:
            yield
        finally:
            self.holding = held
        if not held and self.pending is not None and not self.stopping:
            self.stopping = True
            raise _Stopped(self.pending)


_SIGNALS = _Signals()


#: What ``str.splitlines`` ends a line at, each with its escape.
_LINE_BREAKS = {ord(c): repr(c)[1:-1] for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


def _one_line(text: str) -> str:
    r"""``text`` as one line: the line breaks it holds (echoed from the input) escaped.

    Examples:
        >>> print(_one_line("a key\u2028with a break\n"))
        a key\u2028with a break\n
    """
    return text.translate(_LINE_BREAKS)


@attrs.define
class _Messages:
    """Lines for stderr: above the progress bar while it shows."""

    err: TextIO
    bar: Any = None

    def line(self, text: str) -> None:
        """Write ``text`` as one whole line."""
        text = _one_line(text)
        with _SIGNALS.whole():
            if self.bar is None:
                print(text, file=self.err, flush=True)
            else:
                self.bar.console.print(
                    text, markup=False, highlight=False, emoji=False, soft_wrap=True
                )


@attrs.define
class _Summary:
    files: int = 0
    templates: collections.Counter[str] = attrs.Factory(collections.Counter)
    with_warnings: int = 0
    failures: int = 0
    valid: int = 0
    invalid: int = 0
    stopped: int | None = None

    def add(self, record: _Record) -> None:
        self.files += 1
        if record.failure is not None:
            self.failures += 1
            return
        if record.template is not None:
            self.templates[record.template] += 1
        self.with_warnings += record.warned
        if record.valid is not None:
            self.valid += record.valid
            self.invalid += not record.valid

    def _head(self) -> str:
        if self.stopped is None:
            return f"govinfo: {self.files} files"
        name = "SIGINT" if self.stopped == EXIT_INTERRUPTED else "SIGTERM"
        return f"govinfo: stopped by {name} after {self.files} files"

    def report(self, messages: _Messages) -> None:
        """The one-line summary of a parse."""
        parsed = ", ".join(f"{t} {n}" for t, n in sorted(self.templates.items())) or "none"
        messages.line(
            f"{self._head()}: parsed {self.files - self.failures} ({parsed}); "
            f"{self.with_warnings} with warnings; {self.failures} failed"
        )

    def report_validation(self, messages: _Messages) -> None:
        """The one-line summary of a validation."""
        messages.line(
            f"{self._head()}: {self.valid} valid, {self.invalid} with failing rules, "
            f"{self.failures} unreadable or without a table"
        )


def _bar(args: argparse.Namespace, out: TextIO, err: TextIO) -> Any:  # noqa: ANN401 - rich's
    """A progress bar for stderr, or ``None``.

    Only when stderr is a terminal and the output is not (it is a file, or
    piped): the bar never touches the output, and the output's bytes never
    depend on whether there is a terminal. Needs rich (the ``cli`` extra).
    """
    if not (args.files and err.isatty() and not out.isatty()):
        return None
    try:
        from rich.console import Console  # noqa: PLC0415 - optional extra
        from rich.progress import Progress  # noqa: PLC0415
    except ImportError:
        return None
    # No refresh thread: the batch's processes are forked, and a fork copies no thread.
    return Progress(
        console=Console(file=err),
        transient=True,
        auto_refresh=False,
        redirect_stdout=False,
        redirect_stderr=False,
    )


@contextlib.contextmanager
def _items(
    args: argparse.Namespace, out: TextIO, messages: _Messages, work: Callable[[BatchItem], T]
) -> Iterator[Iterator[T]]:
    """What ``work`` makes of the example and of each file of the command line, in order.

    ``work`` runs where the file was parsed (in a worker process with
    ``--jobs``), so that what crosses the pipe is what the command writes. A
    progress bar shows on a terminal. On leaving, the batch is closed: its
    processes stop even if the command stopped half way.
    """
    batch = run_many(
        args.files,
        work,
        jobs=args.jobs,
        recursive=args.recursive,
        template=args.template,
        max_bytes=int(args.max_size * 2**20),
    )
    with contextlib.closing(batch):
        example = (
            [done(BatchItem("<example>", parse(example_text(), template=args.template)), work)]
            if args.example
            else []
        )
        bar = _bar(args, out, messages.err)
        if bar is None:
            yield _chain(example, batch)
            return
        total = len(example) + sum(1 for _ in iter_files(args.files, recursive=args.recursive))
        with bar:
            messages.bar = bar
            try:
                task = bar.add_task("parsing", total=total)
                yield _advancing(
                    _chain(example, batch), lambda: bar.update(task, advance=1, refresh=True)
                )
            finally:
                messages.bar = None


def _chain(first: list[T], rest: Iterator[T]) -> Iterator[T]:
    yield from first
    yield from rest


def _advancing(items: Iterator[T], advance: Callable[[], object]) -> Iterator[T]:
    for item in items:
        advance()
        yield item


def _item(item: BatchItem) -> BatchItem:
    """The whole item, for a command that needs the result itself (``review``)."""
    return item


@attrs.frozen
class _Record:
    """What a command writes of one file, made where the file was parsed.

    ``failure`` says why nothing is written (the line for stderr, after
    ``govinfo: ``); else ``text`` is the output record and ``data`` the
    document of ``validate --format json``.
    """

    failure: str | None = None
    template: str | None = None
    warned: bool = False
    valid: bool | None = None
    text: str = ""
    data: dict[str, Any] | None = None


def _result_json(name: str, result: ParseResult) -> dict[str, Any]:
    data = unstructure(result.report)
    data["file"] = name
    data["diagnostics"] = [converter().unstructure(d) for d in result.diagnostics]
    return data


def _many(args: argparse.Namespace) -> bool:
    """Whether the output is about several files (a JSON array, a summary)."""
    return (
        args.recursive
        or len(args.files) + args.example > 1
        or any(pathlib.Path(f).is_dir() for f in args.files)
    )


@attrs.frozen
class _ParseRecord:
    """``parse``'s work on one file: its record in ``format``, as text.

    Separators between records (``json``'s commas, ``table``'s rules) and the
    CSV header depend on the records before, so `_write` adds them.
    """

    format: str
    many: bool

    def __call__(self, item: BatchItem) -> _Record:
        """The file's record, or why it has none."""
        result = item.result
        if result is None:
            return _Record(failure=item.error)
        name = display_name(item.path)
        if result.template is None:
            return _Record(failure=f"{name}: {_no_report(result)}")
        warned = any(d.severity.value != "info" for d in result.diagnostics)
        return _Record(template=result.template, warned=warned, text=self._text(name, result))

    def _text(self, name: str, result: ParseResult) -> str:
        if self.format == "json":
            return dumps(_result_json(name, result), indent=2)
        if self.format == "jsonl":
            return dumps(_result_json(name, result), indent=None) + "\n"
        if self.format == "csv":
            rows = io.StringIO(newline="")
            write_csv(((name, rec) for rec in records([result])), rows, header=False)
            return rows.getvalue()
        text = f"# {_one_line(name)}\n" if self.many else ""
        text += render_table(result.report) + "\n"
        shown = [d for d in result.diagnostics if d.severity.value != "info"]
        if shown:
            text += "\ndiagnostics:\n" + "".join(f"  {d}\n" for d in shown)
        return text


def _write(args: argparse.Namespace, out: TextIO, text: str, *, first: bool, many: bool) -> None:
    """Write one record of ``parse``, with what goes between it and the one before."""
    if args.format == "json":
        out.write(("" if first else ",\n") + text if many else text + "\n")
        return
    if args.format == "csv" and first:
        write_csv((), out)
    elif args.format == "table" and not first:
        out.write("\n" + "=" * 60 + "\n\n")
    out.write(text)


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    messages = _Messages(err)
    summary = _Summary()
    many = _many(args)
    first = True
    if args.format == "json" and many:
        out.write("[\n")
    try:
        with _items(args, out, messages, _ParseRecord(args.format, many)) as records:
            for record in records:
                # A file is counted as it is written: a signal waits for both.
                with _SIGNALS.whole():
                    summary.add(record)
                    if record.failure is not None:
                        messages.line(f"govinfo: {record.failure}")
                        continue
                    _write(args, out, record.text, first=first, many=many)
                    first = False
    except (_Stopped, KeyboardInterrupt) as exc:
        summary.stopped = _stop_status(exc)
    if args.format == "json" and many:
        out.write("\n]\n")
    out.flush()
    if many or summary.stopped is not None:
        summary.report(messages)  # the failures were each reported as they came
    if summary.stopped is not None:
        return summary.stopped
    return EXIT_INPUT if summary.failures else EXIT_OK


def _no_report(result: ParseResult) -> str:
    """Why ``result`` holds no report: its ``no-report`` diagnostic."""
    note = next(d for d in result.diagnostics if d.code == NO_REPORT.name)
    return f"{note.code}: {note.message}"


def _json_reports(name: str, data: bytes) -> Iterator[tuple[str, Report | JSONFormatError]]:
    """The reports of JSON written by ``govinfo parse``: one, an array, or JSON lines.

    Each comes with a label (its ``file`` and its place in ``name``) and is a
    report or the error that says why it is not one.
    """
    if data.lstrip().startswith(b"["):
        try:
            array = json.loads(data)
        except RecursionError:
            raise JSONFormatError(f"{name}: not a report: JSON nested too deeply") from None
        except ValueError as exc:
            raise JSONFormatError(f"{name}: not JSON: {exc}") from None
        if not isinstance(array, list) or not array:
            raise JSONFormatError(f"{name}: an empty array holds no report")
        pieces = [(f"{name}[{i}]", element, _dumped(element)) for i, element in enumerate(array)]
    else:
        lines = [
            (f"{name}:{number}", line)
            for number, line in enumerate(data.splitlines(), start=1)
            if line.strip()
        ]
        if len(lines) < 2 or not isinstance(_loads(lines[0][1]), dict):
            yield name, _report(name, data)
            return
        pieces = [(place, _loads(line), line) for place, line in lines]
    for place, element, text in pieces:
        file = element.get("file") if isinstance(element, dict) else None
        label = f"{display_name(file)} ({place})" if isinstance(file, str) else place
        yield label, _report(place, text)


def _loads(line: bytes) -> object:
    """One line's JSON, or ``None`` when it is not JSON (from_json will say why)."""
    try:
        data: object = json.loads(line)
    except (ValueError, RecursionError):
        return None
    return data


def _dumped(data: object) -> bytes:
    try:
        return json.dumps(data).encode()
    except RecursionError:
        return b"[" * 10_000  # refused by from_json as nested too deeply


def _report(place: str, text: bytes) -> Report | JSONFormatError:
    try:
        return from_json(text)
    except JSONFormatError as exc:
        return JSONFormatError(f"{place}: {exc}")


def _is_json(name: str, data: bytes) -> bool:
    suffix = os.path.splitext(name)[1].lower()  # noqa: PTH122 - name may be "<example>"
    return suffix in {".json", ".jsonl", ".ndjson"} or data.lstrip()[:1] in {b"{", b"["}


def _reports(name: str, args: argparse.Namespace) -> Iterator[tuple[str, Report | GovinfoError]]:
    """The reports of one argument of ``render``: JSON from ``govinfo parse``, or a report file."""
    if name == "<example>" and args.example:
        yield name, parse(example_text(), template=args.template).report
        return
    data = read_bytes(name)
    if _is_json(name, data):
        yield from _json_reports(display_name(name), data)
        return
    yield display_name(name), parse_file(name, template=args.template).report


def _cmd_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    messages = _Messages(err)
    status = EXIT_OK
    names: list[str] = (["<example>"] if args.example else []) + list(args.files)
    found: list[tuple[str, Report]] = []
    for name in names:
        try:
            for label, report in _reports(name, args):
                if isinstance(report, GovinfoError):
                    messages.line(f"govinfo: {report}")
                    status = EXIT_INPUT
                else:
                    found.append((label, report))
        except GovinfoError as exc:  # every message starts with the file's name
            messages.line(f"govinfo: {exc}")
            status = EXIT_INPUT
    if args.format == "html" and len(found) > 1:
        messages.line(
            f"govinfo: {len(found)} reports: --format html writes one report a page; "
            "render them one at a time, or use --format md"
        )
        return EXIT_INPUT
    for label, report in found:
        with _SIGNALS.whole():
            if len(found) > 1:
                out.write(f"==> {_one_line(label)} <==\n")
            out.write(render(report, format=args.format))
            if len(found) > 1:
                out.write("\n")
    return status


def _validation_json(name: str, result: ParseResult, validation: Validation) -> dict[str, Any]:
    conv = converter()
    return {
        "file": name,
        "template": result.template,
        "ok": validation.ok,
        "failures": [conv.unstructure(f) for f in validation.failures],
        "findings": len(validation.findings),
        "sections": None
        if result.sections is None
        else {
            "missing": list(result.sections.missing),
            "in_order": result.sections.in_order,
        },
    }


def _validation_text(name: str, result: ParseResult, validation: Validation) -> str:
    passed = sum(f.verdict.value == "passed" for f in validation.findings)
    uncheckable = sum(f.verdict.value == "not checkable" for f in validation.findings)
    verdict = "ok" if validation.ok else f"{len(validation.errors)} failing"
    head = f"{_one_line(name)}: {result.template}: {verdict}"
    lines = [f"{head} ({passed} passed, {uncheckable} not checkable)"]
    lines += [f"  {finding.severity.value}: {finding.message}" for finding in validation.failures]
    if result.sections is not None:
        lines.append(f"  {result.sections.summary()}")
    return "\n".join(lines) + "\n"


@attrs.frozen
class _ValidationRecord:
    """``validate``'s work on one file: its rules checked, and its verdict in ``format``."""

    format: str

    def __call__(self, item: BatchItem) -> _Record:
        """The file's verdict, or why it has none."""
        name, result = display_name(item.path), item.result
        if result is None:
            return _Record(failure=item.error)
        if not result.report.meta.tables_found:
            return _Record(failure=f"{name}: no statistical table found")
        validation = validate(result.report)
        if self.format == "json":
            return _Record(valid=validation.ok, data=_validation_json(name, result, validation))
        return _Record(valid=validation.ok, text=_validation_text(name, result, validation))


def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    messages = _Messages(err)
    summary = _Summary()
    docs = []
    try:
        with _items(args, out, messages, _ValidationRecord(args.format)) as records:
            for record in records:
                # A file is counted as it is written: a signal waits for both.
                with _SIGNALS.whole():
                    summary.add(record)
                    if record.failure is not None:
                        messages.line(f"govinfo: {record.failure}")
                        continue
                    if record.data is not None:
                        docs.append(record.data)
                        continue
                    out.write(record.text)
    except (_Stopped, KeyboardInterrupt) as exc:
        summary.stopped = _stop_status(exc)
    if args.format == "json":
        out.write(dumps(docs, indent=2) + "\n")
    out.flush()
    if _many(args) or summary.stopped is not None:
        summary.report_validation(messages)
    if summary.stopped is not None:
        return summary.stopped
    if summary.failures:
        return EXIT_INPUT
    return EXIT_INVALID if summary.invalid else EXIT_OK


def _cmd_parse_to_file(args: argparse.Namespace, err: TextIO) -> int:
    """``parse -o FILE``: a file that cannot be written is one line and its own status."""
    shown = display_name(args.out)
    try:
        handle = open(args.out, "w", encoding="utf-8", newline="")  # noqa: PTH123, SIM115
    except OSError as exc:
        print(f"govinfo: {shown}: cannot write the output ({exc.strerror})", file=err)
        return EXIT_OUTPUT
    try:
        with handle:
            return _cmd_parse(args, handle, err)
    except OSError as exc:  # the disk filled up, the device went away
        print(f"govinfo: {shown}: cannot write the output ({exc.strerror})", file=err)
        return EXIT_OUTPUT


def _page_name(path: str, taken: set[str]) -> str:
    """A file name for the page of ``path`` in the output folder, unlike those ``taken``."""
    stem = pathlib.Path(path).name.strip("<>") or "report"
    name, n = f"{stem}.html", 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}.html"
    taken.add(name)
    return name


def _cmd_review(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """One evidence page per report in ``args.out``, and an index of them; prints the index."""
    messages = _Messages(err)
    folder = pathlib.Path(args.out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        messages.line(f"govinfo: {folder}: cannot write pages there ({exc.strerror})")
        return EXIT_OUTPUT
    status = EXIT_OK
    entries: list[IndexEntry] = []
    taken = {"index.html"}
    try:
        with _items(args, out, messages, _item) as items:
            for item in items:
                name = display_name(item.path)
                if item.result is None:
                    messages.line(f"govinfo: {item.error}")
                    entries.append(IndexEntry(name, None, None, item.error))
                    status = EXIT_INPUT
                    continue
                page = _page_name(item.path, taken)
                (folder / page).write_text(review_html(item.result, name=name), "utf-8")
                entries.append(IndexEntry(name, page, item.result))
    except (_Stopped, KeyboardInterrupt) as exc:
        status = _stop_status(exc)
    index = folder / "index.html"
    index.write_text(index_html(entries), "utf-8")
    print(index, file=out)
    return status


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the CLI; returns the exit status (see ``EXIT_CODES``)."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    top = _parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        top.print_help(out)
        return EXIT_OK
    args = top.parse_args(argv)
    if args.command == "schema":
        print(schema_json(args.template), file=out)
        return EXIT_OK
    if not args.files and not args.example:
        print(f"govinfo {args.command}: give FILE... or --example", file=err)
        return EXIT_INPUT
    try:
        if args.command == "parse":
            return _cmd_parse_to_file(args, err) if args.out else _cmd_parse(args, out, err)
        if args.command == "render":
            return _cmd_render(args, out, err)
        if args.command == "review":
            return _cmd_review(args, out, err)
        return _cmd_validate(args, out, err)
    except (_Stopped, KeyboardInterrupt) as exc:  # between the commands' own records
        return _stop_status(exc)


def _quit_quietly() -> NoReturn:
    """The reader of stdout (``| head``) is gone: stop without a word, as Unix tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_OK)


def run() -> None:
    """Console-script entry point: no traceback for a closed pipe, Ctrl-C or SIGTERM."""
    _SIGNALS.install()
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        _quit_quietly()
    except (_Stopped, KeyboardInterrupt) as exc:
        status = _stop_status(exc)
    sys.exit(status)
