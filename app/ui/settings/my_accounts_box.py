"""Settings, My accounts: the operator's own ids per platform, so that in imported chat
history their messages count as the operator's, not as a member's talk (PRODUCT.md §2)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core import chat_match
from app.core.errors import HuoqunError
from app.core.groups import PLATFORMS as PLATFORM_CODES
from app.ui.labels import PLATFORMS, label
from app.ui.widgets.controls import named_button, note_label, notice_label, row_table, table_cell
from app.ui.widgets.error_label import ErrorLabel


class MyAccountsBox(QGroupBox):
    """A table of the operator's accounts, with a platform, an id and Add / Remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myAccountsBox")
        self.setTitle(self.tr("My accounts"))
        note = note_label(
            self.tr(
                "Your own ids on each platform (QQ number, wxid, Telegram or Discord user id). "
                "In imported chat history, messages from them count as yours, not as a member's."
            )
        )
        self.table = row_table([self.tr("Platform"), self.tr("Account id")], "myAccountsTable")
        self.table.setMinimumHeight(120)
        self.empty_note = note_label(self.tr("No accounts yet."))
        self.empty_note.setObjectName("myAccountsEmpty")
        self.platform_combo = QComboBox()
        self.platform_combo.setObjectName("myAccountPlatform")
        for code in PLATFORM_CODES:
            self.platform_combo.addItem(label(PLATFORMS, code), code)
        self.id_edit = QLineEdit()
        self.id_edit.setObjectName("myAccountId")
        self.id_edit.setPlaceholderText(self.tr("e.g. 10001, wxid_…, 123456789"))
        self.id_edit.returnPressed.connect(self.add)
        self.add_button = named_button("addMyAccountButton", self.tr("Add"), self.add)
        self.remove_button = named_button(
            "removeMyAccountButton", self.tr("Remove selected"), self.remove
        )
        self.notice = notice_label("myAccountsNotice")
        self.error = ErrorLabel("myAccountsError")
        row = QHBoxLayout()
        row.addWidget(self.platform_combo)
        row.addWidget(self.id_edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(self.empty_note)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.refresh()

    def refresh(self) -> None:
        """Show the stored accounts."""
        accounts = chat_match.all_my_accounts()
        self.table.setRowCount(len(accounts))
        for row, (platform, account_id) in enumerate(accounts):
            self.table.setItem(row, 0, table_cell(label(PLATFORMS, platform), platform))
            self.table.setItem(row, 1, table_cell(account_id, account_id))
        self.table.setColumnWidth(0, 160)
        self.empty_note.setVisible(not accounts)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedItems()))

    def add(self) -> None:
        """Store the typed id on the chosen platform, or say why not."""
        platform = self.platform_combo.currentData()
        self.notice.clear()
        try:
            kept = chat_match.add_my_account(platform, self.id_edit.text())
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.id_edit.clear()
        self.refresh()
        self.notice.setText(
            self.tr("Added {id} ({platform}).").format(id=kept, platform=label(PLATFORMS, platform))
        )

    def remove(self) -> None:
        """Forget the selected account."""
        row = self.table.currentRow()
        if row < 0 or not self.table.selectedItems():
            return
        platform = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        account_id = self.table.item(row, 1).data(Qt.ItemDataRole.UserRole)
        chat_match.remove_my_account(platform, account_id)
        self.error.clear_error()
        self.refresh()
        self.notice.setText(self.tr("Removed {id}.").format(id=account_id))
