"""Today's plan as the window and ``huoqun today`` show it: items with a reason and an action.

Which tasks are in the plan is ``daily_plan.planned_rows``; this adds why each is there (a
suggestion's finding as it stands now, or when an own task fell due), what its action is, and
the counts around it: open tasks, overdue, and suggestions still available ("More
suggestions"). Reasons are ``Finding``s, their sentences translated in context "Health".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.core import clock, daily_plan, suggestions
from app.core.care import CareRow
from app.core.errors import QT_TRANSLATE_NOOP
from app.core.health import GroupHealth
from app.core.health_findings import Finding
from app.core.queue import TaskRow

T_OVERDUE = QT_TRANSLATE_NOOP("Health", "Overdue since {when}.")
T_OVERDUE_YESTERDAY = QT_TRANSLATE_NOOP("Health", "Overdue since yesterday {when}.")
T_OVERDUE_DAYS = QT_TRANSLATE_NOOP("Health", "Overdue for {days} days.")
T_DUE_TODAY = QT_TRANSLATE_NOOP("Health", "Due today at {when}.")
T_DUE_LATER = QT_TRANSLATE_NOOP("Health", "Due {when}.")
T_DONE = QT_TRANSLATE_NOOP("Health", "Done today at {when}.")
T_SKIPPED = QT_TRANSLATE_NOOP("Health", "Dismissed today at {when}.")
T_SUGGESTED = QT_TRANSLATE_NOOP("Health", "Suggested on {when}; the finding has changed since.")


@dataclass(frozen=True)
class PlanItem:
    """One line of today's plan."""

    task_id: int
    kind: str  # the task's kind: topic, checkin, …
    title: str  # the stored title: English where Huoqun wrote it (``title_key``)
    title_key: str  # a generated title's code ("" for the operator's words) and its params
    title_args: str
    group_id: int | None
    group_name: str
    member_id: int | None
    member_name: str
    due: datetime | None  # the effective due (a snooze when later)
    reason: Finding  # why it is in the plan, one line
    suggestion: bool
    status: str  # "open", "done" or "skipped"
    overdue: bool
    action: str  # "done" for an own task, the finding's action for a suggestion, "" when closed

    @property
    def done(self) -> bool:
        """Closed today: shown ticked until the day ends."""
        return self.status != "open"


@dataclass(frozen=True)
class TodayPlan:
    """Today's plan and the numbers around it."""

    items: list[PlanItem]
    size: int
    open_tasks: int
    overdue: int
    available: list[suggestions.Suggestion]  # "More suggestions", most impact first


def _local(moment: datetime, layout: str) -> str:
    return clock.to_local(moment).strftime(layout)


def _own_reason(row: TaskRow, now: datetime) -> Finding:
    if row.status == "done":
        return Finding("done", "good", T_DONE, {"when": _local(row.done_at or now, "%H:%M")})
    if row.status == "skipped":
        return Finding("skipped", "good", T_SKIPPED, {"when": _local(row.done_at or now, "%H:%M")})
    due = row.effective_due
    if due is None:
        return Finding("due", "info", T_DUE_LATER, {"when": ""})
    if due < now:
        days = clock.days_between(due, now)
        if days > 1:
            return Finding("overdue", "warning", T_OVERDUE_DAYS, {"days": days})
        if days == 1:
            when = {"when": _local(due, "%H:%M")}
            return Finding("overdue", "warning", T_OVERDUE_YESTERDAY, when)
        return Finding("overdue", "warning", T_OVERDUE, {"when": _local(due, "%H:%M")})
    if clock.local_date(due) == clock.local_today(now):
        return Finding("due", "info", T_DUE_TODAY, {"when": _local(due, "%H:%M")})
    return Finding("due", "info", T_DUE_LATER, {"when": _local(due, "%m-%d %H:%M")})


def _item(
    row: TaskRow,
    now: datetime,
    found: dict[str, suggestions.Suggestion],
    rolled: dict[int, datetime],
) -> PlanItem:
    if row.id in rolled:  # a recurring task done today: ticked, though it rolled on
        row = replace(row, status="done", done_at=rolled[row.id])
    suggested = row.origin.startswith("suggested:")
    reason = _own_reason(row, now)
    action = "done"
    if suggested:
        match = found.get(suggestions.task_key(row.group_id, row.member_id, row.origin))
        if row.status == "open" and match is not None:
            reason = match.reason
        elif row.status == "open":
            made = {"when": _local(row.due_at or now, "%m-%d")}
            reason = Finding("suggested", "info", T_SUGGESTED, made)
        action = match.reason.action if match is not None else "done"
    return PlanItem(
        task_id=row.id,
        kind=row.kind,
        title=row.title,
        title_key=row.title_key,
        title_args=row.title_args,
        group_id=row.group_id,
        group_name=row.group_name,
        member_id=row.member_id,
        member_name=row.member_name,
        due=row.effective_due,
        reason=reason,
        suggestion=suggested,
        status=row.status,
        overdue=row.status == "open" and row.effective_due is not None and row.effective_due < now,
        action=action if row.status == "open" else "",
    )


def today_plan(
    now: datetime | None = None,
    groups: list[GroupHealth] | None = None,
    helpers: list[CareRow] | None = None,
) -> TodayPlan:
    """The plan, in order, with the suggestions still available.

    ``groups`` and ``helpers`` are ``health.all_health`` and ``care.care_list`` when the
    caller has them already.
    """
    now = now or clock.now()
    found = suggestions.ranked(now, groups=groups, helpers=helpers)
    by_key = {s.key: s for s in found}
    rolled = daily_plan.rolled_today(now)
    items = [_item(row, now, by_key, rolled) for row in daily_plan.planned_rows(now)]
    counts = daily_plan.counts(now)
    return TodayPlan(
        items=items,
        size=daily_plan.plan_size(),
        open_tasks=counts["open"],
        overdue=counts["overdue"],
        available=suggestions.available(found, now),
    )
