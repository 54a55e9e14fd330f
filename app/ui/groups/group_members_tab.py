"""The Members tab of a group's page: its members, paged in from SQL, filtered as you type;
those who left or were removed only when asked ("Show those who left")."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.member_list import MemberFilter, search_ids
from app.ui.groups.group_member_table import (
    COL_JOINED,
    COL_LAST_SPOKE,
    COL_NAME,
    COL_NICKNAME,
    COL_ROLE,
    COL_STATUS,
    GroupMemberTableModel,
)
from app.ui.labels import STATUSES, label
from app.ui.widgets.controls import HINT_STYLE

MEMBER_WIDTHS = {
    COL_NAME: 140, COL_NICKNAME: 150, COL_ROLE: 70, COL_STATUS: 70, COL_LAST_SPOKE: 95,
    COL_JOINED: 95,
}  # fmt: skip


class GroupMembersTab(QWidget):
    """The members of the group shown; ``counted`` after each (re)count, for the tab's title."""

    memberOpened = Signal(int)  # noqa: N815 - Qt signal naming
    importRequested = Signal()  # noqa: N815 - a roster into this group
    counted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group_id: int | None = None
        self.cap = 0
        self.total = 0
        self.member_count_label = QLabel()
        self.member_count_label.setObjectName("groupMemberCount")
        self.member_filter = QLineEdit()
        self.member_filter.setObjectName("groupMemberFilter")
        self.member_filter.setPlaceholderText(self.tr("Find a member: name, pinyin, QQ, WeChat id"))
        self.member_filter.setClearButtonEnabled(True)
        self.member_filter.textChanged.connect(self._filter_members)
        self.show_left = QCheckBox(self.tr("Show those who left"))
        self.show_left.setObjectName("groupShowLeft")
        self.show_left.setToolTip(self.tr("Also list who left this group or was removed, and when"))
        self.show_left.toggled.connect(self._show_left_toggled)
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
        self._status_width = header.sectionSize(COL_STATUS)
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
        top.addWidget(self.show_left)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.member_table, 1)
        layout.addWidget(hint)

    def title(self) -> str:
        return self.tr("Members (%n)", "", self.total)

    def clear_filter(self) -> None:
        """Start a newly shown group unfiltered (without filtering the old one again)."""
        for box in (self.member_filter, self.show_left):
            box.blockSignals(True)
        self.member_filter.clear()
        if self.show_left.isChecked():
            self.show_left.setChecked(False)
            self.member_table.setColumnWidth(COL_STATUS, self._status_width)
        for box in (self.member_filter, self.show_left):
            box.blockSignals(False)

    def show_members(self) -> None:
        text, with_left = self.member_filter.text(), self.show_left.isChecked()
        self.member_model.set_filter(
            MemberFilter(text=text, group_id=self.group_id, with_left=with_left)
        )
        self._count_members()

    def _count_members(self) -> None:
        shown = self.member_model.rowCount()
        total = shown
        gone = 0
        if self.show_left.isChecked():  # the count is of those in the group
            total = len(search_ids(MemberFilter(group_id=self.group_id)))
            everyone = search_ids(MemberFilter(group_id=self.group_id, with_left=True))
            gone = len(everyone) - total
        if self.member_filter.text():
            total = len(search_ids(MemberFilter(group_id=self.group_id)))
            text = self.tr("{shown} of %n member(s) match", "", total).format(shown=f"{shown:,}")
        elif self.cap:
            text = self.tr("%n member(s), cap {cap}", "", total).format(cap=f"{self.cap:,}")
        else:
            text = self.tr("%Ln member(s)", "", total)
        if gone:
            text += self.tr(" · %n who left or were removed", "", gone)
        self.member_count_label.setText(text)
        self.total = total
        self.counted.emit()

    def _filter_members(self) -> None:
        if self.group_id is not None:
            self.show_members()

    def _show_left_toggled(self, on: bool) -> None:
        """Room for "Removed 2026-03-01" while those who left are shown."""
        words = self.member_table.fontMetrics()
        wide = words.horizontalAdvance(label(STATUSES, "removed") + " 2026-03-01") + 16
        narrow = self._status_width
        self.member_table.setColumnWidth(COL_STATUS, max(wide, narrow) if on else narrow)
        self._filter_members()

    def _open_member(self, index: QModelIndex) -> None:
        if index.isValid():
            self.memberOpened.emit(self.member_model.member_id(index.row()))

    def _import(self) -> None:
        if self.group_id is not None:
            self.importRequested.emit()
