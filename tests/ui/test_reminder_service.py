"""Reminders with a fixed clock: one notice line, each due task shown once; Open opens it."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core import clock, tasks
from app.core.database import back_up_now, restore
from app.core.groups import create_group
from app.store.models import Task
from app.ui import navigation
from app.ui.changes import Change, announce
from app.ui.main_window import MainWindow
from app.ui.reminder_service import (
    CHECK_EVERY_SECONDS,
    FIRST_CHECK_AFTER_SECONDS,
    ReminderService,
)
from app.ui.widgets.task_dialog import TaskDialog


@pytest.fixture
def window(qtbot: Any, database: Path, now: datetime) -> MainWindow:
    create_group("读书会")
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    if win.reminders.tray is not None:
        pytest.skip("this platform has a system tray; the banner is for those without")
    return win


def test_one_due_task_is_one_line_shown_once_and_open_opens_it(
    qtbot: Any, window: MainWindow, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    due = tasks.create_task("周五话题", "topic", due_at=now - timedelta(minutes=1))
    tasks.create_task("下周分享", "share", due_at=now + timedelta(days=3))
    window.refresh_badge()
    assert window.navigation.item(navigation.QUEUE).text() == "Queue (1)"
    area = window.notices
    assert area.text() == ""

    shown = window.reminders.check(now)
    assert [r.task_id for r in shown] == [due.id]
    assert area.text() == "Due now: 周五话题"
    assert area.open_button.text() == "Open" and area.open_button.isVisible()
    assert window.reminders.check(now + timedelta(minutes=1)) == []
    assert area.text() == "Due now: 周五话题"

    opened: list[QDialog] = []
    monkeypatch.setattr(window.queue_panel, "exec_dialog", lambda d: opened.append(d) or False)
    qtbot.mouseClick(area.open_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.queue_panel
    assert window.queue_panel.sections.current_id() == due.id
    assert isinstance(opened[0], TaskDialog) and opened[0].task_id == due.id
    assert area.text() == "" and not area.open_button.isVisible()


def test_a_snoozed_task_reminds_again_when_the_snooze_ends(
    qtbot: Any, window: MainWindow, now: datetime
) -> None:
    task = tasks.create_task("问候新人", "welcome", due_at=now - timedelta(minutes=1))
    assert len(window.reminders.check(now)) == 1
    tasks.snooze_task(task.id, now + timedelta(hours=1))
    announce(Change.TASKS)
    assert window.notices.text() == ""  # the snooze took its notice away
    assert window.reminders.check(now + timedelta(minutes=30)) == []
    later = now + timedelta(hours=1, minutes=1)
    clock.fix(later)
    assert [r.task_id for r in window.reminders.check(later)] == [task.id]
    assert window.notices.text() == "Due now: 问候新人"


def test_many_due_at_once_make_one_line_that_opens_the_queue(
    qtbot: Any, window: MainWindow, now: datetime
) -> None:
    for number in range(7):
        tasks.create_task(f"欢迎新人 {number}", "welcome", due_at=now - timedelta(hours=number + 1))
    shown = window.reminders.check(now)
    assert len(shown) == 7  # all marked reminded: none of them comes back next minute
    area = window.notices
    assert area.text() == "7 tasks due —"
    assert area.open_button.text() == "Open the Queue"
    assert window.findChildren(type(area)) == [area]  # one area, never a pile
    qtbot.mouseClick(area.open_button, Qt.MouseButton.LeftButton)
    assert window.current_panel() is window.queue_panel
    assert area.text() == ""
    assert window.reminders.check(now + timedelta(minutes=1)) == []


def test_a_notice_goes_when_its_task_is_done_and_the_line_counts_down(
    qtbot: Any, window: MainWindow, now: datetime
) -> None:
    first = tasks.create_task("欢迎新人", "welcome", due_at=now - timedelta(hours=1))
    second = tasks.create_task("周五话题", "topic", due_at=now - timedelta(hours=2))
    third = tasks.create_task("清理广告", "spam_sweep", due_at=now - timedelta(hours=3))
    window.reminders.check(now)
    assert window.notices.text() == "3 tasks due —"
    tasks.complete_task(first.id, "欢迎了")
    announce(Change.TASKS)
    assert window.notices.text() == "2 tasks due —"
    tasks.skip_task(second.id)
    announce(Change.TASKS)
    assert window.notices.text() == "Due now: 清理广告"
    qtbot.mouseClick(window.notices.close_button, Qt.MouseButton.LeftButton)
    assert window.notices.text() == ""
    assert Task.get_by_id(third.id).status == "open"  # the × only hides the notice


def test_a_notice_never_moves_the_panels(qtbot: Any, window: MainWindow, now: datetime) -> None:
    for number in range(3):
        tasks.create_task(f"话题 {number}", "topic", due_at=now - timedelta(minutes=number + 1))
    panels, bar = window.stack.geometry(), window.statusBar().geometry()
    window.reminders.check(now)
    qtbot.waitUntil(window.notices.open_button.isVisible)
    assert window.notices.text() == "3 tasks due —"
    assert window.stack.geometry() == panels and window.statusBar().geometry() == bar
    window.statusBar().showMessage("Undone: skip a task")  # a passing message neither
    assert window.stack.geometry() == panels and window.statusBar().geometry() == bar


def test_a_restart_or_a_restore_does_not_show_again_what_was_seen(
    qtbot: Any, window: MainWindow, database: Path, now: datetime
) -> None:
    tasks.create_task("周五话题", "topic", due_at=now - timedelta(minutes=5))
    backup = back_up_now()  # made before the reminder was shown
    assert len(window.reminders.check(now)) == 1
    restore(backup)
    announce(Change.EVERYTHING)
    assert Task.get().reminded_for is None  # the backup predates it
    assert window.reminders.check(now + timedelta(minutes=1)) == []
    assert Task.get().reminded_for is not None  # marked again: a restart keeps it away too

    again = MainWindow(database)  # a restart
    qtbot.addWidget(again)
    assert again.reminders.check(now + timedelta(minutes=2)) == []
    assert again.notices.text() == ""


def test_the_loop_waits_for_the_window_then_checks_every_minute(
    qtbot: Any, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = ReminderService()
    events: list[object] = []
    monkeypatch.setattr(service, "check", lambda now=None: events.append("check") or [])

    async def sleep(seconds: float) -> None:
        events.append(seconds)
        if len(events) > 2:
            raise asyncio.CancelledError

    monkeypatch.setattr(asyncio, "sleep", sleep)
    with pytest.raises(asyncio.CancelledError):
        asyncio.run(service.run())
    assert events == [FIRST_CHECK_AFTER_SECONDS, "check", CHECK_EVERY_SECONDS]
