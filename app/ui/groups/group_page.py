"""A group's page: its profile editor, its members and its sub-groups."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, groups, settings, suggestions
from app.core.errors import HuoqunError, NotFound
from app.core.groups import GroupRow
from app.core.member_list import MemberFilter, search_ids
from app.ui.error_messages import error_text
from app.ui.groups.group_fields import OptionalNumberSpin, ParentCombo, kind_combo, platform_combo
from app.ui.groups.group_member_table import (
    COL_JOINED,
    COL_LAST_SPOKE,
    COL_NAME,
    COL_NICKNAME,
    COL_ROLE,
    COL_STATUS,
    GroupMemberTableModel,
)
from app.ui.groups.group_rules_tab import GroupRulesTab
from app.ui.groups.group_table import ARCHIVED_COLOUR
from app.ui.labels import KINDS, PLATFORMS, label
from app.ui.widgets.activity_box import ActivityBox
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.health_tab import HealthTab, task_titles

if TYPE_CHECKING:
    from app.store.models import Group

HINT_STYLE = "color: palette(placeholder-text);"
HEALTH_TAB, PROFILE_TAB, MEMBERS_TAB, SUBGROUPS_TAB, RULES_TAB, ACTIVITY_TAB = range(6)
GroupIdRole = Qt.ItemDataRole.UserRole + 1
MEMBER_WIDTHS = {
    COL_NAME: 140, COL_NICKNAME: 150, COL_ROLE: 70, COL_STATUS: 70, COL_LAST_SPOKE: 95,
    COL_JOINED: 95,
}  # fmt: skip


class SubgroupList(QListWidget):
    """Sub-groups; a double-click or Enter asks to open one (a click only selects it)."""

    groupChosen = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.itemActivated.connect(self._choose)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.groupChosen.emit(int(item.data(GroupIdRole)))


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
        self._cap = 0
        self._dirty = False
        self._loading = False

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
        title_row.addWidget(self.archive_button)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("groupTabs")
        self.tabs.setDocumentMode(True)
        self.health_tab = HealthTab()
        self.health_tab.actionRequested.connect(self._health_action)
        self.tabs.addTab(self.health_tab, self.health_tab.title())
        self.profile_page = self._build_profile()
        self.tabs.addTab(self.profile_page, self.tr("Profile"))
        self.tabs.addTab(self._build_members(), "")
        self.tabs.addTab(self._build_subgroups(), "")
        self.rules_tab = GroupRulesTab()
        self.rules_tab.changed.connect(self.changed)
        self.tabs.addTab(self.rules_tab, "")
        self.activity_box = ActivityBox()
        self.activity_box.changed.connect(self.changed)
        self.tabs.addTab(self.activity_box, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.addLayout(title_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.parent_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tabs, 1)

    # --- building ----------------------------------------------------------------------

    def _build_profile(self) -> QWidget:
        page = QWidget()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("profileName")
        self.name_edit.setMaxLength(100)
        self.platform_combo = platform_combo()
        self.platform_combo.setObjectName("profilePlatform")
        self.platform_id_edit = QLineEdit()
        self.platform_id_edit.setObjectName("profilePlatformId")
        self.kind_combo = kind_combo()
        self.kind_combo.setObjectName("profileKind")
        self.parent_combo = ParentCombo()
        self.parent_combo.setObjectName("profileParent")
        self.description_edit = QPlainTextEdit()
        self.description_edit.setObjectName("profileDescription")
        self.description_edit.setPlaceholderText(
            self.tr("What the group is about and who it is for")
        )
        self.announcement_edit = QPlainTextEdit()
        self.announcement_edit.setObjectName("profileAnnouncement")
        self.announcement_edit.setPlaceholderText(self.tr("The pinned announcement"))
        line = self.description_edit.fontMetrics().lineSpacing()
        for edit in (self.description_edit, self.announcement_edit):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(line * 3 + 12)
        self.description_edit.setMaximumHeight(line * 6 + 12)
        self.cap_spin = OptionalNumberSpin(self.tr("No cap"))
        self.cap_spin.setObjectName("profileMemberCap")
        default_days = int(settings.get("group_cadence_days") or 0)
        self.cadence_spin = OptionalNumberSpin(
            self.tr("Default (every %n day(s))", "", default_days)
        )
        self.cadence_spin.setObjectName("profileCadence")
        self.cadence_spin.setToolTip(
            self.tr("How many days may pass between interactions before the group needs one.")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Platform:"), self.platform_combo)
        form.addRow(self.tr("Group &number:"), self.platform_id_edit)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("P&arent group:"), self.parent_combo)
        form.addRow(self.tr("&Description:"), self.description_edit)
        form.addRow(self.tr("Announce&ment:"), self.announcement_edit)
        form.addRow(self.tr("Member &cap:"), self.cap_spin)
        form.addRow(self.tr("Interaction ca&dence (days):"), self.cadence_spin)

        self.error_label = ErrorLabel("groupError")
        self.saved_label = QLabel(self.tr("Saved."))
        self.saved_label.setObjectName("groupSaved")
        self.saved_label.setStyleSheet(HINT_STYLE)
        self.saved_label.hide()
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setObjectName("revertGroupButton")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveGroupButton")
        self.save_button.setToolTip(self.tr("Save the profile (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        save_keys = QShortcut(QKeySequence.StandardKey.Save, page)
        save_keys.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_keys.activated.connect(self._save_if_dirty)

        for button in (self.revert_button, self.save_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(self.saved_label, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(page)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)

        for line in (self.name_edit, self.platform_id_edit):
            line.textEdited.connect(self._mark_dirty)
        for text in (self.description_edit, self.announcement_edit):
            text.textChanged.connect(self._mark_dirty)
        for combo in (self.platform_combo, self.kind_combo, self.parent_combo):
            combo.currentIndexChanged.connect(self._mark_dirty)
        for spin in (self.cap_spin, self.cadence_spin):
            spin.valueChanged.connect(self._mark_dirty)
        self._set_dirty(False)
        return page

    def _build_members(self) -> QWidget:
        page = QWidget()
        self.member_count_label = QLabel()
        self.member_count_label.setObjectName("groupMemberCount")
        self.member_filter = QLineEdit()
        self.member_filter.setObjectName("groupMemberFilter")
        self.member_filter.setPlaceholderText(self.tr("Find a member: name, pinyin, QQ, WeChat id"))
        self.member_filter.setClearButtonEnabled(True)
        self.member_filter.textChanged.connect(self._filter_members)
        self.member_model = GroupMemberTableModel(self)
        self.member_table = QTableView()
        self.member_table.setObjectName("groupMembers")
        self.member_table.setModel(self.member_model)
        self.member_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.member_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.member_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.member_table.setAlternatingRowColors(True)
        self.member_table.setWordWrap(False)
        self.member_table.verticalHeader().hide()
        self.member_table.verticalHeader().setDefaultSectionSize(
            self.member_table.fontMetrics().height() + 8
        )
        header = self.member_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never to contents
        header.setStretchLastSection(True)
        words = header.fontMetrics()
        for column in range(self.member_model.columnCount()):
            title = str(self.member_model.headerData(column, Qt.Orientation.Horizontal))
            wanted = MEMBER_WIDTHS.get(column, 110)  # a name, a date, a role: typical widths
            header.resizeSection(column, max(wanted, words.horizontalAdvance(title) + 28))
        self.member_table.setSortingEnabled(True)
        self.member_table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.member_table.activated.connect(self._open_member)
        hint = QLabel(self.tr("Double-click a member or press Enter to open their page."))
        hint.setStyleSheet(HINT_STYLE)
        self.import_button = QPushButton(self.tr("Import a roster…"))
        self.import_button.setObjectName("groupImportButton")
        self.import_button.setToolTip(
            self.tr("Bring in this group's member list from a QQ or WeChat export or a sheet")
        )
        self.import_button.clicked.connect(self._import)

        top = QHBoxLayout()
        top.addWidget(self.member_count_label, 1)
        top.addWidget(self.member_filter, 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.member_table, 1)
        layout.addWidget(hint)
        return page

    def _build_subgroups(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Sub-groups are groups pulled out of this one, such as a core group of helpers "
                "who help run it. Click one to open it."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        self.subgroup_list = SubgroupList()
        self.subgroup_list.setObjectName("subgroupList")
        self.subgroup_list.setSpacing(3)
        self.subgroup_list.groupChosen.connect(self.groupRequested)
        self.no_subgroups_label = QLabel(self.tr("This group has no sub-groups yet."))
        self.no_subgroups_label.setObjectName("noSubgroups")
        self.no_subgroups_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_subgroup_button = QPushButton(self.tr("New sub-group…"))
        self.new_subgroup_button.setObjectName("newSubgroupButton")
        self.new_subgroup_button.clicked.connect(self._new_subgroup)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.new_subgroup_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.subgroup_list, 1)
        layout.addWidget(self.no_subgroups_label, 1)
        layout.addLayout(bottom)
        return page

    # --- showing a group ---------------------------------------------------------------

    @property
    def group_id(self) -> int | None:
        return self._group_id

    def focus_page(self) -> None:
        """Put the keyboard focus on the open tab's main widget (Enter on the groups list)."""
        targets = (
            self.health_tab, self.name_edit, self.member_table, self.subgroup_list, self.rules_tab,
            self.activity_box,
        )  # fmt: skip
        targets[self.tabs.currentIndex()].setFocus(Qt.FocusReason.OtherFocusReason)

    def is_dirty(self) -> bool:
        """Whether the profile has edits that are not saved."""
        return self._dirty

    def load(self, group_id: int) -> bool:
        """Show ``group_id`` (discarding unsaved edits); False if it no longer exists."""
        self._group_id = group_id
        self.member_filter.blockSignals(True)
        self.member_filter.clear()
        self.member_filter.blockSignals(False)
        self._set_dirty(False)
        return self.reload(keep_edits=False)

    def reload(self, keep_edits: bool = True) -> bool:
        """Re-read the shown group; the profile form keeps unsaved edits if ``keep_edits``."""
        if self._group_id is None:
            return False
        try:
            group = groups.get_group(self._group_id)
        except NotFound:
            self._group_id = None
            return False
        every = groups.list_groups(include_archived=True)  # a few hundred rows, one query
        row = next(r for r in every if r.id == group.id)
        self._parent_id = group.parent_id
        self._archived = bool(group.archived)
        self._cap = group.member_cap or 0
        if not (keep_edits and self._dirty):
            self._fill_form(group)
        else:
            self.parent_combo.reload(group.id, self.parent_combo.group_id())
        self._show_header(row)
        self._show_members()
        self._show_subgroups([r for r in every if r.parent_id == group.id])
        self.rules_tab.set_group(group.id, group.name)
        self.tabs.setTabText(self.tabs.indexOf(self.rules_tab), self.rules_tab.title())
        self.activity_box.set_group(group.id)
        self.tabs.setTabText(self.tabs.indexOf(self.activity_box), self.activity_box.title())
        self.health_tab.set_group(group.id)
        return True

    def _fill_form(self, group: Group) -> None:
        self._loading = True
        try:
            self.name_edit.setText(group.name)
            self.platform_combo.set_code(group.platform)
            self.platform_id_edit.setText(group.platform_id)
            self.kind_combo.set_code(group.kind)
            self.parent_combo.reload(group.id, group.parent_id)
            self.description_edit.setPlainText(group.description)
            self.announcement_edit.setPlainText(group.announcement)
            self.cap_spin.set_number(group.member_cap)
            self.cadence_spin.set_number(group.cadence_days)
        finally:
            self._loading = False
        self.error_label.hide()
        self._set_dirty(False)

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

    def _show_members(self) -> None:
        text = self.member_filter.text()
        self.member_model.set_filter(MemberFilter(text=text, group_id=self._group_id))
        self._count_members()

    def _count_members(self) -> None:
        shown = self.member_model.rowCount()
        total = shown
        if self.member_filter.text():
            total = len(search_ids(MemberFilter(group_id=self._group_id)))
            text = self.tr("{shown} of %n member(s) match", "", total).format(shown=f"{shown:,}")
        elif self._cap:
            text = self.tr("%n member(s), cap {cap}", "", total).format(cap=f"{self._cap:,}")
        else:
            text = self.tr("%Ln member(s)", "", total)
        self.member_count_label.setText(text)
        self.tabs.setTabText(MEMBERS_TAB, self.tr("Members (%n)", "", total))

    def _show_subgroups(self, children: list[GroupRow]) -> None:
        self.subgroup_list.clear()
        for child in children:
            details = " · ".join(
                (
                    label(PLATFORMS, child.platform),
                    label(KINDS, child.kind),
                    self.tr("%Ln member(s)", "", child.members),
                )
            )
            text = f"{child.name}    {details}"
            if child.archived:
                text = self.tr("{name} (archived)").format(name=text)
            item = QListWidgetItem(text)
            item.setData(GroupIdRole, child.id)
            if child.archived:
                item.setForeground(QBrush(ARCHIVED_COLOUR))
            self.subgroup_list.addItem(item)
        self.subgroup_list.setVisible(bool(children))
        self.no_subgroups_label.setVisible(not children)
        self.tabs.setTabText(SUBGROUPS_TAB, self.tr("Sub-groups (%n)", "", len(children)))

    # --- editing -----------------------------------------------------------------------

    def _mark_dirty(self) -> None:
        if not self._loading and self._group_id is not None:
            self._set_dirty(True)
            self.saved_label.hide()

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def profile_fields(self) -> dict[str, Any]:
        """The profile as typed, as ``groups.update_group`` keywords."""
        return {
            "name": self.name_edit.text(),
            "platform": self.platform_combo.code(),
            "platform_id": self.platform_id_edit.text(),
            "kind": self.kind_combo.code(),
            "parent_id": self.parent_combo.group_id(),
            "description": self.description_edit.toPlainText(),
            "announcement": self.announcement_edit.toPlainText(),
            "member_cap": self.cap_spin.number(),
            "cadence_days": self.cadence_spin.number(),
        }

    def save(self) -> bool:
        """Write the profile; a refusal is shown under the form and nothing is written."""
        if self._group_id is None:
            return False
        try:
            groups.update_group(self._group_id, **self.profile_fields())
        except HuoqunError as exc:
            self.saved_label.hide()
            self.error_label.show_error(exc)
            return False
        self.error_label.hide()
        self._set_dirty(False)
        self.reload(keep_edits=False)
        self.saved_label.show()
        self.changed.emit()
        return True

    def _save_if_dirty(self) -> None:
        if self._dirty:
            self.save()

    def revert(self) -> None:
        """Throw away unsaved edits and show what is stored."""
        self._set_dirty(False)
        self.reload(keep_edits=False)

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

    def _import(self) -> None:
        if self._group_id is not None:
            self.importRequested.emit(self.title_label.text())

    def _filter_members(self) -> None:
        if self._group_id is not None:
            self._show_members()

    def _open_member(self, index: QModelIndex) -> None:
        if index.isValid():
            self.memberOpened.emit(self.member_model.member_id(index.row()))

    # --- health actions ----------------------------------------------------------------

    def _health_action(self, action: str, _sentence: str) -> None:
        """A finding's button: a task in the queue, another tab, or another panel."""
        group_id = self._group_id
        if group_id is None:
            return
        if action == "rules":
            self.tabs.setCurrentWidget(self.rules_tab)
        elif action == "profile":
            self.tabs.setCurrentWidget(self.profile_page)
            self.description_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif action == "appoint_helper":
            self.pyramidRequested.emit(group_id)
        elif action == "clear_violations":
            self.violationsRequested.emit(group_id)
        elif action in ("topic", "checkin", "meetup"):
            self._queue_task(group_id, action)

    def _queue_task(self, group_id: int, action: str) -> None:
        try:
            created = suggestions.action_task(group_id, action, titles=task_titles())
        except HuoqunError as exc:
            self.health_tab.show_notice(error_text(exc))
            return
        if created is None:
            self.health_tab.show_notice(self.tr("Already in the queue"))
            return
        self.health_tab.show_notice(self.tr("Added to the queue"))
        self.changed.emit()
