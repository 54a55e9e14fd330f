"""Tasks: creating, editing, completing, skipping, snoozing; logging interactions."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.core import clock, tasks
from app.core import queue as q
from app.core.errors import NotFound, ValidationError
from app.store.models import Interaction, Member, Task
from tests.core.conftest import set_zone

pytestmark = pytest.mark.usefixtures("utc_zone")  # local time is UTC


def test_create_validates_and_writes_nothing_when_refused(now: datetime, club: int) -> None:
    bad: list[dict] = [
        {"title": ""},
        {"title": "x" * 201},
        {"title": "ok", "kind": "party"},
        {"title": "ok", "priority": 4},
        {"title": "ok", "priority": True},
        {"title": "ok", "rrule": "FREQ=NOPE"},
        {"title": "ok", "notes": "n" * 2001},
    ]
    for fields in bad:
        with pytest.raises(ValidationError):
            tasks.create_task(**fields)
    with pytest.raises(NotFound):
        tasks.create_task("ok", group_id=club + 99)
    with pytest.raises(NotFound):
        tasks.create_task("ok", member_id=999)
    assert Task.select().count() == 0


def test_create_stores_clean_fields(now: datetime, club: int, person: int) -> None:
    due = datetime(2026, 3, 20, 12, 0, 5, 123)
    task = tasks.create_task(" 投票 ", "poll", club, person, due, "rrule:freq=weekly;byday=fr", 1,
                         " notes ", "meetup")  # fmt: skip
    assert (task.title, task.kind, task.group_id, task.member_id) == ("投票", "poll", club, person)
    assert task.due_at == datetime(2026, 3, 20, 12, 0, 5)
    assert (task.rrule, task.priority, task.notes, task.origin) == (
        "FREQ=WEEKLY;BYDAY=FR", 1, "notes", "meetup")  # fmt: skip
    assert (task.status, task.created_at) == ("open", now)


def test_recurring_task_without_due_starts_at_next_occurrence(now: datetime) -> None:
    task = tasks.create_task("周五话题", "topic", rrule="FREQ=WEEKLY;BYDAY=FR")
    assert task.due_at == datetime(2026, 3, 20, 9, 30)  # Friday, at the time it was made


def test_update_task(now: datetime, club: int) -> None:
    task = tasks.create_task("a")
    updated = tasks.update_task(task.id, title="b", kind="share", group_id=club, priority=3)
    assert (updated.title, updated.kind, updated.group_id, updated.priority) == (
        "b",
        "share",
        club,
        3,
    )
    with pytest.raises(ValidationError):
        tasks.update_task(task.id, title=" ")
    assert q.get_task(task.id).title == "b"
    with pytest.raises(TypeError):
        tasks.update_task(task.id, colour="red")
    with pytest.raises(NotFound):
        tasks.update_task(9999, title="x")
    cleared = tasks.update_task(task.id, group_id=None)
    assert cleared.group_id is None


def test_complete_one_off_writes_interaction_and_moves_last_contacted(
    now: datetime, club: int, person: int
) -> None:
    task = tasks.create_task("谈心", "checkin", club, person, now - timedelta(days=1))
    done = tasks.complete_task(task.id, "  聊得不错 ", now=now)
    assert done is not None
    assert (done.status, done.done_at, done.outcome) == ("done", now, "聊得不错")
    (row,) = Interaction.select()
    assert (row.group_id, row.member_id, row.kind, row.at, row.note, row.task_id) == (
        club, person, "checkin", now, "聊得不错", task.id)  # fmt: skip
    assert Member.get_by_id(person).last_contacted == now
    with pytest.raises(ValidationError):
        tasks.complete_task(task.id, now=now)
    assert Interaction.select().count() == 1


def test_complete_custom_logs_other_and_keeps_a_later_contact(now: datetime, person: int) -> None:
    later = now + timedelta(hours=1)
    Member.update(last_contacted=later).where(Member.id == person).execute()
    task = tasks.create_task("随便", member_id=person)
    tasks.complete_task(task.id, now=now)
    assert Interaction.get().kind == "other"
    assert Member.get_by_id(person).last_contacted == later


def test_complete_recurring_rolls_from_its_due_not_from_now(now: datetime, club: int) -> None:
    friday = datetime(2026, 2, 27, 20, 0)  # two weeks overdue
    task = tasks.create_task("周五分享", "share", club, due_at=friday, rrule="FREQ=WEEKLY;BYDAY=FR")
    tasks.snooze_task(task.id, now + timedelta(hours=1), now=now)
    rolled = tasks.complete_task(task.id, "讲了三本书", now=now)
    assert rolled is not None
    assert rolled.due_at == datetime(2026, 3, 6, 20, 0)  # still a Friday, still overdue: honest
    assert (rolled.status, rolled.outcome, rolled.snoozed_until, rolled.done_at) == (
        "open", "", None, None)  # fmt: skip
    assert Interaction.get().note == "讲了三本书"
    assert q.queue(now=now)["overdue"][0].id == task.id


def test_skip_rolls_without_interaction(now: datetime, club: int) -> None:
    task = tasks.create_task("周五分享", "share", club, due_at=datetime(2026, 3, 13, 20),
                         rrule="FREQ=WEEKLY;BYDAY=FR")  # fmt: skip
    skipped = tasks.skip_task(task.id, now=now)
    assert (skipped.status, skipped.due_at) == ("open", datetime(2026, 3, 20, 20))
    assert Interaction.select().count() == 0


def test_skip_one_off(now: datetime) -> None:
    task = tasks.create_task("a", due_at=now)
    skipped = tasks.skip_task(task.id, now=now)
    assert (skipped.status, skipped.done_at) == ("skipped", now)
    assert Interaction.select().count() == 0
    assert q.queue(now=now)["done"][0].status == "skipped"


def test_recurring_task_past_its_end_closes(now: datetime) -> None:
    task = tasks.create_task("a", due_at=datetime(2026, 3, 13, 8),
                         rrule="FREQ=DAILY;UNTIL=20260313T230000")  # fmt: skip
    closed = tasks.complete_task(task.id, "last", now=now)
    assert closed is not None and closed.status == "done"


def test_snooze(now: datetime) -> None:
    task = tasks.create_task("a", due_at=now - timedelta(days=1))
    with pytest.raises(ValidationError):
        tasks.snooze_task(task.id, now, now=now)
    assert q.get_task(task.id).snoozed_until is None
    until = now + timedelta(hours=3)
    assert tasks.snooze_task(task.id, until, now=now).snoozed_until == until
    (row,) = q.queue(now=now)["today"]
    assert (row.due_at, row.effective_due) == (now - timedelta(days=1), until)


def test_snoozing_a_task_not_due_yet_counts_from_its_due_time(now: datetime) -> None:
    friday = datetime(2026, 3, 20, 12, 0)
    task = tasks.create_task("周五话题", due_at=friday)
    assert tasks.snooze_start(task.id, now=now) == friday
    with pytest.raises(ValidationError, match="not due until") as refused:
        tasks.snooze_task(task.id, now + timedelta(hours=1), now=now)  # would change nothing
    assert "“周五话题”" in str(refused.value)
    assert q.get_task(task.id).snoozed_until is None
    presets = tasks.snooze_presets(tasks.snooze_start(task.id, now=now))
    assert presets["hour"] == friday + timedelta(hours=1)
    assert presets["tomorrow"] == datetime(2026, 3, 21, 9, 0)
    tasks.snooze_task(task.id, presets["hour"], now=now)
    (row,) = q.queue(now=now)["later"]
    assert row.effective_due == friday + timedelta(hours=1)
    assert tasks.snooze_start(task.id, now=now) == friday + timedelta(hours=1)  # from the snooze


def test_an_overdue_task_snoozes_from_now(now: datetime) -> None:
    task = tasks.create_task("a", due_at=now - timedelta(days=1))
    assert tasks.snooze_start(task.id, now=now) == now
    assert tasks.snooze_start(tasks.create_task("no due time").id, now=now) == now


def test_snooze_presets_utc(now: datetime) -> None:
    presets = tasks.snooze_presets(now)
    assert presets == {
        "hour": datetime(2026, 3, 14, 10, 30),
        "tomorrow": datetime(2026, 3, 15, 9, 0),
        "next_week": datetime(2026, 3, 16, 9, 0),  # Saturday → Monday
    }


def test_snooze_presets_local(now: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    set_zone(monkeypatch, "Asia/Shanghai")
    presets = tasks.snooze_presets(datetime(2026, 3, 15, 20, 0))  # Monday 04:00 in Shanghai
    assert presets["tomorrow"] == datetime(2026, 3, 17, 1, 0)  # Tuesday 09:00 CST
    assert presets["next_week"] == datetime(2026, 3, 23, 1, 0)  # next Monday 09:00 CST


def test_log_interaction(now: datetime, club: int, person: int) -> None:
    logged = tasks.log_interaction("checkin", member_id=person, note=" 聊了 ")
    assert (logged.kind, logged.at, logged.note, logged.task_id) == ("checkin", now, "聊了", None)
    assert Member.get_by_id(person).last_contacted == now
    for kwargs in (
        {"kind": "party", "group_id": club},
        {"kind": "poll"},
        {"kind": "poll", "group_id": club, "at": now + timedelta(minutes=1)},
        {"kind": "poll", "group_id": club, "note": "x" * 2001},
    ):
        with pytest.raises(ValidationError):
            tasks.log_interaction(**kwargs)
    with pytest.raises(NotFound):
        tasks.log_interaction("poll", group_id=club + 50)
    assert Interaction.select().count() == 1


def test_clock_is_the_default_now(now: datetime) -> None:
    task = tasks.create_task("a", due_at=now)
    clock.fix(now + timedelta(minutes=5))
    done = tasks.complete_task(task.id)
    assert done is not None and done.done_at == now + timedelta(minutes=5)
