"""Today: what needs the operator now, gathered from each service once, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from app.core import (
    care,
    groups,
    health,
    meetups,
    members,
    pyramid,
    queue,
    suggested_tasks,
    violations,
)
from app.core.today_plan import TodayPlan, today_plan
from app.core.went_quiet import worth_a_message

MAX_HELPERS = 10
MAX_MEETUPS = 5


@dataclass(frozen=True)
class TodayData:
    """What the Today panel shows, gathered without touching a widget (any thread)."""

    overdue: list[Any]
    today: list[Any]
    needy: list[Any]
    meetups: list[Any]
    pyramid: list[Any]
    helpers: list[Any]
    groups: int
    members: int
    open_violations: int
    plan: TodayPlan
    added: int = 0  # suggested tasks the plan was filled with just now (``plan_and_gather``)
    went_quiet: list[Any] = field(default_factory=list)  # the five most worth a message


def gather() -> TodayData:
    """Ask each service once: the plan, tasks, groups that need attention, meetups, pyramid,
    helpers."""
    sections = queue.queue()
    every_group = health.all_health()
    every_helper = care.care_list()
    needy = [h for h in every_group if h.status in ("dying", "attention")]
    needy.sort(key=lambda h: (h.status != "dying", h.score))
    overdue_helpers = [r for r in every_helper if r.days_overdue > 0]
    overdue_helpers.sort(key=lambda r: -r.days_overdue)
    return TodayData(
        overdue=sections.get("overdue", []),
        today=sections.get("today", []),
        needy=needy,
        meetups=meetups.upcoming(limit=MAX_MEETUPS),
        pyramid=pyramid.pyramid(),
        helpers=overdue_helpers[:MAX_HELPERS],
        groups=groups.count_groups(),
        members=members.count_members(),
        open_violations=violations.open_count(),
        plan=today_plan(groups=every_group, helpers=every_helper),
        went_quiet=worth_a_message(),  # (health leaves out who went quiet)
    )


def plan_and_gather() -> TodayData:
    """Fill today's plan (the tasks due, then the top suggestions; a write), then ``gather``.

    About a second on the reference load: the window runs it off the UI thread.
    """
    added = suggested_tasks.refresh_suggestions()
    return replace(gather(), added=len(added))
