"""The Groups panel: every group above, the selected group's page below."""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core import groups
from app.core.errors import NotFound
from app.ui.activity.group_columns import chat_filter_combo
from app.ui.changes import Change, announce, follow
from app.ui.chats.entry import ChatPaths, chat_import_button, import_chat_history
from app.ui.groups.column_menu import install_column_menu
from app.ui.groups.group_dialog import GroupDialog
from app.ui.groups.group_page import GroupPage
from app.ui.groups.group_table import (
    COL_KIND,
    COL_NAME,
    COL_PARENT,
    COL_SCORE,
    COL_STATUS,
    GroupFilterProxy,
    GroupIdRole,
    GroupTableModel,
    fit_columns,
)
from app.ui.imports.import_wizard import run_import_wizard
from app.ui.labels import health_status
from app.ui.widgets.controls import HINT_STYLE

Index = QModelIndex | QPersistentModelIndex


class GroupsPanel(QWidget):
    """Master–detail: the groups list and the page of the selected group."""

    memberOpened = Signal(int)  # noqa: N815 - the main window's names
    pyramidRequested = Signal(int)  # noqa: N815 - appoint a helper in this group
    violationsRequested = Signal(int)  # noqa: N815 - the open violations of this group

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(self, Change.GROUPS | Change.MEMBERS | Change.RULES | Change.TASKS | Change.SETTINGS)
        self.setObjectName("groupsPanel")
        self._syncing = False
        self._columns_sized = False

        self.model = GroupTableModel(self)
        self.proxy = GroupFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("groupFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter groups by name or pinyin"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.returnPressed.connect(self._open_first_match)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.setObjectName("showArchived")
        self.show_archived.toggled.connect(self._show_archived_toggled)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("groupStatusFilter")
        self.status_filter.addItem(self.tr("All"), "")
        for code in ("dying", "attention", "alive"):
            self.status_filter.addItem(health_status(code), code)
        self.status_filter.setToolTip(self.tr("Show only groups of this health status"))
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        self.chat_filter = chat_filter_combo()  # by chat history: falling, rising, none…
        self.chat_filter.currentIndexChanged.connect(self._status_changed)
        self.new_button = QPushButton(self.tr("New group…"))
        self.new_button.setObjectName("newGroupButton")
        self.new_button.setToolTip(self.tr("Add a group (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.new_item())
        self.chat_button = chat_import_button("groupsImportChatButton", self.import_chats)

        self.table = QTableView()
        self.table.setObjectName("groupTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(COL_NAME, 150)  # health first: name, score, status, then the rest
        header.moveSection(header.visualIndex(COL_SCORE), 1)
        header.moveSection(header.visualIndex(COL_STATUS), 2)
        header.setHighlightSections(False)
        install_column_menu(self.table, hidden=(COL_KIND, COL_PARENT))  # shown on each page
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.page.focus_page())
        self.count_label = QLabel()
        self.count_label.setObjectName("groupCount")
        self.count_label.setStyleSheet(HINT_STYLE)

        tools = QHBoxLayout()
        tools.addWidget(self.show_archived)
        tools.addWidget(self.status_filter)
        tools.addWidget(self.chat_filter)
        tools.addStretch(1)
        tools.addWidget(self.chat_button)
        tools.addWidget(self.new_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.addWidget(self.filter_edit)
        left_layout.addLayout(tools)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)

        self.page = GroupPage()
        self.page.memberOpened.connect(self.memberOpened)
        self.page.groupRequested.connect(self.show_group)
        self.page.newSubgroupRequested.connect(self.new_item)
        self.page.changed.connect(self._page_changed)
        self.page.importRequested.connect(self.import_roster)
        self.page.pyramidRequested.connect(self.pyramidRequested)
        self.page.violationsRequested.connect(self.violationsRequested)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("groupEmptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(24)
        self.empty_label.setStyleSheet(HINT_STYLE)
        self.detail = QStackedWidget()
        self.detail.addWidget(self.empty_label)
        self.detail.addWidget(self.page)

        # The list above the page: side by side, eight columns and a page fit a window only
        # when it is far wider than the usual 1200 pixels, so the columns were cut.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("groupsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([340, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.refresh()

    # --- the main window's interface ---------------------------------------------------

    def refresh(self) -> None:
        """Reload the list and the shown page, keeping the selection and unsaved edits."""
        self._syncing = True
        try:
            self.model.refresh()
        finally:
            self._syncing = False
        self._size_columns()
        self._select_shown()
        shown = self.page.group_id is not None and self.page.reload()
        if not shown:
            self._show_empty()  # nothing chosen yet, or the group is gone
        self._update_count()

    def new_item(self, parent_group_id: int | None = None) -> None:
        """Ask for a new group; once created, select it and show its page."""
        if not self._may_leave_page():
            return
        dialog = self.make_group_dialog(parent_group_id)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        created = dialog.created_id
        dialog.deleteLater()
        if not accepted or created is None:
            return
        self.filter_edit.clear()
        self.refresh()
        self._open(created)
        announce(Change.GROUPS, self)

    def focus_search(self) -> None:
        """Put the cursor in the group filter box."""
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def show_group(self, group_id: int) -> None:
        """Select ``group_id`` in the list and show its page."""
        if group_id == self.page.group_id:
            self._select_shown()
            return
        if not self._may_leave_page():
            return
        self._open(group_id)

    # --- seams for tests ---------------------------------------------------------------

    def make_group_dialog(self, parent_group_id: int | None = None) -> GroupDialog:
        """The new-group dialog (tests may replace this to drive it)."""
        return GroupDialog(self, parent_group_id)

    def ask_unsaved(self, name: str) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel the unsaved edits of group ``name``."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to “{name}” before leaving its page?").format(name=name),
            parent=self,
        )
        box.setObjectName("unsavedBox")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    # --- internals ---------------------------------------------------------------------

    def _open(self, group_id: int) -> None:
        """Show ``group_id``'s page and select its row (revealing it if archived/filtered)."""
        try:
            group = groups.get_group(group_id)
        except NotFound:
            return
        if group.archived and not self.show_archived.isChecked():
            self.show_archived.setChecked(True)
        if self.model.row_of(group_id) < 0:
            self.refresh()
        if not self._row_visible(group_id):
            self.filter_edit.clear()
        if self.page.load(group_id):
            self.detail.setCurrentWidget(self.page)
        else:
            self._show_empty()
        self._select_shown()

    def _open_first_match(self) -> None:
        """Enter in the filter box: open the first group listed and put the cursor in the list."""
        if self.proxy.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.selectionModel().setCurrentIndex(
            self.proxy.index(0, COL_NAME),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _row_visible(self, group_id: int) -> bool:
        row = self.model.row_of(group_id)
        return row >= 0 and self.proxy.mapFromSource(self.model.index(row, 0)).isValid()

    def _select_shown(self) -> None:
        """Select the shown group's row without reacting to it as a click."""
        group_id = self.page.group_id
        selection = self.table.selectionModel()
        self._syncing = True
        try:
            if group_id is None or not self._row_visible(group_id):
                selection.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(self.model.row_of(group_id), 0))
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        finally:
            self._syncing = False

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._syncing:
            return
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return  # filtered out or cleared: the page stays
        group_id = int(rows[0].data(GroupIdRole))
        if group_id == self.page.group_id:
            return
        if not self._may_leave_page():
            self._select_shown()
            return
        self._open(group_id)

    def _may_leave_page(self) -> bool:
        """True when the shown page has no unsaved edits, or they were saved or discarded."""
        if not self.page.is_dirty():
            return True
        answer = self.ask_unsaved(self.page.title_label.text())
        if answer == QMessageBox.StandardButton.Save:
            return self.page.save()
        return answer == QMessageBox.StandardButton.Discard

    def import_roster(self, group_name: str = "") -> None:
        """The import wizard, for this group; the lists reload after an import."""
        result = run_import_wizard(self, group_name)
        if result is not None:
            self.refresh()
            if result.group_id is not None:
                self.show_group(result.group_id)
            announce(Change.MEMBERS | Change.GROUPS | Change.TASKS, self)

    def import_chats(self, paths: ChatPaths = ()) -> None:
        """The chat import wizard; then the list shows the last group imported into."""
        if self._may_leave_page():
            import_chat_history(self, paths, then=self._open)

    def _page_changed(self) -> None:
        self.refresh()
        announce(Change.GROUPS | Change.MEMBERS | Change.RULES | Change.TASKS, self)

    def _filter_changed(self, text: str) -> None:
        self._syncing = True  # rows leaving the view move Qt's selection; that is no click
        try:
            self.proxy.set_needle(text)
        finally:
            self._syncing = False
        self._select_shown()
        self._update_count()

    def _status_changed(self) -> None:
        self._syncing = True
        try:
            filters = (self.status_filter, self.chat_filter)  # health status, chat kind
            self.proxy.set_status(*(str(combo.currentData() or "") for combo in filters))
        finally:
            self._syncing = False
        self._select_shown()
        self._update_count()

    def _show_archived_toggled(self, checked: bool) -> None:
        self._syncing = True
        try:
            self.model.set_include_archived(checked)
        finally:
            self._syncing = False
        self._select_shown()
        self._update_count()

    def _show_empty(self) -> None:
        if self.model.rowCount() == 0 and not self.show_archived.isChecked():
            text = self.tr(
                "No groups yet.\nClick “New group…” to add the first group you look after."
            )
        else:
            text = self.tr("Select a group above to see its profile, members and sub-groups.")
        self.empty_label.setText(text)
        self.detail.setCurrentWidget(self.empty_label)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("%n group(s)", "", total))
        else:
            self.count_label.setText(
                self.tr("%n of {total} group(s) shown", "", shown).format(total=total)
            )

    def _size_columns(self) -> None:
        """Fit the columns once; after that the widths are the person's."""
        if self._columns_sized or self.model.rowCount() == 0:
            return
        self._columns_sized = True
        fit_columns(self.table, self.model)
