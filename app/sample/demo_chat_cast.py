"""Who is in each group's chat history: the memberships as written, their stays within the 26
weeks, who speaks and how much, the newcomers, and the ads some members posted.

A member speaks in the history when the sample had them speak within it (their last-spoke
date falls in the 26 weeks); newcomers mostly speak (a group whose newcomers stay silent is a
story of its own). Ads: the messages behind the violations of the advertising and fraud rules
(each sent shortly before its violation was logged), and in a few groups ads posted in the
last two weeks by members nobody logged a violation for: ads left standing.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from random import Random
from typing import Any

from app.core.bulk_rows import run
from app.sample.demo_chat_plan import ChatPlan, story_floor
from app.sample.demo_chat_window import DAY, Window
from app.sample.demo_chat_words import ADS, RULE_ADS, SPAM_SITES
from app.sample.demo_groups import GroupPlan

ACTIVITY = (5.0, 3.5, 1.6, 0.5)  # how much a member talks, by tier (the lowest three alike)
STAFF = ("owner", "admin")
NEWCOMER_DAYS = 90
NEWCOMERS_SPEAKING = 0.3  # at least, where newcomers are no story
SILENT_NEWCOMERS_SPEAKING = 0.1  # at most, in the group whose newcomers stay silent
ADS_DAYS = 13


@dataclass
class Cast:
    """One group's people in its chat history (an entry per membership)."""

    gid: int
    name: str
    platform: str
    chat_id: str
    created: int
    member_ids: list[int] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    joined: list[str | None] = field(default_factory=list)
    left: list[str | None] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    spoke: list[str | None] = field(default_factory=list)
    spoke_at: list[int | None] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    speakers: list[int] = field(default_factory=list)
    newcomers: list[int] = field(default_factory=list)
    ads: list[tuple[int, int, str]] = field(default_factory=list)  # entry, second, text
    start: int = 0  # where the history begins (seconds of the window)
    now: int = 0

    def stays(self, e: int, since: int) -> bool:
        """Whether entry ``e`` was in the group from ``since`` on and still is."""
        a, b = self.spans[e]
        return a <= since and b > self.now

    def spoke_before(self, e: int) -> bool:
        at = self.spoke_at[e]
        return at is not None and at < self.start

    def floor(self, win: Window, story: str) -> int:
        """The fewest messages the group can have: one per speaker, the fixed ones, and enough
        for a finding when it has a story."""
        need = len(self.speakers) + len(self.ads) + 8
        return need + (story_floor(win, max(self.created, win.start)) if story else 0)

    def events(self, win: Window) -> list[tuple[Any, ...]]:
        """Joins and leaves within the history: (group, member, kind, at, key)."""
        out = []
        for e, member in enumerate(self.member_ids):
            a, b = self.spans[e]
            joined, left = self.joined[e], self.left[e]
            if joined is not None and self.roles[e] != "owner" and a > win.start:
                out.append((self.gid, member, "join", joined, f"join-{member}-{a}"))
            if left is not None and b <= win.now:
                kind = "removed" if self.status[e] == "removed" else "leave"
                out.append((self.gid, member, kind, left, f"{kind}-{member}-{b}"))
        return out


def _seconds(win: Window, text: str | None) -> int | None:
    return None if text is None else win.seconds(datetime.fromisoformat(text))


def cast_group(
    rng: Random, win: Window, groups: Sequence[GroupPlan], plan: ChatPlan,
    level: Sequence[int], star: Sequence[bool],
) -> list[Cast]:  # fmt: skip
    """Every group's cast, read from the memberships as written; picks the group of silent
    newcomers and those with ads standing (into ``plan.story``)."""
    casts = []
    for gid, name, platform, chat_id, created in run(
        "SELECT id, name, platform, platform_id, created_at FROM chat_group ORDER BY id"
    ):
        first = max(_seconds(win, created) or 0, win.start)
        casts.append(Cast(gid, name, platform, chat_id or "", first, start=win.start, now=win.now))
    by_id = {c.gid: c for c in casts}
    end = win.now + 1
    newcomer_since = win.now - NEWCOMER_DAYS * DAY
    origin = calendar.timegm(win.origin.timetuple())
    for member, gid, role, joined, left, spoke, status, joined_at, left_at, spoke_at in run(
        "SELECT member_id, group_id, role, joined_at, left_at, last_spoke_at, status,"
        " CAST(strftime('%s', joined_at) AS INTEGER) - ?1,"
        " CAST(strftime('%s', left_at) AS INTEGER) - ?1,"
        " CAST(strftime('%s', last_spoke_at) AS INTEGER) - ?1"
        " FROM membership ORDER BY group_id, member_id",
        (origin,),
    ):
        cast = by_id[gid]
        if joined_at is None:
            joined_at = cast.created
        span = (max(joined_at, cast.created), end if left_at is None else min(left_at, end))
        e = len(cast.member_ids)
        cast.member_ids.append(member)
        cast.roles.append(role)
        cast.spans.append(span)
        cast.joined.append(joined)
        cast.left.append(left)
        cast.status.append(status)
        cast.spoke.append(spoke)
        cast.spoke_at.append(spoke_at)
        weight = ACTIVITY[min(level[member - 1], 3)] * rng.lognormvariate(0, 0.9)
        weight *= (2.5 if star[member - 1] else 1.0) * (1.5 if role in STAFF else 1.0)
        cast.weights.append(weight)
        if span[0] >= span[1]:
            continue
        if spoke_at is not None and spoke_at >= win.start:
            cast.speakers.append(e)
        if joined_at >= newcomer_since and left_at is None and role not in STAFF:
            cast.newcomers.append(e)
    _newcomers(rng, casts, groups, plan)
    _ads(rng, win, casts, groups, plan)
    return casts


def _open(plan: ChatPlan, groups: Sequence[GroupPlan], cast: Cast) -> bool:
    """A group with no story yet, old enough, not a core team's, not archived."""
    group = groups[cast.gid - 1]
    return (cast.gid not in plan.story and plan.is_old(group) and group.kind != "core"
            and not plan.archived(group))  # fmt: skip


def _newcomers(rng: Random, casts: list[Cast], groups: Sequence[GroupPlan], plan: ChatPlan) -> None:
    open_ = [c for c in casts if _open(plan, groups, c) and len(c.newcomers) >= 10]
    silent = max(open_, key=lambda c: (len(c.newcomers), -c.gid), default=None)
    if silent is not None:
        plan.story[silent.gid] = "newcomers"
    for cast in casts:
        newcomers = set(cast.newcomers)
        speaking = [e for e in cast.speakers if e in newcomers]
        if cast is silent:
            keep = set(rng.sample(speaking, min(len(speaking),
                       int(SILENT_NEWCOMERS_SPEAKING * len(newcomers)))))  # fmt: skip
            cast.speakers = [e for e in cast.speakers if e not in newcomers or e in keep]
        elif len(newcomers) >= 10:
            want = math.ceil(NEWCOMERS_SPEAKING * len(newcomers)) - len(speaking)
            spoken = set(speaking)
            quiet = [e for e in cast.newcomers if e not in spoken]
            cast.speakers.extend(rng.sample(quiet, max(0, min(want, len(quiet)))))


def _ad_text(rng: Random, templates: Sequence[str]) -> str:
    return rng.choice(templates).format(
        wx=f"{rng.choice(('vx', 'wx', 'fl', 'yhq'))}{rng.randint(10000, 99999999)}",
        site=rng.choice(SPAM_SITES), code=f"{rng.getrandbits(24):06x}",
        phone=f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10**7, 10**8 - 1)}",
        qq=str(rng.randint(10**8, 10**10 - 1)),
    )  # fmt: skip


def _ads(
    rng: Random, win: Window, casts: list[Cast], groups: Sequence[GroupPlan], plan: ChatPlan
) -> None:
    violations: dict[int, list[tuple[int, int | None, int]]] = {}
    for member, gid, rule, at in run("SELECT member_id, group_id, rule_id, at FROM violation"):
        t = _seconds(win, at)
        assert t is not None
        violations.setdefault(gid, []).append((member, rule, t))
    for cast in casts:  # what the advertisers said before their violation was logged
        entry = {m: e for e, m in enumerate(cast.member_ids)}
        for member, rule, t in violations.get(cast.gid, ()):
            e = entry.get(member)
            if rule not in RULE_ADS or e is None or cast.roles[e] in ("owner", "admin"):
                continue
            sent = t - rng.randint(300, 3 * 3600)
            a, b = cast.spans[e]
            if sent >= max(a, win.start) and sent < b:
                cast.ads.append((e, sent, _ad_text(rng, RULE_ADS[rule])))
    wanted = 2 if len(casts) < 100 else 3
    open_ = [c for c in casts if _open(plan, groups, c)]
    rng.shuffle(open_)
    for cast in open_:
        if wanted == 0:
            break
        logged = {m for m, _r, _t in violations.get(cast.gid, ())}
        since = win.now - ADS_DAYS * DAY
        senders = [e for e, m in enumerate(cast.member_ids)
                   if cast.roles[e] == "member" and cast.status[e] == "active" and m not in logged
                   and cast.spans[e][1] > win.now and cast.spans[e][0] < since]  # fmt: skip
        if not senders:
            continue
        plan.story[cast.gid] = "ads"
        wanted -= 1
        for e in rng.sample(senders, min(len(senders), rng.randint(1, 3))):
            for _ in range(rng.randint(1, 2)):
                sent = win.now - rng.randint(3600, ADS_DAYS * DAY)
                cast.ads.append((e, sent, _ad_text(rng, ADS)))
