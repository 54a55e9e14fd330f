"""The sample's queue is a diligent operator's: a first start brings a number one person acts on
(the Queue's badge), and no day of the coming weeks brings one task per group."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest

from app.core import clock, queue
from app.sample import demo
from app.store.models import Task, db

MEMBERS, GROUPS = 12_000, 80  # enough groups that one task per group would show


@pytest.fixture
def community(now: datetime) -> demo.DemoSummary:
    return demo.build(MEMBERS, GROUPS, seed=3)


def test_a_first_start_brings_a_badge_one_person_acts_on(
    community: demo.DemoSummary, now: datetime
) -> None:
    assert 3 <= queue.due_badge(now) <= 30
    overdue = Task.select().where(Task.status == "open", Task.due_at < now)
    own = [t for t in overdue if t.origin == "manual"]
    sweeps = [t for t in overdue if t.origin == "ban"]
    assert 1 <= len(own) <= 6  # a handful overdue…
    assert len(sweeps) <= 8  # …and the bans mostly swept already
    assert all(t.due_at > now - timedelta(days=30) for t in own)


def test_no_day_brings_one_task_per_group(community: demo.DemoSummary, now: datetime) -> None:
    due = Counter(
        clock.local_date(datetime.fromisoformat(at))
        for (at,) in db.execute_sql("SELECT due_at FROM task WHERE status = 'open'")
    )
    coming = [due[clock.local_today(now) + timedelta(days=n)] for n in range(1, 29)]
    assert max(coming) <= 20
    assert 28 < sum(coming) <= 8 * 28  # every week has its work, fewer a day than a plan holds
