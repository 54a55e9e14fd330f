"""What the command line says, in the interface language: Settings' language, else the terminal's.

The window's compiled translations (resources/i18n) are read by a QTranslator asked directly:
the command line makes no QCoreApplication to install one in. QtCore loads with the first
message, so ``--help`` and usage errors do not wait for it. Only the words change: ``--json``
output keeps its keys and codes.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from app.core.errors import ERRORS_CONTEXT
from app.core.generated_text import render, stored
from app.paths import RESOURCES
from app.shown_errors import ShownError

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

CONTEXT = "Cli"
_chosen = ""  # "zh_CN", "en", or "" while the terminal decides
_loaded: dict[str, QTranslator] = {}  # language -> its translator, loaded on first use


def system_language() -> str:
    """zh_CN when the terminal's locale is Chinese, else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def choose(language: str) -> None:
    """Speak ``language`` ("zh_CN" or "en"; "" follows the terminal) from now on.

    The command line calls it with Settings' language once the database is open.
    """
    global _chosen
    _chosen = ("zh_CN" if language.startswith("zh") else "en") if language else ""


def language() -> str:
    """The language the command line speaks now: "zh_CN" or "en"."""
    return _chosen or system_language()


def translate(context: str, text: str, n: int = -1) -> str:
    """``text`` of ``context`` in the current language; "%n" becomes ``n`` when given."""
    code = language()
    translator = _loaded.get(code)
    if translator is None:
        from PySide6.QtCore import QTranslator

        translator = QTranslator()
        translator.load(str(RESOURCES / "i18n" / f"huoqun_{code}.qm"))  # missing: English
        _loaded[code] = translator
    found = translator.translate(context, text, None, n) or text
    return found.replace("%n", str(n)) if n >= 0 else found


class Cli:
    """``Cli.tr(text)``: a message of the command line (context "Cli", as lupdate reads it)."""

    @staticmethod
    def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
        return translate(CONTEXT, text, n)


def sentence(context: str, template: str, params: dict[str, Any]) -> str:
    """A template of the domain (a finding, a bad row) translated, then filled in."""
    return translate(context, template).format(**params)


def generated(key: str, args: str | Mapping[str, str], stored: str) -> str:
    """A stored text as the window shows it (``app.core.generated_text``): Huoqun's in the
    current language, the operator's as typed; e.g. ``generated(row.title_key, row.title_args,
    row.title)`` for a task's title."""
    return render(key, args, stored, translate)


def _param_text(value: str) -> str:
    """A parameter in the current language: a text Huoqun wrote, or a word marked for it."""
    key, args = stored(value)
    return generated(key, args, value) if key else translate(ERRORS_CONTEXT, value)


def error_text(exc: ShownError) -> str:
    """The error's message in the current language (as the window's ``error_text``)."""
    params = {
        key: _param_text(value) if isinstance(value, str) else value
        for key, value in exc.params.items()
    }
    return sentence(ERRORS_CONTEXT, exc.template, params)


def padded(text: str, column: Iterable[str]) -> str:
    """``text`` padded to the widest of ``column`` as a terminal shows it (汉字 take two cells)."""
    return text + " " * (max(map(_cells, column)) - _cells(text))


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
