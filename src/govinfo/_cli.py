"""The ``govinfo`` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Any, TextIO

from govinfo._errors import GovinfoError
from govinfo._export import write_csv
from govinfo._input import example_text, parse_file, read_bytes
from govinfo._json import converter, from_json, unstructure
from govinfo._parse import ParseResult, parse
from govinfo._records import records
from govinfo._render import render, render_table
from govinfo._validate import Validation, validate
from govinfo._version import __version__
from govinfo.models import TEMPLATES, Report

if TYPE_CHECKING:
    from collections.abc import Sequence

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="govinfo",
        description="Parse and validate China's annual Open Government Information reports.",
    )
    top.add_argument("--version", action="version", version=f"govinfo {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    templates = sorted(TEMPLATES)

    p = sub.add_parser("parse", help="parse reports and print their data")
    p.add_argument("files", nargs="*", metavar="FILE", help="report files (text)")
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

    v = sub.add_parser("validate", help="check the invariants (勾稽关系) of reports")
    v.add_argument("files", nargs="*", metavar="FILE", help="report files (text)")
    v.add_argument("--example", action="store_true", help="validate the bundled example report")
    v.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    v.add_argument("--template", choices=templates, help="force a template instead of detecting it")
    return top


def _inputs(args: argparse.Namespace, err: TextIO) -> list[tuple[str, ParseResult | None]]:
    names: list[str] = (["<example>"] if args.example else []) + list(args.files)
    out: list[tuple[str, ParseResult | None]] = []
    for name in names:
        try:
            if name == "<example>" and args.example:
                out.append((name, parse(example_text(), template=args.template)))
            else:
                out.append((name, parse_file(name, template=args.template)))
        except GovinfoError as exc:
            print(f"govinfo: {exc}", file=err)
            out.append((name, None))
    return out


def _result_json(name: str, result: ParseResult) -> dict[str, Any]:
    data = unstructure(result.report)
    data["file"] = name
    data["diagnostics"] = [converter().unstructure(d) for d in result.diagnostics]
    return data


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results = _inputs(args, err)
    ok = [(n, r) for n, r in results if r is not None]
    if args.format == "json":
        docs = [_result_json(n, r) for n, r in ok]
        payload: object = docs[0] if len(results) == 1 and docs else docs
        print(json.dumps(payload, ensure_ascii=False, indent=2), file=out)
    elif args.format == "jsonl":
        for name, result in ok:
            print(json.dumps(_result_json(name, result), ensure_ascii=False), file=out)
    elif args.format == "csv":
        write_csv(((n, rec) for n, r in ok for rec in records([r])), out)
    else:
        for i, (name, result) in enumerate(ok):
            if i:
                print("\n" + "=" * 60 + "\n", file=out)
            if len(results) > 1:
                print(f"# {name}", file=out)
            print(render_table(result.report), file=out)
            shown = [d for d in result.diagnostics if d.severity.value != "info"]
            if shown:
                print("\ndiagnostics:", file=out)
                for diag in shown:
                    print(f"  {diag}", file=out)
    return EXIT_OK if len(ok) == len(results) else EXIT_INPUT


def _load_report(name: str, args: argparse.Namespace) -> Report:
    """A report from JSON written by ``govinfo parse``, or parsed from any report file."""
    if name == "<example>" and args.example:
        return parse(example_text(), template=args.template).report
    data = read_bytes(name)
    if data.lstrip()[:1] == b"{":
        return from_json(data)
    return parse_file(name, template=args.template).report


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
        print(json.dumps(docs, ensure_ascii=False, indent=2), file=out)
    return status


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 a rule fails, 2 unreadable input)."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    if not args.files and not args.example:
        print(f"govinfo {args.command}: give FILE... or --example", file=err)
        return EXIT_INPUT
    if args.command == "parse":
        return _cmd_parse(args, out, err)
    if args.command == "render":
        return _cmd_render(args, out, err)
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
