"""The Tier history tab of a member's page: each change of tier, when and why."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core import clock
from app.core import members as core
from app.ui.widgets.controls import note_label, row_table, table_cell


class TierHistoryTab(QWidget):
    """The member's tier changes, newest as core lists them."""

    def __init__(self, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self._count = 0
        self.history_table = row_table(
            [self.tr("When"), self.tr("From"), self.tr("To"), self.tr("Why")], "tierHistoryTable"
        )
        for column, width in enumerate((140, 140, 140)):
            self.history_table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        self.no_history_note = note_label(
            self.tr("The tier has not changed since this member was first seen.")
        )
        layout.addWidget(self.no_history_note)
        layout.addWidget(self.history_table)

    def title(self) -> str:
        return self.tr("Tier history (%n)", "", self._count)

    def load(self) -> None:
        changes = core.tier_history(self.member_id)
        self.history_table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            when = clock.to_local(change.at).strftime("%Y-%m-%d %H:%M")
            self.history_table.setItem(row, 0, table_cell(when))
            from_name = change.from_tier.name if change.from_tier is not None else "—"
            to_name = change.to_tier.name if change.to_tier is not None else "—"
            self.history_table.setItem(row, 1, table_cell(from_name))
            self.history_table.setItem(row, 2, table_cell(to_name))
            self.history_table.setItem(row, 3, table_cell(change.reason))
        self._count = len(changes)
        self.no_history_note.setVisible(not changes)
