"""Today's plan: own tasks first, then suggestions by impact; at most ``daily_plan_size``;
suggestions made only into the plan, due at the working hour; done items stay ticked."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.core import (
    daily_plan,
    health_actions,
    queue,
    reminders,
    suggested_tasks,
    suggestions,
    tasks,
    today_plan,
)
from app.core.errors import ValidationError
from app.store.models import GroupRule, Interaction, Task
from tests.core.test_health import crowd, healthy, person

SHANGHAI_20H = datetime(2026, 3, 14, 12)  # 20:00 in Shanghai, the tests' zone, as UTC

pytestmark = pytest.mark.usefixtures("shanghai")  # every time here is read in Shanghai


def needy(name: str, members: int = 5) -> int:
    """A group with one warning (no rules) and ``members`` members."""
    group_id = healthy(name)
    GroupRule.delete().where(GroupRule.group == group_id).execute()
    crowd(group_id, members - 5, prefix=name)
    return group_id


def open_suggested() -> list[Task]:
    return list(
        Task.select()
        .where(Task.origin.startswith("suggested:"), Task.status == "open")
        .order_by(Task.id)
    )


def test_impact_is_severity_times_log_size_times_trend() -> None:
    assert suggestions.impact("critical", 90) == pytest.approx(30 * 2)
    assert suggestions.impact("warning", 990) == pytest.approx(10 * 3)
    assert suggestions.impact("warning", 990, trend=2.0) == pytest.approx(60)
    assert suggestions.steady(7) == 1.0  # the activity trend's hook, until chat history


def test_suggestions_rank_by_impact_and_only_the_plan_size_become_tasks(now: datetime) -> None:
    small = needy("小群")
    big = needy("大群", members=45)
    silent = healthy("沉默群")
    Interaction.delete().where(Interaction.group == silent).execute()  # critical
    daily_plan.set_plan_settings(2, "20:00")
    ranked = suggestions.candidates()
    assert [(s.group_id, s.code) for s in ranked] == [
        (silent, "silent"),
        (big, "no_rules"),
        (small, "no_rules"),
    ]
    ids = suggested_tasks.refresh_suggestions()
    assert [(t.group_id, t.due_at, t.planned_at) for t in open_suggested()] == [
        (silent, SHANGHAI_20H, now),
        (big, SHANGHAI_20H, now),
    ]
    assert len(ids) == 2
    assert [s.group_id for s in suggestions.candidates()] == [small]  # the rest: a list
    assert suggested_tasks.refresh_suggestions(now + timedelta(hours=1)) == []  # plan full
    plan = today_plan.today_plan()
    assert [(i.group_id, i.suggestion, i.action) for i in plan.items] == [
        (silent, True, "topic"),
        (big, True, "rules"),
    ]
    assert plan.items[0].reason.code == "silent"
    assert [s.group_id for s in plan.available] == [small]


def test_own_tasks_come_first_and_fill_the_plan_before_suggestions(now: datetime) -> None:
    needy("读书会")
    daily_plan.set_plan_settings(3, "20:00")
    late = tasks.create_task("欢迎新人", "welcome", due_at=now - timedelta(days=1))
    soon = tasks.create_task("发公告", "custom", due_at=now + timedelta(hours=1))
    tasks.create_task("下周的事", "custom", due_at=now + timedelta(days=8))
    [made] = suggested_tasks.refresh_suggestions()
    plan = today_plan.today_plan()
    assert [i.task_id for i in plan.items] == [late.id, soon.id, made]
    assert [i.reason.message for i in plan.items[:2]] == [
        "Overdue since yesterday 17:30.",
        "Due today at 18:30.",
    ]
    assert [i.overdue for i in plan.items] == [True, False, False]
    assert (plan.open_tasks, plan.overdue) == (4, 1)


def test_done_items_stay_ticked_until_the_day_ends_and_the_plan_does_not_refill(
    now: datetime,
) -> None:
    daily_plan.set_plan_settings(2, "20:00")
    first = tasks.create_task("一", "custom", due_at=now - timedelta(hours=1))
    second = tasks.create_task("二", "custom", due_at=now - timedelta(hours=1))
    third = tasks.create_task("三", "custom", due_at=now + timedelta(hours=2))
    suggested_tasks.refresh_suggestions()
    tasks.complete_task(first.id, "好")
    suggested_tasks.refresh_suggestions(now + timedelta(hours=1))
    plan = today_plan.today_plan(now + timedelta(hours=1))
    assert [(i.task_id, i.done, i.action) for i in plan.items] == [
        (first.id, True, ""),
        (second.id, False, "done"),
    ]
    assert plan.items[0].reason.message == "Done today at 17:30."
    tomorrow = now + timedelta(days=1)
    suggested_tasks.refresh_suggestions(tomorrow)
    assert [i.task_id for i in today_plan.today_plan(tomorrow).items] == [second.id, third.id]


def test_at_most_the_plan_size_of_suggestions_a_day(now: datetime) -> None:
    for name in ("甲", "乙", "丙"):
        needy(name)
    daily_plan.set_plan_settings(2, "20:00")
    first = suggested_tasks.refresh_suggestions()
    for task_id in first:  # the plan is worked through and dismissed…
        suggested_tasks.dismiss_suggestion(task_id)
    assert suggested_tasks.refresh_suggestions(now + timedelta(hours=1)) == []  # …no more today
    assert len(suggested_tasks.refresh_suggestions(now + timedelta(days=1))) == 1


def test_suggestions_fall_due_at_the_working_hour_never_now(now: datetime) -> None:
    assert daily_plan.suggestion_due(now) == SHANGHAI_20H  # 17:30 local: 20:00 today
    late = datetime(2026, 3, 14, 13)  # 21:00 local: tomorrow at 20:00
    assert daily_plan.suggestion_due(late) == SHANGHAI_20H + timedelta(days=1)
    daily_plan.set_plan_settings(8, "09:30")
    assert daily_plan.working_hour().strftime("%H:%M") == "09:30"
    assert daily_plan.suggestion_due(now) == datetime(2026, 3, 15, 1, 30)


def test_plan_settings_are_checked(now: datetime) -> None:
    assert (daily_plan.plan_size(), f"{daily_plan.working_hour():%H:%M}") == (8, "20:00")
    for size, hour in ((0, "20:00"), (51, "20:00"), (8, "25:00"), (8, "soon")):
        with pytest.raises(ValidationError):
            daily_plan.set_plan_settings(size, hour)
    assert daily_plan.plan_size() == 8


def test_the_badge_counts_only_planned_or_accepted_suggestions(now: datetime) -> None:
    for name in ("甲", "乙", "丙"):
        needy(name)
    daily_plan.set_plan_settings(1, "18:00")  # 18:00 local is still ahead: due today
    [planned] = suggested_tasks.refresh_suggestions()
    assert queue.due_badge() == 1
    [key] = [s.key for s in suggestions.candidates()][:1]
    task_id = suggested_tasks.accept_suggestion(key)
    assert Task.get_by_id(task_id).status == "open"
    assert queue.due_badge() == 2
    assert len(suggestions.candidates()) == 1
    at_six = datetime(2026, 3, 14, 10)  # 18:00 local: the planned and the accepted remind
    assert [r.task_id for r in reminders.due_reminders(at_six)] == [planned, task_id]


def test_a_dismissed_candidate_stays_away_and_is_never_in_the_plan(now: datetime) -> None:
    group_id = needy("读书会")
    daily_plan.set_plan_settings(1, "20:00")
    tasks.create_task("自己的事", "custom", due_at=now - timedelta(hours=1))
    assert suggested_tasks.refresh_suggestions() == []  # the own task took the only place
    [candidate] = suggestions.candidates()
    suggested_tasks.dismiss_candidate(candidate.key)
    assert suggestions.candidates() == []
    assert [i.title for i in today_plan.today_plan().items] == ["自己的事"]
    assert suggestions.candidates(now + timedelta(days=15))[0].group_id == group_id
    with pytest.raises(ValidationError):
        suggested_tasks.accept_suggestion(candidate.key)  # no longer open


def test_an_open_button_task_or_checkin_task_blocks_the_same_suggestion(now: datetime) -> None:
    group_id = healthy("读书会")
    Interaction.delete().where(Interaction.group == group_id).execute()  # silent: "topic"
    helper = person("骨干", tier_rank=2)
    assert {s.code for s in suggestions.candidates()} == {"silent", "checkin"}
    health_actions.schedule_topic(group_id, now + timedelta(days=1))  # the finding's button
    tasks.create_task("和骨干聊聊", "checkin", member_id=helper, due_at=now)
    assert suggestions.candidates() == []


def test_a_helper_never_contacted_gives_the_reason_from_when_they_became_one(
    now: datetime,
) -> None:
    helper = person("骨干", tier_rank=2)  # first seen a year ago, never contacted
    [found] = suggestions.candidates()
    assert (found.member_id, found.title) == (helper, "Check in with 骨干")
    assert found.reason.message == (
        "Never contacted (helper since 03-14) — the rhythm for Helpers is every 14 days."
    )


def test_a_suggestion_done_while_its_finding_stays_waits_14_days(now: datetime) -> None:
    """Completing "Write rules" without adopting any: not back tomorrow, nor every day."""
    group_id = needy("读书会")
    [task_id] = suggested_tasks.refresh_suggestions()
    tasks.complete_task(task_id, "写好了")
    tomorrow = now + timedelta(days=1)
    assert suggested_tasks.refresh_suggestions(tomorrow) == []
    assert suggestions.candidates(tomorrow) == []
    later = suggested_tasks.refresh_suggestions(now + timedelta(days=15))
    origins = {(Task.get_by_id(i).group_id, Task.get_by_id(i).origin) for i in later}
    assert (group_id, "suggested:no_rules:warning") in origins


def test_a_recurring_task_done_today_stays_ticked_though_it_rolled_on(now: datetime) -> None:
    weekly = tasks.create_task(
        "周五话题", "topic", due_at=now - timedelta(hours=1), rrule="FREQ=WEEKLY"
    )
    suggested_tasks.refresh_suggestions()
    tasks.complete_task(weekly.id, "热烈")
    assert Task.get_by_id(weekly.id).status == "open"  # rolled to next week
    [item] = today_plan.today_plan().items
    assert (item.task_id, item.done, item.action) == (weekly.id, True, "")
    assert item.reason.message == "Done today at 17:30."
