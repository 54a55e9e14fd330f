"""A health action after its dialog: a topic at a time, a check-in with a helper, a meetup."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from app.core import health_actions, members, memberships, suggestions
from app.store.models import Meetup, Member, Task, Tier


@pytest.fixture
def group(club: int) -> int:
    return club


def test_a_topic_is_queued_at_the_time_chosen_and_moved_not_doubled(
    group: int, now: datetime
) -> None:
    due = now + timedelta(days=2)
    done = health_actions.schedule_topic(group, due, "聊聊最近读的书")
    assert (done.created, done.due_at) == (True, due)
    task = Task.get_by_id(done.task_id)
    assert (task.title, task.kind, task.origin, task.group_id) == (
        "聊聊最近读的书", "topic", "health:topic", group,
    )  # fmt: skip
    again = health_actions.schedule_topic(group, due + timedelta(days=1))
    assert (again.task_id, again.created) == (done.task_id, False)
    moved = Task.get_by_id(done.task_id)
    assert (moved.title, moved.due_at) == ("Start a topic discussion in 读书会", again.due_at)
    assert moved.title_key == "health.topic"  # Huoqun's title again: shown in either language
    assert Task.select().count() == 1


def test_a_topic_takes_over_an_open_suggestion(group: int, now: datetime) -> None:
    suggested = Task.create(
        title="Start a topic discussion in 读书会", kind="topic", group=group, due_at=now,
        status="open", origin="suggested:silent:critical", created_at=now,
    )  # fmt: skip
    done = health_actions.schedule_topic(group, now + timedelta(hours=3), "周末书单")
    assert (done.task_id, done.created) == (suggested.id, False)
    assert Task.get_by_id(suggested.id).title == "周末书单"


def test_the_groups_helpers_the_longest_without_contact_first(group: int, now: datetime) -> None:
    def person(name: str, rank: int, contacted: int | None = None, **fields: object) -> int:
        member_id = members.create_member(name, tier_id=Tier.get(Tier.rank == rank).id).id
        if contacted is not None:
            at = now - timedelta(days=contacted)
            Member.update(last_contacted=at).where(Member.id == member_id).execute()
        memberships.add_membership(member_id, group, **fields)
        return member_id

    recent = person("李四", 2, contacted=1)
    never = person("张三", 2)
    admin = person("王五", 4, contacted=30, role="admin")
    person("赵六", 4)  # a plain member
    gone = person("孙七", 2)
    memberships.leave_group(gone, group, now)
    assert [m for m, _ in health_actions.group_helpers(group)] == [never, admin, recent]


def test_a_check_in_is_one_per_helper(group: int, person: int, now: datetime) -> None:
    due = now + timedelta(days=1)
    done = health_actions.plan_checkin(group, person, due)
    task = Task.get_by_id(done.task_id)
    assert (task.title, task.kind, task.member_id, task.group_id, task.due_at) == (
        "Check in with 张三", "checkin", person, group, due,
    )  # fmt: skip
    Task.update(origin=suggestions.HELPER_ORIGIN).where(Task.id == task.id).execute()
    later = health_actions.plan_checkin(group, person, due + timedelta(days=2))
    assert (later.task_id, later.created) == (task.id, False)
    assert Task.get_by_id(task.id).due_at == due + timedelta(days=2)
    assert Task.select().count() == 1


def test_a_meetup_is_planned_on_the_day_and_closes_the_plan_task(
    group: int, now: datetime, utc_zone: None
) -> None:
    asked = Task.create(
        title="Plan a meetup with 读书会", kind="meetup_prep", group=group, due_at=now,
        status="open", origin="suggested:no_meetup:warning", created_at=now,
    )  # fmt: skip
    done = health_actions.plan_meetup(group, "读书会春季聚会", date(2026, 3, 28))
    meetup = Meetup.get_by_id(done.meetup_id)
    assert (meetup.title, meetup.start_at, meetup.end_at) == (
        "读书会春季聚会", datetime(2026, 3, 28, 19), datetime(2026, 3, 28, 21),
    )  # fmt: skip
    assert Task.get_by_id(asked.id).status == "done"
    prep = Task.get(Task.origin == "meetup")
    assert (prep.group_id, prep.due_at) == (group, datetime(2026, 3, 26, 19))
