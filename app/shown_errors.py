"""What the window and the command line need of an error to show it: a template and its params.

The domain (``app.core.errors``), the files (``app.io.errors``) and the database
(``app.store``) each raise their own errors, without importing one another; each has an
English ``template`` marked for translation in context ``"Errors"`` and the ``params`` that
fill it in. Whoever shows an error asks for that shape, not for a base class.
"""

from __future__ import annotations

from typing import Any, Protocol, TypeGuard


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
