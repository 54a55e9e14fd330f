"""The Members panel: one table over every member, search, filters and bulk actions.

The table is a ``MemberTableModel`` (ids from one SQL query, rows paged in), so it stays
instant at 100,000 members: fixed row heights, no resizing to contents, sorting in SQL.
Typing searches after a short pause; each keystroke restarts the pause, so only the last
text is searched. A new search shows the best matches first (no column's sort indicator)
with a "Found by" column beside the name, until a header is clicked; an empty result says
so instead of showing an empty table.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core.member_list import MemberFilter
from app.ui.changes import Change, announce, follow
from app.ui.chats.entry import chat_import_tip, import_chat_history
from app.ui.imports.import_wizard import ImportWizard
from app.ui.members.bulk_dialogs import (
    AddToGroupDialog,
    MergeDialog,
    SetTierDialog,
    TagDialog,
)
from app.ui.members.bulk_status_dialog import SetStatusDialog
from app.ui.members.export_dialog import ExportDialog
from app.ui.members.member_dialog import MemberDialog
from app.ui.members.member_filters import MemberFilterBar
from app.ui.members.member_table_view import MemberTableView
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.member_table import (
    MemberTableModel,
)

SEARCH_DELAY_MS = 150


class MembersPanel(QWidget):
    """Every member in one table: search, filter, open a member's page, change many at once."""

    groupOpened = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(self, Change.MEMBERS | Change.GROUPS | Change.TIERS)
        self.setObjectName("membersPanel")
        self.model = MemberTableModel(self, matched_column=True)

        self.filters = MemberFilterBar()
        self.search = self.filters.search
        self.group_filter = self.filters.group_filter
        self.status_filter = self.filters.status_filter
        self.tier_filter = self.filters.tier_filter
        self.tag_filter = self.filters.tag_filter
        self.star_filter = self.filters.star_filter
        self.filters.filtersChanged.connect(self.search_now)
        self.search.installEventFilter(self)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self.search_now)

        self.table = MemberTableView(self.model)
        self.table.show_matched_column()
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.activated.connect(lambda _index: self.open_current())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        self.model.modelReset.connect(self._show_results)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("memberEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("font-size: 14px; padding: 24px;")
        self.results = QStackedWidget()
        self.results.setObjectName("memberResults")
        self.results.addWidget(self.table)
        self.results.addWidget(self.empty_label)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("memberToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action("newMemberAction", self.tr("New member"), self.new_item)
        self.new_action.setToolTip(self.tr("Add a member by hand (Ctrl+N)"))
        self.open_action = self._action("openMemberAction", self.tr("Open"), self.open_current)
        self.add_group_action = self._action(
            "addToGroupAction", self.tr("Add to group…"), self.bulk_add_to_group
        )
        self.status_action = self._action(
            "setStatusAction", self.tr("Set status…"), self.bulk_set_status
        )
        self.tier_action = self._action("setTierAction", self.tr("Set tier…"), self.bulk_set_tier)
        self.tag_action = self._action("tagAction", self.tr("Tag…"), self.bulk_tag)
        self.merge_action = self._action("mergeAction", self.tr("Merge…"), self.merge)
        self.merge_action.setToolTip(self.tr("Select exactly two records of the same person"))
        self.import_action = self._action("importAction", self.tr("Import…"), self.import_roster)
        self.import_action.setToolTip(
            self.tr("Bring in a roster: a QQ group export, a WeChat group tool sheet, CSV or XLSX")
        )
        chats = self._action("importChatAction", self.tr("Import chat history…"), self.import_chats)
        chats.setToolTip(chat_import_tip())
        self.export_action = self._action("exportAction", self.tr("Export…"), self.export)
        self.export_action.setToolTip(
            self.tr("Write the members shown or selected to CSV, Excel or PDF")
        )
        self.toolbar.addAction(self.new_action)
        self.toolbar.addSeparator()
        for action in self._bulk_actions():
            self.toolbar.addAction(action)
        self.toolbar.addAction(self.merge_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.import_action)
        self.toolbar.addAction(chats)
        self.toolbar.addAction(self.export_action)

        self.count_label = QLabel()
        self.count_label.setObjectName("memberCount")
        self.notice = QLabel()
        self.notice.setObjectName("memberNotice")
        self.notice.setStyleSheet("color: #1e8449;")

        actions = QHBoxLayout()
        actions.addWidget(self.toolbar)
        actions.addWidget(self.notice, 1, Qt.AlignmentFlag.AlignRight)
        actions.addSpacing(12)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(actions)
        layout.addWidget(self.results, 1)

        self._update_actions()

    # --- building ------------------------------------------------------------------------

    def _action(self, name: str, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # --- the interface the main window uses ----------------------------------------------

    def refresh(self) -> None:
        """Re-run the current search (data may have changed elsewhere); keep filters."""
        self.filters.fill_lists()
        self.search_timer.stop()
        self._reload(self.current_filter())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def new_item(self) -> None:
        """Open an empty member page; the new member is selected after saving."""
        self._run_member_dialog(None)

    def show_member(self, member_id: int) -> None:
        """Open a member's page (and select the member in the table when it is shown)."""
        self.table.select_ids([member_id], current=member_id)
        self._run_member_dialog(member_id)

    # --- searching -----------------------------------------------------------------------

    def current_filter(self) -> MemberFilter:
        """The search text and filters as shown."""
        return self.filters.current_filter()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The first time the panel is seen, show every member (not before: start stays quick)."""
        super().showEvent(event)
        if not self.model.searched:
            self.refresh()

    def search_now(self) -> None:
        """Search at once with what is shown (a pending delayed search is dropped).

        A new search text shows the best matches first; clearing it goes back to the order
        of the column last clicked.
        """
        self.search_timer.stop()
        self.notice.clear()
        flt = self.current_filter()
        if flt == self.model.member_filter:
            return
        self.model.set_filter(flt, *self.table.order_for(flt))
        if self.model.rowCount() == 1:
            self.table.selectRow(0)

    def _show_results(self) -> None:
        """The table, or what an empty result means in words."""
        if self.model.rowCount() or not self.model.searched:
            self.results.setCurrentWidget(self.table)
            return
        flt = self.model.member_filter
        text = flt.text.strip()
        if text:
            message = self.tr("No member matches “{query}”.").format(query=text)
            if flt != MemberFilter(text=flt.text):
                message += "\n" + self.tr("The filters beside the search box apply too.")
        elif flt != MemberFilter():
            message = self.tr("No member matches these filters.")
        else:
            message = self.tr("No members yet: import a roster or add a member with New member.")
        self.empty_label.setText(message)
        self.results.setCurrentWidget(self.empty_label)

    def _reload(self, flt: MemberFilter) -> None:
        """Search again, keeping the selection, the current row and the scroll position."""
        selected = self.selected_ids()
        current = self.current_id()
        scroll = self.table.verticalScrollBar().value()
        if flt == self.model.member_filter:
            self.model.reload()
        else:
            self.model.set_filter(flt, *self.table.order_for(flt))
        self.table.select_ids(selected, current, scroll_to=False)
        self.table.verticalScrollBar().setValue(scroll)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Down in the search box moves into the table; Escape clears the search."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.search_now()
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.selectionModel().hasSelection():
                    self.table.selectRow(0)
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.search_now()
                return True
        return super().eventFilter(watched, event)

    # --- selection -----------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Ids of the selected members, in table order; no member row is loaded."""
        return self.table.selected_ids()

    def current_id(self) -> int | None:
        return self.table.current_id()

    def _bulk_actions(self) -> tuple[QAction, ...]:
        return (self.add_group_action, self.status_action, self.tier_action, self.tag_action)

    def _update_actions(self) -> None:
        n = len(self.table.selected_rows())
        for action in self._bulk_actions():
            action.setEnabled(n > 0)
        self.open_action.setEnabled(self.table.currentIndex().isValid())
        self.merge_action.setEnabled(n == 2)
        total = self.model.rowCount()
        self.export_action.setEnabled(total > 0)
        if n:
            text = self.tr("{selected} of %Ln member(s) selected", "", total)
            self.count_label.setText(text.format(selected=self.locale().toString(n)))
        else:
            self.count_label.setText(self.tr("%Ln member(s)", "", total))

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        for action in self._bulk_actions():
            menu.addAction(action)
        menu.addAction(self.merge_action)
        menu.addSeparator()
        select_all = menu.addAction(self.tr("Select all"))
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        select_all.triggered.connect(self.table.selectAll)
        menu.exec(self.table.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # --- dialogs -------------------------------------------------------------------------

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this to fill dialogs in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def open_current(self) -> None:
        member_id = self.current_id()
        if member_id is not None:
            self._run_member_dialog(member_id)

    def _run_member_dialog(self, member_id: int | None) -> None:
        dialog = MemberDialog(member_id, self)
        try:
            self.exec_dialog(dialog)
            if dialog.wrote:
                self._changed()
                if dialog.member_id is not None:
                    self.table.select_ids([dialog.member_id], current=dialog.member_id)
            if dialog.opened_group_id is not None:
                self.groupOpened.emit(dialog.opened_group_id)
        finally:
            dialog.deleteLater()

    def _run_bulk(
        self, dialog_type: Callable[[list[int], QWidget], QDialog], ids: list[int]
    ) -> None:
        if not ids:
            return
        dialog = dialog_type(ids, self)
        if accepted(self.exec_dialog, dialog):
            self._changed()
            self.notice.setText(getattr(dialog, "outcome", ""))

    def _changed(self) -> None:
        self.filters.fill_lists()
        self._reload(self.current_filter())
        announce(Change.MEMBERS | Change.GROUPS | Change.TIERS | Change.TASKS, self)

    def import_roster(self, path: str = "") -> None:
        """The import wizard (on ``path``, a dropped file); the person chooses the group there
        (not the group filtered on). After an import the table shows the group imported into."""
        wizard = ImportWizard("", self)
        if path:
            wizard.file_page.path_edit.setText(path)
        try:
            if self.exec_dialog(wizard) and wizard.result_ is not None:
                self.filters.fill_lists()
                if wizard.result_.group_id is not None:
                    self.filter_to_group(wizard.result_.group_id)
                else:
                    self._reload(self.current_filter())
                announce(Change.MEMBERS | Change.GROUPS | Change.TASKS, self)
                self.notice.setText(wizard.summary())
        finally:
            wizard.deleteLater()

    def import_chats(self) -> None:
        """The chat import wizard; then the table shows the last group imported into."""
        import_chat_history(self, then=self.filter_to_group)

    def filter_to_group(self, group_id: int) -> None:
        """Every member of one group: the group filter set to it, the others cleared."""
        self.filters.show_only_group(group_id)
        self.search_timer.stop()
        self._reload(self.current_filter())  # reloads even when the filter was this group

    def export(self) -> None:
        """Export the members shown (the current search and filters) or the selection."""
        group_id = self.model.member_filter.group_id
        dialog = ExportDialog(
            self.model.ids(), self.selected_ids(), [group_id] if group_id else [], self
        )
        try:
            if self.exec_dialog(dialog) and dialog.written_to is not None:
                self.notice.setText(
                    self.tr("Exported %n member(s) to {file}.", "", dialog.rows_written).format(
                        file=dialog.written_to.name
                    )
                )
        finally:
            dialog.deleteLater()

    def bulk_add_to_group(self) -> None:
        self._run_bulk(AddToGroupDialog, self.selected_ids())

    def bulk_set_status(self) -> None:
        self._run_bulk(SetStatusDialog, self.selected_ids())

    def bulk_set_tier(self) -> None:
        self._run_bulk(SetTierDialog, self.selected_ids())

    def bulk_tag(self) -> None:
        self._run_bulk(TagDialog, self.selected_ids())

    def merge(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 2:
            self._run_bulk(MergeDialog, ids)
