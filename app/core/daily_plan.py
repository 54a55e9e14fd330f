"""The day's plan: how long it is, when suggestions fall due, and which tasks are in it.

The plan is a short list one person can finish in a sitting (PRODUCT.md §3): at most
``daily_plan_size`` items, the operator's own overdue and due tasks first, then the suggested
tasks of the day. A task remembers when it entered the plan (``planned_at``), so done items
stay in it, ticked, until the local day ends, and the list does not refill as it is worked
through. Suggested tasks are only ever created into the plan
(``suggested_tasks.refresh_suggestions`` fills the room left) or accepted by the operator, so
a suggested task counts in the Queue's badge and reminds only once it is planned or accepted.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from app.core import clock, settings
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.queue import EFFECTIVE, ROW_SQL, TaskRow, task_row
from app.store.models import db

SIZE_RANGE = (1, 50)
SUGGESTED = "t.origin LIKE 'suggested:%'"
# a suggestion turned down from the "More suggestions" list: a record, never in the plan
DISMISSED_SUFFIX = ":dismissed"


def plan_size() -> int:
    """How many items the day's plan holds (Settings, default 8)."""
    return int(settings.get("daily_plan_size"))


def working_hour() -> time:
    """The local time of day suggestions fall due (Settings, default 20:00)."""
    hours, minutes = str(settings.get("working_hour")).split(":")
    return time(int(hours), int(minutes))


def set_plan_settings(size: int, hour: str) -> None:
    """Store the plan's size (1–50) and the working hour ("HH:MM", local); both or neither."""
    settings.whole_number(size, *SIZE_RANGE, QT_TRANSLATE_NOOP("Errors", "size of today's plan"))
    try:
        hours, minutes = (int(part) for part in hour.split(":"))
        clean = f"{time(hours, minutes):%H:%M}"
    except (ValueError, TypeError):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The working hour “{value}” is no time of day like 20:00."),
            value=hour,
        ) from None
    with db.atomic():
        settings.put("daily_plan_size", size)
        settings.put("working_hour", clean)


def suggestion_due(now: datetime | None = None) -> datetime:
    """When a suggestion made now falls due: today's working hour if still ahead, else
    tomorrow's (local), as naive UTC. Never "now"."""
    now = now or clock.now()
    day = clock.local_today(now)
    due = clock.local_at(day, working_hour())
    if due <= now:
        due = clock.local_at(day + timedelta(days=1), working_hour())
    return due


def _day(now: datetime) -> tuple[str, str]:
    """Where the local day of ``now`` starts and ends, as stored text."""
    start = clock.local_day_start(clock.local_today(now))
    return str(start), str(clock.local_day_end(now))


def planned_rows(now: datetime | None = None) -> list[TaskRow]:
    """The tasks of today's plan in its order, at most ``plan_size``. One query.

    Those that entered it today (``fill``), open or closed since (ticked): own tasks first,
    then suggestions; each part overdue first, by due and priority.
    """
    now = now or clock.now()
    start, end = _day(now)
    sql = (
        f"{ROW_SQL} WHERE t.planned_at >= :start AND t.planned_at < :end"
        " AND (t.status = 'open' OR t.done_at >= :start)"
        f" ORDER BY {SUGGESTED}, {EFFECTIVE} IS NULL, {EFFECTIVE}, t.priority, t.id LIMIT :size"
    )
    rows = db.execute_sql(sql, {"start": start, "end": end, "size": plan_size()}).fetchall()
    return [task_row(values) for values in rows]


def rolled_today(now: datetime | None = None) -> dict[int, datetime]:
    """Recurring tasks of today's plan completed today (they rolled on, so they are still
    open): task id → when. One query."""
    now = now or clock.now()
    start, end = _day(now)
    return {
        task_id: datetime.fromisoformat(str(at))
        for task_id, at in db.execute_sql(
            "SELECT t.id, MAX(i.at) FROM task t JOIN interaction i ON i.task_id = t.id"
            " WHERE t.planned_at >= ? AND t.planned_at < ? AND t.status = 'open'"
            " AND t.rrule != '' AND i.at >= ? GROUP BY t.id",
            (start, end, start),
        )
    }


def fill(now: datetime | None = None) -> int:
    """Put the open tasks due by the end of today into today's plan while it has room, own
    tasks first, overdue first; how many places are left. Three queries."""
    now = now or clock.now()
    start, end = _day(now)
    (planned,) = db.execute_sql(
        "SELECT COUNT(*) FROM task t WHERE t.planned_at >= ? AND t.planned_at < ?"
        " AND (t.status = 'open' OR t.done_at >= ?)",
        (start, end, start),
    ).fetchone()
    places = plan_size() - int(planned)
    if places <= 0:
        return 0
    chosen = [
        task_id
        for (task_id,) in db.execute_sql(
            f"SELECT t.id FROM task t WHERE t.status = 'open' AND {EFFECTIVE} < ?"
            " AND (t.planned_at IS NULL OR t.planned_at < ? OR t.planned_at >= ?)"
            f" ORDER BY {SUGGESTED}, {EFFECTIVE}, t.priority, t.id LIMIT ?",
            (end, start, end, places),
        )
    ]
    if chosen:
        with db.atomic():
            marks = ", ".join("?" * len(chosen))
            db.execute_sql(
                f"UPDATE task SET planned_at = ? WHERE id IN ({marks})", (str(now), *chosen)
            )
    return places - len(chosen)


def created_today(now: datetime | None = None) -> int:
    """Suggested tasks made today (planned or accepted; dismissal records not). One query."""
    now = now or clock.now()
    start, _end = _day(now)
    (count,) = db.execute_sql(
        f"SELECT COUNT(*) FROM task t WHERE {SUGGESTED}"
        f" AND t.origin NOT LIKE '%{DISMISSED_SUFFIX}' AND t.created_at >= ?",
        (start,),
    ).fetchone()
    return int(count)


def room(now: datetime | None = None) -> int:
    """Fill the plan with the tasks due (``fill``); how many suggested tasks may still be
    made today: the places left, and never more than ``plan_size`` a day."""
    now = now or clock.now()
    return max(0, min(fill(now), plan_size() - created_today(now)))


def counts(now: datetime | None = None) -> dict[str, Any]:
    """Open tasks and how many of them are overdue, in the whole queue. One query."""
    now = now or clock.now()
    found = db.execute_sql(
        f"SELECT COUNT(*), SUM({EFFECTIVE} < ?) FROM task t WHERE t.status = 'open'", (str(now),)
    ).fetchone()
    return {"open": int(found[0] or 0), "overdue": int(found[1] or 0)}
