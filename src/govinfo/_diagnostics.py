"""Diagnostics: what the parser noticed, with where in the input it was.

Every diagnostic is a [`Diagnostic`][govinfo.Diagnostic] whose ``code`` is one of the
registered ``Code`` s below, each with its severity and a one-line
explanation (the docs' table of codes is generated from them).
"""

from __future__ import annotations

import enum
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Mapping


class Severity(str, enum.Enum):
    """How much a diagnostic matters."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Span:
    """A place in the input text the user gave.

    ``start``/``end`` are character offsets into the text govinfo read
    (``ParseResult.text``: the input itself for text, the text extracted
    from an HTML, Word or PDF file otherwise); ``line`` and ``column`` are
    1-based positions in it. ``source_line`` is the line of the HTML file or the
    page of the PDF the text came from (``None`` for text input).
    """

    start: int
    end: int
    line: int
    column: int
    source_line: int | None = None


@attrs.frozen
class Diagnostic:
    """One finding of the parser.

    Attributes:
        code: stable identifier, e.g. ``"unknown-row"`` (see the docs for the list).
        message: human-readable explanation.
        severity: error, warning or info.
        span: where in the input, when the finding concerns one place.
        excerpt: the input line concerned, as given; of a long line, at most 80
            characters before the span, 80 of it and 80 after it.
        key: the cell key concerned, when there is one.
    """

    code: str
    message: str
    severity: Severity = Severity.WARNING
    span: Span | None = None
    excerpt: str | None = None
    key: str | None = None

    def __str__(self) -> str:
        """``line 3: warning [short-row] …``."""
        where = f"line {self.span.line}: " if self.span else ""
        return f"{where}{self.severity.value} [{self.code}] {self.message}"


@attrs.frozen
class Code:
    """A registered diagnostic code: its name, its severity and what it means.

    ``also`` lists other severities the code may carry (``year-inferred`` is a
    warning when the year is only the text's most frequent one).
    """

    name: str
    severity: Severity
    doc: str
    also: frozenset[Severity] = frozenset()

    def severities(self) -> tuple[Severity, ...]:
        """Every severity the code may carry, its own first."""
        return (self.severity, *sorted(self.also - {self.severity}))


_I, _W = Severity.INFO, Severity.WARNING

UNKNOWN_ROW = Code(
    "unknown-row",
    _I,
    "a row with values whose label is not in the template; its label and values are in the message",
)
NO_REPORT = Code(
    "no-report",
    Severity.ERROR,
    "no table, no prose figure of any template and no report title: the input holds no "
    "report (an empty file, a README, a page without the report); `ParseResult.template` "
    "is null and the report blank",
)
MISSING_ROW = Code("missing-row", _W, "the table was found but these rows were not")
MISSING_TABLE = Code("missing-table", _W, "one table of the template was not found")
NO_TABLE = Code(
    "no-table",
    _W,
    "no statistical table at all (prose-only report); `meta.tables_found` is false",
)
SHORT_ROW = Code(
    "short-row", _W, "a row with a label but no cells; its cells stay blank and are named"
)
RECOVERED = Code(
    "recovered",
    _W,
    "a row kept fewer cells than columns (empty cells dropped by a scraper) and exactly one "
    "placement fits the invariants, a rule holding of it: it is used",
)
SPLIT_BY_INVARIANTS = Code(
    "split-by-invariants",
    _W,
    "a crawler ran a row's cells together into digits, and exactly one cut of them into "
    "the row's cells fits the invariants (named in the message): it is used",
)
AMBIGUOUS_CELLS = Code(
    "ambiguous-cells",
    _W,
    "as `recovered`, but several placements fit (or none, or one that no rule can check): "
    "the cells they agree on are filled, the rest left blank, candidates listed",
)
TEMPLATE_FROM_ERA = Code(
    "template-from-era",
    _I,
    "no table: the template was chosen by the report year or the section names",
)
FIGURES_BEFORE_LABELS = Code(
    "figures-before-labels",
    _W,
    "a table's header holds a row of figures before its first row: its figures stand before "
    "their labels (text taken from a PDF in the order it was drawn), so which are a row's is "
    "not certain; the rows that header heads are left blank, their figures in the message",
)
WRAPPED_FIGURES = Code(
    "wrapped-figures",
    _W,
    "figures of no row right after a value block's (table 四 as one run of figures): the ends "
    "of some of its figures, wrapped in their cells or cut by a page break; the block's cells "
    "that no rule holds of are left blank, their figures in the message",
)
EXTRA_CELLS = Code(
    "extra-cells",
    _W,
    "values beyond a row's columns, listed in the message; a value block (table 四 as one "
    "run of figures) with more figures than cells is left blank, its figures listed",
)
DUPLICATE_ROW = Code(
    "duplicate-row",
    _W,
    "the same row twice; the fuller one is used (as many figures, other ones: left blank, "
    "both quoted)",
)
PADDING_ASSUMED = Code(
    "padding-assumed",
    _I,
    "a row had more cells than columns and some were blank: the empty cells after the values "
    "(before, in table 四) were taken as scraper padding",
)
APPROXIMATE_LABEL = Code(
    "approximate-label",
    _I,
    "a label matched an official one only approximately (OCR damage, typos)",
)
PLACEHOLDER = Code(
    "placeholder",
    _W,
    '"xx", "××" in a number cell or in prose (unfilled template): no value',
)
INVALID = Code(
    "invalid",
    _W,
    "a number cell that cannot be a count (negative, fractional, text); the raw text is in "
    "the message",
)
CONVERTED = Code("converted", _I, "money written in 元, stored in 万元")
YEAR_INFERRED = Code(
    "year-inferred",
    _I,
    "the report year was read from the statistics period or prose rather than the title "
    "(a warning when only the most frequent year in the text was left)",
    also=frozenset({_W}),
)
FROM_PROSE = Code(
    "from-prose",
    _I,
    "a value read from prose (e.g. the 信息处理费 of section 六), with its sentence",
)
PROSE_DISAGREES = Code(
    "prose-disagrees", _W, "the prose states another value than the table (the table's is kept)"
)
PROSE_NOT_USED = Code(
    "prose-not-used",
    _I,
    "the prose states a value where the table cell is blank (tables win: the cell stays blank)",
)
UNFILLED_TEMPLATE = Code(
    "unfilled-template", _W, "the text is full of placeholders: no figure is taken from its prose"
)
REPLACED_CHARACTERS = Code(
    "replaced-characters",
    _W,
    "the input held code points that are not characters (lone surrogates): each was read as "
    "U+FFFD; how many, and where the first was, is in the message",
)
CHARSET_OVERRIDDEN = Code(
    "charset-overridden",
    _W,
    "the charset an HTML page declares does not fit its bytes (fails to decode them, or "
    "gives no Chinese text where the detected encoding does): the detected one is used",
)
NESTED_TOO_DEEP = Code(
    "nested-too-deep",
    _W,
    "an HTML page nests elements deeper than the parser reads (2048 levels, after "
    "formatting wrappers are dropped): what lies deeper is not read",
)
NO_TEXT_LAYER = Code(
    "no-text-layer",
    _W,
    "PDF pages with no text layer (scans), named in the message: not read; the `ocr` extra "
    "reads them",
)
READ_BY_OCR = Code(
    "read-by-ocr",
    _I,
    "PDF pages with no text layer, named in the message, were read by OCR (the `ocr` extra): "
    "check their values",
)
ASLANT_TEXT = Code(
    "aslant-text",
    _I,
    "PDF text set at a slant (over 10° from level or upright: a watermark or a stamp), "
    "quoted in the message: not read, as it would run into the cells it crosses",
)
SUFFIX_MISMATCH = Code(
    "suffix-mismatch",
    _W,
    "a file named as a PDF or .docx whose bytes are not one: it was read as what they are "
    "(text or HTML)",
)

_ALL = (
    NO_REPORT, UNKNOWN_ROW, MISSING_ROW, MISSING_TABLE, NO_TABLE, SHORT_ROW, RECOVERED,
    SPLIT_BY_INVARIANTS, AMBIGUOUS_CELLS, FIGURES_BEFORE_LABELS, WRAPPED_FIGURES,
    TEMPLATE_FROM_ERA, EXTRA_CELLS, DUPLICATE_ROW, PADDING_ASSUMED, APPROXIMATE_LABEL,
    PLACEHOLDER, INVALID, CONVERTED, YEAR_INFERRED, FROM_PROSE, PROSE_DISAGREES, PROSE_NOT_USED,
    UNFILLED_TEMPLATE, REPLACED_CHARACTERS, NESTED_TOO_DEEP, CHARSET_OVERRIDDEN, NO_TEXT_LAYER,
    READ_BY_OCR, ASLANT_TEXT, SUFFIX_MISMATCH,
)  # fmt: skip
CODES: Mapping[str, Code] = MappingProxyType({c.name: c for c in _ALL})
"""Every diagnostic code, by name, in the order the docs list them."""
