"""What the window and the command line need of an error to show it: a template and its params.

The domain (``app.core.errors``), the files (``app.io.errors``) and the database
(``app.store``) each raise their own errors, without importing one another; each has an
English ``template`` marked for translation in context ``"Errors"`` and the ``params`` that
fill it in. Whoever shows an error asks for that shape, not for a base class.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeGuard

ERRORS_CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged.

    Messages are English templates marked for Qt's translation tools without importing Qt:
    ``lupdate`` finds calls to a function named ``QT_TRANSLATE_NOOP`` in any Python file.
    """
    return text


class ShownError(Protocol):
    """An error with a message for a person: ``template`` filled in with ``params``."""

    template: str
    params: dict[str, Any]


def is_shown(exc: object) -> TypeGuard[ShownError]:
    """True for an error that carries its own message for a person (not a bug)."""
    return isinstance(exc, Exception) and (
        isinstance(getattr(exc, "template", None), str)
        and isinstance(getattr(exc, "params", None), dict)
    )


class MessageError(Exception):
    """An error carrying its message for a person: ``template`` filled in with ``params``.

    A convenience base for the layers that may import it (core, io); what shows an error asks
    only for the ``ShownError`` shape.
    """

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def __str__(self) -> str:
        return self.message
