"""The ban list across every group and platform: who, when, why, and where they still are."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core import bans
from app.core.bans import BanRow
from app.ui.widgets.ban_dialogs import MarkRemovedDialog, UnbanDialog
from app.ui.widgets.controls import HINT_STYLE, NOTICE_STYLE, named_button
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.read_only_table import WARNING_COLOUR, ReadOnlyTable, local_day

COL_NAME, COL_WHEN, COL_REASON, COL_STILL_IN = range(4)

RunDialog = Callable[[QDialog], bool]


class BanListView(QWidget):
    """Every banned member; a ban is done only when they are out of every group."""

    changed = Signal()  # a removal was recorded or a ban lifted
    memberOpened = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, run_dialog: RunDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banList")
        self._run_dialog = run_dialog
        self.table = ReadOnlyTable(
            [self.tr("Member"), self.tr("Banned"), self.tr("Why"), self.tr("Still in")],
            "banTable",
            self._cell,
            lambda row: row.member_id,
        )
        self.table.set_widths(["欧阳晓明明 Alex", "2026-03-14", "Third advertising strike, links"])
        self.table.rowChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _i: self.open_member())
        self._bold = QFont(self.table.font())
        self._bold.setBold(True)
        self._quiet = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self.summary = QLabel()
        self.summary.setObjectName("banSummary")
        self.summary.setStyleSheet(HINT_STYLE)
        self.summary.setWordWrap(True)
        self.removed_button = named_button(
            "markRemovedButton", self.tr("Mark removed from…"), self.mark_removed
        )
        self.removed_button.setToolTip(
            self.tr("You removed them from a group in the chat app: record it")
        )
        self.unban_button = named_button("unbanButton", self.tr("Unban…"), self.unban)
        self.open_button = named_button(
            "banOpenMemberButton", self.tr("Open member"), self.open_member
        )
        self.notice = QLabel()
        self.notice.setObjectName("banNotice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        buttons = QHBoxLayout()
        for button in (self.removed_button, self.unban_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the ban list, keeping the selected member."""
        # those still in a group first: they are the work left to do
        rows = sorted(bans.ban_list(), key=lambda row: not row.still_in)
        self.table.set_rows(rows)
        if rows and self.table.current_id() is None:
            self.table.selectRow(0)
        present = sum(1 for row in rows if row.still_in)
        if not rows:
            self.summary.setText(self.tr("Nobody is banned."))
        else:
            self.summary.setText(
                self.tr("%n banned member(s)", "", len(rows))
                + " · "
                + self.tr("%n still in a group: remove them there", "", present)
            )
        self._update_buttons()

    def _cell(self, row: BanRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return row.name
            if column == COL_WHEN:
                return local_day(row.banned_at)
            if column == COL_REASON:
                return row.reason
            return "、".join(name for _id, name in row.still_in) or self.tr("in no group")
        if column == COL_STILL_IN and row.still_in:
            if role == Qt.ItemDataRole.ForegroundRole:
                return WARNING_COLOUR
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if column == COL_STILL_IN and role == Qt.ItemDataRole.ForegroundRole:
            return self._quiet
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_REASON:
            return row.reason or None
        return None

    def current_row(self) -> BanRow | None:
        row: BanRow | None = self.table.current_row()
        return row

    def select_member(self, member_id: int) -> None:
        self.table.select_id(member_id)

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.removed_button.setEnabled(row is not None and bool(row.still_in))
        self.unban_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None)

    # --- actions ---------------------------------------------------------------------------

    def _run(self, dialog: QDialog, member_id: int) -> None:
        if accepted(self._run_dialog, dialog):
            self.notice.setText(getattr(dialog, "outcome", ""))
            self.refresh()
            self.table.select_id(member_id)
            self.changed.emit()

    def mark_removed(self) -> None:
        row = self.current_row()
        if row is not None and row.still_in:
            self._run(MarkRemovedDialog(row.member_id, row.name, row.still_in, self), row.member_id)

    def unban(self) -> None:
        row = self.current_row()
        if row is not None:
            self._run(UnbanDialog(row.member_id, row.name, self), row.member_id)

    def open_member(self) -> None:
        row = self.current_row()
        if row is not None:
            self.memberOpened.emit(row.member_id)
