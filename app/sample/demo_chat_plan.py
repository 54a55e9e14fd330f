"""Which group of the sample tells which story in its chat history, and how much each says.

Stories (PRODUCT.md §4b), each in groups old enough to have the 16 weeks a trend needs and
with enough messages for a finding: the groups left to fade (``demo_health``) and a few more
are falling, the first of them collapsing; one hangs on one voice; in one only the operator
talks; several keep soul figures. Silent newcomers and ads left standing are picked later,
from the memberships and violations as written (``demo_chats``). Everyone else talks steadily.

The operator writes in a group on the days the sample has them interacting with it (a topic,
a poll, a share, a welcome): the import counts each such day as an interaction, so the
number of those days is known before the interaction queue is filled.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from random import Random
from typing import Any

from app.sample.demo_chat_window import DAY, Window
from app.sample.demo_groups import GroupPlan

MESSAGES_PER_MEMBER = 20  # 2,000,000 messages for the reference load of 100,000 members
STORY_WEEKLY = 60  # messages a week at least in a group with a story
COLLAPSE, FALLING = 0.12, (0.28, 0.4)  # the last four weeks against the twelve before
MONOLOGUE_SHARE, MONOLOGUE_DAYS = 0.64, 0.75
OPERATOR_KINDS = ("topic", "poll", "share", "welcome")
FADE_QUIET_DAYS = 60  # demo_health.QUIET_DAYS: a faded group's last two months are untouched


class ChatPlan:
    """The stories of the groups and the operator's days in each."""

    def __init__(self, rng: Random, now: datetime, groups: Sequence[GroupPlan]) -> None:
        self.rng, self.now, self.groups = rng, now, groups
        self.win = Window(now)
        self.story: dict[int, str] = {}  # group id -> story
        self.falling: dict[int, float] = {}  # group id -> the last weeks' share of before
        self.operator_days: dict[int, dict[int, int]] = {}  # group id -> local day -> second
        self.monologue_days: set[int] = set()
        self.fade_ids: tuple[int, ...] = ()

    def is_old(self, plan: GroupPlan) -> bool:
        return plan.created_at <= self.now - timedelta(weeks=30)

    @staticmethod
    def archived(plan: GroupPlan) -> bool:
        return plan.kind == "other" and plan.silence >= 8.0  # as demo.group_rows

    def choose(self, fade_ids: Sequence[int]) -> None:
        """Give the groups known from their plans their stories."""
        rng, g = self.rng, len(self.groups)
        for number, gid in enumerate(fade_ids):
            self.story[gid] = "falling"
            self.falling[gid] = COLLAPSE if number == 0 else rng.uniform(*FALLING)
        pool = [p for p in self.groups if self.is_old(p) and not self.archived(p)
                and p.index + 1 not in self.story]  # fmt: skip
        rng.shuffle(pool)

        def take(story: str, count: int, fits: Any) -> list[int]:
            chosen = [p.index + 1 for p in pool if p.index + 1 not in self.story and fits(p)]
            for gid in chosen[:count]:
                self.story[gid] = story
            return chosen[:count]

        take("voice", 1, lambda p: p.kind != "core" and p.silence <= 1.5 and 20 <= p.size <= 800)
        take("monologue", 1, lambda p: p.kind != "core" and p.silence <= 3.0 and p.size >= 20)
        for gid in take(
            "falling", max(1, g // 25), lambda p: p.kind != "core" and p.silence <= 1.5
        ):
            self.falling[gid] = rng.uniform(*FALLING)
        if COLLAPSE not in self.falling.values() and self.falling:
            self.falling[min(self.falling)] = COLLAPSE
        take("soul", max(2, g // 12), lambda p: p.silence <= 1.0 and p.size >= 10)

    def plan_operator(self, interactions: Sequence[tuple[Any, ...]]) -> int:
        """The operator's days in each group, from the sample's interactions (group, member,
        kind, at, note) and the monologue's; returns how many (one interaction each)."""
        win, rng = self.win, self.rng
        fade_cut = self.now - timedelta(days=FADE_QUIET_DAYS)
        faded = set(self.fade_ids)
        for group, member, kind, at, _note in interactions:
            if group is None or member is not None or kind not in OPERATOR_KINDS:
                continue
            moment = datetime.fromisoformat(at)
            t = win.seconds(moment)
            if t < win.start or t > win.now or (group in faded and moment > fade_cut):
                continue
            days = self.operator_days.setdefault(group, {})
            day = win.day_of(t)
            days[day] = max(days.get(day, t), t)
        for gid, story in self.story.items():
            if story != "monologue":
                continue
            plan = self.groups[gid - 1]
            first = win.day_of(max(win.start, win.seconds(plan.created_at)))
            today = win.day_of(win.now)
            days = self.operator_days.setdefault(gid, {})
            for day in range(first, today + 1):
                if rng.random() < MONOLOGUE_DAYS or day >= today - 2:
                    self.monologue_days.add(day)
                    days.setdefault(day, -1)  # -1: a day of talk, not of an interaction
        return sum(len(days) for days in self.operator_days.values())

    def plan(self, fade_ids: Sequence[int], interactions: Sequence[tuple[Any, ...]]) -> int:
        """Stories, then the operator's days; returns the number of the operator's days."""
        self.fade_ids = tuple(fade_ids)
        self.choose(fade_ids)
        return self.plan_operator(interactions)


def budgets(
    rng: Random, total: int, plans: Sequence[GroupPlan], floors: Sequence[int]
) -> list[int]:
    """``total`` messages over the groups: each at least its floor, the rest by size and how
    lively the group is (largest remainder, so they add up to ``total`` exactly)."""
    need = sum(floors)
    if need >= total:
        exact = [f * total / need for f in floors] if need else [0.0] * len(floors)
    else:
        weights = []
        for plan in plans:
            w = max(plan.size, 1) ** 0.9 * plan.silence**-0.6 * rng.lognormvariate(0, 0.4)
            w *= 3.0 if plan.kind == "core" else 0.05 if ChatPlan.archived(plan) else 1.0
            weights.append(w)
        scale = (total - need) / sum(weights)
        exact = [f + w * scale for f, w in zip(floors, weights, strict=True)]
    out = [int(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: exact[i] - out[i], reverse=True)
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def story_floor(win: Window, first: int) -> int:
    """Messages a group with a story needs over its weeks in the window."""
    return int(STORY_WEEKLY * max(0, win.now - first) / (7 * DAY))
