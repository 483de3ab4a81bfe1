"""The evidence page in a real browser: Debian's Chromium, headless, driven by Selenium.

Selenium drives Chromium through chromedriver; Debian packages both from one
source (``chromium``, ``chromium-driver``), so their versions always match.
"""

from __future__ import annotations

import io
import pathlib
import shutil
import tempfile
from typing import TYPE_CHECKING

import pytest
from PIL import Image, ImageStat
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

import govinfo
from govinfo.models import REGISTRY
from helpers import DATA, SEED_004

if TYPE_CHECKING:
    from collections.abc import Iterator

    from selenium.webdriver.remote.webelement import WebElement

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
]

#: Where a piece of the source pane starts in the text shown, in code points as Python counts.
OFFSET = """
const el = arguments[0], src = document.getElementById("source");
const range = document.createRange();
range.setStart(src, 0);
range.setEnd(el, 0);
return Array.from(range.toString()).length;
"""
#: The text of the pieces lit.
QUOTED = "return arguments[0].map((e) => e.textContent).join('')"
#: Whether an element lies inside the visible part of the pane that scrolls it.
VISIBLE = """
const el = arguments[0], pane = el.closest(".pane").getBoundingClientRect();
const box = el.getBoundingClientRect();
return box.bottom > pane.top && box.top < pane.bottom;
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    """One headless Chromium for the module, with a fresh profile."""
    if CHROMIUM is None or CHROMEDRIVER is None:
        pytest.skip(
            "no browser: Chromium and chromedriver are not installed "
            "(apt-get install chromium chromium-driver; .ci/run does)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory() as profile:
        options.add_argument(f"--user-data-dir={profile}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        try:
            yield driver
        finally:
            driver.quit()


def _open(browser: webdriver.Chrome, result: govinfo.ParseResult, folder: pathlib.Path) -> None:
    path = folder / "page.html"
    path.write_text(govinfo.review_html(result, name="page"), "utf-8")
    browser.get(path.as_uri())


def _lit(browser: webdriver.Chrome) -> list[WebElement]:
    return browser.find_elements(By.CSS_SELECTOR, "#source .on")


def _cell(browser: webdriver.Chrome, key: str) -> WebElement:
    return browser.find_element(By.ID, f"cell-{key}")


HOSTILE = (
    "报告标题: <script>window.pwned = 1</script>关于<b>标记</b>的2023年政府信息公开工作年度报告\n"
    '<img src=x onerror="window.pwned=2"> | 7 |\n'
    "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 4 |\n"
)


@pytest.mark.parametrize(
    "text",
    [
        None,  # the bundled example
        (DATA / "corpus" / "liwan_zjj_2021_trad_debris.txt").read_text("utf-8"),
        HOSTILE,
    ],
    ids=["example", "failing-rules", "hostile"],
)
def test_page_renders_without_console_errors(
    browser: webdriver.Chrome, text: str | None, tmp_path: pathlib.Path
) -> None:
    """The page loads with no console message, runs only its own script, and no report markup."""
    result = govinfo.parse_example() if text is None else govinfo.parse(text)
    _open(browser, result, tmp_path)
    assert browser.execute_script("return document.querySelectorAll('script').length") == 1
    assert browser.execute_script("return window.pwned === undefined")
    # The page's script runs (the policy allows it by hash): a click lights a cell.
    key = next(k for k in result.sources if k in REGISTRY[result.template].by_key)
    _cell(browser, key).click()
    assert "on" in (_cell(browser, key).get_attribute("class") or "").split()
    assert browser.get_log("browser") == []


def test_clicking_a_cell_lights_its_source_at_its_offset(
    browser: webdriver.Chrome, tmp_path: pathlib.Path
) -> None:
    """For every cell read, a click lights pieces at the cell's span, holding its quote, in view."""
    result = govinfo.parse_file(SEED_004)
    _open(browser, result, tmp_path)
    # Chromium drops the newline after <pre>: the pane holds the text read, as read.
    shown = browser.execute_script("return document.getElementById('source').textContent")
    assert shown == result.text
    checked = 0
    for key, span in result.sources.items():
        if not browser.find_elements(By.ID, f"cell-{key}") or span.start == span.end:
            continue
        _cell(browser, key).click()
        lit = _lit(browser)
        assert lit, key
        assert browser.execute_script(OFFSET, lit[0]) == span.start, key
        quoted = browser.execute_script(QUOTED, lit)
        assert quoted == result.quote(key), key
        assert browser.execute_script(VISIBLE, lit[0]), key
        checked += 1
    assert checked >= 150


def test_clicking_the_source_lights_the_cell(
    browser: webdriver.Chrome, tmp_path: pathlib.Path
) -> None:
    """The reverse: a click on a marked piece of text lights the cells it holds, in view."""
    result = govinfo.parse_example()
    _open(browser, result, tmp_path)
    key = "requests.new.total"
    piece = browser.find_element(By.CSS_SELECTOR, f'#source [data-keys~="{key}"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", piece)
    piece.click()
    cell = _cell(browser, key)
    assert "on" in (cell.get_attribute("class") or "").split()
    assert browser.execute_script(VISIBLE, cell)


def test_hovering_a_cell_lights_its_source(
    browser: webdriver.Chrome, tmp_path: pathlib.Path
) -> None:
    """Pointing at a cell is enough: its source lights while the pointer is on it."""
    result = govinfo.parse_example()
    _open(browser, result, tmp_path)
    key = "active.licensing.decisions"
    span = result.source_of(key)
    assert span is not None
    ActionChains(browser).move_to_element(_cell(browser, key)).perform()
    lit = _lit(browser)
    assert [browser.execute_script(OFFSET, e) for e in lit] == [span.start]


def test_a_diagnostic_link_jumps_to_its_place(
    browser: webdriver.Chrome, tmp_path: pathlib.Path
) -> None:
    """Clicking a listed diagnostic lights its span in the source and scrolls to it."""
    result = govinfo.parse_file(DATA / "corpus" / "wendeng_zjj_2019.txt")
    placed = [i for i, d in enumerate(result.diagnostics) if d.span is not None]
    assert placed
    _open(browser, result, tmp_path)
    i = placed[-1]
    item = browser.find_element(By.ID, f"diagnostic-{i}")
    browser.execute_script("arguments[0].scrollIntoView()", item)
    item.find_element(By.TAG_NAME, "a").click()
    lit = _lit(browser)
    span = result.diagnostics[i].span
    assert span is not None
    assert browser.execute_script(OFFSET, lit[0]) == span.start
    assert browser.execute_script(VISIBLE, lit[0])


def test_screenshot_is_not_blank(browser: webdriver.Chrome, tmp_path: pathlib.Path) -> None:
    """A screenshot of the page shows text in both panes, not an empty or one-colour page."""
    _open(browser, govinfo.parse_example(), tmp_path)
    png = browser.get_screenshot_as_png()
    (tmp_path / "page.png").write_bytes(png)
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    assert (width, height) == (1400, 900) or width >= 800
    for half in (
        image.crop((0, 150, width // 2, height)),
        image.crop((width // 2, 150, width, height)),
    ):
        stat = ImageStat.Stat(half)
        assert stat.stddev[0] > 20  # text and lines on a background, not a flat field
        dark = sum(half.histogram()[:128]) / (half.width * half.height)
        assert 0.01 < dark < 0.5
