"""How many cells govinfo reads back from the shapes printers and text extractors make.

Usage: python benchmarks/printed.py [--reports N] [--out DIR] [-v] [SHAPE ...]

Generated reports (distinct values, blanks, per template) and the v2019/v2021
reports of tests/data/seeds are written as HTML and Word, printed to PDF by
the machine's Chromium (HTML) and LibreOffice (Word), and the PDFs extracted
by poppler's ``pdftotext`` in its three modes (``-layout``, ``-raw``, plain).
Each file is parsed, and each cell of the report counted right, blank or
wrong (a wrong value is one read where the report has another, or none).
Shapes whose program the machine lacks are left out, saying so. Never run
in the test suite: the programs are not everywhere, and printing is slow.

SHAPE words narrow the table to the shapes whose names hold them
(``txt-layout``, ``chr.pdf``); ``-v`` prints every wrong value.
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

import attrs

import govinfo
from govinfo.formats.render import render_html

ROOT = pathlib.Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _reports(n: int) -> list[tuple[str, govinfo.Report]]:
    from run import _generated  # noqa: PLC0415 - the benchmark's generator

    out = [(f"gen-{t}-{i}", r) for t in ("v2019", "v2021") for i, r in enumerate(_generated(n, t))]
    for path in sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt")):
        result = govinfo.parse(path.read_bytes())
        if result.template in ("v2019", "v2021"):
            out.append((f"seed-{path.stem}", result.report))
    return out


def _print(case: pathlib.Path, report: govinfo.Report) -> None:
    """The report's files in ``case``: HTML, Word, their PDFs, and the PDFs' text."""
    from shapes import report_docx  # noqa: PLC0415 - the tests' maker

    (case / "expected.json").write_text(govinfo.to_json(report), "utf-8")
    html = case / "report.html"
    html.write_text(render_html(report), "utf-8")
    (case / "report.docx").write_bytes(report_docx(report))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        subprocess.run(  # noqa: S603 - the machine's own Chromium
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             f"--print-to-pdf={case / 'chr.pdf'}", str(html)],
            capture_output=True, check=False, timeout=120,
        )  # fmt: skip
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office:
        subprocess.run(  # noqa: S603 - the machine's own LibreOffice
            [office, "--headless", "--convert-to", "pdf", "--outdir", str(case),
             str(case / "report.docx")],
            capture_output=True, check=False, timeout=180,
        )  # fmt: skip
    pdftotext = shutil.which("pdftotext")
    for pdf, tag in (("chr.pdf", "chr"), ("report.pdf", "lo")):
        if pdftotext and (case / pdf).exists():
            for mode in ("layout", "raw", "plain"):
                flags = [] if mode == "plain" else [f"-{mode}"]
                out = case / f"txt-{mode}-{tag}.txt"
                subprocess.run(  # noqa: S603 - the machine's own poppler
                    [pdftotext, *flags, str(case / pdf), str(out)], capture_output=True, check=False
                )


def _cells(report: govinfo.Report) -> dict[str, object]:
    return {r.key: r.value for r in govinfo.records([report]) if not r.key.startswith("meta.")}


def _score(out: pathlib.Path, only: list[str], verbose: bool) -> None:
    totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    for case in sorted(p for p in out.iterdir() if p.is_dir()):
        text = (case / "expected.json").read_text("utf-8")
        want, template = _cells(govinfo.from_json(text)), json.loads(text)["template"]
        for path in sorted(case.iterdir()):
            if path.suffix not in (".txt", ".pdf", ".html", ".docx"):
                continue
            shape = path.stem if path.suffix == ".txt" else path.name
            if only and not any(word in shape for word in only):
                continue
            result = govinfo.parse(path.read_bytes())
            got = _cells(result.report) if result.template == template else {}
            counts = totals[shape]
            for key, value in want.items():
                read = got.get(key)
                if read == value and value is not None:
                    counts[0] += 1
                elif read is None and value is not None:
                    counts[1] += 1
                elif read is not None and read != value:
                    counts[2] += 1
                    if verbose:
                        print(f"wrong  {case.name} {shape} {key}: read {read}, is {value}")
    print(f"{'shape':24} {'right':>6} {'blank':>6} {'wrong':>6} {'%':>6}")
    for shape, (right, blank, wrong) in sorted(totals.items()):
        share = 100 * right / max(1, right + blank + wrong)
        print(f"{shape:24} {right:6} {blank:6} {wrong:6} {share:6.1f}")
    print(f"wrong values in all: {sum(c[2] for c in totals.values())}")


def main() -> None:
    """Print the files' shapes, then score them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=6, help="generated reports per template")
    parser.add_argument("--out", type=pathlib.Path, help="keep the files here (made if need be)")
    parser.add_argument("-v", action="store_true", help="print every wrong value")
    parser.add_argument("shapes", nargs="*", help="words of the shapes to score")
    args = parser.parse_args()
    for program in ("chromium", "soffice", "pdftotext"):
        if not shutil.which(program):
            print(f"{program} is not on this machine: its shapes are left out")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or pathlib.Path(tmp)
        if not args.out or not any(out.glob("*/expected.json")):
            for name, report in _reports(args.reports):
                case = out / name
                case.mkdir(parents=True, exist_ok=True)
                _print(case, attrs.evolve(report, meta=govinfo.Meta()))
        _score(out, args.shapes, args.v)


if __name__ == "__main__":
    main()
