"""The ``govinfo`` command line."""

from __future__ import annotations

import argparse
import collections
import os
import pathlib
import sys
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from govinfo._batch import BatchItem, iter_files, parse_many
from govinfo._diagnostics import NO_REPORT
from govinfo._errors import GovinfoError
from govinfo._version import __version__
from govinfo.checks.validate import Validation, validate
from govinfo.formats.json import converter, dumps, from_json, unstructure
from govinfo.formats.records import records, write_csv
from govinfo.formats.render import render, render_table
from govinfo.formats.review import IndexEntry, index_html, review_html
from govinfo.formats.schema import schema_json
from govinfo.inputs.load import example_text, read_bytes
from govinfo.models import TEMPLATES, Report
from govinfo.reading.parse import ParseResult, parse, parse_file

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_INPUT = 2
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
    (130, "interrupted (Ctrl-C)"),
)  # fmt: skip


def _batch_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("-r", "--recursive", action="store_true", help="descend into folders")
    command.add_argument("-j", "--jobs", type=int, default=1, help="use N processes (default 1)")
    command.add_argument(
        "--max-size", type=float, default=50, metavar="MB", help="refuse larger files (default 50)"
    )


def parser() -> argparse.ArgumentParser:
    """The command-line parser (also read by the docs to print the CLI reference)."""
    return _parser()


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="govinfo",
        description="Parse and validate China's annual Open Government Information reports.",
    )
    top.add_argument("--version", action="version", version=f"govinfo {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    templates = sorted(TEMPLATES)

    p = sub.add_parser("parse", help="parse reports and print their data")
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

    r = sub.add_parser("render", help="write a report (JSON or any input file) in another form")
    r.add_argument(
        "files", nargs="*", metavar="FILE", help="report JSON (from parse) or report files"
    )
    r.add_argument("--example", action="store_true", help="render the bundled example report")
    r.add_argument(
        "--format", choices=["text", "md", "html", "table"], default="text", help="output format"
    )
    r.add_argument("--template", choices=templates, help="force a template when parsing")

    sc = sub.add_parser("schema", help="print the JSON Schema of a template's JSON form")
    sc.add_argument("template", choices=templates, help="template id")

    v = sub.add_parser("validate", help="check the invariants (勾稽关系) of reports")
    v.add_argument("files", nargs="*", metavar="FILE", help="report files or folders")
    _batch_options(v)
    v.add_argument("--example", action="store_true", help="validate the bundled example report")
    v.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    v.add_argument("--template", choices=templates, help="force a template instead of detecting it")

    rv = sub.add_parser(
        "review", help="write a page per report showing every figure beside the text it came from"
    )
    rv.add_argument("files", nargs="*", metavar="FILE", help="report files or folders")
    _batch_options(rv)
    rv.add_argument(
        "-o", "--out", metavar="DIR", required=True, help="folder for the pages and index.html"
    )
    rv.add_argument("--example", action="store_true", help="review the bundled example report")
    rv.add_argument("--template", choices=templates, help="force a template, not detect it")
    return top


def _inputs(args: argparse.Namespace, err: TextIO) -> list[tuple[str, ParseResult | None]]:
    out: list[tuple[str, ParseResult | None]] = []
    for item in _items(args, err):
        if item.result is None:
            print(f"govinfo: {item.error}", file=err)
        out.append((item.path, item.result))
    return out


def _result_json(name: str, result: ParseResult) -> dict[str, Any]:
    data = unstructure(result.report)
    data["file"] = name
    data["diagnostics"] = [converter().unstructure(d) for d in result.diagnostics]
    return data


@attrs.define
class _Summary:
    files: int = 0
    templates: collections.Counter[str] = attrs.Factory(collections.Counter)
    with_warnings: int = 0
    failures: list[tuple[str, str]] = attrs.Factory(list)

    def add(self, item: BatchItem) -> None:
        self.files += 1
        if item.result is None or item.result.template is None:
            self.failures.append((item.path, item.error or "holds no report"))
            return
        self.templates[item.result.template] += 1
        if any(d.severity.value != "info" for d in item.result.diagnostics):
            self.with_warnings += 1

    def report(self, err: TextIO) -> None:
        parsed = ", ".join(f"{t} {n}" for t, n in sorted(self.templates.items())) or "none"
        print(
            f"govinfo: {self.files} files: parsed {self.files - len(self.failures)} ({parsed}); "
            f"{self.with_warnings} with warnings; {len(self.failures)} failed",
            file=err,
        )


def _items(args: argparse.Namespace, err: TextIO) -> Iterator[BatchItem]:
    """The example and the files of the command line, parsed in order, with a progress bar."""
    if args.example:
        yield BatchItem("<example>", parse(example_text(), template=args.template))
    items = parse_many(
        args.files,
        jobs=args.jobs,
        recursive=args.recursive,
        template=args.template,
        max_bytes=int(args.max_size * 2**20),
    )
    yield from _progress(items, args, err)


def _progress(
    items: Iterator[BatchItem], args: argparse.Namespace, err: TextIO
) -> Iterator[BatchItem]:
    """A progress bar on a terminal when rich (extra ``cli``) is installed; else nothing."""
    if not (err.isatty() and args.files):
        yield from items
        return
    try:
        from rich.progress import Progress  # noqa: PLC0415 - optional extra
    except ImportError:
        yield from items
        return
    total = sum(1 for _ in iter_files(args.files, recursive=args.recursive))
    with Progress(transient=True) as progress:
        task = progress.add_task("parsing", total=total)
        for item in items:
            progress.advance(task)
            yield item


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    summary = _Summary()
    first = True
    many = (
        args.recursive
        or len(args.files) + args.example > 1
        or any(pathlib.Path(f).is_dir() for f in args.files)
    )
    if args.format == "json" and many:
        out.write("[\n")
    for item in _items(args, err):
        summary.add(item)
        if item.result is None:
            print(f"govinfo: {item.error}", file=err)
            continue
        result = item.result
        if result.template is None:
            print(f"govinfo: {item.path}: {_no_report(result)}", file=err)
            continue
        if args.format == "json":
            text = dumps(_result_json(item.path, result), indent=2)
            out.write(("" if first else ",\n") + text if many else text + "\n")
        elif args.format == "jsonl":
            out.write(dumps(_result_json(item.path, result), indent=None) + "\n")
        elif args.format == "csv":
            write_csv(((item.path, rec) for rec in records([result])), out, header=first)
        else:
            if not first:
                out.write("\n" + "=" * 60 + "\n\n")
            if many:
                out.write(f"# {item.path}\n")
            out.write(render_table(result.report) + "\n")
            shown = [d for d in result.diagnostics if d.severity.value != "info"]
            if shown:
                out.write("\ndiagnostics:\n" + "".join(f"  {d}\n" for d in shown))
        first = False
    if args.format == "json" and many:
        out.write("\n]\n")
    if many:
        summary.report(err)  # the failures were each reported as they came
    return EXIT_INPUT if summary.failures else EXIT_OK


def _no_report(result: ParseResult) -> str:
    """Why ``result`` holds no report: its ``no-report`` diagnostic."""
    note = next(d for d in result.diagnostics if d.code == NO_REPORT.name)
    return f"{note.code}: {note.message}"


def _load_report(name: str, args: argparse.Namespace) -> Report:
    """A report from JSON written by ``govinfo parse``, or parsed from any report file."""
    template: str | None = args.template
    if name == "<example>" and args.example:
        return parse(example_text(), template=template).report
    data = read_bytes(name)
    if data.lstrip()[:1] == b"{":
        return from_json(data)
    return parse_file(name, template=template).report


def _cmd_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = EXIT_OK
    names: list[str] = (["<example>"] if args.example else []) + list(args.files)
    for name in names:
        try:
            print(render(_load_report(name, args), format=args.format), file=out, end="")
        except GovinfoError as exc:
            print(f"govinfo: {name}: {exc}", file=err)
            status = EXIT_INPUT
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


def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    status = EXIT_OK
    docs = []
    for name, result in _inputs(args, err):
        if result is None:
            status = EXIT_INPUT
            continue
        if not result.report.meta.tables_found:
            print(f"govinfo: {name}: no statistical table found", file=err)
            status = EXIT_INPUT
            continue
        validation = validate(result.report)
        if not validation.ok and status == EXIT_OK:
            status = EXIT_INVALID
        if args.format == "json":
            docs.append(_validation_json(name, result, validation))
            continue
        counts = {
            v: sum(f.verdict.value == v for f in validation.findings)
            for v in ("passed", "not checkable")
        }
        verdict = "ok" if validation.ok else f"{len(validation.errors)} failing"
        print(
            f"{name}: {result.template}: {verdict} ({counts['passed']} passed, "
            f"{counts['not checkable']} not checkable)",
            file=out,
        )
        for finding in validation.failures:
            print(f"  {finding.severity.value}: {finding.message}", file=out)
        if result.sections is not None:
            print(f"  {result.sections.summary()}", file=out)
    if args.format == "json":
        print(dumps(docs, indent=2), file=out)
    return status


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
    folder = pathlib.Path(args.out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"govinfo: {folder}: cannot write pages there ({exc.strerror})", file=err)
        return EXIT_INPUT
    status = EXIT_OK
    entries: list[IndexEntry] = []
    taken = {"index.html"}
    for item in _items(args, err):
        if item.result is None:
            print(f"govinfo: {item.error}", file=err)
            entries.append(IndexEntry(item.path, None, None, item.error))
            status = EXIT_INPUT
            continue
        page = _page_name(item.path, taken)
        (folder / page).write_text(review_html(item.result, name=item.path), "utf-8")
        entries.append(IndexEntry(item.path, page, item.result))
    index = folder / "index.html"
    index.write_text(index_html(entries), "utf-8")
    print(index, file=out)
    return status


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 a rule fails, 2 unreadable input)."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    if args.command == "schema":
        print(schema_json(args.template), file=out)
        return EXIT_OK
    if not args.files and not args.example:
        print(f"govinfo {args.command}: give FILE... or --example", file=err)
        return EXIT_INPUT
    if args.command == "parse":
        if args.out:
            with open(args.out, "w", encoding="utf-8", newline="") as handle:  # noqa: PTH123
                return _cmd_parse(args, handle, err)
        return _cmd_parse(args, out, err)
    if args.command == "render":
        return _cmd_render(args, out, err)
    if args.command == "review":
        return _cmd_review(args, out, err)
    return _cmd_validate(args, out, err)


def run() -> None:
    """Console-script entry point: no traceback for a closed pipe or Ctrl-C."""
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader (``| head``) is gone: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = EXIT_OK
    except KeyboardInterrupt:
        status = 130
    sys.exit(status)
