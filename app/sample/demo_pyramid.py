"""The sample community's pyramid over time: care for helpers, recent moves, a few meetups.

The operator's check-ins and recognitions of the top two tiers go back a few months, most of
them on time and some overdue; some helpers were demoted lately; a few past meetups have
regulars who attended more than once, so the Pyramid panel has candidates to suggest.
Everything is drawn from the ``Random`` handed in, in call order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from random import Random
from typing import Any

from app.core import clock
from app.sample.demo_groups import GroupPlan
from app.sample.demo_past_meetups import AFTERNOON, EVENING
from app.sample.demo_words import (
    CHECKIN_NOTES,
    DEMOTION_REASONS,
    MEETUP_TITLES,
    MEETUP_VENUES,
    PROMOTION_REASONS,
    RECOGNITION_NOTES,
)

Row = tuple[Any, ...]
HELPER_LEVEL = 1  # the second tier (index from the top)
# level -> (chance the operator talks with them at all, mean days since the last talk, cadence)
CARE = {0: (0.97, 5.0, 7), 1: (0.95, 9.0, 14)}
ACTIVE_CONTACT = (0.06, 45.0)  # the tier below the helpers: now and then
RECENT_DEMOTION = 0.1  # of the tier below the helpers without other history
MEETUP_REGULARS = 10


def _at(moment: datetime | None) -> str | None:
    return None if moment is None else str(moment)


def _between(rng: Random, start: datetime, end: datetime) -> datetime:
    span = max(0, int((end - start).total_seconds()))
    return start + timedelta(seconds=int(span * rng.random()))


def care_history(
    rng: Random, now: datetime, member_id: int, level: int, first_seen: datetime, out: list[Row]
) -> datetime | None:
    """Check-ins (and some recognition) with one member; returns when they were last contacted."""
    if level not in CARE:
        chance, mean = ACTIVE_CONTACT if level == HELPER_LEVEL + 1 else (0.0, 1.0)
        if rng.random() >= chance:
            return None
        when = max(first_seen, now - timedelta(days=rng.expovariate(1 / mean)))
        out.append((None, member_id, "checkin", _at(when), CHECKIN_NOTES[0]))
        return when
    chance, mean, cadence = CARE[level]
    if rng.random() >= chance:
        return None
    last = max(first_seen, now - timedelta(seconds=int(rng.expovariate(1 / mean) * 86_400)))
    moment = last
    for _ in range(rng.randint(1, 5)):
        out.append((None, member_id, "checkin", _at(moment), rng.choice(CHECKIN_NOTES)))
        moment -= timedelta(seconds=int(cadence * rng.uniform(0.6, 1.8) * 86_400))
        if moment < first_seen:
            break
    if rng.random() < 0.45:
        when = _between(rng, max(first_seen, now - timedelta(days=150)), last)
        how, text = rng.choice(RECOGNITION_NOTES)
        out.append((None, member_id, "recognition", _at(when), f"[{how}] {text}"))
    return last


def recent_demotion(
    rng: Random,
    now: datetime,
    member_id: int,
    tier_ids: Sequence[int],
    first_seen: datetime,
    out: list[Row],
) -> None:
    """A member of the tier below the helpers who was a helper until lately."""
    bottom = len(tier_ids) - 1
    down = now - timedelta(seconds=int(rng.uniform(0, 100) * 86_400))
    up = _between(rng, first_seen, max(first_seen, down - timedelta(days=60)))
    out.append((member_id, tier_ids[bottom], tier_ids[HELPER_LEVEL], _at(up),
                rng.choice(PROMOTION_REASONS)))  # fmt: skip
    out.append((member_id, tier_ids[HELPER_LEVEL], tier_ids[HELPER_LEVEL + 1], _at(max(up, down)),
                rng.choice(DEMOTION_REASONS)))  # fmt: skip


def meetups(
    rng: Random,
    now: datetime,
    groups: Sequence[GroupPlan],
    level: Sequence[int],
    status: Sequence[str],
    first_seen: Sequence[datetime],
) -> dict[str, list[Row]]:
    """A few past meetups of the larger groups, each with its regulars and some newcomers."""
    count = max(2, len(groups) // 8)
    hosts = sorted(
        (p for p in groups if p.kind != "core" and len(p.members) >= 40),
        key=lambda p: (-len(p.members), p.index),
    )[: max(1, count // 3)]
    rows: dict[str, list[Row]] = {"meetup": [], "meetup_group": [], "attendance": []}
    if not hosts:
        return rows
    regulars, others = {}, {}
    for plan in hosts:
        active = [m for m in sorted(plan.members) if status[m] == "active"]
        below = [m for m in active if level[m] == HELPER_LEVEL + 1]
        helpers = [m for m in active if level[m] <= HELPER_LEVEL]
        picked = rng.sample(below, min(len(below), MEETUP_REGULARS - 2))
        picked += rng.sample(helpers, min(len(helpers), 2))
        regulars[plan.index] = picked
        others[plan.index] = active
    for number in range(count):
        plan = hosts[number % len(hosts)]
        meetup_id = number + 1
        day = clock.local_date(now - timedelta(days=rng.uniform(14, 300)))
        start = clock.local_at(day, AFTERNOON if day.weekday() >= 5 else EVENING)
        title = rng.choice(MEETUP_TITLES).format(city=plan.city, topic=plan.topic or "群友")
        people = [m for m in regulars[plan.index] if rng.random() < 0.75]
        pool = others[plan.index]
        people += rng.sample(pool, min(len(pool), rng.randint(3, 12)))
        people = [m for m in dict.fromkeys(people) if first_seen[m] < start]
        capacity = max(20, len(people) + rng.randint(0, 10))
        rows["meetup"].append((meetup_id, title, _at(start), _at(start + timedelta(hours=3)),
                               rng.choice(MEETUP_VENUES), "", capacity, "done", ""))  # fmt: skip
        rows["meetup_group"].append((meetup_id, plan.index + 1))
        for m in people:
            rsvp_at = start - timedelta(seconds=int(rng.uniform(1, 10) * 86_400))
            attended = rng.random() < 0.85
            rows["attendance"].append((meetup_id, m + 1, "going", _at(rsvp_at), attended))
    return rows
