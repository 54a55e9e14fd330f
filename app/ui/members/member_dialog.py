"""A member's page: every field, the groups they are in, tier history and meetups.

The profile is written when Save is pressed (all or nothing: a refused field shows its
message here and nothing is written). Group changes are written at once, each by its own
small dialog, and the page says so. Each tab is a widget of its own; this is the frame.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import members as core
from app.core.erase import erase_member
from app.core.errors import HuoqunError
from app.ui.activity.member_tab import MemberChatTab
from app.ui.members.member_meetups_tab import MemberMeetupsTab
from app.ui.members.member_violations import MemberViolationsView
from app.ui.members.memberships_tab import MembershipsTab
from app.ui.members.profile_tab import MemberProfileTab
from app.ui.members.tier_history_tab import TierHistoryTab
from app.ui.widgets.activity_box import ActivityBox
from app.ui.widgets.error_label import ErrorLabel

# the tabs' fields that callers and tests reach on the page itself
PROFILE_FIELDS = (
    "name_edit", "qq_edit", "wechat_edit", "telegram_edit", "discord_edit", "phone_edit",
    "email_edit", "city_edit",
    "gender_combo", "tier_combo", "tier_reason_edit", "status_combo", "status_reason_edit",
    "star_check", "tags_edit", "notes_edit", "first_group_combo", "seen_label",
)  # fmt: skip
MEMBERSHIP_FIELDS = (
    "memberships_table", "add_membership_button", "edit_membership_button", "leave_button",
    "remove_button", "back_button", "open_group_button", "no_groups_note",
)  # fmt: skip


class MemberDialog(QDialog):
    """Create a member (``member_id`` None) or edit one; ``wrote`` says if anything was written."""

    groupOpened = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self.wrote = False
        self.opened_group_id: int | None = None
        self.setObjectName("memberDialog")
        self.resize(940, 600)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("memberTabs")
        self.profile = MemberProfileTab(member_id)
        for name in PROFILE_FIELDS:
            setattr(self, name, getattr(self.profile, name))
        self.tabs.addTab(self.profile, self.tr("Profile"))
        if member_id is not None:
            self._add_record_tabs(member_id)

        self.error = ErrorLabel("memberError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.erased = False
        if member_id is not None:
            self.erase_button = QPushButton(self.tr("Erase this person…"))
            self.erase_button.setObjectName("eraseButton")
            self.erase_button.setToolTip(
                self.tr("Remove every record that names this person (their right to be forgotten)")
            )
            self.erase_button.clicked.connect(self.erase)
            self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ResetRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if member_id is None:
            self.setWindowTitle(self.tr("New member"))
        else:
            self._load(member_id)
        # a new member starts at the name; an existing one opens with no field to type over
        (self.name_edit if member_id is None else self.tabs.tabBar()).setFocus()

    def _add_record_tabs(self, member_id: int) -> None:
        """The tabs of a stored member: groups, tier history, meetups, violations, activity."""
        self.memberships = MembershipsTab(member_id, lambda d: self.exec_dialog(d))
        for name in MEMBERSHIP_FIELDS:
            setattr(self, name, getattr(self.memberships, name))
        self.memberships.changed.connect(self._memberships_changed)
        self.memberships.failed.connect(self.show_error)
        self.memberships.groupOpenRequested.connect(self._open_group)
        self.tabs.addTab(self.memberships, self.tr("Groups"))
        self.history = TierHistoryTab(member_id)
        self.history_table = self.history.history_table
        self.tabs.addTab(self.history, self.tr("Tier history"))
        self.meetups = MemberMeetupsTab(member_id)
        self.meetups_table = self.meetups.meetups_table
        self.tabs.addTab(self.meetups, self.tr("Meetups"))
        self.violations_view = MemberViolationsView(member_id, lambda d: self.exec_dialog(d))
        self.violations_view.changed.connect(self._violations_changed)
        self.tabs.addTab(self.violations_view, self.violations_view.title())
        self.activity_box = ActivityBox()
        self.activity_box.exec_dialog = lambda d: self.exec_dialog(d)  # type: ignore[method-assign]
        self.activity_box.changed.connect(self._retitle)
        self.activity_box.set_member(member_id)
        self.tabs.addTab(self.activity_box, self.activity_box.title())
        self.chat_tab = MemberChatTab(member_id)  # presence and messages per week, per group
        self.chat_tab.groupOpenRequested.connect(self._open_group)
        self.tabs.addTab(self.chat_tab, self.chat_tab.title())

    # --- loading -------------------------------------------------------------------------

    def _load(self, member_id: int) -> None:
        member = core.get_member(member_id)
        self.setWindowTitle(self.tr("Member: {name}").format(name=member.name))
        self.profile.load(member)
        for tab in (self.memberships, self.history, self.meetups, self.chat_tab):
            tab.load()
        self._retitle()
        self.profile.mark_stored()

    def _retitle(self) -> None:
        """Each record tab's title says how many rows it holds."""
        for tab in (
            self.memberships, self.history, self.meetups, self.violations_view, self.activity_box
        ):  # fmt: skip
            self.tabs.setTabText(self.tabs.indexOf(tab), tab.title())

    def _memberships_changed(self) -> None:
        self.wrote = True
        self._retitle()

    def _violations_changed(self) -> None:
        """A ban or unban changed the stored status: show it, keeping other unsaved edits."""
        self.wrote = True
        self._retitle()
        assert self.member_id is not None
        member = core.get_member(self.member_id)
        self.profile.show_status(member.status, member.status_reason)

    # --- erasing -------------------------------------------------------------------------

    def confirm_erase(self, name: str) -> bool:
        """Ask before erasing; tests replace this to answer."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Erase this person"),
            self.tr(
                "Erase {name} and everything recorded about them: memberships, tier history, "
                "violations, meetups, tasks and interactions. This cannot be undone.\n\n"
                "Backups made before now still hold them; delete those backups too if they "
                "must be gone everywhere."
            ).format(name=name),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        erase = box.addButton(self.tr("Erase"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is erase

    def erase(self) -> None:
        """Erase this member after confirmation; the page closes."""
        if self.member_id is None or not self.confirm_erase(self.name_edit.text()):
            return
        try:
            erase_member(self.member_id)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self.erased = self.wrote = True
        self.member_id = None
        super().accept()

    # --- sub-dialogs ---------------------------------------------------------------------

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a sub-dialog modally; tests replace this to fill it in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _open_group(self, group_id: int) -> None:
        """Leave this page for the group's page, saving the profile first if it changed."""
        if self.profile_changed() and not self.save():
            return
        self.opened_group_id = group_id
        self.groupOpened.emit(group_id)
        super().accept()

    # --- saving --------------------------------------------------------------------------

    def show_error(self, message: Any) -> None:
        self.error.show_error(message)

    def values(self) -> dict[str, Any]:
        """The profile as typed, in the fields ``core.members`` takes."""
        return self.profile.values()

    def profile_changed(self) -> bool:
        return self.member_id is None or self.values() != self.profile.loaded

    def save(self) -> bool:
        """Write the profile; on a refusal show why, write nothing and return False."""
        fields = self.values()
        tags = fields.pop("tags")
        try:
            if self.member_id is None:
                name = fields.pop("name")
                group_id = self.first_group_combo.currentData()
                # the member and their first group in one transaction: both or neither
                member = core.create_member(name, tags, group_id=group_id, **fields)
                self.member_id = member.id
                self.wrote = True
                self.profile.loaded = self.values()
            else:
                reason = self.tier_reason_edit.text().strip()
                core.update_member(self.member_id, tags=tags, tier_reason=reason, **fields)
                self.wrote = True
                self.tier_reason_edit.clear()
                self.profile.mark_stored()
        except HuoqunError as exc:
            self.error.show_error(exc)
            return False
        self.show_error("")
        return True

    def accept(self) -> None:
        """Save and close; a refused field keeps the page open with the reason shown."""
        if self.member_id is not None and not self.profile_changed():
            super().accept()
            return
        if self.save():
            super().accept()
