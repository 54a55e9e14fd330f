"""The Meetups panel: plan a meetup on a day, see it in the calendar and the upcoming list,
open it again, export the upcoming ones; and the checklist template in Settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog

from app.core import clock, meetup_plan, meetups
from app.core import settings as core_settings
from app.core.groups import create_group
from app.store.models import Meetup
from app.ui.meetups.meetup_dialog import MeetupDialog
from app.ui.meetups.panel import MeetupsPanel
from app.ui.settings.panel import SettingsPanel
from tests.ui.announcements import announced_by

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def panel(qtbot: Any, now: datetime) -> MeetupsPanel:
    widget = MeetupsPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    widget.refresh()
    return widget


def answer(monkeypatch: Any, panel: MeetupsPanel, fill: Callable[[MeetupDialog], None]) -> list:
    seen: list[MeetupDialog] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, MeetupDialog)
        seen.append(dialog)
        fill(dialog)
        return True

    monkeypatch.setattr(panel, "exec_dialog", run)
    return seen


def click_day(qtbot: Any, panel: MeetupsPanel, day: date) -> None:
    cell = panel.calendar.cell_of(day)
    assert cell is not None
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton, pos=QPoint(8, cell.height() - 6))


def test_panel_title_and_the_empty_list(panel: MeetupsPanel) -> None:
    assert panel.calendar.title.text() == "March 2026"
    assert panel.upcoming.titles() == []
    assert panel.upcoming.empty_note.isVisibleTo(panel)


def test_clicking_an_empty_day_plans_a_meetup_there(
    qtbot: Any, panel: MeetupsPanel, monkeypatch: Any
) -> None:
    reading = create_group("读书会").id
    running = create_group("夜跑群").id

    def fill(dialog: MeetupDialog) -> None:
        assert dialog.meetup_id is None
        assert dialog.windowTitle() == "New meetup"
        assert dialog.start_edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-03-21 19:00"
        assert dialog.end_edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-03-21 21:00"
        assert not dialog.tabs.isTabEnabled(1)
        dialog.title_edit.setText("春季读书会")
        dialog.check_group(reading)
        dialog.check_group(running)
        dialog.set_times(datetime(2026, 3, 21, 14, 0), datetime(2026, 3, 21, 17, 30))
        dialog.capacity_spin.setValue(20)
        dialog.venue_edit.setText("言几又书店")
        dialog.save_button.click()
        assert dialog.meetup_id is not None
        assert dialog.tabs.isTabEnabled(1)
        dialog.accept()

    seen = answer(monkeypatch, panel, fill)
    with qtbot.waitSignal(**announced_by(panel)):
        click_day(qtbot, panel, date(2026, 3, 21))
    assert len(seen) == 1
    meetup = Meetup.get(Meetup.title == "春季读书会")
    assert (meetup.capacity, meetup.venue) == (20, "言几又书店")
    assert clock.to_local(meetup.start_at).strftime("%Y-%m-%d %H:%M") == "2026-03-21 14:00"
    assert clock.to_local(meetup.end_at).strftime("%H:%M") == "17:30"
    assert sorted(meetups.group_ids_of(meetup.id)) == sorted([reading, running])
    chips = panel.calendar.chips_on(date(2026, 3, 21))
    assert [chip.full_text for chip in chips] == ["14:00 春季读书会"]
    assert panel.upcoming.titles() == ["春季读书会"]
    assert panel.upcoming.table.texts(2) == ["0 / 20"]


def test_clicking_a_meetup_opens_it(qtbot: Any, panel: MeetupsPanel, monkeypatch: Any) -> None:
    start = clock.from_local(datetime(2026, 4, 3, 19))
    meetup = meetups.create_meetup("四月茶话会", start, clock.from_local(datetime(2026, 4, 3, 21)))
    panel.refresh()
    titles: list[str] = []
    answer(monkeypatch, panel, lambda dialog: titles.append(dialog.windowTitle()))
    assert panel.calendar.chips_on(date(2026, 4, 3))  # April's first days end March's grid
    qtbot.mouseClick(panel.calendar.next_button, Qt.MouseButton.LeftButton)
    assert panel.calendar.title.text() == "April 2026"
    chip = panel.calendar.chips_on(date(2026, 4, 3))[0]
    assert chip.meetup_id == meetup.id
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert titles == ["Meetup: 四月茶话会"]
    panel.upcoming.table.selectRow(0)
    panel.upcoming.table.activated.emit(panel.upcoming.table.model().index(0, 1))
    assert titles == ["Meetup: 四月茶话会"] * 2


def test_export_the_upcoming_meetups(
    qtbot: Any, panel: MeetupsPanel, tmp_path: Path, monkeypatch: Any
) -> None:
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert panel.error.text() == "No upcoming meetup to export."
    for day, title in ((18, "读书会"), (25, "夜跑")):
        start = clock.from_local(datetime(2026, 3, day, 19))
        meetups.create_meetup(title, start, clock.from_local(datetime(2026, 3, day, 21)))
    target = tmp_path / "upcoming.ics"
    monkeypatch.setattr(panel, "choose_ics_path", lambda: target)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    text = target.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 2 and "读书会" in text and "夜跑" in text
    assert panel.notice.text() == "Exported 2 meetups to upcoming.ics."
    assert not panel.error.isVisibleTo(panel)


def test_the_checklist_template_is_edited_in_settings(qtbot: Any, database: Path) -> None:
    settings = SettingsPanel(database)
    qtbot.addWidget(settings)
    box = settings.checklist_box
    assert box.edit.toPlainText().splitlines() == core_settings.checklist_template()
    box.edit.setPlainText("订场地\n\n群里发通知\n  打印签到表  ")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert core_settings.checklist_template() == ["订场地", "群里发通知", "打印签到表"]
    assert box.notice.text() == "Saved 3 items for new meetups."
    start = clock.from_local(datetime(2026, 5, 1, 19))
    meetup = meetups.create_meetup("五一", start, start + timedelta(hours=1))
    assert [item.text for item in meetup_plan.checklist(meetup.id)] == [
        "订场地", "群里发通知", "打印签到表",
    ]  # fmt: skip
