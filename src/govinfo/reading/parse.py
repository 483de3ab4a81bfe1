"""The pipeline: normalize → tokenize → locate rows → assign cells → build the model."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from govinfo._diagnostics import Diagnostic, Severity, Span
from govinfo._errors import UnknownTemplateError
from govinfo.inputs.load import load, read_bytes
from govinfo.models import TEMPLATES, Meta, Report
from govinfo.reading.align import Assembly, Matcher, Note
from govinfo.reading.cells import tokenize
from govinfo.reading.meta import extract_meta
from govinfo.reading.normalize import Normalized, normalize
from govinfo.reading.prose import processing_fee, prose_placeholders, v2015_figures
from govinfo.reading.recover import recover
from govinfo.reading.sections import Sections, find_sections
from govinfo.templates.spec import TemplateSpec, build, spec_for

if TYPE_CHECKING:
    from decimal import Decimal

    from govinfo.inputs.document import Document


@attrs.frozen(eq=False)
class ParseResult:
    """The outcome of parsing one report.

    Attributes:
        report: the typed report (blank cells are ``None``).
        diagnostics: everything the parser noticed, in input order.
        sources: for each cell key that received a value (or an explicit
            blank), where in the input it came from.
        text: the text read (the input itself, or the text extracted from an
            HTML, Word or PDF file); spans index into it (see :meth:`quote`).
    """

    report: Report
    diagnostics: tuple[Diagnostic, ...]
    sources: Mapping[str, Span]
    text: str = attrs.field(repr=False)
    _normalized: str | None = attrs.field(default=None, repr=False, alias="normalized")

    @property
    def template(self) -> str:
        """The template id of :attr:`report`."""
        return self.report.TEMPLATE

    @functools.cached_property
    def sections(self) -> Sections | None:
        """Which of the six required sections are present, and in order (2019/2021 formats).

        ``None`` for v2015. Found on first look: most results are never asked.
        """
        if self.template == "v2015":
            return None
        return find_sections(self._normalized or normalize(self.text).text)

    def source_of(self, key: str) -> Span | None:
        """Where the value of cell ``key`` was read, or ``None`` if it was not found."""
        return self.sources.get(key)

    def quote(self, key: str) -> str | None:
        """The input text the value of cell ``key`` was read from."""
        span = self.sources.get(key)
        return None if span is None else self.text[span.start : span.end]


class _Locator:
    """Maps normalized offsets to spans of the text read, and to the source file's lines."""

    #: Lookups answered by scanning the text before a line index is worth building.
    SCANS = 8

    def __init__(self, norm: Normalized, source_lines: tuple[int, ...] | None) -> None:
        self.norm = norm
        self.source_lines = source_lines
        self.scans = 0

    @functools.cached_property
    def line_starts(self) -> list[int]:
        """Offset of each line of the text read."""
        lengths = map(operator.add, map(len, self.norm.original.split("\n")), itertools.repeat(1))
        return list(itertools.accumulate(lengths, initial=0))

    def line_of(self, offset: int) -> tuple[int, int]:
        """The line (1-based) holding ``offset`` of the text read, and where that line starts."""
        if self.scans < self.SCANS and "line_starts" not in self.__dict__:
            # Most results have a handful of diagnostics: counting is cheaper than an index.
            self.scans += 1
            text = self.norm.original
            return text.count("\n", 0, offset) + 1, text.rfind("\n", 0, offset) + 1
        line = bisect.bisect_right(self.line_starts, offset)
        return line, self.line_starts[line - 1]

    def span(self, start: int, end: int) -> Span:
        ostart, oend = self.norm.original_span(start, end)
        line, line_start = self.line_of(ostart)
        source = None
        if self.source_lines is not None and line <= len(self.source_lines):
            source = self.source_lines[line - 1]
        return Span(ostart, oend, line, ostart - line_start + 1, source)

    def excerpt(self, span: Span) -> str:
        start = span.start - span.column + 1
        end = self.norm.original.find("\n", start)
        return self.norm.original[start : end if end != -1 else None].rstrip("\r")

    def diagnostic(self, note: Note) -> Diagnostic:
        if note.start < 0:
            return Diagnostic(note.code, note.message, note.severity, key=note.key)
        span = self.span(note.start, note.end)
        return Diagnostic(
            note.code, note.message, note.severity, span, self.excerpt(span), note.key
        )


class _Spans(Mapping[str, Span]):
    """Sources computed on first look: most results are never asked where a cell came from."""

    def __init__(self, locator: _Locator, offsets: dict[str, tuple[int, int]]) -> None:
        self._locator = locator
        self._offsets = offsets
        self._spans: dict[str, Span] = {}

    def __getitem__(self, key: str) -> Span:
        span = self._spans.get(key)
        if span is None:
            span = self._spans[key] = self._locator.span(*self._offsets[key])
        return span

    def __iter__(self) -> Iterator[str]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)


@functools.cache
def _matcher(template: str) -> Matcher:
    return Matcher(spec_for(TEMPLATES[template]))


_MODERN_CUES = ("收到和处理政府信息公开申请情况", "其他需要报告的事项", "主动公开政府信息情况")


def _era(year: int | None, text: str) -> tuple[str, str]:
    """The template of a report with no table: by year, else by the section names it uses."""
    if year is not None:
        template = "v2021" if year >= 2021 else "v2019" if year >= 2019 else "v2015"
        return template, f"report year {year}"
    if sum(cue in text for cue in _MODERN_CUES) >= 2:
        return "v2021", "no year; the 2019/2021 section names"
    return "v2015", "no year, and not the 2019/2021 section names"


def _detect(scores: Mapping[str, tuple[int, int]], year: int | None) -> str | None:
    """The template whose labels fit best; the year breaks ties. None when nothing fits.

    ``scores`` gives, per template, the rows and the rows plus headings recognised.
    """
    best = max(total for _, total in scores.values())
    if best == 0 or max(rows for rows, _ in scores.values()) == 0:
        return None
    tied = [t for t, (_, total) in scores.items() if total == best]
    if len(tied) > 1 and year is not None:
        by_year = _era(year, "")[0]
        if by_year in tied:
            return by_year
    return tied[-1]


def _missing(spec: TemplateSpec, assembly: Assembly, tables_found: bool) -> list[Note]:
    if not tables_found:
        return [Note("no-table", "no statistical table found", Severity.WARNING, -1, -1)]
    notes = []
    for table in spec.tables:
        missing = [r.key for r in table.rows if r.key not in assembly.rows_seen and not r.ext]
        if not missing or (table.optional and len(missing) == len(table.rows)):
            continue
        if len(missing) < len(table.rows):
            message, code = f"rows not found: {', '.join(missing)}", "missing-row"
        else:
            message, code = f"table {table.label} not found", "missing-table"
        notes.append(Note(code, message, Severity.WARNING, -1, -1))
    return notes


def parse(
    source: str | bytes, *, template: str | None = None, max_bytes: int | None = None
) -> ParseResult:
    """Parse one annual report.

    Args:
        source: the report as text (scraped page text with ``|`` cell
            separators, text extracted from a PDF or Word file, or an HTML page),
            or as the bytes of a text, HTML, ``.docx`` or ``.pdf`` file in any
            encoding govinfo can tell (UTF-8, GB18030/GBK, Big5).
        template: a template id (``"v2021"``) to force; detected when ``None``.
        max_bytes: refuse larger inputs (default 50 MiB).

    Returns:
        The report with its diagnostics and the source of every cell.

    Raises:
        UnknownTemplateError: ``template`` is not a known template id.
        InputError: bytes that cannot be read (:class:`DecodeError`), or an
            input over the limit (:class:`InputTooLargeError`).

    Examples:
        >>> import govinfo
        >>> result = govinfo.parse("一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |")
        >>> result.report.requests.new.total
        3
    """
    return parse_document(load(source, max_bytes=max_bytes), template=template)


def parse_document(document: Document, *, template: str | None = None) -> ParseResult:
    """Parse a document produced by an input adapter."""
    if template is not None and template not in TEMPLATES:
        raise UnknownTemplateError(
            f"unknown template {template!r}; known: {', '.join(sorted(TEMPLATES))}"
        )
    text = document.text
    norm = normalize(text)
    locator = _Locator(norm, document.source_lines)
    rows = tokenize(norm.text)
    facts = extract_meta(norm.text)
    notes: list[Note] = []
    if template:
        chosen: str | None = template
    else:
        # A cheap label count picks the template; only that one is matched in full.
        scores = {t: _matcher(t).score(rows) for t in TEMPLATES}
        chosen = _detect(scores, facts.year)
    if chosen is None:
        chosen, why = _era(facts.year, norm.text)
        notes.append(Note("template-from-era", f"{chosen} chosen by {why}", Severity.INFO, -1, -1))
    assemblies = {chosen: _matcher(chosen).match(rows)}
    assembly = _matcher(chosen).assign(assemblies[chosen])
    recover(spec_for(TEMPLATES[chosen]), assembly)

    notes.extend(assembly.notes)
    notes.extend(Note(code, msg, sev, s, e) for code, msg, sev, s, e in facts.notes)
    tables_found = bool(assembly.tables_found) and assembly.rows_matched > 0
    notes.extend(_missing(spec_for(TEMPLATES[chosen]), assembly, tables_found))
    offsets = dict(assembly.sources)
    values: dict[str, object] = dict(assembly.values)
    placeholders = prose_placeholders(norm.text)
    notes.extend(placeholders)
    fee = _prose(chosen, norm.text, assembly, values, notes, unfilled=len(placeholders) >= 5)
    for note in notes:
        if note.code == "from-prose" and note.key is not None and note.key not in offsets:
            offsets[note.key] = (note.start, note.end)

    def printed(span: tuple[int, int] | None) -> str | None:
        """A meta text as printed in the input (before normalization)."""
        if span is None:
            return None
        start, end = norm.original_span(*span)
        return text[start:end].strip() or None

    meta = Meta(
        title=printed(facts.title),
        agency=printed(facts.agency),
        year=facts.year,
        published=facts.published,
        index_number=printed(facts.index_number),
        tables_found=tables_found,
        processing_fee_yuan=fee,
    )
    values["meta"] = meta
    report = build(TEMPLATES[chosen], values)
    notes.sort(key=lambda n: n.start)
    return ParseResult(
        report=report,
        diagnostics=tuple(locator.diagnostic(n) for n in notes),
        sources=_Spans(locator, offsets),
        text=text,
        normalized=norm.text,
    )


def _prose(
    template: str,
    text: str,
    assembly: Assembly,
    values: dict[str, object],
    notes: list[Note],
    *,
    unfilled: bool,
) -> Decimal | None:
    """Fill cells from prose where no table row holds them; returns the 信息处理费."""
    if unfilled:
        notes.append(
            Note("unfilled-template", "the text reads as an unfilled model (many placeholders): "
                 "no figure is taken from its prose", Severity.WARNING, -1, -1)
        )  # fmt: skip
        return None
    figures = v2015_figures(text) if template == "v2015" else []
    fee = processing_fee(text)
    spec = spec_for(TEMPLATES[template])
    for figure in figures:
        cell = spec.by_key[figure.key]
        value = figure.value if cell.column.money else int(figure.value)
        if cell.row.key in assembly.rows_seen:
            written = values.get(figure.key)
            if written is None:
                notes.append(
                    Note("prose-not-used", f"{figure.key}: the prose states {value}, the table "
                         f"cell is blank and tables win: {figure.sentence}", Severity.INFO,
                         figure.start, figure.end, figure.key)
                )  # fmt: skip
            elif written != value:
                notes.append(
                    Note("prose-disagrees", f"{figure.key}: the table says {written}, the prose "
                         f"{value}: {figure.sentence}", Severity.WARNING, figure.start, figure.end,
                         figure.key)
                )  # fmt: skip
            continue
        values[figure.key] = value
        notes.append(
            Note("from-prose", f"{figure.key} = {value} from prose: {figure.sentence}",
                 Severity.INFO, figure.start, figure.end, figure.key)
        )  # fmt: skip
    if fee is None:
        return None
    notes.append(
        Note("from-prose", f"{fee.key} = {fee.value} from prose: {fee.sentence}",
             Severity.INFO, fee.start, fee.end, fee.key)
    )  # fmt: skip
    return fee.value


def parse_file(
    path: str | os.PathLike[str], *, template: str | None = None, max_bytes: int | None = None
) -> ParseResult:
    """Read and parse one report file: ``.txt``, ``.html``/``.htm``, ``.docx`` or ``.pdf``.

    The type comes from the file's content where it tells (PDF, Word), else
    from its suffix; text is decoded from UTF-8, GB18030/GBK or Big5.

    Args:
        path: the report file.
        template: a template id to force; detected when ``None``.
        max_bytes: refuse larger files (default 50 MiB).

    Raises:
        InputError: the file cannot be read, decoded, is too large or is of a
            type govinfo does not read (:class:`DecodeError`,
            :class:`InputTooLargeError`, :class:`UnsupportedFormatError`).
        MissingExtraError: a ``.docx`` or ``.pdf`` file without the extra installed.
        UnknownTemplateError: ``template`` is not a known template id.
    """
    data = read_bytes(path, max_bytes=max_bytes)
    document = load(data, name=os.fspath(path), max_bytes=max_bytes)
    return parse_document(document, template=template)
