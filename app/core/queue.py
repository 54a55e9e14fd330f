"""What the interaction queue shows: open tasks by section, counts, a group's or member's tasks.

All times are naive UTC; the sections of the queue follow the local calendar day and week.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.core import clock
from app.core.care import parse_time
from app.core.errors import QT_TRANSLATE_NOOP, NotFound
from app.store.models import Interaction, Task, db

SECTIONS = ("overdue", "today", "week", "later", "done")
DONE_DAYS = 7
# The effective due: a snooze counts when it is later than the due (or there is no due).
EFFECTIVE = (
    "(CASE WHEN t.snoozed_until IS NOT NULL AND (t.due_at IS NULL OR t.snoozed_until > t.due_at)"
    " THEN t.snoozed_until ELSE t.due_at END)"
)
ROW_SQL = (
    "SELECT t.id, t.title, t.kind, t.group_id, g.name, t.member_id, m.name, t.due_at,"
    f" {EFFECTIVE}, t.rrule, t.priority, t.status, t.notes, t.origin, t.done_at, t.outcome,"
    " t.title_key, t.title_args, t.notes_key, t.notes_args FROM task t"
    " LEFT JOIN chat_group g ON g.id = t.group_id"
    " LEFT JOIN member m ON m.id = t.member_id"
)


@dataclass(frozen=True)
class TaskRow:
    """A task as the queue shows it, with its group's and member's names.

    A title Huoqun wrote has its ``title_key`` and ``title_args`` (``core.generated_text``):
    the window and the command line show it in the interface language; ``title`` is English.
    """

    id: int
    title: str
    kind: str
    group_id: int | None
    group_name: str
    member_id: int | None
    member_name: str
    due_at: datetime | None
    effective_due: datetime | None  # the snooze when later than the due
    rrule: str
    priority: int
    status: str
    notes: str
    origin: str
    done_at: datetime | None
    outcome: str
    title_key: str = ""
    title_args: str = ""
    notes_key: str = ""  # notes Huoqun wrote (a suggestion's reason), as the title's
    notes_args: str = ""


@dataclass(frozen=True)
class TaskFilter:
    """Which tasks the queue shows: all, or those of one group, kind or member."""

    group_id: int | None = None
    kind: str | None = None
    member_id: int | None = None


def _boundaries(now: datetime) -> tuple[datetime, datetime]:
    """The end of today and the end of this (Monday-start) week, local, as naive UTC."""
    today = clock.local_today(now)
    end_week = today + timedelta(days=7 - today.weekday())
    return clock.local_day_start(today + timedelta(days=1)), clock.local_day_start(end_week)


def task_row(values: Sequence[Any]) -> TaskRow:
    """A ``TaskRow`` from a row of ``ROW_SQL``."""
    (task_id, title, kind, group_id, group_name, member_id, member_name, due, effective, rule,
     priority, status, notes, origin, done_at, outcome, title_key, title_args, notes_key,
     notes_args) = values  # fmt: skip
    return TaskRow(
        task_id, title, kind, group_id, group_name or "", member_id, member_name or "",
        parse_time(due), parse_time(effective), rule or "", priority, status, notes or "",
        origin or "", parse_time(done_at), outcome or "", title_key or "", title_args or "",
        notes_key or "", notes_args or "",
    )  # fmt: skip


def get_task(task_id: int) -> Task:
    """The task, or NotFound."""
    task = Task.get_or_none(Task.id == task_id)
    if task is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Task #{id} no longer exists."), id=task_id)
    return task


def _sort_key(row: TaskRow) -> tuple[Any, ...]:
    return (row.effective_due is None, row.effective_due or datetime.min, row.priority, row.id)


def queue(flt: TaskFilter = TaskFilter(), now: datetime | None = None) -> dict[str, list[TaskRow]]:
    """Open tasks by section (overdue, today, week, later) and those closed in the last week."""
    now = now or clock.now()
    end_today, end_week = _boundaries(now)
    where = ["(t.status = 'open' OR (t.status IN ('done', 'skipped') AND t.done_at >= ?))"]
    params: list[Any] = [str(now - timedelta(days=DONE_DAYS))]
    for column, value in (
        ("group_id", flt.group_id),
        ("kind", flt.kind),
        ("member_id", flt.member_id),
    ):
        if value is not None:
            where.append(f"t.{column} = ?")
            params.append(value)
    sql = f"{ROW_SQL} WHERE {' AND '.join(where)}"
    sections: dict[str, list[TaskRow]] = {name: [] for name in SECTIONS}
    for values in db.execute_sql(sql, params).fetchall():
        row = task_row(values)
        sections[_section(row, now, end_today, end_week)].append(row)
    for name in SECTIONS[:-1]:
        sections[name].sort(key=_sort_key)
    sections["done"].sort(key=lambda r: (r.done_at or datetime.min, r.id), reverse=True)
    return sections


def _section(row: TaskRow, now: datetime, end_today: datetime, end_week: datetime) -> str:
    if row.status != "open":
        return "done"
    due = row.effective_due
    if due is None:
        return "later"
    if due < now:
        return "overdue"
    if due < end_today:
        return "today"
    if due < end_week:
        return "week"
    return "later"


def counts(now: datetime | None = None) -> dict[str, int]:
    """How many tasks each section of the unfiltered queue holds. One query."""
    now = now or clock.now()
    end_today, end_week = _boundaries(now)
    found = db.execute_sql(
        f"SELECT SUM(s = 'open' AND e < ?), SUM(s = 'open' AND e >= ? AND e < ?),"
        " SUM(s = 'open' AND e >= ? AND e < ?), SUM(s = 'open' AND (e IS NULL OR e >= ?)),"
        " SUM(s IN ('done', 'skipped') AND d >= ?)"
        f" FROM (SELECT t.status AS s, {EFFECTIVE} AS e, t.done_at AS d FROM task t)",
        (str(now), str(now), str(end_today), str(end_today), str(end_week), str(end_week),
         str(now - timedelta(days=DONE_DAYS))),
    ).fetchone()  # fmt: skip
    return {name: int(value or 0) for name, value in zip(SECTIONS, found, strict=True)}


def due_badge(now: datetime | None = None) -> int:
    """Overdue plus due today: the number on the Queue entry of the navigation. One query."""
    now = now or clock.now()
    end_today, _ = _boundaries(now)
    (count,) = db.execute_sql(
        f"SELECT COUNT(*) FROM task t WHERE t.status = 'open' AND {EFFECTIVE} < ?",
        (str(end_today),),
    ).fetchone()
    return int(count)


def _open_rows(column: str, value: int, limit: int) -> list[TaskRow]:
    rows = db.execute_sql(
        f"{ROW_SQL} WHERE t.{column} = ? AND t.status = 'open'"
        f" ORDER BY {EFFECTIVE} IS NULL, {EFFECTIVE}, t.priority, t.id LIMIT ?",
        (value, limit),
    ).fetchall()
    return [task_row(r) for r in rows]


def tasks_for_group(group_id: int, limit: int = 20) -> list[TaskRow]:
    """A group's open tasks, soonest first."""
    return _open_rows("group_id", group_id, limit)


def tasks_for_member(member_id: int, limit: int = 20) -> list[TaskRow]:
    """A member's open tasks, soonest first."""
    return _open_rows("member_id", member_id, limit)


def recent_interactions(
    group_id: int | None = None, member_id: int | None = None, limit: int = 20
) -> list[Interaction]:
    """The latest interactions, of a group and/or a member when given, newest first."""
    query = Interaction.select()
    if group_id is not None:
        query = query.where(Interaction.group == group_id)
    if member_id is not None:
        query = query.where(Interaction.member == member_id)
    return list(query.order_by(Interaction.at.desc(), Interaction.id.desc()).limit(limit))
