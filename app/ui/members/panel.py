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
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core import members as core
from app.core.groups import group_choices
from app.core.member_list import RELEVANCE, MemberFilter
from app.core.tiers import list_tiers
from app.ui.imports.import_wizard import ImportWizard
from app.ui.labels import STATUSES, label
from app.ui.members.bulk_dialogs import (
    AddToGroupDialog,
    MergeDialog,
    SetStatusDialog,
    SetTierDialog,
    TagDialog,
)
from app.ui.members.export_dialog import ExportDialog
from app.ui.members.member_dialog import MemberDialog
from app.ui.widgets.controls import named_combo
from app.ui.widgets.dialog_running import accepted
from app.ui.widgets.member_table import (
    COL_CITY,
    COL_GROUPS,
    COL_LAST_CONTACTED,
    COL_MATCHED,
    COL_NAME,
    COL_PHONE,
    COL_QQ,
    COL_STATUS,
    COL_TAGS,
    COL_TIER,
    COL_WECHAT,
    COLUMNS,
    MemberTableModel,
)
from app.ui.widgets.swatch import swatch

SEARCH_DELAY_MS = 150
# a typical cell per column: widths come from these, never from measuring 100,000 rows
COLUMN_SAMPLES = {
    COL_NAME: "★ 欧阳晓明明 Alex",
    COL_TIER: "■ 管理/骨干 ",
    COL_STATUS: "Removed",
    COL_QQ: "12345678901",
    COL_WECHAT: "wxid_abcdefghij",
    COL_PHONE: "138*****1234",
    COL_CITY: "呼和浩特市",
    COL_GROUPS: "读书会、摄影爱好者、周末夜跑群",
    COL_TAGS: "志愿者, 摄影, 老会员",
    COL_LAST_CONTACTED: "2026-03-14 ",
    COL_MATCHED: "Group nickname “北京-欧阳晓明”",
}


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Ascending row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class MembersPanel(QWidget):
    """Every member in one table: search, filter, open a member's page, change many at once."""

    groupOpened = Signal(int)  # noqa: N815 - Qt signal naming
    dataChanged = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersPanel")
        self.model = MemberTableModel(self, matched_column=True)
        self._sort_section = COL_NAME  # the column the person sorted by
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._ranked = False  # a search shown best matches first, not by that column

        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Name, nickname, pinyin (zs), QQ, WeChat, phone"))
        self.search.setToolTip(
            self.tr(
                "Search by name, group nickname, pinyin (full or initials: zs and zhangsan find "
                "张三), QQ number, WeChat id or phone (Ctrl+F)"
            )
        )
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance("m" * 30))
        self.search.installEventFilter(self)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self.search_now)

        self.group_filter = named_combo("groupFilter", 150)
        self.status_filter = named_combo("statusFilter", 90)
        self.tier_filter = named_combo("tierFilter", 100)
        self.tag_filter = named_combo("tagFilter", 100)
        self.star_filter = QCheckBox(self.tr("Stars only"))
        self.star_filter.setObjectName("starFilter")
        self.star_filter.setToolTip(self.tr("Only star members and soul figures"))
        self.star_filter.toggled.connect(lambda _on: self.search_now())
        self.status_filter.addItem(self.tr("Any status"), None)
        for code in core.STATUSES:
            self.status_filter.addItem(label(STATUSES, code), code)
        self._fill_filter_lists()
        for combo in (self.group_filter, self.status_filter, self.tier_filter, self.tag_filter):
            combo.currentIndexChanged.connect(lambda _i: self.search_now())

        self.table = QTableView()
        self.table.setObjectName("memberTable")
        self._setup_table()
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
        self.toolbar.addAction(self.export_action)

        self.count_label = QLabel()
        self.count_label.setObjectName("memberCount")
        self.notice = QLabel()
        self.notice.setObjectName("memberNotice")
        self.notice.setStyleSheet("color: #1e8449;")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for combo in (self.group_filter, self.status_filter, self.tier_filter, self.tag_filter):
            filters.addWidget(combo)
        filters.addWidget(self.star_filter)
        actions = QHBoxLayout()
        actions.addWidget(self.toolbar)
        actions.addWidget(self.notice, 1, Qt.AlignmentFlag.AlignRight)
        actions.addSpacing(12)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.results, 1)

        self._update_actions()

    # --- building ------------------------------------------------------------------------

    def _action(self, name: str, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _setup_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.setCornerButtonEnabled(False)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        # Painting a header asks its selection model whether each column is fully selected,
        # which walks every row through Python: seconds once 100,000 rows are selected. The
        # header shows no selection, so it gets a selection model of its own that stays empty.
        header.setSelectionModel(QItemSelectionModel(self.model, header))
        header.setStretchLastSection(True)
        metrics = table.fontMetrics()
        for column, sample in COLUMN_SAMPLES.items():
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 20)
        # One search now: enabling sorting sorts once by the indicator, which loads the ids.
        header.setSortIndicator(self._sort_section, self._sort_order)
        table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        # what a search found each member by: beside the name, shown only while searching
        header.moveSection(header.visualIndex(COL_MATCHED), header.visualIndex(COL_NAME) + 1)
        table.setColumnHidden(COL_MATCHED, True)
        table.activated.connect(lambda _index: self.open_current())
        table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        self.model.modelReset.connect(self._show_results)

    def _fill_filter_lists(self) -> None:
        """(Re)load the groups, tiers and tags offered by the filters, keeping the choices."""
        for combo in (self.group_filter, self.tier_filter, self.tag_filter):
            combo.blockSignals(True)
        try:
            group_id = self.group_filter.currentData()
            tier_id = self.tier_filter.currentData()
            tag = self.tag_filter.currentData()
            self.group_filter.clear()
            self.group_filter.addItem(self.tr("All groups"), None)
            groups = group_choices(include_archived=True)
            for group in sorted(groups, key=lambda g: g.archived):
                text = group.name
                if group.archived:
                    text = self.tr("{name} (archived)").format(name=group.name)
                self.group_filter.addItem(text, group.id)
            self.tier_filter.clear()
            self.tier_filter.addItem(self.tr("All tiers"), None)
            for tier in list_tiers():
                self.tier_filter.addItem(swatch(tier.colour), f"{tier.rank} · {tier.name}", tier.id)
            self.tag_filter.clear()
            self.tag_filter.addItem(self.tr("All tags"), None)
            for name in core.all_tags():
                self.tag_filter.addItem(name, name)
            for combo, value in (
                (self.group_filter, group_id),
                (self.tier_filter, tier_id),
                (self.tag_filter, tag),
            ):
                combo.setCurrentIndex(max(0, combo.findData(value)))
        finally:
            for combo in (self.group_filter, self.tier_filter, self.tag_filter):
                combo.blockSignals(False)

    # --- the interface the main window uses ----------------------------------------------

    def refresh(self) -> None:
        """Re-run the current search (data may have changed elsewhere); keep filters."""
        self._fill_filter_lists()
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
        self._select_ids([member_id], current=member_id)
        self._run_member_dialog(member_id)

    # --- searching -----------------------------------------------------------------------

    def current_filter(self) -> MemberFilter:
        """The search text and filters as shown."""
        return MemberFilter(
            text=self.search.text(),
            group_id=self.group_filter.currentData(),
            status=self.status_filter.currentData(),
            tier_id=self.tier_filter.currentData(),
            tag=self.tag_filter.currentData(),
            star=True if self.star_filter.isChecked() else None,
        )

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
        self.model.set_filter(flt, *self._order_for(flt))
        if self.model.rowCount() == 1:
            self.table.selectRow(0)

    def _order_for(self, flt: MemberFilter) -> tuple[str, bool]:
        """The order to show ``flt`` in (a sort key and descending); shows it in the header."""
        searching = bool(flt.text.strip())
        if searching and not self.model.member_filter.text.strip():
            self._ranked = True
        elif not searching:
            self._ranked = False
        self._show_sort_indicator()
        self.table.setColumnHidden(COL_MATCHED, not searching)
        if self._ranked:
            return RELEVANCE, False
        sort = COLUMNS[self._sort_section][1] or "name"
        return sort, self._sort_order == Qt.SortOrder.DescendingOrder

    def _show_sort_indicator(self) -> None:
        """No column's indicator while the best matches come first, else the chosen one."""
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # the order is set with the search: no search of its own
        if self._ranked:
            header.setSortIndicator(-1, self._sort_order)
        else:
            header.setSortIndicator(self._sort_section, self._sort_order)
        header.blockSignals(False)
        header.viewport().update()

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
            self.model.set_filter(flt, *self._order_for(flt))
        self._select_ids(selected, current, scroll_to=False)
        self.table.verticalScrollBar().setValue(scroll)

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        """A header click sorts by that column (the view re-runs the search). Groups, tags and
        "Found by" cannot be sorted in SQL: the indicator goes back where it was."""
        if not 0 <= section < len(COLUMNS) or COLUMNS[section][1] is None:
            self._show_sort_indicator()
            return
        self._ranked = False
        self._sort_section, self._sort_order = section, order

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

    def _selected_rows(self) -> set[int]:
        """Selected row numbers, read from the selection's ranges (never row by row)."""
        rows: set[int] = set()
        count = self.model.rowCount()
        for span in self.table.selectionModel().selection():
            rows.update(range(span.top(), min(span.bottom() + 1, count)))
        return rows

    def selected_ids(self) -> list[int]:
        """Ids of the selected members, in table order; no member row is loaded."""
        return [self.model.member_id(row) for row in sorted(self._selected_rows())]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.member_id(index.row()) if index.isValid() else None

    def _select_ids(self, ids: list[int], current: int | None, scroll_to: bool = True) -> None:
        """Select the rows showing ``ids`` as a few contiguous ranges (cheap for thousands)."""
        if not ids:
            return
        wanted = set(ids)
        rows = [row for row, member_id in enumerate(self.model.ids()) if member_id in wanted]
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        for first, last in _runs(rows):
            selection.select(self.model.index(first, 0), self.model.index(last, last_column))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.table.selectionModel().select(selection, flags)
        row = self.model.row_of(current) if current is not None else -1
        if row >= 0:
            index = self.model.index(row, COL_NAME)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.NoUpdate
            )
            if scroll_to:
                self.table.scrollTo(index)

    def _bulk_actions(self) -> tuple[QAction, ...]:
        return (self.add_group_action, self.status_action, self.tier_action, self.tag_action)

    def _update_actions(self) -> None:
        n = len(self._selected_rows())
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
                    self._select_ids([dialog.member_id], current=dialog.member_id)
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
        self._fill_filter_lists()
        self._reload(self.current_filter())
        self.dataChanged.emit()

    def import_roster(self) -> None:
        """The import wizard; the person chooses the group there (the group filtered on is not
        taken for it). After an import the table shows the group imported into."""
        wizard = ImportWizard("", self)
        try:
            if self.exec_dialog(wizard) and wizard.result_ is not None:
                self._fill_filter_lists()
                if wizard.result_.group_id is not None:
                    self.filter_to_group(wizard.result_.group_id)
                else:
                    self._reload(self.current_filter())
                self.dataChanged.emit()
                self.notice.setText(wizard.summary())
        finally:
            wizard.deleteLater()

    def filter_to_group(self, group_id: int) -> None:
        """Every member of one group: the group filter set to it, the others cleared."""
        combos = (self.group_filter, self.status_filter, self.tier_filter, self.tag_filter)
        widgets = (*combos, self.star_filter, self.search)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            for combo in combos:
                combo.setCurrentIndex(0)
            self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(group_id)))
            self.star_filter.setChecked(False)
            self.search.clear()
        finally:
            for widget in widgets:
                widget.blockSignals(False)
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
