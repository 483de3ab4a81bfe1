"""Word (.docx) input: body paragraphs and tables, in document order, read with lxml.

A .docx is a zip package of XML parts. The main part (``word/document.xml``,
or the one ``_rels/.rels`` names) is parsed with lxml, with no network
access, no DTD and no entity expansion, and its body is read in one pass
over the elements that matter (paragraphs, tables, rows, cells, text, cell
spans), in document order. Nothing else of the package is read but the
core properties (the title). No python-docx: its object layer cost 30 times
the parse, and reading needs none of it.
"""

from __future__ import annotations

import enum
import io
import itertools
import zipfile
import zlib
from typing import TYPE_CHECKING, Final, NamedTuple

from lxml import etree

from govinfo._errors import InputError, InputTooLargeError
from govinfo.inputs.document import Block, Budget, CellAllowance, Document, Grid, GridCell, Prose

if TYPE_CHECKING:
    from lxml.etree import _Element

#: WordprocessingML's namespaces: transitional (what Word writes by default) and strict.
_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# The signature of OLE compound files: old binary .doc files, and encrypted .docx files.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DEFAULT_BUDGET = Budget()
# Package XML holds no DTD and no entity: none is loaded, expanded or fetched.
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    remove_comments=True,
    remove_pis=True,
)


class _Names(NamedTuple):
    """The WordprocessingML tags read, in one namespace."""

    body: str
    p: str
    tbl: str
    tr: str
    tc: str
    r: str
    t: str
    tab: str
    ptab: str
    br: str
    cr: str
    no_break_hyphen: str
    grid_span: str
    v_merge: str
    grid_before: str
    tbl_grid: str
    grid_col: str
    val: str
    #: Content that is no visible text of the body: text boxes anchored in a
    #: paragraph, text deleted or moved away by a tracked change, and ruby text
    #: (the phonetic guide over characters).
    hidden: tuple[str, ...]

    @classmethod
    def of(cls, ns: str) -> _Names:
        """The tags in namespace ``ns``."""
        local = (
            "body", "p", "tbl", "tr", "tc", "r", "t", "tab", "ptab", "br", "cr", "noBreakHyphen",
            "gridSpan", "vMerge", "gridBefore", "tblGrid", "gridCol", "val",
        )  # fmt: skip
        # Every field but the last (hidden) is one tag.
        tags = {
            field: f"{{{ns}}}{name}" for field, name in zip(cls._fields[:-1], local, strict=True)
        }
        hidden = ("txbxContent", "del", "moveFrom", "rt")
        return cls(**tags, hidden=(*(f"{{{ns}}}{name}" for name in hidden), _MC_FALLBACK))

    @property
    def read(self) -> tuple[str, ...]:
        """What the body's one pass visits."""
        return (
            self.p, self.tbl, self.tr, self.tc, self.t, self.tab, self.ptab, self.br, self.cr,
            self.no_break_hyphen, self.grid_span, self.v_merge, self.grid_before, self.tbl_grid,
        )  # fmt: skip


_NAMES = {ns: _Names.of(ns) for ns in _NAMESPACES}


def from_docx(data: bytes, *, budget: Budget = _DEFAULT_BUDGET, name: str = "<docx>") -> Document:
    """Read a Word document: its paragraphs and tables, in order.

    Paragraphs become lines of prose (empty ones are skipped); every table a
    ``Grid`` whose cells keep their grid column, their horizontal span
    (``gridSpan``, clamped to the table's columns) and the rows a vertical
    merge (``vMerge``) covers; a blank cell is a cell with no text, in its
    place. A table nested in a cell is read after the row that holds it.
    Text boxes, tracked deletions and ruby text (phonetic guides) are not
    read. The title is the core properties' title.

    The package is checked against ``budget`` before anything is inflated:
    the number of its parts, and their sizes once inflated, as the archive
    declares them (zipfile never inflates a part past its declared size).

    Raises:
        InputError: ``data`` is not a readable .docx file.
        InputTooLargeError: its parts, or its tables' grid cells, are over ``budget``.
    """
    try:
        return _read(data, budget, name)
    except InputTooLargeError:
        raise  # it names the file already
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None


def _read(data: bytes, budget: Budget, name: str) -> Document:
    """``from_docx``'s work; its errors name no file (``from_docx`` adds the name)."""
    if data.startswith(_OLE):
        raise InputError(
            "not a readable .docx file: an OLE compound file (a Word 97-2003 .doc, "
            "or a password-protected .docx); save it as .docx without a password"
        )
    try:
        xml, core = _read_package(data, budget, name)
        root = etree.fromstring(xml, _PARSER)
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,  # a zip compression method or version zipfile lacks
        RuntimeError,  # an encrypted zip entry
        OSError,
        KeyError,
        ValueError,
        etree.LxmlError,
    ) as exc:
        raise InputError(f"not a readable .docx file: {_reason(exc)}") from None
    if root.getroottree().docinfo.internalDTD is not None:
        # Office never writes one; its entities are not expanded, so text would be lost.
        raise InputError("not a readable .docx file: its document part declares a DTD")
    tag = root.tag if isinstance(root.tag, str) else ""
    ns, _, local = tag[1:].partition("}")
    if ns not in _NAMESPACES or local != "document":
        raise InputError(f"not a readable .docx file: its main part is no Word document ({tag})")
    names = _NAMES[ns]
    body = next(root.iterchildren(names.body), None)
    if body is None:
        raise InputError("not a readable .docx file: the document has no body")
    blocks = _Body(names, CellAllowance(budget, name), body).read()
    return Document(blocks, "docx", _title(core))


#: The central directory's end: its signature, and where it counts the entries.
_END = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"


def _entries(data: bytes) -> int:
    """How many entries the archive's central directory declares (0: none found)."""
    at = data.rfind(_END, max(0, len(data) - 22 - 0xFFFF))
    if at < 0:
        return 0  # not a zip file: zipfile says so
    entries = int.from_bytes(data[at + 10 : at + 12], "little")
    locator = at - 20
    if entries == 0xFFFF and data[locator : locator + 4] == _ZIP64_LOCATOR:
        end = int.from_bytes(data[locator + 8 : locator + 16], "little")
        if data[end : end + 4] == _ZIP64_END:
            entries = int.from_bytes(data[end + 32 : end + 40], "little")
    return entries


def _read_package(data: bytes, budget: Budget, name: str) -> tuple[bytes, bytes | None]:
    """The main document part and the core properties part (``None``: none) of a package.

    A package of too many parts is refused before it is opened, one of too
    many bytes before anything is inflated. The parts are found as
    ``_rels/.rels`` names them, else at their usual names; part names are
    case-insensitive.
    """
    entries = _entries(data)
    if entries > budget.parts:
        raise budget.refuse(name, f"{entries:,} parts in the .docx package")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        inflated = sum(info.file_size for info in infos)
        if inflated > budget.max_bytes:
            raise budget.refuse(name, f"the .docx package inflates to {inflated:,} bytes")
        parts = {info.filename.lower(): info for info in infos}
        main, core = "word/document.xml", "docProps/core.xml"
        if (rels := parts.get("_rels/.rels")) is not None:
            for rel in etree.fromstring(archive.read(rels), _PARSER).iter(_RELATIONSHIPS):
                kind, target = rel.get("Type", ""), rel.get("Target", "").lstrip("/")
                if kind.endswith("/officeDocument") and target.lower() in parts:
                    main = target
                elif kind.endswith("/core-properties"):
                    core = target
        document = parts.get(main.lower())
        if document is None:
            raise InputError(
                f"not a readable .docx file: the package holds no Word document ({main})"
            )
        properties = parts.get(core.lower())
        return archive.read(document), None if properties is None else archive.read(properties)


def _title(core: bytes | None) -> str | None:
    """The core properties' title; a part that cannot be read gives none (it is no content)."""
    if core is None:
        return None
    try:
        title = etree.fromstring(core, _PARSER).findtext(_DC_TITLE)
    except (etree.LxmlError, ValueError):
        return None
    return (title or "").strip() or None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):  # zipfile's "There is no item named ... in the archive"
        return str(exc.args[0]) if exc.args else "a part is missing"
    return str(exc) or type(exc).__name__


class _Table:
    """A table as read: its cells' texts in reading order, its rows, what its cells declare.

    Cells are kept as plain values in lists rather than an object each: a
    report has hundreds of cells, and each object costs more than reading it.
    """

    __slots__ = ("befores", "columns", "merges", "nested", "nests", "rows", "spans", "texts")

    def __init__(self) -> None:
        self.columns = 0  # its grid's columns (``w:gridCol``)
        self.texts: list[str] = []  # each cell's paragraphs, joined
        self.rows: list[int] = []  # the first cell of each row
        self.befores: list[str | None] = []  # each row's gridBefore, as written
        # What some cells declare, by cell.
        self.spans: dict[int, str | None] = {}  # gridSpan, as written
        self.merges: dict[int, str] = {}  # vMerge: restart, continue
        self.nests: set[int] = set()  # holds a table
        self.nested: list[tuple[int, _Table]] = []  # tables in its cells, by row


class _Kind(enum.Enum):
    BODY = "body"
    TABLE = "table"
    ROW = "row"
    CELL = "cell"


#: An element whose content is being read: the element, its kind, its table (if a
#: table, a row or a cell) and a cell's index in it. A plain tuple: one is made a cell.
_Open = tuple["_Element", _Kind, "_Table | None", int]
ELEMENT: Final = 0
KIND: Final = 1
TABLE: Final = 2
INDEX: Final = 3
_BODY, _TABLE, _ROW, _CELL = _Kind.BODY, _Kind.TABLE, _Kind.ROW, _Kind.CELL


class _Body:
    """Reads a document body in one pass over the elements that matter, in document order.

    The containers open at an element (body, table, row, cell: innermost last)
    are a stack. Each paragraph, table, row and cell goes to the innermost
    open container of its kind that encloses it (a paragraph or a table to
    the body or a cell, a row to a table, a cell to a row), whatever wraps it
    on the way (content controls, custom XML), so malformed nesting loses no
    text. A run outside any paragraph (which Word's schema does not allow) is
    read with the paragraph before it in its container, or as one of its own.
    """

    def __init__(self, names: _Names, cells_left: CellAllowance, body: _Element) -> None:
        self.names = names
        self.cells_left = cells_left
        self.blocks: list[str | _Table] = []
        self.stack: list[_Open] = [(body, _BODY, None, 0)]
        # What a run writes for its tabs, breaks and non-breaking hyphens.
        n = names
        self.marks = {n.tab: "\t", n.ptab: "\t", n.br: " ", n.cr: " ", n.no_break_hyphen: "-"}

    def read(self) -> tuple[Block, ...]:
        """The body's blocks: its paragraphs' text as prose and its tables as grids."""
        n, stack, blocks, marks = self.names, self.stack, self.blocks, self.marks
        body = stack[0][ELEMENT]
        for element in list(body.iter(*n.hidden)):  # libxml2 finds none in microseconds
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
        text: str | None = None  # the open paragraph's text
        into = stack[0]  # the body or cell it goes to
        t, p, tc = n.t, n.p, n.tc
        # One loop over every element read, the commonest first, written out rather
        # than calling a function per element.
        for element in body.iter(*n.read):
            tag = element.tag
            if tag == t or tag in marks:
                if text is None:  # a run outside a paragraph
                    text, into = "", _enclosing(element, stack, _BODY, _CELL)
                text += (element.text or "") if tag == t else self._mark(element, tag)
                continue
            if text:
                _add(text, into, blocks)
            text = None
            if tag == p:
                text = ""
                if element.getparent() is not into[ELEMENT]:  # else where the last one went
                    into = _enclosing(element, stack, _BODY, _CELL)
            elif tag == tc:
                into = self._cell(element) or into
            else:
                self._structure(element)
        if text:
            _add(text, into, blocks)
        return tuple(
            Prose(block) if isinstance(block, str) else self._grid(block) for block in blocks
        )

    def _mark(self, element: _Element, tag: str) -> str:
        """The text of a tab, break or non-breaking hyphen; none for a paragraph's tab stop."""
        if tag == self.names.tab and _parent_tag(element) != self.names.r:
            return ""  # a w:tab in the paragraph's properties
        return self.marks[tag]

    def _cell(self, element: _Element) -> _Open | None:
        """A cell, opened in its row (``None``: no row holds it; its text goes to what does)."""
        stack = self.stack
        parent = element.getparent()
        top = stack[-1]
        if top[KIND] is _CELL and parent is stack[-2][ELEMENT]:  # a row's next cell
            stack.pop()
            row = stack[-1]
        elif parent is top[ELEMENT] and top[KIND] is _ROW:
            row = top
        else:
            row = _enclosing(element, stack, _ROW)
        if row[KIND] is not _ROW or (table := row[TABLE]) is None:
            return None
        cell = (element, _CELL, table, len(table.texts))
        stack.append(cell)
        table.texts.append("")
        return cell

    def _structure(self, element: _Element) -> None:
        """A table or a row, opened where it stands; or a property."""
        n, stack = self.names, self.stack
        tag = element.tag
        if tag == n.tbl:
            table = _Table()
            holder = _enclosing(element, stack, _BODY, _CELL)
            if (outer := holder[TABLE]) is None:
                self.blocks.append(table)
            else:
                outer.nests.add(holder[INDEX])
                outer.nested.append((len(outer.rows) - 1, table))
            stack.append((element, _TABLE, table, 0))
        elif tag == n.tr:
            if stack[-1][KIND] is _CELL and element.getparent() is stack[-3][ELEMENT]:
                del stack[-2:]  # the row after a row: its last cell and it are done
                holder = stack[-1]
            else:
                holder = _enclosing(element, stack, _TABLE)
            if holder[KIND] is _TABLE and (rows_of := holder[TABLE]) is not None:
                rows_of.rows.append(len(rows_of.texts))
                rows_of.befores.append(None)
                stack.append((element, _ROW, rows_of, 0))
        else:
            self._property(element, tag)

    def _property(self, element: _Element, tag: str) -> None:
        """A table's grid, a row's columns left out, a cell's span or vertical merge.

        Each is read where its table, row or cell declares it: what a tracked
        change replaced (kept in ``w:tcPrChange``, ``w:tblGridChange``) is not.
        """
        n, stack = self.names, self.stack
        parent = element.getparent()
        owner = parent if tag == n.tbl_grid or parent is None else parent.getparent()
        found: _Open | None = None
        for at in range(len(stack) - 1, -1, -1):  # the top of the stack, most often
            if stack[at][ELEMENT] is owner:
                found = stack[at]
                break
        if owner is None or found is None or (table := found[TABLE]) is None:
            return
        kind = found[KIND]
        if tag == n.tbl_grid:
            if kind is _TABLE:
                table.columns = sum(1 for _ in element.iterchildren(n.grid_col))
        elif tag == n.grid_before:
            if kind is _ROW:
                table.befores[-1] = element.get(n.val)
        elif kind is _CELL:
            value = element.get(n.val)
            if tag == n.grid_span:
                table.spans[found[INDEX]] = value
            else:
                table.merges[found[INDEX]] = value or "continue"

    def _grid(self, table: _Table) -> Grid:
        """A table's cells at their grid columns; a vertical merge as one cell spanning its rows.

        A cell's ``gridSpan``, and the columns a row leaves out before its
        first cell (``gridBefore``), are clamped to the columns the table has:
        its grid (``w:tblGrid``), or its most cells in a row when that is more
        (a span past them covers nothing, and would only cost memory). A ``vMerge``
        continuation extends the cell above it that starts at the same column;
        one with nothing there, or with text or a table of its own, is a cell
        in its own right.
        """
        texts, spans, merges = table.texts, table.spans, table.merges
        rows = list(itertools.pairwise([*table.rows, len(texts)]))
        width = max([table.columns, *(end - start for start, end in rows)])
        befores = [max(0, min(_number(before), width)) for before in table.befores]
        cells: list[GridCell] = []
        above: dict[int, int] = {}  # by column: the cell reaching down to the row above
        for r, (before, (start, end)) in enumerate(zip(befores, rows, strict=True)):
            reach: dict[int, int] = {}
            column = before
            for i in range(start, end):
                text = texts[i]
                merge = merges.get(i) if merges else None
                top = above.get(column) if merge == "continue" and not text else None
                if top is not None and i not in table.nests:
                    cell = cells[top] = cells[top]._replace(rowspan=r - cells[top].row + 1)
                    reach[column] = top
                    column += cell.colspan
                    continue
                if merge not in (None, "continue", "restart"):
                    raise InputError(f"malformed .docx table: vMerge {merge!r}")
                span = spans.get(i) if spans else None
                columns = 1 if span is None else max(1, min(_number(span, 1), width - column))
                reach[column] = len(cells)
                cells.append(GridCell(text, r, column, 1, columns))
                column += columns
            self.cells_left.spend(column)
            above = reach
        nested = tuple((r, self._grid(inner)) for r, inner in table.nested)
        return Grid(tuple(cells), len(rows), (None,) * len(rows), nested)


def _add(text: str, into: _Open, blocks: list[str | _Table]) -> None:
    """A paragraph's text, to the body's blocks or to its cell's text."""
    text = text.strip()
    if not text:
        return
    table = into[TABLE]
    if table is None:
        blocks.append(text)
    else:
        before = table.texts[into[INDEX]]
        table.texts[into[INDEX]] = f"{before} {text}" if before else text


def _enclosing(element: _Element, stack: list[_Open], *kinds: _Kind) -> _Open:
    """The innermost open container enclosing ``element``, of one of ``kinds`` if any is.

    Containers that do not enclose it are closed (they ended before it).
    """
    ancestor = element.getparent()
    while ancestor is not None:
        for i in range(len(stack) - 1, -1, -1):
            if stack[i][ELEMENT] is ancestor:
                del stack[i + 1 :]
                for inner in range(i, -1, -1):
                    if stack[inner][KIND] in kinds:
                        return stack[inner]
                return stack[i]
        ancestor = ancestor.getparent()
    return stack[0]  # the body, which encloses every element read


def _number(value: str | None, default: int = 0) -> int:
    """A span or count as the file writes it (``default``: not written)."""
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise InputError(f"malformed .docx table: a column count {value!r}") from None


def _parent_tag(element: _Element) -> object:
    parent = element.getparent()
    return None if parent is None else parent.tag
