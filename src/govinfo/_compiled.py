"""Functions generated once per model class from its declaration.

Building a report from ``{dotted key: value}`` and flattening it back are in the
inner loop of parsing, validation, conversion and batch work. Walking the attrs
fields and their metadata for every report costs more than the work itself, so,
as attrs and cattrs do for ``__init__`` and structuring, the walk is done once
and its result compiled into a plain Python function.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from govinfo._fields import Group, Row, Stat, Table, UnitOf, node_of

if TYPE_CHECKING:
    from collections.abc import Callable

F = TypeVar("F")


def once_per_class(generate: Callable[[type], F]) -> Callable[[type], F]:
    """Wrap ``generate`` so that it runs once per class, its result kept."""
    made: dict[type, F] = {}

    def get(cls: type) -> F:
        if cls not in made:
            made[cls] = generate(cls)
        return made[cls]

    return get


def compile_function(name: str, lines: list[str], namespace: dict[str, Any]) -> Callable[..., Any]:
    """Define the function ``name`` from source ``lines``, with ``namespace`` as its globals."""
    source = "\n".join(lines)
    exec(compile(source, f"<govinfo generated {name}>", "exec"), namespace)  # noqa: S102
    function: Callable[..., Any] = namespace[name]
    return function


def _constructor_call(cls: type, prefix: str, namespace: dict[str, Any], ids: Any) -> str:  # noqa: ANN401
    """The expression that builds ``cls`` from ``values`` (local ``get``)."""
    attrs.resolve_types(cls)
    cls_name = f"_cls{next(ids)}"
    namespace[cls_name] = cls
    args: list[str] = []
    optional: list[tuple[str, str]] = []
    for field in attrs.fields(cls):
        node = node_of(field)
        key = f"{prefix}.{field.name}" if prefix else field.name
        if isinstance(node, Stat | UnitOf):
            args.append(f"{field.name}=get({key!r})")
        elif isinstance(node, Row | Group | Table):
            sub = field.type
            assert isinstance(sub, type)  # noqa: S101 - declaration invariant
            args.append(f"{field.name}={_constructor_call(sub, key, namespace, ids)}")
        else:
            optional.append((field.name, key))
    if optional:
        # Fields outside the statistics (``meta``) are passed only when given.
        opt_name = f"_opt{next(ids)}"
        namespace[opt_name] = tuple(optional)
        args.append(f"**{{n: values[k] for n, k in {opt_name} if k in values}}")
    return f"{cls_name}({', '.join(args)})"


@once_per_class
def builder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """A function that constructs ``cls`` from a flat ``{dotted key: value}`` mapping."""
    namespace: dict[str, Any] = {}
    call = _constructor_call(cls, "", namespace, itertools.count())
    lines = ["def build(values):", "    get = values.get", f"    return {call}"]
    return compile_function("build", lines, namespace)


def flattener(keys: tuple[str, ...]) -> Callable[[Any], dict[str, Any]]:
    """A function that reads the attributes at dotted ``keys`` of an object into a dict."""
    lines = ["def flatten(obj):"]
    names = {"": "obj"}  # each object on the way, read once into a local

    def ref(path: str) -> str:
        if path not in names:
            above, _, attr = path.rpartition(".")
            parent = ref(above)
            names[path] = f"_{len(names)}"
            lines.append(f"    {names[path]} = {parent}.{attr}")
        return names[path]

    items = []
    for key in keys:
        parent, _, attr = key.rpartition(".")
        items.append(f"{key!r}: {ref(parent)}.{attr}")
    lines.append(f"    return {{{', '.join(items)}}}")
    return compile_function("flatten", lines, {})
