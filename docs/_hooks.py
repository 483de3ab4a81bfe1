"""mkdocs hook: expand ``<!-- govinfo:... -->`` markers into tables generated from the models."""

from __future__ import annotations

import re
from typing import Any

from govinfo._docs import cli_markdown, edges_markdown, rules_markdown, template_markdown
from govinfo.formats.schema import schema_json

_MARKER = re.compile(r"<!-- govinfo:(template|rules|edges|cli|schema) (\w+) -->")


def on_page_markdown(markdown: str, **_: Any) -> str:  # noqa: ANN401
    """Replace markers with generated Markdown."""

    def expand(m: re.Match[str]) -> str:
        kind, template = m.groups()
        if kind == "edges":
            return edges_markdown()
        if kind == "cli":
            return cli_markdown()
        if kind == "schema":
            return f"```json\n{schema_json(template)}\n```\n"
        return template_markdown(template) if kind == "template" else rules_markdown(template)

    return _MARKER.sub(expand, markdown)
