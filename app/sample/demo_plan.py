"""The sample community planned in memory before it is written (see ``demo``): who is in which
tier, which groups there are, who is in which group, and who helps run each one."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from random import Random

from app.core import clock
from app.core.progress import Progress
from app.sample.demo_groups import (
    GroupNamer,
    GroupPlan,
    apportion,
    core_group_size,
    plain_group_sizes,
)
from app.sample.demo_people import PeopleMaker
from app.sample.demo_words import (
    CAPS,
    GROUP_KINDS_BY_PLATFORM,
    PLATFORM_SHARE,
    TAGS,
    TIER_SHARE,
    TIER_WEIGHT,
)

MEMBERSHIPS_PER_MEMBER = 2.5
DAY = 86_400


class PhaseReporter:
    """``progress(done, 1000)`` across phases that each get a share of the thousand."""

    TOTAL = 1000

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self._start = 0
        self._share = 0

    def phase(self, share: int) -> None:
        self._start += self._share
        self._share = share
        self.report(0, 1)

    def report(self, done: int, total: int) -> None:
        if self._progress is not None:
            part = self._share * done // total if total else self._share
            self._progress(min(self._start + part, self.TOTAL), self.TOTAL)


class CommunityPlan:
    """The whole community planned in memory: members, groups, memberships, staff."""

    def __init__(
        self, n: int, g: int, tier_ids: list[int], rng: Random, reporter: PhaseReporter
    ) -> None:
        self.n = n
        self.g = g
        self.tier_ids = tier_ids
        self.rng = rng
        self.reporter = reporter
        self.now = clock.now().replace(microsecond=0)
        self.tag_names = [t[0] for t in TAGS]
        self.tag_weights = list(itertools.accumulate(t[1] for t in TAGS))
        self.people_maker = PeopleMaker(rng)
        self.group_namer = GroupNamer(rng, self.people_maker.city)

    # --- random helpers -------------------------------------------------------------

    def days_ago(self, days: float) -> datetime:
        return self.now - timedelta(seconds=int(days * DAY))

    def between(self, start: datetime, end: datetime) -> datetime:
        span = max(0, int((end - start).total_seconds()))
        return start + timedelta(seconds=int(span * self.rng.random()))

    # --- members: tiers, status, popularity ------------------------------------------

    def plan_members(self) -> None:
        rng, n = self.rng, self.n
        levels = len(self.tier_ids)
        counts = [max(1, round(n * share)) for share in TIER_SHARE[: levels - 1]]
        while sum(counts) > n - 1 and any(counts):
            counts[max(range(len(counts)), key=counts.__getitem__)] -= 1
        order = list(range(n))
        rng.shuffle(order)
        self.level = [levels - 1] * n
        position = 0
        for level, count in enumerate(counts):
            for m in order[position : position + count]:
                self.level[m] = level
            position += count
        self.star = [rng.random() < 0.01 for _ in range(n)]
        self.status = []
        for m in range(n):
            roll = rng.random()
            if self.level[m] <= 1 or self.star[m] or roll < 0.88:
                self.status.append("active")
            else:
                self.status.append(
                    "left" if roll < 0.95 else "removed" if roll < 0.985 else "banned"
                )
        weights = []
        for m in range(n):
            weight = TIER_WEIGHT[min(self.level[m], 3)] * rng.lognormvariate(0, 0.7)
            weights.append(weight * (3 if self.star[m] else 1))
        self.popularity = list(itertools.accumulate(weights))
        self.helpers = [m for m in range(n) if self.level[m] <= 1 and self.status[m] == "active"]
        active = [m for m in range(n) if self.status[m] == "active"] or [0]
        self.top = [m for m in self.helpers if self.level[m] == 0] or self.helpers or active

    # --- groups ------------------------------------------------------------------------

    def plan_groups(self) -> None:
        rng = self.rng
        n_core = self.g // 6
        n_plain = self.g - n_core
        platforms = apportion(PLATFORM_SHARE, n_plain)
        rng.shuffle(platforms)
        self.groups: list[GroupPlan] = []
        namer = self.group_namer
        for index, platform in enumerate(platforms):
            kinds = GROUP_KINDS_BY_PLATFORM[platform]
            kind = rng.choices(list(kinds), weights=list(kinds.values()))[0]
            name, city, topic, tag = namer.group_name(kind, platform)
            created = self.days_ago(rng.uniform(30, 3 * 365))
            self.groups.append(
                GroupPlan(index, name, platform, kind, city, topic, tag, created, CAPS[platform])
            )
        target = round(self.n * MEMBERSHIPS_PER_MEMBER)
        sizes = plain_group_sizes(rng, self.groups, self.n, self.g, target)
        for plan, size in zip(self.groups, sizes, strict=True):
            plan.size = size
        by_size = sorted(self.groups, key=lambda p: (-p.size, p.index))
        parents = by_size[: max(1, len(by_size) * 2 // 5)]
        for number in range(n_core):
            parent = parents[number % len(parents)]
            platform = parent.platform if parent.platform in ("wechat", "qq") else "wechat"
            name = namer.core_name(parent.name)
            created = self.between(parent.created_at, self.now - timedelta(days=7))
            plan = GroupPlan(len(self.groups), name, platform, "core", parent.city, parent.topic,
                             parent.tag, created, CAPS[platform], parent=parent.index)  # fmt: skip
            plan.size = core_group_size(parent.size, rng.randint(25, 80))
            self.groups.append(plan)
        for plan in self.groups:
            plan.silence = rng.choice((0.3, 0.6, 1.0, 1.0, 1.5, 3.0, 8.0))

    # --- memberships -------------------------------------------------------------------

    def plan_memberships(self) -> None:
        rng, n = self.rng, self.n
        plain = [p for p in self.groups if p.kind != "core"]
        slots = [p.index for p in plain for _ in range(p.size)]
        while len(slots) < n:
            slots.extend(p.index for p in plain)
        rng.shuffle(slots)
        self.primary = slots[:n]
        for m, index in enumerate(self.primary):
            self.groups[index].members.add(m)
        population = range(n)
        for count, plan in enumerate(plain):
            need = min(plan.size, n) - len(plan.members)
            if need > (n - len(plan.members)) // 2:  # nearly everyone: sampling would crawl
                outside = [m for m in population if m not in plan.members]
                plan.members.update(rng.sample(outside, need))
                need = 0
            while need > 0:
                for m in rng.choices(
                    population, cum_weights=self.popularity, k=need + need // 4 + 8
                ):
                    if m not in plan.members:
                        plan.members.add(m)
                        need -= 1
                        if not need:
                            break
            self.reporter.report(count + 1, len(self.groups))
        self.roles: dict[tuple[int, int], str] = {}
        for plan in plain:
            self.staff(plan)
        for plan in self.groups:
            if plan.kind == "core":
                self.staff_core(plan)
        self.reporter.report(1, 1)

    def staff(self, plan: GroupPlan) -> None:
        """An owner from the top tier and a few admins, about 70 % of them helpers."""
        rng = self.rng
        plan.owner = rng.choice(self.top)
        plan.members.add(plan.owner)
        self.roles[(plan.owner, plan.index)] = "owner"
        wanted = min(8, max(1, len(plan.members) // 200)) + rng.randint(0, 1)
        helpers = [m for m in self.helpers if m in plan.members and m != plan.owner]
        rng.shuffle(helpers)
        admins = helpers[: (wanted * 7 + 9) // 10]
        if not admins and len(self.helpers) > 1:  # a helper joins to look after the group
            admins.append(rng.choice([h for h in self.helpers if h != plan.owner]))
        actives = [
            m for m in sorted(plan.members) if self.level[m] == 2 and self.status[m] == "active"
        ]
        admins.extend(rng.sample(actives, max(0, min(len(actives), wanted - len(admins)))))
        for m in dict.fromkeys(admins):
            if m != plan.owner:
                plan.members.add(m)
                plan.admins.append(m)
                self.roles[(m, plan.index)] = "admin"

    def staff_core(self, plan: GroupPlan) -> None:
        """A core group: the parent's owner and admins, then helpers and actives from the parent."""
        rng = self.rng
        parent = self.groups[plan.parent] if plan.parent is not None else plan
        plan.owner = parent.owner
        self.roles[(plan.owner, plan.index)] = "owner"
        plan.members.add(plan.owner)
        for m in parent.admins[: rng.randint(1, 2)]:
            plan.admins.append(m)
            self.roles[(m, plan.index)] = "admin"
        plan.members.update(parent.admins)
        pool = [m for m in self.helpers if m in parent.members]
        pool += [
            m for m in sorted(parent.members) if self.level[m] == 2 and self.status[m] == "active"
        ]
        for m in pool:
            if len(plan.members) >= plan.size:
                break
            plan.members.add(m)

    # --- rows ----------------------------------------------------------------------------
