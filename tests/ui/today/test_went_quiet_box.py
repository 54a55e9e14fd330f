"""Today's "Went quiet" box as a person uses it: the five members most worth a message across
groups, each with their group; "Reach out" queues a task and the next one moves up; a name
opens the member; the box stays hidden without chat history."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from app.core import clock, daily_plan
from app.core.activity_actions import REACH_OUT_ORIGIN
from app.store.models import Member, Task
from app.ui.today.panel import TodayPanel
from tests.core.chat_samples import ChatLog
from tests.ui.announcements import announced_by
from tests.ui.driving import click


def quiet_chats(tmp_path: Path) -> None:
    before = clock.local_today() - timedelta(days=31)
    reading = ChatLog(name="读书会", group_id="1")
    for i, count in enumerate((12, 40, 25, 18, 30, 10)):
        reading.say(f"2000{i}", f"成员{i}", before, count)
    reading.imported(tmp_path / "r")
    running = ChatLog(name="夜跑群", group_id="2")
    running.say("20000", "成员0", before, 50)
    running.imported(tmp_path / "n")


@pytest.fixture
def panel(qtbot: Any, now: datetime) -> TodayPanel:
    widget = TodayPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def refreshed(qtbot: Any, panel: TodayPanel) -> None:
    """Refresh as the Refresh button does (off the UI thread) and wait for it."""
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.busy)


def rows(panel: TodayPanel) -> list[tuple[str, str]]:
    names = [w.text() for w in panel.quiet.findChildren(QLabel, "quietName")]
    about = [w.text() for w in panel.quiet.findChildren(QLabel, "quietAbout")]
    return [(n.split(">")[1].split("<")[0], a) for n, a in zip(names, about, strict=True)]


def test_went_quiet_lists_five_and_reach_out_queues_a_task(
    qtbot: Any, panel: TodayPanel, now: datetime, tmp_path: Path
) -> None:
    quiet_chats(tmp_path)
    refreshed(qtbot, panel)
    assert panel.quiet.isVisible() and panel.quiet.title() == "Went quiet: worth a message"
    day = (clock.local_today() - timedelta(days=31)).strftime("%m-%d")
    assert rows(panel) == [
        ("成员0", f"夜跑群 · 50 messages before, last {day}"),
        ("成员1", f"读书会 · 40 messages before, last {day}"),
        ("成员4", f"读书会 · 30 messages before, last {day}"),
        ("成员2", f"读书会 · 25 messages before, last {day}"),
        ("成员3", f"读书会 · 18 messages before, last {day}"),
    ]
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, panel.quiet.buttons[1])
    qtbot.waitUntil(lambda: not panel.busy)  # the panel fills again off the UI thread
    task = Task.get(Task.origin == REACH_OUT_ORIGIN)  # (the plan has the groups' suggestions)
    assert task.title == "Reach out to 成员1 (读书会)" and task.status == "open"
    assert task.member_id == Member.get(Member.name == "成员1").id
    assert task.due_at == daily_plan.suggestion_due()
    when = clock.to_local(task.due_at).strftime("%m-%d %H:%M")
    assert panel.notice.text() == f"Reach out to 成员1: queued for {when}"
    # 成员1 is in the queue now: the next one moves up
    assert [name for name, _ in rows(panel)] == ["成员0", "成员4", "成员2", "成员3", "成员5"]


def test_a_name_opens_the_member(qtbot: Any, panel: TodayPanel, tmp_path: Path) -> None:
    quiet_chats(tmp_path)
    refreshed(qtbot, panel)
    opened: list[int] = []
    panel.memberOpened.connect(opened.append)
    label = panel.quiet.findChildren(QLabel, "quietName")[0]
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton, pos=QPoint(6, label.height() // 2))
    assert opened == [Member.get(Member.name == "成员0").id]


def test_hidden_without_chat_history(qtbot: Any, panel: TodayPanel) -> None:
    refreshed(qtbot, panel)
    assert not panel.quiet.isVisible() and panel.quiet.buttons == []
