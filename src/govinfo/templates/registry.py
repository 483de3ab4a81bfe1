"""The compiled templates: one immutable registry, built once from the report classes."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from govinfo._errors import UnknownTemplateError
from govinfo.templates.declare import DeclarationError
from govinfo.templates.spec import TemplateSpec, compile_template

if TYPE_CHECKING:
    from collections.abc import Iterable


@attrs.frozen
class Registry:
    """Every template's ``TemplateSpec``, by id and by report class, oldest first."""

    by_id: Mapping[str, TemplateSpec]
    by_type: Mapping[type, TemplateSpec]

    @classmethod
    def compile(cls, report_types: Iterable[type]) -> Registry:
        """Compile each report class (oldest template first).

        Raises:
            DeclarationError: a declaration does not hold together, two classes
                declare one template id, or their report years overlap.
        """
        specs = [compile_template(t) for t in report_types]
        by_id = {s.template: s for s in specs}
        if len(by_id) != len(specs):
            raise DeclarationError("two report classes declare the same template id")
        for earlier, later in itertools.pairwise(specs):
            if earlier.years.last is None or earlier.years.last >= later.years.first:
                raise DeclarationError(
                    f"report years of {earlier.template} ({earlier.years}) and "
                    f"{later.template} ({later.years}) overlap or are out of order"
                )
        return cls(MappingProxyType(by_id), MappingProxyType({s.report_type: s for s in specs}))

    def __getitem__(self, template: str) -> TemplateSpec:
        """The spec of a template id.

        Raises:
            UnknownTemplateError: ``template`` is not a known id.
        """
        spec = self.by_id.get(template)
        if spec is None:
            known = ", ".join(sorted(self.by_id))
            raise UnknownTemplateError(f"unknown template {template!r}; known: {known}")
        return spec

    def __iter__(self) -> Iterator[TemplateSpec]:
        """The specs, oldest template first."""
        return iter(self.by_id.values())

    def __contains__(self, template: object) -> bool:
        """Whether ``template`` is a known template id."""
        return template in self.by_id

    def of(self, report: object) -> TemplateSpec:
        """The spec of a report (an instance of one of the compiled classes)."""
        return self.by_type[type(report)]

    def for_year(self, year: int) -> TemplateSpec | None:
        """The template of reports about ``year``, if any covers it."""
        return next((s for s in self if year in s.years), None)
