"""Core errors in the interface language, and telling the user about one."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core import generated_text
from app.core.errors import ERRORS_CONTEXT, HuoqunError
from app.io.errors import FileRefused
from app.shown_errors import ShownError

# What a person is shown in place when it refuses: the domain's and the store's errors
# (HuoqunError) and the files' (FileRefused); the layers keep their bases apart.
REFUSALS = (HuoqunError, FileRefused)

log = logging.getLogger(__name__)


def error_text(exc: ShownError) -> str:
    """The error's message in the interface language."""
    params = {
        key: _param_text(value) if isinstance(value, str) else value
        for key, value in exc.params.items()
    }
    return QCoreApplication.translate(ERRORS_CONTEXT, exc.template).format(**params)


def _param_text(value: str) -> str:
    """A parameter in the interface language: a text Huoqun wrote (``Generated``), or a word
    the domain marked for translation."""
    key, args = generated_text.stored(value)
    if key:
        return generated_text.render(key, args, value, QCoreApplication.translate)
    return QCoreApplication.translate(ERRORS_CONTEXT, value)


def interface_language() -> str:
    """The language the window speaks now: "zh_CN" or "en" (set with the translations)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def interactive() -> bool:
    """False on the offscreen platform (tests, CI), where nobody could answer a dialog."""
    return os.environ.get("QT_QPA_PLATFORM", "") not in ("offscreen", "minimal")


def tell_user(title: str, message: str, parent: QWidget | None = None) -> None:
    """A one-line message on stderr and, where someone can see it, in a dialog."""
    print(f"huoqun: {message}", file=sys.stderr)
    if interactive():
        QMessageBox.critical(parent, title, message)
