"""JSON (un)structuring through one private cattrs converter.

The converter is the reference: it defines the JSON form and explains every
problem with its path. Reports, the bulk of all JSON govinfo reads and writes,
take a faster road to the same result: functions generated once per template
(as cattrs itself generates them, but with the checks inlined), with the
converter called whenever they meet anything but well-formed data.

The ``json`` extra reads and writes the text natively. orjson writes it, byte
for byte as the standard library would. msgspec reads it in two passes of C:
one into strict mirrors of the report classes, generated from their fields,
which refuse what the reference refuses (an unknown key, an integer beyond
64 bits, a float for money); then, the text known good, into the report
classes themselves. Anything the mirrors refuse is read again by the
reference, which explains it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import operator
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated, Any

import attrs
import cattrs

from govinfo._errors import JSONFormatError
from govinfo.models import TEMPLATES, Report
from govinfo.templates.codegen import (
    attribute_locals,
    compile_function,
    construction,
    deferred,
)

orjson_module: Any = None
msgspec_module: Any = None
if TYPE_CHECKING:
    from collections.abc import Callable

with contextlib.suppress(ImportError):  # the json extra
    import orjson as orjson_module
with contextlib.suppress(ImportError):  # the json extra
    import msgspec as msgspec_module

#: Keys the CLI adds around a report; ``from_json`` accepts and ignores them.
ENVELOPE_KEYS = frozenset({"file", "diagnostics"})

#: The integers a report holds are 64-bit (as Arrow, pandas and databases store them).
INT_MIN, INT_MAX = -(2**63), 2**63 - 1


class _RangeError(ValueError):
    """An integer beyond ``INT_MIN``..``INT_MAX``; its message is shown as it is."""


def _beyond(value: int) -> _RangeError:
    # Never the digits: a 4,300-digit integer has no str().
    return _RangeError(f"an integer of {value.bit_length()} bits, outside the signed 64-bit range")


def _format_exception(exc: BaseException, tp: type | None) -> str:
    if isinstance(exc, _RangeError):
        return str(exc)
    return cattrs.v.format_exception(exc, tp)


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"expected a decimal string, got {value!r}")
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"invalid decimal {value!r}") from None
    if not result.is_finite():
        raise ValueError(f"decimal must be finite, got {value!r}")
    return result


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected an integer, got {value!r}")
    if not INT_MIN <= value <= INT_MAX:
        raise _beyond(value)
    return value


def _structure_count(value: object, _: type) -> int | None:
    # Most cells of a report: one direct hook instead of Optional dispatch, then int.
    if value is None or (type(value) is int and INT_MIN <= value <= INT_MAX):
        return value
    if type(value) is int:
        raise _beyond(value)
    raise ValueError(f"expected an integer or null, got {value!r}")


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, got {value!r}")
    return value


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO date string, got {value!r}")
    return dt.date.fromisoformat(value)


def configure_converter(converter: cattrs.Converter) -> None:
    """Register govinfo's hooks on ``converter``."""
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(int | None, _structure_count)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(str, _structure_str)


def _reference_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(conv)
    return conv


_CONVERTER = _reference_converter()


def converter() -> cattrs.Converter:
    """The converter that owns every (un)structuring in govinfo: the reference JSON form.

    Reports take the generated functions below, checked against it in the tests.
    """
    return _CONVERTER


_EMPTY: dict[str, Any] = {}  # a missing nested object: every field takes its default


class _MalformedError(Exception):
    """Raised by generated structuring code: let the converter explain."""


def _check(tp: object, var: str) -> str:
    """A statement that checks (and, for Decimal and date, converts) leaf ``var``."""
    if tp == int | None:
        within = f"{var}.__class__ is int and {INT_MIN} <= {var} <= {INT_MAX}"
        return f"if not ({within} or {var} is None): raise _Malformed"
    if tp == str | None:
        return f"if {var}.__class__ is not str and {var} is not None: raise _Malformed"
    if tp is bool:
        return f"if {var}.__class__ is not bool: raise _Malformed"
    if tp == Decimal | None:
        return f"if {var} is not None: {var} = _decimal({var}, None)"
    if tp == dt.date | None:
        return f"if {var} is not None: {var} = _date({var}, None)"
    raise TypeError(f"no generated JSON code for {tp!r}")  # a model declaration error


def _dump(tp: object, expr: str) -> str:
    """The JSON form of leaf ``expr``, as the converter's hooks give it."""
    if tp == Decimal | None:
        return f"None if {expr} is None else str({expr})"
    if tp == dt.date | None:
        return f"None if {expr} is None else {expr}.isoformat()"
    return expr


def _structure_lines(
    cls: type, var: str, missing: str, names: dict[type, str], ns: dict[str, Any], *, inline: bool
) -> list[str]:
    """Statements that turn dict ``var`` into a ``cls``, held in ``var`` itself.

    With ``inline``, nested objects are built here rather than by calling their
    class's function: a report holds dozens. When a key is missing, the
    statements run ``missing``, which builds ``var`` another way.
    """
    fields = attrs.fields(cls)
    own = [f"{var}_{i}" for i in range(len(fields))]
    lines = [
        f"if {var}.__class__ is not dict: raise _Malformed",
        "try:",
        *(f"    {v} = {var}[{f.name!r}]" for v, f in zip(own, fields, strict=True)),
        "except KeyError:",
        *(f"    {line}" for line in missing.split("\n")),
        "else:",
        # Every field's key is there: any more keys are unknown ones.
        f"    if len({var}) != {len(fields)}: raise _Malformed",
    ]
    for v, f in zip(own, fields, strict=True):
        if isinstance(f.type, type) and attrs.has(f.type):
            call = f"{v} = {names[f.type]}({v})"
            sub = _structure_lines(f.type, v, call, names, ns, inline=True) if inline else [call]
            lines += [f"    {line}" for line in sub]
        else:
            lines.append(f"    {_check(f.type, v)}")
    made = construction(cls, own, var, ns, f"{names[cls]}_")
    return [*lines, *(f"    {line}" for line in made)]


def _structure_function(
    cls: type, names: dict[type, str], ns: dict[str, Any], *, inline: bool = False
) -> list[str]:
    """The function that builds ``cls`` from a dict, taking defaults for missing keys."""
    name = names[cls]
    fields = attrs.fields(cls)
    ns[f"{name}_keys"] = frozenset(f.name for f in fields)
    nested = [isinstance(f.type, type) and attrs.has(f.type) for f in fields]
    pairs = list(zip(fields, nested, strict=True))
    ns[f"{name}_defaults"] = {f.name: _EMPTY if n else f.default for f, n in pairs}
    # Missing keys take their defaults (a missing nested object, all of its
    # own); unknown keys are refused. A default made by a factory: the converter.
    factory = any(
        isinstance(f.default, attrs.Factory)  # type: ignore[arg-type]
        for f, n in pairs
        if not n
    )
    missing = (
        "raise _Malformed"
        if factory
        else f"if not {name}_keys.issuperset(d): raise _Malformed\n"
        f"return {name}({{**{name}_defaults, **d}})"
    )
    body = [*_structure_lines(cls, "d", missing, names, ns, inline=inline), "return d"]
    return [f"def {'main' if inline else name}(d):", *(f"    {line}" for line in body)]


def _generate_unstructure(report_type: type[Report]) -> Any:  # noqa: ANN401
    """The JSON form of a ``report_type``, ``template`` first: one dict display, no calls."""
    lines = ["def main(o):"]
    ref = attribute_locals("o", lines)

    def display(cls: type, path: str) -> str:
        attrs.resolve_types(cls)
        items = []
        for f in attrs.fields(cls):
            if isinstance(f.type, type) and attrs.has(f.type):
                sub = display(f.type, f"{path}.{f.name}" if path else f.name)
                items.append(f"{f.name!r}: {sub}")
            else:
                items.append(f"{f.name!r}: {_dump(f.type, f'{ref(path)}.{f.name}')}")
        return f"{{{', '.join(items)}}}"

    body = display(report_type, "")
    lines.append(f"    return {{'template': {report_type.TEMPLATE!r}, {body[1:]}")
    return compile_function("main", lines, {}, owner=f"unstructuring {report_type.__name__}")


def _generate_structure(cls: type) -> Any:  # noqa: ANN401
    """The structure function of ``cls``, one generated function per class it holds."""
    ns: dict[str, Any] = {
        "_Malformed": _MalformedError,
        "_decimal": _structure_decimal,
        "_date": _structure_date,
    }
    lines: list[str] = []
    names: dict[type, str] = {}

    def define(c: type) -> str:
        if c not in names:
            attrs.resolve_types(c)
            names[c] = f"_{len(names)}"
            for f in attrs.fields(c):
                if isinstance(f.type, type) and attrs.has(f.type):
                    define(f.type)
            lines.extend(_structure_function(c, names, ns))
        return names[c]

    define(cls)
    lines += _structure_function(cls, names, ns, inline=True)
    return compile_function("main", lines, ns, owner=f"structuring {cls.__name__}")


#: The generated functions of every report class, each made on its first call.
_STRUCTURE: Mapping[type, Callable[[dict[str, Any]], Report]] = MappingProxyType(
    {t: deferred(functools.partial(_generate_structure, t)) for t in TEMPLATES.values()}
)
_UNSTRUCTURE: Mapping[type, Callable[[Report], dict[str, Any]]] = MappingProxyType(
    {t: deferred(functools.partial(_generate_unstructure, t)) for t in TEMPLATES.values()}
)


#: Money as the reference reads it from text: a finite decimal in digits (or an integer).
FINITE_DECIMAL = r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"


def _strict(tp: object) -> object:
    """The msgspec type of a leaf that reads just what the reference hook reads."""
    meta = msgspec_module.Meta
    if tp == int | None:
        return Annotated[int, meta(ge=INT_MIN, le=INT_MAX)] | None
    if tp == Decimal | None:
        return Annotated[str, meta(pattern=FINITE_DECIMAL)] | int | None
    if tp in (str | None, bool, dt.date | None):
        return tp  # msgspec takes exactly the JSON strings, booleans and ISO dates they are
    raise TypeError(f"no strict JSON type for {tp!r}")  # a model declaration error


def _mirror(
    cls: type, leaf: Callable[[object], object], names: dict[type, type], tag: str | None = None
) -> type:
    """A msgspec Struct with ``cls``'s fields, in order, their leaves typed by ``leaf``.

    With ``tag`` (a report's template), ``template`` is its first key. Unknown
    keys are refused.
    """
    if tag is None and cls in names:
        return names[cls]
    attrs.resolve_types(cls)
    fields: list[tuple[str, object, object]] = []
    for f in attrs.fields(cls):
        if isinstance(f.type, type) and attrs.has(f.type):
            nested = _mirror(f.type, leaf, names)
            fields.append((f.name, nested, msgspec_module.field(default_factory=nested)))
        else:
            fields.append((f.name, leaf(f.type), f.default))
    options: dict[str, Any] = {"forbid_unknown_fields": True, "gc": False}
    if tag is not None:
        options |= {"tag_field": "template", "tag": tag}
    mirror: type = msgspec_module.defstruct(f"Mirror{cls.__name__}", fields, **options)
    if tag is None:
        names[cls] = mirror
    return mirror


def _enveloped(mirror: type, tag: str) -> type:
    """A report's mirror that reads past the CLI's envelope around a report (``file``, …)."""
    envelope = [(key, Any, None) for key in sorted(ENVELOPE_KEYS)]
    options = {"forbid_unknown_fields": True, "gc": False, "tag": tag}
    extended: type = msgspec_module.defstruct(
        f"Enveloped{mirror.__name__}", envelope, bases=(mirror,), **options
    )
    return extended


def _generate_reader() -> Callable[[str | bytes], Report]:
    """Read a report's JSON text: checked by strict mirrors, then built from them, in C."""
    names: dict[type, type] = {}
    mirrors = {
        _enveloped(_mirror(t, _strict, names, t.TEMPLATE), t.TEMPLATE): t
        for t in TEMPLATES.values()
    }
    check = msgspec_module.json.Decoder(functools.reduce(operator.or_, mirrors)).decode
    convert = msgspec_module.convert

    def read(text: str | bytes) -> Report:
        checked = check(text)
        report: Report = convert(checked, mirrors[type(checked)], from_attributes=True)
        return report

    return read


def _generate_writer() -> Callable[[Report], bytes]:
    """Write a report's compact JSON text from a mirror with its fields' own types, in C."""
    names: dict[type, type] = {}
    mirrors = {t: _mirror(t, lambda tp: tp, names, t.TEMPLATE) for t in TEMPLATES.values()}
    encode = msgspec_module.json.Encoder().encode
    convert = msgspec_module.convert

    def write(report: Report) -> bytes:
        text: bytes = encode(convert(report, mirrors[type(report)], from_attributes=True))
        return text

    return write


#: The msgspec reader and writer, each made on its first call.
_READ = deferred(_generate_reader)
_WRITE = deferred(_generate_writer)


def _read_checked(text: str | bytes | bytearray) -> Report | None:
    """The report ``text`` holds if the strict mirrors find it well formed, else ``None``."""
    try:
        return _READ(text)
    except (msgspec_module.MsgspecError, RecursionError, UnicodeEncodeError):
        return None  # the reference will explain (a lone surrogate: not UTF-8)


def _written(report: Report, indent: int | None) -> str | None:
    """``report``'s JSON text from msgspec, or ``None`` where it cannot write it as json would.

    msgspec writes every other value as the standard library does: the tests
    compare the two on generated reports.
    """
    try:
        text = _WRITE(report)
    except (msgspec_module.MsgspecError, UnicodeEncodeError):  # a lone surrogate
        return None
    if indent is not None:
        text = msgspec_module.json.format(text, indent=indent)
    return text.decode()


def structurer(report_type: type[Report]) -> Callable[[dict[str, Any]], Report]:
    """The generated function that builds a ``report_type`` from well-formed data."""
    return _STRUCTURE[report_type]


def unstructurer(report_type: type[Report]) -> Callable[[Report], dict[str, Any]]:
    """The generated function that gives a ``report_type``'s JSON-ready data."""
    return _UNSTRUCTURE[report_type]


def unstructure(report: Report) -> dict[str, Any]:
    """Turn a report into JSON-ready data, ``template`` first."""
    return _UNSTRUCTURE[type(report)](report)


def _report_type(data: object) -> tuple[type[Report], dict[str, Any]]:
    if not isinstance(data, dict):
        raise JSONFormatError(f"expected a JSON object, got {type(data).__name__}")
    body = data.copy()
    template = body.pop("template", None)
    if not ENVELOPE_KEYS.isdisjoint(body):
        body = {k: v for k, v in body.items() if k not in ENVELOPE_KEYS}
    report_type = TEMPLATES.get(template) if isinstance(template, str) else None
    if report_type is None:
        known = ", ".join(sorted(TEMPLATES))
        raise JSONFormatError(f"$.template: expected one of {known}, got {template!r}")
    return report_type, body


def _quick(report_type: type[Report], body: dict[str, Any]) -> Report | None:
    """The report when ``body`` is well formed, else ``None`` (the converter will explain).

    The generated code raises ``_MalformedError`` where the data is not a
    report, and the leaf hooks ``ValueError``; anything else is a defect and
    goes through.
    """
    try:
        return _STRUCTURE[report_type](body)
    except (_MalformedError, ValueError):
        return None


def structure(data: object) -> Report:
    """Build a report from JSON-ready data, dispatching on ``template``.

    Raises:
        JSONFormatError: ``data`` is not a report; every problem with its path.
    """
    report_type, body = _report_type(data)
    report = _quick(report_type, body)
    if report is not None:
        return report
    try:
        report = converter().structure(body, report_type)
    except cattrs.BaseValidationError as exc:
        problems = cattrs.transform_error(exc, format_exception=_format_exception)
        raise JSONFormatError("; ".join(problems)) from None
    except RecursionError:  # data nested deeper than any report, built in Python
        raise JSONFormatError("nested too deeply to be a report") from None
    return report


def dumps(data: object, *, indent: int | None = 2) -> str:
    """JSON text of ``data``: UTF-8 characters as themselves, compact when ``indent`` is None.

    orjson writes it when installed (the ``json`` extra), byte for byte what the
    standard library writes here.
    """
    if orjson_module is not None and indent in (None, 2):
        try:
            option = orjson_module.OPT_INDENT_2 if indent else 0
            text: str = orjson_module.dumps(data, option=option).decode()
        except TypeError:  # an integer beyond 64 bits, a lone surrogate
            pass
        else:
            return text
    separators = (",", ":") if indent is None else None
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """Serialize a report to JSON text.

    Keys follow the data dictionary; blank cells are ``null``; money is a
    decimal string (``"0.5"``); dates are ISO strings. ``indent=None`` gives
    one compact line.

    Examples:
        >>> import govinfo
        >>> text = govinfo.to_json(govinfo.ReportV2021(), indent=None)
        >>> text[:36]
        '{"template":"v2021","meta":{"title":'
    """
    if msgspec_module is not None and indent in (None, 2):
        text = _written(report, indent)
        if text is not None:
            return text
    return dumps(unstructure(report), indent=indent)


def to_dict(report: Report) -> dict[str, Any]:
    """The JSON form of a report as Python data: what ``json.loads(to_json(report))`` gives.

    Examples:
        >>> import govinfo
        >>> data = govinfo.to_dict(govinfo.parse_example().report)
        >>> data["template"], data["active"]["licensing"], data["active"]["fees"]
        ('v2021', {'decisions': 146}, {'amount': '0'})
    """
    return unstructure(report)


def from_dict(data: Mapping[str, Any]) -> Report:
    """Read a report from its JSON form as Python data ([`to_dict`][govinfo.to_dict], json.load).

    ``data`` is read as [`from_json`][govinfo.from_json] reads the text, and is
    not changed.

    Raises:
        JSONFormatError: ``data`` is not a report; the message names every
            offending path (``$.requests.new.total``).
    """
    given: object = data  # at run time anything: structure() says what is not a report
    if isinstance(given, Mapping) and not isinstance(given, dict):
        given = dict(given)
    return structure(given)


def from_json(text: str | bytes) -> Report:
    """Read a report from JSON text written by [`to_json`][govinfo.to_json] (or the CLI).

    Raises:
        JSONFormatError: the text is not JSON, or not a report; the message
            names every offending path (``$.requests.new.total``). Integers
            beyond 64 bits and JSON nested deeper than the reader's stack
            are refused so too.
        TypeError: ``text`` is no text (a dict: read it with [`from_dict`][govinfo.from_dict]).
    """
    if not isinstance(text, str | bytes | bytearray):
        raise TypeError(
            f"from_json reads JSON text (str or bytes), not a {type(text).__name__}: "
            "for data as json.load gives it, use govinfo.from_dict"
        )
    if msgspec_module is not None:
        report = _read_checked(text)
        if report is not None:
            return report
    # The standard library is the reference reader: it reads UTF-16/32 bytes,
    # explains integers beyond 64 bits, and its errors are the ones reported.
    try:
        data = json.loads(text)
    except RecursionError:
        raise JSONFormatError("not a report: JSON nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, a 4,300-digit integer
        raise JSONFormatError(f"not JSON: {exc}") from None
    if isinstance(text, str):
        suspect = _SURROGATE_IN_TEXT.search(text) is not None
    else:  # UTF-16 and UTF-32 (a zero byte among the first four) hide their escapes
        suspect = b"\0" in text[:4] or _SURROGATE_IN_BYTES.search(text) is not None
    if suspect:
        _refuse_surrogates(data)
    return structure(data)


# orjson refuses lone surrogates; the standard library reads a "\ud800" escape
# (and a str may hold one as it is) into a string no UTF-8 output can write.
_SURROGATE_IN_TEXT = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")
_SURROGATE_IN_BYTES = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_surrogates(data: object) -> None:
    """Raise JSONFormatError naming each string of ``data`` that holds a lone surrogate."""
    found: list[str] = []
    stack: list[tuple[str, object]] = [("$", data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, str):
            m = _SURROGATE.search(node)
            if m:
                found.append(f"a lone surrogate (U+{ord(m[0]):04X}) is no character @ {path}")
        elif isinstance(node, dict):
            stack.extend((f"{path}.{key}", value) for key, value in node.items())
            stack.extend((f"{path} (a key)", key) for key in node)
        elif isinstance(node, list):
            stack.extend((f"{path}[{i}]", value) for i, value in enumerate(node))
    if found:
        raise JSONFormatError("; ".join(sorted(found)))
