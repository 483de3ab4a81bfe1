"""From bytes or text to a :class:`Document`: the file type decides the input adapter."""

from __future__ import annotations

import os

from govinfo._decode import decode
from govinfo._document import Document, Kind
from govinfo._errors import InputTooLargeError, UnsupportedFormatError
from govinfo._html import from_html, looks_like_html

_SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
_UNSUPPORTED = {
    ".doc": "Word 97-2003 .doc files are not read; save the file as .docx",
    ".wps": "WPS .wps files are not read; save the file as .docx",
    ".xls": "spreadsheets are not read",
    ".xlsx": "spreadsheets are not read",
}


def _kind(data: bytes, suffix: str) -> Kind:
    if suffix in _UNSUPPORTED:
        raise UnsupportedFormatError(_UNSUPPORTED[suffix])
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormatError(_UNSUPPORTED[".doc"])
    return _SUFFIXES.get(suffix, "text")


#: Inputs larger than this are refused unless a larger ``max_bytes`` is given.
DEFAULT_MAX_BYTES = 50 * 2**20


def check_size(size: int, max_bytes: int | None, name: str) -> None:
    """Refuse an input over the limit with a clear error."""
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if size > limit:
        raise InputTooLargeError(
            f"{name}: {size:,} bytes is over the limit of {limit:,} (pass max_bytes= to raise it)"
        )


def load(source: str | bytes, *, name: str = "<input>", max_bytes: int | None = None) -> Document:
    """Turn report text or file bytes into the document the parser reads.

    Raises:
        InputTooLargeError: ``source`` is over ``max_bytes`` (default 50 MiB;
            text counts 3 bytes a character).
    """
    check_size(len(source) * (3 if isinstance(source, str) else 1), max_bytes, name)
    if isinstance(source, str):
        return from_html(source, name=name) if looks_like_html(source) else Document(source)
    kind = _kind(source, os.path.splitext(name)[1].lower())  # noqa: PTH122 - name may be "<input>"
    if kind == "pdf":
        from govinfo._pdf import from_pdf  # noqa: PLC0415 - optional extra

        return from_pdf(source)
    if kind == "docx":
        from govinfo._docx import from_docx  # noqa: PLC0415 - optional extra

        return from_docx(source)
    if kind == "html":
        return from_html(source, name=name)
    text, _ = decode(source, name=name)
    return from_html(text, name=name) if looks_like_html(text) else Document(text)
