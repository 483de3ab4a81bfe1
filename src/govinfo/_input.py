"""Reading report files into text."""

from __future__ import annotations

import importlib.resources
import os

from govinfo._errors import InputError
from govinfo._parse import ParseResult, parse

EXAMPLE = "example_v2021.txt"


def decode(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode report bytes: UTF-8 (with or without BOM), else GB18030."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name}: cannot decode as UTF-8 or GB18030")


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a report file as text.

    Raises:
        InputError: the file cannot be read or decoded.
    """
    try:
        with open(path, "rb") as fh:  # noqa: PTH123 - accepts any PathLike
            data = fh.read()
    except OSError as exc:
        raise InputError(f"{os.fspath(path)}: {exc.strerror or exc}") from None
    return decode(data, name=os.fspath(path))


def example_text() -> str:
    """The bundled example report (a real 2023 report in the 2021 template)."""
    data = importlib.resources.files("govinfo").joinpath("data")
    return data.joinpath(EXAMPLE).read_text("utf-8")


def parse_file(path: str | os.PathLike[str], *, template: str | None = None) -> ParseResult:
    """Read and parse one report file.

    Args:
        path: a text file of the report.
        template: a template id to force; detected when ``None``.

    Raises:
        InputError: the file cannot be read or decoded.
        UnknownTemplateError: ``template`` is not a known template id.
    """
    return parse(read_text(path), template=template)
