"""The sample community's meetups in full: plans of past ones, and upcoming ones with RSVPs.

``complete`` works on the past meetups planned by ``demo_pyramid`` and ``demo_past_meetups``
(before they are written): they get an address, notes, an agenda, a checklist (all ticked for
those held), a budget and helpers; a few upcoming meetups are added with RSVPs (one of them
full, with a waitlist; more of them in a larger community). ``write`` inserts
the extra tables afterwards. Everything is drawn from the ``Random`` handed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from random import Random
from typing import Any

from app.core import clock
from app.core.settings import CHECKLIST_ZH
from app.sample.demo_groups import GroupPlan
from app.sample.demo_past_meetups import AFTERNOON, EVENING
from app.sample.demo_words import CANCEL_NOTES

Row = tuple[Any, ...]
UPCOMING = 4
HELPER_LEVEL = 1
AGENDA = ((0, "签到入场"), (20, "自我介绍"), (45, "主题分享"), (100, "自由交流"), (165, "合影留念"))
BUDGET = (
    ("场地费", 30_000, 80_000),
    ("饮料和点心", 8_000, 30_000),
    ("打印签到表和名牌", 500, 2_000),
)
ADDRESSES = ("徐汇区漕溪北路 88 号", "朝阳区三里屯路 19 号", "天河区体育西路 103 号",
             "西湖区文三路 478 号", "南山区科技园南区 6 栋")  # fmt: skip
NOTES = ("请提前十分钟到场签到。", "自带水杯，现场有饮料。", "AA 制，现场收费。",
         "下雨改在室内进行。")  # fmt: skip
TABLES = (
    ("meetup", "meetup", ("id", "title", "start_at", "end_at", "venue", "address", "capacity",
                          "status", "notes")),
    ("meetup_group", "meetup_group", ("meetup", "group")),
    ("attendance", "attendance", ("meetup", "member", "rsvp", "rsvp_at", "attended")),
    ("agenda", "agenda_item", ("meetup", "at", "title", "owner", "position")),
    ("checklist", "checklist_item", ("meetup", "text", "done", "position")),
    ("budget", "budget_line", ("meetup", "item", "amount_cents", "position")),
    ("role", "meetup_role", ("meetup", "member", "role")),
)  # fmt: skip


def _at(moment: datetime) -> str:
    return str(moment)


def _plan_details(
    rng: Random, meetup_id: int, start: datetime, people: Sequence[int], past: bool, out: dict
) -> None:
    """Agenda, checklist, budget and helper roles of one meetup (``people`` are member ids)."""
    helpers = list(people[:3])
    for position, (minutes, title) in enumerate(AGENDA):
        owner = helpers[position % len(helpers)] if helpers and rng.random() < 0.6 else None
        out["agenda"].append(
            (meetup_id, _at(start + timedelta(minutes=minutes)), title, owner, position)
        )
    ticked = len(CHECKLIST_ZH) if past else rng.randint(0, 3)
    for position, text in enumerate(CHECKLIST_ZH):
        out["checklist"].append((meetup_id, text, position < ticked, position))
    for position, (item, low, high) in enumerate(BUDGET):
        out["budget"].append((meetup_id, item, rng.randint(low, high) // 100 * 100, position))
    for member_id, role in zip(helpers, ("host", "check-in", "photos"), strict=False):
        out["role"].append((meetup_id, member_id, role))


def complete(
    rng: Random,
    now: datetime,
    groups: Sequence[GroupPlan],
    level: Sequence[int],
    status: Sequence[str],
    first_seen: Sequence[datetime],
    met: dict[str, list[Row]],
    upcoming: int = UPCOMING,
) -> None:
    """Fill in the past meetups' plans and add ``upcoming`` meetups with RSVPs, in ``met``."""
    for key, _, _ in TABLES:
        met.setdefault(key, [])
    going: dict[int, list[int]] = {}
    for row in met["attendance"]:
        if row[2] == "going":
            going.setdefault(row[0], []).append(row[1])
    for index, row in enumerate(met["meetup"]):
        meetup_id, start, done = row[0], datetime.fromisoformat(row[2]), row[7] == "done"
        address = rng.choice(ADDRESSES)
        notes = rng.choice(NOTES) if done else rng.choice(CANCEL_NOTES)
        met["meetup"][index] = (*row[:5], address, *row[6:8], notes)
        _plan_details(rng, meetup_id, start, going.get(meetup_id, []), done, met)
    plain = [p for p in groups if p.kind != "core" and p.members]
    hosts = sorted(plain, key=lambda p: (-len(p.members), p.index))[:UPCOMING]
    if plain:  # more in a larger community, in groups of any size
        hosts += rng.choices(plain, k=max(0, upcoming - len(hosts)))
    next_id = max((row[0] for row in met["meetup"]), default=0) + 1
    taken: set[tuple[int, int]] = set()
    for number, plan in enumerate(hosts):
        _upcoming(rng, now, plan, next_id + number, number, level, status, first_seen, met, taken)


def _upcoming(
    rng: Random,
    now: datetime,
    plan: GroupPlan,
    meetup_id: int,
    number: int,
    level: Sequence[int],
    status: Sequence[str],
    first_seen: Sequence[datetime],
    met: dict[str, list[Row]],
    taken: set[tuple[int, int]],
) -> None:
    """One upcoming meetup of ``plan`` with its RSVPs; the first one is full, with a waitlist.

    The first ``UPCOMING`` are a week or more apart; any more fall in the next six weeks, one
    a day per group at most (``taken`` holds the group and day of those planned). Each starts
    at 19:00 local on a weekday, 14:00 at the weekend.
    """
    days = 5 + 9 * number + rng.randint(0, 4) if number < UPCOMING else rng.randint(2, 42)
    while (plan.index, days) in taken:
        days += 1
    taken.add((plan.index, days))
    day = clock.local_date(now + timedelta(days=days))
    start = clock.local_at(day, AFTERNOON if day.weekday() >= 5 else EVENING)
    active = [m for m in sorted(plan.members) if status[m] == "active" and first_seen[m] < now]
    active.sort(key=lambda m: (level[m], m))  # helpers first: they come and help
    invited = active[: rng.randint(8, 24)]
    capacity = max(3, len(invited) // 3) if number == 0 else max(10, len(invited))
    kind = ("春季", "周末", "月度", "新人")[number % 4]
    title = f"{plan.city or '本地'}{plan.topic or '群友'}{kind}聚会"
    venue = ("街角咖啡馆", "共享会议室", "社区活动中心", "书店二楼")[number % 4]
    state = "confirmed" if number == 0 else "planned"
    met["meetup"].append((meetup_id, title, _at(start), _at(start + timedelta(hours=3)), venue,
                          rng.choice(ADDRESSES), capacity, state, rng.choice(NOTES)))  # fmt: skip
    met["meetup_group"].append((meetup_id, plan.index + 1))
    moment = now - timedelta(days=rng.uniform(3, 6))
    places = 0
    for m in invited:
        moment += timedelta(minutes=rng.randint(5, 300))
        draw = rng.random()
        rsvp = (
            "going"
            if draw < 0.6
            else "maybe"
            if draw < 0.75
            else "declined"
            if draw < 0.85
            else "invited"
        )
        if rsvp == "going":
            rsvp = "going" if places < capacity else "waitlist"
            places += 1
        met["attendance"].append((meetup_id, m + 1, rsvp, _at(min(moment, now)), None))
    people = [m + 1 for m in invited[:3]]
    _plan_details(rng, meetup_id, start, people, False, met)


def write(met: dict[str, list[Row]], insert: Any) -> None:
    """Insert the meetups, their groups, attendance, agenda, checklist, budget and roles with
    ``insert(table, columns, rows)``."""
    for key, table, columns in TABLES:
        insert(table, columns, met.get(key, []))
