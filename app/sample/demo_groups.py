"""The sample community's groups: the plan of each, their names and numbers, and their sizes.

Everything is drawn from the one ``random.Random`` handed in, in call order, so one seed gives one
set of groups. No two groups share a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from random import Random

from app.sample.demo_words import (
    CITIES,
    CORE_SUFFIXES,
    ENGLISH_GROUP_NAMES,
    GAMES,
    GROUP_NAMES,
    GUILDS,
    HOBBIES,
    PRODUCTS,
    STARS,
    TAG_BY_SLOT,
    TAGS,
    TEAMS,
    UNIVERSITIES,
)


@dataclass
class GroupPlan:
    """One group as planned in memory, before it is written: what it is about and who is in it."""

    index: int
    name: str
    platform: str
    kind: str
    city: str
    topic: str
    tag: str
    created_at: datetime
    cap: int | None
    parent: int | None = None
    size: int = 0
    members: set[int] = field(default_factory=set)
    owner: int = -1
    admins: list[int] = field(default_factory=list)
    silence: float = 1.0


class GroupNamer:
    """Names groups as real operators do, each name once, and gives them platform numbers."""

    def __init__(self, rng: Random, city: Callable[[], str]) -> None:
        self.rng = rng
        self.city = city
        self.tag_names = [t[0] for t in TAGS]
        self.city_en = {c[0]: c[1] for c in CITIES}
        self.names: set[str] = set()

    def unique_name(self, name: str) -> str:
        """``name``, or ``name（2）``, ``name（3）``… if it is taken; the result is taken then."""
        candidate, number = name, 2
        while candidate in self.names:
            candidate = f"{name}（{number}）"
            number += 1
        self.names.add(candidate)
        return candidate

    def group_name(self, kind: str, platform: str) -> tuple[str, str, str, str]:
        """A name like a real group's, and the city, topic and member tag it is about."""
        rng = self.rng
        templates = GROUP_NAMES[kind]
        if platform in ("telegram", "discord") and kind == "interest" and rng.random() < 0.4:
            templates = ENGLISH_GROUP_NAMES
        template = rng.choice(templates)
        hobby, hobby_en = rng.choice(HOBBIES)
        city = self.city()
        words = {
            "city": city, "city_en": self.city_en[city], "n": rng.randint(1, 9), "hobby": hobby,
            "hobby_en": hobby_en or "Python", "game": rng.choice(GAMES), "team": rng.choice(TEAMS),
            "star": rng.choice(STARS), "product": rng.choice(PRODUCTS),
            "univ": rng.choice(UNIVERSITIES), "year": rng.randint(2008, 2022),
            "guild": rng.choice(GUILDS),
        }  # fmt: skip
        name = template.format(**words)
        slot = re.search(r"\{(hobby|game|team|star|product|univ|guild)", template)
        topic = str(words[slot.group(1)]) if slot else ""
        tag = next(
            (t for t in self.tag_names if t in name),
            TAG_BY_SLOT.get(slot.group(1), "") if slot else "",
        )
        return self.unique_name(name), city if "{city" in template else "", topic, tag

    def core_name(self, parent_name: str) -> str:
        """The name of the core team's group behind the group called ``parent_name``."""
        base = re.sub(r"(\d*群|交流群|俱乐部)$", "", parent_name) or parent_name
        return self.unique_name(base + self.rng.choice(CORE_SUFFIXES))

    def platform_id(self, platform: str) -> str:
        """The group's number on ``platform`` (QQ group, chatroom, chat or server id), or ""."""
        rng = self.rng
        if platform == "qq":
            return str(rng.randint(10**7, 10**10 - 1))
        if platform == "wechat" and rng.random() < 0.5:
            return f"{rng.randint(10**10, 10**11 - 1)}@chatroom"
        if platform == "telegram":
            return f"-100{rng.randint(10**9, 10**10 - 1)}"
        if platform == "discord":
            return str(rng.randint(10**17, 10**18 - 1))
        return ""


def core_group_size(parent_size: int, divisor: int) -> int:
    """How many a core group holds for a parent of ``parent_size``: a few, at most 60."""
    return min(60, 5 + parent_size // divisor)


def plain_group_sizes(
    rng: Random, plans: Sequence[GroupPlan], members: int, groups: int, target: int
) -> list[int]:
    """Skewed sizes adding up to ``target``: many groups full, some young and small.

    ``plans`` are the plain groups; ``groups`` counts the core groups too, whose share of
    ``target`` is set aside first.
    """
    n = members
    target -= sum(core_group_size(target // max(1, groups), 40) for _ in range(groups // 6))
    weights, caps = [], []
    for plan in plans:
        factor = {"fan": 1.5, "customers": 1.2, "other": 0.6}.get(plan.kind, 1.0)
        weights.append(rng.lognormvariate(0, 1.0) * factor)
        # the cap counts those still in the group: about 1 in 12 memberships has ended
        cap = int(plan.cap * 1.08) if plan.cap is not None else max(2000, n // 6)
        if rng.random() < 0.2:
            cap = max(3, int(cap * rng.uniform(0.05, 0.8)))  # a young group, not full yet
        caps.append(min(cap, n))
    target = max(target, n)
    if sum(caps) <= target:  # caps respected loosely: overfill in proportion
        sizes = [min(n, round(c * target / sum(caps))) for c in caps]
    else:
        low, high = 0.0, float(target)
        for _ in range(60):
            middle = (low + high) / 2
            total = sum(min(c, max(3.0, middle * w)) for c, w in zip(caps, weights, strict=True))
            low, high = (middle, high) if total < target else (low, middle)
        sizes = [min(c, max(3, round(high * w))) for c, w in zip(caps, weights, strict=True)]
    return [min(n, size) for size in sizes]


def apportion(shares: Sequence[tuple[str, int]], count: int) -> list[str]:
    """``count`` items split by ``shares`` (largest remainder), so small counts keep the mix."""
    total = sum(weight for _, weight in shares)
    exact = [(key, count * weight / total) for key, weight in shares]
    result = {key: int(value) for key, value in exact}
    by_remainder = sorted(exact, key=lambda kv: kv[1] - int(kv[1]), reverse=True)
    for key, _ in by_remainder[: count - sum(result.values())]:
        result[key] += 1
    return [key for key, _ in shares for _ in range(result[key])]
