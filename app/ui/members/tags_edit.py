"""A line of comma-separated tags that completes the tag being typed from known tags."""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

# Chinese keyboards type full-width commas and the enumeration comma; all separate tags.
_SEPARATORS = re.compile(r"[,，、;；]")


def split_tags(text: str) -> list[str]:
    """The tags in ``text``: separated by commas (any width), trimmed, without repeats."""
    seen: dict[str, None] = {}
    for piece in _SEPARATORS.split(text):
        piece = piece.strip()
        if piece:
            seen.setdefault(piece, None)
    return list(seen)


class TagsEdit(QLineEdit):
    """Tags as ``a, b, c``; the last tag completes from the tags already in use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setWidget(self)
        self._completer.activated.connect(self._insert)
        self.textEdited.connect(self._complete)

    def set_known_tags(self, tags: list[str]) -> None:
        self._model.setStringList(tags)

    def completer_popup(self) -> QAbstractItemView:
        """The list of suggested tags (shown while a tag is typed)."""
        return self._completer.popup()

    def tags(self) -> list[str]:
        return split_tags(self.text())

    def set_tags(self, tags: list[str]) -> None:
        self.setText(", ".join(tags))

    def _current_piece(self) -> tuple[int, str]:
        text = self.text()[: self.cursorPosition()]
        starts = [m.end() for m in _SEPARATORS.finditer(text)]
        start = starts[-1] if starts else 0
        return start, text[start:].strip()

    def _complete(self, _text: str) -> None:
        _start, piece = self._current_piece()
        if not piece:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(piece)
        if self._completer.completionCount() == 0:
            self._completer.popup().hide()
            return
        self._completer.complete()

    def _insert(self, tag: str) -> None:
        start, _piece = self._current_piece()
        before = self.text()[:start]
        after = self.text()[self.cursorPosition() :]
        prefix = before.rstrip()
        if prefix:
            prefix += " "
        self.setText(prefix + tag + ", " + after.lstrip(" ,，、;；"))
        self.setCursorPosition(len(prefix + tag) + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Let the completer's popup take the keys that choose a completion."""
        if self._completer.popup().isVisible() and event.key() in (
            Qt.Key.Key_Enter,
            Qt.Key.Key_Return,
            Qt.Key.Key_Escape,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            event.ignore()
            return
        super().keyPressEvent(event)
