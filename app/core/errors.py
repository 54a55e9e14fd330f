"""Errors the domain raises, each with a message a person can act on.

Messages are English templates marked for Qt's translation tools without importing Qt:
``lupdate`` finds calls to a function named ``QT_TRANSLATE_NOOP`` in any Python file.
The window translates ``template`` in context ``"Errors"`` and fills in ``params``.
"""

from __future__ import annotations

from typing import Any

ERRORS_CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    return text


class HuoqunError(Exception):
    """Base of every error a person is shown."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def __str__(self) -> str:
        return self.message


class ValidationError(HuoqunError):
    """Input the domain refuses; nothing was written."""


class NotFound(HuoqunError):
    """A record that no longer exists."""


class Cancelled(Exception):
    """A long job was cancelled by the person running it; its transaction is rolled back."""
