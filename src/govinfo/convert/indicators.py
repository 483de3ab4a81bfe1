"""Harmonized core indicators for analysis across templates, each with its provenance."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from govinfo.models import Denied, Unable
from govinfo.templates.spec import CellValue, cell_values

if TYPE_CHECKING:
    from govinfo.models import Report

Provenance = Literal["exact", "derived", "absent"]


@attrs.frozen
class Indicator:
    """One core indicator: its value and how it was obtained.

    ``provenance`` is ``exact`` (one cell of the report), ``derived`` (computed
    from other cells; ``formula`` says how) or ``absent`` (``value`` is None and
    ``reason`` says why).
    """

    value: int | Decimal | None
    provenance: Provenance
    formula: str | None = None
    reason: str | None = None
    sources: tuple[str, ...] = ()


@attrs.frozen
class _Recipe:
    keys: tuple[str, ...] = ()
    fallback: tuple[str, ...] = ()
    absent: str | None = None


# Each reason row of (三)不予公开 and (四)无法提供, as the 60号 and 30号 models declare them.
_MODERN_DENIED = tuple(f"requests.denied.{f.name}.total" for f in attrs.fields(Denied))
_MODERN_UNABLE = tuple(f"requests.unable.{f.name}.total" for f in attrs.fields(Unable))
_NOT_COLLECTED = "not collected by the v2015 statistics return"

#: How each core indicator is read from each template (the dictionary's table).
RECIPES: dict[str, dict[str, _Recipe]] = {
    "requests_new": {
        "modern": _Recipe(("requests.new.total",)),
        "v2015": _Recipe(("applications.received",)),
    },
    "requests_carried_over": {
        "modern": _Recipe(("requests.carried_over.total",)),
        "v2015": _Recipe(absent=_NOT_COLLECTED),
    },
    "granted": {
        "modern": _Recipe(("requests.granted.total",)),
        "v2015": _Recipe(("answers.granted", "answers.already_public")),
    },
    "partially_granted": {
        "modern": _Recipe(("requests.partially_granted.total",)),
        "v2015": _Recipe(("answers.partially_granted",)),
    },
    "denied": {"modern": _Recipe(_MODERN_DENIED), "v2015": _Recipe(("answers.denied",))},
    "unable": {
        "modern": _Recipe(_MODERN_UNABLE),
        "v2015": _Recipe(("answers.not_this_agency", "answers.nonexistent")),
    },
    "processed": {
        "modern": _Recipe(("requests.processed_total.total",)),
        "v2015": _Recipe(("answers.total",), fallback=("applications.completed",)),
    },
    "carried_forward": {
        "modern": _Recipe(("requests.carried_forward.total",)),
        "v2015": _Recipe(absent=_NOT_COLLECTED),
    },
    "reviews": {
        "modern": _Recipe(("review_litigation.review.total",)),
        "v2015": _Recipe(("review.total",)),
    },
    "reviews_corrected": {
        "modern": _Recipe(("review_litigation.review.corrected",)),
        "v2015": _Recipe(("review.corrected",)),
    },
    "lawsuits": {
        "modern": _Recipe(
            (
                "review_litigation.litigation_direct.total",
                "review_litigation.litigation_after_review.total",
            )
        ),
        "v2015": _Recipe(("litigation.total",)),
    },
    "lawsuits_corrected": {
        "modern": _Recipe(
            (
                "review_litigation.litigation_direct.corrected",
                "review_litigation.litigation_after_review.corrected",
            )
        ),
        "v2015": _Recipe(("litigation.corrected",)),
    },
}


@attrs.frozen
class CoreIndicators:
    """The harmonized indicators of one report (data dictionary: ``core``)."""

    template: str
    requests_new: Indicator
    requests_carried_over: Indicator
    granted: Indicator
    partially_granted: Indicator
    denied: Indicator
    unable: Indicator
    processed: Indicator
    carried_forward: Indicator
    reviews: Indicator
    reviews_corrected: Indicator
    lawsuits: Indicator
    lawsuits_corrected: Indicator

    def values(self) -> dict[str, int | Decimal | None]:
        """The indicator values by name."""
        return {
            f.name: getattr(self, f.name).value
            for f in attrs.fields(CoreIndicators)
            if f.name != "template"
        }


def _read(keys: tuple[str, ...], values: dict[str, CellValue]) -> Indicator | None:
    operands = [values[k] for k in keys]
    written = [v for v in operands if isinstance(v, int | Decimal)]
    if not written:
        return None
    if len(keys) == 1:
        return Indicator(written[0], "exact", sources=keys)
    formula = " + ".join(keys)
    if len(written) < len(keys):
        blank = [k for k, v in zip(keys, operands, strict=True) if v is None]
        formula += f" (blank {', '.join(blank)} read as 0)"
    return Indicator(sum(written), "derived", formula, sources=keys)


def core(report: Report) -> CoreIndicators:
    """The harmonized core indicators of a report, each with its provenance.

    Examples:
        >>> import govinfo
        >>> indicators = govinfo.core(govinfo.parse_example().report)
        >>> indicators.requests_new.value, indicators.requests_new.provenance
        (0, 'exact')
        >>> indicators.lawsuits.provenance, indicators.lawsuits.sources[1]
        ('derived', 'review_litigation.litigation_after_review.total')
    """
    values = cell_values(report)
    era = "v2015" if report.TEMPLATE == "v2015" else "modern"
    out: dict[str, Indicator] = {}
    for name, recipes in RECIPES.items():
        recipe = recipes[era]
        if recipe.absent is not None:
            out[name] = Indicator(None, "absent", reason=recipe.absent)
            continue
        indicator = _read(recipe.keys, values)
        if indicator is None and recipe.fallback:
            found = _read(recipe.fallback, values)
            if found is not None:
                indicator = attrs.evolve(
                    found,
                    provenance="derived",
                    formula=f"{' + '.join(recipe.fallback)} ({' + '.join(recipe.keys)} is blank)",
                )
        out[name] = indicator or Indicator(
            None, "absent", reason=f"{' + '.join(recipe.keys)} blank in the report"
        )
    return CoreIndicators(report.TEMPLATE, **out)
