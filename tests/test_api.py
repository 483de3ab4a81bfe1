"""The public surface: small, explicit, documented."""

from __future__ import annotations

import importlib
import importlib.metadata
import re
import subprocess
import sys
from collections.abc import Callable
from typing import Any, Literal, get_args, get_origin, get_type_hints

import pytest
from typing_extensions import get_overloads

import govinfo
import govinfo.models


def test_all_is_sorted_and_exported() -> None:
    """Every name of __all__ exists, once, and dir() shows exactly __all__."""
    for module in (govinfo, govinfo.models):
        assert len(set(module.__all__)) == len(module.__all__)
        for name in module.__all__:
            assert hasattr(module, name), name
        assert dir(module) == sorted(module.__all__)


def _modules_after(statement: str) -> set[str]:
    """The govinfo modules a fresh interpreter has loaded after ``statement``."""
    code = f"import sys; {statement}; print(*sorted(m for m in sys.modules if 'govinfo' in m))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(proc.stdout.split())


def test_import_loads_no_stage_until_one_is_used() -> None:
    """`import govinfo` loads its errors; a public name loads its own stage and no other."""
    assert _modules_after("import govinfo") == {"govinfo", "govinfo._errors", "govinfo._version"}
    reader = _modules_after("import govinfo; govinfo.parse")
    assert {"govinfo.reading.parse", "govinfo.models"} <= reader
    assert not reader & {"govinfo._batch", "govinfo.conversion.aggregate", "govinfo.formats.review"}
    assert "govinfo._batch" in _modules_after("from govinfo import parse_many")


def test_lazy_names_are_the_objects_of_their_modules() -> None:
    """Each public name is the object its module defines, and an unknown name is refused."""
    lazy = govinfo._LAZY  # noqa: SLF001 - the table the names are read from
    for name, module in lazy.items():
        assert getattr(govinfo, name) is getattr(sys.modules[module], name), name
    assert set(lazy) - {"example_text"} | {"parse_example", "__version__"} | {
        n for n in govinfo.__all__ if n.endswith("Error")
    } == set(govinfo.__all__)
    with pytest.raises(AttributeError, match="no attribute 'parse_everything'"):
        _ = govinfo.parse_everything  # type: ignore[attr-defined]


def test_no_private_module_leaks_through_the_root() -> None:
    """Nothing named with a leading underscore (except __version__) is public."""
    assert [n for n in govinfo.__all__ if n.startswith("_")] == ["__version__"]


def test_every_public_callable_is_documented() -> None:
    """Every public function and class has a docstring."""
    for name in govinfo.__all__:
        obj = getattr(govinfo, name)
        if callable(obj):
            assert (obj.__doc__ or "").strip(), name


def test_version_comes_from_the_metadata() -> None:
    """__version__ is the installed distribution's version: govinfo-cn, not PyPI's govinfo."""
    assert govinfo.__version__ == importlib.metadata.version("govinfo-cn")


def test_the_distribution_is_govinfo_cn() -> None:
    """Published as govinfo-cn (govinfo on PyPI is another project): extras and URLs say so."""
    meta = importlib.metadata.metadata("govinfo-cn")
    assert meta["Name"] == "govinfo-cn"
    requires = meta.get_all("Requires-Dist") or []
    names = {re.split(r"[\s\[;<>=!~]", r, maxsplit=1)[0].lower() for r in requires}
    assert "govinfo" not in names  # a self-reference by the old name installs PyPI's govinfo
    by_extra = {
        extra: {r.split(";")[0] for r in requires if f"extra == '{extra}'" in r}
        for extra in ("all", "test", "dev")
    }
    assert {"pypdfium2>=4.30", "pyarrow>=14", "dask>=2024.1"} <= by_extra["all"]
    assert by_extra["all"] <= by_extra["test"] <= by_extra["dev"]
    urls = meta.get_all("Project-URL") or []
    assert len(urls) >= 3
    assert all("govinfo-cn" in url for url in urls), urls


@pytest.mark.parametrize(
    ("call", "module", "extra"),
    [
        (lambda: govinfo.to_arrow([]), "pyarrow", "arrow"),
        (lambda: govinfo.to_pandas([]), "pandas", "pandas"),
        (lambda: govinfo.parse(b"%PDF-1.4"), "pypdfium2", "pdf"),
    ],
)
def test_missing_extras_name_the_distribution(
    call: Callable[[], object], module: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hint installs this project's extra: pip install 'govinfo-cn[pdf]'."""
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(govinfo.MissingExtraError) as caught:
        call()
    assert f"pip install 'govinfo-cn[{extra}]'" in str(caught.value)


def test_govinfo_dask_without_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Importing govinfo.dask where Dask is missing says which extra to install."""
    monkeypatch.delitem(sys.modules, "govinfo.dask", raising=False)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(govinfo.MissingExtraError, match=r"pip install 'govinfo-cn\[dask\]'"):
        importlib.import_module("govinfo.dask")


def test_models_are_frozen_and_slotted() -> None:
    """Report models cannot be mutated and carry no __dict__."""
    report = govinfo.ReportV2021()
    assert not hasattr(report, "__dict__")
    try:
        report.meta = govinfo.Meta()  # type: ignore[misc]
    except AttributeError:
        pass
    else:  # pragma: no cover - would be a defect
        raise AssertionError("ReportV2021 is mutable")


def test_importing_govinfo_does_not_import_hypothesis() -> None:
    """Hypothesis is a test extra: `import govinfo` must not load it."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = "import sys, govinfo; govinfo.parse_example(); print('hypothesis' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "False"


def test_strategies_are_registered_for_from_type() -> None:
    """st.from_type(ReportV2015) draws reports through govinfo's entry point."""
    from hypothesis import given  # noqa: PLC0415
    from hypothesis import strategies as st  # noqa: PLC0415

    seen: list[object] = []

    @given(st.from_type(govinfo.models.ReportV2015))
    def draw(report: govinfo.models.ReportV2015) -> None:
        seen.append(report)

    draw()
    assert seen
    assert all(isinstance(r, govinfo.models.ReportV2015) for r in seen)


@pytest.mark.parametrize(
    ("function", "parameter", "result"),
    [
        (govinfo.parse, "template", govinfo.ParseResult),
        (govinfo.parse_file, "template", govinfo.ParseResult),
        (govinfo.convert, "to", govinfo.Conversion),
    ],
)
def test_overloads_type_every_template(function: Any, parameter: str, result: type) -> None:
    """Each template id has an overload typing the result for its report class."""
    typed = {}
    for overload in get_overloads(function):
        hints = get_type_hints(overload)
        ids = get_args(hints[parameter])
        if get_origin(hints[parameter]) is Literal:
            (template,) = ids
            assert get_origin(hints["return"]) is result
            typed[template] = get_args(hints["return"])[0]
    assert typed == dict(govinfo.models.TEMPLATES)
