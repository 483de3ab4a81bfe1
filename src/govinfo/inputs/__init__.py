"""Bytes and files to a ``Document`` (internal).

Holds: ``document`` (prose blocks and tables of cells), ``decode`` (bytes to
text), ``html``, ``docx`` and ``pdf`` (the adapters), ``load`` (file kinds,
size limits, reading files, the bundled example).

May import: ``models`` and ``templates``, and the leaf modules. Not
``reading``: an adapter says what the file holds (cells with their row,
column and spans), never what a cell means.
"""
