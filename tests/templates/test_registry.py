"""The compiled templates: by id, by class, by report year, oldest first."""

from __future__ import annotations

import pytest

import govinfo
from govinfo.models import REGISTRY, TEMPLATES
from govinfo.templates.declare import DeclarationError, Years
from govinfo.templates.registry import Registry
from helpers import report_class


@pytest.mark.parametrize(
    ("year", "template"),
    [
        (2014, "v2015"),
        (2016, "v2015"),
        (2018, "v2015"),
        (2019, "v2019"),
        (2020, "v2019"),
        (2021, "v2021"),
        (2023, "v2021"),
        (2040, "v2021"),
    ],
)
def test_for_year(year: int, template: str) -> None:
    """Each report year has the template of its era; the newest is open-ended."""
    spec = REGISTRY.for_year(year)
    assert spec is not None
    assert spec.template == template


def test_no_template_before_2014() -> None:
    """Reports before the 2015 statistics return have no template."""
    assert REGISTRY.for_year(2010) is None
    assert REGISTRY.for_year(2013) is None


def test_lookups() -> None:
    """By id, by class, by report; ``in``; iteration oldest first; unknown ids a typed error."""
    assert [spec.template for spec in REGISTRY] == ["v2015", "v2019", "v2021"]
    assert list(TEMPLATES) == ["v2015", "v2019", "v2021"]
    assert "v2021" in REGISTRY
    assert "v1999" not in REGISTRY
    spec = REGISTRY["v2019"]
    assert spec.report_type is govinfo.ReportV2019 is TEMPLATES["v2019"]
    assert REGISTRY.by_type[govinfo.ReportV2019] is spec
    assert REGISTRY.of(govinfo.ReportV2019()) is spec
    assert (spec.years, spec.family) == (Years(2019, 2020), "v2019")
    assert REGISTRY["v2021"].family == "v2019"
    with pytest.raises(govinfo.UnknownTemplateError, match="v1999"):
        REGISTRY["v1999"]


def test_templates_is_read_only() -> None:
    """TEMPLATES cannot be changed by a caller."""
    with pytest.raises(TypeError):
        TEMPLATES["v1999"] = govinfo.ReportV2021  # type: ignore[index]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Years(2030, 2032), Years(2032)),
        (Years(2030, 2035), Years(2032, 2033)),
        (Years(2030), Years(2032)),
        (Years(2032, 2033), Years(2030, 2031)),
    ],
)
def test_overlapping_or_unordered_years_are_refused(first: Years, second: Years) -> None:
    """Two templates cannot claim one report year, and come oldest first."""
    earlier = report_class("Earlier", TEMPLATE="va", YEARS=first)
    later = report_class("Later", TEMPLATE="vb", YEARS=second)
    with pytest.raises(DeclarationError, match="overlap or are out of order"):
        Registry.compile([earlier, later])


def test_adjoining_years_compile() -> None:
    """Templates whose years follow each other compile into one registry."""
    earlier = report_class("Earlier", TEMPLATE="va", YEARS=Years(2030, 2031))
    later = report_class("Later", TEMPLATE="vb", YEARS=Years(2032))
    registry = Registry.compile([earlier, later])
    assert [s.template for s in registry] == ["va", "vb"]
    spec = registry.for_year(2031)
    assert spec is not None
    assert spec.template == "va"


def test_one_template_id_twice_is_refused() -> None:
    """Two report classes cannot declare the same template id."""
    one = report_class("One", YEARS=Years(2030, 2031))
    two = report_class("Two", YEARS=Years(2032))
    with pytest.raises(DeclarationError, match="same template id"):
        Registry.compile([one, two])
