"""The evidence page: every figure beside the text it came from, read back through lxml."""

from __future__ import annotations

import base64
import hashlib
import pathlib
import re

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.formats.review import IndexEntry, index_html
from govinfo.models import REGISTRY
from helpers import DATA, SEED_FILES, run_cli

CORPUS = sorted((DATA / "corpus").glob("*_*.txt"))

#: Table 三 with its first row's empty cells dropped (R1 places them) and table 二's
#: 规章 row run together (one cut of three digits), in the shape of real scraped pages.
DAMAGED = (
    "二、主动公开政府信息情况\n"
    "第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章000\n"
    "一、本年新收政府信息公开申请数量 | 5 | 5 |\n"
    "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
    "三、本年度办理结果 | (一)予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
    "(二)部分公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    "(七)总计 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n"
    "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
)

HOSTILE = (
    "报告标题: <script>window.pwned = 1</script>关于<b>标记</b>的2023年政府信息公开工作年度报告\n"
    '报告机构: <i onclick="window.pwned=3">某局</i>\n'
    "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
    '<img src=x onerror="window.pwned=2"> | 7 |\n'
)


def _page(result: govinfo.ParseResult, **kwargs: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(govinfo.review_html(result, **kwargs))


def _source(page: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    return page.get_element_by_id("source")


def _pieces(page: lxml.html.HtmlElement, key: str) -> list[lxml.html.HtmlElement]:
    return [e for e in _source(page).iter("span") if key in e.get("data-keys", "").split()]


def _cell(page: lxml.html.HtmlElement, key: str) -> lxml.html.HtmlElement:
    return page.get_element_by_id(f"cell-{key}")


class TestSourcePane:
    """The left pane is the text read, character for character, every value's source marked."""

    @pytest.mark.parametrize("path", [*CORPUS, *SEED_FILES], ids=lambda p: p.stem)
    def test_every_source_is_marked_at_its_offset(self, path: pathlib.Path) -> None:
        """Each cell's pieces start at its span and hold exactly its quote; the text is whole."""
        result = govinfo.parse_file(path)
        page = _page(result)
        # libxml2 keeps the newline after <pre> that a browser drops (the browser test checks it).
        assert _source(page).text_content() == "\n" + result.text
        for key, span in result.sources.items():
            pieces = _pieces(page, key)
            assert pieces, key
            assert int(pieces[0].get("data-start")) == span.start
            assert "".join(p.text_content() for p in pieces) == result.quote(key)

    @given(st.text(st.characters(codec="utf-8"), max_size=300))
    def test_any_text_is_held_one_for_one(self, text: str) -> None:
        """Whatever the text (CR, NUL, markup, surrogates), the page gives it back as read."""
        result = govinfo.parse(text)
        shown = _source(_page(result)).text_content()
        assert shown == "\n" + result.text.replace("\0", "\ufffd")

    def test_an_empty_cell_is_a_mark_of_its_own(self) -> None:
        """A blank read from an empty cell is a mark at its place, not nothing."""
        result = govinfo.parse("一、本年新收政府信息公开申请数量 | 3 | | 0 | 0 | 0 | 0 | 3 |\n")
        key = "requests.new.commercial"
        assert result.report.requests.new.commercial is None  # type: ignore[union-attr]
        span = result.source_of(key)
        assert span is not None
        assert [int(p.get("data-start")) for p in _pieces(_page(result), key)] == [span.start]


class TestTablesPane:
    """The right pane: the official tables, a cell per key, blank apart from 0."""

    def test_cells_hold_the_values_and_blank_is_not_zero(self) -> None:
        """A value cell shows its value; a 0 shows 0; a blank shows — and is marked blank."""
        result = govinfo.parse("一、本年新收政府信息公开申请数量 | 3 | | 0 | 0 | 0 | 0 | 3 |\n")
        page = _page(result)
        natural = _cell(page, "requests.new.natural_person")
        zero = _cell(page, "requests.new.research")
        blank = _cell(page, "requests.new.commercial")
        assert (natural.text_content(), zero.text_content(), blank.text_content()) == (
            "3",
            "0",
            "—",
        )
        assert "blank" not in zero.classes
        assert "zero" in zero.classes
        assert "blank" in blank.classes
        assert "unread" not in blank.classes  # it was read, from an empty cell
        unread = _cell(page, "requests.carried_over.total")  # no such row in the text
        assert {"blank", "unread"} <= set(unread.classes)

    @pytest.mark.parametrize("path", [CORPUS[0], *SEED_FILES], ids=lambda p: p.stem)
    def test_every_cell_of_the_template_is_in_the_tables(self, path: pathlib.Path) -> None:
        """Each value cell of the template has its <td>, keyed, in the official layout."""
        result = govinfo.parse_file(path)
        page = _page(result)
        spec = [c for c in REGISTRY[result.report.TEMPLATE].cells if c.column.reads_cell]
        keyed = page.xpath('//div[@id="tables"]//td[@data-keys]')
        assert [td.get("data-keys") for td in keyed] != []
        assert {td.get("data-keys") for td in keyed} == {c.key for c in spec}

    def test_recovered_and_split_cells_carry_badges(self) -> None:
        """Cells placed by recovery (R) and cut from digit runs (S) say so in the cell."""
        result = govinfo.parse(DAMAGED, template="v2021")
        codes = {d.code for d in result.diagnostics}
        assert {"recovered", "split-by-invariants"} <= codes
        page = _page(result)
        recovered = _cell(page, "requests.new.natural_person")
        assert recovered.text_content() == "5R"
        assert "placed by the invariants" in recovered.get("title")
        assert _cell(page, "requests.new.total").text_content() == "5R"
        assert _cell(page, "requests.new.commercial").text_content() == "—"  # dropped: blank
        split = _cell(page, "active.regulations.issued")
        assert split.text_content() == "0S"
        # Cells read from their own cell carry no badge.
        assert _cell(page, "requests.carried_over.total").text_content() == "0"

    def test_prose_values_carry_a_badge(self) -> None:
        """A value read from a sentence is marked P and points at the sentence."""
        result = govinfo.parse_example()
        from_prose = [d.key for d in result.diagnostics if d.code == "from-prose" and d.key]
        assert from_prose
        page = _page(result)
        for key in from_prose:
            assert _cell(page, key).text_content().endswith("P")
            assert _pieces(page, key)


class TestRulesAndDiagnostics:
    """Failed rules are marked in both panes and listed; diagnostics are listed with links."""

    def test_a_strict_failure_marks_its_cells_in_both_panes(self) -> None:
        """R3 fails (3 ≠ 4): each of its cells is marked, in the table and in the source."""
        result = govinfo.parse(
            "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 4 |\n", template="v2021"
        )
        page = _page(result)
        total = _cell(page, "requests.new.total")
        assert "fail" in total.classes
        assert "R3" in total.get("title")
        assert all("fail" in p.classes for p in _pieces(page, "requests.new.total"))
        (item,) = [li for li in page.xpath('//ul[@id="failures"]/li') if "R3" in li.text_content()]
        assert "requests.new.total" in item.get("data-keys").split()

    def test_a_lenient_failure_is_marked_apart(self) -> None:
        """Blank parts, written total that their written sum misses: fails with blanks as 0."""
        text = (
            "一、本年新收政府信息公开申请数量 | 3 | | 0 | 0 | 0 | 0 | 4 |\n"
            "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
            "三、本年度办理结果 | (一)予以公开 | 3 | | 0 | 0 | 0 | 0 | 4 |\n"
            "(七)总计 | 3 | | 0 | 0 | 0 | 0 | 4 |\n"
            "四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        )
        result = govinfo.parse(text, template="v2021")
        failures = govinfo.validate(result.report).failures
        assert {f.verdict.value for f in failures} == {"not checkable"}  # lenient failures only
        page = _page(result)
        total = _cell(page, "requests.new.total")
        assert "fail-lenient" in total.classes
        assert "fail" not in total.classes
        assert "blanks as 0" in page.get_element_by_id("failures").text_content()

    @pytest.mark.parametrize("path", CORPUS[:12], ids=lambda p: p.stem)
    def test_every_diagnostic_is_listed_with_a_working_link(self, path: pathlib.Path) -> None:
        """Each diagnostic has a list item whose link lands on an element of the page."""
        result = govinfo.parse_file(path)
        page = _page(result)
        items = page.xpath('//ul[@id="diagnostics"]/li')
        assert len(items) == len(result.diagnostics)
        for item, diagnostic in zip(items, result.diagnostics, strict=True):
            assert diagnostic.code in item.text_content()
            (link,) = item.xpath("a")
            target = link.get("href").removeprefix("#")
            if diagnostic.span is None and not diagnostic.key:
                continue  # about the report as a whole: nowhere to go
            assert page.xpath(f'//*[@id="{target}"]'), target


class TestEscaping:
    """A report's text is text: markup and scripts in it are shown, never run."""

    def test_markup_in_the_report_is_shown_as_text(self) -> None:
        """Title, agency, source, messages and the file name hold markup: all shown as text."""
        result = govinfo.parse(HOSTILE)
        assert result.report.meta.title is not None
        assert result.report.meta.title.startswith("<script>")
        assert any("<img" in d.message for d in result.diagnostics)  # the unknown row
        page = _page(result, name='<i>"name"</i>.txt')
        scripts = page.xpath("//script")
        assert len(scripts) == 1  # the page's own
        assert "pwned" not in scripts[0].text_content()
        assert not page.xpath("//img | //b | //i | //*[@onerror] | //*[@onclick]")
        assert page.xpath("//h1")[0].text_content() == result.report.meta.title
        assert "<script>window.pwned = 1</script>" in _source(page).text_content()
        assert '<i>"name"</i>.txt' in page.xpath("//header/p")[0].text_content()
        listed = page.get_element_by_id("diagnostics").text_content()
        assert '<img src=x onerror="window.pwned=2">' in listed
        facts = page.xpath('//table[@class="facts"]')[0].text_content()
        assert '<i onclick="window.pwned=3">某局</i>' in facts

    def test_the_page_is_self_contained_and_runs_only_its_own_script(self) -> None:
        """No external resource; the policy allows nothing but the inline script, by hash."""
        html = govinfo.review_html(govinfo.parse_example())
        page = lxml.html.document_fromstring(html)
        assert not page.xpath("//link | //img | //iframe | //*[@src]")
        assert not [a for a in page.xpath("//a/@href") if not a.startswith("#")]
        policy = page.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')[0]
        (script,) = page.xpath("//script")
        digest = base64.b64encode(hashlib.sha256(script.text.encode()).digest()).decode()
        assert f"script-src 'sha256-{digest}'" in policy
        assert "default-src 'none'" in policy


class TestIndex:
    """The index of a batch links each page with its rule status, and lists failures."""

    def test_index_lists_pages_status_and_errors(self) -> None:
        """Good reports link to their page with their status; an unreadable one shows its error."""
        failing = govinfo.parse(
            "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 4 |\n", template="v2021"
        )
        entries = [
            IndexEntry("a b.txt", "a b.txt.html", govinfo.parse_example()),
            IndexEntry("bad.txt", "bad.txt.html", failing),
            IndexEntry("<x>.pdf", None, None, "<x>.pdf: not a PDF"),
        ]
        page = lxml.html.document_fromstring(index_html(entries))
        rows = page.xpath("//tr")[1:]
        assert [r.xpath("td/a/@href") for r in rows] == [["a%20b.txt.html"], ["bad.txt.html"], []]
        assert rows[0].xpath("td")[4].text_content() == "ok"
        assert "3 checks fail: 0 passed, 3 failed" in rows[1].xpath("td")[4].text_content()
        assert rows[2].xpath("td")[1].text_content() == "<x>.pdf: not a PDF"
        assert not page.xpath("//script")


class TestCommand:
    """`govinfo review FILE... --out DIR` writes a page per file and the index."""

    def test_review_a_batch(self, tmp_path: pathlib.Path) -> None:
        """Pages for every file (same names in two folders kept apart), errors in the index."""
        other = tmp_path / "other"
        other.mkdir()
        (other / CORPUS[0].name).write_bytes(CORPUS[0].read_bytes())
        (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
        out = tmp_path / "pages"
        proc = run_cli(
            "review", str(CORPUS[0]), str(other), str(tmp_path / "broken.pdf"), "--example",
            "--out", str(out),
        )  # fmt: skip
        assert proc.returncode == 2, proc.stderr
        assert "PDF" in proc.stderr
        assert proc.stdout.strip() == str(out / "index.html")
        names = sorted(p.name for p in out.iterdir())
        stem = CORPUS[0].name
        assert names == sorted(["example.html", f"{stem}.html", f"{stem}-2.html", "index.html"])
        index = lxml.html.document_fromstring((out / "index.html").read_text("utf-8"))
        assert index.xpath("//a/@href") == ["example.html", f"{stem}.html", f"{stem}-2.html"]
        assert "broken.pdf" in index.xpath("//tr")[-1].text_content()
        page = (out / f"{stem}.html").read_text("utf-8")
        assert page == govinfo.review_html(govinfo.parse_file(CORPUS[0]), name=str(CORPUS[0]))

    def test_review_needs_an_out_folder(self) -> None:
        """--out is required: argparse says so, exit status 2."""
        proc = run_cli("review", "--example")
        assert proc.returncode == 2
        assert re.search(r"--out", proc.stderr)
