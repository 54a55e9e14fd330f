"""The sample community's moderation: a rule library, its adoption, a year of violations, bans.

Most groups (never all) adopt the two core rules and a varying choice of the others, in a
varying order; one old rule is retired but keeps its history. About one violation per five
members over the last year follows the default strike ladder (warn, mute, remove); the members
the sample marks removed or banned got there through a violation of the rule their reason
names. Each ban is recorded, with a removal task ("spam sweep") per group the member is still
in, and done ones (each with its interaction, ``DONE_SWEEPS_SQL``) for the groups they were
removed from afterwards. Recent violations are often still open. Everything is drawn from the
``Random`` handed in, in call order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random
from typing import Any

from app.core.generated_text import Generated, stored
from app.sample.demo_groups import GroupPlan
from app.sample.demo_pyramid import HELPER_LEVEL

Row = tuple[Any, ...]
DAY = 86_400
VIOLATIONS_PER_MEMBER = 0.2  # 20,000 for the reference load of 100,000 members
ADOPTION = 0.85  # of groups adopt rules
LADDER = ((3, "removed"), (2, "muted"), (1, "warned"))
EXPIRY = timedelta(days=180)
RETIRED_DAYS_AGO = 200


@dataclass(frozen=True)
class SampleRule:
    """A rule of the sample library, how often it is broken, and what the evidence says."""

    title: str
    text: str
    severity: str
    points: int
    weight: int
    evidence: tuple[str, ...]
    retired: bool = False


RULES = (
    SampleRule("禁止广告和拉人", "不发任何广告、二维码、推广链接和微商信息；不私下拉群友进其他群。",
               "warning", 1, 30, ("发了微商产品广告", "群里发二维码拉人进新群",
                                  "私聊群友推销课程（群友举报）", "发了代购价目表")),
    SampleRule("友善交流，不人身攻击", "尊重每一位群友：不骂人、不地域黑、不引战。", "warning",
               2, 10, ("和群友争吵并辱骂对方", "地域攻击言论", "连续引战，多人反映")),
    SampleRule("不发无关链接", "与本群主题无关的链接、小程序、砍价助力请勿发送。", "notice", 1, 18,
               ("发了拼多多砍价链接", "转发无关公众号文章", "发小程序助力")),
    SampleRule("不刷屏", "不连续发大量表情、图片或语音，有事一次说完。", "notice", 1, 16,
               ("连续发了30多个表情包", "一分钟内发了十几条语音", "刷屏接龙")),
    SampleRule("禁止诈骗和违法内容", "涉及诈骗、赌博、色情等违法违规内容，一经发现直接移出。",
               "removal", 3, 4, ("发布刷单兼职信息", "发赌博网站链接", "冒充群主收钱")),
    SampleRule("不私聊骚扰群友", "未经同意不要私加群友、推销或骚扰，核实后移出。", "removal", 2, 4,
               ("多名群友反映被私聊骚扰", "私加群友推销保险")),
    SampleRule("群名片格式：城市-昵称", "入群后请把群名片改为“城市-昵称”，方便大家认识。", "notice",
               0, 6, ("提醒三次仍未改群名片",)),
    SampleRule("夜间勿扰", "23:00 到次日 7:00 请勿发语音和大量消息。", "notice", 1, 6,
               ("凌晨两点连发语音",)),
    SampleRule("不泄露群友隐私", "未经本人同意，不转发群友的聊天截图、照片和联系方式。", "warning",
               2, 3, ("把群聊截图发到其他群", "公开了群友的手机号")),
    SampleRule("讨论围绕群主题", "闲聊适度，政治、宗教等敏感话题请勿讨论。", "notice", 1, 5,
               ("讨论敏感话题，劝阻后继续",)),
    SampleRule("禁止发红包接龙", "不发拼手气红包接龙，避免变成红包群。", "notice", 1, 12,
               ("发起红包接龙",), retired=True),
)  # fmt: skip
ALWAYS = (0, 1)  # every group that has rules has these two
OFTEN = 0.55  # the chance of each other rule
RULE_OF_REASON = {  # demo_words.BAN_REASONS -> the rule broken
    "发广告": 0,
    "多次刷屏": 3,
    "发诈骗链接": 4,
    "人身攻击": 1,
    "私拉群员": 0,
    "发布违规内容": 4,
}
DELETABLE = (0, 2, 3)  # rules whose messages are usually deleted on a first offence
NO_RULE_EVIDENCE = ("群友举报，已截图", "")

TABLES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("rule", "rule", ("id", "title", "text", "severity", "strike_points", "retired_at")),
    ("group_rule", "group_rule", ("group", "rule", "position")),
    ("violation", "violation", ("id", "case_number", "member", "group", "rule", "at", "evidence",
                                "action", "handled_at")),
    ("interaction", "interaction", ("group", "member", "kind", "at", "note")),
    ("task", "task", ("title", "kind", "group", "member", "due_at", "rrule", "priority", "status",
                      "notes", "outcome", "origin", "created_at", "done_at", "title_key",
                      "title_args")),
)  # fmt: skip
REMOVAL_SQL = (
    "UPDATE membership SET left_at = ? WHERE member_id = ? AND group_id = ? AND left_at IS NULL"
)
# a removal task done is an interaction, as completing it in the queue writes one
DONE_SWEEPS_SQL = (
    "INSERT INTO interaction (group_id, member_id, kind, at, note, task_id)"
    " SELECT group_id, member_id, kind, done_at, outcome, id FROM task"
    " WHERE kind = 'spam_sweep' AND status = 'done' ORDER BY id"
)


def _at(moment: datetime | None) -> str | None:
    return None if moment is None else str(moment)


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


@dataclass
class _Stay:
    """One of a member's memberships, as the moderation plan needs it."""

    group: int  # group id
    joined: datetime
    left: datetime | None
    role: str


@dataclass
class _Event:
    """A violation being planned."""

    member: int  # member id
    at: datetime
    group: int
    rule: int | None  # index into RULES
    action: str


class _Moderation:
    """Plans the rules, their adoption, the violations and the bans, then gives the rows."""

    def __init__(
        self,
        rng: Random,
        now: datetime,
        groups: Sequence[GroupPlan],
        level: Sequence[int],
        members: Sequence[Row],
        memberships: Sequence[Row],
    ) -> None:
        self.rng, self.now, self.groups, self.level = rng, now, groups, level
        self.members = members  # demo rows: id, name, …, status (12), reason (13)
        self.retired_at = now - timedelta(days=RETIRED_DAYS_AGO)
        self.memberships: dict[int, list[Row]] = {}
        for row in memberships:  # member, group, nickname, role, joined, spoke, left
            self.memberships.setdefault(row[0], []).append(row)
        self.rows: dict[str, list[Row]] = {key: [] for key, _, _ in TABLES}
        self.rows["removal"] = []
        self.events: list[_Event] = []
        self.adopted: dict[int, list[int]] = {}

    # --- the library and its adoption ----------------------------------------------------

    def library(self) -> None:
        for number, rule in enumerate(RULES, start=1):
            retired = _at(self.retired_at) if rule.retired else None
            self.rows["rule"].append(
                (number, rule.title, rule.text, rule.severity, rule.points, retired)
            )
        rng = self.rng
        adopting = [rng.random() < ADOPTION for _ in self.groups]
        if len(self.groups) > 1 and all(adopting):
            adopting[rng.randrange(len(self.groups))] = False  # most groups, never all
        for plan, adopts in zip(self.groups, adopting, strict=True):
            if not adopts:
                continue
            chosen = [
                i
                for i, rule in enumerate(RULES)
                if i in ALWAYS or rng.random() < (0.5 if rule.retired else OFTEN)
            ]
            chosen.sort(key=lambda i: i + rng.uniform(-1.5, 1.5))
            group_id = plan.index + 1
            self.adopted[group_id] = chosen
            for position, i in enumerate(chosen):
                self.rows["group_rule"].append((group_id, i + 1, position))

    def pick_rule(self, group: int, at: datetime, light: bool = False) -> int | None:
        """A rule the group adopted (in use at ``at``), weighted by how often each is broken."""
        rng = self.rng
        usable = [
            i
            for i in self.adopted.get(group) or range(len(RULES))
            if (not RULES[i].retired or at < self.retired_at)
            and (not light or RULES[i].points == 1)
        ]
        if not usable or rng.random() < 0.03 or (group not in self.adopted and rng.random() < 0.5):
            return None
        return rng.choices(usable, weights=[RULES[i].weight for i in usable])[0]

    # --- who broke which rule --------------------------------------------------------------

    def stays(self, member: int) -> list[_Stay]:
        """A member's memberships, read when needed (most members break no rule)."""
        return [
            _Stay(row[1], _time(row[4]) or self.now, _time(row[6]), row[3])
            for row in self.memberships.get(member, ())
        ]

    def between(self, start: datetime, end: datetime) -> datetime:
        span = max(0, int((end - start).total_seconds()))
        return start + timedelta(seconds=int(span * self.rng.random()))

    def priors(self, member: int, stay: _Stay, final: datetime) -> None:
        """One or two earlier, lighter offences before a removal or a ban."""
        rng = self.rng
        for number in range(rng.choices((0, 1, 2), weights=(4, 4, 2))[0]):
            at = max(stay.joined, final - timedelta(seconds=int(rng.uniform(3, 150) * DAY)))
            if at >= final:
                return
            rule = self.pick_rule(stay.group, at, light=True)
            action = "muted" if number else "warned"
            if action == "warned" and rule in DELETABLE and rng.random() < 0.4:
                action = "deleted"
            self.events.append(_Event(member, at, stay.group, rule, action))

    def banned(self, member: int, name: str, reason: str) -> None:
        """The violation that got them banned, the ban, and the removal tasks."""
        rng, stays = self.rng, self.stays(member)
        if not stays:
            return
        inside = [s for s in stays if s.left is None]
        first_joined = min(s.joined for s in stays)
        if inside:
            ban_at = max(self.now - timedelta(seconds=int(rng.uniform(0.2, 2) * DAY)), first_joined)
        else:
            ban_at = min(s.left or self.now for s in stays)
        present = [s for s in stays if s.joined <= ban_at and (s.left is None or s.left >= ban_at)]
        stay = min(present or stays, key=lambda s: (s.left or self.now, s.group))
        self.priors(member, stay, ban_at)
        rule = RULE_OF_REASON.get(reason)
        self.events.append(_Event(member, max(ban_at, stay.joined), stay.group, rule, "banned"))
        self.rows["interaction"].append((None, member, "ban", _at(ban_at), reason))
        names = {p.index + 1: p.name for p in self.groups}
        for s in stays:
            if s.left is not None and s.left < ban_at:
                continue  # gone before the ban
            # Huoqun's own words: stored as a code, shown in the interface language
            title = Generated("ban.remove", member=name, group=names[s.group])
            status, outcome = ("open", "") if s.left is None else ("done", "removed")
            self.rows["task"].append((str(title), "spam_sweep", s.group, member, _at(ban_at), "",
                                      1, status, "", outcome, "ban", _at(ban_at),
                                      _at(s.left), *stored(title)))  # fmt: skip

    def removed(self, member: int, reason: str) -> None:
        """The violation that got them removed from the group they left."""
        gone = [s for s in self.stays(member) if s.left is not None]
        if not gone:
            return
        stay = self.rng.choice(gone)
        assert stay.left is not None
        self.priors(member, stay, stay.left)
        self.events.append(
            _Event(member, stay.left, stay.group, RULE_OF_REASON.get(reason), "removed")
        )

    def ordinary(self, budget: int) -> None:
        """Active members below the helpers, breaking rules now and then through the year."""
        rng = self.rng
        pool = [
            row[0]
            for row in self.members
            if row[12] == "active" and self.level[row[0] - 1] > HELPER_LEVEL
        ]
        rng.shuffle(pool)
        for member in pool:
            if budget <= 0:
                return
            stays = [s for s in self.stays(member) if s.left is None and s.role == "member"]
            if not stays:
                continue
            count = min(budget, rng.choices((1, 2, 3, 4), weights=(70, 20, 7, 3))[0])
            budget -= self.offender(member, stays, count)

    def offender(self, member: int, stays: list[_Stay], count: int) -> int:
        """``count`` violations by one member, escalating on the ladder; returns how many."""
        rng = self.rng
        home = rng.choice(stays)
        moment = max(home.joined, self.now - timedelta(seconds=int(rng.uniform(0, 365) * DAY)))
        history: list[tuple[datetime, int]] = []  # (when, points) of this member's violations
        made = 0
        for _ in range(count):
            if moment > self.now or not stays:
                break
            stay = home if home in stays and rng.random() < 0.75 else rng.choice(stays)
            at = max(moment, stay.joined)
            rule = self.pick_rule(stay.group, at)
            points = 1 if rule is None else RULES[rule].points
            history.append((at, points))
            strikes = sum(p for when, p in history if when > at - EXPIRY)
            action = "warned"
            if points:
                action = next((a for step, a in LADDER if strikes >= step), "warned")
            if action == "warned" and rule in DELETABLE and rng.random() < 0.4:
                action = "deleted"
            self.events.append(_Event(member, at, stay.group, rule, action))
            made += 1
            if action == "removed":
                self.rows["removal"].append((_at(at), member, stay.group))
                stays = [s for s in stays if s is not stay]
            moment = at + timedelta(seconds=int(rng.expovariate(1 / 40) * DAY) + 3600)
        return made

    # --- rows ----------------------------------------------------------------------------

    def violations(self) -> None:
        rng, now = self.rng, self.now
        self.events.sort(key=lambda e: (e.at, e.member))
        for number, event in enumerate(self.events, start=1):
            age = (now - event.at).total_seconds() / DAY
            still_open = rng.random() < (
                0.6 if age < 3 else 0.25 if age < 14 else 0.03 if age < 60 else 0.003
            )
            handled = None
            if not still_open:
                handled = min(now, event.at + timedelta(seconds=int(rng.uniform(0.02, 2) * DAY)))
            rule = None if event.rule is None else RULES[event.rule]
            evidence = rng.choice(rule.evidence if rule else NO_RULE_EVIDENCE)
            if rng.random() < 0.2:
                evidence = ""
            rule_id = None if event.rule is None else event.rule + 1
            self.rows["violation"].append((number, number, event.member, event.group, rule_id,
                                           _at(event.at), evidence, event.action,
                                           _at(handled)))  # fmt: skip

    def plan(self) -> dict[str, list[Row]]:
        self.library()
        for row in self.members:
            member, name, status, reason = row[0], row[1], row[12], row[13]
            if status == "banned":
                self.banned(member, name, reason)
            elif status == "removed":
                self.removed(member, reason)
        target = round(len(self.members) * VIOLATIONS_PER_MEMBER)
        self.ordinary(target - len(self.events))
        self.violations()
        return self.rows


def moderation(
    rng: Random,
    now: datetime,
    groups: Sequence[GroupPlan],
    level: Sequence[int],
    members: Sequence[Row],
    memberships: Sequence[Row],
) -> dict[str, list[Row]]:
    """The rows of ``TABLES`` by key, and "removal": (left_at, member, group) for ``REMOVAL_SQL``.

    ``members`` and ``memberships`` are the rows the sample is about to insert.
    """
    return _Moderation(rng, now, groups, level, members, memberships).plan()
