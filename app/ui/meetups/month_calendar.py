"""A month of meetups: six week rows of seven days (Monday first), each meetup on its day(s).

Clicking an empty part of a day asks for a new meetup that day; clicking a meetup opens it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core import clock
from app.ui.labels import MEETUP_STATUSES, label

WEEKS, DAYS = 6, 7
SHOWN_PER_DAY = 3  # more meetups on one day show as "+n more"
STATUS_COLOURS = {
    "planned": ("#d6e6f5", "#1f5f99"),
    "confirmed": ("#d5efdc", "#1e6b34"),
    "done": ("#e4e4e4", "#555555"),
    "cancelled": ("#f6dcd8", "#9b2c22"),
}


class Chip(QLabel):
    """One meetup in a day cell, coloured by its status; a click opens it."""

    clicked = Signal(int)

    def __init__(self, meetup_id: int, title: str, status: str, tip: str) -> None:
        super().__init__(title)
        self.full_text = title
        self.meetup_id = meetup_id
        self.status = status
        self.setObjectName("meetupChip")
        background, foreground = STATUS_COLOURS.get(status, STATUS_COLOURS["planned"])
        strike = "text-decoration: line-through;" if status == "cancelled" else ""
        self.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; border-radius: 3px;"
            f" padding: 1px 4px; {strike} }}"
        )
        self.setToolTip(tip)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Elide the title to the width the day gives."""
        room = max(0, event.size().width() - 10)
        self.setText(
            self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room)
        )
        super().resizeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.meetup_id)
            event.accept()
        else:
            super().mousePressEvent(event)


class DayCell(QFrame):
    """A day: its number, then its meetups; a click outside them asks for a new meetup."""

    clicked = Signal(object)  # the date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayCell")
        self.day = clock.local_today()
        self.chips: list[Chip] = []
        self.number = QLabel()
        self.number.setObjectName("dayNumber")
        self.more = QLabel()
        self.more.setObjectName("dayMore")
        self.more.setStyleSheet("color: palette(placeholder-text);")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.setSpacing(2)
        self._layout.addWidget(self.number)
        self._layout.addStretch(1)
        self._layout.addWidget(self.more)
        self.setMinimumSize(90, 70)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_day(self, day: date, in_month: bool, today: bool) -> None:
        self.day = day
        self.number.setText(str(day.day))
        colour = "palette(text)" if in_month else "palette(placeholder-text)"
        weight = "bold" if today else "normal"
        self.number.setStyleSheet(f"color: {colour}; font-weight: {weight};")
        border = "2px solid #1f5f99" if today else "1px solid palette(mid)"
        background = "palette(base)" if in_month else "palette(window)"
        self.setStyleSheet(f"QFrame#dayCell {{ border: {border}; background: {background}; }}")

    def set_chips(self, chips: Sequence[Chip], hidden: int, more_text: str) -> None:
        for chip in self.chips:
            chip.deleteLater()
        self.chips = list(chips)
        for position, chip in enumerate(self.chips):
            self._layout.insertWidget(1 + position, chip)
        self.more.setText(more_text)
        self.more.setVisible(hidden > 0)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.day)
            event.accept()
        else:
            super().mousePressEvent(event)


class MonthCalendar(QWidget):
    """The month's title with previous / today / next, the weekday names and 6 × 7 days."""

    dayClicked = Signal(object)  # noqa: N815 - a date with room for a new meetup
    meetupClicked = Signal(int)  # noqa: N815
    monthChanged = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthCalendar")
        self._rows: list[Any] = []
        today = self.today()
        self.year, self.month = today.year, today.month
        self.title = QLabel()
        self.title.setObjectName("monthTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.previous_button = QPushButton(self.tr("‹ Previous"))
        self.previous_button.setObjectName("previousMonthButton")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setObjectName("todayButton")
        self.today_button.clicked.connect(self.go_today)
        self.next_button = QPushButton(self.tr("Next ›"))
        self.next_button.setObjectName("nextMonthButton")
        self.next_button.clicked.connect(lambda: self.step(1))
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        for button in (self.previous_button, self.today_button, self.next_button):
            top.addWidget(button)

        grid = QGridLayout()
        grid.setSpacing(0)
        locale = QLocale()
        for column in range(DAYS):
            name = QLabel(locale.dayName(column + 1, QLocale.FormatType.ShortFormat))
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setStyleSheet("color: palette(placeholder-text); padding: 2px;")
            grid.addWidget(name, 0, column)
        self.cells: list[DayCell] = []
        for week in range(WEEKS):
            grid.setRowStretch(week + 1, 1)
            for column in range(DAYS):
                cell = DayCell()
                cell.clicked.connect(self.dayClicked)
                grid.addWidget(cell, week + 1, column)
                self.cells.append(cell)
        for column in range(DAYS):
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self._show_days()

    # --- the month shown ---------------------------------------------------------------------

    @staticmethod
    def today() -> date:
        """The clock's today, local."""
        return clock.local_today()

    def first_day(self) -> date:
        """The Monday the grid starts on (on or before the 1st)."""
        first = date(self.year, self.month, 1)
        return first - timedelta(days=first.weekday())

    def days(self) -> list[date]:
        start = self.first_day()
        return [start + timedelta(days=n) for n in range(WEEKS * DAYS)]

    def span(self) -> tuple[datetime, datetime]:
        """The grid's first and last moments as naive UTC, for the query."""
        start = self.first_day()
        end = start + timedelta(days=WEEKS * DAYS)
        return clock.local_day_start(start), clock.local_day_start(end)

    def title_text(self) -> str:
        # A Qt date format, translated: "MMMM yyyy" reads "November 2026", "yyyy年M月" 2026年11月
        return QLocale().toString(QDate(self.year, self.month, 1), self.tr("MMMM yyyy"))

    def set_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self._show_days()
        self.monthChanged.emit()

    def step(self, months: int) -> None:
        index = self.year * 12 + self.month - 1 + months
        self.set_month(index // 12, index % 12 + 1)

    def go_today(self) -> None:
        today = self.today()
        self.set_month(today.year, today.month)

    def _show_days(self) -> None:
        self.title.setText(self.title_text())
        today = self.today()
        for cell, day in zip(self.cells, self.days(), strict=True):
            cell.set_day(day, day.month == self.month, day == today)

    # --- meetups -----------------------------------------------------------------------------

    def set_meetups(self, rows: Sequence[Any]) -> None:
        """Show ``rows`` (MeetupRow) on each local day they cover."""
        self._rows = list(rows)
        by_day: dict[date, list[Any]] = {}
        for row in rows:
            start = clock.local_date(row.start_at)
            end_at = clock.to_local(row.end_at)
            end = end_at.date()
            if end > start and end_at.hour == 0 and end_at.minute == 0:
                end -= timedelta(days=1)  # ends at midnight: not on the next day
            day = start
            while day <= max(start, end):
                by_day.setdefault(day, []).append(row)
                day += timedelta(days=1)
        for cell in self.cells:
            listed = by_day.get(cell.day, [])
            chips = [self._chip(row) for row in listed[:SHOWN_PER_DAY]]
            hidden = len(listed) - len(chips)
            cell.set_chips(chips, hidden, self.tr("+%n more", "", hidden))
            if hidden:
                cell.more.setToolTip("\n".join(r.title for r in listed[SHOWN_PER_DAY:]))

    def _chip(self, row: Any) -> Chip:
        start = clock.to_local(row.start_at)
        title = f"{start:%H:%M} {row.title}"
        tip = self.tr("{title}\n{when} · {status}\n{venue}").format(
            title=row.title,
            when=f"{start:%Y-%m-%d %H:%M}",
            status=label(MEETUP_STATUSES, row.status),
            venue=row.venue,
        )
        chip = Chip(row.id, title, row.status, tip.strip())
        chip.clicked.connect(self.meetupClicked)
        return chip

    def chips_on(self, day: date) -> list[Chip]:
        """The meetups shown on ``day`` (empty when the day is not in the grid)."""
        for cell in self.cells:
            if cell.day == day:
                return list(cell.chips)
        return []

    def cell_of(self, day: date) -> DayCell | None:
        return next((cell for cell in self.cells if cell.day == day), None)
