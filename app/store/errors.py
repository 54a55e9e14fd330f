"""Errors a person is shown, and the ones the store raises.

Messages are English templates marked for Qt's translation tools without importing Qt:
``lupdate`` finds calls to a function named ``QT_TRANSLATE_NOOP`` in any Python file.
The window translates ``template`` in context ``"Errors"`` and fills in ``params``.
The base lives here, at the bottom of the layers, so that the store (which imports nothing
else of app) raises the same kind of error the domain does; ``app.core.errors`` builds on it.
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


class StoreError(HuoqunError):
    """The database file or its backups refused or failed; the message says what to do."""


class BackupError(StoreError):
    """A backup could not be made or restored; the live database is as it was."""


class RestoreRefused(BackupError):
    """The chosen file cannot be restored; nothing was changed."""
