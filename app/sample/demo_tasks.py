"""The sample community's interaction queue: recurring and one-off tasks, some overdue.

The operator is diligent: their backlog is a handful of overdue tasks whatever the size of the
community (``OVERDUE_ONE_OFFS`` one-offs, at most ``OVERDUE_RECURRING`` recurring ones), and a
day brings a few tasks (about six on the reference load: fewer than today's plan holds), not
one per group. Most groups the operator looks after have a one-off
task or two (welcoming newcomers, profile upkeep, meetup prep) due some day in the coming weeks,
a few closed in the last week; some helpers have a monthly check-in. The rest of the rows the
queue is given go to the groups by size: recurring programmes (a weekly topic, a fortnightly
share, a monthly poll; each group on its own weekday or day of the month, and only so many
groups in all, ``PROGRAMME_GROUPS``) with the interactions of their past occurrences over the
last year, and one-off tasks closed over that year, done ones with their interaction. Quiet
groups were last tended long ago: nothing was done there since. Everything is drawn from the
``Random`` handed in; due times are local wall-clock times, stored as naive UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from random import Random
from typing import Any

from dateutil.rrule import rrulestr

from app.core import clock, recurrence
from app.core.bulk_rows import run, run_many
from app.core.progress import Progress
from app.sample.demo_groups import GroupPlan

Row = tuple[Any, ...]
MIN_CHECKINS = 8  # helpers with a monthly check-in task…
CHECKIN_SHARE = 1 / 40  # …or this share of them, if more…
MAX_CHECKINS = 40  # …but no more than this: about one a day
MAIN = 3  # the largest lively groups run their programmes whatever their share of the rows
PROGRAMME_SHARE = 0.6  # of a group's rows a programme may take, the rest go to one-offs
HISTORY_DAYS = 365
TENDED_DAYS = 5  # mean days since the operator last did something in a group, times its silence
DONE_RATE = 0.8  # of a programme's past occurrences
OVERDUE = 0.05  # of the recurring tasks: the last occurrence is still open…
OVERDUE_RECURRING = 2  # …up to this many in the whole community
OVERDUE_ONE_OFFS = 3  # one-off tasks a few days overdue, in the whole community
ONE_OFF_DAYS = 60  # the other open one-offs fall due over the coming days
# how many groups run each programme: a day brings a few of them, whatever the community's size
PROGRAMME_GROUPS = {"weekly": 8, "biweekly": 8, "monthly": 24}
CLOSED_DONE = 0.85  # of the one-offs closed over the past year: the rest were skipped
TASK_FIELDS = ("id", "title", "kind", "group", "member", "due_at", "rrule",
               "priority", "status", "notes", "outcome", "origin", "created_at",
               "done_at")  # fmt: skip
INTERACTION_FIELDS = ("group", "member", "kind", "at", "note", "task")
# (kind, title, rule preset, local time, priority); the weekday or day of the month is the group's
PROGRAMME = (
    ("topic", "每周{topic}话题讨论", "weekly", time(20, 0), 2),
    ("share", "双周{topic}资料分享", "biweekly", time(19, 30), 2),
    ("poll", "月度活动投票", "monthly", time(20, 0), 3),
)
ONE_OFF = (
    ("welcome", "欢迎本周新人", 1),
    ("profile", "更新群公告和群介绍", 3),
    ("meetup_prep", "确认线下聚会场地", 1),
    ("custom", "整理群文件", 3),
)
# (kind, titles, priority) of the one-offs closed over the past year, and how often each
HISTORY = (
    ("welcome", ("欢迎本周新人", "新人入群欢迎和答疑", "给新朋友发群规和群文件"), 2),
    ("topic", ("发起话题：{topic}入门最想知道什么？", "话题：{city}周末去哪儿",
               "话题讨论：你和{topic}的故事"), 2),
    ("profile", ("更新群公告和群介绍", "统一群名片格式", "整理群相册"), 3),
    ("meetup_prep", ("确认线下聚会场地", "发布活动报名接龙", "活动后发照片和总结"), 1),
    ("recognition", ("公开感谢本月的热心群友", "评选本月答疑之星"), 2),
    ("custom", ("整理群文件", "清理长期潜水的小号", "统计群友城市分布"), 3),
)  # fmt: skip
HISTORY_WEIGHTS = (35, 55, 65, 75, 85, 100)  # cumulative
OUTCOMES = ("讨论很热烈", "参与的人不多", "有新人发言", "顺利完成", "收到不少反馈")


def _at(moment: datetime | None) -> str | None:
    return None if moment is None else str(moment)


def _local(day: datetime, at: time) -> datetime:
    """A local wall-clock time on ``day``'s local date, as naive UTC."""
    return clock.local_at(clock.local_date(day), at)


def _occurrences(rule: str, anchor: datetime, until: datetime) -> list[datetime]:
    """Every occurrence of ``rule`` from ``anchor`` up to ``until`` (naive UTC).

    Those ``recurrence.next_after`` gives one after another (the sample's times are never in a
    daylight-saving gap), with the rule parsed once.
    """
    found = [anchor]
    local_anchor = clock.to_local(anchor).replace(tzinfo=None, microsecond=0)
    for moment in rrulestr(recurrence.normalise(rule), dtstart=local_anchor):
        following = clock.from_local(moment)
        if following > until:
            break
        if following > found[-1]:
            found.append(following)
    return found


class _Queue:
    def __init__(self, rng: Random, now: datetime, first_id: int) -> None:
        self.rng = rng
        self.now = now
        self.next_id = first_id
        self.tasks: list[Row] = []
        self.interactions: list[Row] = []
        self.overdue_left = {"recurring": OVERDUE_RECURRING, "one_off": OVERDUE_ONE_OFFS}
        self.programmes_left = dict(PROGRAMME_GROUPS)

    def overdue(self, what: str, chance: float) -> bool:
        """Whether this task is left overdue: by ``chance``, while the backlog has room."""
        if self.rng.random() >= chance or self.overdue_left[what] <= 0:
            return False
        self.overdue_left[what] -= 1
        return True

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
                  rule: str, first: datetime, priority: int, past: list[datetime] | None = None,
                  tended: datetime | None = None) -> None:  # fmt: skip
        """A recurring task with a year of past occurrences (``past``, if known), most of them
        done until ``tended``, none after; the open one may be overdue."""
        past = past or _occurrences(rule, first, self.now)
        tended = tended or self.now
        overdue = self.overdue("recurring", OVERDUE)
        current = past[-1] if overdue else recurrence.next_after(rule, past[-1], past[-1])
        history = past[:-1] if overdue else past
        task_id = self.task(title, kind, group, member, current, rule, priority, created=first)
        for moment in history:
            if moment <= tended and self.rng.random() < DONE_RATE:
                at = moment + timedelta(minutes=self.rng.randint(0, 90))
                note = self.rng.choice(OUTCOMES)
                self.interactions.append((group, member, kind, _at(min(at, self.now)), note,
                                          task_id))  # fmt: skip


def _tended(rng: Random, now: datetime, group: GroupPlan) -> datetime:
    """When the operator last did something in ``group``: lately, unless it is a quiet one."""
    days = rng.expovariate(1 / (TENDED_DAYS * group.silence))
    return max(group.created_at, now - timedelta(seconds=int(days * 86_400)))


def _open_one_offs(plan: _Queue, group: GroupPlan) -> None:
    """None to two one-off tasks due over the coming weeks (a few of the community's a few days
    overdue); some closed this week."""
    rng, now = plan.rng, plan.now
    for kind, title, priority in rng.sample(ONE_OFF, rng.randint(0, 2)):
        days = -rng.randint(1, 4) if plan.overdue("one_off", 0.1) else rng.randint(1, ONE_OFF_DAYS)
        due = _local(now + timedelta(days=days), time(rng.choice((10, 20)), 0))
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


def _programmes(
    plan: _Queue, group: GroupPlan, start: datetime, tended: datetime, share: float, main: bool
) -> None:
    """The group's recurring topics and shares that fit its ``share`` of the rows, and a poll,
    on the group's own weekday or day of the month.

    Groups have a monthly poll, until ``PROGRAMME_GROUPS`` have one; a ``main`` group keeps all
    it runs whatever its share or the count.
    """
    rng, now = plan.rng, plan.now
    first_day = max(start, group.created_at)
    topic = group.topic or "本群"
    left = share
    for kind, title, preset, at, priority in PROGRAMME:
        day = rng.randint(1, 28) if preset == "monthly" else rng.randrange(7)
        if preset != "monthly" and rng.random() < 0.25:
            continue  # not every group runs every kind
        if plan.programmes_left[preset] <= 0 and not main:
            continue  # only so many groups run one: the operator's day stays a day
        local_first = clock.to_local(first_day).replace(tzinfo=None)
        if preset == "monthly":
            rule = recurrence.rule_for(preset, local_first, month_day=day)
        else:
            rule = recurrence.rule_for(preset, local_first, weekdays=(day,))
        anchor = _local(first_day, at)
        first = recurrence.next_after(rule, anchor, anchor - timedelta(seconds=1))
        if first is None or first > now:
            continue
        past = _occurrences(rule, first, now)
        cost = 1 + DONE_RATE * sum(moment <= tended for moment in past)
        if not main and preset != "monthly" and cost > PROGRAMME_SHARE * left:
            continue
        left -= cost
        plan.programmes_left[preset] -= 1
        plan.recurring(title.format(topic=topic), kind, group.index + 1, None, rule, first,
                       priority, past, tended)  # fmt: skip


def _closed_history(
    plan: _Queue, group: GroupPlan, start: datetime, tended: datetime, rows: float
) -> None:
    """About ``rows`` rows of one-off tasks closed over the past year, done ones with their
    interaction, until the group was last tended."""
    rng = plan.rng
    begin = max(start, group.created_at + timedelta(days=1))
    if tended <= begin:
        return
    span = (tended - begin).total_seconds()
    topic, city = group.topic or "群", group.city or "本地"
    for _ in range(round(rows / (1 + CLOSED_DONE))):
        closed = begin + timedelta(seconds=int(span * rng.random()))
        kind, titles, priority = rng.choices(HISTORY, cum_weights=HISTORY_WEIGHTS)[0]
        title = rng.choice(titles).format(topic=topic, city=city)
        created = max(group.created_at, closed - timedelta(seconds=rng.randint(3_600, 10 * 86_400)))
        due = max(created, _local(created + timedelta(days=rng.randint(1, 7)), time(20, 0)))
        if rng.random() < CLOSED_DONE:
            outcome = rng.choice(OUTCOMES)
            task_id = plan.task(title, kind, group.index + 1, None, due, "", priority, "done",
                                outcome, created, closed)  # fmt: skip
            plan.interactions.append((group.index + 1, None, "other" if kind == "custom" else kind,
                                      _at(closed), outcome, task_id))  # fmt: skip
        else:
            plan.task(title, kind, group.index + 1, None, due, "", priority, "skipped", "",
                      created, closed)  # fmt: skip


def _in_order(tasks: list[Row], interactions: list[Row], first_id: int) -> tuple[list[Row], ...]:
    """The tasks numbered from ``first_id`` as they were created, and the interactions by time."""
    ordered = sorted(tasks, key=lambda r: (r[12], r[0]))
    new_id = {row[0]: number for number, row in enumerate(ordered, start=first_id)}
    renumbered = [(new_id[row[0]], *row[1:]) for row in ordered]
    moved = [(*row[:5], None if row[5] is None else new_id[row[5]]) for row in interactions]
    return renumbered, sorted(moved, key=lambda r: r[3])


def write(
    rng: Random,
    now: datetime,
    groups: Sequence[GroupPlan],
    helpers: Sequence[int],
    insert: Any,
    budget: int = 0,
    report: Progress = lambda done, total: None,
) -> None:
    """Plan the queue, about ``budget`` task and interaction rows, and insert it with
    ``insert(table, columns, rows)``; ``report(done, total)`` tells how far it got."""
    ((last,),) = run("SELECT COALESCE(MAX(id), 0) FROM task")
    plan = _Queue(rng, now, last + 1)
    start = now - timedelta(days=HISTORY_DAYS)
    checkins = min(MAX_CHECKINS, max(MIN_CHECKINS, round(len(helpers) * CHECKIN_SHARE)))
    for helper in rng.sample(list(helpers), min(checkins, len(helpers))):
        anchor = _local(start, time(21, 0))
        rule = recurrence.rule_for("monthly", start, month_day=rng.randint(1, 28))
        first = recurrence.next_after(rule, anchor, anchor)
        if first is not None:
            plan.recurring("和帮手月度谈心", "checkin", None, helper + 1, rule, first, 1)
    lively = [p for p in groups if p.silence < 8.0]
    tended = {}
    for group in lively:
        tended[group.index] = _tended(rng, now, group)
        _open_one_offs(plan, group)
    left = max(0, budget - len(plan.tasks) - len(plan.interactions))
    weight = sum(len(p.members) for p in lively) or 1
    main = {p.index for p in sorted(lively, key=lambda p: (-len(p.members), p.index))[:MAIN]}
    for number, group in enumerate(lively, start=1):
        report(number, 2 * len(lively))
        share = left * len(group.members) / weight
        before = len(plan.tasks) + len(plan.interactions)
        _programmes(plan, group, start, tended[group.index], share, group.index in main)
        spent = len(plan.tasks) + len(plan.interactions) - before
        _closed_history(plan, group, start, tended[group.index], share - spent)
    tasks, interactions = _in_order(plan.tasks, plan.interactions, last + 1)
    report(2, 4)
    insert("task", TASK_FIELDS, tasks)
    report(3, 4)
    insert("interaction", INTERACTION_FIELDS, interactions)
    contacted: dict[int, str] = {}
    for _group, member, _kind, at, _note, _task in plan.interactions:
        if member is not None and at > contacted.get(member, ""):
            contacted[member] = at
    run_many(
        "UPDATE member SET last_contacted = ? WHERE id = ?"
        " AND (last_contacted IS NULL OR last_contacted < ?)",
        [(at, member, at) for member, at in contacted.items()],
    )
