"""The groups table model: every group from ``groups.list_groups`` with sort and filter roles.

A community has at most a few hundred groups, so the model holds them all and a
``QSortFilterProxyModel`` sorts and filters them (unlike the member table, which pages).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

from app.core import clock, health
from app.core.groups import GroupRow, list_groups
from app.core.search import normalise_query
from app.ui.activity import group_columns as chat
from app.ui.labels import KINDS, PLATFORMS, health_status, label
from app.ui.widgets.health_tab import finding_text

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_PLATFORM, COL_KIND, COL_MEMBERS, COL_PARENT, COL_LAST_INTERACTION = range(6)
COL_SCORE, COL_STATUS = 6, 7
COLUMNS = [
    QT_TRANSLATE_NOOP("GroupTableModel", "Name"),
    QT_TRANSLATE_NOOP("GroupTableModel", "Platform"),
    QT_TRANSLATE_NOOP("GroupTableModel", "Kind"),
    QT_TRANSLATE_NOOP("GroupTableModel", "Members"),
    QT_TRANSLATE_NOOP("GroupTableModel", "Parent"),
    QT_TRANSLATE_NOOP("GroupTableModel", "Last interaction"),
    QT_TRANSLATE_NOOP("GroupTableModel", "Score"),
    QT_TRANSLATE_NOOP("GroupTableModel", "Status"),
    *chat.COLUMNS,  # messages in 30 days, speaking share, trend (from chat history)
]
STATUS_COLOURS = {
    "alive": QColor("#1e8449"),
    "attention": QColor("#b9770e"),
    "dying": QColor("#b03a2e"),
}
STATUS_ORDER = {"dying": 0, "attention": 1, "alive": 2}
StatusRole = Qt.ItemDataRole.UserRole + 5
GroupIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
FilterRole = Qt.ItemDataRole.UserRole + 3
ArchivedRole = Qt.ItemDataRole.UserRole + 4
ChatRole = Qt.ItemDataRole.UserRole + 6  # "none", "falling", "rising", "steady" or "history"
ARCHIVED_COLOUR = QColor("#8c8c8c")
CHAT_ROLES = (
    Qt.ItemDataRole.DisplayRole, SortRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
)  # fmt: skip
RECENT_DAYS = 30  # up to this many days ago the list says "n days ago", then a date


class GroupTableModel(QAbstractTableModel):
    """Every group (optionally with the archived ones), in pinyin order of their names."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[GroupRow] = []
        self._keys: list[str] = []
        self._include_archived = False
        self._health: dict[int, Any] = {}
        self._chat: dict[int, Any] = {}

    # --- what is shown -----------------------------------------------------------------

    @property
    def include_archived(self) -> bool:
        return self._include_archived

    def set_include_archived(self, include: bool) -> None:
        """Show or hide archived groups (reloads)."""
        self._include_archived = include
        self.refresh()

    def refresh(self) -> None:
        """Reload every group from the database (one query)."""
        self.beginResetModel()
        self._rows = list_groups(include_archived=self._include_archived)
        self._health = {h.group_id: h for h in health.all_health()}  # one pass for all groups
        # the chat columns: health measured them already; archived groups are measured apart
        self._chat = {gid: h.activity for gid, h in self._health.items() if h.activity}
        self._chat.update(chat.load([row.id for row in self._rows if row.id not in self._chat]))
        self._keys = [self._filter_text(row) for row in self._rows]
        self.endResetModel()

    @staticmethod
    def _filter_text(row: GroupRow) -> str:
        """The name, its full pinyin and initials: 读书会 is found by "dushu" and "dsh"."""
        syllables = row.sort_key.split()
        initials = "".join(s[0] for s in syllables)
        return "\x1f".join((normalise_query(row.name), "".join(syllables), initials))

    def group_id(self, row: int) -> int:
        return self._rows[row].id

    def group_row(self, row: int) -> GroupRow:
        return self._rows[row]

    def row_of(self, group_id: int) -> int:
        """The row showing ``group_id``, or -1."""
        for row, group in enumerate(self._rows):
            if group.id == group_id:
                return row
        return -1

    def health_of(self, group_id: int) -> Any:
        """The group's GroupHealth from the last refresh, or None (e.g. archived)."""
        return self._health.get(group_id)

    def activity_of(self, group_id: int) -> Any:
        """The group's GroupActivity from the last refresh, or None."""
        return self._chat.get(group_id)

    def status_text(self, status: str) -> str:
        return health_status(status) if status else ""

    def last_interaction_text(self, moment: datetime | None) -> str:
        """How long ago, for the last few weeks; the local date before that; or "never"."""
        if moment is None:
            return self.tr("never")
        days = clock.days_between(moment, clock.now())
        if days <= 0:
            return self.tr("today")
        if days == 1:
            return self.tr("yesterday")
        if days <= RECENT_DAYS:
            return self.tr("%n days ago", "", days)  # n >= 2: the English needs no "(s)"
        return clock.to_local(moment).strftime("%Y-%m-%d")

    # --- Qt model --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("GroupTableModel", COLUMNS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section in (
                COL_MEMBERS,
                *chat.NUMBERS,
            ):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ChatRole:
            return chat.chat_kind(self._chat.get(row.id))
        if column in chat.NUMBERS and role in CHAT_ROLES:
            return self._chat_data(row, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == GroupIdRole:
            return row.id
        if role == ArchivedRole:
            return row.archived
        if role == SortRole:
            return self._sort_value(index.row(), row, column)
        if role == FilterRole:
            return self._keys[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == StatusRole:
            found = self._health.get(row.id)
            return found.status if found is not None else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.archived:
                return QBrush(ARCHIVED_COLOUR)
            found = self._health.get(row.id)
            if column in (COL_SCORE, COL_STATUS) and found is not None:
                return QBrush(STATUS_COLOURS.get(found.status, ARCHIVED_COLOUR))
            return None
        if role == Qt.ItemDataRole.FontRole and row.archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.FontRole and column == COL_STATUS:
            found = self._health.get(row.id)
            if found is not None and found.status != "alive":
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_MEMBERS, COL_SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _chat_data(self, row: GroupRow, column: int, role: int) -> Any:
        """The chat-activity columns' cells."""
        found = self._chat.get(row.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return chat.text(found, column)
        if role == SortRole:
            return chat.sort_value(found, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return chat.tooltip(found, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return chat.alignment()
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ARCHIVED_COLOUR) if row.archived else chat.foreground(found, column)
        return None

    def _text(self, row: GroupRow, column: int) -> str:
        if column == COL_NAME:
            return row.name
        if column == COL_PLATFORM:
            return label(PLATFORMS, row.platform)
        if column == COL_KIND:
            return label(KINDS, row.kind)
        if column == COL_MEMBERS:
            return f"{row.members:,}"
        if column == COL_PARENT:
            return row.parent_name
        if column == COL_LAST_INTERACTION:
            return self.last_interaction_text(row.last_interaction)
        found = self._health.get(row.id)
        if column == COL_SCORE and found is not None:
            return str(found.score)
        if column == COL_STATUS and found is not None:
            return self.status_text(found.status)
        return ""

    def _tooltip(self, row: GroupRow, column: int) -> str | None:
        if column == COL_NAME and row.archived:
            return self.tr("{name} (archived)").format(name=row.name)
        if column == COL_LAST_INTERACTION and row.last_interaction is not None:
            return clock.to_local(row.last_interaction).strftime("%Y-%m-%d %H:%M")
        if column in (COL_NAME, COL_PARENT, COL_KIND):
            return self._text(row, column) or None
        found = self._health.get(row.id)
        if column in (COL_SCORE, COL_STATUS) and found is not None and found.findings:
            return finding_text(found.findings[0])
        return None

    def _sort_value(self, position: int, row: GroupRow, column: int) -> Any:
        # list_groups returns rows by their pinyin sort key, so the row position is the name
        # order; ties in other columns fall back to it.
        if column == COL_MEMBERS:
            return row.members
        if column == COL_LAST_INTERACTION:
            return row.last_interaction.isoformat() if row.last_interaction else ""
        if column == COL_PARENT:
            return row.parent_sort_key
        if column in (COL_PLATFORM, COL_KIND):
            return self._text(row, column)
        found = self._health.get(row.id)
        if column == COL_SCORE:
            return found.score if found is not None else 1000
        if column == COL_STATUS:
            order = STATUS_ORDER.get(found.status, 3) if found is not None else 3
            return order * 1000 + (found.score if found is not None else 0)
        return position


class GroupFilterProxy(QSortFilterProxyModel):
    """Sorts on the model's sort role; keeps rows whose name or pinyin contains the filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._status = ""
        self._chat = ""
        self.setSortRole(SortRole)

    def set_status(self, status: str, chat_kind: str = "") -> None:
        """Keep only groups of this health status and chat kind ("" for all)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self._status, self._chat = status, chat_kind
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._status, self._chat = status, chat_kind
            self.invalidateRowsFilter()

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateRowsFilter before
            self.beginFilterChange()
            self._needle = normalise_query(text)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = normalise_query(text)
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        index = self.sourceModel().index(source_row, COL_NAME, source_parent)
        if self._status and index.data(StatusRole) != self._status:
            return False
        if self._chat and not chat.accepts(self._chat, str(index.data(ChatRole))):
            return False
        if not self._needle:
            return True
        return self._needle in str(index.data(FilterRole) or "")


CELL_PADDING, HEADER_PADDING = 16, 28  # a cell's margins; a header's margins and sort arrow


def fit_columns(table: QTableView, model: GroupTableModel) -> None:
    """Fit every column to its header and the words shown; only very long names are cut."""
    header = table.horizontalHeader()
    plain = table.fontMetrics()
    caps = {COL_NAME: 260, COL_PARENT: 200}  # a long name elides; its tooltip has it all
    rows = range(model.rowCount())  # a few hundred groups at most
    for column in range(model.columnCount()):
        widest = max((_text_width(model, row, column, plain) for row in rows), default=0)
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        # the header's words and its sort arrow must fit, and the cells up to the cap
        cells = min(widest + CELL_PADDING, caps.get(column, widest + CELL_PADDING))
        wanted = max(cells, header.fontMetrics().horizontalAdvance(title) + HEADER_PADDING)
        header.resizeSection(column, wanted)


def _text_width(model: GroupTableModel, row: int, column: int, metrics: QFontMetrics) -> int:
    """How wide a cell's text is drawn, in its own font (a bold status is wider)."""
    index = model.index(row, column)
    font = index.data(Qt.ItemDataRole.FontRole)
    measure = QFontMetrics(font) if isinstance(font, QFont) else metrics
    return measure.horizontalAdvance(str(index.data() or ""))
