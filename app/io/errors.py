"""The refusals of file reading and writing, each with a message a person can act on.

Like the domain's errors (``app.core.errors``), and without importing them: a refusal has an
English ``template`` marked for Qt's translation tools and its ``params``; the window and the
command line translate ``template`` in context ``"Errors"`` and fill in ``params``, whatever
the layer that raised it (``app.shown_errors``).
"""

from __future__ import annotations

from app.shown_errors import ERRORS_CONTEXT, QT_TRANSLATE_NOOP, MessageError

__all__ = [
    "ERRORS_CONTEXT",
    "QT_TRANSLATE_NOOP",
    "ChatExportError",
    "FileRefused",
    "RosterError",
]


class FileRefused(MessageError):
    """Base of every refusal of ``app.io``: a file that cannot be read or written as asked."""


class RosterError(FileRefused):
    """A roster file that cannot be imported; nothing was written."""


class ChatExportError(FileRefused):
    """A chat-history export that cannot be read: not an export, damaged, or too large."""
