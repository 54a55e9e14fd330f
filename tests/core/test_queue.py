"""The interaction queue: sections, their counts, filters and a group's or member's tasks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app.core import groups, tasks
from app.core import queue as q
from app.core.queue import TaskFilter
from tests.core.conftest import set_zone

pytestmark = pytest.mark.usefixtures("utc_zone")  # local time is UTC


def test_sections_at_boundaries(now: datetime) -> None:
    made = {
        "past": tasks.create_task("past", due_at=now - timedelta(seconds=1)),
        "at_now": tasks.create_task("at_now", due_at=now),
        "last_of_today": tasks.create_task(
            "last_of_today", due_at=datetime(2026, 3, 14, 23, 59, 59)
        ),
        "midnight": tasks.create_task("midnight", due_at=datetime(2026, 3, 15, 0, 0)),
        "sunday_night": tasks.create_task("sunday_night", due_at=datetime(2026, 3, 15, 23, 59)),
        "monday": tasks.create_task("monday", due_at=datetime(2026, 3, 16, 0, 0)),
        "none": tasks.create_task("none"),
    }
    old = tasks.create_task("old", due_at=now)
    tasks.complete_task(old.id, now=now - timedelta(days=8))
    recent = tasks.create_task("recent", due_at=now)
    tasks.complete_task(recent.id, now=now - timedelta(days=1))
    skipped = tasks.create_task("skipped")
    tasks.skip_task(skipped.id, now=now)
    sections = q.queue(now=now)
    titles = {k: [r.title for r in v] for k, v in sections.items()}
    assert titles == {
        "overdue": ["past"],
        "today": ["at_now", "last_of_today"],
        "week": ["midnight", "sunday_night"],
        "later": ["monday", "none"],
        "done": ["skipped", "recent"],
    }
    assert made["none"].due_at is None
    assert q.counts(now) == {"overdue": 1, "today": 2, "week": 2, "later": 2, "done": 2}
    assert q.due_badge(now) == 3


def test_sections_follow_the_local_day(now: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    set_zone(monkeypatch, "Asia/Shanghai")  # now is 17:30 local; the day ends at 16:00 UTC
    tasks.create_task("tonight", due_at=datetime(2026, 3, 14, 15, 59))
    tasks.create_task("tomorrow", due_at=datetime(2026, 3, 14, 16, 0))
    tasks.create_task("monday", due_at=datetime(2026, 3, 15, 16, 0))
    titles = {k: [r.title for r in v] for k, v in q.queue(now=now).items()}
    assert titles["today"] == ["tonight"]
    assert titles["week"] == ["tomorrow"]
    assert titles["later"] == ["monday"]
    assert q.due_badge(now) == 1


def test_after_local_midnight_tonight_is_today_not_this_week(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At 17:30 UTC it is already 01:30 tomorrow in Shanghai: that day is "today"."""
    set_zone(monkeypatch, "Asia/Shanghai")
    now = datetime(2026, 3, 14, 17, 30)  # Sunday 01:30 local
    tasks.create_task("tonight", due_at=datetime(2026, 3, 15, 12, 0))  # Sunday 20:00 local
    tasks.create_task("monday", due_at=datetime(2026, 3, 15, 16, 0))  # Monday 00:00 local
    tasks.create_task("yesterday", due_at=datetime(2026, 3, 14, 15, 0))  # Saturday 23:00 local
    titles = {k: [r.title for r in v] for k, v in q.queue(now=now).items()}
    assert (titles["overdue"], titles["today"]) == (["yesterday"], ["tonight"])
    assert (titles["week"], titles["later"]) == ([], ["monday"])
    assert q.counts(now)["today"] == 1
    assert q.due_badge(now) == 2


def test_queue_orders_by_due_then_priority_and_is_one_query(
    now: datetime, count_statements: Callable
) -> None:
    due = now + timedelta(hours=1)
    low = tasks.create_task("low", due_at=due, priority=3)
    high = tasks.create_task("high", due_at=due, priority=1)
    with count_statements() as log:
        rows = q.queue(now=now)["today"]
    assert [r.id for r in rows] == [high.id, low.id]
    assert len(log.selects) == 1


def test_filters(now: datetime, club: int, person: int) -> None:
    other = groups.create_group("爬山群").id
    tasks.create_task("a", "poll", club, due_at=now)
    tasks.create_task("b", "topic", other, person, due_at=now)
    tasks.create_task("c", "poll", other, due_at=now)

    def titles(flt: TaskFilter) -> list[str]:
        return sorted(r.title for rows in q.queue(flt, now).values() for r in rows)

    assert titles(TaskFilter()) == ["a", "b", "c"]
    assert titles(TaskFilter(group_id=other)) == ["b", "c"]
    assert titles(TaskFilter(kind="poll")) == ["a", "c"]
    assert titles(TaskFilter(member_id=person)) == ["b"]
    assert titles(TaskFilter(group_id=other, kind="poll")) == ["c"]
    row = q.queue(TaskFilter(member_id=person), now)["today"][0]
    assert (row.group_name, row.member_name) == ("爬山群", "张三")


def test_group_and_member_pages(now: datetime, club: int, person: int) -> None:
    first = tasks.create_task("first", group_id=club, member_id=person, due_at=now)
    tasks.create_task("undated", group_id=club)
    closed = tasks.create_task("closed", group_id=club)
    tasks.skip_task(closed.id, now=now)
    assert [r.title for r in q.tasks_for_group(club)] == ["first", "undated"]
    assert [r.title for r in q.tasks_for_member(person)] == ["first"]
    assert q.tasks_for_group(club, limit=1)[0].id == first.id
    tasks.log_interaction("poll", group_id=club, note="投票", at=now - timedelta(days=2))
    tasks.complete_task(first.id, "ok", now=now)
    assert [i.note for i in q.recent_interactions(group_id=club)] == ["ok", "投票"]
    assert [i.note for i in q.recent_interactions(member_id=person)] == ["ok"]
