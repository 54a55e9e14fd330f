"""Reminders: each occurrence of a task that came due is reminded of once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app.core import groups, members, tasks
from app.core import queue as q
from app.core.reminders import Reminder, due_reminders, mark_reminded

pytestmark = pytest.mark.usefixtures("utc_zone")  # local time is UTC


def test_a_due_task_reminds_once(now: datetime) -> None:
    club = groups.create_group("读书会").id
    person = members.create_member("张三", qq="10001").id
    task = tasks.create_task("谈心", "checkin", club, person, now - timedelta(minutes=1))
    tasks.create_task("later", due_at=now + timedelta(minutes=1))
    tasks.create_task("undated")
    assert due_reminders(now) == [Reminder(task.id, "谈心", now - timedelta(minutes=1), "读书会",
                                           "张三")]  # fmt: skip
    mark_reminded([task.id], now)
    assert due_reminders(now) == []
    assert due_reminders(now + timedelta(hours=1))[0].title == "later"  # only the later one


def test_the_next_occurrence_reminds_again(now: datetime) -> None:
    due = datetime(2026, 3, 13, 20, 0)
    task = tasks.create_task("周五分享", due_at=due, rrule="FREQ=WEEKLY;BYDAY=FR")
    assert [r.task_id for r in due_reminders(now)] == [task.id]
    mark_reminded([task.id], now)
    assert due_reminders(now) == []
    tasks.complete_task(task.id, now=now)  # rolls to 20 March 20:00
    assert due_reminders(now) == []
    friday = datetime(2026, 3, 20, 20, 0)
    assert due_reminders(friday - timedelta(seconds=1)) == []
    assert [(r.task_id, r.due_at) for r in due_reminders(friday)] == [(task.id, friday)]
    mark_reminded([task.id], friday)
    assert due_reminders(friday + timedelta(days=1)) == []


def test_a_snoozed_task_reminds_again_when_the_snooze_ends(now: datetime) -> None:
    task = tasks.create_task("a", due_at=now - timedelta(hours=1))
    mark_reminded([task.id], now)
    until = now + timedelta(hours=1)
    tasks.snooze_task(task.id, until, now=now)
    assert due_reminders(now) == []
    assert [r.due_at for r in due_reminders(until)] == [until]
    mark_reminded([task.id], until)
    assert due_reminders(until) == []


def test_mark_reminded_ignores_tasks_not_yet_due_and_closed_ones(now: datetime) -> None:
    future = tasks.create_task("future", due_at=now + timedelta(hours=1))
    mark_reminded([future.id], now)  # not due yet: nothing remembered
    assert q.get_task(future.id).reminded_for is None
    assert [r.task_id for r in due_reminders(now + timedelta(hours=1))] == [future.id]
    done = tasks.create_task("done", due_at=now)
    tasks.complete_task(done.id, now=now)
    assert due_reminders(now + timedelta(days=1)) == [
        r for r in due_reminders(now + timedelta(days=1)) if r.task_id == future.id
    ]
    mark_reminded([], now)


def test_due_reminders_is_one_query(now: datetime, count_statements: Callable) -> None:
    for n in range(5):
        tasks.create_task(f"t{n}", due_at=now - timedelta(minutes=n))
    with count_statements() as log:
        found = due_reminders(now)
    assert len(found) == 5 and len(log.selects) == 1
    assert [r.title for r in found] == ["t4", "t3", "t2", "t1", "t0"]
