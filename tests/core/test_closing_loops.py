"""Loops that close: completing "Remove X from G" removes X from G; a logged talk closes the
helper's check-in task; a membership's status (the minimal ``set_membership_status``)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.core import bans, care, groups, members, memberships, suggested_tasks, tasks
from app.store.models import Interaction, Member, Membership, Task, Tier


@pytest.fixture
def banned(now: datetime) -> dict[str, int]:
    """李天欣 in two groups, banned: a removal task for each."""
    out = {name: groups.create_group(name).id for name in ("剧本杀同好会", "读书会")}
    out["li"] = members.create_member("李天欣").id
    for name in ("剧本杀同好会", "读书会"):
        memberships.add_membership(out["li"], out[name], joined_at=now - timedelta(days=40))
    bans.ban_member(out["li"], "发广告", now=now - timedelta(days=1))
    return out


def removal(member_id: int, group_id: int) -> Task:
    return Task.get(Task.member == member_id, Task.group == group_id, Task.origin == "ban")


def test_completing_remove_x_from_g_marks_x_removed_from_g(
    banned: dict[str, int], now: datetime
) -> None:
    task = removal(banned["li"], banned["剧本杀同好会"])
    assert tasks.is_removal(task)
    tasks.complete_task(task.id, "踢了")
    left = Membership.get(member=banned["li"], group=banned["剧本杀同好会"])
    assert left.left_at == now
    assert Membership.get(member=banned["li"], group=banned["读书会"]).left_at is None
    done = Task.get_by_id(task.id)
    assert (done.status, done.done_at, done.outcome) == ("done", now, "踢了")
    assert Member.get_by_id(banned["li"]).status == "banned"  # the ban belongs to the person
    # the Ban list agrees: she is still in 读书会 only
    (row,) = bans.ban_list()
    assert row.still_in == ((banned["读书会"], "读书会"),)
    assert removal(banned["li"], banned["读书会"]).status == "open"


def test_a_duplicate_removal_task_closes_with_the_one_completed(
    banned: dict[str, int], now: datetime
) -> None:
    first = removal(banned["li"], banned["读书会"])
    twin = Task.create(
        title="Remove 李天欣 from 读书会", kind="spam_sweep", group=banned["读书会"],
        member=banned["li"], due_at=now, status="open", origin="ban", created_at=now,
    )  # fmt: skip
    tasks.complete_task(twin.id)
    assert Task.get_by_id(first.id).status == "done"
    assert bans.open_removal_tasks(banned["li"]) == 1  # 剧本杀同好会 is left


def test_other_sweeps_do_not_touch_memberships(banned: dict[str, int]) -> None:
    sweep = tasks.create_task(
        "Clear the spam", kind="spam_sweep", group_id=banned["读书会"], member_id=banned["li"]
    )
    assert not tasks.is_removal(sweep)
    tasks.complete_task(sweep.id)
    assert Membership.get(member=banned["li"], group=banned["读书会"]).left_at is None


def test_marking_removed_on_the_ban_list_closes_the_queue_task(
    banned: dict[str, int], now: datetime
) -> None:
    bans.mark_removed(banned["li"], banned["读书会"])
    assert removal(banned["li"], banned["读书会"]).status == "done"
    assert Membership.get(member=banned["li"], group=banned["读书会"]).left_at == now


# --- a logged talk closes the check-in task ------------------------------------------------


@pytest.fixture
def helper(now: datetime) -> int:
    """A helper (cadence 14 days) first seen a year ago and never contacted."""
    tier = Tier.get(Tier.rank == 2).id
    member_id = members.create_member("骨干", tier_id=tier).id
    Member.update(first_seen=now - timedelta(days=365)).where(Member.id == member_id).execute()
    return member_id


def overdue(member_id: int) -> int:
    return next(r.days_overdue for r in care.care_list() if r.member_id == member_id)


@pytest.mark.parametrize("log", ["checkin", "recognition"])
def test_a_logged_talk_closes_the_suggested_checkin_and_rolls_the_cadence(
    helper: int, now: datetime, log: str
) -> None:
    other = members.create_member("别人", tier_id=Tier.get(Tier.rank == 2).id).id
    Member.update(first_seen=now - timedelta(days=365)).where(Member.id == other).execute()
    suggested_tasks.refresh_suggestions()
    suggested = Task.get(Task.member == helper, Task.origin == "suggested:checkin")
    by_hand = tasks.create_task("和骨干喝茶", kind="checkin", member_id=helper)
    group_task = tasks.create_task("群里聊聊", kind="topic", member_id=helper)
    assert overdue(helper) > 0
    later = now + timedelta(hours=2)
    if log == "checkin":
        interaction = care.log_checkin(helper, "聊了春季活动", now=later)
    else:
        interaction = care.log_recognition(helper, "年度最佳", how="title", now=later)
    for task_id in (suggested.id, by_hand.id):
        closed = Task.get_by_id(task_id)
        assert (closed.status, closed.done_at) == ("done", later)
    assert Task.get_by_id(group_task.id).status == "open"  # not a check-in
    assert Task.get(Task.member == other, Task.origin == "suggested:checkin").status == "open"
    assert Interaction.get_by_id(interaction.id).task_id == suggested.id
    assert Member.get_by_id(helper).last_contacted == later
    assert overdue(helper) < 0  # not due: the cadence counts from the talk


def test_a_recurring_checkin_rolls_to_its_next_date(helper: int, now: datetime) -> None:
    weekly = tasks.create_task(
        "每周和骨干聊", kind="checkin", member_id=helper, due_at=now, rrule="FREQ=WEEKLY"
    )
    care.log_checkin(helper, now=now + timedelta(hours=1))
    rolled = Task.get_by_id(weekly.id)
    assert (rolled.status, rolled.due_at) == ("open", now + timedelta(days=7))


def test_a_check_in_logged_as_an_interaction_closes_the_task_too(
    helper: int, now: datetime
) -> None:
    task = tasks.create_task("和骨干聊聊", kind="checkin", member_id=helper)
    tasks.log_interaction("welcome", member_id=helper, note="欢迎")
    assert Task.get_by_id(task.id).status == "open"  # not a talk the task asked for
    logged = tasks.log_interaction("checkin", member_id=helper, note="电话聊了")
    closed = Task.get_by_id(task.id)
    assert (closed.status, closed.outcome) == ("done", "电话聊了")
    assert Interaction.get_by_id(logged.id).task_id == task.id
