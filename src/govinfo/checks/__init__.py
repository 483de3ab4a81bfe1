"""A report to findings (internal).

Holds: ``validate`` (every invariant a template declares, strict and lenient
verdicts) and ``series`` (invariants between consecutive years).

May import: ``reading``, ``inputs``, ``models``, ``templates`` and the leaf modules.
"""
