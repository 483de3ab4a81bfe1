"""A report to bytes and back (internal).

Holds: ``json`` (one cattrs converter and the generated fast path),
``schema`` (JSON Schema), ``render`` (text, Markdown, HTML, terminal tables),
``records`` (tidy rows and CSV) and ``arrow`` (Arrow, Parquet, pandas).

May import: ``conversion`` and everything below it.
"""
