"""Reminders with a fixed clock: one banner per due task, never twice; Open opens the task."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core import clock, tasks
from app.core.groups import create_group
from app.ui import navigation
from app.ui.main_window import MainWindow
from app.ui.reminder_service import (
    CHECK_EVERY_SECONDS,
    FIRST_CHECK_AFTER_SECONDS,
    MAX_NOTICES,
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


def test_one_banner_per_due_task_never_twice(
    qtbot: Any, window: MainWindow, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    due = tasks.create_task("周五话题", "topic", due_at=now - timedelta(minutes=1))
    tasks.create_task("下周分享", "share", due_at=now + timedelta(days=3))
    window.refresh_badge()
    queue_row = navigation.QUEUE
    assert window.navigation.item(queue_row).text() == "Queue (1)"

    shown = window.reminders.check(now)
    assert [r.task_id for r in shown] == [due.id]
    assert len(window.reminders.visible_banners()) == 1
    banner = window.reminders.visible_banners()[0]
    assert banner.objectName() == "reminderBanner"
    assert "周五话题" in banner.label.text()
    assert window.reminders.check(now + timedelta(minutes=1)) == []
    assert len(window.reminders.visible_banners()) == 1

    opened: list[QDialog] = []
    monkeypatch.setattr(window.queue_panel, "exec_dialog", lambda d: opened.append(d) or False)
    qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.queue_panel
    assert window.queue_panel.sections.current_id() == due.id
    assert isinstance(opened[0], TaskDialog) and opened[0].task_id == due.id
    qtbot.waitUntil(lambda: not window.reminders.visible_banners())


def test_a_snoozed_task_reminds_again_when_the_snooze_ends(
    qtbot: Any, window: MainWindow, now: datetime
) -> None:
    task = tasks.create_task("问候新人", "welcome", due_at=now - timedelta(minutes=1))
    assert len(window.reminders.check(now)) == 1
    tasks.snooze_task(task.id, now + timedelta(hours=1))
    assert window.reminders.check(now + timedelta(minutes=30)) == []
    later = now + timedelta(hours=1, minutes=1)
    clock.fix(later)
    assert [r.task_id for r in window.reminders.check(later)] == [task.id]


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


def test_many_due_at_once_make_one_notice_that_opens_the_queue(
    qtbot: Any, window: MainWindow, now: datetime
) -> None:
    for number in range(7):
        tasks.create_task(f"欢迎新人 {number}", "welcome", due_at=now - timedelta(hours=number + 1))
    shown = window.reminders.check(now)
    assert len(shown) == 7  # all marked reminded: none of them comes back next minute
    texts = [b.label.text() for b in window.reminders.visible_banners()]
    assert len(texts) == MAX_NOTICES
    assert all(t.startswith("Due now: ") for t in texts[:-1])
    assert texts[-1] == "5 more tasks came due."
    summary = window.reminders.visible_banners()[-1]
    assert summary.task_id is None
    qtbot.mouseClick(summary.open_button, Qt.MouseButton.LeftButton)
    assert window.current_panel() is window.queue_panel
    assert window.reminders.check(now + timedelta(minutes=1)) == []
