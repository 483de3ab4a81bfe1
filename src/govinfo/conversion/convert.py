"""Template conversion along the edge table, with a report of everything lost."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Generic, Literal, overload

import attrs

from govinfo._diagnostics import Severity
from govinfo.checks.validate import Finding, validate
from govinfo.conversion.edges import EDGES, Edge, Tag, path
from govinfo.conversion.indicators import PROTECTED
from govinfo.models import REGISTRY, Report, ReportT_co, ReportV2015, ReportV2019, ReportV2021
from govinfo.templates.spec import CellValue, TemplateSpec

LossKind = Literal["approximate", "lost", "unfilled"]
_RANK = {"exact": 0, "approximate": 1, "lost": 2}


@attrs.frozen
class Loss:
    """One thing a conversion could not carry over faithfully.

    ``kind`` is ``approximate`` (source values carried with a different counting
    rule), ``lost`` (a written source value with no target) or ``unfilled`` (a
    target cell left blank). ``sources`` are keys of the source report with
    their ``values``; ``target`` is a key of the converted report.
    """

    kind: LossKind
    sources: tuple[str, ...]
    values: tuple[CellValue, ...]
    target: str | None
    note: str


@attrs.frozen
class Conversion(Generic[ReportT_co]):
    """A converted report and every loss, so nothing disappears silently.

    ``convert(report, to="v2019")`` gives a ``Conversion[ReportV2019]``.
    """

    report: ReportT_co
    losses: tuple[Loss, ...]

    def of_kind(self, kind: LossKind) -> tuple[Loss, ...]:
        """The losses of one kind."""
        return tuple(loss for loss in self.losses if loss.kind == kind)


@attrs.frozen
class _Trace:
    sources: tuple[str, ...]
    tag: Tag
    notes: tuple[str, ...]


def _worst(*tags: Tag) -> Tag:
    return max(tags, key=_RANK.__getitem__)


def _step(
    values: dict[str, CellValue], traces: dict[str, _Trace], edges: list[Edge]
) -> tuple[dict[str, CellValue], dict[str, _Trace]]:
    out: dict[str, CellValue] = {}
    out_traces: dict[str, _Trace] = {}
    for edge in sorted(edges, key=lambda e: e.fallback):
        if edge.target is None or (edge.fallback and edge.target in out):
            continue
        operands = [values.get(k) for k in edge.sources]
        written: list[Any] = [v for v in operands if isinstance(v, int | Decimal)]
        if not written:
            continue
        tag = edge.tag
        notes = [edge.note] if edge.note else []
        if len(written) < len(operands):
            tag = _worst(tag, "approximate")
            blank = [k for k, v in zip(edge.sources, operands, strict=True) if v is None]
            notes.append(f"blank {', '.join(blank)} read as 0")
        sources: list[str] = []
        for key in edge.sources:
            trace = traces.get(key)
            if trace is None:
                continue
            sources.extend(s for s in trace.sources if s not in sources)
            tag = _worst(tag, trace.tag)
            notes.extend(n for n in trace.notes if n not in notes)
        out[edge.target] = sum(written)
        out_traces[edge.target] = _Trace(tuple(sources), tag, tuple(notes))
    return out, out_traces


def _structural_failures(report: Report) -> list[Finding]:
    return [
        f
        for f in validate(report).failures
        if f.basis == "structural" and f.severity is Severity.ERROR
    ]


def _keep_structure(
    target: TemplateSpec, values: dict[str, CellValue], traces: dict[str, _Trace], source: Report
) -> tuple[Report, dict[str, str]]:
    """Blank approximated cells until no structural rule fails by construction.

    Approximated cells go first. A failure among exactly carried cells of a
    source that fails its own structural rules is the source's inconsistency:
    it is kept, not hidden. Returns the converted report and the blanked cells.
    """
    blanked: dict[str, str] = {}
    source_sound: bool | None = None  # read only when a failure needs it
    report = target.build({**values, "meta": source.meta})
    for _ in range(20):
        failing = _structural_failures(report)
        if not failing:
            break
        changed = False
        for finding in failing:
            written = [k for k in finding.cells if values.get(k) is not None and k not in PROTECTED]
            loose = [k for k in written if traces[k].tag != "exact"]
            if not loose:
                if source_sound is None:
                    source_sound = not _structural_failures(source)
                if source_sound:
                    # The source passes its structural rules, so this failure comes from
                    # what the conversion could not carry (a lost outcome): blank the cells.
                    loose = written
            for key in loose:
                values[key] = None
                blanked[key] = f"left blank: with it, {finding.rule} would fail by construction"
                changed = True
        if not changed:
            break
        report = target.build({**values, "meta": source.meta})
    return report, blanked


@overload
def convert(report: Report, *, to: Literal["v2015"]) -> Conversion[ReportV2015]: ...
@overload
def convert(report: Report, *, to: Literal["v2019"]) -> Conversion[ReportV2019]: ...
@overload
def convert(report: Report, *, to: Literal["v2021"]) -> Conversion[ReportV2021]: ...
@overload
def convert(report: Report, *, to: str) -> Conversion[Report]: ...
def convert(report: Report, *, to: str) -> Conversion[Report]:
    """Convert a report to another template.

    Every target cell is filled from the edge table (see the docs' converter
    page); ``Conversion.losses`` lists every source value approximated or left
    without a target, and every target cell left blank. A conversion never
    changes ``core.requests_new``, ``core.processed`` or ``core.reviews`` where
    they are written, and never produces a report whose structural rules fail
    by construction: such cells are left blank and reported.

    Raises:
        UnknownTemplateError: ``to`` is not a template id.

    Examples:
        >>> import govinfo
        >>> report = govinfo.parse_example().report
        >>> result = govinfo.convert(report, to="v2019")
        >>> result.report.template, result.report.active.licensing.decisions
        ('v2019', 146)
        >>> sorted({loss.kind for loss in result.losses})
        ['approximate', 'lost', 'unfilled']
    """
    target = REGISTRY[to]
    source = report.TEMPLATE
    if source == to:
        return Conversion(report, ())
    original = REGISTRY.of(report).flatten(report)
    values: dict[str, CellValue] = dict(original)
    traces = {k: _Trace((k,), "exact", ()) for k, v in original.items() if v is not None}
    lost_notes: dict[str, str] = {}
    for a, b in path(source, to):
        edges = [e for e in EDGES if e.source == a and e.target_template == b]
        for edge in edges:
            if edge.target is None:
                for key in edge.sources:
                    for origin in traces.get(key, _Trace((key,), "exact", ())).sources:
                        lost_notes.setdefault(origin, edge.note)
        values, traces = _step(values, traces, edges)
    converted, blanked = _keep_structure(target, values, traces, report)
    for key in blanked:
        traces.pop(key, None)
    return Conversion(
        converted,
        tuple(
            _losses(source, to, original, target.flatten(converted), traces, lost_notes, blanked)
        ),
    )


def _losses(
    source: str,
    target: str,
    original: dict[str, CellValue],
    converted: dict[str, CellValue],
    traces: dict[str, _Trace],
    lost_notes: dict[str, str],
    blanked: dict[str, str],
) -> list[Loss]:
    losses: list[Loss] = []
    carried: set[str] = set()
    for key, trace in traces.items():
        if converted.get(key) is None:
            continue
        carried.update(trace.sources)
        if trace.tag == "approximate":
            losses.append(
                Loss(
                    "approximate",
                    trace.sources,
                    tuple(original.get(s) for s in trace.sources),
                    key,
                    "; ".join(trace.notes),
                )
            )
    for key, value in original.items():
        if value is not None and key not in carried:
            note = lost_notes.get(key) or f"no counterpart in {target}"
            losses.append(Loss("lost", (key,), (value,), None, note))
    for cell in REGISTRY[target].cells:
        if converted[cell.key] is None:
            note = blanked.get(cell.key) or _unfilled_reason(source, cell.key)
            losses.append(Loss("unfilled", (), (), cell.key, note))
    return losses


def _unfilled_reason(source: str, key: str) -> str:
    if any(e.target == key for e in EDGES):
        return f"its {source} source cells are blank"
    return f"no counterpart in {source}"
