"""Ban a member in every group, lift a ban, or record that they were removed from one group.

Each writes when its button is pressed; a refusal (an empty reason, say) is shown in the
dialog, which stays open, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from app.core import bans, memberships
from app.ui.widgets.form_dialog import FormDialog


class BanDialog(FormDialog):
    """Ban a member: their status becomes banned and each group they are in gets a task."""

    def __init__(self, member_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__("dialogError", "banButton", parent, min_width=460, grow_form=True)
        self.setObjectName("banDialog")
        self.member_id = member_id
        self.task_ids: list[int] = []
        self.outcome = ""
        self.setWindowTitle(self.tr("Ban {name}").format(name=name))
        still_in = [
            m.group.name for m in memberships.memberships_of(member_id) if m.left_at is None
        ]
        text = self.tr(
            "{name} will be marked as banned in every group and on every platform."
        ).format(name=name)
        if still_in:
            text += " " + self.tr(
                "They are still in %n group(s): {groups}. A task to remove them is added to the "
                "queue for each.",
                "",
                len(still_in),
            ).format(groups="、".join(still_in))
        self.set_summary(text)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("banReasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Why, e.g. third advertising strike"))
        self.form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.ok_button.setText(self.tr("Ban"))

    def apply(self) -> None:
        self.task_ids = bans.ban_member(self.member_id, self.reason_edit.text())
        self.outcome = self.tr("Banned; %n removal task(s) created.", "", len(self.task_ids))


class UnbanDialog(FormDialog):
    """Lift a ban, with the reason kept on record."""

    def __init__(self, member_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__("dialogError", "unbanButton", parent, min_width=460, grow_form=True)
        self.setObjectName("unbanDialog")
        self.member_id = member_id
        self.outcome = ""
        self.setWindowTitle(self.tr("Unban {name}").format(name=name))
        self.set_summary(
            self.tr(
                "{name} becomes an active member again. Their violations stay on record; "
                "the open tasks to remove them from groups are closed."
            ).format(name=name)
        )
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("unbanReasonEdit")
        self.reason_edit.setPlaceholderText(self.tr("Why, e.g. apologised and asked to return"))
        self.form.addRow(self.tr("&Reason:"), self.reason_edit)
        self.ok_button.setText(self.tr("Unban"))
        self.name = name

    def apply(self) -> None:
        closed = bans.unban_member(self.member_id, self.reason_edit.text())
        self.outcome = self.tr("{name} is no longer banned.").format(name=self.name)
        if closed:
            self.outcome += " " + self.tr("%n removal task(s) closed in the queue.", "", closed)


class MarkRemovedDialog(FormDialog):
    """Record that a banned member was removed from one of the groups they were still in."""

    def __init__(
        self,
        member_id: int,
        name: str,
        still_in: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("dialogError", "markRemovedButton", parent, min_width=460, grow_form=True)
        self.setObjectName("markRemovedDialog")
        self.member_id = member_id
        self.outcome = ""
        self.setWindowTitle(self.tr("Removed from a group"))
        self.set_summary(
            self.tr(
                "You removed {name} in the chat app. Which group was it? Its removal task is "
                "closed."
            ).format(name=name)
        )
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("removedGroupCombo")
        for group_id, group_name in still_in:
            self.group_combo.addItem(group_name, group_id)
        self.form.addRow(self.tr("&Group:"), self.group_combo)
        self.ok_button.setText(self.tr("Mark removed"))
        self.name = name

    def apply(self) -> None:
        bans.mark_removed(self.member_id, self.group_combo.currentData())
        self.outcome = self.tr("{name} marked as removed from {group}.").format(
            name=self.name, group=self.group_combo.currentText()
        )
