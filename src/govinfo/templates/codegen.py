"""Functions, and docs, generated once per model class from its declaration.

Building a report from ``{dotted key: value}`` and flattening it back are in the
inner loop of parsing, validation, conversion and batch work. Walking the attrs
fields and their metadata for every report costs more than the work itself, so,
as attrs and cattrs do for ``__init__`` and structuring, the walk is done once
and its result compiled into a plain Python function. The same walk writes
each class's field help (``document``).
"""

from __future__ import annotations

import inspect
import itertools
import linecache
import threading
import types
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from govinfo.templates.declare import Group, Row, Stat, Table, UnitOf, is_money, node_of

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")
R = TypeVar("R")


def compile_function(
    name: str, lines: list[str], namespace: dict[str, Any], *, owner: str
) -> Callable[..., Any]:
    """Define the function ``name`` from source ``lines``, with ``namespace`` as its globals.

    The source is registered with ``linecache`` under a name of its own (as
    attrs and cattrs do for theirs), so tracebacks and debuggers show the
    generated lines. ``owner`` names what the function is for.
    """
    source = "\n".join(lines) + "\n"
    text = source.splitlines(keepends=True)
    base = f"<govinfo generated {name} for {owner}"
    filename, n = f"{base}>", 1
    while linecache.getlines(filename) not in ([], text):
        n += 1
        filename = f"{base} #{n}>"
    linecache.cache[filename] = (len(source), None, text, filename)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102
    function: Callable[..., Any] = namespace[name]
    return function


def _settable(cls: type) -> bool:
    """Whether setting ``cls``'s slots directly is all its ``__init__`` would do.

    That is so when every slot of the class is one of its fields (no cached
    hash or other state to set up) and no field has a validator, converter or
    init hook.
    """
    if not attrs.has(cls) or "__slots__" not in vars(cls):
        return False
    slots = {s for c in cls.__mro__ for s in vars(c).get("__slots__", ()) if s != "__weakref__"}
    if not slots <= {f.name for f in attrs.fields(cls)}:
        return False
    if any(hasattr(cls, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__")):
        return False
    return all(
        f.validator is None
        and f.converter is None
        and f.init
        and isinstance(getattr(cls, f.name, None), types.MemberDescriptorType)
        for f in attrs.fields(cls)
    )


def construction(
    cls: type, args: list[str], target: str, namespace: dict[str, Any], prefix: str
) -> list[str]:
    """Statements that set ``target`` to ``cls(**{field: arg})``, ``args`` in field order.

    For a frozen slotted class without validators, converters or init hooks
    (every govinfo model) they set the slots directly, which costs half of the
    frozen ``__init__``: reading JSON and building reports construct dozens of
    these objects each. Names they need are added to ``namespace``, ``prefix``
    first.
    """
    names = [f.name for f in attrs.fields(cls)]
    namespace[f"{prefix}cls"] = cls
    if not _settable(cls):
        kwargs = ", ".join(f"{name}={arg}" for name, arg in zip(names, args, strict=True))
        return [f"{target} = {prefix}cls({kwargs})"]
    namespace["_new"] = object.__new__
    lines = [f"{target} = _new({prefix}cls)"]
    for i, (name, arg) in enumerate(zip(names, args, strict=True)):
        namespace[f"{prefix}set{i}"] = getattr(cls, name).__set__
        lines.append(f"{prefix}set{i}({target}, {arg})")
    return lines


def constructor(cls: type) -> Callable[..., Any]:
    """A function taking every field of attrs class ``cls`` positionally, in declaration order."""
    params = [f"v{i}" for i in range(len(attrs.fields(cls)))]
    namespace: dict[str, Any] = {}
    body = [*construction(cls, params, "obj", namespace, "_"), "return obj"]
    lines = [f"def make({', '.join(params)}):", *(f"    {line}" for line in body)]
    return compile_function("make", lines, namespace, owner=cls.__qualname__)


def _default(field: attrs.Attribute[Any], namespace: dict[str, Any], ids: Any) -> str:  # noqa: ANN401
    """The expression of ``field``'s default value."""
    name = f"_default{next(ids)}"
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            raise TypeError(f"no generated constructor for {field.name}: takes_self")
        namespace[name] = default.factory
        return f"{name}()"
    if field.default is attrs.NOTHING:
        raise TypeError(f"no generated constructor for {field.name}: no default")
    namespace[name] = field.default
    return name


def _constructor_call(cls: type, prefix: str, namespace: dict[str, Any], ids: Any) -> str:  # noqa: ANN401
    """The expression that builds ``cls`` from ``values`` (local ``get``).

    Each class's constructor is generated once per call of ``builder``
    (table 三 holds 25 rows of one class) and named by the class in ``namespace``.
    """
    attrs.resolve_types(cls)
    makers: dict[type, str] = namespace.setdefault("__makers__", {})
    if cls not in makers:
        makers[cls] = f"_make{next(ids)}"
        namespace[makers[cls]] = constructor(cls)
    make = makers[cls]
    args: list[str] = []
    for field in attrs.fields(cls):
        node = node_of(field)
        key = f"{prefix}.{field.name}" if prefix else field.name
        if isinstance(node, Stat | UnitOf):
            args.append(f"get({key!r})")
        elif isinstance(node, Row | Group | Table):
            sub = field.type
            assert isinstance(sub, type)  # noqa: S101 - declaration invariant
            args.append(_constructor_call(sub, key, namespace, ids))
        else:
            # Fields outside the statistics (``meta``) keep their default unless given.
            default = _default(field, namespace, ids)
            args.append(f"(values[{key!r}] if {key!r} in values else {default})")
    return f"{make}({', '.join(args)})"


def builder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """A function that constructs ``cls`` from a flat ``{dotted key: value}`` mapping."""
    namespace: dict[str, Any] = {}
    call = _constructor_call(cls, "", namespace, itertools.count())
    del namespace["__makers__"]
    lines = ["def build(values):", "    get = values.get", f"    return {call}"]
    return compile_function("build", lines, namespace, owner=cls.__qualname__)


def attribute_locals(root: str, lines: list[str]) -> Callable[[str], str]:
    """``ref(path)``: the local holding ``root``'s attribute at a dotted ``path``.

    Each object on the way is read once into a local; the assignment goes to
    ``lines`` (a function body) the first time a path is asked for.
    """
    names = {"": root}

    def ref(path: str) -> str:
        if path not in names:
            above, _, attr = path.rpartition(".")
            parent = ref(above)
            names[path] = f"_{len(names)}"
            lines.append(f"    {names[path]} = {parent}.{attr}")
        return names[path]

    return ref


def flattener(keys: tuple[str, ...]) -> Callable[[Any], dict[str, Any]]:
    """A function that reads the attributes at dotted ``keys`` of an object into a dict."""
    lines = ["def flatten(obj):"]
    ref = attribute_locals("obj", lines)
    items = []
    for key in keys:
        parent, _, attr = key.rpartition(".")
        items.append(f"{key!r}: {ref(parent)}.{attr}")
    lines.append(f"    return {{{', '.join(items)}}}")
    return compile_function("flatten", lines, {}, owner=f"{len(keys)} keys")


_ATTRIBUTES = "\n\nAttributes:\n"


def _field_help(field: attrs.Attribute[Any]) -> str | None:
    """What a field holds, as its declaration says: the printed label, the unit, the kind."""
    node = node_of(field)
    if isinstance(node, Stat):
        label = node.label if node.under is None else f"{node.under} / {node.label}"
        unit = node.unit + (", Decimal" if is_money(field.type) else "")
        unit += ", signed" if node.signed else ""
        return f"{label} ({unit})" + (f"; {node.note}" if node.note else "")
    if isinstance(node, UnitOf):
        return f"{node.label} (the unit {node.column} is written in)"
    if isinstance(node, Row | Group | Table):
        kind = type(node).__name__.lower()
        note = getattr(node, "note", None)
        return f"{node.label} ({kind})" + (f"; {note}" if note else "")
    written = field.metadata.get("label")  # a field outside the statistics (meta)
    return written if isinstance(written, str) else None


def document(cls: type) -> None:
    """Write each field's label and unit into the docstring of ``cls`` and the classes it holds.

    ``help()``, IPython's and Jupyter's ``?`` and editors that show
    ``__doc__`` then tell what a field holds as the printed form names it,
    from the one declaration. Each class gets an ``Attributes:`` section
    after its own docstring; documenting a class again changes nothing.
    """
    seen: set[type] = set()

    def walk(c: type) -> None:
        if c in seen:
            return
        seen.add(c)
        attrs.resolve_types(c)
        lines = []
        for field in attrs.fields(c):
            if isinstance(field.type, type) and attrs.has(field.type):
                walk(field.type)
            help_text = _field_help(field)
            if help_text is not None:
                lines.append(f"    {field.name}: {help_text}")
        if lines:
            own = inspect.cleandoc(c.__doc__ or "").split(_ATTRIBUTES)[0]
            c.__doc__ = own + _ATTRIBUTES + "\n".join(lines)

    walk(cls)


_UNSET: Any = object()


class Once(Generic[T]):
    """A value made on first use, exactly once, and never changed after.

    For what is costly to make and not always needed (generated code a
    program may never call): unlike a cache it has one value, fixed by its
    maker, and a lock makes sure the maker runs once whatever the threads.
    """

    __slots__ = ("_lock", "_make", "_value")

    def __init__(self, make: Callable[[], T]) -> None:
        """Make the value with ``make`` when it is first asked for."""
        self._make = make
        self._value: T = _UNSET
        self._lock = threading.Lock()

    def get(self) -> T:
        """The value (made now if this is the first time)."""
        value = self._value
        if value is _UNSET:
            with self._lock:
                if self._value is _UNSET:
                    self._value = self._make()
                value = self._value
        return value


def deferred(make: Callable[[], Callable[..., R]]) -> Callable[..., R]:
    """A function that generates its implementation with ``make`` on its first call."""
    once = Once(make)

    def call(*args: Any) -> R:  # noqa: ANN401 - whatever the generated function takes
        return once.get()(*args)

    return call
