"""govinfo's exceptions: every failure a user can meet is one of these."""

from __future__ import annotations


class GovinfoError(Exception):
    """Base class of every error govinfo raises on purpose."""


class InputError(GovinfoError):
    """The input cannot be read (missing file, undecodable bytes)."""


class UnknownTemplateError(GovinfoError, ValueError):
    """A template id that govinfo does not know."""


class JSONFormatError(GovinfoError, ValueError):
    """JSON that is not a govinfo report; the message lists every problem with its path."""
