"""The window's one notice area: a line in the status bar, always there and always as tall.

What came due shows here as one line (one task, or "3 tasks due — Open the Queue") with its
button and a ×. The area keeps its size whether it shows a notice or not, and the status bar
keeps its height, so a notice never moves the panels under the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

AREA_STYLE = (
    "QFrame#noticeArea[showing=true] { background: #fdf2d0; border: 1px solid #e0c36a;"
    " border-radius: 4px; }"
)


class NoticeArea(QFrame):
    """One notice at a time: a line of text, the button that acts on it, and a ×."""

    openRequested = Signal()  # noqa: N815 - the notice's button
    dismissed = Signal()  # the ×

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeArea")
        self.setStyleSheet(AREA_STYLE)
        self.label = QLabel()
        self.label.setObjectName("noticeText")
        self.open_button = QPushButton()
        self.open_button.setObjectName("noticeOpenButton")
        self.open_button.clicked.connect(self.openRequested.emit)
        self.close_button = QToolButton()
        self.close_button.setObjectName("noticeCloseButton")
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismissed.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 2, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.open_button)  # right after the words it acts on
        layout.addStretch(1)
        layout.addWidget(self.close_button)
        self.setFixedHeight(self.sizeHint().height())  # as tall empty as showing a notice
        self.show_notice("", "")

    def show_notice(self, text: str, button: str) -> None:
        """Show ``text`` with a button reading ``button``; empty text clears the area."""
        showing = bool(text)
        self.setProperty("showing", showing)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.label.setToolTip(text)
        self.open_button.setText(button)
        for part in (self.label, self.open_button, self.close_button):
            part.setVisible(showing)

    def text(self) -> str:
        """What the area says now ("" when it shows nothing)."""
        return self.label.text() if self.label.isVisibleTo(self) else ""
