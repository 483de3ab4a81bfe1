"""Every Python sample in the README and the docs runs, so the docs cannot rot."""

from __future__ import annotations

import importlib.util
import pathlib
import re
import subprocess
import sys
from types import ModuleType

import lxml.html
import pytest

import govinfo
from govinfo._diagnostics import CODES
from govinfo.models import REGISTRY
from helpers import run_cli

ROOT = pathlib.Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _samples() -> list[object]:
    out = []
    for page in PAGES:
        for i, m in enumerate(BLOCK.finditer(page.read_text("utf-8"))):
            out.append(pytest.param(m[1], id=f"{page.relative_to(ROOT)}#{i}"))
    return out


SAMPLES = _samples()


def test_samples_type_check(tmp_path: pathlib.Path) -> None:
    """Every sample passes mypy --strict as a user's own code would, with no cast or ignore."""
    files = []
    for sample in SAMPLES:
        code = sample.values[0]
        assert "type: ignore" not in code
        assert "cast(" not in code
        path = tmp_path / (re.sub(r"\W", "_", sample.id).lower() + ".py")
        path.write_text(code, "utf-8")
        files.append(str(path))
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(tmp_path / "cache"), *files],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _hooks() -> ModuleType:
    """The mkdocs hook module that generates the reference pages (it lives in docs/)."""
    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "docs" / "_hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_samples() -> None:
    """The README and the quickstart carry Python samples."""
    assert len(SAMPLES) >= 2


@pytest.mark.parametrize("code", SAMPLES)
def test_sample_runs(
    code: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sample executes without error (its own asserts check its claims).

    It runs as a reader of a checkout runs it: beside the repository's
    reports (``tests/``), in a folder of its own for what it writes.
    """
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "<docs>", "exec"), {})  # noqa: S102 - our own documentation
    capsys.readouterr()
    for name in FIGURES.get(code, ()):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG"), name


def _figures() -> dict[str, list[str]]:
    """The samples that draw a figure for the docs, and the files they write."""
    out: dict[str, list[str]] = {}
    for page in PAGES:
        for m in _hooks().FIGURE.finditer(page.read_text("utf-8")):
            out.setdefault(m[1], []).append(m[2])
    return out


FIGURES = _figures()


def test_the_analysis_guide_draws_a_figure() -> None:
    """The analysis guide has a sample that writes a figure, and shows that figure."""
    guide = (ROOT / "docs" / "guides" / "analysis.md").read_text("utf-8")
    assert "](applications.png)" in guide
    assert ["applications.png"] in FIGURES.values()
    samples = [param.values[0] for param in SAMPLES]  # type: ignore[attr-defined]
    assert all(code in samples for code in FIGURES)  # each a sample of its own, run above


def test_generated_reference_lists_every_key() -> None:
    """The template reference generated from the models names every cell key with its label."""
    hooks = _hooks()
    for spec in REGISTRY:
        page = hooks.template_markdown(spec.template)
        for cell in spec.cells:
            assert f"| `{cell.key}` |" in page
            assert cell.column.label in page


def test_template_pages_draw_the_form_with_every_key() -> None:
    """The form drawn for each template holds each value cell's key once, in a table cell."""
    hooks = _hooks()
    for spec in REGISTRY:
        grid = hooks.grid_markdown(spec.template)
        page = lxml.html.fragment_fromstring(grid)
        keys = [code.text_content() for code in page.xpath("//td/code")]
        expected = [c.key for c in spec.cells if c.column.reads_cell]
        assert sorted(keys) == sorted(expected)
        assert "\n\n" not in grid  # one HTML block for Markdown: no blank line inside


def test_shapes_page_shows_what_each_example_gives() -> None:
    """Each shape's example is real text of the repository, and its cells are what parse reads."""
    hooks = _hooks()
    page = hooks.shapes_markdown()
    for heading, stem, anchor, _, _ in hooks.SHAPES:
        assert f"## {heading}" in page
        assert f"tests/data/corpus/{stem}.txt" in page
        section = page.split(f"## {heading}")[1].split("\n## ")[0]
        assert anchor in section
        result = govinfo.parse_file(ROOT / "tests" / "data" / "corpus" / f"{stem}.txt")
        rows = re.findall(r"^\| `([\w.]+)` \| ([^|]+) \|", section, re.MULTILINE)
        assert rows, heading
        values = REGISTRY[result.template].flatten(result.report)
        for key, shown in rows:
            assert shown.strip() == str(values[key]), (heading, key)


def test_diagnostics_reference_lists_every_code() -> None:
    """The diagnostics page, generated from the code registry, has a row per code with its doc."""
    page = _hooks().diagnostics_markdown()
    for name, code in CODES.items():
        severity = "/".join(s.value for s in code.severities())
        assert f"| `{name}` | {severity} |" in page


CONSOLE = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _commands() -> list[object]:
    """Console lines that need no file of the reader's: `govinfo … --example`."""
    out = []
    for page in PAGES:
        for m in CONSOLE.finditer(page.read_text("utf-8")):
            for line in m[1].splitlines():
                command = line.removeprefix("$ ").split("  #")[0].strip()
                if command.startswith("govinfo ") and "--example" in command:
                    out.append(pytest.param(command, id=f"{page.name}:{command}"))
    return out


@pytest.mark.parametrize("command", _commands())
def test_console_sample_runs(command: str) -> None:
    """A documented `govinfo … --example` command runs and succeeds."""
    import shlex  # noqa: PLC0415

    proc = run_cli(*shlex.split(command)[1:])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout


def test_cli_reference_lists_every_command() -> None:
    """The generated CLI reference has a section per subcommand, from argparse itself."""
    page = _hooks().cli_markdown()
    for name in ("parse", "validate", "render", "review"):
        assert f"## govinfo {name}" in page
    assert "--format" in page


def test_install_commands_name_the_distribution() -> None:
    """Every `pip install` in the docs installs govinfo-cn (govinfo on PyPI is another project)."""
    shown = []
    for page in PAGES:
        for m in CONSOLE.finditer(page.read_text("utf-8")):
            shown += [line for line in m[1].splitlines() if "pip install" in line]
    assert any("pip install govinfo-cn" in line for line in shown)
    wrong = [line for line in shown if re.search(r"install '?govinfo(?!-cn)", line)]
    assert not wrong


def test_changelog_versions_have_link_references() -> None:
    """Keep a Changelog: each `## [version]` heading has its link reference at the bottom."""
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    versions = re.findall(r"^## \[([^\]]+)\]", text, re.MULTILINE)
    assert versions[0] == "Unreleased"
    links = dict(re.findall(r"^\[([^\]]+)\]: (\S+)$", text, re.MULTILINE))
    assert sorted(links) == sorted(versions)
    assert links["Unreleased"].endswith(f"/compare/v{versions[1]}...HEAD")
    assert links[versions[-1]].endswith(f"/releases/tag/v{versions[-1]}")
    # The newest release is the version the package says it is.
    assert versions[1] == govinfo.__version__
    assert all("govinfo-cn" in url for url in links.values())


def test_template_headings_name_their_keys() -> None:
    """Each table heading names its key; the v2015 indicators at the top level say so."""
    page = _hooks().template_markdown("v2015")
    assert "(``)" not in page
    top = "### 其他统计指标 (keys at the top level: `complaints`, `mailbox_letters`, `fees`)"
    assert top in page
    assert "### 一、主动公开情况 (`proactive`)" in page


def test_docstrings_are_markdown_for_mkdocstrings() -> None:
    """No reST role in a docstring: the API page renders Markdown, cross-references as links."""
    role = re.compile(r":(func|class|attr|meth|mod|data|exc|obj):`")
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if role.search(line)
    ]
    assert not found
