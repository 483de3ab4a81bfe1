"""Labels: the form that survives numbering, spacing and punctuation, and what each names.

A ``LabelIndex`` per template, built once at import from its spec and never
changed, says what a label text names there: rows, a group, a table heading,
a column header. The texts the templates declare are looked up in it as they
are; any other text is worked out by the parse that meets it, through a
``LabelLookup`` that belongs to that parse.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from govinfo.models import REGISTRY
from govinfo.reading.cells import START, TEXT, Cell, Kind
from govinfo.templates.spec import ColumnSpec, GroupSpec, RowSpec, TableSpec, TemplateSpec

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_NUMERAL = "一二三四五六七八九十"
_NUMBERING = re.compile(
    rf"^(?:[{_NUMERAL}]+[、.,]|\([{_NUMERAL}]+\)|\d{{1,2}}[.、,)]|\(\d{{1,2}}\)|其中:?)"
)
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_NOT_WORD = re.compile(r"[^\w]|_", re.UNICODE)


#: The characters numbering starts with (and decimal digits of any script, ``\\d``).
_NUMBERING_STARTS = frozenset(f"{_NUMERAL}(其")


def split_numbering(label: str) -> tuple[str, str]:
    """Split leading numbering (``三、``, ``(一)``, ``1.``, ``其中:``) from a label."""
    text = unicodedata.normalize("NFKC", label)
    if " " in text or "\t" in text:
        text = text.replace(" ", "").replace("\t", "")
    numbering = ""
    for _ in range(3):
        if not text or (text[0] not in _NUMBERING_STARTS and not text[0].isdecimal()):
            break  # most labels: no pattern could match
        m = _NUMBERING.match(text)
        if m is None:
            break
        numbering += m.group()
        text = text[m.end() :]
    return numbering, text


def label_keys(label: str) -> tuple[str, str]:
    """Return the exact key and the loose key (parenthetical notes removed) of a label."""
    keys = keys_of(label)
    return keys.exact, keys.loose


def has_numbering(label: str) -> bool:
    """Tell whether a label starts with numbering."""
    return bool(split_numbering(label)[0])


_UNIT_NOTE = re.compile(r"\((?:单位:)?(万元|元)\)")


def unit_in_label(label: str) -> str | None:
    """The money unit a label declares in parentheses ("本年收费金额(单位:万元)" → "万元")."""
    m = _UNIT_NOTE.search(unicodedata.normalize("NFKC", label).replace(" ", ""))
    return m[1] if m else None


def _keys(label: str, aliases: Sequence[str]) -> set[str]:
    return {k for text in (label, *aliases) for k in label_keys(text) if k}


class ColumnPlan:
    """How to fill one value column of a row.

    A plain slotted class for the reason `LabelKeys` is: the filler reads one
    for every cell of a report.
    """

    __slots__ = ("column", "header", "key", "money", "unit_key")

    def __init__(
        self, column: ColumnSpec, key: str, header: str, unit_key: str | None, *, money: bool
    ) -> None:
        """The plan of ``column``, whose cell is ``key``."""
        self.column = column
        self.key = key
        self.header = header  # the column label's key, under which a header may declare a unit
        self.unit_key = unit_key  # the cell recording the unit written in this column's cell
        self.money = money  # the column's, read once here: a column spec is no native class


def _plan(row: RowSpec) -> tuple[ColumnPlan, ...]:
    units = {c.unit_of: row.cell_key(c) for c in row.columns if c.unit_of is not None}
    return tuple(
        ColumnPlan(c, row.cell_key(c), label_keys(c.label)[1], units.get(c.name), money=c.money)
        for c in row.value_columns
    )


class LabelKeys:
    """What a label text says whatever the template: its keys, a unit, numbering.

    A plain slotted class, not a named tuple: compiled by mypyc it is a native
    class, built and read without the interpreter (a named tuple is built by
    its Python ``__new__``).
    """

    __slots__ = ("exact", "loose", "numbered", "unit", "unnamed")

    def __init__(self, exact: str, loose: str, unit: str | None, numbered: bool) -> None:
        """Keys ``exact`` and ``loose``, the money ``unit`` declared, whether ``numbered``."""
        self.exact = exact
        self.loose = loose
        self.unit = unit  # a money unit the label declares ("本年收费金额(单位:万元)")
        self.numbered = numbered
        # What the text is in a template that has no name with its keys: the same in
        # every template, and what most texts a parse meets are in all three (headings
        # of prose, page headers), so it is built once, not once a template.
        self.unnamed = Label(
            exact, loose, (), None, None, unit, bare_header=False, heading=unit is not None
        )


#: Label keys worked out, by label text: a bounded memo of a pure function. Reports
#: of one template repeat their labels, so a batch works out each text about once.
_KEYS: dict[str, LabelKeys] = {}
#: Texts the memo holds at most; when full it starts again (a few MB at most).
_KEYS_HELD: Final = 8192


def keys_of(text: str) -> LabelKeys:
    """The ``LabelKeys`` of a label text."""
    keys = _KEYS.get(text)
    if keys is None:
        if len(_KEYS) >= _KEYS_HELD:
            _KEYS.clear()
        keys = _KEYS[text] = _work_out_keys(text)
    return keys


def _work_out_keys(text: str) -> LabelKeys:
    numbering, body = split_numbering(text)
    # Most labels are words only, and hold no note in parentheses and no unit:
    # telling so costs a tenth of the substitutions.
    exact = body if body.isalnum() else _NOT_WORD.sub("", body)
    loose = _NOT_WORD.sub("", _PARENTHETICAL.sub("", body)) if "(" in body else exact
    unit = unit_in_label(text) if "元" in text else None
    return LabelKeys(exact, loose, unit, bool(numbering))


class Label:
    """A label text's keys and what they name: rows, a group, a table heading.

    A plain slotted class for the reason `LabelKeys` is.
    """

    __slots__ = ("anchor", "bare_header", "exact", "group", "heading", "loose", "rows", "unit")

    def __init__(  # noqa: PLR0913 - one argument a fact
        self,
        exact: str,
        loose: str,
        rows: tuple[RowSpec, ...],
        group: GroupSpec | None,
        anchor: TableSpec | None,
        unit: str | None,
        *,
        bare_header: bool,
        heading: bool,
    ) -> None:
        """The facts of a label text with keys ``exact`` and ``loose``."""
        self.exact = exact
        self.loose = loose
        self.rows = rows
        self.group = group
        self.anchor = anchor
        self.unit = unit  # a money unit the label declares ("本年收费金额(单位:万元)")
        self.bare_header = bare_header  # a column header without numbering ("总计"), not a row
        self.heading = heading  # names a group, a table or a unit: the row's context changes


def _frozen(mapping: dict[str, list[RowSpec]]) -> Mapping[str, tuple[RowSpec, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in mapping.items()})


@attrs.frozen(eq=False)
class LabelIndex:
    """What the labels of one template name, by label key (immutable)."""

    spec: TemplateSpec
    rows: Mapping[str, tuple[RowSpec, ...]]
    groups: Mapping[str, GroupSpec]
    anchors: Mapping[str, TableSpec]
    headers: Mapping[str, frozenset[str]]  # a column header's key: the rows it heads
    block_words: Mapping[str, frozenset[str]]
    plans: Mapping[str, tuple[ColumnPlan, ...]]
    fuzzy_keys: tuple[str, ...]
    names: frozenset[str]  # every key that names a row, group, table or column header
    name_lengths: tuple[int, ...]  # the lengths of ``names``, longest first
    known: Mapping[str, Label]

    @classmethod
    def of(cls, spec: TemplateSpec, texts: Iterable[str] = ()) -> LabelIndex:
        """Index the labels of ``spec``; facts of ``texts`` and of its own labels are kept."""
        rows: dict[str, list[RowSpec]] = {}
        groups: dict[str, GroupSpec] = {}
        anchors: dict[str, TableSpec] = {}
        headers: dict[str, set[str]] = {}
        block_words: dict[str, frozenset[str]] = {}
        for table in spec.tables:
            for key in _keys(table.label, (*table.aliases, *table.anchors)):
                anchors[key] = table
            for group in table.groups:
                for key in _keys(group.label, group.aliases):
                    groups[key] = group
            for row in table.rows:
                for key in _keys(row.label, row.aliases):
                    rows.setdefault(key, []).append(row)
                for column in row.columns:
                    if column.name:
                        for key in _keys(column.label, column.aliases):
                            headers.setdefault(key, set()).add(row.key)
            if table.layout == "value_block":
                block_words[table.key] = frozenset(_block_words(table))
        plans = {r.key: _plan(r) for t in spec.tables for r in t.rows}
        index = cls(
            spec,
            _frozen(rows),
            MappingProxyType(groups),
            MappingProxyType(anchors),
            MappingProxyType({k: frozenset(v) for k, v in headers.items()}),
            MappingProxyType(block_words),
            MappingProxyType(plans),
            tuple(sorted(k for k in rows if len(k) >= 6)),
            frozenset((*rows, *groups, *anchors, *headers)),
            tuple(sorted({len(k) for k in (*rows, *groups, *anchors, *headers)}, reverse=True)),
            MappingProxyType({}),
        )
        lookup = LabelLookup(index, {})
        known = {text: lookup.facts(keys_of(text)) for text in {*texts, *declared_texts(spec)}}
        return attrs.evolve(index, known=MappingProxyType(known))


class LabelLookup:
    """What label texts name in one template, for one parse.

    The label facts, fuzzy matches and header-word tests of texts met in this
    parse are kept for the parse only; the index itself is shared and immutable.
    """

    def __init__(self, index: LabelIndex, keys: dict[str, LabelKeys]) -> None:
        """Look up in ``index``; ``keys`` holds the label keys this parse has worked out.

        The keys of a text do not depend on the template, so the lookups of
        one parse share them.
        """
        self.index = index
        self._keys = keys
        # The index's mappings, read once: the index is an attrs class, this one is
        # native when compiled, and ``facts`` runs for every text a parse meets.
        self._names = index.names
        self._rows = index.rows
        self._groups = index.groups
        self._anchors = index.anchors
        self._headers = index.headers
        # What each text met so far names, the declared texts' from the start.
        # (A copy of the mapping proxy's dict, a sixteenth of the time of ``dict()``.)
        self._known: dict[str, Label] = index.known.copy()  # type: ignore[attr-defined]
        self._fuzzy_seen: dict[str, tuple[RowSpec, ...]] = {}
        self._pieces: dict[str, tuple[tuple[str, int, int], ...]] = {}
        self._block_word_seen: dict[tuple[str, str], bool] = {}

    def label(self, text: str) -> Label:
        """What a label cell's text names in this template (kept: labels recur)."""
        known = self._known.get(text)
        if known is None:
            keys = self._keys.get(text)
            if keys is None:
                keys = self._keys[text] = keys_of(text)
            known = self._known[text] = self.facts(keys)
        return known

    def facts(self, keys: LabelKeys) -> Label:
        """What a label text with ``keys`` names in this template."""
        exact, loose, unit = keys.exact, keys.loose, keys.unit
        if exact not in self._names and loose not in self._names:
            return keys.unnamed  # most texts met name nothing here
        group = self._groups.get(exact) or self._groups.get(loose)
        anchor = self._anchors.get(exact) or self._anchors.get(loose)
        return Label(
            exact,
            loose,
            self._rows.get(exact) or self._rows.get(loose) or (),
            group,
            anchor,
            unit,
            bare_header=exact in self._headers and not keys.numbered,
            heading=group is not None or anchor is not None or unit is not None,
        )

    def pieces(self, cell: Cell) -> tuple[Cell, ...]:
        """A label cell of run-together text, cut into the labels this template names.

        A crawler that drops separators runs a table's heading, its column
        headers and a row's label into one text ("…现行有效件数规章"). The text is
        cut at the longest name of this template at each point (names compared
        as label keys: words only). What no name covers stays with the name
        after it when short (its numbering, "1."), else is a piece of its own.
        """
        found = self._pieces.get(cell[TEXT])
        if found is None:
            found = self._pieces[cell[TEXT]] = self._cut(cell[TEXT])
        start = cell[START]
        return tuple((text, start + a, start + b, Kind.LABEL) for text, a, b in found)

    def _cut(self, text: str) -> tuple[tuple[str, int, int], ...]:
        if len(text) > _CUT_REACH:
            # A row's label and the headings run into it fit in the reach; what
            # lies before is one piece, so a long text costs no more than a short.
            tail = len(text) - _CUT_REACH
            pieces = self._cut(text[tail:])
            head = text[:tail].rstrip()
            lead = len(text[:tail]) - len(text[:tail].lstrip())
            return (
                (head.strip(), lead, len(head)),
                *((p, a + tail, b + tail) for p, a, b in pieces),
            )
        where = [i for i, c in enumerate(text) if c.isalnum()]
        key = "".join(text[i] for i in where)
        names, lengths = self.index.names, self.index.name_lengths
        spans: list[tuple[int, int]] = []
        begin, i = 0, 0
        while i < len(key):
            size = next((n for n in lengths if i + n <= len(key) and key[i : i + n] in names), 0)
            if not size:
                i += 1
                continue
            start, end = where[i], where[i + size - 1] + 1
            if len(text[begin:start].strip()) > _NUMBERING_REACH:
                spans.append((begin, start))  # words no name covers: a piece of their own
                begin = start
            spans.append((begin, end))
            begin, i = end, i + size
        if begin < len(text) and text[begin:].strip():
            spans.append((begin, len(text)))
        out = []
        for a, b in spans:
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            out.append((piece.strip(), a + lead, a + lead + len(piece.strip())))
        return tuple(out) or ((text, 0, len(text)),)

    def is_block_word(self, table: TableSpec, text: str) -> bool:
        """Whether ``text`` is a header word of value-block ``table`` (kept: headers recur)."""
        known = self._block_word_seen.get((table.key, text))
        if known is None:
            known = self._block_word_seen[table.key, text] = self._block_word(table, text)
        return known

    def _block_word(self, table: TableSpec, text: str) -> bool:
        words = self.index.block_words[table.key]
        key = label_keys(text)[0]
        if key and any(key in w or w in key for w in words):
            return True
        # Header words printed vertically come out of PDFs as lines of single characters.
        chars = text.split()
        return len(chars) > 1 and all(len(c) == 1 and any(c in w for w in words) for c in chars)

    def fuzzy(self, text: str) -> tuple[RowSpec, ...]:
        """The row a mistyped label of six characters or more stands for, if only one is close."""
        key = label_keys(text)[1]
        if len(key) < 6:
            return ()
        if key not in self._fuzzy_seen:
            rows = self.index.rows
            best = difflib.get_close_matches(key, self.index.fuzzy_keys, n=2, cutoff=0.85)
            unique = len(best) == 1 or (len(best) == 2 and rows[best[0]] == rows[best[1]])
            self._fuzzy_seen[key] = rows[best[0]] if unique else ()
        return self._fuzzy_seen[key]


#: How far back from its end a run-together label is cut into names.
_CUT_REACH = 400
#: Words before a name no longer than this are its numbering ("(一)", "1.", "其中:").
_NUMBERING_REACH = 4


def declared_texts(spec: TemplateSpec) -> set[str]:
    """Every label text a template declares: tables, anchors, groups, rows, columns."""
    texts: set[str] = set()
    for table in spec.tables:
        texts.update((table.label, *table.aliases, *table.anchors))
        for group in table.groups:
            texts.update((group.label, *group.aliases))
        for row in table.rows:
            texts.update((row.label, *row.aliases))
            for column in row.columns:
                if column.name:
                    texts.update((column.label, *column.aliases))
    return texts


def _block_words(table: TableSpec) -> Iterable[str]:
    """The label keys of a value block's header: rows, anchors, columns, and label parts."""
    yield from (k for r in table.rows for k in _keys(r.label, r.aliases))
    yield from (k for text in table.anchors for k in label_keys(text))
    yield from (k for r in table.rows for c in r.columns for k in _keys(c.label, c.aliases))
    # "行政诉讼 复议后起诉" is printed as two header cells.
    yield from (k for r in table.rows for part in r.label.split() for k in label_keys(part))


_DECLARED = {text for spec in REGISTRY for text in declared_texts(spec)}

#: The label index of every template, by template id; each knows what every
#: template's declared labels name in it (a report is scored against all three).
INDEXES: Mapping[str, LabelIndex] = MappingProxyType(
    {spec.template: LabelIndex.of(spec, _DECLARED) for spec in REGISTRY}
)
