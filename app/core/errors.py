"""Errors the domain raises, each with a message a person can act on.

Messages are English templates marked for Qt's translation tools without importing Qt:
``lupdate`` finds calls to a function named ``QT_TRANSLATE_NOOP`` in any Python file.
The window translates ``template`` in context ``"Errors"`` and fills in ``params``.
"""

from __future__ import annotations

from app.shown_errors import ERRORS_CONTEXT, QT_TRANSLATE_NOOP, MessageError

__all__ = [
    "ERRORS_CONTEXT",
    "QT_TRANSLATE_NOOP",
    "Cancelled",
    "HuoqunError",
    "NotFound",
    "ValidationError",
]


class HuoqunError(MessageError):
    """Base of every error of the domain a person is shown."""


class ValidationError(HuoqunError):
    """Input the domain refuses; nothing was written."""


class NotFound(HuoqunError):
    """A record that no longer exists."""


class Cancelled(Exception):
    """A long job was cancelled by the person running it; its transaction is rolled back."""
