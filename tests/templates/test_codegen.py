"""Generated code: constructors build exactly what ``__init__`` builds; sources are in linecache."""

from __future__ import annotations

import linecache
from typing import Any

import attrs
import pytest
from hypothesis import given

import govinfo
from govinfo.models import TEMPLATES
from govinfo.templates.codegen import _settable, builder, compile_function, constructor
from govinfo.testing import reports


def _objects(obj: Any) -> list[Any]:
    """``obj`` and every attrs object inside it."""
    out = [obj]
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        if attrs.has(type(value)):
            out += _objects(value)
    return out


def _model_classes() -> set[type]:
    return {type(o) for report_type in TEMPLATES.values() for o in _objects(report_type())}


@pytest.mark.parametrize("cls", sorted(_model_classes(), key=lambda c: c.__qualname__))
def test_every_model_takes_the_direct_road(cls: type) -> None:
    """Every model is frozen, slotted and plain, so its slots are set directly."""
    assert _settable(cls)


@given(reports())
def test_same_object_as_init(report: govinfo.Report) -> None:
    """Equal to ``cls(**fields)``, field for field, and still frozen."""
    for obj in _objects(report):
        cls = type(obj)
        values = [getattr(obj, f.name) for f in attrs.fields(cls)]
        made = constructor(cls)(*values)
        assert type(made) is cls
        assert made == cls(**{f.name: v for f, v in zip(attrs.fields(cls), values, strict=True)})
        assert hash(made) == hash(obj)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            made.__setattr__(attrs.fields(cls)[0].name, None)


@attrs.frozen
class _Checked:
    count: int = attrs.field(validator=attrs.validators.instance_of(int))


@attrs.frozen
class _Hooked:
    count: int
    doubled: int = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "doubled", self.count * 2)


def test_validators_still_run() -> None:
    """A class with a validator is built through its ``__init__``."""
    assert not _settable(_Checked)
    assert constructor(_Checked)(3) == _Checked(3)
    with pytest.raises(TypeError):
        constructor(_Checked)("3")


def test_init_hooks_and_plain_classes_use_init() -> None:
    """Init hooks and classes without slots are left to ``__init__``."""

    @attrs.define(slots=False)
    class Unslotted:
        count: int

    assert not _settable(_Hooked)
    assert not _settable(Unslotted)
    assert constructor(Unslotted)(1) == Unslotted(1)


def test_generated_source_is_registered_with_linecache() -> None:
    """Tracebacks and debuggers can show generated code: its lines are in linecache."""
    build = builder(govinfo.ReportV2021)
    filename = build.__code__.co_filename
    assert filename.startswith("<govinfo generated build for ReportV2021")
    lines = linecache.getlines(filename)
    assert lines
    assert any(line.startswith("def build") for line in lines)
    assert build({}) == govinfo.ReportV2021()


def test_different_sources_of_one_name_keep_their_own_lines() -> None:
    """Two functions of one name and owner are registered under two file names."""
    one = compile_function("f", ["def f():", "    return 1"], {}, owner="test")
    two = compile_function("f", ["def f():", "    return 2"], {}, owner="test")
    assert (one(), two()) == (1, 2)
    assert one.__code__.co_filename != two.__code__.co_filename
    assert "    return 2\n" in linecache.getlines(two.__code__.co_filename)
