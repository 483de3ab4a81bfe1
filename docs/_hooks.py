"""mkdocs hook: expand ``<!-- govinfo:... -->`` markers into tables generated from the models."""

from __future__ import annotations

import re
from typing import Any

from govinfo._docs import edges_markdown, rules_markdown, template_markdown

_MARKER = re.compile(r"<!-- govinfo:(template|rules|edges) (\w+) -->")


def on_page_markdown(markdown: str, **_: Any) -> str:  # noqa: ANN401
    """Replace markers with generated Markdown."""

    def expand(m: re.Match[str]) -> str:
        kind, template = m.groups()
        if kind == "edges":
            return edges_markdown()
        return template_markdown(template) if kind == "template" else rules_markdown(template)

    return _MARKER.sub(expand, markdown)
