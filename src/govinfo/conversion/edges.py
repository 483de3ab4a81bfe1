"""The converter edges between templates, as data (one table, in the dictionary's spirit).

An ``Edge`` maps the sum of some source cells to one target cell and says
how faithful that is: ``exact`` (same concept, same counting rule),
``approximate`` (same concept, different counting rule) or ``lost`` (no
target). ``{col}`` expands over the seven applicant columns of table 三 and
``{f}`` over the five outcome fields of table 四. Keys of the source template
that no edge names are lost; keys of the target that no edge fills stay blank.
The docs page of edges is generated from this table.
"""

from __future__ import annotations

import collections
from typing import Literal

import attrs

from govinfo.models import REGISTRY
from govinfo.models._common import COUNT_COLUMNS, OUTCOME_COLUMNS
from govinfo.templates.declare import DeclarationError

Tag = Literal["exact", "approximate", "lost"]

COLUMNS = COUNT_COLUMNS
OUTCOMES = OUTCOME_COLUMNS


def _rows_under(template: str, table: str) -> tuple[str, ...]:
    """The row keys of ``table``, relative to it."""
    spec = REGISTRY[template]
    rows = next(t.rows for t in spec.tables if t.key == table)
    return tuple(r.key.removeprefix(f"{table}.") for r in rows)


#: The table-三 rows 60号 and 30号 share, (六)其他处理 aside.
MODERN_ROWS = tuple(
    r for r in _rows_under("v2019", "requests") if r in _rows_under("v2021", "requests")
)
#: The groups (rows) of table 四.
GROUPS = _rows_under("v2021", "review_litigation")


@attrs.frozen
class Edge:
    """Σ ``sources`` of template ``source`` → ``target`` of template ``target_template``."""

    source: str
    target_template: str
    sources: tuple[str, ...]
    target: str | None
    tag: Tag
    note: str = ""
    fallback: bool = False  # fills the target only where no other edge did


def _e(
    pair: str,
    sources: str | tuple[str, ...],
    target: str | None,
    tag: Tag,
    note: str = "",
    *,
    fallback: bool = False,
) -> list[Edge]:
    """Declare one edge; ``{col}``/``{f}`` in the keys expand to one edge per column."""
    source, target_template = pair.split(">")
    keys = (sources,) if isinstance(sources, str) else sources
    text = " ".join((*keys, target or ""))
    each, name = (COLUMNS, "{col}") if "{col}" in text else (OUTCOMES, "{f}")
    if name not in text:
        return [Edge(source, target_template, keys, target, tag, note, fallback)]
    return [
        Edge(
            source,
            target_template,
            tuple(k.replace(name, x) for k in keys),
            target.replace(name, x) if target else None,
            tag,
            note,
            fallback,
        )
        for x in each
    ]


_MODERN_SAME = [
    edge
    for pair in ("v2019>v2021", "v2021>v2019")
    for row in MODERN_ROWS
    for edge in _e(pair, f"requests.{row}.{{col}}", f"requests.{row}.{{col}}", "exact")
] + [
    edge
    for pair in ("v2019>v2021", "v2021>v2019")
    for group in GROUPS
    for edge in _e(
        pair, f"review_litigation.{group}.{{f}}", f"review_litigation.{group}.{{f}}", "exact"
    )
]

EDGES: tuple[Edge, ...] = (
    # -- v2015 → v2019 (the dictionary's suggested edges) -----------------------
    *_e("v2015>v2019", "applications.received", "requests.new.total", "exact"),
    *_e(
        "v2015>v2019",
        ("answers.granted", "answers.already_public"),
        "requests.granted.total",
        "approximate",
        "v2015 counts 属于已主动公开范围 apart; 60号 counts it as 予以公开 (inferred from "
        "the labels: the notice's filling instructions were not available)",
    ),
    *_e("v2015>v2019", "answers.partially_granted", "requests.partially_granted.total", "exact"),
    *_e(
        "v2015>v2019",
        "answers.denied_state_secret",
        "requests.denied.state_secret.total",
        "exact",
    ),
    *_e(
        "v2015>v2019",
        "answers.denied_other_law",
        "requests.denied.prohibited_by_law.total",
        "approximate",
        "法律法规规定的其他情形 is wider than 其他法律行政法规禁止公开",
    ),
    *_e(
        "v2015>v2019",
        "answers.denied_security_stability",
        "requests.denied.security_stability.total",
        "exact",
    ),
    *_e(
        "v2015>v2019",
        ("answers.denied_commercial_secret", "answers.denied_privacy"),
        "requests.denied.third_party_rights.total",
        "approximate",
        "商业秘密 and 个人隐私 are the usual third-party interests, not all of them",
    ),
    *_e(
        "v2015>v2019",
        ("answers.not_this_agency", "answers.nonexistent"),
        "requests.unable.not_held.total",
        "approximate",
        "不属于本机关 and 信息不存在 both become 本机关不掌握",
    ),
    *_e(
        "v2015>v2019",
        "answers.correction_requested",
        None,
        "lost",
        "告知作出更改补充 is an interim notice, not an outcome",
    ),
    *_e(
        "v2015>v2019",
        ("answers.denied_not_government_information", "answers.other_channel"),
        "requests.other.total",
        "approximate",
        "heterogeneous: these spread over 不予处理, 无法提供 and 不予公开 8 in 60号",
    ),
    *_e("v2015>v2019", "answers.total", "requests.processed_total.total", "exact"),
    *_e(
        "v2015>v2019",
        "applications.completed",
        "requests.processed_total.total",
        "approximate",
        "only where 申请答复数 is blank: 申请办结数 counts the same applications finished",
        fallback=True,
    ),
    *_e("v2015>v2019", "review.upheld", "review_litigation.review.upheld", "exact"),
    *_e("v2015>v2019", "review.corrected", "review_litigation.review.corrected", "exact"),
    *_e(
        "v2015>v2019",
        "review.other",
        "review_litigation.review.other",
        "approximate",
        "v2015 其他情形 may include pending cases; 尚未审结 stays blank",
    ),
    *_e(
        "v2015>v2019",
        "review.total",
        "review_litigation.review.total",
        "approximate",
        "the same cases, but pending ones are not split out",
    ),
    *_e(
        "v2015>v2019",
        "litigation.total",
        None,
        "lost",
        "v2015 does not split lawsuits into 直接起诉 and 复议后起诉 (kept in core.lawsuits)",
    ),
    *_e(
        "v2015>v2019",
        "applicants.citizens",
        "requests.new.natural_person",
        "approximate",
        "申请来源 counts received applications by source",
    ),
    *_e("v2015>v2019", "applicants.enterprises", "requests.new.commercial", "approximate"),
    *_e("v2015>v2019", "applicants.research_education", "requests.new.research", "approximate"),
    *_e("v2015>v2019", "applicants.social_groups", "requests.new.social_welfare", "approximate"),
    *_e(
        "v2015>v2019",
        ("applicants.party_government", "applicants.media", "applicants.other"),
        "requests.new.other_org",
        "approximate",
        "党政机关, 宣传媒体 and 其他 have no column of their own",
    ),
    # -- v2019 → v2015 ----------------------------------------------------------
    *_e("v2019>v2015", "requests.new.total", "applications.received", "exact"),
    *_e(
        "v2019>v2015",
        "requests.granted.total",
        "answers.granted",
        "approximate",
        "60号 予以公开 includes what v2015 counted as 属于已主动公开范围",
    ),
    *_e("v2019>v2015", "requests.partially_granted.total", "answers.partially_granted", "exact"),
    *_e(
        "v2019>v2015",
        "requests.denied.state_secret.total",
        "answers.denied_state_secret",
        "exact",
    ),
    *_e(
        "v2019>v2015",
        "requests.denied.prohibited_by_law.total",
        "answers.denied_other_law",
        "approximate",
    ),
    *_e(
        "v2019>v2015",
        "requests.denied.security_stability.total",
        "answers.denied_security_stability",
        "exact",
    ),
    *_e("v2019>v2015", "requests.processed_total.total", "answers.total", "exact"),
    *_e("v2019>v2015", "review_litigation.review.upheld", "review.upheld", "exact"),
    *_e("v2019>v2015", "review_litigation.review.corrected", "review.corrected", "exact"),
    *_e(
        "v2019>v2015",
        ("review_litigation.review.other", "review_litigation.review.pending"),
        "review.other",
        "approximate",
        "v2015 has no 尚未审结: pending cases are counted as 其他情形",
    ),
    *_e("v2019>v2015", "review_litigation.review.total", "review.total", "exact"),
    *[
        edge
        for f, tag, note in (
            ("upheld", "exact", "直接起诉 + 复议后起诉"),
            ("corrected", "exact", "直接起诉 + 复议后起诉"),
            ("total", "exact", "直接起诉 + 复议后起诉"),
        )
        for edge in _e(
            "v2019>v2015",
            (
                f"review_litigation.litigation_direct.{f}",
                f"review_litigation.litigation_after_review.{f}",
            ),
            f"litigation.{f}",
            tag,  # type: ignore[arg-type]
            note,
        )
    ],
    *_e(
        "v2019>v2015",
        (
            "review_litigation.litigation_direct.other",
            "review_litigation.litigation_direct.pending",
            "review_litigation.litigation_after_review.other",
            "review_litigation.litigation_after_review.pending",
        ),
        "litigation.other",
        "approximate",
        "v2015 has no 尚未审结: pending cases are counted as 其他情形",
    ),
    *_e("v2019>v2015", "requests.new.natural_person", "applicants.citizens", "approximate"),
    *_e("v2019>v2015", "requests.new.commercial", "applicants.enterprises", "approximate"),
    *_e("v2019>v2015", "requests.new.research", "applicants.research_education", "approximate"),
    *_e("v2019>v2015", "requests.new.social_welfare", "applicants.social_groups", "approximate"),
    *_e(
        "v2019>v2015",
        ("requests.new.legal_services", "requests.new.other_org"),
        "applicants.other",
        "approximate",
    ),
    # -- v2019 → v2021 ----------------------------------------------------------
    *_MODERN_SAME,
    *_e(
        "v2019>v2021",
        "requests.other.{col}",
        "requests.other.other.{col}",
        "approximate",
        "60号 (六)其他处理 is one row; 30号 splits it, and 逾期未缴费 cannot occur before "
        "the 2020 fee rules",
    ),
    *[
        edge
        for kind in ("regulations", "normative_documents")
        for edge in [
            *_e(
                "v2019>v2021",
                f"active.{kind}.made",
                f"active.{kind}.issued",
                "approximate",
                "本年新制作 ≈ 本年制发",
            ),
            *_e(
                "v2019>v2021",
                f"active.{kind}.total_public",
                f"active.{kind}.in_force",
                "approximate",
                "对外公开总数 ≈ 现行有效件数",
            ),
            *_e(
                "v2021>v2019",
                f"active.{kind}.issued",
                f"active.{kind}.made",
                "approximate",
                "本年制发 ≈ 本年新制作",
            ),
            *_e(
                "v2021>v2019",
                f"active.{kind}.in_force",
                f"active.{kind}.total_public",
                "approximate",
                "现行有效件数 ≈ 对外公开总数",
            ),
        ]
    ],
    *[
        edge
        for kind in ("licensing", "penalty", "coercion")
        for pair in ("v2019>v2021", "v2021>v2019")
        for edge in _e(pair, f"active.{kind}.decisions", f"active.{kind}.decisions", "exact")
    ],
    # -- v2021 → v2019 ----------------------------------------------------------
    *_e(
        "v2021>v2019",
        (
            "requests.other.no_correction.{col}",
            "requests.other.unpaid_fee.{col}",
            "requests.other.other.{col}",
        ),
        "requests.other.{col}",
        "exact",
        "30号 (六)1–3 together are 60号 (六)其他处理",
    ),
)

#: The direct conversions (the pairs the edges join); others compose them.
DIRECT = frozenset((e.source, e.target_template) for e in EDGES)


def _check(edges: tuple[Edge, ...]) -> None:
    """Every key an edge names is a cell of its template.

    Raises:
        DeclarationError: an edge names an unknown template or cell.
    """
    for edge in edges:
        for template, keys in (
            (edge.source, edge.sources),
            (edge.target_template, (edge.target,) if edge.target else ()),
        ):
            if template not in REGISTRY:
                raise DeclarationError(f"edge {edge.source}>{edge.target_template}: no template")
            unknown = [k for k in keys if k not in REGISTRY[template].by_key]
            if unknown:
                where = f"edge {edge.source}>{edge.target_template} to {edge.target}"
                raise DeclarationError(f"{where}: {template} has no cell {unknown[0]!r}")


_check(EDGES)


def path(source: str, target: str) -> list[tuple[str, str]]:
    """The direct conversions that lead from ``source`` to ``target`` (fewest steps)."""
    steps: dict[str, list[str]] = collections.defaultdict(list)
    for a, b in sorted(DIRECT):
        steps[a].append(b)
    routes: dict[str, list[tuple[str, str]]] = {source: []}
    frontier = collections.deque([source])
    while frontier:
        here = frontier.popleft()
        for there in steps[here]:
            if there not in routes:
                routes[there] = [*routes[here], (here, there)]
                frontier.append(there)
    if target not in routes:
        raise DeclarationError(f"no conversion leads from {source} to {target}")
    return routes[target]
