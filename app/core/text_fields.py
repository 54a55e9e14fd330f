"""A typed-in text field checked the one way every editor wants it: stripped, required or not,
and no longer than its limit. The messages come from the caller, written at its own call site
as ``QT_TRANSLATE_NOOP`` so that lupdate finds them there."""

from __future__ import annotations

from typing import Any

from app.core.errors import ValidationError


def limited_text(value: Any, limit: int, too_long: str) -> str:
    """``value`` as stripped text ("" for none); ``too_long`` (a template with ``{max}``) if it
    has more than ``limit`` characters."""
    text = str(value or "").strip()
    if len(text) > limit:
        raise ValidationError(too_long, max=limit)
    return text


def required_text(value: Any, limit: int, empty: str, too_long: str) -> str:
    """``value`` as stripped text; ``empty`` if there is none, ``too_long`` as ``limited_text``."""
    text = limited_text(value, limit, too_long)
    if not text:
        raise ValidationError(empty)
    return text
