"""A document to a report: the parser (internal).

Holds: ``normalize`` (NFKC, t2s, pinyin, confusables, with an offset map),
``cells`` (documents laid out and split into cells and rows), ``labels`` (what
each label names, per template, and the per-parse lookup), ``align`` (the
rows found), ``fill`` (their cells put in their columns), ``recover``
(dropped cells placed by the invariants), ``numbers`` (reading one cell),
``prose`` (figures stated in sentences), ``meta``, ``sections``, ``spans``
(offsets, diagnostics and sources) and ``parse`` (``ParseResult``, ``parse``,
``parse_file``).

May import: ``inputs``, ``models``, ``templates`` and the leaf modules; not
``checks``, ``conversion`` or ``formats``. Every cache it keeps belongs to one
parse.
"""
