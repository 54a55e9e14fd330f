"""The sample community's interaction queue: recurring and one-off tasks, some overdue.

Recurring tasks (a weekly topic, a fortnightly share, a monthly poll, helper check-ins) come
with the interactions of their past occurrences over the last year, most done, some missed;
one-off tasks (welcoming newcomers, profile upkeep, meetup prep) are spread from a few days
overdue to next month, and a few were closed in the last week. Everything is drawn from the
``Random`` handed in; due times are local wall-clock times, stored as naive UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from random import Random
from typing import Any

from app.core import clock, recurrence
from app.io.demo_groups import GroupPlan
from app.store.models import Interaction, Task, db

Row = tuple[Any, ...]
MAX_GROUPS = 24  # groups with a recurring programme
MAX_CHECKINS = 8
HISTORY_DAYS = 365
DONE_RATE = 0.8
TASK_FIELDS = (Task.id, Task.title, Task.kind, Task.group, Task.member, Task.due_at, Task.rrule,
               Task.priority, Task.status, Task.notes, Task.outcome, Task.origin, Task.created_at,
               Task.done_at)  # fmt: skip
INTERACTION_FIELDS = (Interaction.group, Interaction.member, Interaction.kind, Interaction.at,
                      Interaction.note, Interaction.task)  # fmt: skip
# (kind, title, rule preset, weekday, local time, priority)
PROGRAMME = (
    ("topic", "周五{topic}话题讨论", "weekly", 4, time(20, 0), 2),
    ("share", "双周{topic}资料分享", "biweekly", 1, time(19, 30), 2),
    ("poll", "月度活动投票", "monthly", 15, time(20, 0), 3),
)
ONE_OFF = (
    ("welcome", "欢迎本周新人", 1),
    ("profile", "更新群公告和群介绍", 3),
    ("meetup_prep", "确认线下聚会场地", 1),
    ("custom", "整理群文件", 3),
)
OUTCOMES = ("讨论很热烈", "参与的人不多", "有新人发言", "顺利完成", "收到不少反馈")


def _at(moment: datetime | None) -> str | None:
    return None if moment is None else str(moment)


def _local(day: datetime, at: time) -> datetime:
    """A local wall-clock time on ``day``'s date, as naive UTC."""
    return clock.from_local(datetime.combine(day.date(), at))


def _occurrences(rule: str, anchor: datetime, until: datetime) -> list[datetime]:
    """Every occurrence of ``rule`` from ``anchor`` up to ``until`` (naive UTC)."""
    found = [anchor]
    while True:
        following = recurrence.next_after(rule, found[-1], found[-1])
        if following is None or following > until:
            return found
        found.append(following)


class _Queue:
    def __init__(self, rng: Random, now: datetime, first_id: int) -> None:
        self.rng = rng
        self.now = now
        self.next_id = first_id
        self.tasks: list[Row] = []
        self.interactions: list[Row] = []

    def task(self, title: str, kind: str, group: int | None, member: int | None,
             due: datetime | None, rule: str, priority: int, status: str = "open",
             outcome: str = "", created: datetime | None = None,
             done_at: datetime | None = None) -> int:  # fmt: skip
        task_id = self.next_id
        self.next_id += 1
        created = created or self.now - timedelta(days=self.rng.randint(1, 20))
        self.tasks.append((task_id, title, kind, group, member, _at(due), rule, priority, status,
                           "", outcome, "manual", _at(created), _at(done_at)))  # fmt: skip
        return task_id

    def recurring(self, title: str, kind: str, group: int | None, member: int | None,
                  rule: str, first: datetime, priority: int) -> None:  # fmt: skip
        """A recurring task with a year of past occurrences; the open one may be overdue."""
        past = _occurrences(rule, first, self.now)
        overdue = self.rng.random() < 0.3
        current = past[-1] if overdue else recurrence.next_after(rule, past[-1], past[-1])
        history = past[:-1] if overdue else past
        task_id = self.task(title, kind, group, member, current, rule, priority, created=first)
        for moment in history:
            if self.rng.random() < DONE_RATE:
                at = moment + timedelta(minutes=self.rng.randint(0, 90))
                note = self.rng.choice(OUTCOMES)
                self.interactions.append((group, member, kind, _at(min(at, self.now)), note,
                                          task_id))  # fmt: skip


def write(
    rng: Random,
    now: datetime,
    groups: Sequence[GroupPlan],
    helpers: Sequence[int],
    insert: Any,
) -> None:
    """Plan the queue and insert it with ``insert(model, fields, rows)``."""
    (last,) = db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM task").fetchone()
    plan = _Queue(rng, now, last + 1)
    start = now - timedelta(days=HISTORY_DAYS)
    lively = [p for p in groups if p.silence < 8.0]
    for group in rng.sample(lively, min(MAX_GROUPS, len(lively))):
        first_day = max(start, group.created_at)
        topic = group.topic or "本群"
        for kind, title, preset, day, at, priority in PROGRAMME:
            if rng.random() < 0.4:
                continue
            local_first = clock.to_local(first_day).replace(tzinfo=None)
            if preset == "monthly":
                rule = recurrence.rule_for(preset, local_first, month_day=day)
            else:
                rule = recurrence.rule_for(preset, local_first, weekdays=(day,))
            anchor = _local(first_day, at)
            first = recurrence.next_after(rule, anchor, anchor - timedelta(seconds=1))
            if first is None or first > now:
                continue
            plan.recurring(title.format(topic=topic), kind, group.index + 1, None, rule, first,
                           priority)  # fmt: skip
        for kind, title, priority in rng.sample(ONE_OFF, rng.randint(1, 2)):
            due = _local(now + timedelta(days=rng.randint(-4, 30)), time(rng.choice((10, 20)), 0))
            if rng.random() < 0.2:
                closed = (now - timedelta(days=rng.uniform(0.2, 6))).replace(microsecond=0)
                status = "done" if rng.random() < 0.8 else "skipped"
                outcome = rng.choice(OUTCOMES) if status == "done" else ""
                task_id = plan.task(title, kind, group.index + 1, None, min(due, closed), "",
                                    priority, status, outcome, closed - timedelta(days=10),
                                    closed)  # fmt: skip
                if status == "done":
                    plan.interactions.append((group.index + 1, None,
                                              "other" if kind == "custom" else kind,
                                              _at(closed), outcome, task_id))  # fmt: skip
            else:
                plan.task(title, kind, group.index + 1, None, due, "", priority)
    for helper in rng.sample(list(helpers), min(MAX_CHECKINS, len(helpers))):
        anchor = _local(start, time(21, 0))
        rule = recurrence.rule_for("monthly", start, month_day=rng.randint(1, 28))
        first = recurrence.next_after(rule, anchor, anchor)
        if first is not None:
            plan.recurring("和帮手月度谈心", "checkin", None, helper + 1, rule, first, 1)
    insert(Task, TASK_FIELDS, plan.tasks)
    insert(Interaction, INTERACTION_FIELDS, sorted(plan.interactions, key=lambda r: r[3]))
    contacted: dict[int, str] = {}
    for _group, member, _kind, at, _note, _task in plan.interactions:
        if member is not None and at > contacted.get(member, ""):
            contacted[member] = at
    db.cursor().executemany(
        "UPDATE member SET last_contacted = ? WHERE id = ?"
        " AND (last_contacted IS NULL OR last_contacted < ?)",
        [(at, member, at) for member, at in contacted.items()],
    )
