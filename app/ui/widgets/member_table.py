"""The member table model: ordered ids from one SQL query, rows paged in on demand.

Like Anki's browser table: ``set_filter``/``sort`` re-run the search, which returns only ids;
``data`` fetches the page around a row the first time it is painted and keeps a bounded
cache. Scrolling to the end of 100,000 rows loads only the pages shown on the way.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.core import clock
from app.core.member_list import RELEVANCE, MemberFilter, MemberRow, rows_for, search_ids
from app.io.cells import mask_phone
from app.ui.labels import STATUSES, label

PAGE = 200
MAX_PAGES = 50

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_TIER, COL_STATUS, COL_QQ, COL_WECHAT, COL_PHONE, COL_CITY, COL_GROUPS, COL_TAGS = (
    range(9)
)
COL_LAST_CONTACTED, COL_TELEGRAM, COL_DISCORD = 9, 10, 11
COL_MATCHED = 12  # only in a model made with ``matched_column``: what a search found
COLUMNS = [
    # (header, sort key in member_list.SORT_COLUMNS or None)
    (QT_TRANSLATE_NOOP("MemberTableModel", "Name"), "name"),
    (QT_TRANSLATE_NOOP("MemberTableModel", "Tier"), "tier"),
    (QT_TRANSLATE_NOOP("MemberTableModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("MemberTableModel", "QQ"), "qq"),
    (QT_TRANSLATE_NOOP("MemberTableModel", "WeChat id"), "wechat_id"),
    (QT_TRANSLATE_NOOP("MemberTableModel", "Phone"), "phone"),
    (QT_TRANSLATE_NOOP("MemberTableModel", "City"), "city"),
    (QT_TRANSLATE_NOOP("MemberTableModel", "Groups"), None),
    (QT_TRANSLATE_NOOP("MemberTableModel", "Tags"), None),
    (QT_TRANSLATE_NOOP("MemberTableModel", "Last contacted"), "last_contacted"),
    (QT_TRANSLATE_NOOP("MemberTableModel", "Telegram id"), "telegram_id"),
    (QT_TRANSLATE_NOOP("MemberTableModel", "Discord id"), "discord_id"),
]
MATCHED_HEADER = QT_TRANSLATE_NOOP("MemberTableModel", "Found by")
# the field a search text found a member by (member_list.MemberRow.matched)
MATCHES = {
    "name": QT_TRANSLATE_NOOP("MemberTableModel", "Name"),
    "pinyin": QT_TRANSLATE_NOOP("MemberTableModel", "Name in pinyin"),
    "nickname": QT_TRANSLATE_NOOP("MemberTableModel", "Group nickname “{text}”"),
    "qq": QT_TRANSLATE_NOOP("MemberTableModel", "QQ"),
    "wechat_id": QT_TRANSLATE_NOOP("MemberTableModel", "WeChat id"),
    "phone": QT_TRANSLATE_NOOP("MemberTableModel", "Phone"),
    "telegram_id": QT_TRANSLATE_NOOP("MemberTableModel", "Telegram id"),
    "discord_id": QT_TRANSLATE_NOOP("MemberTableModel", "Discord id"),
    "email": QT_TRANSLATE_NOOP("MemberTableModel", "Email"),
}
MemberIdRole = Qt.ItemDataRole.UserRole + 1


class MemberTableModel(QAbstractTableModel):
    """Every member matching a filter, in SQL order; only painted pages are fetched.

    With ``matched_column`` the model has an eleventh column, ``COL_MATCHED``: the field a
    search text found each member by. ``sort`` with column -1 orders by relevance (best
    matches first, ``member_list.RELEVANCE``).
    """

    def __init__(self, parent: Any = None, matched_column: bool = False) -> None:
        super().__init__(parent)
        self._matched_column = matched_column
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, MemberRow]] = OrderedDict()
        self._filter = MemberFilter()
        self._sort = "name"
        self._descending = False
        self._searched = False  # no query until someone sets a filter

    # --- what is shown -----------------------------------------------------------------

    @property
    def searched(self) -> bool:
        """Whether a search has run yet (a new model shows nothing until told what to show)."""
        return self._searched

    @property
    def member_filter(self) -> MemberFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        """The order shown: a key of ``member_list.SORTS`` or ``RELEVANCE``."""
        return self._sort

    def set_filter(
        self, flt: MemberFilter, sort: str | None = None, descending: bool = False
    ) -> None:
        """Show the members matching ``flt`` (one SQL query for the ids), in the order
        ``sort`` (and ``descending``) when given, else in the order shown."""
        self._filter = flt
        if sort is not None:
            self._sort, self._descending = sort, descending
        self.reload()

    def reload(self) -> None:
        """Re-run the search, e.g. after members changed."""
        self.beginResetModel()
        self._ids = self._search()
        self._pages.clear()
        self._searched = True
        self.endResetModel()

    def _search(self) -> list[int]:
        """The ids to show, in order: one SQL query."""
        return search_ids(self._filter, self._sort, self._descending)

    def member_id(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        """Every id shown, in order (for "select all" bulk actions)."""
        return list(self._ids)

    def row_of(self, member_id: int) -> int:
        """The row showing ``member_id``, or -1."""
        try:
            return self._ids.index(member_id)
        except ValueError:
            return -1

    def row_data(self, row: int) -> MemberRow | None:
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            ids = self._ids[page_no * PAGE : (page_no + 1) * PAGE]
            page = rows_for(ids, self._filter.text if self._matched_column else "")
            self._pages[page_no] = page
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    # --- Qt model --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS) + int(self._matched_column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return QCoreApplication.translate("MemberTableModel", COLUMNS[section][0])
            if section == COL_MATCHED and self._matched_column:
                return QCoreApplication.translate("MemberTableModel", MATCHED_HEADER)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == MemberIdRole:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(row.tier_colour) if column == COL_TIER else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_STATUS and row.status != "active":
                return QBrush(QColor("#b03a2e"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column not in (
            COL_GROUPS,
            COL_TAGS,
            COL_MATCHED,
        ):
            return None
        return self._text(row, column)

    def _text(self, row: MemberRow, column: int) -> str:
        if column == COL_NAME:
            return f"★ {row.name}" if row.star else row.name
        if column == COL_TIER:
            return row.tier
        if column == COL_STATUS:
            return label(STATUSES, row.status)
        if column == COL_QQ:
            return row.qq
        if column == COL_WECHAT:
            return row.wechat_id
        if column == COL_TELEGRAM:
            return row.telegram_id
        if column == COL_DISCORD:
            return row.discord_id
        if column == COL_PHONE:
            return mask_phone(row.phone)
        if column == COL_CITY:
            return row.city
        if column == COL_GROUPS:
            return row.groups
        if column == COL_TAGS:
            return row.tags
        if column == COL_LAST_CONTACTED:
            if row.last_contacted is None:
                return ""
            return clock.to_local(row.last_contacted).strftime("%Y-%m-%d")
        if column == COL_MATCHED and row.matched in MATCHES:
            text = QCoreApplication.translate("MemberTableModel", MATCHES[row.matched])
            return text.format(text=row.matched_text)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: re-run the search ordered by that column, in SQL; column -1 (no
        sort indicator) orders by relevance."""
        if column == -1:
            sort_key, descending = RELEVANCE, False
        elif not 0 <= column < len(COLUMNS) or COLUMNS[column][1] is None:
            return
        else:
            sort_key = COLUMNS[column][1] or "name"
            descending = order == Qt.SortOrder.DescendingOrder
        self._sort_by(sort_key, descending)

    def _sort_by(self, sort_key: str, descending: bool) -> None:
        if (sort_key, descending) == (self._sort, self._descending) and self._ids:
            return  # the view re-asking for the order it has: no query
        self._sort, self._descending = sort_key, descending
        if not self._searched:
            return  # remembered for the first search
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._ids[i.row()] if i.row() < len(self._ids) else None for i in old]
        self._ids = self._search()
        self._pages.clear()
        positions = {member_id: row for row, member_id in enumerate(self._ids)}
        new = [
            self.index(positions[m], i.column()) if m in positions else QModelIndex()
            for i, m in zip(old, old_ids, strict=True)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
