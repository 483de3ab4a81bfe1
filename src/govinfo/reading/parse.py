"""The pipeline: normalize → tokenize → locate rows → assign cells → build the model."""

from __future__ import annotations

import collections
import difflib
import functools
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, overload

import attrs

from govinfo._diagnostics import (
    FROM_PROSE,
    MISSING_ROW,
    MISSING_TABLE,
    NO_REPORT,
    NO_TABLE,
    PROSE_DISAGREES,
    PROSE_NOT_USED,
    TEMPLATE_FROM_ERA,
    UNFILLED_TEMPLATE,
    YEAR_INFERRED,
    Code,
    Diagnostic,
    Severity,
    Span,
)
from govinfo.inputs.document import scrub
from govinfo.inputs.load import Source, display_name, load, read_bytes, read_source
from govinfo.models import (
    REGISTRY,
    Meta,
    Report,
    ReportT_co,
    ReportV2015,
    ReportV2019,
    ReportV2021,
)
from govinfo.reading.align import Assembly, assemble, cut_labels, score
from govinfo.reading.cells import END, START, lay_out, tokenize
from govinfo.reading.labels import INDEXES, LabelKeys, LabelLookup
from govinfo.reading.meta import MetaFacts, extract_meta
from govinfo.reading.normalize import Normalized, normalize
from govinfo.reading.numbers import read_cell
from govinfo.reading.prose import (
    ProseFigure,
    processing_fee,
    prose_figures,
    prose_placeholders,
)
from govinfo.reading.recover import recover
from govinfo.reading.sections import Sections, find_sections
from govinfo.reading.spans import Locator, Notes
from govinfo.templates.declare import node_of
from govinfo.templates.spec import TemplateSpec

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal

    from govinfo.inputs.document import Document


@attrs.frozen(eq=False)
class ParseResult(Generic[ReportT_co]):
    """The outcome of parsing one report.

    ``ParseResult[ReportV2021]`` is what ``parse(…, template="v2021")``
    returns; a bare ``ParseResult`` holds any [`Report`][govinfo.Report]
    (narrow it with ``isinstance(result.report, ReportV2021)``).

    Attributes:
        report: the typed report (blank cells are ``None``).
        diagnostics: everything the parser noticed, in input order.
        sources: for each cell key that received a value (or an explicit
            blank), where in the input it came from.
        text: the text read (the input itself, or the text extracted from an
            HTML, Word or PDF file); spans index into it (see [`quote`][govinfo.ParseResult.quote]).
        file: the file the report was read from ([`parse_file`][govinfo.parse_file], or
            [`parse`][govinfo.parse] given a path or a named binary file); ``None`` for
            text and bytes. Records and data frames carry it.
    """

    report: ReportT_co
    diagnostics: tuple[Diagnostic, ...]
    sources: Mapping[str, Span]
    text: str = attrs.field(repr=False)
    _normalized: str | None = attrs.field(default=None, repr=False, alias="normalized")
    _found: bool = attrs.field(default=True, repr=False, alias="found")
    file: str | None = None

    @property
    def template(self) -> str | None:
        """The template id of ``report``, or ``None`` when the input holds no report.

        An input holds no report when neither a table nor a figure stated in
        prose of any template is found in it (an empty file, a README, a page
        without the report): ``diagnostics`` then hold a ``no-report``
        error, and ``report`` is blank.
        """
        return self.report.TEMPLATE if self._found else None

    @functools.cached_property
    def sections(self) -> Sections | None:
        """Which of the required sections are present, and in order (2019/2021 formats).

        ``None`` for a template that requires none (v2015). Found on first look:
        most results are never asked.
        """
        required = REGISTRY.of(self.report).sections
        if not required:
            return None
        return find_sections(self._normalized or normalize(self.text).text, required)

    def source_of(self, key: str) -> Span | None:
        """Where the value of cell ``key`` was read, or ``None`` if it was not found.

        Raises:
            KeyError: ``key`` is no key of the report's template; the message
                names the keys close to it.
        """
        span = self.sources.get(key)
        if span is None:
            _known(self.report, key)
        return span

    def quote(self, key: str) -> str | None:
        """The input text the value of cell ``key`` was read from.

        Raises:
            KeyError: ``key`` is no key of the report's template, as for
                [`source_of`][govinfo.ParseResult.source_of].
        """
        span = self.source_of(key)
        return None if span is None else self.text[span.start : span.end]

    def __repr__(self) -> str:
        """One line: the template, agency and year, cells read, diagnostics by severity."""
        meta = self.report.meta
        about = " ".join(
            str(v) for v in (self.template or "no report", meta.agency, meta.year) if v
        )
        counts = collections.Counter(d.severity for d in self.diagnostics)
        noted = "".join(
            f", {_many(n, severity.value)}" for severity in Severity if (n := counts[severity])
        )
        return f"<ParseResult {_cut(about)}: {_many(len(self.sources), 'cell')} read{noted}>"

    def __reduce__(self) -> tuple[Callable[..., ParseResult[Any]], tuple[object, ...]]:
        """Pickled as what it is made of, in tuples of plain values, for every protocol.

        The report as its cells' values in the template's order, diagnostics
        and spans as tuples, sources as their offsets when the text's offset
        map is a plain range (the spans are then found on first look, as in a
        fresh result), else as their spans: a batch's workers send results
        back this way, and the default (an object per model class, span and
        diagnostic, each with its field names) cost more than the parse.
        Fields a subclass adds are pickled as they are.
        """
        extra = {a.alias: getattr(self, a.name) for a in attrs.fields(type(self))[_FIELDS:]}
        packed = (
            _packed_report(self.report),
            tuple(map(_packed_diagnostic, self.diagnostics)),
            _packed_sources(self.sources),
            self.text,
            self._normalized,
            self._found,
            self.file,
        )
        return _unpickled, (type(self), packed, extra)


#: The fields of ParseResult itself (a subclass's come after).
_FIELDS = 7

_PackedSpan = tuple[int, int, int, int, "int | None"]


def _packed_report(report: Report) -> tuple[str, tuple[object, ...], dict[str, object]]:
    """A report as its template, its cells' values in order, and its other fields (meta)."""
    spec = REGISTRY.of(report)
    cls: type = type(report)
    outside = {name: getattr(report, name) for name in _outside(cls)}
    return spec.template, tuple(spec.flatten(report).values()), outside


@functools.cache
def _outside(report_type: type) -> tuple[str, ...]:
    """The fields of a report class outside the statistics (``meta``)."""
    return tuple(f.name for f in attrs.fields(report_type) if node_of(f) is None)


def _report(packed: tuple[str, tuple[object, ...], dict[str, object]]) -> Report:
    template, cells, outside = packed
    spec = REGISTRY[template]
    values: dict[str, object] = dict(zip(spec.by_key, cells, strict=True))
    values.update(outside)
    report: Report = spec.build(values)
    return report


def _packed_span(span: Span) -> _PackedSpan:
    return span.start, span.end, span.line, span.column, span.source_line


def _packed_diagnostic(d: Diagnostic) -> tuple[object, ...]:
    span = None if d.span is None else _packed_span(d.span)
    return d.code, d.message, d.severity.value, span, d.excerpt, d.key


def _diagnostic(packed: tuple[Any, ...]) -> Diagnostic:
    code, message, severity, span, excerpt, key = packed
    return Diagnostic(
        code, message, Severity(severity), None if span is None else Span(*span), excerpt, key
    )


class Sources(Mapping[str, Span]):
    """Sources computed on first look: most results are never asked where a cell came from."""

    def __init__(self, locator: Locator | None, offsets: dict[str, tuple[int, int]]) -> None:
        """Spans of ``offsets`` (normalized, by cell key), located by ``locator``."""
        self._locator = locator
        self._offsets = offsets
        self._spans: dict[str, Span] = {}

    def __getitem__(self, key: str) -> Span:
        """The span of cell ``key``."""
        span = self._spans.get(key)
        if span is None:
            offsets = self._offsets[key]
            if self._locator is None:  # resolved sources have every span
                raise KeyError(key)
            span = self._spans[key] = self._locator.span(*offsets)
        return span

    def __iter__(self) -> Iterator[str]:
        """The cell keys that have a source."""
        return iter(self._offsets)

    def __len__(self) -> int:
        """How many cells have a source."""
        return len(self._offsets)

    def __reduce__(self) -> tuple[object, tuple[dict[str, Span]]]:
        """Pickled as its spans, for every protocol (0 and 1 too), without the text's offset map."""
        return _resolved, (dict(self),)


def _resolved(spans: dict[str, Span]) -> Sources:
    """Sources whose spans are all known (an unpickled one)."""
    sources = Sources(None, dict.fromkeys(spans, (0, 0)))
    sources._spans = spans  # noqa: SLF001 - its own module
    return sources


def _packed_sources(sources: Mapping[str, Span]) -> tuple[object, ...]:
    """Offsets and what locates them, when cheap to send; else every span, resolved."""
    if isinstance(sources, Sources):
        locator = sources._locator  # noqa: SLF001 - the offsets and locator of its own stage
        if locator is not None and isinstance(locator.norm.origin, range):
            norm, origin = locator.norm, locator.norm.origin
            where = (norm.text, origin.start, origin.stop, origin.step, norm.original)
            return sources._offsets, where, locator.source_lines  # noqa: SLF001
    return tuple(sources), tuple(map(_packed_span, sources.values()))


def _sources(packed: tuple[Any, ...]) -> Sources:
    if len(packed) == 2:
        keys, spans = packed
        return _resolved(dict(zip(keys, (Span(*s) for s in spans), strict=True)))
    offsets, (text, start, stop, step, original), source_lines = packed
    norm = Normalized(text, range(start, stop, step), original)
    return Sources(Locator(norm, source_lines), offsets)


def _unpickled(
    cls: type[ParseResult[Any]], packed: tuple[Any, ...], extra: dict[str, object]
) -> ParseResult[Any]:
    report, diagnostics, sources, text, normalized, found, file = packed
    return cls(
        report=_report(report),
        diagnostics=tuple(map(_diagnostic, diagnostics)),
        sources=_sources(sources),
        text=text,
        normalized=normalized,
        found=found,
        file=file,
        **extra,
    )


def _many(n: int, thing: str) -> str:
    return f"{n} {thing}{'' if n == 1 else 's'}"


def _cut(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


_META_KEYS = frozenset(f"meta.{field.name}" for field in attrs.fields(Meta))


def _known(report: Report, key: str) -> None:
    """Raise a KeyError naming close keys when ``key`` is none of ``report``'s."""
    spec = REGISTRY.of(report)
    if key in spec.by_key or key in _META_KEYS:
        return
    close = difflib.get_close_matches(key, [*spec.by_key, *_META_KEYS], n=3)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise KeyError(f"{key!r} is no key of {spec.template}{hint}")


#: A report with this many placeholder lines in its prose is an unfilled model.
_UNFILLED = 5


def _era(year: int | None, text: str) -> tuple[TemplateSpec, str]:
    """The template of a report with no table: by year, else by the section names it uses."""
    specs = list(REGISTRY)
    if year is not None:
        spec = REGISTRY.for_year(year)
        if spec is None:
            spec = specs[0] if year < specs[0].years.first else specs[-1]
        return spec, f"report year {year}"
    cued = [s for s in specs if s.cues]
    eras = "/".join(str(s.years.first) for s in cued)
    if cued and sum(cue in text for cue in cued[-1].cues) >= 2:
        return cued[-1], f"no year; the {eras} section names"
    return specs[0], f"no year, and not the {eras} section names"


def _detect(scores: Mapping[str, tuple[int, int]], year: int | None) -> TemplateSpec | None:
    """The template whose labels fit best; the year breaks ties. None when nothing fits.

    ``scores`` gives, per template, the rows and the rows plus headings recognised.
    """
    best = max(total for _, total in scores.values())
    if best == 0 or max(rows for rows, _ in scores.values()) == 0:
        return None
    tied = [REGISTRY[t] for t, (_, total) in scores.items() if total == best]
    if len(tied) > 1 and year is not None:
        by_year = _era(year, "")[0]
        if by_year in tied:
            return by_year
    return tied[-1]


def _missing(spec: TemplateSpec, assembly: Assembly, tables_found: bool, notes: Notes) -> None:
    if not tables_found:
        notes.add(NO_TABLE, "no statistical table found")
        return
    for table in spec.tables:
        missing = [r.key for r in table.rows if r.key not in assembly.rows_seen and not r.ext]
        if not missing or (table.optional and len(missing) == len(table.rows)):
            continue
        if len(missing) < len(table.rows):
            notes.add(MISSING_ROW, f"rows not found: {', '.join(missing)}")
        else:
            notes.add(MISSING_TABLE, f"table {table.label} not found")


@overload
def parse(
    source: Source, *, template: Literal["v2015"], max_bytes: int | None = None
) -> ParseResult[ReportV2015]: ...
@overload
def parse(
    source: Source, *, template: Literal["v2019"], max_bytes: int | None = None
) -> ParseResult[ReportV2019]: ...
@overload
def parse(
    source: Source, *, template: Literal["v2021"], max_bytes: int | None = None
) -> ParseResult[ReportV2021]: ...
@overload
def parse(
    source: Source, *, template: str | None = None, max_bytes: int | None = None
) -> ParseResult[Report]: ...
def parse(
    source: Source, *, template: str | None = None, max_bytes: int | None = None
) -> ParseResult[Report]:
    """Parse one annual report.

    Args:
        source: the report as text (scraped page text with ``|`` cell
            separators, text extracted from a PDF or Word file, or an HTML page),
            or as the bytes of a text, HTML, ``.docx`` or ``.pdf`` file in any
            encoding govinfo can tell (UTF-8, GB18030/GBK, Big5): given as
            ``bytes``, a path (``pathlib.Path``, read as [`parse_file`][govinfo.parse_file]
            reads it) or a binary file object (``open(name, "rb")``,
            ``io.BytesIO``). A ``str`` is always the text itself, never a
            file name.
        template: a template id (``"v2021"``) to force; detected when ``None``.
            A literal id types the result: ``ParseResult[ReportV2021]``.
        max_bytes: the input's budget (default 50 MiB): refuse a larger input,
            or one whose reading would cost more (its inflated or decompressed
            parts, PDF operators, table cells; see the docs' Limits).

    Returns:
        The report with its diagnostics and the source of every cell. When
        the input holds no report (no table, no prose figure of any template
        and no report title), its ``template`` is ``None``, with a
        ``no-report`` error.

    Raises:
        UnknownTemplateError: ``template`` is not a known template id.
        InputError: bytes or a file that cannot be read (``DecodeError``,
            ``UnsupportedFormatError``), or an input over the limit
            (``InputTooLargeError``).
        MissingExtraError: a ``.pdf`` file without the ``pdf`` extra installed.
        TypeError: ``source`` is none of the above.

    Examples:
        >>> import govinfo
        >>> result = govinfo.parse("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |")
        >>> result.report.requests.new.total
        3
    """
    data, name = read_source(source, max_bytes=max_bytes)
    document = load(data, name=name or "<input>", max_bytes=max_bytes)
    return parse_document(document, template=template, file=name)


def parse_document(
    document: Document, *, template: str | None = None, file: str | None = None
) -> ParseResult[Any]:
    """Parse a document produced by an input adapter (read from ``file``, if from a file)."""
    forced = None if template is None else REGISTRY[template]
    layout = lay_out(document)
    text, scrubbed = scrub(layout.text)
    if scrubbed:
        layout = layout._replace(text=text)
    norm = normalize(text)
    locator = Locator(norm, layout.source_lines)
    notes = Notes(locator)
    for note in (*document.notes, *scrubbed):
        notes.add(note.code, note.message)
    rows = tokenize(norm.text, layout.grid_rows_in(norm))
    facts = extract_meta(norm.text)
    keys: dict[str, LabelKeys] = {}  # label texts met in this parse
    # What the labels met name in each template: the chosen one's are looked up again.
    lookups = {t: LabelLookup(index, keys) for t, index in INDEXES.items()}
    # Each template reads run-together labels as its own names.
    read_as = {t: cut_labels(lookup, rows) for t, lookup in lookups.items()}

    def detect() -> TemplateSpec | None:
        # A cheap label count picks the template; only that one is matched in full.
        scores = {t: score(lookup, read_as[t]) for t, lookup in lookups.items()}
        return _detect(scores, facts.year)

    spec = forced or detect()
    era = None
    if spec is None:
        spec, era = _era(facts.year, norm.text)
    assembly = assemble(lookups[spec.template], read_as[spec.template], notes)
    unfilled = prose_placeholders(norm.text, notes) >= _UNFILLED
    # What the prose states, read once: it may confirm a cut of digits run together.
    figures = None if unfilled else prose_figures(norm.text, spec.prose, _row_labels(assembly))
    recover(spec, assembly, figures or ())
    _year_note(facts, notes)
    tables_found = bool(assembly.tables_found) and assembly.rows_matched > 0
    offsets = dict(assembly.sources)
    values: dict[str, object] = dict(assembly.values)
    fee = _prose(spec, norm.text, assembly, values, offsets, notes, figures)
    # A report: cells read (from a table or prose), some template's rows recognised
    # (an input forced to another template than its tables' holds one), or a report's
    # title (a report cut short before its figures is still a report: its meta counts).
    found = (
        tables_found
        or bool(offsets)
        or (detect() is not None if forced else era is None)
        or facts.title is not None
    )
    if not found:
        chosen = "the template given" if era is None else f"chosen by {era}"
        notes.add(
            NO_REPORT,
            "no table, no prose figure of any template and no report title found: "
            "the input holds no report "
            f"(the blank report is a {spec.template} model, {chosen})",
        )
    else:
        if era is not None:
            notes.add(TEMPLATE_FROM_ERA, f"{spec.template} chosen by {era}")
        _missing(spec, assembly, tables_found, notes)

    def printed(span: tuple[int, int] | None) -> str | None:
        """A meta text as printed in the input (before normalization)."""
        if span is None:
            return None
        return norm.printed(*span).strip() or None

    values["meta"] = Meta(
        title=printed(facts.title),
        agency=printed(facts.agency),
        year=facts.year,
        published=facts.published,
        index_number=_unwrapped(printed(facts.index_number)),
        tables_found=tables_found,
        processing_fee_yuan=fee,
    )
    return ParseResult(
        report=spec.build(values),
        diagnostics=notes.diagnostics(),
        sources=Sources(locator, offsets),
        text=text,
        normalized=norm.text,
        found=found,
        file=file,
    )


def _unwrapped(number: str | None) -> str | None:
    """An index number as it was before a cell wrapped it (the space is the wrap's)."""
    return None if number is None else "".join(number.split())


def _row_labels(assembly: Assembly) -> list[tuple[int, int]]:
    """The spans of the matched rows' labels, sorted: their words are table, not prose."""
    return sorted((c[START], c[END]) for m in assembly.matches for c in m.logical.labels)


def _year_note(facts: MetaFacts, notes: Notes) -> None:
    basis = facts.year_basis
    if basis is not None:
        severity = Severity.WARNING if basis.guessed else Severity.INFO
        notes.add(YEAR_INFERRED, basis.how, basis.span, severity=severity)


def _prose(
    spec: TemplateSpec,
    text: str,
    assembly: Assembly,
    values: dict[str, object],
    offsets: dict[str, tuple[int, int]],
    notes: Notes,
    figures: list[ProseFigure] | None,
) -> Decimal | None:
    """Fill cells from ``figures`` (the prose's) where no table row holds them.

    ``figures`` is ``None`` where the text reads as an unfilled model. Returns
    the 信息处理费.
    """
    if figures is None:
        notes.add(
            UNFILLED_TEMPLATE,
            "the text reads as an unfilled model (many placeholders): "
            "no figure is taken from its prose",
        )
        return None
    reader = _ProseReader(spec, assembly, values, offsets, notes)
    for figure in figures:
        reader.read(figure)
    fee = processing_fee(text)
    if fee is None:
        return None
    (key,) = fee.keys
    reader.place(key, fee.value, fee)
    return fee.value


@attrs.define
class _ProseReader:
    """Puts the figures prose states into the cells the table left, first statement first."""

    spec: TemplateSpec
    assembly: Assembly
    values: dict[str, object]
    offsets: dict[str, tuple[int, int]]
    notes: Notes
    stated: dict[str, ProseFigure] = attrs.Factory(dict)

    def read(self, figure: ProseFigure) -> None:
        """Take one statement: a cell, a sum of cells (placed only when 0), or a repeat."""
        if figure.part:
            self._note(
                PROSE_NOT_USED,
                figure.keys[0],
                figure,
                f"{figure.key}: the prose states {figure.value} after 其中, a share of "
                "something stated before, not the total",
            )
            return
        if len(figure.keys) > 1 and figure.value != 0:
            self._note(
                PROSE_NOT_USED,
                figure.keys[0],
                figure,
                f"{figure.keys[0]} and {len(figure.keys) - 1} more cells: the prose states "
                f"{figure.value} for their sum, which the form splits",
            )
            return
        for key in figure.keys:
            first = self.stated.setdefault(key, figure)
            if first is not figure:
                if figure.value != first.value:
                    self._note(
                        PROSE_DISAGREES,
                        key,
                        figure,
                        f"{key}: the prose states {first.value} ({first.sentence}) "
                        f"and later {figure.value}",
                    )
                continue
            self._cell(key, figure)

    def _cell(self, key: str, figure: ProseFigure) -> None:
        """Fill cell ``key`` from ``figure`` unless a table row holds it (tables win)."""
        cell = self.spec.by_key[key]
        # Read as a cell of its column is read: a count, or money in the column's unit.
        value = read_cell(str(figure.value), cell.column, figure.unit).value
        if cell.row.key not in self.assembly.rows_seen:
            self.place(key, value, figure)
            return
        written = self.values.get(key)
        if written is None:
            message = f"{key}: the prose states {value}, the table cell is blank and tables win"
            self._note(PROSE_NOT_USED, key, figure, message)
        elif written != value:
            message = f"{key}: the table says {written}, the prose {value}"
            self._note(PROSE_DISAGREES, key, figure, message)

    def place(self, key: str, value: object, figure: ProseFigure) -> None:
        """Store a value read from prose, pointing at its statement."""
        self.values[key] = value
        self.offsets.setdefault(key, (figure.start, figure.end))
        self._note(FROM_PROSE, key, figure, f"{key} = {value} from prose")

    def _note(self, code: Code, key: str, figure: ProseFigure, message: str) -> None:
        self.notes.add(code, f"{message}: {figure.sentence}", (figure.start, figure.end), key=key)


@overload
def parse_file(
    path: str | os.PathLike[str], *, template: Literal["v2015"], max_bytes: int | None = None
) -> ParseResult[ReportV2015]: ...
@overload
def parse_file(
    path: str | os.PathLike[str], *, template: Literal["v2019"], max_bytes: int | None = None
) -> ParseResult[ReportV2019]: ...
@overload
def parse_file(
    path: str | os.PathLike[str], *, template: Literal["v2021"], max_bytes: int | None = None
) -> ParseResult[ReportV2021]: ...
@overload
def parse_file(
    path: str | os.PathLike[str], *, template: str | None = None, max_bytes: int | None = None
) -> ParseResult[Report]: ...
def parse_file(
    path: str | os.PathLike[str], *, template: str | None = None, max_bytes: int | None = None
) -> ParseResult[Report]:
    """Read and parse one report file: ``.txt``, ``.html``/``.htm``, ``.docx`` or ``.pdf``.

    The type comes from the file's content where it tells (PDF, Word), else
    from its suffix; text is decoded from UTF-8, GB18030/GBK or Big5.

    Args:
        path: the report file.
        template: a template id to force; detected when ``None``. A literal
            id types the result, as for [`parse`][govinfo.parse].
        max_bytes: the file's budget (default 50 MiB), as for [`parse`][govinfo.parse].

    Raises:
        InputError: the file cannot be read (or is no regular file: a FIFO,
            a device), decoded, is too large or is of a type govinfo does not
            read (``DecodeError``, ``InputTooLargeError``,
            ``UnsupportedFormatError``).
        MissingExtraError: a ``.pdf`` file without the ``pdf`` extra installed.
        UnknownTemplateError: ``template`` is not a known template id.
    """
    data = read_bytes(path, max_bytes=max_bytes)
    document = load(data, name=display_name(path), max_bytes=max_bytes)
    return parse_document(document, template=template, file=os.fspath(path))
