"""mkdocs hook: expand ``<!-- govinfo:... -->`` markers into tables generated from the models.

The generated pages read govinfo's own declaration (templates, rules, edges,
diagnostic codes, the CLI), so the docs cannot drift from the code. This file
is docs tooling: it is not part of the package.
"""

from __future__ import annotations

import re
from typing import Any

from govinfo._diagnostics import CODES
from govinfo.conversion.edges import COLUMNS, DIRECT, EDGES, OUTCOMES
from govinfo.formats.schema import schema_json
from govinfo.models import REGISTRY

_MARKER = re.compile(r"<!-- govinfo:(template|rules|prose|edges|cli|schema|diagnostics) (\w+) -->")


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
        return template_markdown(template) if kind == "template" else rules_markdown(template)

    return _MARKER.sub(expand, markdown)


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
