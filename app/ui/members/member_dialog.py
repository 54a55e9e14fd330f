"""A member's page: every field, the groups they are in, tier history and meetups.

The profile is written when Save is pressed (all or nothing: a refused field shows its
message here and nothing is written). Group changes are written at once, each by its own
small dialog, and the page says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import clock
from app.core import members as core
from app.core.erase import erase_member
from app.core.errors import HuoqunError
from app.core.groups import group_choices
from app.core.tiers import list_tiers
from app.store.models import Member, Membership
from app.ui.labels import GENDERS, ROLES, STATUSES, label
from app.ui.members.member_violations import MemberViolationsView
from app.ui.members.membership_dialog import MembershipDialog
from app.ui.members.tags_edit import TagsEdit
from app.ui.widgets.activity_box import ActivityBox
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.swatch import swatch

NOTE_STYLE = "color: palette(placeholder-text);"


def _day(moment: Any) -> str:
    return "" if moment is None else clock.to_local(moment).strftime("%Y-%m-%d")


def _cell(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _note(text: str) -> QLabel:
    """A grey line that explains an empty table."""
    label = QLabel(text)
    label.setStyleSheet(NOTE_STYLE)
    label.setWordWrap(True)
    return label


class MemberDialog(QDialog):
    """Create a member (``member_id`` None) or edit one; ``wrote`` says if anything was written."""

    groupOpened = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self.wrote = False
        self.opened_group_id: int | None = None
        self._loaded: dict[str, Any] = {}
        self._memberships: dict[int, Membership] = {}
        self.setObjectName("memberDialog")
        self.resize(940, 600)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("memberTabs")
        self.tabs.addTab(self._build_profile(), self.tr("Profile"))
        if member_id is not None:
            self.tabs.addTab(self._build_groups(), self.tr("Groups"))
            self.tabs.addTab(self._build_history(), self.tr("Tier history"))
            self.tabs.addTab(self._build_meetups(), self.tr("Meetups"))
            self.violations_view = MemberViolationsView(member_id, lambda d: self.exec_dialog(d))
            self.violations_view.changed.connect(self._violations_changed)
            self.tabs.addTab(self.violations_view, self.violations_view.title())
            self.activity_box = ActivityBox()
            self.activity_box.exec_dialog = lambda d: self.exec_dialog(d)  # type: ignore[method-assign]
            self.activity_box.changed.connect(self._activity_changed)
            self.activity_box.set_member(member_id)
            self.tabs.addTab(self.activity_box, self.activity_box.title())

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

        self._fill_choices()
        if member_id is None:
            self.setWindowTitle(self.tr("New member"))
        else:
            self._load(core.get_member(member_id))
        # a new member starts at the name; an existing one opens with no field to type over
        (self.name_edit if member_id is None else self.tabs.tabBar()).setFocus()

    # --- building ------------------------------------------------------------------------

    def _build_profile(self) -> QWidget:
        page = QWidget()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setPlaceholderText(self.tr("The name you know them by"))
        self.qq_edit = QLineEdit()
        self.qq_edit.setObjectName("qqEdit")
        self.qq_edit.setPlaceholderText(self.tr("5 to 11 digits"))
        self.wechat_edit = QLineEdit()
        self.wechat_edit.setObjectName("wechatEdit")
        self.wechat_edit.setPlaceholderText(self.tr("e.g. wxid_… or one they chose"))
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phoneEdit")
        self.phone_edit.setPlaceholderText(self.tr("e.g. 138 0013 8000 or +86…"))
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("emailEdit")
        self.city_edit = QLineEdit()
        self.city_edit.setObjectName("cityEdit")
        self.gender_combo = QComboBox()
        self.gender_combo.setObjectName("genderCombo")
        for code in core.GENDERS:
            self.gender_combo.addItem(label(GENDERS, code), code)
        self.tier_combo = QComboBox()
        self.tier_combo.setObjectName("tierCombo")
        self.tier_reason_edit = QLineEdit()
        self.tier_reason_edit.setObjectName("tierReasonEdit")
        self.tier_reason_edit.setPlaceholderText(self.tr("Reason for the tier change (optional)"))
        self.tier_reason_edit.hide()
        self.tier_combo.currentIndexChanged.connect(lambda _i: self._tier_changed())
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusCombo")
        for code in core.STATUSES:
            self.status_combo.addItem(label(STATUSES, code), code)
        self.status_reason_edit = QLineEdit()
        self.status_reason_edit.setObjectName("statusReasonEdit")
        self.status_reason_edit.setPlaceholderText(self.tr("Why, e.g. posted ads after a warning"))
        self.star_check = QCheckBox(self.tr("Star or soul figure: people join groups for them"))
        self.star_check.setObjectName("starCheck")
        self.tags_edit = TagsEdit()
        self.tags_edit.setObjectName("tagsEdit")
        self.tags_edit.setPlaceholderText(self.tr("Comma-separated, e.g. volunteer, photographer"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notesEdit")
        self.notes_edit.setTabChangesFocus(True)
        self.first_group_combo = QComboBox()
        self.first_group_combo.setObjectName("firstGroupCombo")
        self.first_group_combo.setMaxVisibleItems(20)
        self.seen_label = QLabel()
        self.seen_label.setObjectName("seenLabel")

        tier_row = QHBoxLayout()
        tier_row.addWidget(self.tier_combo)
        tier_row.addWidget(self.tier_reason_edit, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_combo)
        status_row.addWidget(self.status_reason_edit, 1)

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow(self.tr("Display name:"), self.name_edit)
        left.addRow(self.tr("QQ:"), self.qq_edit)
        left.addRow(self.tr("WeChat id:"), self.wechat_edit)
        left.addRow(self.tr("Phone:"), self.phone_edit)
        left.addRow(self.tr("Email:"), self.email_edit)
        left.addRow(self.tr("City:"), self.city_edit)
        right = QFormLayout()
        right.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        right.addRow(self.tr("Gender:"), self.gender_combo)
        right.addRow(self.tr("Tier:"), tier_row)
        right.addRow(self.tr("Status:"), status_row)
        right.addRow("", self.star_check)
        right.addRow(self.tr("Tags:"), self.tags_edit)
        if self.member_id is None:
            right.addRow(self.tr("Add to group:"), self.first_group_combo)
        else:
            self.first_group_combo.hide()
            right.addRow("", self.seen_label)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        notes_label = QLabel(self.tr("Notes:"))
        notes_label.setBuddy(self.notes_edit)
        layout = QVBoxLayout(page)
        layout.addLayout(columns)
        layout.addSpacing(6)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_edit, 1)
        return page

    def _build_groups(self) -> QWidget:
        page = QWidget()
        self.memberships_table = _table(
            [
                self.tr("Group"),
                self.tr("Group nickname"),
                self.tr("Role"),
                self.tr("Joined"),
                self.tr("Last spoke"),
                self.tr("Left"),
            ],
            "membershipsTable",
        )
        widths = (200, 160, 80, 100, 100, 100)
        for column, width in enumerate(widths):
            self.memberships_table.setColumnWidth(column, width)
        self.memberships_table.doubleClicked.connect(lambda _i: self._edit_membership())
        self.memberships_table.itemSelectionChanged.connect(self._update_membership_buttons)
        self.add_membership_button = QPushButton(self.tr("Add to group…"))
        self.add_membership_button.setObjectName("addMembershipButton")
        self.add_membership_button.clicked.connect(self._add_membership)
        self.edit_membership_button = QPushButton(self.tr("Edit…"))
        self.edit_membership_button.setObjectName("editMembershipButton")
        self.edit_membership_button.clicked.connect(self._edit_membership)
        self.leave_button = QPushButton(self.tr("Leave group"))
        self.leave_button.setObjectName("leaveGroupButton")
        self.leave_button.clicked.connect(self._leave_group)
        self.open_group_button = QPushButton(self.tr("Open group"))
        self.open_group_button.setObjectName("openGroupButton")
        self.open_group_button.clicked.connect(self._open_group)
        note = QLabel(self.tr("Changes to groups are saved at once."))
        note.setStyleSheet(NOTE_STYLE)
        buttons = QHBoxLayout()
        for button in (
            self.add_membership_button,
            self.edit_membership_button,
            self.leave_button,
            self.open_group_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(note)
        layout = QVBoxLayout(page)
        self.no_groups_note = _note(
            self.tr("Not in any group yet. Use “Add to group…” to record a membership.")
        )
        layout.addWidget(self.no_groups_note)
        layout.addWidget(self.memberships_table, 1)
        layout.addLayout(buttons)
        return page

    def _build_history(self) -> QWidget:
        page = QWidget()
        self.history_table = _table(
            [self.tr("When"), self.tr("From"), self.tr("To"), self.tr("Why")], "tierHistoryTable"
        )
        for column, width in enumerate((140, 140, 140)):
            self.history_table.setColumnWidth(column, width)
        layout = QVBoxLayout(page)
        self.no_history_note = _note(
            self.tr("The tier has not changed since this member was first seen.")
        )
        layout.addWidget(self.no_history_note)
        layout.addWidget(self.history_table)
        return page

    def _build_meetups(self) -> QWidget:
        page = QWidget()
        self.meetups_table = _table(
            [self.tr("Meetup"), self.tr("Date"), self.tr("RSVP"), self.tr("Attended")],
            "meetupsTable",
        )
        for column, width in enumerate((300, 140, 100)):
            self.meetups_table.setColumnWidth(column, width)
        layout = QVBoxLayout(page)
        self.no_meetups_note = _note(self.tr("Not invited to any meetup yet."))
        layout.addWidget(self.no_meetups_note)
        layout.addWidget(self.meetups_table)
        return page

    def _fill_choices(self) -> None:
        for tier in list_tiers():
            self.tier_combo.addItem(swatch(tier.colour), f"{tier.rank} · {tier.name}", tier.id)
        self.tier_combo.setCurrentIndex(self.tier_combo.count() - 1)  # new members start low
        self.tags_edit.set_known_tags(core.all_tags())
        if self.member_id is None:
            self.first_group_combo.addItem(self.tr("No group yet"), None)
            for group in group_choices():
                self.first_group_combo.addItem(group.name, group.id)

    # --- loading -------------------------------------------------------------------------

    def _load(self, member: Member) -> None:
        self.setWindowTitle(self.tr("Member: {name}").format(name=member.name))
        self.name_edit.setText(member.name)
        self.qq_edit.setText(member.qq or "")
        self.wechat_edit.setText(member.wechat_id or "")
        self.phone_edit.setText(member.phone or "")
        self.email_edit.setText(member.email)
        self.city_edit.setText(member.city)
        self.gender_combo.setCurrentIndex(max(0, self.gender_combo.findData(member.gender)))
        self.tier_combo.setCurrentIndex(max(0, self.tier_combo.findData(member.tier_id)))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(member.status)))
        self.status_reason_edit.setText(member.status_reason)
        self.star_check.setChecked(member.star)
        self.tags_edit.set_tags(core.tags_of(member.id))
        self.notes_edit.setPlainText(member.notes)
        seen = self.tr("First seen {date}").format(date=_day(member.first_seen))
        if member.last_contacted is not None:
            seen += " · " + self.tr("last contacted {date}").format(
                date=_day(member.last_contacted)
            )
        self.seen_label.setText(seen)
        self._load_memberships()
        self._load_history()
        self._load_meetups()
        self._loaded = self.values()
        self._tier_changed()

    def _tier_changed(self) -> None:
        """On a member's page, offer a line for the reason once the tier differs from the stored."""
        changed = bool(self._loaded) and self.tier_combo.currentData() != self._loaded["tier_id"]
        self.tier_reason_edit.setVisible(changed)

    def _load_memberships(self) -> None:
        assert self.member_id is not None
        rows = core.memberships_of(self.member_id)
        table = self.memberships_table
        table.setRowCount(len(rows))
        for row, membership in enumerate(rows):
            table.setItem(row, 0, _cell(membership.group.name, membership.id))
            table.setItem(row, 1, _cell(membership.nickname))
            table.setItem(row, 2, _cell(label(ROLES, membership.role)))
            table.setItem(row, 3, _cell(_day(membership.joined_at)))
            table.setItem(row, 4, _cell(_day(membership.last_spoke_at)))
            table.setItem(row, 5, _cell(_day(membership.left_at)))
        self._memberships = {m.id: m for m in rows}
        current = sum(1 for m in rows if m.left_at is None)
        self.tabs.setTabText(1, self.tr("Groups (%n)", "", current))
        self.no_groups_note.setVisible(not rows)
        self._update_membership_buttons()

    def _load_history(self) -> None:
        assert self.member_id is not None
        changes = core.tier_history(self.member_id)
        self.history_table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            when = clock.to_local(change.at).strftime("%Y-%m-%d %H:%M")
            self.history_table.setItem(row, 0, _cell(when))
            from_name = change.from_tier.name if change.from_tier is not None else "—"
            to_name = change.to_tier.name if change.to_tier is not None else "—"
            self.history_table.setItem(row, 1, _cell(from_name))
            self.history_table.setItem(row, 2, _cell(to_name))
            self.history_table.setItem(row, 3, _cell(change.reason))
        self.tabs.setTabText(2, self.tr("Tier history (%n)", "", len(changes)))
        self.no_history_note.setVisible(not changes)

    def _rsvp_text(self, code: str) -> str:
        words = {
            "invited": self.tr("Invited"),
            "going": self.tr("Going"),
            "maybe": self.tr("Maybe"),
            "declined": self.tr("Declined"),
            "waitlist": self.tr("Waitlist"),
        }
        return words.get(code, code)

    def _load_meetups(self) -> None:
        assert self.member_id is not None
        rows = core.meetups_of(self.member_id)
        self.meetups_table.setRowCount(len(rows))
        attended = 0
        for row, (meetup, attendance) in enumerate(rows):
            when = clock.to_local(meetup.start_at).strftime("%Y-%m-%d %H:%M")
            if attendance.attended is None:
                came = ""
            elif attendance.attended:
                came = self.tr("Attended")
                attended += 1
            else:
                came = self.tr("No-show")
            self.meetups_table.setItem(row, 0, _cell(meetup.title))
            self.meetups_table.setItem(row, 1, _cell(when))
            self.meetups_table.setItem(row, 2, _cell(self._rsvp_text(attendance.rsvp)))
            self.meetups_table.setItem(row, 3, _cell(came))
        self.tabs.setTabText(3, self.tr("Meetups (%n attended)", "", attended))
        self.no_meetups_note.setVisible(not rows)

    def _violations_changed(self) -> None:
        """A ban or unban changed the stored status: show it, keeping other unsaved edits."""
        self.wrote = True
        self.tabs.setTabText(self.tabs.indexOf(self.violations_view), self.violations_view.title())
        assert self.member_id is not None
        member = core.get_member(self.member_id)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(member.status)))
        self.status_reason_edit.setText(member.status_reason)
        self._loaded.update(status=member.status, status_reason=member.status_reason)

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

    # --- memberships ---------------------------------------------------------------------

    def _activity_changed(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.activity_box), self.activity_box.title())

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a sub-dialog modally; tests replace this to fill it in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def selected_membership(self) -> Membership | None:
        items = self.memberships_table.selectedItems()
        if not items:
            return None
        first = self.memberships_table.item(items[0].row(), 0)
        return self._memberships.get(first.data(Qt.ItemDataRole.UserRole))

    def _update_membership_buttons(self) -> None:
        membership = self.selected_membership()
        self.edit_membership_button.setEnabled(membership is not None)
        self.open_group_button.setEnabled(membership is not None)
        self.leave_button.setEnabled(membership is not None and membership.left_at is None)

    def _after_membership_change(self, select_id: int | None) -> None:
        self.wrote = True
        self._load_memberships()
        if select_id is None:
            return
        for row in range(self.memberships_table.rowCount()):
            item = self.memberships_table.item(row, 0)
            if item.data(Qt.ItemDataRole.UserRole) == select_id:
                self.memberships_table.selectRow(row)
                break

    def _add_membership(self) -> None:
        assert self.member_id is not None
        dialog = MembershipDialog(self.member_id, None, self)
        if accepted(self.exec_dialog, dialog):
            group_id = dialog.group_combo.currentData() if dialog.group_combo else None
            self._after_membership_change(None)
            for membership in self._memberships.values():
                if membership.group_id == group_id:
                    self._after_membership_change(membership.id)

    def _edit_membership(self) -> None:
        membership = self.selected_membership()
        if membership is None or self.member_id is None:
            return
        dialog = MembershipDialog(self.member_id, membership, self)
        if accepted(self.exec_dialog, dialog):
            self._after_membership_change(membership.id)

    def _leave_group(self) -> None:
        membership = self.selected_membership()
        if membership is None or self.member_id is None:
            return
        try:
            core.leave_group(self.member_id, membership.group_id)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self.show_error("")
        self._after_membership_change(membership.id)

    def _open_group(self) -> None:
        """Leave this page for the group's page, saving the profile first if it changed."""
        membership = self.selected_membership()
        if membership is None:
            return
        if self.profile_changed() and not self.save():
            return
        self.opened_group_id = membership.group_id
        self.groupOpened.emit(membership.group_id)
        super().accept()

    # --- saving --------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.error.show_error(message)

    def values(self) -> dict[str, Any]:
        """The profile as typed, in the fields ``core.members`` takes."""
        return {
            "name": self.name_edit.text(),
            "qq": self.qq_edit.text(),
            "wechat_id": self.wechat_edit.text(),
            "phone": self.phone_edit.text(),
            "email": self.email_edit.text(),
            "city": self.city_edit.text(),
            "gender": self.gender_combo.currentData(),
            "tier_id": self.tier_combo.currentData(),
            "status": self.status_combo.currentData(),
            "status_reason": self.status_reason_edit.text(),
            "star": self.star_check.isChecked(),
            "notes": self.notes_edit.toPlainText(),
            "tags": self.tags_edit.tags(),
        }

    def profile_changed(self) -> bool:
        return self.member_id is None or self.values() != self._loaded

    def save(self) -> bool:
        """Write the profile; on a refusal show why, write nothing and return False."""
        fields = self.values()
        tags = fields.pop("tags")
        try:
            if self.member_id is None:
                name = fields.pop("name")
                member = core.create_member(name, tags, **fields)
                self.member_id = member.id
                self.wrote = True
                self._loaded = self.values()
                group_id = self.first_group_combo.currentData()
                if group_id is not None:
                    core.add_membership(member.id, group_id)
            else:
                reason = self.tier_reason_edit.text().strip()
                core.update_member(self.member_id, tags=tags, tier_reason=reason, **fields)
                self.wrote = True
                self._loaded = self.values()
                self.tier_reason_edit.clear()
                self._tier_changed()
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
