"""Errors the domain raises, each with a message a person can act on.

The base, ``HuoqunError`` (an English template marked for translation, and its parameters),
is the store's (``app.store.errors``): the store raises the same kind of error, and the
window and the CLI show both alike.
"""

from __future__ import annotations

from app.store.errors import ERRORS_CONTEXT, QT_TRANSLATE_NOOP, HuoqunError

__all__ = [
    "ERRORS_CONTEXT",
    "QT_TRANSLATE_NOOP",
    "Cancelled",
    "HuoqunError",
    "NotFound",
    "ValidationError",
]


class ValidationError(HuoqunError):
    """Input the domain refuses; nothing was written."""


class NotFound(HuoqunError):
    """A record that no longer exists."""


class Cancelled(Exception):
    """A long job was cancelled by the person running it; its transaction is rolled back."""
