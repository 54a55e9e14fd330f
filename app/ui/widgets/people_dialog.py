"""Everyone a health finding names, when its sentence shows only the first five."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class PeopleDialog(QDialog):
    """The finding's sentence, then every name in it, one a line; the names can be copied."""

    def __init__(self, sentence: str, people: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peopleDialog")
        self.setWindowTitle(self.tr("Everyone in this finding (%n)", "", len(people)))
        self.people = list(people)
        about = QLabel(sentence)
        about.setObjectName("peopleSentence")
        about.setWordWrap(True)
        self.names = QListWidget()
        self.names.setObjectName("peopleList")
        self.names.addItems(self.people)
        copy = QPushButton(self.tr("Copy the names"))
        copy.setObjectName("copyPeople")
        copy.setToolTip(self.tr("One name a line, to paste into a chat or a sheet"))
        copy.clicked.connect(self.copy_names)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.names, 1)
        layout.addWidget(buttons)
        self.resize(420, 480)
        self.names.setFocus(Qt.FocusReason.OtherFocusReason)

    def copy_names(self) -> None:
        """Put every name on the clipboard, one a line."""
        QGuiApplication.clipboard().setText("\n".join(self.people))
