"""A realistic synthetic Chinese community, for trying Huoqun and for the benchmarks.

Everything is drawn from ``random.Random(seed)`` around ``clock.now()``, so one seed and one
"now" give one community. Rows are written with ``executemany`` in chunks inside a single
transaction: a cancel (``progress`` raising ``Cancelled``) or any error leaves the database
exactly as it was. The sample only goes into a database without groups or members.

This module plans the pyramid, the memberships and the history, and writes the rows; people's
names and contacts come from ``demo_people``, groups' names and sizes from ``demo_groups``, the
care of helpers, recent tier moves and a few past meetups from ``demo_pyramid``, two years of
meetups from ``demo_past_meetups`` (about one per fifty members) with their plans and the
upcoming ones from ``demo_meetups``, the rules, violations and bans from ``demo_rules``, the
interaction queue and its year of history from ``demo_tasks`` (tasks and interactions come to
about half the number of members), and the words of all of them from ``demo_words``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from random import Random
from typing import Any

from app.core.bulk_rows import bulk_transaction, run, run_many
from app.core.bulk_rows import insert_into as _insert
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.groups import count_groups
from app.core.members import SEARCH_FIELDS, count_members
from app.core.pinyin import sort_key as member_sort_key
from app.core.progress import Progress
from app.core.search import name_keys, search_keys
from app.memory_release import let_go
from app.sample import (
    demo_chats,
    demo_health,
    demo_meetups,
    demo_past_meetups,
    demo_rules,
    demo_tasks,
)
from app.sample.demo_groups import (
    GroupPlan,
)
from app.sample.demo_plan import CommunityPlan, PhaseReporter
from app.sample.demo_pyramid import HELPER_LEVEL, care_history, meetups, recent_demotion
from app.sample.demo_words import (
    ANNOUNCEMENT,
    ANNOUNCEMENT_EXTRAS,
    BAN_REASONS,
    DEMOTION_REASONS,
    DESCRIPTIONS,
    HELPER_NOTES,
    NICKNAME_RATE,
    PROMOTION_REASONS,
    SPEAK_RATE,
    SPOKE_DAYS,
    STAR_NOTES,
    TOPICS,
)

MAX_MEMBERS = 1_000_000
MAX_GROUPS = 5_000
CHUNK = 5_000  # rows per executemany, and members between progress reports
QUEUE_ROWS_PER_MEMBER = 0.5  # tasks and interactions: 50,000 for 100,000 members
STILL_TO_SWEEP = 3  # banned members still in a group, on average, whatever the community's size


@dataclass(frozen=True)
class DemoSummary:
    """What ``build`` wrote, and how long it took."""

    members: int
    groups: int
    memberships: int
    seconds: float


# Planned as a person's status, leaving and removal are written as the memberships' (the
# person stays "active"): removed where a violation or a done removal task says so, else left.
MEMBERSHIP_STATUS_SQL = (
    "UPDATE membership SET status = CASE WHEN (member_id, group_id) IN (SELECT member_id,"
    " group_id FROM violation WHERE action IN ('removed', 'banned') UNION ALL SELECT member_id,"
    " group_id FROM task WHERE kind = 'spam_sweep' AND status = 'done')"
    " THEN 'removed' ELSE 'left' END WHERE left_at IS NOT NULL",
    "UPDATE member SET status = 'active' WHERE status IN ('left', 'removed')",  # reason kept
)


def build(
    members: int, groups: int, seed: int = 1, progress: Progress | None = None
) -> DemoSummary:
    """Fill the bound, empty database with ``members`` people in ``groups`` groups."""
    if not 1 <= members <= MAX_MEMBERS or not 1 <= groups <= MAX_GROUPS:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A sample community has 1 to {max_members} members and 1 to {max_groups} groups.",
            ),
            max_members=MAX_MEMBERS,
            max_groups=MAX_GROUPS,
        )
    started = time.perf_counter()
    with bulk_transaction():
        _refuse_non_empty()
        tier_ids = [row[0] for row in run("SELECT id FROM tier ORDER BY rank")]
        if len(tier_ids) < 2:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The database has no member tiers to fill.")
            )
        community = _Community(members, groups, tier_ids, Random(seed), PhaseReporter(progress))
        memberships = community.write()
    return DemoSummary(members, groups, memberships, time.perf_counter() - started)


def _refuse_non_empty() -> None:
    group_count = count_groups()
    member_count = count_members()
    if group_count or member_count:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The sample community only goes into an empty database; this one already has "
                "{groups} groups and {members} members. Choose a new file.",
            ),
            groups=group_count,
            members=member_count,
        )


def _at(moment: datetime | None) -> str | None:
    """A datetime as peewee stores it (naive UTC, ISO with a space)."""
    return None if moment is None else str(moment)


class _Community(CommunityPlan):
    """Plans the whole community in memory, then writes it table by table."""

    def group_rows(self) -> list[tuple[Any, ...]]:
        rng = self.rng
        rows = []
        for plan in self.groups:
            name_key = name_keys(plan.name)[0]
            description = ""
            if rng.random() < 0.85:
                parent = self.groups[plan.parent].name if plan.parent is not None else ""
                description = rng.choice(DESCRIPTIONS[plan.kind]).format(
                    city=plan.city, topic=plan.topic or "生活", name=plan.name, parent=parent
                )
            announcement = ""
            if rng.random() < 0.7:
                announcement = ANNOUNCEMENT + rng.choice(ANNOUNCEMENT_EXTRAS)
            platform_id = self.group_namer.platform_id(plan.platform)
            cadence = rng.choice((7, 14, 30)) if rng.random() < 0.4 else None
            archived = plan.kind == "other" and plan.silence >= 8.0
            parent_id = None if plan.parent is None else plan.parent + 1
            rows.append((plan.index + 1, plan.name, name_key, plan.platform, platform_id, plan.kind,
                         parent_id, description, announcement, plan.cap, cadence, archived,
                         _at(plan.created_at)))  # fmt: skip
        return rows

    def people(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every member's row, search text, tags, memberships and history, member by member."""
        rng, make = self.rng, self.people_maker
        groups_of: list[list[GroupPlan]] = [[] for _ in range(self.n)]
        for plan in self.groups:
            for m in plan.members:
                groups_of[m].append(plan)
        rows: dict[str, list[tuple[Any, ...]]] = {
            k: [] for k in ("member", "search", "tag", "membership", "change", "interaction")
        }
        self.first_seen: list[datetime] = []
        for m in range(self.n):
            member_id, level, status = m + 1, self.level[m], self.status[m]
            name = make.person_name()
            sort_key = member_sort_key(name)
            home = self.groups[self.primary[m]].city
            city = (
                home if home and rng.random() < 0.7 else make.city() if rng.random() < 0.6 else ""
            )
            platforms = {p.platform for p in groups_of[m]}
            qq = make.qq() if rng.random() < (0.92 if "qq" in platforms else 0.12) else None
            in_wechat = bool(platforms & {"wechat", "wecom"})
            wechat = make.wechat_id(name) if rng.random() < (0.7 if in_wechat else 0.2) else None
            phone = make.phone() if rng.random() < (0.7 if level <= 1 else 0.2) else None
            email = make.email(qq) if rng.random() < 0.06 else ""
            first_seen, nicknames = self.memberships(
                m, name, city, groups_of[m], rows["membership"]
            )
            self.first_seen.append(first_seen)
            gender = rng.choice(("female", "male")) if rng.random() < 0.4 else ""
            notes = ""
            if self.star[m]:
                notes = rng.choice(STAR_NOTES)
            elif level <= 1 and rng.random() < 0.3:
                notes = rng.choice(HELPER_NOTES)
            reason = rng.choice(BAN_REASONS) if status in ("removed", "banned") else ""
            last_contacted = self.contact(member_id, level, first_seen, rows["interaction"])
            rows["member"].append((member_id, name, sort_key, wechat, qq, phone, email, city,
                                   gender, notes, self.star[m], self.tier_ids[level], status,
                                   reason, _at(first_seen), _at(last_contacted)))  # fmt: skip
            rows["search"].append(
                (member_id, *search_keys(name, nicknames, qq, wechat, phone, email))
            )
            tags = self.tags(level, self.groups[self.primary[m]].tag)
            rows["tag"].extend((member_id, tag) for tag in tags)
            self.tier_history(member_id, level, first_seen, rows["change"])
            if (m + 1) % CHUNK == 0:
                self.reporter.report(m + 1, self.n)
        return rows

    @cached_property
    def sweep_share(self) -> float:
        """The share of the banned still in a group: ``STILL_TO_SWEEP`` of them, at most 5 %."""
        banned = self.status.count("banned")
        return min(0.05, STILL_TO_SWEEP / banned) if banned else 0.0

    def memberships(
        self, m: int, name: str, city: str, groups: list[GroupPlan], out: list[tuple[Any, ...]]
    ) -> tuple[datetime, list[str]]:
        """A member's membership rows, in group order; returns first seen and the 群名片 used."""
        rng, now, status = self.rng, self.now, self.status[m]
        mean_silence = SPOKE_DAYS[min(self.level[m], 3)]
        base_nick = self.people_maker.nickname(name, city)
        nicknames: list[str] = []
        first_seen = now
        removed_from = rng.randrange(len(groups)) if status == "removed" else -1
        # a few of the banned, banned in the last days, are still in one group: a sweep still to
        # do (a diligent operator's few, whatever the size of the community)
        stays = (
            rng.randrange(len(groups))
            if status == "banned" and rng.random() < self.sweep_share
            else -1
        )
        for position, plan in enumerate(groups):
            role = self.roles.get((m, plan.index), "member")
            joined = plan.created_at if role == "owner" else self.between(plan.created_at, now)
            first_seen = min(first_seen, joined)
            left = None
            if (
                status == "left"
                or (status == "banned" and position != stays)
                or position == removed_from
                or (role == "member" and status == "active" and rng.random() < 0.04)
            ):
                left = self.between(joined, now)
            spoke = None
            if rng.random() < SPEAK_RATE[plan.platform]:
                spoke = max(
                    joined, self.days_ago(rng.expovariate(1 / (mean_silence * plan.silence)))
                )
                if left is not None and spoke > left:
                    spoke = self.between(joined, left)
            nickname = ""
            if role != "member" and rng.random() < 0.8:
                nickname = f"{'群主' if role == 'owner' else '管理'}-{name}"
            elif rng.random() < NICKNAME_RATE[plan.platform]:
                nickname = base_nick
            if nickname:
                nicknames.append(nickname)
            out.append((m + 1, plan.index + 1, nickname, role, _at(joined), _at(spoke), _at(left)))
        return first_seen, nicknames

    def tags(self, level: int, group_tag: str) -> list[str]:
        rng = self.rng
        if rng.random() >= (0.7 if level <= 1 else 0.3):
            return []
        picked = set(rng.choices(self.tag_names, cum_weights=self.tag_weights, k=rng.randint(1, 3)))
        if group_tag and rng.random() < 0.5:
            picked.add(group_tag)
        if level <= 1 and rng.random() < 0.4:
            picked.add("志愿者")
        return sorted(picked)

    def contact(
        self, member_id: int, level: int, first_seen: datetime, out: list[tuple[Any, ...]]
    ) -> datetime | None:
        """The operator's check-ins with this member (helpers mostly); returns the last one."""
        return care_history(self.rng, self.now, member_id, level, first_seen, out)

    def tier_history(
        self, member_id: int, level: int, first_seen: datetime, out: list[tuple[Any, ...]]
    ) -> None:
        """Promotions that led to a helper's tier; a few demotions among ordinary members."""
        rng, bottom = self.rng, len(self.tier_ids) - 1
        if level < bottom and (level <= 1 or rng.random() < 0.3):
            moment, current = first_seen, bottom
            for target in range(bottom - 1, level - 1, -1):
                moment = self.between(moment, self.now)
                out.append((member_id, self.tier_ids[current], self.tier_ids[target],
                                _at(moment), rng.choice(PROMOTION_REASONS)))  # fmt: skip
                current = target
        elif level == HELPER_LEVEL + 1 and self.rng.random() < 0.1:
            recent_demotion(rng, self.now, member_id, self.tier_ids, first_seen, out)
        elif level == bottom and bottom >= 1 and rng.random() < 0.02:
            moment = self.between(first_seen, self.now)
            out.append((member_id, self.tier_ids[bottom - 1], self.tier_ids[bottom],
                            _at(moment), rng.choice(DEMOTION_REASONS)))  # fmt: skip

    def group_interactions(self) -> list[tuple[Any, ...]]:
        """A few topics, polls and shares per group, from last week to months ago."""
        rng = self.rng
        rows = []
        for plan in self.groups:
            if plan.silence >= 8.0 and rng.random() < 0.5:
                continue  # never interacted with
            last = self.days_ago(rng.expovariate(1 / (5 * plan.silence)))
            last = max(last, plan.created_at)
            moment = last
            for _ in range(rng.randint(1, 8)):
                note = rng.choice(TOPICS).format(topic=plan.topic or "群", city=plan.city or "本地")
                kind = ("poll" if note.startswith("投票") else "welcome" if note.startswith("欢迎")
                        else "share" if note.startswith("分享") else "topic")  # fmt: skip
                rows.append((plan.index + 1, None, kind, _at(moment), note))
                moment = max(plan.created_at, moment - timedelta(days=rng.uniform(3, 30)))
        return rows

    def write_meetups(self) -> None:
        """The pyramid's meetups, two years of others, upcoming ones, and all their plans."""
        met = meetups(self.rng, self.now, self.groups, self.level, self.status, self.first_seen)
        meetup_rng = Random(str(self.rng.getstate()[1][:8]))  # its own stream: the rest unchanged
        total = demo_past_meetups.total_for(self.n)
        upcoming = demo_meetups.UPCOMING + total // 100
        history = demo_past_meetups.past_meetups(
            meetup_rng, self.now, self.groups, self.level, self.status, self.first_seen,
            total - len(met["meetup"]) - upcoming,
        )  # fmt: skip
        met = demo_past_meetups.merge(met, history)
        self.reporter.report(1, 3)
        demo_meetups.complete(meetup_rng, self.now, self.groups, self.level, self.status,
                              self.first_seen, met, upcoming)  # fmt: skip
        demo_meetups.write(met, _insert)

    def write(self) -> int:
        """Plan everything, then insert it; returns the number of memberships."""
        reporter = self.reporter
        reporter.phase(10)
        self.plan_members()
        self.plan_groups()
        reporter.phase(30)
        self.plan_memberships()
        reporter.phase(390)
        rows = self.people()
        rows["interaction"].extend(self.group_interactions())
        rows["membership"].sort(key=lambda r: (r[0], r[1]))
        reporter.phase(10)
        _insert("chat_group", ("id", "name", "sort_key", "platform", "platform_id", "kind",
                               "parent", "description", "announcement", "member_cap",
                               "cadence_days", "archived", "created_at"),
                self.group_rows())  # fmt: skip
        reporter.phase(80)
        _insert("member", ("id", "name", "sort_key", "wechat_id", "qq", "phone", "email", "city",
                           "gender", "notes", "star", "tier", "status", "status_reason",
                           "first_seen", "last_contacted"),
                rows["member"], reporter.report)  # fmt: skip
        reporter.phase(15)
        _insert("member_search", [f.name for f in SEARCH_FIELDS], rows["search"], reporter.report)
        reporter.phase(100)
        _insert("membership", ("member", "group", "nickname", "role", "joined_at", "last_spoke_at",
                               "left_at"), rows["membership"], reporter.report)  # fmt: skip
        reporter.phase(30)
        _insert("member_tag", ("member", "tag"), rows["tag"], reporter.report)
        _insert("tier_change", ("member", "from_tier", "to_tier", "at", "reason"), rows["change"])
        _insert("interaction", ("group", "member", "kind", "at", "note"), rows["interaction"])
        reporter.phase(35)
        self.write_meetups()
        reporter.phase(60)
        moderation = demo_rules.moderation(
            self.rng, self.now, self.groups, self.level, rows["member"], rows["membership"]
        )
        reporter.report(3, 4)
        for key, table, columns in demo_rules.TABLES:
            _insert(table, columns, moderation[key])
        run_many(demo_rules.REMOVAL_SQL, moderation["removal"])
        run(demo_rules.DONE_SWEEPS_SQL)
        reporter.phase(40)
        chats = demo_chats.SampleChats(Random(f"chats {self.rng.getstate()[1][:8]}"), self.now,
                                       self.groups, self.level, self.star, self.n)  # fmt: skip
        # the operator's days in the chats are interactions too: they count in the queue's
        chat_days = chats.plan_days([row[0] for row in run(demo_health.FADE_SQL)],
                                    rows["interaction"])  # fmt: skip
        task_rng = Random(f"tasks {self.rng.getstate()[1][:8]}")  # its own stream, as meetups
        written = sum(len(moderation[key]) for key in ("task", "interaction")) + chat_days
        written += len(rows["interaction"]) + sum(row[7] == "done" for row in moderation["task"])
        budget = round(self.n * QUEUE_ROWS_PER_MEMBER) - written
        demo_tasks.write(task_rng, self.now, self.groups, self.helpers, _insert, budget,
                         reporter.report)  # fmt: skip
        demo_health.let_some_groups_fade(self.now)
        for sql in MEMBERSHIP_STATUS_SQL:
            run(sql)
        reporter.phase(200)
        chats.write(reporter.report)
        reporter.report(1, 1)
        count = len(rows["membership"])
        let_go(*rows.values())  # not a million objects freed at once: see memory_release
        return count
