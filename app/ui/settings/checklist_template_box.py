"""Settings' "Meetup checklist template": the items a new meetup's checklist starts with."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import settings
from app.core.errors import HuoqunError
from app.ui.widgets.error_label import ErrorLabel


class ChecklistTemplateBox(QGroupBox):
    """One item per line, and Save; meetups already planned keep their checklist."""

    saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Meetup checklist template"), parent)
        self.setObjectName("checklistTemplateBox")
        self.explain = QLabel(
            self.tr("Every new meetup's checklist starts with these items, one per line.")
        )
        self.explain.setWordWrap(True)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("checklistTemplateEdit")
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveChecklistTemplateButton")
        self.save_button.clicked.connect(self.save)
        self.notice = QLabel()
        self.notice.setObjectName("checklistTemplateNotice")
        self.error = ErrorLabel("checklistTemplateError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.notice, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        self.edit.setPlainText("\n".join(settings.checklist_template()))
        self.notice.clear()
        self.error.clear_error()

    def save(self) -> None:
        items = self.edit.toPlainText().splitlines()
        try:
            settings.set_checklist_template(items)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.refresh()
        count = len(settings.checklist_template())
        self.notice.setText(self.tr("Saved %n item(s) for new meetups.", "", count))
        self.saved.emit()
