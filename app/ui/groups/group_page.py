"""A group's page: its header and tabs (health, profile, members, sub-groups, rules, activity).

Each tab is a widget of its own; this is the frame that shows one group in them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, groups, health_actions
from app.core.errors import NotFound
from app.core.groups import GroupRow
from app.ui.activity.group_tab import ChatActivityTab
from app.ui.chats.entry import chat_import_button, import_chat_history
from app.ui.groups.activity_action_dialogs import ACTIONS as ACTIVITY_ACTIONS
from app.ui.groups.activity_action_dialogs import activity_dialog
from app.ui.groups.group_members_tab import GroupMembersTab
from app.ui.groups.group_profile_tab import GroupProfileTab
from app.ui.groups.group_rules_tab import GroupRulesTab
from app.ui.groups.health_action_dialogs import CheckinDialog, MeetupPlanDialog, TopicDialog
from app.ui.groups.subgroups_tab import SubgroupsTab
from app.ui.labels import KINDS, PLATFORMS, label
from app.ui.widgets.activity_box import ActivityBox
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.health_tab import HealthTab

HEALTH_TAB, PROFILE_TAB, MEMBERS_TAB, SUBGROUPS_TAB, RULES_TAB, ACTIVITY_TAB = range(6)
CHAT_ACTIVITY_TAB = 6


class GroupPage(QWidget):
    """Everything about one group; writes go through ``app.core.groups``."""

    memberOpened = Signal(int)  # noqa: N815 - Qt signal naming
    groupRequested = Signal(int)  # noqa: N815
    newSubgroupRequested = Signal(int)  # noqa: N815
    importRequested = Signal(str)  # noqa: N815 - a roster into the group of this name
    pyramidRequested = Signal(int)  # noqa: N815 - appoint a helper: the Pyramid for this group
    violationsRequested = Signal(int)  # noqa: N815 - the open violations of this group
    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupPage")
        self._group_id: int | None = None
        self._parent_id: int | None = None
        self._archived = False

        self.title_label = QLabel()
        self.title_label.setObjectName("groupTitle")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.archived_badge = QLabel(self.tr("Archived"))
        self.archived_badge.setObjectName("archivedBadge")
        self.archived_badge.setStyleSheet(
            "color: white; background: #8c8c8c; border-radius: 3px; padding: 1px 6px;"
        )
        self.summary_label = QLabel()
        self.summary_label.setObjectName("groupSummary")
        self.summary_label.setWordWrap(True)
        self.parent_button = QPushButton()
        self.parent_button.setObjectName("parentButton")
        self.parent_button.setFlat(True)
        self.parent_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.parent_button.setStyleSheet("text-align: left; color: palette(link); padding: 0;")
        self.parent_button.clicked.connect(self._open_parent)
        self.archive_button = QPushButton()
        self.archive_button.setObjectName("archiveButton")
        self.archive_button.clicked.connect(self._toggle_archived)

        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label, 0)
        title_row.addWidget(self.archived_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        title_row.addStretch(1)
        self.chat_button = chat_import_button("groupImportChatButton", self._import_chats)
        title_row.addWidget(self.chat_button)
        title_row.addWidget(self.archive_button)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("groupTabs")
        self.tabs.setDocumentMode(True)
        self._add_tabs()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addLayout(title_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.parent_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tabs, 1)

    def _add_tabs(self) -> None:
        self.health_tab = HealthTab()
        self.health_tab.actionRequested.connect(self._health_action)
        self.tabs.addTab(self.health_tab, self.health_tab.title())
        self.profile = GroupProfileTab()
        self.profile.saved.connect(self._profile_saved)
        self.profile.reverted.connect(lambda: self.reload(keep_edits=False))
        self.name_edit = self.profile.name_edit
        self.description_edit = self.profile.description_edit
        self.announcement_edit = self.profile.announcement_edit
        self.tabs.addTab(self.profile, self.tr("Profile"))
        self.members = GroupMembersTab()
        self.members.memberOpened.connect(self.memberOpened)
        self.members.importRequested.connect(self._import)
        self.members.counted.connect(lambda: self._retitle(self.members))
        self.member_table = self.members.member_table
        self.member_model = self.members.member_model
        self.tabs.addTab(self.members, "")
        self.subgroups = SubgroupsTab()
        self.subgroups.groupRequested.connect(self.groupRequested)
        self.subgroups.newSubgroupRequested.connect(self._new_subgroup)
        self.subgroup_list = self.subgroups.subgroup_list
        self.tabs.addTab(self.subgroups, "")
        self.rules_tab = GroupRulesTab()
        self.rules_tab.changed.connect(self.changed)
        self.tabs.addTab(self.rules_tab, "")
        self.activity_box = ActivityBox()
        self.activity_box.changed.connect(self.changed)
        self.tabs.addTab(self.activity_box, "")
        self.chat_activity = ChatActivityTab()
        self.chat_activity.memberOpened.connect(self.memberOpened)
        self.chat_activity.importRequested.connect(lambda _group: self._import_chats())
        self.chat_activity.actionRequested.connect(lambda action: self._health_action(action, ""))
        self.tabs.addTab(self.chat_activity, self.chat_activity.title())

    def _retitle(self, tab: Any) -> None:
        self.tabs.setTabText(self.tabs.indexOf(tab), tab.title())

    # --- showing a group ---------------------------------------------------------------

    @property
    def group_id(self) -> int | None:
        return self._group_id

    def focus_page(self) -> None:
        """Put the keyboard focus on the open tab's main widget (Enter on the groups list)."""
        targets = (
            self.health_tab, self.name_edit, self.member_table, self.subgroup_list, self.rules_tab,
            self.activity_box, self.chat_activity,
        )  # fmt: skip
        targets[self.tabs.currentIndex()].setFocus(Qt.FocusReason.OtherFocusReason)

    def is_dirty(self) -> bool:
        """Whether the profile has edits that are not saved."""
        return self.profile.is_dirty()

    def load(self, group_id: int) -> bool:
        """Show ``group_id`` (discarding unsaved edits); False if it no longer exists."""
        self._set_group(group_id)
        self.members.clear_filter()
        self.profile.set_dirty(False)
        return self.reload(keep_edits=False)

    def _set_group(self, group_id: int | None) -> None:
        self._group_id = self.profile.group_id = self.members.group_id = group_id

    def reload(self, keep_edits: bool = True) -> bool:
        """Re-read the shown group; the profile form keeps unsaved edits if ``keep_edits``."""
        if self._group_id is None:
            return False
        try:
            group = groups.get_group(self._group_id)
        except NotFound:
            self._set_group(None)
            return False
        every = groups.list_groups(include_archived=True)  # a few hundred rows, one query
        row = next(r for r in every if r.id == group.id)
        self._parent_id = group.parent_id
        self._archived = bool(group.archived)
        self.members.cap = group.member_cap or 0
        if not (keep_edits and self.profile.is_dirty()):
            self.profile.fill(group)
        else:
            self.profile.parent_combo.reload(group.id, self.profile.parent_combo.group_id())
        self._show_header(row)
        self.members.show_members()
        self.subgroups.show_subgroups([r for r in every if r.parent_id == group.id])
        self._retitle(self.subgroups)
        self.rules_tab.set_group(group.id, group.name)
        self._retitle(self.rules_tab)
        self.activity_box.set_group(group.id)
        self._retitle(self.activity_box)
        self.chat_activity.set_group(group.id)
        self.health_tab.set_group(group.id)
        return True

    def _show_header(self, group: GroupRow) -> None:
        self.title_label.setText(group.name)
        self.archived_badge.setVisible(self._archived)
        self.archive_button.setText(self.tr("Unarchive") if self._archived else self.tr("Archive…"))
        self.archive_button.setToolTip(
            self.tr("Bring the group back into the daily lists.")
            if self._archived
            else self.tr("Hide the group from the daily lists; everything about it is kept.")
        )
        parts = [label(PLATFORMS, group.platform), label(KINDS, group.kind)]
        if group.platform_id:
            parts.append(self.tr("No. {number}").format(number=group.platform_id))
        if group.last_interaction is None:
            parts.append(self.tr("no interaction logged yet"))
        else:
            when = clock.to_local(group.last_interaction).strftime("%Y-%m-%d")
            parts.append(self.tr("last interaction {date}").format(date=when))
        self.summary_label.setText(" · ".join(parts))
        if group.parent_id is not None:
            self.parent_button.setText(self.tr("↑ Part of {name}").format(name=group.parent_name))
        self.parent_button.setVisible(group.parent_id is not None)

    # --- editing -----------------------------------------------------------------------

    def save(self) -> bool:
        """Write the profile; a refusal is shown under the form and nothing is written."""
        return self.profile.save()

    def _profile_saved(self) -> None:
        self.reload(keep_edits=False)
        self.profile.saved_label.show()
        self.changed.emit()

    # --- actions -----------------------------------------------------------------------

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests replace or answer this dialog)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setObjectName("confirmBox")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _toggle_archived(self) -> None:
        if self._group_id is None:
            return
        name = self.title_label.text()
        if not self._archived and not self.confirm(
            self.tr("Archive group"),
            self.tr(
                "Archive “{name}”? It leaves the daily lists; its members, history and rules are "
                "kept, and you can unarchive it at any time."
            ).format(name=name),
        ):
            return
        groups.set_archived(self._group_id, not self._archived)
        self.reload()
        self.changed.emit()

    def _open_parent(self) -> None:
        if self._parent_id is not None:
            self.groupRequested.emit(self._parent_id)

    def _new_subgroup(self) -> None:
        if self._group_id is not None:
            self.newSubgroupRequested.emit(self._group_id)

    def _import_chats(self) -> None:
        """Chat history into this group (the Groups panel redraws after, as it follows)."""
        if self._group_id is not None:
            import_chat_history(self, group_id=self._group_id)

    def _import(self) -> None:
        self.importRequested.emit(self.title_label.text())

    # --- health actions ----------------------------------------------------------------

    def _health_action(self, action: str, _sentence: str) -> None:
        """A finding's button: a task in the queue, another tab, or another panel."""
        group_id = self._group_id
        if group_id is None:
            return
        if action == "rules":
            self.tabs.setCurrentWidget(self.rules_tab)
        elif action == "profile":
            self.tabs.setCurrentWidget(self.profile)
            self.description_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif action == "appoint_helper":
            self.pyramidRequested.emit(group_id)
        elif action == "clear_violations":
            self.violationsRequested.emit(group_id)
        elif action in ("topic", "checkin", "meetup", *ACTIVITY_ACTIONS):
            self._ask_and_act(group_id, action)

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this to fill dialogs in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _ask_and_act(self, group_id: int, action: str) -> None:
        """Ask what the action needs in its small dialog, then confirm beside the button."""
        name = self.title_label.text()
        dialog: QDialog
        found = activity_dialog(action, group_id, name, self)
        if found is not None:
            dialog = found
        elif action == "topic":
            dialog = TopicDialog(group_id, name, self)
        elif action == "checkin":
            dialog = CheckinDialog(group_id, name, health_actions.group_helpers(group_id), self)
        else:
            dialog = MeetupPlanDialog(group_id, name, self)
        if not accepted(self.exec_dialog, dialog):
            return
        self.health_tab.refresh()
        self.health_tab.confirm(action, str(getattr(dialog, "outcome", "") or ""))
        self.changed.emit()
