"""The declaration vocabulary and its compiler (internal).

Holds: ``declare`` (stat/row/group/table and what a report class declares
beside its fields), ``spec`` (the compiled, immutable ``TemplateSpec``),
``invariants`` (rules as data, their expansion and verdict arithmetic),
``registry`` (every compiled template) and ``codegen`` (functions generated
from a declaration, registered with linecache).

May import: nothing of govinfo but the leaf modules ``_errors`` and
``_diagnostics``. It names no particular template: the models do.
"""
