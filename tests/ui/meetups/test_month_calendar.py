"""The month view: meetups on their days, moving between months, clicks on days and meetups."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from app.core import clock, meetups
from app.ui.meetups.month_calendar import MonthCalendar

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def local(*parts: int) -> datetime:
    """A local wall-clock time as stored (naive UTC)."""
    return clock.from_local(datetime(*parts))


@pytest.fixture
def calendar(qtbot: Any, now: datetime) -> MonthCalendar:
    meetups.create_meetup("读书会", local(2026, 3, 20, 19), local(2026, 3, 20, 21))
    meetups.create_meetup(
        "徒步两日", local(2026, 3, 28, 9), local(2026, 3, 29, 17), status="confirmed"
    )
    meetups.create_meetup("四月茶话会", local(2026, 4, 2, 19), local(2026, 4, 2, 21))
    widget = MonthCalendar()
    qtbot.addWidget(widget)
    widget.resize(900, 640)
    widget.show()
    widget.monthChanged.connect(lambda: widget.set_meetups(meetups.meetups_between(*widget.span())))
    widget.set_meetups(meetups.meetups_between(*widget.span()))
    return widget


def titles(widget: MonthCalendar, day: date) -> list[str]:
    return [chip.full_text for chip in widget.chips_on(day)]


def test_meetups_show_on_their_days_in_the_month(calendar: MonthCalendar) -> None:
    assert calendar.title.text() == "March 2026"
    assert calendar.first_day() == date(2026, 2, 23)  # weeks start on Monday
    assert calendar.cells[0].day.weekday() == 0
    assert len(calendar.cells) == 42
    assert titles(calendar, date(2026, 3, 20)) == ["19:00 读书会"]
    assert titles(calendar, date(2026, 3, 28)) == ["09:00 徒步两日"]
    assert titles(calendar, date(2026, 3, 29)) == ["09:00 徒步两日"]  # each day it covers
    assert titles(calendar, date(2026, 3, 27)) == []
    assert titles(calendar, date(2026, 3, 30)) == []
    assert titles(calendar, date(2026, 4, 2)) == ["19:00 四月茶话会"]  # April's first days show
    assert calendar.chips_on(date(2026, 3, 28))[0].status == "confirmed"


def test_previous_next_and_today_change_the_month(qtbot: Any, calendar: MonthCalendar) -> None:
    qtbot.mouseClick(calendar.previous_button, Qt.MouseButton.LeftButton)
    assert calendar.title.text() == "February 2026"
    assert titles(calendar, date(2026, 3, 20)) == []  # not in February's grid
    qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)
    assert calendar.title.text() == "April 2026"
    assert titles(calendar, date(2026, 4, 2)) == ["19:00 四月茶话会"]
    for _ in range(9):
        qtbot.mouseClick(calendar.next_button, Qt.MouseButton.LeftButton)
    assert calendar.title.text() == "January 2027"
    qtbot.mouseClick(calendar.today_button, Qt.MouseButton.LeftButton)
    assert calendar.title.text() == "March 2026"
    assert titles(calendar, date(2026, 3, 20)) == ["19:00 读书会"]


def test_clicking_a_day_or_a_meetup(qtbot: Any, calendar: MonthCalendar) -> None:
    days: list[date] = []
    opened: list[int] = []
    calendar.dayClicked.connect(days.append)
    calendar.meetupClicked.connect(opened.append)
    cell = calendar.cell_of(date(2026, 3, 17))
    assert cell is not None
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton, pos=QPoint(10, cell.height() - 8))
    assert days == [date(2026, 3, 17)]
    chip = calendar.chips_on(date(2026, 3, 20))[0]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert opened == [chip.meetup_id]
    assert days == [date(2026, 3, 17)]  # the meetup's click does not reach the day
