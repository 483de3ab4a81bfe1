"""The parse pipeline: template detection and override, provenance, repeatable results."""

from __future__ import annotations

import io
import pathlib
import pickle
from concurrent.futures import ThreadPoolExecutor

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.testing import reports, scraped_texts
from helpers import cell_values, seed_text

TABLE3_ROW = "一、本年新收政府信息公开申请数量 | {} |\n"


def _row(*cells: str) -> str:
    return TABLE3_ROW.format(" | ".join(cells))


def test_provenance_maps_through_normalization_to_the_original() -> None:
    """Spans point into the text as given, past traditional characters, pinyin and full width."""
    text = "發(fā)布機構(gòu):某某局\n行政許可 | １４６ |\n"
    result = govinfo.parse(text)
    assert result.report.active.licensing.decisions == 146
    span = result.source_of("active.licensing.decisions")
    assert span is not None
    assert text[span.start : span.end] == "１４６"
    assert (span.line, span.column) == (2, 8)


def test_template_override_and_unknown_template() -> None:
    """template= forces a known template and rejects an unknown one with a typed error."""
    assert isinstance(govinfo.parse("", template="v2021").report, govinfo.ReportV2021)
    with pytest.raises(govinfo.UnknownTemplateError, match="v1999"):
        govinfo.parse("", template="v1999")


class TestTemplateDetection:
    """The template comes from the tables' labels; the year only breaks ties."""

    def test_v2019_and_v2021_tables_are_told_apart(self) -> None:
        """(六)其他处理 as one row means 60号; its three items mean 30号."""
        v2019 = govinfo.parse("(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
        assert v2019.template == "v2019"
        v2021 = govinfo.parse(
            "(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
            " | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        )
        assert v2021.template == "v2021"

    @pytest.mark.parametrize(("year", "template"), [(2020, "v2019"), (2022, "v2021")])
    def test_year_breaks_a_tie(self, year: int, template: str) -> None:
        """Rows common to 60号 and 30号 alone: the report year decides."""
        text = f"{year}年某某局政府信息公开工作年度报告\n" + _row(*["0"] * 7)
        assert govinfo.parse(text).template == template

    def test_year_alone_does_not_decide(self) -> None:
        """A 2022 report printed in the old indicator list is read as v2015."""
        text = (
            "2022年某局政府信息公开工作年度报告\n"
            "(一)收到申请数 | 件 | 3 |\n1.当面申请数 | 件 | 3 |\n"
        )
        result = govinfo.parse(text)
        assert result.template == "v2015"
        assert result.report.applications.received == 3

    def test_override(self) -> None:
        """template= forces the model even when the labels say otherwise."""
        result = govinfo.parse("(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", template="v2021")
        assert result.template == "v2021"
        assert result.report.requests.other.other.total is None


#: Inputs that exercise most stages: tables of each template, prose, placeholders, no table.
TEXTS = [
    *(seed_text(stem) for stem in ("000", "001", "002", "003", "004")),
    govinfo.example_text(),
    _row("xx", "5 | 5", "-3") + "本年咨询数量 | 7 | 8 |\n行政许可 | 146 | 9 |\n行政许可 | 3 |\n",
    "某某区2023年政府信息公开工作年度报告\n发布日期:2024-01-15\n正文。\n",
]


def _parse(text: str) -> tuple[str, tuple[govinfo.Diagnostic, ...]]:
    result = govinfo.parse(text)
    return govinfo.to_json(result.report), result.diagnostics


def test_parsing_again_or_in_threads_gives_the_same_result() -> None:
    """No state survives a parse: again, and in two threads at once, every result is the same."""
    first = [_parse(text) for text in TEXTS]
    assert [_parse(text) for text in TEXTS] == first
    jobs = [i % len(TEXTS) for i in range(3 * len(TEXTS))]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda i: _parse(TEXTS[i]), jobs))
    assert len(results) >= 20
    for i, got in zip(jobs, results, strict=True):
        assert got == first[i], i


class TestLineEnds:
    """Every line end is one: a lone CR, NEL, U+2028 and U+2029 as LF and CRLF."""

    @pytest.mark.parametrize("end", ["\r", "\r\n", "\x85", "\u2028", "\u2029"])
    def test_same_report_and_places(self, end: str) -> None:
        """Text with any line end gives the report, and the lines and columns, of LF text."""
        text = govinfo.example_text()
        expected = govinfo.parse(text)
        result = govinfo.parse(text.replace("\n", end))
        assert result.report == expected.report
        assert [(d.code, d.span and (d.span.line, d.span.column)) for d in result.diagnostics] == [
            (d.code, d.span and (d.span.line, d.span.column)) for d in expected.diagnostics
        ]
        assert result.quote("active.licensing.decisions") == "146"


class TestExcerpts:
    """A diagnostic's excerpt is its line, cut to a fixed window around the span."""

    @pytest.mark.parametrize("end", ["\r", " "])
    def test_bounded(self, end: str) -> None:
        """Thousands of diagnostics on one line (or CR-only lines) each excerpt a few characters."""
        result = govinfo.parse(f"行政许可 | 5 |{end}" * 4000)
        located = [d for d in result.diagnostics if d.span is not None]
        assert len(located) > 1000
        assert max(len(d.excerpt or "") for d in located) <= 3 * 80

    def test_excerpt_is_the_text_around_the_span(self) -> None:
        """The excerpt is the input as given, holding the span's start."""
        text = "x" * 500 + " 行政许可 | 5 | 6 | 7 |\n本年咨询数量 | 7 |"
        located = [d for d in govinfo.parse(text).diagnostics if d.span and d.excerpt]
        assert located
        for d in located:
            assert d.span is not None
            assert d.excerpt is not None
            assert d.excerpt in text
            at = text.index(d.excerpt)
            assert at <= d.span.start <= at + len(d.excerpt)


class TestPickle:
    """A ParseResult pickles and reads back equal with every pickle protocol."""

    @pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
    @pytest.mark.parametrize("kind", ["text", "html"])
    def test_every_protocol(self, protocol: int, kind: str) -> None:
        """Report, diagnostics, sources, text, sections and quotes survive protocols 0-5."""
        report = govinfo.parse_example().report
        result = govinfo.parse(govinfo.render(report, format=kind) + "\n行政许可 | x |")
        again = pickle.loads(pickle.dumps(result, protocol=protocol))  # noqa: S301 - our own
        assert again.report == result.report
        assert again.diagnostics == result.diagnostics
        assert dict(again.sources) == dict(result.sources)
        assert again.text == result.text
        assert again.sections == result.sections
        key = "active.licensing.decisions"
        assert again.quote(key) == result.quote(key) == "146"
        with pytest.raises(KeyError, match="no key of v2021"):
            again.source_of("no.such.key")
        nothing = govinfo.parse("")
        assert pickle.loads(pickle.dumps(nothing, protocol=protocol)).template is None  # noqa: S301

    @staticmethod
    def _same(again: govinfo.ParseResult, result: govinfo.ParseResult) -> None:
        assert again.report == result.report
        assert type(again.report) is type(result.report)
        assert again.diagnostics == result.diagnostics
        assert dict(again.sources) == dict(result.sources)
        assert (again.text, again.file, again.template) == (
            result.text,
            result.file,
            result.template,
        )
        assert again.sections == result.sections

    @given(st.data())
    def test_any_report(self, data: st.DataObject) -> None:
        """Any report of any template (units, money, meta) and its parse survive a round trip."""
        report = data.draw(reports())
        bare = govinfo.ParseResult(report, (), {}, "")
        self._same(pickle.loads(pickle.dumps(bare)), bare)  # noqa: S301 - our own
        parsed = govinfo.parse(data.draw(scraped_texts(report)))
        self._same(pickle.loads(pickle.dumps(parsed)), parsed)  # noqa: S301

    def test_sources_of_a_text_that_normalizing_shortened(self) -> None:
        """Pinyin dropped by normalizing: the spans, sent resolved, still point into the text."""
        text = govinfo.example_text().replace("行政许可", "行政許(xǔ)可")
        result = govinfo.parse(text)
        again = pickle.loads(pickle.dumps(result))  # noqa: S301 - our own
        self._same(again, result)
        assert again.quote("active.licensing.decisions") == "146"

    def test_plain_values_only(self) -> None:
        """The pickle names no table class, span or diagnostic: values in tuples, rebuilt."""
        result = govinfo.parse(govinfo.example_text() + "\n行政许可 | x |")
        assert result.diagnostics
        data = pickle.dumps(result)
        for name in (b"ReportV2021", b"Active", b"Span", b"Diagnostic", b"Severity"):
            assert name not in data
        assert len(data) < 4 * len(result.text.encode())

    def test_a_subclass_and_plain_sources(self) -> None:
        """A subclass's own fields, and sources given as a plain mapping, survive too."""

        @attrs.frozen(eq=False)
        class Tagged(govinfo.ParseResult[govinfo.ReportV2021]):
            tag: str = "x"

        result = govinfo.parse_example()
        tagged = Tagged(
            result.report, result.diagnostics, dict(result.sources), result.text, tag="mine"
        )
        globals()["Tagged"] = Tagged  # pickled by name, as a module's class is
        Tagged.__qualname__ = "Tagged"
        again = pickle.loads(pickle.dumps(tagged))  # noqa: S301 - our own
        assert type(again) is Tagged
        assert again.tag == "mine"
        self._same(again, tagged)


README = """# govinfo

**govinfo** turns reports into typed data.

```console
pip install govinfo-cn
```

Version 0.1.0, 2023-11-23. See CHANGELOG.md.
"""


@pytest.mark.parametrize(
    "source",
    [
        "",
        "   \n\n",
        README,
        "发布日期:2024-01-15\n一、总体情况\n本机关认真贯彻落实条例。\n",
        b"<html><body><p>\xe6\x97\xa0\xe8\xa1\xa8</p></body></html>",
    ],
    ids=["empty", "blank-lines", "readme", "prose-without-figures-or-title", "html-without-table"],
)
def test_input_holding_no_report_says_so(source: str | bytes) -> None:
    """No table, prose figure or report title: template None and a no-report error."""
    result = govinfo.parse(source)
    assert result.template is None
    codes = [d.code for d in result.diagnostics]
    assert "no-report" in codes
    assert not {"no-table", "template-from-era"} & set(codes)
    (note,) = [d for d in result.diagnostics if d.code == "no-report"]
    assert note.severity is govinfo.Severity.ERROR
    assert result.report.meta.tables_found is False
    assert not result.sources
    assert set(cell_values(result.report).values()) == {None}


def test_forced_template_without_report_still_says_so() -> None:
    """Forcing a template does not make a report of an empty input: the report is blank."""
    result = govinfo.parse("", template="v2021")
    assert result.template is None
    assert isinstance(result.report, govinfo.ReportV2021)
    assert [d.code for d in result.diagnostics] == ["no-report"]


def test_prose_figure_alone_is_a_report() -> None:
    """A prose-only report stating a figure is a report: chosen by its era, no-table noted."""
    text = "某某区2020年政府信息公开工作年度报告\n本年度共收到政府信息公开申请5件。\n"
    result = govinfo.parse(text)
    assert result.template == "v2019"
    assert result.report.requests.new.total == 5
    codes = [d.code for d in result.diagnostics]
    assert "no-report" not in codes
    assert {"no-table", "template-from-era"} <= set(codes)


class TestSources:
    """parse() takes text, bytes, a path or a binary file, and reads each alike."""

    def test_path_bytes_and_files_read_as_text(self, tmp_path: pathlib.Path) -> None:
        """A Path, a str path's bytes and an open binary file give the text's report."""
        text = govinfo.example_text()
        expected = govinfo.parse(text)
        path = tmp_path / "report.txt"
        path.write_bytes(text.encode("gb18030"))
        with path.open("rb") as handle:
            from_file = govinfo.parse(handle)
        results = [
            govinfo.parse(path),
            govinfo.parse(path.read_bytes()),
            from_file,
            govinfo.parse(io.BytesIO(path.read_bytes())),
        ]
        for result in results:
            assert result.report == expected.report
            assert result.quote("active.licensing.decisions") == "146"

    def test_a_path_is_read_as_parse_file_reads_it(self, tmp_path: pathlib.Path) -> None:
        """A path's suffix and content decide the reader, and its errors are parse_file's."""
        html = tmp_path / "r.html"
        html.write_text("<table><tr><td>行政许可</td><td>5</td></tr></table>", "utf-8")
        assert govinfo.parse(html).report == govinfo.parse_file(html).report
        with pytest.raises(govinfo.InputError, match=r"missing\.txt"):
            govinfo.parse(tmp_path / "missing.txt")
        with pytest.raises(govinfo.UnsupportedFormatError):
            govinfo.parse(io.BytesIO(b"\xd0\xcf\x11\xe0" + bytes(100)))

    def test_a_file_over_the_budget_is_refused(self) -> None:
        """A file object is read no further than max_bytes allows."""
        with pytest.raises(govinfo.InputTooLargeError):
            govinfo.parse(io.BytesIO(b"x" * 2000), max_bytes=1000)

    @pytest.mark.parametrize("source", [3, None, ["行政许可 | 5 |"], io.StringIO("x")])
    def test_other_types_are_a_clear_type_error(self, source: object) -> None:
        """Anything else names what parse() takes."""
        with pytest.raises(TypeError, match=r"str.*bytes.*path.*binary file"):
            govinfo.parse(source)  # type: ignore[arg-type]


class TestKeys:
    """source_of and quote know the template's keys: an unknown one is a KeyError with hints."""

    def test_unknown_key_names_close_matches(self) -> None:
        """A typo is a KeyError naming the keys it is close to, never a silent None."""
        result = govinfo.parse_example()
        for ask in (result.source_of, result.quote):
            with pytest.raises(KeyError, match=r"active\.licensing\.decisions") as caught:
                ask("active.licensing.decision")
            assert "v2021" in str(caught.value)
        with pytest.raises(KeyError, match="no key of v2021"):
            result.source_of("zzz")

    def test_known_key_without_a_source_is_none(self) -> None:
        """A key of the template that the input did not hold: None."""
        result = govinfo.parse("行政许可 | 5 |", template="v2021")
        assert result.source_of("active.penalty.decisions") is None
        assert result.quote("active.penalty.decisions") is None
        assert result.quote("active.licensing.decisions") == "5"


class TestRepr:
    """Results print as a line that says what they hold."""

    def test_parse_result(self) -> None:
        """The template, agency, year, cells read and diagnostics by severity, in one line."""
        text = repr(govinfo.parse_example())
        assert len(text) < 200
        assert text.startswith("<ParseResult v2021 2023: 201 cells read, ")
        named = repr(govinfo.parse("某某区2023年政府信息公开工作年度报告\n行政许可 | 5 |\n"))
        assert named.startswith("<ParseResult v2021 某某区 2023: 1 cell read, ")
        assert "0x" not in text
        nothing = repr(govinfo.parse(""))
        assert nothing.startswith("<ParseResult no report")
        assert "1 error" in nothing

    def test_validation(self) -> None:
        """ok or the failing rules, with counts."""
        report = govinfo.parse_example().report
        text = repr(govinfo.validate(report))
        assert text == "<Validation ok: 42 findings, 0 failing>"
        changed = govinfo.convert(report, to="v2021").report
        broken = govinfo.ReportV2021(requests=changed.requests, meta=changed.meta)
        import attrs  # noqa: PLC0415

        broken = attrs.evolve(
            broken,
            requests=attrs.evolve(
                broken.requests,
                processed_total=attrs.evolve(broken.requests.processed_total, total=9),
            ),
        )
        text = repr(govinfo.validate(broken))
        assert len(text) < 200
        assert text.startswith("<Validation failing: R1, R2, R3")
