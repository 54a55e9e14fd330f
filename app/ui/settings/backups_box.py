"""The Backups part of Settings: the list of backups, "Back up now", "Restore…"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, database
from app.core.errors import QT_TRANSLATE_NOOP
from app.ui.jobs import run_job
from app.ui.widgets.error_label import ErrorLabel

if TYPE_CHECKING:
    from app.core.database import BackupInfo

REASONS = {
    "daily": QT_TRANSLATE_NOOP("BackupsBox", "Daily"),
    "manual": QT_TRANSLATE_NOOP("BackupsBox", "Backed up by hand"),
    "bulk": QT_TRANSLATE_NOOP("BackupsBox", "Before a bulk change"),
    "import": QT_TRANSLATE_NOOP("BackupsBox", "Before an import"),
    "before-restore": QT_TRANSLATE_NOOP("BackupsBox", "Before a restore"),
    "migration": QT_TRANSLATE_NOOP("BackupsBox", "Before an upgrade"),
}


class BackupsBox(QGroupBox):
    """Every backup of the open database, newest first, with backing up and restoring."""

    restored = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backups"), parent)
        self.setObjectName("backupsBox")
        self._infos: list[BackupInfo] = []
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backupTable")
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Why"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 220)
        self.table.setMinimumHeight(180)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.explain = QLabel(
            self.tr(
                "Huoqun backs up once a day and before every import, bulk change and restore; "
                "it keeps every backup of the last two days, then one a day for 12 days, one "
                "a week for 10 weeks and one a month for 9 months."
            )
        )
        self.explain.setWordWrap(True)
        self.back_up_button = QPushButton(self.tr("Back up now"))
        self.back_up_button.setObjectName("backUpNowButton")
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.notice = QLabel()
        self.notice.setObjectName("backupNotice")
        self.notice.setWordWrap(True)
        self.error = ErrorLabel("backupError")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        self.refresh()

    def refresh(self) -> None:
        """List the backups as they are on disk now."""
        try:
            self._infos = database.backups()
        except database.BackupError as exc:
            self._infos = []
            self.error.show_error(exc)
        locale = QLocale()
        self.table.setRowCount(len(self._infos))
        for row, info in enumerate(self._infos):
            made = clock.to_local(info.made_at).strftime("%Y-%m-%d %H:%M")
            reason = REASONS.get(info.reason)
            why = self.tr(reason) if reason else info.reason
            size = locale.formattedDataSize(info.size)
            for column, text in enumerate((made, why, size)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._infos[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def back_up_now(self) -> None:
        self.error.clear_error()
        self._job = run_job(
            self, self.tr("Backing up…"), lambda _p: database.back_up_now(), self._backed_up,
            self.error.show_error,
        )  # fmt: skip

    def _backed_up(self, path: object) -> None:
        self.refresh()
        self.notice.setText(self.tr("Backed up to {file}.").format(file=getattr(path, "name", "")))

    def confirm_restore(self, made: str) -> bool:
        """Ask before restoring; tests replace this to answer."""
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Restore the backup made {made}? Everything changed since then is replaced. "
                "The data as it is now is backed up first, so this can be undone."
            ).format(made=made),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        made = clock.to_local(info.made_at).strftime("%Y-%m-%d %H:%M")
        if not self.confirm_restore(made):
            return
        self.error.clear_error()
        self._job = run_job(
            self, self.tr("Restoring…"), lambda _p: database.restore(info.path),
            lambda _before: self._restored(made), self.error.show_error,
        )  # fmt: skip

    def _restored(self, made: str) -> None:
        self.refresh()
        self.notice.setText(self.tr("Restored the backup made {made}.").format(made=made))
        self.restored.emit()
