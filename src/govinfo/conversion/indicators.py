"""Harmonized core indicators for analysis across templates, each with its provenance."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from govinfo.models import REGISTRY, Denied, Unable
from govinfo.templates.declare import DeclarationError

if TYPE_CHECKING:
    from govinfo.models import Report
    from govinfo.templates.spec import CellValue, TemplateSpec

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
    """How one template family states an indicator: the cells summed, and a fallback."""

    keys: tuple[str, ...]
    fallback: tuple[str, ...] = ()


# Each reason row of (三)不予公开 and (四)无法提供, as the 60号 and 30号 models declare them.
_MODERN_DENIED = tuple(f"requests.denied.{f.name}.total" for f in attrs.fields(Denied))
_MODERN_UNABLE = tuple(f"requests.unable.{f.name}.total" for f in attrs.fields(Unable))

#: How each core indicator is read (the dictionary's table): a template takes the
#: first recipe whose cells it has; with none, the indicator is absent from its form.
RECIPES: dict[str, tuple[_Recipe, ...]] = {
    "requests_new": (_Recipe(("requests.new.total",)), _Recipe(("applications.received",))),
    "requests_carried_over": (_Recipe(("requests.carried_over.total",)),),
    "granted": (
        _Recipe(("requests.granted.total",)),
        _Recipe(("answers.granted", "answers.already_public")),
    ),
    "partially_granted": (
        _Recipe(("requests.partially_granted.total",)),
        _Recipe(("answers.partially_granted",)),
    ),
    "denied": (_Recipe(_MODERN_DENIED), _Recipe(("answers.denied",))),
    "unable": (
        _Recipe(_MODERN_UNABLE),
        _Recipe(("answers.not_this_agency", "answers.nonexistent")),
    ),
    "processed": (
        _Recipe(("requests.processed_total.total",)),
        _Recipe(("answers.total",), fallback=("applications.completed",)),
    ),
    "carried_forward": (_Recipe(("requests.carried_forward.total",)),),
    "reviews": (_Recipe(("review_litigation.review.total",)), _Recipe(("review.total",))),
    "reviews_corrected": (
        _Recipe(("review_litigation.review.corrected",)),
        _Recipe(("review.corrected",)),
    ),
    "lawsuits": (
        _Recipe(
            (
                "review_litigation.litigation_direct.total",
                "review_litigation.litigation_after_review.total",
            )
        ),
        _Recipe(("litigation.total",)),
    ),
    "lawsuits_corrected": (
        _Recipe(
            (
                "review_litigation.litigation_direct.corrected",
                "review_litigation.litigation_after_review.corrected",
            )
        ),
        _Recipe(("litigation.corrected",)),
    ),
}


def _recipe(spec: TemplateSpec, name: str) -> _Recipe | None:
    """The recipe of indicator ``name`` whose cells ``spec``'s template has, if any."""
    return next((r for r in RECIPES[name] if all(k in spec.by_key for k in r.keys)), None)


def _check() -> None:
    """Every recipe fits some template, and every template's fallback is its own cells.

    Raises:
        DeclarationError: a recipe names a cell no template has.
    """
    for name, recipes in RECIPES.items():
        for recipe in recipes:
            fits = [s for s in REGISTRY if all(k in s.by_key for k in recipe.keys)]
            if not fits or any(k not in s.by_key for s in fits for k in recipe.fallback):
                raise DeclarationError(f"core indicator {name}: {recipe.keys} fits no template")


_check()

#: Cells that carry core indicators a conversion must keep where they are written.
PROTECTED = frozenset(
    key
    for name in ("requests_new", "processed", "reviews")
    for recipe in RECIPES[name]
    for key in recipe.keys
)


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
    spec = REGISTRY.of(report)
    values = spec.flatten(report)
    out: dict[str, Indicator] = {}
    for name in RECIPES:
        recipe = _recipe(spec, name)
        if recipe is None:
            reason = f"not collected by the {spec.template} form"
            out[name] = Indicator(None, "absent", reason=reason)
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
