"""Export a roster: which members, which columns, which file format, masked phones or not."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core import roster_export
from app.reports.roster_pdf import write_roster_pdf
from app.shown_errors import is_shown
from app.ui.error_messages import interface_language
from app.ui.jobs import run_job
from app.ui.widgets.error_label import ErrorLabel

# (format, file suffix, the words for it)
FORMATS = [
    ("csv", "csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV for Excel and WPS (UTF-8)")),
    ("csv-gb18030", "csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV for older Excel (GB18030)")),
    ("xlsx", "xlsx", QT_TRANSLATE_NOOP("ExportDialog", "Excel workbook (XLSX)")),
    ("pdf", "pdf", QT_TRANSLATE_NOOP("ExportDialog", "Printable roster (PDF)")),
]


class ExportDialog(QDialog):
    """Chooses what to export, asks where, and writes the file off the UI thread."""

    def __init__(
        self,
        shown_ids: Sequence[int],
        selected_ids: Sequence[int],
        group_ids: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export a roster"))
        self.setMinimumWidth(520)
        self._shown = list(shown_ids)
        self._selected = list(selected_ids)
        self._group_ids = list(group_ids)
        self.written_to: Path | None = None
        self.rows_written = 0

        self.shown_radio = QRadioButton(self.tr("The %Ln member(s) shown", "", len(self._shown)))
        self.shown_radio.setObjectName("exportShown")
        self.selected_radio = QRadioButton(
            self.tr("The %Ln selected member(s)", "", len(self._selected))
        )
        self.selected_radio.setObjectName("exportSelected")
        self.selected_radio.setEnabled(bool(self._selected))
        (self.selected_radio if len(self._selected) > 1 else self.shown_radio).setChecked(True)
        scope = QWidget()
        scope_layout = QVBoxLayout(scope)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        scope_layout.addWidget(self.shown_radio)
        scope_layout.addWidget(self.selected_radio)

        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        for code, _suffix, words in FORMATS:
            self.format_combo.addItem(QCoreApplication.translate("ExportDialog", words), code)

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("exportLanguage")
        self.language_combo.addItem("中文", "zh_CN")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(0 if interface_language() == "zh_CN" else 1)

        self.columns = QListWidget()
        self.columns.setObjectName("exportColumns")
        wanted = set(roster_export.default_columns(len(self._group_ids)))
        headers = roster_export.header_names(roster_export.COLUMNS, self._language())
        for column, header in zip(roster_export.COLUMNS, headers, strict=True):
            item = QListWidgetItem(header)
            item.setData(Qt.ItemDataRole.UserRole, column)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if column in wanted else Qt.CheckState.Unchecked
            )
            self.columns.addItem(item)
        self.columns.setMinimumHeight(300)
        self.language_combo.currentIndexChanged.connect(self._rename_columns)

        self.full_phones = QCheckBox(self.tr("Full phone numbers"))
        self.full_phones.setObjectName("exportFullPhones")
        self.full_phones.setToolTip(
            self.tr("Unticked, phones read 138****1234: enough to recognise, not to misuse")
        )

        form = QFormLayout()
        form.addRow(self.tr("Members:"), scope)
        form.addRow(self.tr("Format:"), self.format_combo)
        form.addRow(self.tr("Header language:"), self.language_combo)
        form.addRow(self.tr("Columns:"), self.columns)
        form.addRow("", self.full_phones)

        self.error = ErrorLabel("exportError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # --- choices ---------------------------------------------------------------------------

    def _language(self) -> str:
        return str(self.language_combo.currentData())

    def _rename_columns(self) -> None:
        for row in range(self.columns.count()):
            item = self.columns.item(row)
            column = item.data(Qt.ItemDataRole.UserRole)
            item.setText(roster_export.header_names([column], self._language())[0])

    def chosen_columns(self) -> list[str]:
        return [
            self.columns.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.columns.count())
            if self.columns.item(row).checkState() == Qt.CheckState.Checked
        ]

    def chosen_ids(self) -> list[int]:
        return self._selected if self.selected_radio.isChecked() else self._shown

    def chosen_format(self) -> tuple[str, str]:
        code = str(self.format_combo.currentData())
        suffix = next(s for c, s, _w in FORMATS if c == code)
        return code, suffix

    def choose_path(self, suggested: Path) -> str:
        """Where to write ("" when the person cancels); tests replace this."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export a roster"), str(suggested), f"*{suggested.suffix}"
        )
        return path

    # --- writing ---------------------------------------------------------------------------

    def export(self) -> None:
        """Ask where, then write the file in the background; the dialog closes when done."""
        columns = self.chosen_columns()
        if not columns:
            self.error.show_error(self.tr("Choose at least one column."))
            return
        fmt, suffix = self.chosen_format()
        suggested = Path.home() / f"huoqun-roster-{date.today():%Y%m%d}.{suffix}"
        chosen = self.choose_path(suggested)
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != f".{suffix}":
            target = target.with_name(target.name + f".{suffix}")
        ids, language = self.chosen_ids(), self._language()
        full, groups = self.full_phones.isChecked(), self._group_ids
        self.error.clear_error()
        self.export_button.setEnabled(False)
        self._job = run_job(
            self,
            self.tr("Exporting %n member(s)…", "", len(ids)),
            lambda progress: roster_export.export_roster(
                target,
                ids,
                columns,
                fmt,
                full,
                language,
                progress,
                group_ids=groups,
                write_pdf=write_roster_pdf,  # the PDF is a printable document, from reports
            ),
            lambda rows: self._done(target, rows),
            self._failed,
        )

    def _done(self, target: Path, rows: object) -> None:
        self.written_to = target
        self.rows_written = int(rows) if isinstance(rows, int) else 0
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        if is_shown(exc):
            self.error.show_error(exc)
        else:
            self.error.show_error(
                self.tr("The file could not be written: {error}").format(error=exc)
            )
