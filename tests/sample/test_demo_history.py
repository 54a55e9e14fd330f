"""The sample's history grows with the community: meetups, tasks and interactions (§7 load)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from typing import Any

import pytest

from app.core import clock, health, rsvp
from app.sample import demo
from app.store.models import db

MEMBERS, GROUPS = 5000, 20


def _rows(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return list(db.execute_sql(sql, params).fetchall())


def _scalar(sql: str, *params: Any) -> Any:
    return _rows(sql, *params)[0][0]


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.fixture
def community(now: datetime) -> demo.DemoSummary:
    """A 5,000-member, 20-group sample built at a fixed "now"."""
    return demo.build(MEMBERS, GROUPS, seed=1)


def test_about_one_meetup_per_fifty_members_over_two_years(
    community: demo.DemoSummary, now: datetime
) -> None:
    meetups = _rows("SELECT id, start_at, status FROM meetup ORDER BY id")
    assert len(meetups) == pytest.approx(MEMBERS / 50, rel=0.05)
    starts = [_time(start) for _, start, _ in meetups]
    held = [start for start in starts if start < now]
    assert starts[: len(held)] == sorted(held)  # numbered as they happened, the coming ones last
    assert min(starts) >= now - timedelta(days=2 * 365 + 7)
    assert sum(start < now - timedelta(days=365) for start in starts) > len(starts) // 4
    past = Counter(status for (_, _, status), start in zip(meetups, starts, strict=True)
                   if start < now)  # fmt: skip
    coming = Counter(status for (_, _, status), start in zip(meetups, starts, strict=True)
                     if start > now)  # fmt: skip
    assert set(past) == {"done", "cancelled"} and past["cancelled"] < 0.1 * len(meetups)
    assert set(coming) == {"planned", "confirmed"} and 4 <= sum(coming.values()) <= 10
    hosts = _rows(
        "SELECT mg.meetup_id, g.kind, COUNT(*) OVER (PARTITION BY mg.meetup_id)"
        " FROM meetup_group mg JOIN chat_group g ON g.id = mg.group_id"
    )
    assert {meetup_id for meetup_id, _, _ in hosts} == {meetup_id for meetup_id, _, _ in meetups}
    assert any(count > 1 for _, _, count in hosts)  # some held by two groups together
    by_host = _rows(
        "SELECT DISTINCT group_id FROM meetup_group mg JOIN chat_group g ON g.id = mg.group_id"
        " WHERE g.kind != 'core'"
    )
    assert len(by_host) >= GROUPS // 2  # spread over the groups, not a few of them


def test_meetups_and_tasks_keep_local_hours(community: demo.DemoSummary) -> None:
    """Weekday evenings at 19:00 and weekend afternoons at 14:00 on the machine's clock, tasks
    at the operator's working hours, whatever the machine's zone."""
    starts = Counter()
    for start, end in _rows("SELECT start_at, end_at FROM meetup"):
        local = clock.to_local(_time(start))
        weekend = local.weekday() >= 5
        assert f"{local:%H:%M}" == ("14:00" if weekend else "19:00"), local
        assert _time(end) - _time(start) == timedelta(hours=3)
        starts[weekend] += 1
    assert starts[False] and starts[True]
    dues = {
        f"{clock.to_local(_time(due)):%H:%M}"
        for (due,) in _rows("SELECT due_at FROM task WHERE status = 'open' AND origin = 'manual'")
    }  # a ban's "remove from the group" tasks are due when the ban was made
    assert dues == {"10:00", "19:30", "20:00", "21:00"}


def test_past_meetups_were_attended_and_planned_upcoming_ones_not_yet(
    community: demo.DemoSummary, now: datetime
) -> None:
    future_marked = _scalar(
        "SELECT COUNT(*) FROM attendance a JOIN meetup m ON m.id = a.meetup_id"
        " WHERE (m.start_at > ? OR m.status = 'cancelled') AND a.attended IS NOT NULL",
        str(now),
    )
    assert future_marked == 0
    done = _rows(
        "SELECT m.id, COUNT(a.id), SUM(a.rsvp = 'going'), SUM(a.attended = 1),"
        " SUM(a.rsvp = 'going' AND a.attended IS NOT NULL) FROM meetup m"
        " LEFT JOIN attendance a ON a.meetup_id = m.id WHERE m.status = 'done' GROUP BY m.id"
    )
    assert all(answers >= 3 and going == checked for _, answers, going, _, checked in done)
    going = sum(row[2] for row in done)
    came = _scalar(
        "SELECT COUNT(*) FROM attendance a JOIN meetup m ON m.id = a.meetup_id"
        " WHERE m.status = 'done' AND a.rsvp = 'going' AND a.attended = 1"
    )
    assert 0.75 < came / going < 0.95
    assert 8 <= _scalar("SELECT COUNT(*) FROM attendance") / len(done) <= 20
    early = _scalar(
        "SELECT COUNT(*) FROM attendance a JOIN meetup m ON m.id = a.meetup_id"
        " JOIN member p ON p.id = a.member_id WHERE p.first_seen >= m.start_at"
    )
    assert early == 0  # nobody came before they joined
    plans = _rows(
        "SELECT m.id, (SELECT COUNT(*) FROM agenda_item WHERE meetup_id = m.id),"
        " (SELECT SUM(done) FROM checklist_item WHERE meetup_id = m.id),"
        " (SELECT COUNT(*) FROM checklist_item WHERE meetup_id = m.id),"
        " (SELECT COUNT(*) FROM budget_line WHERE meetup_id = m.id),"
        " (SELECT COUNT(*) FROM meetup_role WHERE meetup_id = m.id)"
        " FROM meetup m WHERE m.status = 'done'"
    )
    assert all(agenda == 5 and ticked == items and budget == 3 for _, agenda, ticked, items,
               budget, _ in plans)  # fmt: skip
    assert sum(roles > 0 for *_, roles in plans) > 0.9 * len(plans)
    waitlisted = _scalar(
        "SELECT COUNT(*) FROM attendance a JOIN meetup m ON m.id = a.meetup_id"
        " WHERE m.start_at > ? AND a.rsvp = 'waitlist'",
        str(now),
    )
    assert waitlisted > 0  # the full one
    confirmed = _scalar("SELECT id FROM meetup WHERE status = 'confirmed' ORDER BY id")
    assert any(row.rsvp == "going" for row in rsvp.rsvps(confirmed))


def test_tasks_and_interactions_about_half_the_members_mostly_history(
    community: demo.DemoSummary, now: datetime
) -> None:
    tasks = Counter(dict(_rows("SELECT status, COUNT(*) FROM task GROUP BY status")))
    interactions = _scalar("SELECT COUNT(*) FROM interaction")
    assert sum(tasks.values()) + interactions == pytest.approx(MEMBERS / 2, rel=0.1)
    assert 20 <= tasks["open"] <= 0.03 * MEMBERS  # a queue one can work through…
    assert tasks["done"] + tasks["skipped"] > 5 * tasks["open"]  # …and a year behind it
    assert _scalar("SELECT MAX(at) FROM interaction") <= str(now)
    assert _scalar("SELECT MAX(done_at) FROM task") <= str(now)
    open_due = [_time(due) for (due,) in _rows("SELECT due_at FROM task WHERE status = 'open'")]
    assert 0 < sum(due < now for due in open_due) < len(open_due) // 2  # a few overdue
    programmes = _scalar("SELECT COUNT(DISTINCT group_id) FROM task WHERE rrule != ''")
    assert programmes >= GROUPS // 2


def test_completed_tasks_logged_their_interactions(community: demo.DemoSummary) -> None:
    orphans = _scalar(
        "SELECT COUNT(*) FROM interaction WHERE task_id IS NOT NULL"
        " AND task_id NOT IN (SELECT id FROM task)"
    )
    assert orphans == 0
    mismatched = _scalar(
        "SELECT COUNT(*) FROM interaction i JOIN task t ON t.id = i.task_id"
        " WHERE i.group_id IS NOT t.group_id OR i.member_id IS NOT t.member_id"
    )
    assert mismatched == 0
    one_offs = _rows(
        "SELECT t.status, t.done_at, COUNT(i.id), MAX(i.at) FROM task t"
        " LEFT JOIN interaction i ON i.task_id = t.id WHERE t.rrule = '' AND t.status != 'open'"
        " GROUP BY t.id"
    )
    assert len(one_offs) > MEMBERS / 10
    for status, done_at, logged, at in one_offs:
        assert (status, logged) in {("done", 1), ("skipped", 0)}
        assert status == "skipped" or at == done_at
    recurring = _rows(
        "SELECT t.id, t.created_at, t.due_at, COUNT(i.id), MIN(i.at) FROM task t"
        " JOIN interaction i ON i.task_id = t.id WHERE t.rrule != '' GROUP BY t.id"
    )
    assert sum(logged for *_, logged, _ in recurring) > MEMBERS / 20
    assert all(created <= first for _, created, _, _, first in recurring)
    queue = "SELECT created_at FROM task WHERE kind != 'spam_sweep' ORDER BY id"
    created = [_time(c) for (c,) in _rows(queue)]
    assert created == sorted(created)  # numbered as they were made (the bans' tasks aside)


def test_the_queue_history_keeps_every_health_status(community: demo.DemoSummary) -> None:
    statuses = Counter(g.status for g in health.all_health())
    assert set(statuses) == {"alive", "attention", "dying"}
