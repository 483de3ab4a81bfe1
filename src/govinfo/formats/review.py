"""An evidence page per report: the text read beside the official tables, figure by figure.

The page is one self-contained HTML file (inline CSS and script, no network:
its Content-Security-Policy allows nothing else, and only the one script by
its hash). Left, the text the parser read, every span a value came from
marked; right, the tables laid out as `tables_html`
prints them. Each value cell and each source span carries the cell keys it
holds, so that pointing at one lights the other. Rules that fail, diagnostics
and cells placed by invariant recovery are marked in both panes.

Every text of the report (its source, labels, messages) is escaped, and the
source keeps its offsets in the page's DOM: a carriage return is written as a
character reference (the HTML parser would fold CR LF into one character) and
a NUL as U+FFFD (the parser would drop it).
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.resources
import itertools
import urllib.parse
from collections import defaultdict
from typing import TYPE_CHECKING

import attrs

from govinfo._diagnostics import (
    AMBIGUOUS_CELLS,
    FROM_PROSE,
    RECOVERED,
    SPLIT_BY_INVARIANTS,
    Severity,
)
from govinfo.checks.validate import Validation, validate
from govinfo.formats.render import cell_text, tables_html
from govinfo.models import REGISTRY
from govinfo.reading.parse import ParseResult
from govinfo.templates.invariants import Verdict

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from govinfo.checks.validate import Finding
    from govinfo.templates.spec import CellValue, ColumnSpec, RowSpec

#: How a cell was filled other than by reading its own cell of a table, by diagnostic code:
#: the badge the page shows and what it means.
FILLED_BY = {
    RECOVERED.name: ("R", "placed by the invariants (a scraper dropped empty cells)"),
    SPLIT_BY_INVARIANTS.name: ("S", "cut from run-together digits by the invariants"),
    AMBIGUOUS_CELLS.name: ("A", "where every candidate placement agrees"),
    FROM_PROSE.name: ("P", "read from a sentence"),
}


def _asset(name: str) -> str:
    """The page's style sheet or script, shipped beside this module."""
    return importlib.resources.files(__package__).joinpath(name).read_text("utf-8")


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _page(title: str, body: Iterable[str], *, script: bool = True) -> str:
    """A page of ``body`` with the style sheet and, if ``script``, the script inline.

    Its policy lets it load nothing and run no script but that one, by hash.
    """
    code = _asset("review.js") if script else ""
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    policy = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"
    head = (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{_asset('review.css')}</style></head>\n<body>\n"
    )
    tail = f"<script>{code}</script>\n" if script else ""
    return head + "\n".join(body) + "\n" + tail + "</body></html>\n"


def _source_text(text: str) -> str:
    """Escaped text that the HTML parser reads back with the same characters, one for one."""
    return _esc(text.replace("\0", "\ufffd")).replace("\r", "&#13;")


@attrs.frozen
class _Status:
    """One report's rule status, as the page header and the index show it."""

    validation: Validation

    @property
    def failed_strict(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.validation.failures if f.verdict is not Verdict.NOT_CHECKABLE)

    @property
    def failed_lenient(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.validation.failures if f.verdict is Verdict.NOT_CHECKABLE)

    def summary(self) -> str:
        findings = self.validation.findings
        passed = sum(f.verdict is Verdict.PASSED for f in findings)
        unknown = sum(f.verdict is Verdict.NOT_CHECKABLE and not f.failed for f in findings)
        strict, lenient = len(self.failed_strict), len(self.failed_lenient)
        errors = len(self.validation.errors)
        if errors:
            head = f"{errors} {'check fails' if errors == 1 else 'checks fail'}"
        elif strict + lenient:
            n = strict + lenient
            head = f"{n} {'check of a warning fails' if n == 1 else 'checks of warnings fail'}"
        else:
            head = "rules hold"
        return (
            f"{head}: {passed} passed, {strict} failed, {lenient} failed only with blanks "
            f"read as 0, {unknown} not checkable"
        )


class _Review:
    """Everything the page says about each cell key, gathered once."""

    def __init__(self, result: ParseResult) -> None:
        self.result = result
        self.spec = REGISTRY.of(result.report)
        self.values: dict[str, CellValue] = self.spec.flatten(result.report)
        self.status = _Status(validate(result.report))
        self.failures: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.status.validation.failures:
            for key in finding.cells:
                self.failures[key].append(finding)
        meta = result.report.meta
        written = {f"meta.{f.name}": getattr(meta, f.name) for f in attrs.fields(type(meta))}
        written.update(self.values)
        self.diagnostics: dict[str, list[int]] = defaultdict(list)
        self.filled_by: dict[str, str] = {}
        for i, diagnostic in enumerate(result.diagnostics):
            for key in self._keys_under(diagnostic.key):
                self.diagnostics[key].append(i)
                if diagnostic.code in FILLED_BY and written.get(key) is not None:
                    self.filled_by.setdefault(key, diagnostic.code)

    def _keys_under(self, where: str | None) -> list[str]:
        """The cell keys a diagnostic's key names: the cell, or every cell of the row or table."""
        if not where:
            return []
        if where in self.spec.by_key or where in self.result.sources:
            return [where]
        return [k for k in self.spec.by_key if k.startswith(f"{where}.")]

    def lenient_only(self, key: str) -> bool:
        return all(f.verdict is Verdict.NOT_CHECKABLE for f in self.failures[key])

    def cell(self, row: RowSpec, column: ColumnSpec) -> str:
        """The ``<td>`` of one value cell of the tables."""
        key = row.cell_key(column)
        return self.value_td(key, self.values[key], cell_text(row, column, self.values))

    def value_td(self, key: str, value: object, printed: str) -> str:
        """The ``<td>`` of the value of ``key``: the value, what marks it, what it says on hover."""
        span = self.result.source_of(key)
        classes = ["c"]
        notes = [key]
        if value is None:
            classes.append("blank")
            shown = "—"
            notes.append("blank: no value" + (" (a blank cell)" if span else " (not in the text)"))
            if span is None:
                classes.append("unread")
        else:
            shown = printed
            if value == 0:
                classes.append("zero")
        if span is not None:
            quote = self.result.text[span.start : span.end]
            notes.append(f"line {span.line}, column {span.column}: {quote!r}")
        badge = ""
        code = self.filled_by.get(key)
        if code is not None:
            letter, meaning = FILLED_BY[code]
            badge = f'<sup class="via" title="{_esc(meaning)}">{letter}</sup>'
            notes.append(f"{meaning} [{code}]")
        notes += [f"{f.severity.value}: {f.message}" for f in self.failures[key]]
        if self.failures[key]:
            classes.append("fail-lenient" if self.lenient_only(key) else "fail")
        diags = self.diagnostics[key]
        notes += [str(self.result.diagnostics[i]) for i in diags]
        if diags:
            classes.append("noted")
        extra = f' data-diags="{" ".join(map(str, diags))}"' if diags else ""
        return (
            f'<td class="{" ".join(classes)}" id="cell-{_esc(key)}" data-keys="{_esc(key)}"'
            f'{extra} title="{_esc(chr(10).join(notes))}">{_esc(shown)}{badge}</td>'
        )

    def source(self) -> str:
        """The text read, cut at every span's ends, each piece marked with the keys covering it.

        One sweep over the ends of the spans: the cost grows with the spans
        open at each cut, not with all the spans of the report.
        """
        text = self.result.text
        spans: list[tuple[int, int, str | int]] = [
            (s.start, s.end, k) for k, s in self.result.sources.items()
        ]
        spans += [
            (d.span.start, d.span.end, i)
            for i, d in enumerate(self.result.diagnostics)
            if d.span is not None
        ]
        starts: dict[int, list[int]] = defaultdict(list)  # where each span opens, by position
        ends: dict[int, list[int]] = defaultdict(list)
        points: dict[int, list[str]] = defaultdict(list)  # empty spans: a blank cell's place
        for n, (start, end, what) in enumerate(spans):
            if start < end:
                starts[start].append(n)
                ends[end].append(n)
            elif isinstance(what, str):
                points[start].append(what)
        cuts = sorted({0, len(text), *starts, *ends, *points})
        open_: set[int] = set()
        anchored: set[str] = set()
        out: list[str] = []
        for a, b in itertools.pairwise(cuts):
            open_.difference_update(ends.get(a, ()))
            open_.update(starts.get(a, ()))
            if a in points:
                out.append(self._piece(a, points[a], [], ""))
            covering = [spans[n][2] for n in sorted(open_)]  # cells first, in source order
            keys = [w for w in covering if isinstance(w, str)]
            diags = [str(w) for w in covering if isinstance(w, int)]
            # Each diagnostic's place, for the links of the list (they work without script too).
            out.extend(f'<a id="diag-{i}"></a>' for i in diags if i not in anchored)
            anchored.update(diags)
            piece = _source_text(text[a:b])
            out.append(self._piece(a, keys, diags, piece) if keys or diags else piece)
        if len(text) in points:
            out.append(self._piece(len(text), points[len(text)], [], ""))
        return "".join(out)

    def _piece(self, start: int, keys: Sequence[str], diags: Sequence[str], inner: str) -> str:
        classes = ["v"] if keys else []
        if any(self.failures[k] for k in keys):
            lenient = all(self.lenient_only(k) for k in keys if self.failures[k])
            classes.append("fail-lenient" if lenient else "fail")
        titles = [", ".join(keys)] if keys else []
        for i in diags:
            diagnostic = self.result.diagnostics[int(i)]
            classes.append(f"d d-{diagnostic.severity.value}")
            titles.append(str(diagnostic))
        failures = {id(f): f for k in keys for f in self.failures[k]}.values()
        titles += [f"{f.severity.value}: {f.message}" for f in failures]
        attrs_ = f' data-keys="{_esc(" ".join(keys))}"' if keys else ""
        attrs_ += f' data-diags="{" ".join(diags)}"' if diags else ""
        return (
            f'<span class="{" ".join(dict.fromkeys(classes))}" data-start="{start}"{attrs_}'
            f' title="{_esc(chr(10).join(titles))}">{inner}</span>'
        )

    def facts(self) -> list[str]:
        """The report's meta as a table of ``meta.*`` keys; those read from the text are linked."""
        meta = self.result.report.meta
        rows = []
        for field in attrs.fields(type(meta)):
            key, value = f"meta.{field.name}", getattr(meta, field.name)
            shown = "—" if value is None else str(value)
            if key in self.result.sources:
                cell = self.value_td(key, value, shown)
            else:
                cell = f'<td class="{"blank" if value is None else ""}">{_esc(shown)}</td>'
            rows.append(f"<tr><td><code>{_esc(key)}</code></td>{cell}</tr>")
        return ['<table class="facts">', *rows, "</table>"]

    def rules(self) -> list[str]:
        status = self.status
        out = [f"<h2>Rules (勾稽关系)</h2><p>{_esc(status.summary())}</p>"]
        failures = [*status.failed_strict, *status.failed_lenient]
        if failures:
            out.append('<ul class="list" id="failures">')
            for finding in failures:
                how = "fails" if finding in status.failed_strict else "fails with blanks as 0"
                keys = _esc(" ".join(finding.cells))
                out.append(
                    f'<li class="sev-{finding.severity.value}" data-keys="{keys}">'
                    f"<strong>{_esc(finding.rule)}</strong> {_esc(finding.severity.value)}, {how}: "
                    f"{_esc(finding.title)} — <code>{_esc(finding.message)}</code></li>"
                )
            out.append("</ul>")
        return out

    def diagnostics_list(self) -> list[str]:
        diagnostics = self.result.diagnostics
        out = [f"<h2>Diagnostics ({len(diagnostics)})</h2>"]
        if not diagnostics:
            return [*out, "<p>none</p>"]
        out.append('<ul class="list" id="diagnostics">')
        for i, d in enumerate(diagnostics):
            keys = self._keys_under(d.key)
            data = f' data-keys="{_esc(" ".join(keys))}"' if keys else ""
            data += f' data-diags="{i}"' if d.span is not None else ""
            where = f"line {d.span.line}" if d.span else "the report"
            target = f"#cell-{keys[0]}" if keys and d.span is None else f"#diag-{i}"
            out.append(
                f'<li class="sev-{d.severity.value}" id="diagnostic-{i}"{data}>'
                f'<a href="{_esc(target)}">{_esc(where)}</a> {_esc(d.severity.value)} '
                f"<code>[{_esc(d.code)}]</code> {_esc(d.message)}</li>"
            )
        out.append("</ul>")
        return out


def _legend() -> str:
    badges = "".join(
        f'<span><sup class="via">{letter}</sup> {_esc(meaning)}</span>'
        for letter, meaning in FILLED_BY.values()
    )
    return (
        '<p class="legend"><span><span class="v">marked</span> a value\'s source</span>'
        '<span><span class="v fail">red</span> a failed rule</span>'
        "<span>— blank (not 0)</span>"
        '<span><span class="d">underlined</span> a diagnostic</span>'
        f"{badges}</p>"
    )


def review_html(result: ParseResult, *, name: str | None = None) -> str:
    """An evidence page for one parsed report: every figure beside the text it was read from.

    Left, the text read with every value's source marked; right, the official
    tables. Pointing at (or clicking) a cell lights and scrolls to its source,
    and the reverse; rules that fail (strictly, or only with blanks read as
    0) and diagnostics are marked in both panes and listed with links; blank
    cells are shown apart from 0; cells placed by invariant recovery, cut from
    run-together digits or read from prose carry a badge. The page is one
    file with no network access, to open from disk.

    Args:
        result: a parse result (from [`parse`][govinfo.parse] or
            [`parse_file`][govinfo.parse_file]).
        name: the file name to show in the header.

    Returns:
        The page, as HTML text.

    Examples:
        >>> import govinfo
        >>> page = govinfo.review_html(govinfo.parse_example())
        >>> page.startswith("<!DOCTYPE html>"), 'id="cell-active.licensing.decisions"' in page
        (True, True)
    """
    review = _Review(result)
    meta = result.report.meta
    title = meta.title or name or "(untitled report)"
    facts = [
        f"template {result.template or 'none: no report found'}",
        f"agency {meta.agency or '—'}",
        f"year {meta.year or '—'}",
        f"{len(result.sources)} cells read",
    ]
    ok = review.status.validation.ok
    status = "status-ok" if ok and not review.status.validation.failures else "status-fail"
    body = [
        "<header>",
        f"<h1>{_esc(title)}</h1>",
        (
            f"<p>{_esc(name) + ' · ' if name else ''}{_esc(' · '.join(facts))} · "
            f'<a href="#rules" class="{status}">{_esc(review.status.summary())}</a> · '
            f'<a href="#diagnostics-section">{len(result.diagnostics)} diagnostics</a></p>'
        ),
        _legend(),
        "</header>",
        "<main>",
        '<section id="source-pane"><h2>The text read</h2><div class="pane">',
        f'<pre id="source">\n{review.source()}</pre></div></section>',
        '<section id="tables-pane"><h2>The official tables</h2><div class="pane">',
        *review.facts(),
        '<div id="tables">',
        *tables_html(result.report, review.cell),
        '</div><div id="rules">',
        *review.rules(),
        '</div><div id="diagnostics-section">',
        *review.diagnostics_list(),
        "</div></div></section>",
        "</main>",
    ]
    return _page(title, body)


@attrs.frozen
class IndexEntry:
    """One report of a batch for `index_html`: its name, its page, its result or error."""

    name: str
    page: str | None
    result: ParseResult | None
    error: str | None = None


def index_html(entries: Iterable[IndexEntry], *, title: str = "govinfo review") -> str:
    """A page linking the evidence pages of a batch, with each report's rule status."""
    head = ("file", "template", "agency", "year", "rules", "diagnostics")
    rows = ["<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for entry in entries:
        name = _esc(entry.name)
        link = (
            f'<a href="{_esc(urllib.parse.quote(entry.page))}">{name}</a>' if entry.page else name
        )
        result = entry.result
        if result is None:
            error = _esc(entry.error)
            rows.append(f'<tr><td>{link}</td><td colspan="5" class="status-fail">{error}</td></tr>')
            continue
        meta = result.report.meta
        status = _Status(validate(result.report))
        failing = status.validation.failures
        rules = "ok" if not failing else status.summary()
        css = "status-ok" if status.validation.ok else "status-fail"
        if not meta.tables_found:  # figures from prose, if any
            rules = f"no statistical table; {rules}"
        counts = {s: sum(d.severity is s for d in result.diagnostics) for s in Severity}
        diags = ", ".join(f"{n} {s.value}" for s, n in counts.items() if n) or "none"
        rows.append(
            f"<tr><td>{link}</td><td>{result.template or '—'}</td>"
            f"<td>{_esc(meta.agency or '—')}</td>"
            f'<td>{meta.year or "—"}</td><td class="{css}">{_esc(rules)}</td>'
            f"<td>{_esc(diags)}</td></tr>"
        )
    body = [f"<header><h1>{_esc(title)}</h1></header>", '<main style="display:block;padding:1em">']
    body += ["<table>", *rows, "</table>", "</main>"]
    return _page(title, body, script=False)
