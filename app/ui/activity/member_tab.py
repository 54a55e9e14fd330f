"""A member's chat activity (PRODUCT.md §4b): in each of their groups, their presence over the
last 30 days (regular, occasional, once, silent), messages and days, when they last spoke, and
their messages per week on a dated chart for the group selected."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.core import activity
from app.core.activity import MemberActivity
from app.ui.activity.figures import local_minute, presence_word
from app.ui.activity.people_section import HEADING_STYLE
from app.ui.activity.weekly_chart import WeeklyChart
from app.ui.widgets.controls import HINT_STYLE
from app.ui.widgets.read_only_table import RIGHT, ReadOnlyTable

PRESENCE_COLOURS = {"regular": "#1e8449", "occasional": "#2e86c1", "silent": "#8c8c8c"}


class MemberChatTab(QWidget):
    """``groupOpenRequested(group_id)`` when a group's row is double-clicked."""

    groupOpenRequested = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberChatTab")
        self.member_id = member_id
        self.rows: list[MemberActivity] = []
        self.table = ReadOnlyTable(
            [
                self.tr("Group"),
                self.tr("Presence"),
                self.tr("Days spoken"),
                self.tr("Messages (30 days)"),
                self.tr("Last spoke"),
            ],
            "memberChatTable",
            self._cell,
            lambda row: row.group_id,
        )
        self.table.set_widths(["读书会·深圳徒步俱乐部", "Occasional", "Days spoken", "Messages"])
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.rowChanged.connect(self._show_chart)
        self.note = QLabel(
            self.tr(
                "Presence over the last 30 days, from imported chat history: regular, "
                "occasional, once or silent. Double-click a group to open it."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet(HINT_STYLE)
        self.chart_heading = QLabel()
        self.chart_heading.setObjectName("memberChartHeading")
        self.chart_heading.setStyleSheet(HEADING_STYLE)
        self.chart = WeeklyChart("memberWeeklyChart")
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart_heading)
        layout.addWidget(self.chart)

    def _cell(self, row: MemberActivity, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            name = (
                row.group_name
                if row.in_group
                else self.tr("{group} (left)").format(group=row.group_name)
            )
            return (
                name,
                presence_word(row.presence),
                str(row.days_30d),
                str(row.messages_30d),
                local_minute(row.last_spoke) or self.tr("never"),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            colour = PRESENCE_COLOURS.get(row.presence)
            return None if colour is None else QColor(colour)
        return None

    def title(self) -> str:
        return self.tr("Chat activity")

    def load(self) -> None:
        """Re-read the member's activity in each group (two queries) and show the first."""
        self.rows = activity.member_activity(self.member_id)
        self.table.set_rows(self.rows)
        if self.rows and self.table.current_id() is None:
            self.table.select_id(self.rows[0].group_id)
        self._show_chart()

    def _show_chart(self) -> None:
        row = self.table.current_row()
        self.chart.setVisible(row is not None)
        self.chart_heading.setVisible(row is not None)
        if row is None:
            return
        self.chart_heading.setText(
            self.tr("Messages per week in {group}, last 26 weeks").format(group=row.group_name)
        )
        self.chart.set_weeks(activity.week_starts(), row.weekly)

    def _open(self, row: int) -> None:
        self.groupOpenRequested.emit(self.rows[row].group_id)
