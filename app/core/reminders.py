"""Reminders: open tasks that came due, each occurrence reminded of once; which still are.

A task remembers in ``reminded_for`` the effective due it last reminded of. Rolling a recurring
task clears it and snoozing moves the effective due, so the next occurrence reminds again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from peewee import chunked

from app.core import clock
from app.core.care import parse_time
from app.core.queue import EFFECTIVE
from app.store.models import db

DUE = f"t.status = 'open' AND {EFFECTIVE} IS NOT NULL AND {EFFECTIVE} <= ?"


@dataclass(frozen=True)
class Reminder:
    """A task that came due, for a notification."""

    task_id: int
    title: str
    due_at: datetime  # the effective due: the snooze when later than the due
    group_name: str
    member_name: str
    title_key: str = ""  # a title Huoqun wrote: shown in the interface language
    title_args: str = ""


def due_reminders(now: datetime | None = None) -> list[Reminder]:
    """Open tasks due by now not yet reminded of at this due, soonest first. One query."""
    now = now or clock.now()
    rows = db.execute_sql(
        f"SELECT t.id, t.title, {EFFECTIVE}, g.name, m.name, t.title_key, t.title_args FROM task t"
        " LEFT JOIN chat_group g ON g.id = t.group_id LEFT JOIN member m ON m.id = t.member_id"
        f" WHERE {DUE} AND (t.reminded_for IS NULL OR t.reminded_for != {EFFECTIVE})"
        f" ORDER BY {EFFECTIVE}, t.priority, t.id",
        (str(now),),
    ).fetchall()
    return [
        Reminder(task_id, title, parse_time(due), group or "", member or "", key, args)  # type: ignore[arg-type]
        for task_id, title, due, group, member, key, args in rows
    ]


def mark_reminded(task_ids: Sequence[int], now: datetime | None = None) -> None:
    """Remember that these tasks' current (already due) occurrence was reminded of."""
    now = now or clock.now()
    with db.atomic():
        for part in chunked(list(task_ids), 500):
            marks = ", ".join("?" * len(part))
            db.execute_sql(
                f"UPDATE task AS t SET reminded_for = {EFFECTIVE}"
                f" WHERE t.id IN ({marks}) AND {DUE}",
                (*part, str(now)),
            )


def still_due(task_ids: Sequence[int], now: datetime | None = None) -> set[int]:
    """Which of these tasks are still open and due by now (not done, skipped or snoozed)."""
    now = now or clock.now()
    found: set[int] = set()
    for part in chunked(list(task_ids), 500):
        marks = ", ".join("?" * len(part))
        found.update(
            task_id
            for (task_id,) in db.execute_sql(
                f"SELECT t.id FROM task t WHERE t.id IN ({marks}) AND {DUE}", (*part, str(now))
            )
        )
    return found
