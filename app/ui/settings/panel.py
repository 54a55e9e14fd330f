"""Settings: the interface language, where the data lives, backups and a full JSON export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core import json_export, settings
from app.paths import data_folder
from app.ui.changes import Change, announce, follow
from app.ui.jobs import run_job
from app.ui.settings.activity_box import ActivityBox
from app.ui.settings.backups_box import BackupsBox
from app.ui.settings.checklist_template_box import ChecklistTemplateBox
from app.ui.settings.daily_plan_box import DailyPlanBox
from app.ui.settings.pyramid_box import PyramidBox
from app.ui.settings.thresholds_box import ThresholdsBox
from app.ui.widgets.error_label import ErrorLabel


class SettingsPanel(QWidget):
    """Preferences stored in the database; the language applies at the next start."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(self, Change.SETTINGS | Change.TIERS)
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
        folder_label = QLabel(str(data_folder(db_path)))
        for label in (db_label, folder_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        storage_form.addRow(self.tr("Database file"), db_label)
        storage_form.addRow(self.tr("Data folder"), folder_label)
        self.json_button = QPushButton(self.tr("Export everything as JSON…"))
        self.json_button.setObjectName("jsonExportButton")
        self.json_button.setToolTip(
            self.tr("Every record in one JSON file, for another tool or for safekeeping")
        )
        self.json_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.json_button.clicked.connect(self.export_json)
        self.json_notice = QLabel()
        self.json_notice.setObjectName("jsonNotice")
        self.json_error = ErrorLabel("jsonError")
        storage_form.addRow("", self.json_button)
        storage_form.addRow("", self.json_notice)
        storage_form.addRow("", self.json_error)
        self.about_button = QPushButton(self.tr("About Huoqun…"))
        self.about_button.setObjectName("aboutButton")
        self.about_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.about_button.clicked.connect(lambda: self.about(db_path))
        storage_form.addRow("", self.about_button)

        self.backups_box = BackupsBox()
        self.backups_box.restored.connect(lambda: announce(Change.EVERYTHING, self))

        self.checklist_box = ChecklistTemplateBox()
        self.daily_plan_box = DailyPlanBox()
        self.thresholds_box = ThresholdsBox()
        self.activity_box = ActivityBox()
        self.pyramid_box = PyramidBox()

        content = QWidget()
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.backups_box.setMinimumHeight(260)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(appearance)
        layout.addWidget(storage)
        layout.addWidget(self.daily_plan_box)
        layout.addWidget(self.checklist_box)
        layout.addWidget(self.thresholds_box)
        layout.addWidget(self.activity_box)
        layout.addWidget(self.pyramid_box)
        layout.addWidget(self.backups_box, 1)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.refresh()

    def about(self, db_path: Path) -> None:
        from app.ui.settings.about_dialog import AboutDialog

        AboutDialog(db_path, self).exec()

    def refresh(self) -> None:
        """Show the stored choices and the backups on disk."""
        self.backups_box.refresh()
        self.checklist_box.refresh()
        self.daily_plan_box.refresh()
        self.thresholds_box.refresh()
        self.activity_box.refresh()
        self.pyramid_box.refresh()
        self.language.blockSignals(True)
        index = self.language.findData(settings.get("language") or "")
        self.language.setCurrentIndex(max(index, 0))
        self.language.blockSignals(False)
        self.language_note.clear()

    def choose_json_path(self) -> str:
        """Where to write the JSON export ("" when the person cancels); tests replace this."""
        suggested = str(Path.home() / f"huoqun-{date.today():%Y%m%d}.json")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export everything as JSON"), suggested, self.tr("JSON files (*.json)")
        )
        return path

    def export_json(self) -> None:
        path = self.choose_json_path()
        if not path:
            return
        target = Path(path)
        self.json_error.clear_error()
        self.json_notice.clear()
        self._json_job = run_job(
            self, self.tr("Exporting everything…"), lambda p: json_export.dump_all(target, p),
            lambda counts: self._json_done(target, counts), self.json_error.show_error,
        )  # fmt: skip

    def _json_done(self, target: Path, counts: object) -> None:
        rows = sum(counts.values()) if isinstance(counts, dict) else 0
        self.json_notice.setText(
            self.tr("Wrote %n record(s) to {file}.", "", rows).format(file=target.name)
        )

    def _language_chosen(self) -> None:
        settings.put("language", self.language.currentData())
        self.language_note.setText(self.tr("The new language applies when Huoqun starts again."))
