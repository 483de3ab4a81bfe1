"""From bytes or text to a ``Document``: the file type decides the input adapter."""

from __future__ import annotations

import importlib.resources
import os
import stat
from typing import Protocol, TypeAlias

import attrs

from govinfo._diagnostics import SUFFIX_MISMATCH
from govinfo._errors import DecodeError, InputError, InputTooLargeError, UnsupportedFormatError
from govinfo.inputs.decode import declared_charset, decode
from govinfo.inputs.document import Budget, Document, Kind, Note, scrub
from govinfo.inputs.html import from_html, looks_like_html

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


#: What a file of a binary kind starts with.
_MAGIC: dict[Kind, tuple[bytes, str]] = {
    "pdf": (b"%PDF", "a PDF (no %PDF header)"),
    "docx": (b"PK\x03\x04", "a .docx file (not a ZIP package)"),
}


def _kind(data: bytes, suffix: str, name: str) -> Kind:
    """What ``data`` is: a binary format its bytes announce, else what the suffix says.

    A suffix of a binary format the bytes do not announce says nothing: the
    bytes are read as text (or HTML, when they are a page).
    """
    if suffix in _UNSUPPORTED:
        raise UnsupportedFormatError(f"{name}: {_UNSUPPORTED[suffix]}")
    for kind, (magic, _) in _MAGIC.items():
        if data.startswith(magic):
            return kind
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormatError(f"{name}: {_UNSUPPORTED['.doc']}")
    kind = _SUFFIXES.get(suffix, "text")
    return "text" if kind in _MAGIC else kind


def _declares_charset(data: bytes) -> bool:
    """Bytes of an HTML page that declares its charset: the page decodes them by it."""
    # Latin-1 decodes any bytes, and keeps the ASCII of the tags as it is.
    return declared_charset(data) is not None and looks_like_html(data[:2048].decode("latin-1"))


def check_size(size: int, max_bytes: int | None, name: str) -> None:
    """Refuse an input over the limit with a clear error."""
    limit = Budget.of(max_bytes).max_bytes
    if size > limit:
        raise InputTooLargeError(
            f"{name}: {size:,} bytes is over the limit of {limit:,} (pass max_bytes= to raise it)"
        )


def load(source: str | bytes, *, name: str = "<input>", max_bytes: int | None = None) -> Document:
    """Turn report text or file bytes into the document the parser reads.

    Raises:
        InputTooLargeError: ``source`` is over ``max_bytes`` (default 50 MiB;
            text counts 3 bytes a character), or reading it would cost more
            than that budget allows (``Budget``).
    """
    check_size(len(source) * (3 if isinstance(source, str) else 1), max_bytes, name)
    budget = Budget.of(max_bytes)
    if isinstance(source, str):
        if not looks_like_html(source):
            return Document.of_text(source)  # parsing scrubs what it reads
        # lxml stops reading a string at a lone surrogate: scrub it first.
        source, notes = scrub(source, "the page")
        document = from_html(source, name=name, budget=budget)
        return attrs.evolve(document, notes=notes + document.notes) if notes else document
    suffix = os.path.splitext(name)[1].lower()  # noqa: PTH122 - name may be "<input>"
    kind = _kind(source, suffix, name)
    if kind == "pdf":
        from govinfo.inputs.pdf import from_pdf  # noqa: PLC0415 - optional extra

        return from_pdf(source, budget=budget, name=name)
    if kind == "docx":
        from govinfo.inputs.docx import from_docx  # noqa: PLC0415 - loaded for .docx files only

        return from_docx(source, budget=budget, name=name)
    promised = _SUFFIXES.get(suffix)
    if promised not in _MAGIC:
        return _from_text_bytes(source, kind, name, budget)
    # Named as a binary format its bytes are not: read them as what they are.
    not_it = f"{name}: not {_MAGIC[promised][1]}"
    try:
        document = _from_text_bytes(source, kind, name, budget)
    except DecodeError as exc:
        raise DecodeError(f"{not_it}, nor text: {str(exc).removeprefix(f'{name}: ')}") from None
    read_as = "HTML" if document.kind == "html" else "text"
    note = Note(SUFFIX_MISMATCH, f"{not_it}: read as {read_as}")
    return attrs.evolve(document, notes=(note, *document.notes))


def _from_text_bytes(source: bytes, kind: Kind, name: str, budget: Budget) -> Document:
    """A text or HTML file's bytes (``kind`` says which, or the bytes show a page)."""
    if kind == "html" or _declares_charset(source):
        return from_html(source, name=name, budget=budget)
    text, _ = decode(source, name=name)
    if looks_like_html(text):
        return from_html(text, name=name, budget=budget)
    return Document.of_text(text)


EXAMPLE = "example_v2021.txt"


def display_name(path: str | os.PathLike[str]) -> str:
    r"""A file name as text any output can hold.

    A name in a legacy encoding (GBK bytes from a zip made on Chinese Windows)
    reaches Python as lone surrogates, which no UTF-8 output can write. Each
    folder or file name of the path that is not UTF-8 is shown with every
    byte outside ASCII as ``\xNN`` (even where some happen to read as UTF-8).

    Examples:
        >>> display_name(b"\xc4\xea\xb1\xa8.txt".decode("utf-8", "surrogateescape"))
        '\\xc4\\xea\\xb1\\xa8.txt'
        >>> display_name("年报/" + b"\xc4\xea.txt".decode("utf-8", "surrogateescape"))
        '年报/\\xc4\\xea.txt'
    """
    name = os.fspath(path)
    try:
        raw = os.fsencode(name)
    except UnicodeEncodeError:  # surrogates no file system gave: escape them as they are
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return "/".join(map(_escaped, raw.split(b"/")))


def _escaped(part: bytes) -> str:
    try:
        return part.decode("utf-8")
    except UnicodeDecodeError:
        return part.decode("ascii", "backslashreplace")


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """Read a report file (refusing, before reading, one over ``max_bytes``).

    Only a regular file is read (a symbolic link to one too): a FIFO, a device
    (``/dev/zero``) or a socket is refused before it is opened, so reading
    never waits for a writer or reads without end.

    Raises:
        InputError: the file cannot be read, is not a regular file, or is
            over the limit.
    """
    name = display_name(path)
    try:
        info = os.stat(path)  # noqa: PTH116 - accepts any PathLike
        if not stat.S_ISREG(info.st_mode):
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else "a FIFO, device or socket"
            raise InputError(f"{name}: not a regular file ({kind})")
        check_size(info.st_size, max_bytes, name)
        with open(path, "rb") as fh:  # noqa: PTH123 - accepts any PathLike
            # The file may have grown since: read no more than the limit allows.
            data = fh.read(Budget.of(max_bytes).max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: {exc.strerror or exc}") from None
    check_size(len(data), max_bytes, name)
    return data


class BinaryReader(Protocol):
    """A binary file object: ``open(path, "rb")``, ``io.BytesIO``, an HTTP response."""

    def read(self, size: int = ..., /) -> bytes:
        """Up to ``size`` bytes."""
        ...


Source: TypeAlias = str | bytes | os.PathLike[str] | BinaryReader
"""What ``govinfo.parse`` reads: text, bytes, a path or a binary file object."""


def read_source(source: Source, *, max_bytes: int | None = None) -> tuple[str | bytes, str | None]:
    """The text or bytes of ``source``, and the name of the file it is (``None``: no file).

    A path is read as ``read_bytes`` reads it; a file object no further
    than ``max_bytes`` allows, from where it stands.

    Raises:
        TypeError: ``source`` is none of these (a text file object among them).
        InputError: the file cannot be read or is over the limit.
    """
    if isinstance(source, str | bytes):
        return source, None
    if isinstance(source, os.PathLike):
        return read_bytes(source, max_bytes=max_bytes), os.fspath(source)
    read = getattr(source, "read", None)
    data = read(Budget.of(max_bytes).max_bytes + 1) if callable(read) else None
    if not isinstance(data, bytes):
        got = type(source).__name__
        if isinstance(data, str):
            got += " (a text file: open it with 'rb', and govinfo tells its encoding)"
        raise TypeError(
            "parse() reads the report's text (str), its bytes, a path (os.PathLike) "
            f"or a binary file object; got {got}"
        )
    name = getattr(source, "name", None)
    name = name if isinstance(name, str) else None
    check_size(len(data), max_bytes, name or "<input>")
    return data, name


def example_text() -> str:
    """The bundled example report (a real 2023 report in the 2021 template)."""
    data = importlib.resources.files("govinfo").joinpath("data")
    return data.joinpath(EXAMPLE).read_text("utf-8")
