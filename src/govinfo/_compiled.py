"""Functions generated once per model class from its declaration.

Building a report from ``{dotted key: value}`` and flattening it back are in the
inner loop of parsing, validation, conversion and batch work. Walking the attrs
fields and their metadata for every report costs more than the work itself, so,
as attrs and cattrs do for ``__init__`` and structuring, the walk is done once
and its result compiled into a plain Python function.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

import attrs

from govinfo._fields import Group, Row, Stat, Table, UnitOf, node_of

if TYPE_CHECKING:
    from collections.abc import Callable


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


_BUILDERS: dict[type, Callable[[dict[str, Any]], Any]] = {}


def builder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """A function that constructs ``cls`` from a flat ``{dotted key: value}`` mapping."""
    built = _BUILDERS.get(cls)
    if built is None:
        namespace: dict[str, Any] = {}
        call = _constructor_call(cls, "", namespace, itertools.count())
        lines = ["def build(values):", "    get = values.get", f"    return {call}"]
        built = _BUILDERS[cls] = compile_function("build", lines, namespace)
    return built


def flattener(keys: tuple[str, ...]) -> Callable[[Any], dict[str, Any]]:
    """A function that reads the attributes at dotted ``keys`` of an object into a dict."""
    lines = ["def flatten(obj):"]
    parents: dict[str, str] = {"": "obj"}
    items: list[str] = []
    for key in keys:
        parent, _, attr = key.rpartition(".")
        if parent not in parents:
            parts = parent.split(".")
            for depth in range(1, len(parts) + 1):
                path = ".".join(parts[:depth])
                if path not in parents:
                    above = parents[".".join(parts[: depth - 1])]
                    parents[path] = f"_{len(parents)}"
                    lines.append(f"    {parents[path]} = {above}.{parts[depth - 1]}")
        items.append(f"{key!r}: {parents[parent]}.{attr}")
    lines.append(f"    return {{{', '.join(items)}}}")
    return compile_function("flatten", lines, {})
