"""Today's data: each service asked once, as plain data the panel only shows."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.core import groups, health, members, memberships, rules, tasks, today, violations


def test_an_empty_community_has_nothing_for_today() -> None:
    data = today.gather()
    assert (data.overdue, data.today, data.meetups, data.helpers) == ([], [], [], [])
    assert (data.groups, data.members, data.open_violations) == (0, 0, 0)


def test_today_gathers_tasks_counts_and_the_groups_that_need_attention(now: datetime) -> None:
    reading = groups.create_group("读书会")
    zhang = members.create_member("张三")
    memberships.add_membership(zhang.id, reading.id)
    late = tasks.create_task("欢迎新人", "welcome", due_at=now - timedelta(hours=2))
    soon = tasks.create_task("发公告", "custom", due_at=now + timedelta(minutes=1))
    tasks.create_task("下周的事", "custom", due_at=now + timedelta(days=8))
    rule = rules.create_rule("禁止广告", "", "warning", 1)
    violations.log_violation(zhang.id, reading.id, rule.id, now, "发广告", "warned")
    data = today.gather()
    assert [row.id for row in data.overdue] == [late.id]
    assert [row.id for row in data.today] == [soon.id]
    assert (data.groups, data.members, data.open_violations) == (1, 1, 1)
    expected = [h for h in health.all_health() if h.status in ("dying", "attention")]
    assert sorted(h.group_id for h in data.needy) == sorted(h.group_id for h in expected)
    assert [(h.status != "dying", h.score) for h in data.needy] == sorted(
        (h.status != "dying", h.score) for h in data.needy
    )
