"""mkdocs hook: expand ``<!-- govinfo:... -->`` markers into tables generated from the models.

The generated pages read govinfo's own declaration (templates, rules, edges,
diagnostic codes, the CLI) and run the parser on the reports in the
repository, so the docs cannot drift from the code. A Python sample followed
by ``<!-- govinfo:figure NAME -->`` is run when the docs build, and the file
NAME it writes is published beside its page. This file is docs tooling: it
is not part of the package.
"""

from __future__ import annotations

import html
import pathlib
import posixpath
import re
import subprocess
import sys
import tempfile
from typing import TYPE_CHECKING, Any

import govinfo
from govinfo._diagnostics import CODES
from govinfo.conversion.edges import COLUMNS, DIRECT, EDGES, OUTCOMES
from govinfo.formats.render import tables_html
from govinfo.formats.schema import schema_json
from govinfo.models import REGISTRY

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from govinfo.templates.spec import ColumnSpec, RowSpec

ROOT = pathlib.Path(__file__).parent.parent
_MARKER = re.compile(
    r"<!-- govinfo:(template|grid|rules|prose|edges|cli|schema|diagnostics|shapes) (\w+) -->"
)
#: A Python sample that writes a figure, and the figure's file name.
FIGURE = re.compile(
    r"^```python\n((?:(?!^```).)*?)^```\n+<!-- govinfo:figure ([\w.-]+) -->\n",
    re.MULTILINE | re.DOTALL,
)


def on_page_markdown(markdown: str, **_: Any) -> str:  # noqa: ANN401
    """Replace markers with generated Markdown."""

    def expand(m: re.Match[str]) -> str:
        kind, template = m.groups()
        if kind == "edges":
            return edges_markdown()
        if kind == "cli":
            return cli_markdown()
        if kind == "diagnostics":
            return diagnostics_markdown()
        if kind == "schema":
            return f"```json\n{schema_json(template)}\n```\n"
        if kind == "prose":
            return prose_markdown(template)
        if kind == "grid":
            return grid_markdown(template)
        if kind == "shapes":
            return shapes_markdown()
        return template_markdown(template) if kind == "template" else rules_markdown(template)

    markdown = FIGURE.sub(lambda m: m[0].replace(f"<!-- govinfo:figure {m[2]} -->", ""), markdown)
    return _MARKER.sub(expand, markdown)


def run_sample(code: str, folder: pathlib.Path) -> subprocess.CompletedProcess[str]:
    """Run a docs sample as a reader of a checkout would: in ``folder``, beside the reports.

    ``folder`` gets a link to the repository's ``tests/`` (the reports the
    samples read), and takes what the sample writes.
    """
    (folder / "tests").symlink_to(ROOT / "tests")
    return subprocess.run(  # noqa: S603 - our own documentation's sample
        [sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, check=False
    )


def on_files(files: Files, config: MkDocsConfig, **_: Any) -> Files:  # noqa: ANN401
    """Run each sample that writes a figure, and publish the figure beside its page."""
    from mkdocs.structure.files import File  # noqa: PLC0415 - mkdocs is there when it runs us

    for page in [f for f in files if f.is_documentation_page()]:
        for m in FIGURE.finditer(page.content_string):
            code, name = m.groups()
            with tempfile.TemporaryDirectory() as folder:
                proc = run_sample(code, pathlib.Path(folder))
                if proc.returncode:
                    raise RuntimeError(
                        f"{page.src_uri}: the sample of {name} fails:\n{proc.stderr}"
                    )
                figure = (pathlib.Path(folder) / name).read_bytes()
            uri = posixpath.join(posixpath.dirname(page.src_uri), name)
            files.append(File.generated(config, uri, content=figure))
    return files


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def template_markdown(template: str) -> str:
    """Every cell key of ``template`` with its official labels and unit, table by table."""
    spec = REGISTRY[template]
    out: list[str] = []
    for table in spec.tables:
        if table.key:
            out += [f"### {table.label} (`{table.key}`)", ""]
        else:  # indicators declared on the report itself (v2015 六、举报投诉 …)
            keys = ", ".join(f"`{r.key}`" for r in table.rows)
            out += [f"### {table.label} (keys at the top level: {keys})", ""]
        if table.layout == "value_block":
            out += [
                "Printed as a header and one run of values, read in the order below.",
                "",
            ]
        out += ["| key | row | column | unit |", "|---|---|---|---|"]
        for cell in (c for c in spec.cells if c.row.table == table.key):
            row = cell.row.label
            if cell.row.group is not None:
                row = f"{cell.row.group.label} {row}"
            column = cell.column.label if cell.column.name else "统计数"
            unit = cell.column.unit + (", Decimal" if cell.column.money else "")
            unit += ", signed" if cell.column.signed else ""
            out.append(f"| `{cell.key}` | {_escape(row)} | {_escape(column)} | {unit} |")
        out.append("")
    return "\n".join(out)


def grid_markdown(template: str) -> str:
    """The official tables of ``template`` as printed, each value cell holding its key."""

    def key(row: RowSpec, column: ColumnSpec) -> str:
        # Keys break at their dots, so that a wide form still fits the page.
        parts = html.escape(row.cell_key(column)).split(".")
        return f"<td><code>{'.<wbr>'.join(parts)}</code></td>"

    blank = REGISTRY[template].report_type()
    return '<div class="govinfo-form">\n' + "\n".join(tables_html(blank, key)) + "\n</div>\n"


def rules_markdown(template: str) -> str:
    """The invariants that apply to ``template``."""
    out = ["| rule | basis | severity | statement |", "|---|---|---|---|"]
    for rule in REGISTRY[template].report_type.RULES:
        total = " + ".join(f"`{k}`" for k in rule.total)
        parts = " + ".join(f"`{k}`" for k in rule.parts)
        statement = f"{_escape(rule.title)}: {total} {rule.relation} {parts}"
        out.append(f"| {rule.id} | {rule.basis} | {rule.severity.value} | {statement} |")
    return "\n".join(out) + "\n"


def prose_markdown(template: str) -> str:
    """The figures ``template`` reads from sentences: each rule's cells, words and scope."""
    out = [
        "| cells | the figure | sentences holding | in the clause after |",
        "|---|---|---|---|",
    ]
    for rule in REGISTRY[template].prose:
        cells = "<br>".join(f"`{k}`" for k in rule.keys)
        if rule.value is not None:
            figure = f"{rule.value} (a denial)"
        elif len(rule.keys) > 1:
            figure = "their sum (placed when 0)"
        else:
            figure = "the number stated"
        words = " · ".join(rule.anchors)
        out.append(f"| {cells} | {figure} | {_escape(words)} | {rule.after or ''} |")
    return "\n".join(out) + "\n"


def _pattern(key: str) -> str:
    head, _, last = key.rpartition(".")
    if last in COLUMNS and key.startswith("requests."):
        return f"{head}.{{col}}"
    if last in OUTCOMES and key.startswith("review_litigation."):
        return f"{head}.{{f}}"
    return key


def edges_markdown() -> str:
    """The converter edge table, one section per direct conversion."""
    out: list[str] = []
    for source, target in sorted(DIRECT):
        out += [f"### {source} → {target}", "", "| from | to | tag | note |", "|---|---|---|---|"]
        seen: set[tuple[str, ...]] = set()
        for edge in EDGES:
            if (edge.source, edge.target_template) != (source, target):
                continue
            sources = " + ".join(f"`{_pattern(k)}`" for k in edge.sources)
            to = f"`{_pattern(edge.target)}`" if edge.target else "—"
            note = _escape(edge.note) + (
                " (only where no other edge fills it)" if edge.fallback else ""
            )
            row = (sources, to, edge.tag, note)
            if row not in seen:
                seen.add(row)
                out.append(f"| {sources} | {to} | {edge.tag} | {note} |")
        out.append("")
    return "\n".join(out)


def cli_markdown() -> str:
    """The command's help, command by command, as the CLI itself prints it."""
    from govinfo._cli import EXIT_CODES, parser  # noqa: PLC0415 - the CLI imports much

    top = parser()
    out = ["```text", top.format_help().rstrip(), "```", ""]
    commands = next(a for a in top._actions if a.dest == "command")  # noqa: SLF001
    for name, sub in commands.choices.items():  # type: ignore[union-attr]
        out += [f"## govinfo {name}", "", "```text", sub.format_help().rstrip(), "```", ""]
    out += ["## Exit status", "", "| status | meaning |", "|---|---|"]
    out += [f"| {code} | {meaning} |" for code, meaning in EXIT_CODES]
    return "\n".join(out) + "\n"


def diagnostics_markdown() -> str:
    """The table of diagnostic codes, from the registry."""
    out = ["| code | severity | meaning |", "|---|---|---|"]
    for code in CODES.values():
        severity = "/".join(s.value for s in code.severities())
        out.append(f"| `{code.name}` | {severity} | {_escape(code.doc)} |")
    return "\n".join(out) + "\n"


#: The input shapes shown on the shapes page: a heading, the report of the
#: repository's corpus that has the shape, where its example starts, and how
#: many characters it runs to at most.
SHAPES = (
    ("Pipe rows", "weishan_liangcheng_2020", "第二十条第(一)项 |", 330,
     "A scraped table, one row a line, cells ended by `|`, with a colspan's padding cells."),
    ("One cell a line", "hukou_wjw_2022", "第二十条第(一)项 |", 110,
     "Each cell on its own line ending ` |`, with a lone `|` opening each row."),
    ("One cell a paragraph", "yangling_jyj_2019", "规章", 90,
     "Each cell a paragraph of its own, blank lines between, some with leading spaces."),
    ("`|` on alternate lines", "lzq_jyj_2019", "规章", 120,
     "A cell, then a line holding only `|`, then the next cell."),
    ("Text extracted from a PDF", "wendeng_xinfang_2022_p8", "四、因政府", 200,
     "Whitespace-separated: table 四's headers split over lines, its fifteen numbers on one."),
    ("Traditional characters, pinyin", "rushan_kfq_2021_trad_pinyin_table", "信息內(nèi)容", 300,
     "A copy site in traditional characters, with pinyin annotations inside the labels."),
    ("Figures in prose, on a spam mirror", "huaian_zrgh_2021_spamsubst", "2021年新收", 200,
     "A 2021 report whose tables were not copied: its figures are read from its sentences."),
    ("A narrative report (2014–2018)", "beijing_xfb_2014", "2014年1月1日至12月31日,主动", 160,
     "No table: the figures are stated in sentences, each read with its sentence."),
    ("The whole report on one line", "longgui_zhen_2016_oneline", "2016年度共主动公开", 300,
     "Newlines collapsed to spaces by a crawler: sentences are still sentences."),
)  # fmt: skip


def _excerpt(text: str, anchor: str, size: int) -> tuple[int, int]:
    """The window of ``text`` an example shows: from ``anchor``'s line, whole lines where it can."""
    at = text.index(anchor)
    line_start = text.rfind("\n", 0, at) + 1
    start = line_start if at - line_start < 80 else at
    end = min(len(text), start + size)
    cut = text.rfind("\n", start, end)
    return start, (cut if cut > start and end < len(text) else end)


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size] + "…"


def shapes_markdown() -> str:
    """Each input shape: a real example from the repository, and what govinfo reads from it."""
    out: list[str] = []
    for heading, stem, anchor, size, what in SHAPES:
        path = ROOT / "tests" / "data" / "corpus" / f"{stem}.txt"
        result = govinfo.parse_file(path)
        text = result.text
        start, end = _excerpt(text, anchor, size)
        shown = text[start:end].replace("```", "'''")
        meta = result.report.meta
        facts = [f"template `{result.template}`"]
        facts += [f"{name} {value}" for name, value in (
            ("year", meta.year), ("agency", meta.agency), ("published", meta.published)
        ) if value is not None]  # fmt: skip
        values = REGISTRY[result.template].flatten(result.report)
        values["meta.processing_fee_yuan"] = meta.processing_fee_yuan
        read = sorted(
            (span.start, key) for key, span in result.sources.items()
            if start <= span.start and span.end <= end
        )  # fmt: skip
        out += [
            f"## {heading}",
            "",
            f"{what} From the repository's `tests/data/corpus/{stem}.txt`:",
            "",
            "```text",
            (("…" if start else "") + shown + ("…" if end < len(text) else "")).strip("\n"),
            "```",
            "",
            f"govinfo reads the report as {', '.join(facts)}; from these lines:",
            "",
            "| cell | value | as written |",
            "|---|---|---|",
        ]
        for _, key in read[:8]:
            value = values.get(key)
            quote = " ".join((result.quote(key) or "").split())
            quote = _cut(quote, 40)
            shown_value = "blank" if value is None else str(value)
            out.append(f"| `{key}` | {shown_value} | {_escape(quote) or '(empty)'} |")
        if len(read) > 8:
            out.append(f"| … and {len(read) - 8} more | | |")
        notes = [d for d in result.diagnostics if d.span and start <= d.span.start < end]
        if notes:
            out += ["", "and notes:", ""]
            out += [f"- `{d.code}`: {_escape(_cut(d.message, 160))}" for d in notes[:3]]
        out.append("")
    return "\n".join(out)
