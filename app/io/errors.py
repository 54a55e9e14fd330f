"""The refusals of file reading and writing, each with a message a person can act on.

Like the domain's errors (``app.core.errors``), and without importing them: a refusal has an
English ``template`` marked for Qt's translation tools and its ``params``; the window and the
command line translate ``template`` in context ``"Errors"`` and fill in ``params``, whatever
the layer that raised it.
"""

from __future__ import annotations

from typing import Any

ERRORS_CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


class FileRefused(Exception):
    """Base of every refusal of ``app.io``: a file that cannot be read or written as asked."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def __str__(self) -> str:
        return self.message


class RosterError(FileRefused):
    """A roster file that cannot be imported; nothing was written."""
