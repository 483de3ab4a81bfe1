"""Recovery of rows a scraper collapsed, by the template's invariants.

Two ways a row comes with fewer cells than columns, one way to recover it:
the candidates are tried against the rules (勾稽关系) whose other cells are
known, rows recovered first make the rules of later ones checkable, and one
consistent candidate is used while several leave the cells they disagree on
blank, listing them.

- Empty cells dropped (``| 5 | 5 |`` for seven columns): a row that kept ``k``
  of its ``n`` cells could have lost the others anywhere, so every
  order-preserving placement of the ``k`` values is a candidate. A value only
  ever moves to a column; the dropped cells are blank.
- Cells run together by a crawler (``11060000116`` for seven columns): every
  cut of the digits into the ``n`` cells is a candidate, no number but 0
  starting with 0, and no cell blank (the printed form writes "0") where a
  rule checks the row; a row no rule checks may have had blank cells too. A table with
  a row of fewer digits than cells shows that blanks were dropped: none of its
  run-together rows is cut. The cuts are searched cell by cell, a rule
  checked as soon as its cells are cut, within a fixed budget of steps per
  row; a row over the budget is left blank, never guessed.

A candidate left alone is used only where a rule holds of it: a row that
kept one figure of seven fits only as its total (as a part it leaves the
total blank), and a total with no parts is checked by no rule, so that fit
tells nothing (see `_confirmed`).

Nothing is invented: a report whose printed totals do not add up gets no
candidate, and no value.

Prose that states a figure of a row left open ("全年办理政府信息公开申请218件")
may confirm a candidate: once the rules have told apart all they can, only the
candidates that agree with every statement about the row's cells are kept
(and, where rules tie rows, the rows are searched together again). The prose
only chooses among candidates, each value still read from the row: where no
candidate agrees with it, it decides nothing, and the diagnostic says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from govinfo._diagnostics import AMBIGUOUS_CELLS, RECOVERED, SPLIT_BY_INVARIANTS
from govinfo.reading.cells import END, KIND, START, TEXT, Cell, Kind
from govinfo.reading.numbers import read_cell
from govinfo.reading.prose import ProseFigure
from govinfo.templates.invariants import Check, Verdict, fails, verdicts
from govinfo.templates.spec import CellValue, number

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from decimal import Decimal

    from govinfo.reading.align import Assembly
    from govinfo.reading.fill import Short
    from govinfo.templates.spec import TemplateSpec

#: What starts a signed cell inside a run ("716-417298": 716 | -4 | 17298).
_SIGNS = frozenset("+-增减")
#: Steps of the search for one row's candidates, at most: past it, the row is left blank.
MAX_STEPS = 20_000
#: Candidates kept per row at most: more, and the row is left blank.
MAX_CANDIDATES = 20_000


@attrs.frozen
class _Placement:
    values: dict[str, CellValue]
    origin: dict[str, Cell]


def _checks_by_depth(short: Short, checks: list[Check]) -> list[list[Check]]:
    """The checks to run once the first ``d + 1`` cells of ``short`` are decided, by ``d``."""
    position = {key: i for i, key in enumerate(short.keys)}
    by_depth: list[list[Check]] = [[] for _ in short.keys]
    for check in checks:
        by_depth[max(position[k] for k in check.keys if k in position)].append(check)
    return by_depth


#: A filling of some of a row's last cells: each cell's value and the kept cell it came from.
_Suffix = tuple[tuple[CellValue, Cell | None], ...]


def _open_at(short: Short, checks: list[Check]) -> list[list[Check]]:
    """By ``j``: the checks that read cells both before cell ``j`` of ``short`` and from it on."""
    position = {key: i for i, key in enumerate(short.keys)}
    spans = [(c, [position[k] for k in c.keys if k in position]) for c in checks]
    return [[c for c, s in spans if min(s) < j <= max(s)] for j in range(len(short.keys) + 1)]


class _Search:
    """The fillings of one short row's cells from its kept text that the checks allow.

    The kept cells are read in order into the row's cells: a number into one
    cell, a digit run into one or more consecutive cells (no number but 0
    starting with 0). Where ``blanks``, any cell may be blank, as a scraper
    drops empty cells without a trace. Each rule is checked as soon as its
    cells are decided, so a row of table 四 is searched group by group. The
    fillings from a cell on depend on the cells before only through the sums
    of the rules that read cells on both sides (none between table 四's
    groups): they are found once for each place in the text and those sums.
    """

    def __init__(
        self,
        short: Short,
        checks: list[Check],
        known: Mapping[str, CellValue],
        *,
        blanks: bool,
    ) -> None:
        """Search the fillings of ``short`` under ``checks``, other cells as ``known``.

        ``blanks``: whether a cell may be blank (see ``_blanks``).
        """
        self.short = short
        self.blanks = blanks
        self.known = known
        self.items = [c[TEXT] for c in short.cells]
        self.runs = [c[KIND] is Kind.RUN for c in short.cells]
        self.by_depth = _checks_by_depth(short, checks)
        self.open = _open_at(short, checks)
        self.values: dict[str, CellValue] = {}
        self.known_after: dict[tuple[int, int, int, tuple[int | Decimal, ...]], list[_Suffix]] = {}
        self.steps = 0

    def run(self) -> list[_Placement] | None:
        """The candidates; ``None`` past ``MAX_STEPS`` or ``MAX_CANDIDATES``."""
        found = self._fill(0, 0, 0)
        if found is None:
            return None
        keys = self.short.keys
        return [
            _Placement(
                {k: v for k, (v, _) in zip(keys, fill, strict=True)},
                {k: c for k, (_, c) in zip(keys, fill, strict=True) if c is not None},
            )
            for fill in found
        ]

    def _value(self, key: str) -> int | Decimal | None:
        return number(self.values[key] if key in self.values else self.known.get(key))

    def _holds(self, depth: int) -> bool:
        for check in self.by_depth[depth]:
            strict, lenient = verdicts(
                check.rule.relation,
                [self._value(k) for k in check.total],
                [self._value(k) for k in check.parts],
            )
            if fails(strict, lenient):
                return False
        return True

    def _options(self, j: int, i: int, at: int) -> list[tuple[CellValue, int, int]]:
        """What cell ``j`` may hold (value, next item, next offset), the text at item ``i``."""
        items, n = self.items, len(self.short.keys)
        options: list[tuple[CellValue, int, int]] = []
        if i < len(items):
            text, column = items[i], self.short.columns[j]
            last, first, digit = len(text), at + 1, at
            if self.runs[i]:
                if text[at] in _SIGNS:
                    # A sign starts a signed cell (本年增/减), its digits after it.
                    first, digit = at + 2, at + 1
                    last = last if column.signed else at
                # A cell runs up to the next sign at most: that starts the next cell.
                last = next((k for k in range(digit, len(text)) if text[k] in _SIGNS), last)
            if self.runs[i] and not self.blanks:
                # Every cell after this one takes a digit at least: leave them theirs.
                rest = zip(items[i + 1 :], self.runs[i + 1 :], strict=True)
                later = sum(len(t) if r else 1 for t, r in rest)
                last = min(last, len(text) + later - (n - j - 1))
            for end in range(first, last + 1) if self.runs[i] else (len(text),):
                if end - digit > 1 and text[digit] == "0":
                    break  # a number of several digits does not start with 0
                read = read_cell(text[at:end], column, self.short.unit).value
                options.append((read, i, end) if end < len(text) else (read, i + 1, 0))
        if self.blanks and len(items) - i < n - j:
            options.append((None, i, at))  # a blank cell, dropped from the text
        return options

    def _fill(self, j: int, i: int, at: int) -> list[_Suffix] | None:
        """The fillings of cell ``j`` on, the text read from item ``i``, offset ``at``.

        ``None`` when a limit is passed.
        """
        n = len(self.short.keys)
        if j == n:
            return [()] if i == len(self.items) else []  # every kept digit used
        if len(self.items) - i > n - j:
            return []  # more kept cells than cells left
        sums = self._sums(j)
        place = None if sums is None else (j, i, at, sums)
        if place is not None and place in self.known_after:
            self.steps += 1
            return self.known_after[place]
        key = self.short.keys[j]
        found: list[_Suffix] = []
        for read, next_item, next_at in self._options(j, i, at):
            self.steps += 1
            if self.steps > MAX_STEPS:
                return None
            self.values[key] = read
            if not self._holds(j):
                continue
            rest = self._fill(j + 1, next_item, next_at)
            if rest is None:
                return None
            cell = None if read is None else self.short.cells[i]
            found += [((read, cell), *r) for r in rest]
            if len(found) > MAX_CANDIDATES:
                return None
        self.values.pop(key, None)
        if place is not None:
            self.known_after[place] = found
        return found

    def _sums(self, j: int) -> tuple[int | Decimal, ...] | None:
        """What the cells before ``j`` add to each rule still open; ``None``: a blank among them."""
        sums: list[int | Decimal] = []
        for check in self.open[j]:
            total: int | Decimal = 0
            for sign, keys in ((1, check.total), (-1, check.parts)):
                for key in keys:
                    if key in self.values:
                        value = number(self.values[key])
                        if value is None:
                            return None
                        total += sign * value
            sums.append(total)
        return tuple(sums)


def _blanks(shorts: list[Short]) -> set[str]:
    """The run-together rows of tables that show blank cells, by ``Short.where``.

    Digits a crawler ran together are cut on the premise that the printed
    form is written out, every cell a number ("0" where none): a blank cell
    leaves no trace, so no cut could be certain of it. A row of the table with
    fewer digits than cells breaks the premise for the whole table.
    """

    def digits(short: Short) -> int:
        runs = (c[TEXT] for c in short.cells if c[KIND] is Kind.RUN)
        return sum(sum(d.isdigit() for d in text) for text in runs) + sum(
            c[KIND] is not Kind.RUN for c in short.cells
        )

    run_together = [s for s in shorts if s.run_together]
    with_blanks = {s.where.partition(".")[0] for s in run_together if digits(s) < len(s.keys)}
    return {s.where for s in run_together if s.where.partition(".")[0] in with_blanks}


def _as_run(short: Short) -> Short:
    """``short`` read as digits run together, in a text whose other rows ran together.

    A line of digits alone (table 四's values under its run-together header) has
    no label for the tokenizer to see it ran together; in a text whose rows ran
    together, its digits are cut as theirs are, where they are enough for every
    cell (else cells were dropped, as before).
    """
    cells = short.cells
    if short.run_together or not all(c[TEXT].isdigit() and c[TEXT].isascii() for c in cells):
        return short
    if sum(len(c[TEXT]) for c in cells) < len(short.keys):
        return short
    runs = tuple((c[TEXT], c[START], c[END], Kind.RUN) for c in cells)
    return attrs.evolve(short, cells=runs)


def _readable(short: Short, checks: Iterable[Check], known: Mapping[str, CellValue]) -> list[Check]:
    """The checks that can tell ``short``'s candidates apart: their other cells all written."""
    own = set(short.keys)
    return [
        c
        for c in checks
        if own & set(c.keys) and all(known.get(k) is not None for k in set(c.keys) - own)
    ]


def _search(
    short: Short, checks: list[Check], known: Mapping[str, CellValue]
) -> tuple[list[_Placement] | None, int]:
    """The candidates of ``short`` (``None``: too many) and the steps it took."""
    # Run together, a row is cut as the form written out (no cell blank) where a
    # rule checks the cuts; where none does, a blank cell left no trace and is as
    # likely as a digit a cell: both are candidates.
    search = _Search(short, checks, known, blanks=not short.run_together or not checks)
    return search.run(), search.steps


def recover(spec: TemplateSpec, out: Assembly, figures: Sequence[ProseFigure] = ()) -> None:
    """Place the cells of every short row of ``out`` where the invariants allow.

    Rows are searched one at a time, each under the rules whose other cells are
    written, until no row is settled any more; the rows left open that rules tie
    together are then searched jointly (``_joint``). The candidates still open
    are narrowed by what the prose states (``figures``) where it agrees with
    some of them (``_Confirming``).
    """
    if not out.shorts:
        return
    all_checks = spec.checks
    if any(s.run_together for s in out.shorts):
        out.shorts = [_as_run(s) for s in out.shorts]
    blanks = _blanks(out.shorts)
    pending = [s for s in out.shorts if s.where not in blanks]
    for short in out.shorts:
        if short.where in blanks:
            _not_cut(short, out)
    candidates: dict[str, list[_Placement] | None] = {}
    tried: dict[str, int] = {}  # how many rules a row was searched under
    searched: dict[str, list[Check]] = {}  # and which
    progress = True
    while pending and progress:
        progress = False
        for short in list(pending):
            checks = _readable(short, all_checks, out.values)
            if tried.get(short.where) == len(checks):
                continue  # no rule more to tell its candidates apart
            tried[short.where] = len(checks)
            searched[short.where] = checks
            fits = candidates[short.where] = _search(short, checks, out.values)[0]
            if fits is not None and len(fits) == 1 and _confirmed(fits[0], checks, out.values):
                _recovered(short, fits[0], checks, out)
                pending.remove(short)
                progress = True
    open_keys = {k for s in pending for k in s.keys}
    # Rules that read only written cells and cells of rows left open: what ties rows.
    tying = tuple(
        c
        for c in all_checks
        if all(k in open_keys or out.values.get(k) is not None for k in c.keys)
    )
    confirming = _Confirming(spec, figures, candidates, tried, tying, out.values)
    for group in _tied(pending, tying):
        joint = _joint(group, candidates, tried, tying, out.values) if len(group) > 1 else None
        settled: dict[str, tuple[list[_Placement] | None, list[Check]]] = {}
        for short in group:
            if joint is not None:
                used, read = joint
                rules = [c for c in read if set(short.keys) & set(c.keys)]
                settled[short.where] = (used[short.where], rules)
            else:
                settled[short.where] = (candidates[short.where], searched[short.where])
        said, unmet = confirming.narrow(group, settled, joint=joint is not None)
        for short in group:
            _settle(short, *settled[short.where], out, said.get(short.where, ()), unmet)


def _settle(
    short: Short,
    fits: list[_Placement] | None,
    rules: list[Check],
    out: Assembly,
    said: Sequence[ProseFigure],
    unmet: Mapping[str, Sequence[ProseFigure]],
) -> None:
    """Fill ``short`` from its candidates left, ``fits``, as the rules and ``said`` chose them."""
    if fits is None:  # too many to tell apart: none is used
        _too_many(short, out)
    elif len(fits) == 1 and (said or _confirmed(fits[0], rules, out.values)):
        _recovered(short, fits[0], rules, out, said)
    elif len(fits) == 1:
        _unconfirmed(short, fits[0], out)
    else:
        checked = bool(said) or any(_confirmed(f, rules, out.values) for f in fits)
        _ambiguous(short, fits, out, said, unmet.get(short.where, ()), checked=checked)


#: A cell's value as a prose statement gives it, and the statement.
_Statement = tuple[CellValue, ProseFigure]


class _Confirming:
    """Narrows the candidates rules left open to those the prose's statements agree with.

    A statement counts for a cell when it names that cell alone, is no share
    of a whole (其中…), and the prose states no other value for it elsewhere.
    """

    def __init__(
        self,
        spec: TemplateSpec,
        figures: Sequence[ProseFigure],
        candidates: Mapping[str, list[_Placement] | None],
        tried: Mapping[str, int],
        tying: tuple[Check, ...],
        known: Mapping[str, CellValue],
    ) -> None:
        """Narrow by ``figures``; a group is searched again as ``recover`` searched it."""
        self.spec = spec
        self.figures = figures
        self.candidates = candidates
        self.tried = tried
        self.tying = tying
        self.known = known
        self._stated: dict[str, _Statement] | None = None

    def stated(self) -> dict[str, _Statement]:
        """The cells the prose states, each with one value (read once, when first asked)."""
        if self._stated is None:
            first: dict[str, ProseFigure] = {}
            torn: set[str] = set()  # stated twice, two values: the prose decides nothing
            for figure in self.figures:
                if figure.part or len(figure.keys) != 1 or figure.keys[0] not in self.spec.by_key:
                    continue
                prior = first.setdefault(figure.keys[0], figure)
                if prior.value != figure.value:
                    torn.add(figure.keys[0])
            self._stated = {
                key: (read_cell(str(f.value), self.spec.by_key[key].column, f.unit).value, f)
                for key, f in first.items()
                if key not in torn
            }
        return self._stated

    def narrow(
        self,
        group: list[Short],
        settled: dict[str, tuple[list[_Placement] | None, list[Check]]],
        *,
        joint: bool,
    ) -> tuple[dict[str, tuple[ProseFigure, ...]], dict[str, tuple[ProseFigure, ...]]]:
        """Narrow ``settled`` (the candidates of ``group`` and the rules read) in place.

        ``joint``: whether the group's rows were searched together and some filling
        held. Returns, by row, the statements that narrowed its candidates, and the
        statements no candidate of the row agrees with (which decide nothing).
        """
        said: dict[str, tuple[ProseFigure, ...]] = {}
        unmet: dict[str, tuple[ProseFigure, ...]] = {}
        if not self.figures:
            return said, unmet
        narrowed: dict[str, list[_Placement]] = {}
        used: list[ProseFigure] = []
        for short in group:
            fits = settled[short.where][0]
            if fits is None or len(fits) < 2:
                continue
            stated = self.stated()
            about = [stated[k] + (k,) for k in short.keys if k in stated]
            if not about:
                continue
            agree = [f for f in fits if all(f.values[k] == v for v, _, k in about)]
            # The statements that tell candidates apart (some candidate has another value).
            telling = tuple(s for v, s, k in about if any(f.values[k] != v for f in fits))
            if not agree:
                unmet[short.where] = telling
            elif len(agree) < len(fits):
                narrowed[short.where] = agree
                used += telling
        if not narrowed:
            return said, unmet
        before = {w: len(fits) for w, (fits, _) in settled.items() if fits is not None}
        if joint:
            # Rows tied by rules: what the prose keeps of one row may settle the others.
            again = _joint(
                group, {**self.candidates, **narrowed}, self.tried, self.tying, self.known
            )
            if again is None:
                # The statements and the rules across rows hold together for no filling.
                for where in narrowed:
                    unmet[where] = tuple(used)
                return said, unmet
            found, read = again
            for short in group:
                rules = [c for c in read if set(short.keys) & set(c.keys)]
                settled[short.where] = (found[short.where], rules)
        else:
            for where, agree in narrowed.items():
                settled[where] = (agree, settled[where][1])
        for where, (fits, _) in settled.items():
            if fits is not None and len(fits) < before.get(where, len(fits) + 1):
                said[where] = tuple(used)
        return said, unmet


def _tied(shorts: list[Short], checks: tuple[Check, ...]) -> list[list[Short]]:
    """``shorts`` in groups that rules tie together (a rule reading cells of each), in order."""
    group_of = list(range(len(shorts)))
    row_of = {k: i for i, s in enumerate(shorts) for k in s.keys}

    def root(i: int) -> int:
        while group_of[i] != i:
            i = group_of[i]
        return i

    for check in checks:
        tied = {root(row_of[k]) for k in check.keys if k in row_of}
        for i in tied:
            group_of[i] = min(tied)
    groups: dict[int, list[Short]] = {}
    for i, short in enumerate(shorts):
        groups.setdefault(root(i), []).append(short)
    return list(groups.values())


def _joint(
    group: list[Short],
    candidates: Mapping[str, list[_Placement] | None],
    tried: Mapping[str, int],
    all_checks: tuple[Check, ...],
    known: Mapping[str, CellValue],
) -> tuple[dict[str, list[_Placement]], list[Check]] | None:
    """Search the candidates of rows that rules tie together, jointly.

    Each row alone left several candidates, or too many to list; a rule across
    rows (R1, R2: a column's total) may hold for only some combinations. The
    rows are chosen one after another, those with candidates listed first,
    each rule checked as soon as its rows are chosen; then each row with too
    many candidates alone, the one the most rules now read first, is searched
    again under the rows chosen before it. All within
    ``MAX_STEPS`` for the group. Returns the candidates of each row that some
    consistent filling of the group uses, and the rules read; ``None`` past the
    budget or when no filling is consistent (the rows' own totals disagree):
    then each row keeps its own candidates.
    """
    keys = {k for s in group for k in s.keys}
    checks = [
        c
        for c in all_checks
        if keys & set(c.keys) and all(known.get(k) is not None for k in set(c.keys) - keys)
    ]
    # The candidates used, by their values (a row searched again lists them anew).
    used: list[dict[tuple[CellValue, ...], _Placement]] = [{} for _ in group]
    chosen: dict[int, _Placement] = {}
    values: dict[str, CellValue] = dict(known)
    steps = 0

    def next_row(left: list[int]) -> tuple[int, list[_Placement] | None]:
        """A row whose candidates are listed; else the one the most rules now read, searched."""
        nonlocal steps
        listed = [r for r in left if candidates[group[r].where] is not None]
        if listed:
            return listed[0], candidates[group[listed[0]].where]
        readable = {r: _readable(group[r], checks, values) for r in left}
        row = max(left, key=lambda r: len(readable[r]))
        if len(readable[row]) == tried[group[row].where]:
            return row, None  # no rule more than alone: as many candidates
        options, taken = _search(group[row], readable[row], values)
        steps += taken
        return row, options

    def fill(left: list[int]) -> bool:
        nonlocal steps
        if not left:
            for i, fit in chosen.items():
                used[i].setdefault(tuple(fit.values.values()), fit)
            return True
        row, options = next_row(left)
        if options is None:
            return False
        short = group[row]
        rest = [r for r in left if r != row]
        later = {k for r in rest for k in group[r].keys}
        ready = [c for c in checks if set(short.keys) & set(c.keys) and not later & set(c.keys)]
        for fit in options:
            steps += 1
            if steps > MAX_STEPS:
                return False
            values.update(fit.values)
            chosen[row] = fit
            if _all_hold(ready, values) and not fill(rest):
                return False
        chosen.pop(row, None)
        for key in short.keys:
            values[key] = known.get(key)
        return True

    if not fill(list(range(len(group)))) or not used[0]:
        return None
    found = {s.where: list(u.values()) for s, u in zip(group, used, strict=True)}
    return found, checks


def _all_hold(checks: list[Check], values: Mapping[str, CellValue]) -> bool:
    for check in checks:
        strict, lenient = verdicts(
            check.rule.relation,
            [number(values.get(k)) for k in check.total],
            [number(values.get(k)) for k in check.parts],
        )
        if fails(strict, lenient):
            return False
    return True


def _confirmed(fit: _Placement, checks: list[Check], known: Mapping[str, CellValue]) -> bool:
    """Whether a rule holds of the placement's cells, not only fails to fail.

    A row that kept one figure of many, with a total: the figure as a part
    leaves the total blank (a rule fails), as the total it leaves a total with
    no parts, which no rule can check. That one placement is left is no sign
    it is right: a row whose other figures the layout lost elsewhere reads so.
    """
    values = {**known, **fit.values}
    for check in checks:
        strict, lenient = verdicts(
            check.rule.relation,
            [number(values.get(k)) for k in check.total],
            [number(values.get(k)) for k in check.parts],
        )
        if Verdict.PASSED in (strict, lenient):
            return True
    return not checks


def _unconfirmed(short: Short, fit: _Placement, out: Assembly) -> None:
    message = (
        f"{_summary(short)}; one placement fits the invariants, but no rule can check it "
        f"({_placed(short, fit.values)}): all left blank"
    )
    start, end = short.cells[0][START], short.cells[-1][END]
    out.notes.add(AMBIGUOUS_CELLS, message, (start, end), key=short.where)


def _summary(short: Short) -> str:
    texts = [c[TEXT] for c in short.cells]
    if short.run_together:
        return f"{short.where}: digits run together ({texts}) for {len(short.keys)} cells"
    return f"{short.where}: {len(short.cells)} of {len(short.keys)} cells present ({texts})"


def _placed(short: Short, values: dict[str, CellValue]) -> str:
    return ", ".join(
        f"{k.removeprefix(short.where + '.')}={v}" for k, v in values.items() if v is not None
    )


def _stating(said: Sequence[ProseFigure]) -> str:
    """The statements of the prose named in a message, with their sentences."""
    by_sentence: dict[str, list[str]] = {}
    for f in said:
        by_sentence.setdefault(f.sentence, []).append(f"{f.key}={f.value}")
    return "; ".join(f"{', '.join(stated)} ({s})" for s, stated in by_sentence.items())


def _recovered(
    short: Short,
    fit: _Placement,
    checks: list[Check],
    out: Assembly,
    said: Sequence[ProseFigure] = (),
) -> None:
    _place(fit, fit.values, out)
    start, end = short.cells[0][START], short.cells[-1][END]
    rules = ", ".join(sorted({c.rule.id for c in checks}))
    prose = f"the prose stating {_stating(said)}" if said else ""
    if short.run_together:
        reasons = " and ".join(r for r in (rules, prose) if r)
        single = all(len(str(v)) == 1 for v in fit.values.values())
        why = f"by {reasons}" if reasons else "the only cut" + (" (a digit a cell)" * single)
        message = f"{_summary(short)}; digits cut {why}: {_placed(short, fit.values)}"
        out.notes.add(SPLIT_BY_INVARIANTS, message, (start, end), key=short.where)
        return
    how = f"invariants and {prose}" if said else "invariants"
    message = f"{_summary(short)}; recovered by {how}: {_placed(short, fit.values)}"
    out.notes.add(RECOVERED, message, (start, end), key=short.where)


def _not_cut(short: Short, out: Assembly) -> None:
    message = (
        f"{_summary(short)}; its table shows cells dropped (a row with fewer digits than "
        "cells), so no cut of run-together digits is certain: all left blank"
    )
    start, end = short.cells[0][START], short.cells[-1][END]
    out.notes.add(AMBIGUOUS_CELLS, message, (start, end), key=short.where)


def _too_many(short: Short, out: Assembly) -> None:
    message = (
        f"{_summary(short)}; more candidates than can be told apart "
        f"(over {MAX_CANDIDATES}, or {MAX_STEPS} steps): all left blank"
    )
    start, end = short.cells[0][START], short.cells[-1][END]
    out.notes.add(AMBIGUOUS_CELLS, message, (start, end), key=short.where)


def _ambiguous(
    short: Short,
    fits: list[_Placement],
    out: Assembly,
    said: Sequence[ProseFigure] = (),
    unmet: Sequence[ProseFigure] = (),
    *,
    checked: bool = True,
) -> None:
    """Fill what every candidate agrees on, if a rule holds of one of them (``checked``)."""
    if fits:
        first = fits[0].values
        agreed = {
            k: v for k, v in first.items() if v is not None and all(f.values[k] == v for f in fits)
        }
        shown = " | ".join(_placed(short, f.values) for f in fits[:4])
        more = f" and {len(fits) - 4} more" if len(fits) > 4 else ""
        if checked:
            _place(fits[0], agreed, out)
            left = "cells they disagree on left blank"
        else:
            left = "no rule can check any of them, all left blank"
        message = (
            f"{_summary(short)}; {len(fits)} placements fit the invariants, {left}: {shown}{more}"
        )
    else:
        message = f"{_summary(short)}; no placement fits the invariants, all left blank"
    if said:
        message += f"; the prose stating {_stating(said)} kept these"
    if unmet:
        message += f"; the prose states {_stating(unmet)}, which no placement agrees with"
    start, end = short.cells[0][START], short.cells[-1][END]
    out.notes.add(AMBIGUOUS_CELLS, message, (start, end), key=short.where)


def _place(placement: _Placement, values: Mapping[str, CellValue], out: Assembly) -> None:
    """Store placed values, each pointing at the kept cell it came from."""
    for key, value in values.items():
        out.values[key] = value
        if key in placement.origin:
            cell = placement.origin[key]
            out.sources[key] = (cell[START], cell[END])
