"""Reading report files into text."""

from __future__ import annotations

import importlib.resources
import os

from govinfo._errors import InputError
from govinfo._load import check_size, load
from govinfo._parse import ParseResult, parse_document

EXAMPLE = "example_v2021.txt"


def read_bytes(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """Read a report file (refusing, before reading, one over ``max_bytes``).

    Raises:
        InputError: the file cannot be read, or is over the limit.
    """
    try:
        check_size(os.stat(path).st_size, max_bytes, os.fspath(path))  # noqa: PTH116
        with open(path, "rb") as fh:  # noqa: PTH123 - accepts any PathLike
            return fh.read()
    except OSError as exc:
        raise InputError(f"{os.fspath(path)}: {exc.strerror or exc}") from None


def example_text() -> str:
    """The bundled example report (a real 2023 report in the 2021 template)."""
    data = importlib.resources.files("govinfo").joinpath("data")
    return data.joinpath(EXAMPLE).read_text("utf-8")


def parse_file(
    path: str | os.PathLike[str], *, template: str | None = None, max_bytes: int | None = None
) -> ParseResult:
    """Read and parse one report file: ``.txt``, ``.html``/``.htm``, ``.docx`` or ``.pdf``.

    The type comes from the file's content where it tells (PDF, Word), else
    from its suffix; text is decoded from UTF-8, GB18030/GBK or Big5.

    Args:
        path: the report file.
        template: a template id to force; detected when ``None``.
        max_bytes: refuse larger files (default 50 MiB).

    Raises:
        InputError: the file cannot be read, decoded, is too large or is of a
            type govinfo does not read (:class:`DecodeError`,
            :class:`InputTooLargeError`, :class:`UnsupportedFormatError`).
        MissingExtraError: a ``.docx`` or ``.pdf`` file without the extra installed.
        UnknownTemplateError: ``template`` is not a known template id.
    """
    data = read_bytes(path, max_bytes=max_bytes)
    document = load(data, name=os.fspath(path), max_bytes=max_bytes)
    return parse_document(document, template=template)
