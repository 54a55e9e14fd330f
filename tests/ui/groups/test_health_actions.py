"""A Health finding's button asks what it needs in a small dialog, prefilled, and then says
beside the button what it created (instead of acting at once)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDialog

from app.core import clock, groups, members, memberships
from app.store.models import Meetup, Member, Task, Tier
from app.ui.groups.health_action_dialogs import CheckinDialog, MeetupPlanDialog, TopicDialog
from app.ui.groups.panel import GroupsPanel
from tests.ui.driving import answer_dialogs, click
from tests.ui.groups.test_groups_panel import click_group

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def place(now: datetime, utc_zone: None) -> dict[str, int]:
    """夜跑群, made 200 days ago and never talked in, with two helpers never contacted."""
    clock.fix(now - timedelta(days=200))
    ids = {"group": groups.create_group("夜跑群", "wechat", "interest").id}
    helper = Tier.get(Tier.rank == 2).id
    for key, name in (("zhang", "张三"), ("li", "李四")):
        ids[key] = members.create_member(name, tier_id=helper).id
        memberships.add_membership(ids[key], ids["group"])
    clock.fix(now)
    Member.update(last_contacted=now - timedelta(days=20)).where(Member.id == ids["li"]).execute()
    return ids


@pytest.fixture
def utc_zone(monkeypatch: pytest.MonkeyPatch) -> Any:
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def panel(qtbot: Any, place: dict[str, int]) -> GroupsPanel:
    widget = GroupsPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    click_group(qtbot, widget, "夜跑群")
    return widget


def at(day: date, hour: int) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


def test_schedule_a_topic_asks_topic_and_time_then_confirms_beside_the_button(
    qtbot: Any, panel: GroupsPanel, place: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, TopicDialog)
        assert dialog.windowTitle() == "Schedule a topic in 夜跑群"
        assert dialog.topic_edit.text() == "Start a topic discussion in 夜跑群"
        assert dialog.due_edit.dateTime() == at(date(2026, 3, 14), 20)  # the working hour
        dialog.topic_edit.setText("周六晨跑路线投票")
        dialog.due_edit.setDateTime(at(date(2026, 3, 15), 21))
        dialog.ok_button.click()

    seen = answer_dialogs(monkeypatch, panel.page, answer)
    tab = panel.page.health_tab
    assert Task.select().count() == 0
    click(qtbot, tab.buttons["topic"])
    assert len(seen) == 1
    task = Task.get()
    assert (task.title, task.kind, task.group_id, task.due_at, task.origin) == (
        "周六晨跑路线投票", "topic", place["group"], datetime(2026, 3, 15, 21), "health:topic",
    )  # fmt: skip
    label = panel.page.health_tab.confirmations["topic"]
    qtbot.waitUntil(label.isVisible)  # beside the button, in the finding's row
    assert label.parent() is panel.page.health_tab.buttons["topic"].parent()
    assert label.text() == "✓ Topic queued for 03-15 21:00"


def test_cancelling_the_dialog_creates_nothing(
    qtbot: Any, panel: GroupsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_dialogs(monkeypatch, panel.page, lambda dialog: dialog.reject())
    tab = panel.page.health_tab
    click(qtbot, tab.buttons["topic"])
    assert Task.select().count() == 0
    assert tab.confirmations["topic"].isHidden()
    assert tab.confirmations["topic"].text() == ""


def test_check_in_asks_which_helper(
    qtbot: Any, panel: GroupsPanel, place: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, CheckinDialog)
        combo = dialog.helper_combo
        assert [combo.itemText(i) for i in range(combo.count())] == ["张三", "李四"]
        assert combo.currentText() == "张三"  # never contacted: first
        combo.setCurrentIndex(combo.findText("李四"))
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel.page, answer)
    tab = panel.page.health_tab
    click(qtbot, tab.buttons["checkin"])
    task = Task.get()
    assert (task.title, task.kind, task.member_id, task.due_at) == (
        "Check in with 李四", "checkin", place["li"], datetime(2026, 3, 14, 20),
    )  # fmt: skip
    assert panel.page.health_tab.confirmations["checkin"].text() == (
        "✓ Check-in with 李四 queued for 03-14 20:00"
    )
    click(qtbot, panel.page.health_tab.buttons["checkin"])  # again: moved, not doubled
    assert Task.select().count() == 1
    assert panel.page.health_tab.confirmations["checkin"].text() == (
        "✓ Check-in with 李四 moved to 03-14 20:00"
    )


def test_plan_a_meetup_asks_the_day(
    qtbot: Any, panel: GroupsPanel, place: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, MeetupPlanDialog)
        assert dialog.title_edit.text() == "夜跑群 meetup"
        assert dialog.date_edit.date() == QDate(2026, 3, 28)  # two weeks ahead
        dialog.date_edit.setDate(QDate(2026, 4, 4))
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel.page, answer)
    tab = panel.page.health_tab
    click(qtbot, tab.buttons["meetup"])
    meetup = Meetup.get()
    assert (meetup.title, meetup.start_at) == ("夜跑群 meetup", datetime(2026, 4, 4, 19))
    tab = panel.page.health_tab
    assert "meetup" not in tab.buttons  # the finding is answered: its row is gone
    assert tab.notice.text() == "✓ Meetup planned for 04-04"
    prep = Task.get(Task.origin == "meetup")
    assert prep.title == "Prepare the meetup “夜跑群 meetup”"
