"""The red line under a form that says why input was refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.shown_errors import ShownError
from app.ui.error_messages import error_text

ERROR_STYLE = "color: #b03a2e;"


class ErrorLabel(QLabel):
    """Hidden while there is nothing to say; shows a refusal in the interface language."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, error: ShownError | str) -> None:
        """Say why; an empty text hides the line."""
        text = error if isinstance(error, str) else error_text(error)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.show_error("")
