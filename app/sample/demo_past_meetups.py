"""Two years of the sample community's meetups: the larger groups meet now and then.

About one meetup per fifty members (2,000 for the reference load of 100,000), held by the
larger groups in proportion to their size over the last two years, on weekend afternoons or
weekday evenings (14:00 and 19:00 on the machine's clock); a few were cancelled, a few were
held together with a second group. Each group has its regulars (some of its helpers and
active members, who come again and again); the rest are newcomers from the group. Most who
said they would come came. ``merge`` numbers them together with the pyramid's meetups in the
order they happened. Everything is drawn from the ``Random`` handed in.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from random import Random
from typing import Any

from app.core import clock
from app.sample.demo_groups import GroupPlan
from app.sample.demo_words import MEETUP_TITLES, MEETUP_VENUES, SEASON_TITLES

Row = tuple[Any, ...]
MEMBERS_PER_MEETUP = 50
HISTORY_DAYS = 730
MIN_HOST = 40  # members a group needs to hold meetups
CANCELLED = 0.04
JOINT = 0.08  # held with a second group: its core team's group or one of the same city
REGULARS = (3, 5)  # helpers, active members who come to most of a group's meetups
HELPER_LEVEL = 1
AFTERNOON, EVENING = time(14, 0), time(19, 0)  # local: the weekend and the weekday start


def _at(moment: datetime) -> str:
    return str(moment)


def total_for(members: int) -> int:
    """How many meetups a community of ``members`` has held or planned, all told."""
    return max(1, round(members / MEMBERS_PER_MEETUP))


class _Circle:
    """Who comes to a group's meetups: regulars, and the active members newcomers come from."""

    def __init__(
        self, rng: Random, plan: GroupPlan, level: Sequence[int], status: Sequence[str]
    ) -> None:
        self.pool = [m for m in sorted(plan.members) if status[m] == "active"]
        helpers = [m for m in self.pool if level[m] <= HELPER_LEVEL]
        active = [m for m in self.pool if level[m] == HELPER_LEVEL + 1]
        self.regulars = rng.sample(helpers, min(len(helpers), REGULARS[0]))
        self.regulars += rng.sample(active, min(len(active), REGULARS[1]))


def past_meetups(
    rng: Random,
    now: datetime,
    groups: Sequence[GroupPlan],
    level: Sequence[int],
    status: Sequence[str],
    first_seen: Sequence[datetime],
    count: int,
) -> dict[str, list[Row]]:
    """``count`` past meetups with their groups and attendance (ids from 1, by start)."""
    rows: dict[str, list[Row]] = {"meetup": [], "meetup_group": [], "attendance": []}
    hosts = [p for p in groups if p.kind != "core" and len(p.members) >= MIN_HOST]
    if not hosts or count <= 0:
        return rows
    partners: dict[int, list[int]] = {}
    for plan in groups:
        if plan.parent is not None:
            partners.setdefault(plan.parent, []).append(plan.index)
    by_city: dict[str, list[int]] = {}
    for plan in hosts:
        if plan.city:
            by_city.setdefault(plan.city, []).append(plan.index)
    weights = list(itertools.accumulate(len(p.members) for p in hosts))
    circles: dict[int, _Circle] = {}
    picks = rng.choices(hosts, cum_weights=weights, k=count)
    plans = []
    for plan in picks:
        earliest = max(now - timedelta(days=HISTORY_DAYS), plan.created_at + timedelta(days=14))
        latest = now - timedelta(days=2)
        span = max(0.0, (latest - earliest).total_seconds())
        day = clock.local_date(earliest + timedelta(seconds=span * rng.random()))
        if rng.random() < 0.6:  # a Saturday or Sunday afternoon
            back = (day.weekday() - 5) % 7
            day -= timedelta(days=back - 1 if back and rng.random() < 0.5 else back)
            hour = AFTERNOON
        else:  # a weekday evening
            day -= timedelta(days=max(0, day.weekday() - 4))
            hour = EVENING
        start = clock.local_at(day, hour)
        if start > latest:  # a week earlier, at the same local hour (across a DST change too)
            start = clock.local_at(day - timedelta(days=7), hour)
        plans.append((start, plan))
    plans.sort(key=lambda item: (item[0], item[1].index))
    for meetup_id, (start, plan) in enumerate(plans, start=1):
        circle = circles.get(plan.index)
        if circle is None:
            circle = circles[plan.index] = _Circle(rng, plan, level, status)
        _one(rng, meetup_id, start, plan, circle, first_seen, rows)
        others = partners.get(plan.index, []) + by_city.get(plan.city, [])
        others = [g for g in others if g != plan.index]
        if others and rng.random() < JOINT:
            rows["meetup_group"].append((meetup_id, rng.choice(others) + 1))
    return rows


def _one(
    rng: Random,
    meetup_id: int,
    start: datetime,
    plan: GroupPlan,
    circle: _Circle,
    first_seen: Sequence[datetime],
    rows: dict[str, list[Row]],
) -> None:
    """One meetup of ``plan`` at ``start``: its row, its group and who answered and came."""
    words = {"city": plan.city or "本地", "topic": plan.topic or "群友"}
    if rng.random() < 0.25:
        title = rng.choice(SEASON_TITLES[start.month % 12 // 3]).format(**words)
    else:
        title = rng.choice(MEETUP_TITLES).format(**words)
    cancelled = rng.random() < CANCELLED
    people = [m for m in circle.regulars if rng.random() < 0.6]
    people += rng.sample(circle.pool, min(len(circle.pool), rng.randint(4, 14)))
    people = [m for m in dict.fromkeys(people) if first_seen[m] < start]
    if len(people) < 3:  # a young group: those who had joined by then
        joined = [m for m in circle.pool if first_seen[m] < start and m not in people]
        people += rng.sample(joined, min(len(joined), rng.randint(3, 6)))
    capacity = None if rng.random() < 0.2 else (len(people) + rng.randint(5, 20)) // 5 * 5
    rows["meetup"].append((meetup_id, title, _at(start), _at(start + timedelta(hours=3)),
                           rng.choice(MEETUP_VENUES), "", capacity,
                           "cancelled" if cancelled else "done", ""))  # fmt: skip
    rows["meetup_group"].append((meetup_id, plan.index + 1))
    regulars = set(circle.regulars)
    for m in people:
        rsvp_at = start - timedelta(seconds=int(rng.uniform(0.2, 12) * 86_400))
        draw = 0.0 if m in regulars else rng.random()
        rsvp = "going" if draw < 0.8 else "maybe" if draw < 0.92 else "declined"
        attended: bool | None = None
        if cancelled or rsvp == "declined":
            attended = None
        elif rsvp == "going":
            attended = rng.random() < 0.85
        elif rng.random() < 0.35:
            attended = True  # a "maybe" who came after all
        rows["attendance"].append((meetup_id, m + 1, rsvp, _at(rsvp_at), attended))


def merge(first: dict[str, list[Row]], second: dict[str, list[Row]]) -> dict[str, list[Row]]:
    """The meetups of both, numbered from 1 in the order they start (then as they came)."""
    tagged = [(row[2], 0, row) for row in first["meetup"]]
    tagged += [(row[2], 1, row) for row in second["meetup"]]
    tagged.sort(key=lambda item: (item[0], item[1], item[2][0]))
    new_id = {(source, row[0]): number for number, (_, source, row) in enumerate(tagged, 1)}
    merged: dict[str, list[Row]] = {"meetup": [], "meetup_group": [], "attendance": []}
    for _, source, row in tagged:
        merged["meetup"].append((new_id[(source, row[0])], *row[1:]))
    for source, rows in enumerate((first, second)):
        for key in ("meetup_group", "attendance"):
            merged[key].extend((new_id[(source, r[0])], *r[1:]) for r in rows[key])
    merged["meetup_group"].sort(key=lambda r: (r[0], r[1]))
    merged["attendance"].sort(key=lambda r: (r[0], r[1]))
    return merged
