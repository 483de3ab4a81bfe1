"""A declaration is checked when it compiles: a key no cell has fails at import, by name."""

from __future__ import annotations

import importlib.util
import sys
from typing import TYPE_CHECKING

import pytest

from govinfo.templates.declare import DeclarationError, Years, prose
from govinfo.templates.invariants import SeriesRule
from govinfo.templates.spec import compile_template
from helpers import report_class

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

#: A module declaring a report class whose rule has a typo'd key, compiled on import.
BAD_MODULE = """\
from typing import ClassVar

import attrs

from govinfo._diagnostics import Severity
from govinfo.models import RequestsV2021
from govinfo.templates.declare import ProseRule, RequiredSection, Years, table
from govinfo.templates.invariants import Rule, SeriesRule
from govinfo.templates.registry import Registry


@attrs.frozen
class Bad:
    TEMPLATE: ClassVar[str] = "vbad"
    YEARS: ClassVar[Years] = Years(2030)
    FAMILY: ClassVar[str] = "vbad"
    RULES: ClassVar[tuple[Rule, ...]] = (
        Rule(
            "T1",
            "新收 总计 equals its columns",
            "structural",
            Severity.ERROR,
            total=("requests.new.totl",),
            parts=("requests.new.natural_person", "requests.new.commercial"),
        ),
    )
    SERIES: ClassVar[tuple[SeriesRule, ...]] = ()
    PROSE: ClassVar[tuple[ProseRule, ...]] = ()
    SECTIONS: ClassVar[tuple[RequiredSection, ...]] = ()
    CUES: ClassVar[tuple[str, ...]] = ()

    requests: RequestsV2021 = table(RequestsV2021, "三、收到和处理政府信息公开申请情况")


REGISTRY = Registry.compile([Bad])
"""


def _import(path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, path.stem, module)
    spec.loader.exec_module(module)
    return module


def test_typo_in_a_rule_fails_when_the_module_is_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule naming ``requests.new.totl`` stops the import with the bad key in the message."""
    bad = tmp_path / "bad_template.py"
    bad.write_text(BAD_MODULE, "utf-8")
    with pytest.raises(DeclarationError, match=r"rule T1: 'requests\.new\.totl' names no cell"):
        _import(bad, monkeypatch)


def test_the_same_module_without_the_typo_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key spelled right, the module imports and its rule is one check of three cells."""
    good = tmp_path / "good_template.py"
    good.write_text(BAD_MODULE.replace("requests.new.totl", "requests.new.total"), "utf-8")
    registry = _import(good, monkeypatch).REGISTRY
    (check,) = registry["vbad"].checks
    assert check.keys == (
        "requests.new.total",
        "requests.new.natural_person",
        "requests.new.commercial",
    )


def test_a_declared_class_compiles() -> None:
    """The declared class the tests below change compiles as it is."""
    spec = compile_template(report_class())
    assert spec.template == "vtest"
    assert spec.years == Years(2030)
    assert len(spec.cells) == 25 * 7
    assert (spec.checks, spec.series, tuple(spec.prose)) == ((), (), ())


def test_prose_rule_naming_an_unknown_key() -> None:
    """A prose rule for a cell the template does not have is a DeclarationError."""
    rule = prose("requests.new.totl", r"新收申请(\d+)件", ("新收申请",))
    with pytest.raises(DeclarationError, match=r"prose rule for unknown key 'requests\.new\.totl'"):
        compile_template(report_class(PROSE=(rule,)))


def test_series_rule_naming_an_unknown_key() -> None:
    """A series rule naming a cell the template does not have is a DeclarationError."""
    rule = SeriesRule(
        "X9",
        "上年结转 equals last year's 结转下年度",
        key="requests.carried_over.{col}",
        previous="requests.carried_forwrd.{col}",
        each=("natural_person", "total"),
    )
    with pytest.raises(
        DeclarationError,
        match=r"series rule X9: no cell 'requests\.carried_forwrd\.natural_person'",
    ):
        compile_template(report_class(SERIES=(rule,)))


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("TEMPLATE", 2021, "TEMPLATE must be a str"),
        ("YEARS", (2021, None), "YEARS must be a Years"),
        ("RULES", [], "RULES must be a tuple"),
    ],
)
def test_class_variables_of_the_wrong_type(name: str, value: object, message: str) -> None:
    """Each class variable a report declares is checked for its type."""
    with pytest.raises(DeclarationError, match=message):
        compile_template(report_class(**{name: value}))
