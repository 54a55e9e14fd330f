"""A list of members to look through, each opened on a double-click (or Open) as its member
page, as everywhere in the app: who joined, left, came back or went quiet (issue #19)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.roster_match import MemberRef
from app.ui.changes import Change, announce
from app.ui.widgets.controls import row_table, table_cell

IdRole = Qt.ItemDataRole.UserRole


class MemberRefsDialog(QDialog):
    """``refs`` under a line that says what they are; members not yet stored (id 0, a dry
    run's new people) are listed but cannot be opened."""

    def __init__(
        self, title: str, note: str, refs: Sequence[MemberRef], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberRefsDialog")
        self.setWindowTitle(title)
        self.resize(460, 520)
        self.note = QLabel(note)
        self.note.setObjectName("memberRefsNote")
        self.note.setWordWrap(True)
        self.table = row_table([self.tr("Name"), self.tr("Member")], "memberRefsTable")
        self.table.setRowCount(len(refs))
        for row, ref in enumerate(refs):
            self.table.setItem(row, 0, table_cell(ref.name, ref.id))
            shown = f"#{ref.id}" if ref.id else self.tr("new")
            self.table.setItem(row, 1, table_cell(shown, ref.id))
        self.table.setColumnWidth(0, 300)
        self.table.itemDoubleClicked.connect(lambda item: self.open_member(item.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(
            self.tr("Open member"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setObjectName("openRefButton")
        self.open_button.clicked.connect(lambda: self.open_member(self.table.currentRow()))
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.opened: list[int] = []  # the members opened from here, in order
        self._selection_changed()

    def _member_id(self, row: int) -> int:
        item: QTableWidgetItem | None = self.table.item(row, 0) if row >= 0 else None
        return int(item.data(IdRole)) if item is not None else 0

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self._member_id(self.table.currentRow()) > 0)

    def open_member(self, row: int) -> None:
        """The member page of the row's member (nothing for one not stored yet)."""
        member_id = self._member_id(row)
        if member_id <= 0:
            return
        from app.ui.members.member_dialog import MemberDialog

        self.opened.append(member_id)
        dialog = MemberDialog(member_id, self)
        try:
            self.exec_dialog(dialog)
            if dialog.wrote:
                announce(Change.MEMBERS, self)
        finally:
            dialog.deleteLater()

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this."""
        return dialog.exec() == QDialog.DialogCode.Accepted
