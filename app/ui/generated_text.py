"""Texts Huoqun wrote, shown in the interface language (see ``app.core.generated_text``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core import care, generated_text, tiers

# the ways of recognition as the care dialog names them (its context: one translation)
RECOGNITION_CONTEXT = "CareNoteDialog"
RECOGNITIONS = {
    "thanks": QT_TRANSLATE_NOOP("CareNoteDialog", "Public thanks"),
    "title": QT_TRANSLATE_NOOP("CareNoteDialog", "A title or role"),
    "gift": QT_TRANSLATE_NOOP("CareNoteDialog", "A gift"),
}


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def shown(key: str, args: str | Mapping[str, str], stored: str) -> str:
    """A stored text as the interface shows it: Huoqun's in the interface language, the
    operator's (``key`` "") as typed."""
    return generated_text.render(key, args, stored, _translate)


def text_shown(text: str) -> str:
    """A text a core service returned, not stored yet (say, a suggestion computed on demand):
    a ``Generated`` in the interface language, any other as it is."""
    key, args = generated_text.stored(text)
    return shown(key, args, text)


def task_title(task: Any) -> str:
    """The title of a task (a ``Task`` or a ``queue.TaskRow``) in the interface language."""
    return shown(task.title_key, task.title_args, task.title)


def task_notes(task: Any) -> str:
    """The notes of a task (a ``Task`` or a ``queue.TaskRow``) in the interface language: a
    suggestion's reason as Huoqun wrote it, the operator's as typed."""
    return shown(task.notes_key, task.notes_args, task.notes)


def show_default_tiers() -> None:
    """The tiers Huoqun named get their names in the interface language (at the window's start)."""
    tiers.show_default_tiers_in(_translate)


def outcome_text(kind: str, outcome: str) -> str:
    """A task's outcome or an interaction's note as the interface shows it: the codes Huoqun
    writes there ("removed" when a removal task is done by marking the member removed, and a
    recognition's "[how]") in the interface language, the operator's words as typed."""
    if kind == "spam_sweep" and outcome == "removed":
        return shown("outcome.removed", {}, outcome)
    if kind == "recognition" and outcome.startswith("["):
        how, text = care.split_recognition(outcome)
        if how in RECOGNITIONS:
            word = QCoreApplication.translate(RECOGNITION_CONTEXT, RECOGNITIONS[how])
            return f"{word} · {text}" if text else word
    return outcome
