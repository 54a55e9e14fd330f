"""Settings: the interface language and where the data lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core import settings
from app.paths import data_dir


class SettingsPanel(QWidget):
    """Preferences stored in the database; the language applies at the next start."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPanel")
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.setMinimumWidth(240)
        self.language.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language_note = QLabel()
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)

        appearance = QGroupBox(self.tr("Language"))
        form = QFormLayout(appearance)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow("", self.language_note)

        storage = QGroupBox(self.tr("Data"))
        storage_form = QFormLayout(storage)
        db_label = QLabel(str(db_path))
        db_label.setObjectName("databasePath")
        folder_label = QLabel(str(data_dir()))
        for label in (db_label, folder_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        storage_form.addRow(self.tr("Database file"), db_label)
        storage_form.addRow(self.tr("Data folder"), folder_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(appearance)
        layout.addWidget(storage)
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.refresh()

    def panel_title(self) -> str:
        return self.tr("Settings")

    def refresh(self) -> None:
        """Show the stored choices."""
        self.language.blockSignals(True)
        index = self.language.findData(settings.get("language") or "")
        self.language.setCurrentIndex(max(index, 0))
        self.language.blockSignals(False)
        self.language_note.clear()

    def _language_chosen(self) -> None:
        settings.put("language", self.language.currentData())
        self.language_note.setText(self.tr("The new language applies when Huoqun starts again."))
