"""govinfo's exceptions: every failure a user can meet on purpose is one of these.

::

    GovinfoError
    ├── InputError                 the input cannot be read
    │   ├── DecodeError            bytes in no encoding govinfo can tell with confidence
    │   ├── InputTooLargeError     an input over its budget (max_bytes)
    │   └── UnsupportedFormatError a file type govinfo does not read
    ├── MissingExtraError          an optional extra (pdf, ocr, arrow, pandas) is missing
    ├── MixedInputError            reports that cannot be combined (aggregate, series)
    ├── UnknownTemplateError       a template id govinfo does not know
    └── JSONFormatError            JSON that is not a govinfo report
"""

from __future__ import annotations

from govinfo._version import DISTRIBUTION


class GovinfoError(Exception):
    """Base class of every error govinfo raises on purpose."""


class InputError(GovinfoError):
    """The input cannot be read (missing file, undecodable bytes, corrupt file)."""


class DecodeError(InputError):
    """Bytes whose encoding cannot be determined with confidence (never decoded as mojibake)."""


class InputTooLargeError(InputError):
    """An input over its budget, ``max_bytes``: larger than it, or costing more to read.

    Besides the input's own size, ``max_bytes`` bounds what is made from it:
    a .docx's parts as inflated, a PDF's content streams as decompressed, and
    in proportion the operators of a PDF page and the grid cells that tables
    span. Reports are rarely over 5 MB.
    """


class UnsupportedFormatError(InputError):
    """A file type govinfo does not read."""


class MissingExtraError(GovinfoError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""

    @classmethod
    def needs(cls, extra: str, what: str) -> MissingExtraError:
        """The error for ``what`` ("reading .pdf files") without the extra ``extra``."""
        return cls(f"{what} needs the {extra!r} extra: pip install '{DISTRIBUTION}[{extra}]'")


class MixedInputError(GovinfoError, ValueError):
    """Reports that cannot be combined (different templates, agencies, duplicate years)."""


class UnknownTemplateError(GovinfoError, ValueError):
    """A template id that govinfo does not know."""


class JSONFormatError(GovinfoError, ValueError):
    """JSON that is not a govinfo report; the message lists every problem with its path."""
