"""The upcoming meetups beside the calendar: when, what, who is going, status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core import clock, meetups
from app.ui.labels import MEETUP_STATUSES, label
from app.ui.meetups.month_calendar import STATUS_COLOURS
from app.ui.widgets.read_only_table import RIGHT, ReadOnlyTable

COL_WHEN, COL_TITLE, COL_GOING, COL_STATUS = range(4)


class UpcomingList(QWidget):
    """The next meetups, soonest first; double-click (or Enter) opens one."""

    meetupOpened = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upcomingList")
        self.heading = QLabel(self.tr("Upcoming"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.table = ReadOnlyTable(
            [self.tr("When"), self.tr("Meetup"), self.tr("Going"), self.tr("Status")],
            "upcomingTable",
            self._cell,
            lambda row: row.id,
        )
        self.table.set_widths(["03-14 Sat 19:00", "", "20 / 30"])
        statuses = [label(MEETUP_STATUSES, code) for code in meetups.STATUSES]
        widest = max(self.table.fontMetrics().horizontalAdvance(word) for word in statuses)
        self.table.setColumnWidth(COL_STATUS, widest + 20)
        self.table.stretch(COL_TITLE)
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.empty_note = QLabel(self.tr("No meetup is planned. Click a day to plan one."))
        self.empty_note.setObjectName("upcomingEmpty")
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet("color: palette(placeholder-text);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_note)

    def refresh(self) -> None:
        rows = meetups.upcoming()
        self.table.set_rows(rows)
        self.empty_note.setVisible(not rows)

    def titles(self) -> list[str]:
        return self.table.texts(COL_TITLE)

    def _open(self, row: int) -> None:
        self.meetupOpened.emit(self.table.rows_model.id_at(row))

    def _cell(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_WHEN:
                start = clock.to_local(row.start_at)
                return self.locale().toString(start, "MM-dd ddd HH:mm")
            if column == COL_TITLE:
                return row.title
            if column == COL_GOING:
                if row.capacity:
                    return f"{row.going} / {row.capacity}"
                return str(row.going)
            return label(MEETUP_STATUSES, row.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            return QColor(STATUS_COLOURS.get(row.status, STATUS_COLOURS["planned"])[1])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_GOING:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [row.title, row.venue, row.groups]
            if row.waitlist:
                parts.append(self.tr("%n on the waitlist", "", row.waitlist))
            return "\n".join(p for p in parts if p)
        return None
