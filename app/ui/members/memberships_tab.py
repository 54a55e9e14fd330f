"""The Groups tab of a member's page: the groups they are in, each change written at once.

Leaving or being removed belongs to one group (the person stays in the others): each
membership shows its status, and the buttons mark it left, removed or back in the group.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.core import memberships
from app.core.errors import HuoqunError
from app.ui.labels import ROLES, STATUSES, label
from app.ui.members.membership_dialog import MembershipDialog
from app.ui.members.profile_tab import local_day
from app.ui.widgets.controls import HINT_STYLE, named_button, note_label, row_table, table_cell
from app.ui.widgets.dialog_running import accepted


class MembershipsTab(QWidget):
    """A member's memberships; ``changed`` after a write, ``groupOpenRequested`` to open one."""

    changed = Signal()
    failed = Signal(object)  # a HuoqunError to show on the page
    groupOpenRequested = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(
        self, member_id: int, run_dialog: Callable[[QDialog], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self._run_dialog = run_dialog
        self._memberships: dict[int, Any] = {}
        self._current = 0
        self.memberships_table = row_table(
            [
                self.tr("Group"),
                self.tr("Group nickname"),
                self.tr("Role"),
                self.tr("Joined"),
                self.tr("Last spoke"),
                self.tr("Left"),
                self.tr("Status"),
            ],
            "membershipsTable",
        )
        widths = (200, 160, 80, 100, 100, 100, 90)
        for column, width in enumerate(widths):
            self.memberships_table.setColumnWidth(column, width)
        self.memberships_table.doubleClicked.connect(lambda _i: self._edit_membership())
        self.memberships_table.itemSelectionChanged.connect(self._update_buttons)
        self.add_membership_button = named_button(
            "addMembershipButton", self.tr("Add to group…"), self._add_membership
        )
        self.edit_membership_button = named_button(
            "editMembershipButton", self.tr("Edit…"), self._edit_membership
        )
        # a membership's status: left or removed from this group, or back in it
        self.leave_button = named_button(
            "leaveGroupButton", self.tr("Mark left"), lambda: self._set_status("left")
        )
        self.remove_button = named_button(
            "removeFromGroupButton", self.tr("Mark removed"), lambda: self._set_status("removed")
        )
        self.back_button = named_button(
            "backInGroupButton", self.tr("Back in group"), lambda: self._set_status("active")
        )
        self.leave_button.setToolTip(self.tr("They left this group; their other groups stay"))
        self.remove_button.setToolTip(
            self.tr("You removed them from this group; their other groups stay")
        )
        self.open_group_button = named_button(
            "openGroupButton", self.tr("Open group"), self._open_group
        )
        note = QLabel(self.tr("Changes to groups are saved at once."))
        note.setStyleSheet(HINT_STYLE)
        buttons = QHBoxLayout()
        for button in (
            self.add_membership_button,
            self.edit_membership_button,
            self.leave_button,
            self.remove_button,
            self.back_button,
            self.open_group_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(note)
        layout = QVBoxLayout(self)
        self.no_groups_note = note_label(
            self.tr("Not in any group yet. Use “Add to group…” to record a membership.")
        )
        layout.addWidget(self.no_groups_note)
        layout.addWidget(self.memberships_table, 1)
        layout.addLayout(buttons)

    def title(self) -> str:
        """The tab's title: how many groups the member is in now."""
        return self.tr("Groups (%n)", "", self._current)

    def load(self) -> None:
        rows = memberships.memberships_of(self.member_id)
        table = self.memberships_table
        table.setRowCount(len(rows))
        for row, membership in enumerate(rows):
            table.setItem(row, 0, table_cell(membership.group.name, membership.id))
            table.setItem(row, 1, table_cell(membership.nickname))
            table.setItem(row, 2, table_cell(label(ROLES, membership.role)))
            table.setItem(row, 3, table_cell(local_day(membership.joined_at)))
            table.setItem(row, 4, table_cell(local_day(membership.last_spoke_at)))
            table.setItem(row, 5, table_cell(local_day(membership.left_at)))
            table.setItem(row, 6, table_cell(label(STATUSES, membership.status)))
        self._memberships = {m.id: m for m in rows}
        self._current = sum(1 for m in rows if m.left_at is None)
        self.no_groups_note.setVisible(not rows)
        self._update_buttons()

    def selected_membership(self) -> Any:
        items = self.memberships_table.selectedItems()
        if not items:
            return None
        first = self.memberships_table.item(items[0].row(), 0)
        return self._memberships.get(first.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        membership = self.selected_membership()
        self.edit_membership_button.setEnabled(membership is not None)
        self.open_group_button.setEnabled(membership is not None)
        status = membership.status if membership is not None else None
        self.leave_button.setEnabled(status not in (None, "left"))
        self.remove_button.setEnabled(status not in (None, "removed"))
        self.back_button.setEnabled(status not in (None, "active"))

    def _after_change(self, select_id: int | None) -> None:
        self.load()
        self.changed.emit()
        if select_id is None:
            return
        for row in range(self.memberships_table.rowCount()):
            item = self.memberships_table.item(row, 0)
            if item.data(Qt.ItemDataRole.UserRole) == select_id:
                self.memberships_table.selectRow(row)
                break

    def _add_membership(self) -> None:
        dialog = MembershipDialog(self.member_id, None, self.window())
        if accepted(self._run_dialog, dialog):
            group_id = dialog.group_combo.currentData() if dialog.group_combo else None
            self._after_change(None)
            for membership in self._memberships.values():
                if membership.group_id == group_id:
                    self._after_change(membership.id)

    def _edit_membership(self) -> None:
        membership = self.selected_membership()
        if membership is None:
            return
        dialog = MembershipDialog(self.member_id, membership, self.window())
        if accepted(self._run_dialog, dialog):
            self._after_change(membership.id)

    def _set_status(self, status: str) -> None:
        membership = self.selected_membership()
        if membership is None:
            return
        try:
            memberships.set_membership_status(self.member_id, membership.group_id, status)
        except HuoqunError as exc:
            self.failed.emit(exc)
            return
        self.failed.emit("")
        self._after_change(membership.id)

    def _open_group(self) -> None:
        membership = self.selected_membership()
        if membership is not None:
            self.groupOpenRequested.emit(membership.group_id)
