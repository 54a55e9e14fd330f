"""A group's members for its Members tab: the member table plus the membership's own facts.

Rows page in like the member table's (it is one); the group nickname, role, joined and last
spoke come from ``group_members`` a page at a time, and a click on their headers orders the
list by them in SQL. Those who left are listed only when asked, their status cell saying
"Left 2026-03-01" or "Removed …".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.core import clock, group_members
from app.core.group_members import MembershipCells
from app.ui.labels import ROLES, STATUSES, label
from app.ui.widgets import member_table as members
from app.ui.widgets.member_table import PAGE, Index, MemberTableModel

# (header, the member table's column or None, the sort key of a membership column or None;
# the status is the membership's where it ended, else the person's, and sorts so)
COLUMNS: list[tuple[str, int | None, str | None]] = [  # fmt: skip
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "Name"), members.COL_NAME, None),
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "Group nickname"), None, "nickname"),
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "Role"), None, "role"),
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "Tier"), members.COL_TIER, None),
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "Status"), members.COL_STATUS, "status"),
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "Last spoke"), None, "last_spoke"),
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "Joined"), None, "joined"),
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "QQ"), members.COL_QQ, None),
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "WeChat id"), members.COL_WECHAT, None),
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "Phone"), members.COL_PHONE, None),
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "City"), members.COL_CITY, None),
    (QT_TRANSLATE_NOOP("GroupMemberTableModel", "Tags"), members.COL_TAGS, None),
    (
        QT_TRANSLATE_NOOP("GroupMemberTableModel", "Last contacted"),
        members.COL_LAST_CONTACTED,
        None,
    ),
]
(
    COL_NAME, COL_NICKNAME, COL_ROLE, COL_TIER, COL_STATUS, COL_LAST_SPOKE, COL_JOINED, COL_QQ,
    COL_WECHAT, COL_PHONE, COL_CITY, COL_TAGS, COL_LAST_CONTACTED,
) = range(len(COLUMNS))  # fmt: skip


class GroupMemberTableModel(MemberTableModel):
    """The members of one group (the filter names it), with their membership; those who left
    or were removed when the filter asks (``with_left``), their status cell saying so."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cells: dict[int, dict[int, MembershipCells]] = {}

    def _search(self) -> list[int]:
        self._cells.clear()
        if self._sort in group_members.SORT_COLUMNS:
            return group_members.sorted_ids(self._filter, self._sort, self._descending)
        return super()._search()

    def membership(self, row: int) -> MembershipCells | None:
        """The membership shown in ``row`` (its page fetched once)."""
        group_id = self._filter.group_id
        if group_id is None or not 0 <= row < len(self._ids):
            return None
        page_no = row // PAGE
        page = self._cells.get(page_no)
        if page is None:
            ids = self._ids[page_no * PAGE : (page_no + 1) * PAGE]
            page = group_members.cells_for(group_id, ids)
            self._cells[page_no] = page
        return page.get(self._ids[row])

    # --- Qt model --------------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("GroupMemberTableModel", COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        if index.column() == COL_STATUS:
            ended = self._ended(index.row(), role)
            if ended is not None:
                return ended
        member_column = COLUMNS[index.column()][1]
        if member_column is not None:
            return super().data(self.createIndex(index.row(), member_column), role)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        cells = self.membership(index.row())
        if cells is None:
            return None
        column = index.column()
        if column == COL_NICKNAME:
            return cells.nickname
        if column == COL_ROLE:
            return label(ROLES, cells.role)
        moment = cells.last_spoke_at if column == COL_LAST_SPOKE else cells.joined_at
        return clock.to_local(moment).strftime("%Y-%m-%d") if moment else ""

    def _ended(self, row: int, role: int) -> Any:
        """The status cell of one who left the group or was removed from it (shown when
        asked): that, and when; None for those in it (their own status shows)."""
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole):
            return None
        cells = self.membership(row)
        if cells is None or cells.status == "active":
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#7f8c8d"))
        day = clock.to_local(cells.left_at).strftime("%Y-%m-%d") if cells.left_at else ""
        return f"{label(STATUSES, cells.status)} {day}".strip()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: re-run the search in that order, in SQL."""
        if not 0 <= column < len(COLUMNS):
            return
        _header, member_column, key = COLUMNS[column]
        if key is None and member_column is not None:
            key = members.COLUMNS[member_column][1]
        if key is not None:
            self._sort_by(key, order == Qt.SortOrder.DescendingOrder)
