"""Hypothesis entry point: registers govinfo's strategies for ``st.from_type``.

It lives apart from [`govinfo.testing`][govinfo.testing] and resolves the strategies lazily,
because Hypothesis runs this hook while it is itself being imported.
"""

from __future__ import annotations

from typing import Any


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - only when Hypothesis loads us

    from govinfo.models import TEMPLATES, Meta  # noqa: PLC0415

    def lazy(name: str, *args: str) -> st.SearchStrategy[Any]:
        def resolve() -> st.SearchStrategy[Any]:
            from govinfo import testing  # noqa: PLC0415 - testing imports Hypothesis

            strategy: st.SearchStrategy[Any] = getattr(testing, name)(*args)
            return strategy

        return st.deferred(resolve)

    st.register_type_strategy(Meta, lazy("metas"))
    for template, report_type in TEMPLATES.items():
        st.register_type_strategy(report_type, lazy("reports", template))
