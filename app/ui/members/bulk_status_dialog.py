"""The bulk "Set status" dialog: a person's status (active, banned), or left / removed from
the groups the operator ticks — leaving belongs to a group, a ban to the person."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from app.core import bans, member_bulk
from app.ui.labels import PERSON_STATUSES, STATUSES, label
from app.ui.members.bulk_dialogs import BulkDialog, Change

ENDINGS = ("left", "removed")  # a membership's: asks which groups
ALL_GROUPS = -1  # the id of the "All their groups" line


class SetStatusDialog(BulkDialog):
    """Give the selected members one status: a person's (active, banned, with a reason), or
    left / removed from the groups ticked (all their groups, or some of them)."""

    def __init__(self, member_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(member_ids, parent)
        self.setWindowTitle(self.tr("Set status"))
        self.summary.setText(self.tr("Set the status of %n member(s).", "", len(self.member_ids)))
        self.status_combo = self.choice_row("bulkStatusCombo", self.tr("Status:"))
        for code in ("active", "left", "removed", "banned"):
            words = PERSON_STATUSES if code in ("active", "banned") else STATUSES
            self.status_combo.addItem(label(words, code), code)
        self.group_list = QListWidget()
        self.group_list.setObjectName("bulkStatusGroups")
        self.group_list.setMaximumHeight(self.fontMetrics().height() * 9)
        self._add_group_line(self.tr("All their groups"), ALL_GROUPS, checked=True)
        for group_id, name in member_bulk.groups_of(self.member_ids):
            self._add_group_line(name, group_id, checked=False)
        self.group_list.itemChanged.connect(self._group_ticked)
        self.form.addRow(self.tr("From:"), self.group_list)
        self.reason_edit = self.reason_row(
            "bulkReasonEdit", self.tr("Reason:"), self.tr("Why (optional), e.g. posted ads twice")
        )
        self.hint = self.tr("A ban needs a reason; so does lifting one.")
        self.apply_button.setText(self.tr("Set status"))
        self.status_combo.currentIndexChanged.connect(lambda _i: self._status_chosen())
        self._status_chosen()

    def _add_group_line(self, text: str, group_id: int, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, group_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.group_list.addItem(item)

    def _status_chosen(self) -> None:
        """Left and removed ask for the groups; a person's status for the reason."""
        ending = self.status_combo.currentData() in ENDINGS
        self.form.setRowVisible(self.group_list, ending)
        self.form.setRowVisible(self.reason_edit, not ending)
        self.reason_edit.setPlaceholderText(
            self.hint
            if self.status_combo.currentData() == "banned"
            else self.tr("Why (optional), e.g. posted ads twice")
        )

    def _group_ticked(self, item: QListWidgetItem) -> None:
        """ "All their groups" and single groups exclude each other."""
        if item.checkState() != Qt.CheckState.Checked:
            return
        self.group_list.blockSignals(True)
        everything = item.data(Qt.ItemDataRole.UserRole) == ALL_GROUPS
        for row in range(self.group_list.count()):
            other = self.group_list.item(row)
            if other is not item and (
                everything or other.data(Qt.ItemDataRole.UserRole) == ALL_GROUPS
            ):
                other.setCheckState(Qt.CheckState.Unchecked)
        self.group_list.blockSignals(False)

    def chosen_groups(self) -> list[int] | None:
        """The group ids ticked; None for all their groups."""
        ticked = [
            self.group_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.group_list.count())
            if self.group_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        return None if ALL_GROUPS in ticked else ticked

    def change(self) -> Change:
        ids, code = self.member_ids, self.status_combo.currentData()
        if code in ENDINGS:
            group_ids = self.chosen_groups()
            return lambda progress: member_bulk.bulk_set_membership_status(
                ids, code, group_ids, None, progress
            )
        reason, title = self.reason_edit.text(), self.tr("Remove {member} from {group}")
        # bans.set_status reports no progress: the dialog shows it busy until it is done
        return lambda _progress: bans.set_status(ids, code, reason, task_title=title)

    def describe(self, result: object) -> str:
        code = self.status_combo.currentData()
        count = len(self.member_ids)
        if code not in ENDINGS:
            return self.tr("Set %n member(s) to “{status}”.", "", count).format(
                status=label(PERSON_STATUSES, code)
            )
        group_ids = self.chosen_groups()
        if group_ids is None:
            where = self.tr("all their groups")
        else:
            lines = [self.group_list.item(row) for row in range(self.group_list.count())]
            names = {line.data(Qt.ItemDataRole.UserRole): line.text() for line in lines}
            where = "、".join(names[g] for g in group_ids)
        return self.tr("Marked %n member(s) “{status}” in {groups}.", "", count).format(
            status=label(STATUSES, code), groups=where
        )
