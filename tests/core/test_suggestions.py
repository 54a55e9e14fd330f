"""Suggested tasks from group health and helper care; the tasks a finding's button creates."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta

from app.core import health, health_actions, suggested_tasks, suggestions, tasks
from app.store.models import Group, GroupRule, Interaction, Task
from tests.core.test_health import ago, healthy, join, person


def suggested() -> list[tuple[str, int | None, int | None, str]]:
    return sorted(
        (t.origin, t.group_id, t.member_id, t.kind)
        for t in Task.select().where(Task.origin.startswith("suggested:"), Task.status == "open")
    )


def test_warnings_and_criticals_become_tasks_once(
    now: datetime, zone: Callable[[str], None]
) -> None:
    zone("Asia/Shanghai")  # the working hour's 20:00 is 12:00 UTC there
    group_id = healthy()
    GroupRule.delete().execute()  # no rules: warning
    Group.update(description="").where(Group.id == group_id).execute()  # thin profile: warning
    Interaction.delete().execute()  # silent: critical
    ids = suggested_tasks.refresh_suggestions()
    assert len(ids) == 3
    assert suggested() == [
        ("suggested:no_rules:warning", group_id, None, "custom"),
        ("suggested:silent:critical", group_id, None, "topic"),
        ("suggested:thin_profile:warning", group_id, None, "profile"),
    ]
    task = Task.get(Task.origin == "suggested:silent:critical")
    assert task.title == "Start a topic discussion in 读书会"
    assert (task.title_key, task.title_args) == ("health.silent", '{"group": "读书会"}')
    # due at the working hour (20:00 in Shanghai, 12:00 UTC) still ahead today, never "now"
    assert (task.due_at, task.priority, task.status) == (datetime(2026, 3, 14, 12), 1, "open")
    assert suggested_tasks.refresh_suggestions() == []
    assert len(suggested()) == 3


def test_info_findings_are_not_suggested(now: datetime) -> None:
    healthy()
    from app.store.models import Meetup

    Meetup.delete().execute()  # no meetup: info
    assert suggested_tasks.refresh_suggestions() == []


def test_a_dismissed_suggestion_stays_away_14_days_unless_worse(now: datetime) -> None:
    group_id = healthy()
    Interaction.delete().execute()
    Interaction.create(group=group_id, kind="topic", at=ago(10))  # quiet: warning
    [task_id] = suggested_tasks.refresh_suggestions()
    assert Task.get_by_id(task_id).origin == "suggested:quiet:warning"
    suggested_tasks.dismiss_suggestion(task_id)
    assert Task.get_by_id(task_id).status == "skipped"
    assert suggested_tasks.refresh_suggestions(now=now + timedelta(days=5)) == []  # still quiet
    [again] = suggested_tasks.refresh_suggestions(now=now + timedelta(days=12))  # 22 days: silent
    assert Task.get_by_id(again).origin == "suggested:silent:critical"
    assert suggested_tasks.refresh_suggestions(now=now + timedelta(days=13)) == []  # open already
    suggested_tasks.dismiss_suggestion(again, now=now + timedelta(days=13))
    assert suggested_tasks.refresh_suggestions(now=now + timedelta(days=20)) == []


def test_the_dismissal_expires_after_14_days(now: datetime) -> None:
    group_id = healthy()
    GroupRule.delete().execute()
    [task_id] = suggested_tasks.refresh_suggestions()
    suggested_tasks.dismiss_suggestion(task_id)
    Interaction.create(group=group_id, kind="topic", at=now + timedelta(days=12))
    assert suggested_tasks.refresh_suggestions(now=now + timedelta(days=13)) == []
    [again] = suggested_tasks.refresh_suggestions(now=now + timedelta(days=15))
    assert Task.get_by_id(again).origin == "suggested:no_rules:warning"
    assert Task.get_by_id(again).group_id == group_id


def test_helpers_overdue_for_a_checkin_get_a_task(now: datetime) -> None:
    helper = person("骨干", tier_rank=2)  # cadence 14, never contacted
    person("普通", tier_rank=4)
    ids = suggested_tasks.refresh_suggestions()
    assert suggested() == [("suggested:checkin", None, helper, "checkin")]
    task = Task.get_by_id(ids[0])
    assert (task.title, task.title_key, task.title_args) == (
        "Check in with 骨干",
        "health.helper",
        '{"member": "骨干"}',
    )
    assert suggested_tasks.refresh_suggestions() == []
    suggested_tasks.dismiss_suggestion(ids[0])
    assert suggested_tasks.refresh_suggestions(now=now + timedelta(days=3)) == []
    Interaction.create(member=helper, kind="checkin", at=now + timedelta(days=20))
    assert suggested_tasks.refresh_suggestions(now=now + timedelta(days=21)) == []  # not overdue


def test_a_neglected_helper_gets_one_checkin_naming_their_groups(now: datetime) -> None:
    """One check-in per helper across their groups, never also one per group."""
    group_id = healthy()
    other = healthy("夜跑群")
    helper = person("骨干", tier_rank=2)
    join(helper, group_id)
    join(helper, other)
    finding_codes = {f.code for h in health.all_health() for f in h.findings}
    assert "helpers_neglected" in finding_codes  # the group's finding is there…
    suggested_tasks.refresh_suggestions()
    assert suggested() == [("suggested:checkin", None, helper, "checkin")]  # …one task
    assert (
        Task.get(Task.origin == "suggested:checkin").title == "Check in with 骨干 (夜跑群、读书会)"
    )


def test_a_topic_from_the_button_is_generated_text_and_blocks_the_same_suggestion(
    now: datetime,
) -> None:
    """What the window's "Schedule a topic" writes: a title kept as a code, and while that task
    is open the group's silence is not suggested again."""
    group_id = healthy()
    Interaction.delete().execute()  # silent: critical, action "topic"
    assert [s.code for s in suggestions.candidates()] == ["silent"]
    done = health_actions.schedule_topic(group_id, now + timedelta(hours=2))
    task = Task.get_by_id(done.task_id)
    assert (task.title, task.kind, task.origin) == (
        "Start a topic discussion in 读书会", "topic", "health:topic",
    )  # fmt: skip
    assert (task.title_key, task.title_args) == ("health.topic", '{"group": "读书会"}')
    assert suggestions.candidates() == []
    assert suggested_tasks.refresh_suggestions() == []
    Task.delete().where(Task.id == task.id).execute()
    assert [s.code for s in suggestions.candidates()] == ["silent"]


def test_the_action_of_a_suggested_origin() -> None:
    assert suggestions.suggested_action("suggested:silent:critical") == "topic"
    assert suggestions.suggested_action("suggested:broken_windows:critical") == ("clear_violations")
    assert suggestions.suggested_action("suggested:checkin") == ""
    assert suggestions.suggested_action("manual") == ""


def test_a_suggested_task_keeps_its_reason_as_a_code_not_an_english_sentence(
    now: datetime,
) -> None:
    """The finding's sentence is stored as its template and parameters: shown in the interface
    language whichever language the task was made in."""
    from app.core.generated_text import english, render

    group_id = healthy()
    Interaction.delete().execute()  # silent
    [task_id] = suggested_tasks.refresh_suggestions()
    task = Task.get_by_id(task_id)
    assert task.group_id == group_id and task.notes_key == "sentence.Health"
    template = (
        "No interaction in the {days} days since the group was added — its rhythm is {cadence}"
        " days."
    )
    assert json.loads(task.notes_args) == {"days": "100", "cadence": "7", "text": template}
    assert task.notes == render(task.notes_key, task.notes_args, "", english)
    assert task.notes.startswith("No interaction in the 100 days")
    chinese = {template: "建群 {days} 天来没有任何互动——它的节奏是 {cadence} 天。"}
    shown = render(task.notes_key, task.notes_args, task.notes, lambda c, t: chinese.get(t, t))
    assert shown == "建群 100 天来没有任何互动——它的节奏是 7 天。"
    tasks.update_task(task_id, notes="我自己的说明")  # retyped: the operator's words from now on
    assert (Task.get_by_id(task_id).notes, Task.get_by_id(task_id).notes_key) == (
        "我自己的说明",
        "",
    )


def test_violations_left_counts_the_open_violations_a_clear_task_is_about(now: datetime) -> None:
    """Completing "Clear the open violations in G" handles none of them: the window asks first
    while some are still open."""
    from app.core import violations

    group_id = healthy()
    [member] = [m for (m,) in Task._meta.database.execute_sql(
        "SELECT member_id FROM membership WHERE group_id = ? LIMIT 1", (group_id,)
    )]  # fmt: skip
    violations.log_violation(member, group_id, None, at=now - timedelta(days=5), action="warned")
    [task_id] = [
        i
        for i in suggested_tasks.refresh_suggestions()
        if Task.get_by_id(i).origin == "suggested:broken_windows:critical"
    ]
    task = Task.get_by_id(task_id)
    assert suggestions.clears_violations(task.origin)
    assert suggestions.violations_left(task) == 1
    other = tasks.create_task("发群公告", "custom", group_id)
    assert suggestions.violations_left(other) == 0
    violations.set_handled([v.id for v in violations.list_violations()])
    assert suggestions.violations_left(task) == 0
