"""Group health: findings, a score 0–100 and a status for every group (PRODUCT.md §4).

Everything is computed from the data, never typed in, for all groups at once with a fixed
number of SQL aggregates whatever the number of groups. Each finding carries an English
sentence marked for translation in context "Health" (the window translates ``template`` and
fills ``params``) and the action its button takes.

Choices made where §4 leaves room:

- An interaction is an ``Interaction`` row of the group or a completed task of the group; a
  group never interacted with counts the days since it was created.
- Helpers are active members of the top two tiers or with the owner/admin role; the neglected
  helpers are those of the helper tier (rank 2) whose tier has a check-in cadence.
- "Mostly silent" counts only memberships with an imported last-spoke date (at least 10).
- A meetup counts when it is not cancelled and starts within the window before now, or later.
- Days are local calendar days, as the group table counts them: "no interaction for 8 days"
  when the last was on the Monday of last week and today is Tuesday, whatever the hours.
  "More than N days" means on a local day before today − N; "N days or more", today − N or
  earlier.
- Self-sustaining: a star member in the group, or a kind in ``groups.SELF_SUSTAINING_KINDS``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from app.core import clock, settings
from app.core.care import latest, parse_time
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.groups import SELF_SUSTAINING_KINDS, get_group
from app.core.pyramid import STAFF_ROLES
from app.core.tiers import HELPER_RANK
from app.store.models import db

HEALTH_CONTEXT = "Health"
WEIGHTS = {"critical": 30, "warning": 10, "info": 3, "good": 0}
SEVERITIES = ("critical", "warning", "info")
RANK = {"critical": 0, "warning": 1, "info": 2, "good": 3}
CODES = (
    "silent",
    "quiet",
    "broken_windows",
    "no_rules",
    "thin_profile",
    "no_second_level",
    "helpers_stretched",
    "helpers_neglected",
    "mostly_silent",
    "no_meetup",
    "self_sustaining",
)
ACTIONS = (
    "topic",
    "rules",
    "profile",
    "appoint_helper",
    "checkin",
    "meetup",
    "clear_violations",
    "",
)
STATUSES = ("alive", "attention", "dying")
# A status in words (translated in context "Health"): 健康 / 需关注 / 濒危. Not "活跃" (Active),
# which names a tier.
STATUS_WORDS = {
    "alive": QT_TRANSLATE_NOOP("Health", "Healthy"),
    "attention": QT_TRANSLATE_NOOP("Health", "Needs attention"),
    "dying": QT_TRANSLATE_NOOP("Health", "Dying"),
}
MIN_SPOKE_DATA = 10  # members with a last-spoke date before "mostly silent" is judged
NAMES_SHOWN = 5  # a sentence names this many people, then says how many more

# name: (default from settings.DEFAULTS, lowest, highest)
THRESHOLDS: dict[str, tuple[float, float]] = {
    "group_cadence_days": (1, 365),
    "helper_span_target": (1, 10000),
    "silence_multiplier": (2, 20),
    "open_violation_days": (0, 365),
    "meetup_window_days": (1, 3650),
    "helper_neglect_days": (1, 365),
    "silent_members_share": (0.05, 1.0),
    "silent_members_days": (1, 3650),
    "second_level_min_members": (1, 100000),
}

T_SILENT = QT_TRANSLATE_NOOP(
    "Health", "No interaction for {days} days — this group's rhythm is every {cadence} days."
)
T_SILENT_NEVER = QT_TRANSLATE_NOOP(
    "Health",
    "No interaction in the {days} days since the group was added — its rhythm is {cadence} days.",
)
T_QUIET = QT_TRANSLATE_NOOP(
    "Health", "Quiet for {days} days — this group's rhythm is every {cadence} days."
)
T_OPEN_VIOLATIONS = QT_TRANSLATE_NOOP(
    "Health", "Violations open for more than {days} days: {count}."
)
T_BANNED_IN = QT_TRANSLATE_NOOP("Health", "Banned members still in the group: {banned}.")
T_BOTH_WINDOWS = QT_TRANSLATE_NOOP(
    "Health", "Violations open over {days} days: {count}; banned members still in: {banned}."
)
T_NO_RULES = QT_TRANSLATE_NOOP("Health", "The group has adopted no rules.")
T_NO_DESCRIPTION = QT_TRANSLATE_NOOP("Health", "The group's description is empty.")
T_NO_ANNOUNCEMENT = QT_TRANSLATE_NOOP("Health", "The group's announcement is empty.")
T_NO_PROFILE = QT_TRANSLATE_NOOP("Health", "The group's description and announcement are empty.")
T_NO_SECOND_LEVEL = QT_TRANSLATE_NOOP(
    "Health", "{members} members and no helper — the group needs a second level."
)
T_STRETCHED = QT_TRANSLATE_NOOP(
    "Health", "{per_helper} members per helper — the target is at most {target}."
)
T_NEGLECTED = QT_TRANSLATE_NOOP("Health", "Helpers not contacted for {days} days or more: {names}.")
T_MOSTLY_SILENT = QT_TRANSLATE_NOOP(
    "Health", "{percent}% of the members have not spoken for {days} days."
)
T_NO_MEETUP = QT_TRANSLATE_NOOP("Health", "No meetup with this group in {days} days.")
T_STAR = QT_TRANSLATE_NOOP(
    "Health", "Self-sustaining: a star member is in the group, so its rhythm is relaxed."
)
T_KIND = QT_TRANSLATE_NOOP(
    "Health", "Self-sustaining: this kind of group keeps itself going, so its rhythm is relaxed."
)


@dataclass(frozen=True)
class Finding:
    """Something §4 looks for, found in a group, with the sentence and the suggested action."""

    code: str
    severity: str  # "critical", "warning", "info" or "good"
    template: str  # English, translated in context "Health"
    params: dict[str, Any] = field(default_factory=dict)
    action: str = ""

    @property
    def message(self) -> str:
        """The English sentence."""
        return self.template.format(**self.params)

    @property
    def weight(self) -> int:
        """The points this finding takes off the score."""
        return WEIGHTS[self.severity]


@dataclass(frozen=True)
class GroupHealth:
    """A group's score, status and findings, most serious first."""

    group_id: int
    name: str
    score: int
    status: str  # "alive", "attention" or "dying"
    findings: tuple[Finding, ...]
    last_interaction: datetime | None
    members: int


def people_params(names: list[str]) -> dict[str, Any]:
    """A finding's params naming people: all of them, and the first few for its sentence.

    ``people`` holds every name (the window lists them on request); ``names`` is what the
    English sentence shows: five names, then "and 245 more". The window words that tail in
    its own language from ``count`` (see ``health_tab.finding_text``).
    """
    shown = "、".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return {
        "count": len(names),
        "people": tuple(names),
        "names": f"{shown} and {more} more" if more > 0 else shown,
    }


def thresholds() -> dict[str, Any]:
    """The health thresholds: stored values, else the defaults. One query."""
    values = {key: settings.DEFAULTS[key] for key in THRESHOLDS}
    marks = ", ".join("?" for _ in THRESHOLDS)
    for key, value in db.execute_sql(
        f"SELECT key, value FROM setting WHERE key IN ({marks})", list(THRESHOLDS)
    ):
        values[key] = json.loads(value)
    return values


def set_thresholds(**values: Any) -> None:
    """Store some of the thresholds, each checked against its range; all or nothing."""
    unknown = set(values) - set(THRESHOLDS)
    if unknown:
        raise TypeError(f"unknown thresholds: {sorted(unknown)}")
    clean: dict[str, Any] = {}
    for key, value in values.items():
        low, high = THRESHOLDS[key]
        is_share = key == "silent_members_share"
        number_ok = isinstance(value, int | float) if is_share else isinstance(value, int)
        if isinstance(value, bool) or not number_ok or not low <= value <= high:
            if is_share:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The share of silent members must be from {low} to {high}."
                    ),
                    low=low,
                    high=high,
                )
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "“{name}” must be a whole number from {low} to {high}."
                ),
                name=key,
                low=int(low),
                high=int(high),
            )
        clean[key] = float(value) if is_share else int(value)
    with db.atomic():
        for key, value in clean.items():
            settings.put(key, value)


def _text(moment: datetime) -> str:
    """A naive UTC time as stored (ISO with a space), for comparing in SQL."""
    return moment.isoformat(" ")


def _days_ago(now: datetime, days: int) -> datetime:
    """Where the local day ``days`` days before today starts: a time before it is more than
    ``days`` local days ago."""
    return clock.local_day_start(clock.local_today(now) - timedelta(days=days))


def status_for(score: int) -> str:
    """The status of a score: 80+ alive, 50–79 attention, below 50 dying."""
    if score >= 80:
        return "alive"
    if score >= 50:
        return "attention"
    return "dying"


def score_for(findings: tuple[Finding, ...] | list[Finding]) -> int:
    """100 minus 30 per critical, 10 per warning and 3 per info, clamped to 0–100."""
    return max(0, min(100, 100 - sum(f.weight for f in findings)))


_GROUPS_SQL = """
    SELECT g.id, g.name, g.sort_key, g.kind, g.cadence_days, g.description, g.announcement,
           g.created_at
    FROM chat_group g WHERE {only}
"""
_LAST_SQL = """
    SELECT group_id, MAX(at) FROM (
        SELECT group_id, MAX(at) AS at FROM interaction WHERE group_id IS NOT NULL {only}
        GROUP BY group_id
        UNION ALL
        SELECT group_id, MAX(done_at) FROM task
        WHERE status = 'done' AND group_id IS NOT NULL {only} GROUP BY group_id
    ) GROUP BY group_id
"""
# Plain counts of the memberships in one scan of the covering index (group, left, member,
# role, last spoke), then the memberships of the few members that are not plain ones
# (inactive, in the top tiers, or stars) to correct them; CROSS JOIN keeps those few members
# the outer loop.
_MEMBERS_SQL = f"""
    SELECT group_id, COUNT(*), SUM(role IN {STAFF_ROLES}), COUNT(last_spoke_at),
           SUM(last_spoke_at < :spoke)
    FROM membership WHERE left_at IS NULL {{only}} GROUP BY group_id
"""
_ODD_SQL = f"""
    WITH odd AS (
        SELECT m.id, m.status != 'active' AS gone, m.status = 'banned' AS banned,
               m.tier_id IN (SELECT id FROM tier WHERE "rank" <= :helper) AS top, m.star AS star
        FROM member m
        WHERE m.status != 'active' OR m.star = 1
           OR m.tier_id IN (SELECT id FROM tier WHERE "rank" <= :helper)
    )
    SELECT ms.group_id,
           SUM(o.gone),
           SUM(o.gone AND ms.role IN {STAFF_ROLES}),
           SUM(o.gone AND ms.last_spoke_at IS NOT NULL),
           SUM(o.gone AND ms.last_spoke_at < :spoke),
           SUM(NOT o.gone AND o.top AND ms.role NOT IN {STAFF_ROLES}),
           SUM(NOT o.gone AND o.star),
           SUM(o.banned)
    FROM odd o CROSS JOIN membership ms ON ms.member_id = o.id
    WHERE ms.left_at IS NULL {{only}}
    GROUP BY ms.group_id
"""
_VIOLATIONS_SQL = """
    SELECT group_id, COUNT(*) FROM violation
    WHERE handled_at IS NULL AND at < :cutoff AND group_id IS NOT NULL {only} GROUP BY group_id
"""
_RULES_SQL = """
    SELECT gr.group_id, COUNT(*) FROM group_rule gr JOIN rule r ON r.id = gr.rule_id
    WHERE r.retired_at IS NULL {only} GROUP BY gr.group_id
"""
_MEETUPS_SQL = """
    SELECT mg.group_id, COUNT(*) FROM meetup_group mg JOIN meetup m ON m.id = mg.meetup_id
    WHERE m.status != 'cancelled' AND m.start_at >= :since {only} GROUP BY mg.group_id
"""
_HELPERS_SQL = """
    WITH h AS (
        SELECT m.id, m.name, m.sort_key, m.first_seen, m.last_contacted FROM member m
        WHERE +m.status = 'active' AND m.tier_id IN (
            SELECT id FROM tier WHERE "rank" = :helper AND checkin_days IS NOT NULL)
    ),
    last AS (
        SELECT member_id, MAX(at) AS at FROM interaction
        WHERE member_id IN (SELECT id FROM h) GROUP BY member_id
    )
    SELECT ms.group_id, h.name, h.sort_key, h.first_seen, h.last_contacted, l.at
    FROM membership ms JOIN h ON h.id = ms.member_id LEFT JOIN last l ON l.member_id = h.id
    WHERE ms.left_at IS NULL {only}
"""


def _rows(sql: str, params: dict[str, Any], group_id: int | None, column: str) -> list[Any]:
    only = f"AND {column} = :only" if group_id is not None else ""
    if column == "g.id":  # the groups themselves: one group (archived or not), or the live ones
        only = "g.id = :only" if group_id is not None else "g.archived = 0"
    rows: list[Any] = db.execute_sql(sql.format(only=only), {**params, "only": group_id}).fetchall()
    return rows


def _compute(group_id: int | None, now: datetime) -> list[GroupHealth]:
    """Health of every non-archived group (or just one): nine queries whatever the count."""
    t = thresholds()
    groups = _rows(_GROUPS_SQL, {}, group_id, "g.id")
    last = dict(_rows(_LAST_SQL, {}, group_id, "group_id"))
    spoke = _text(_days_ago(now, t["silent_members_days"] - 1))
    members: dict[int, tuple[int, ...]] = {}
    plain = {
        r[0]: [int(v or 0) for v in r[1:]]
        for r in _rows(_MEMBERS_SQL, {"spoke": spoke}, group_id, "group_id")
    }
    odd = {
        r[0]: [int(v or 0) for v in r[1:]]
        for r in _rows(_ODD_SQL, {"helper": HELPER_RANK, "spoke": spoke}, group_id, "ms.group_id")
    }
    for gid, (total, staff, known, silent) in plain.items():
        gone, gone_staff, gone_known, gone_silent, top, stars, banned = odd.get(gid, [0] * 7)
        members[gid] = (
            total - gone,
            staff - gone_staff + top,
            stars,
            banned,
            known - gone_known,
            silent - gone_silent,
        )
    violations = dict(
        _rows(
            _VIOLATIONS_SQL,
            {"cutoff": _text(_days_ago(now, t["open_violation_days"]))},
            group_id,
            "group_id",
        )
    )
    rules = dict(_rows(_RULES_SQL, {}, group_id, "gr.group_id"))
    meetups = dict(
        _rows(
            _MEETUPS_SQL,
            {"since": _text(_days_ago(now, t["meetup_window_days"]))},
            group_id,
            "mg.group_id",
        )
    )
    neglected: dict[int, list[tuple[str, str]]] = {}
    neglect_before = _days_ago(now, t["helper_neglect_days"] - 1)
    for gid, name, sort_key, first_seen, contacted, last_at in _rows(
        _HELPERS_SQL, {"helper": HELPER_RANK}, group_id, "ms.group_id"
    ):
        since = latest(parse_time(contacted), parse_time(last_at)) or parse_time(first_seen)
        if since is None or since < neglect_before:
            neglected.setdefault(gid, []).append((sort_key, name))
    out = []
    for gid, name, sort_key, kind, cadence, description, announcement, created in groups:
        counts = members.get(gid, (0, 0, 0, 0, 0, 0))
        findings = _findings(
            t,
            now,
            kind=kind,
            cadence=cadence,
            description=description,
            announcement=announcement,
            created=parse_time(created) or now,
            last=parse_time(last.get(gid)),
            counts=tuple(int(c or 0) for c in counts),
            open_violations=violations.get(gid, 0),
            rules=rules.get(gid, 0),
            meetups=meetups.get(gid, 0),
            neglected=[n for _, n in sorted(neglected.get(gid, []))],
        )
        score = score_for(findings)
        health = GroupHealth(
            group_id=gid,
            name=name,
            score=score,
            status=status_for(score),
            findings=findings,
            last_interaction=parse_time(last.get(gid)),
            members=int(counts[0] or 0),
        )
        out.append((health, sort_key))
    out.sort(key=lambda r: (r[0].score, r[1], r[0].group_id))
    return [h for h, _ in out]


def _findings(t: dict[str, Any], now: datetime, **g: Any) -> tuple[Finding, ...]:
    """The findings of one group from its aggregates."""
    found: list[Finding] = []
    members, helpers, stars, banned, spoke_known, spoke_silent = g["counts"]
    cadence = int(g["cadence"] or t["group_cadence_days"])
    if stars:
        found.append(Finding("self_sustaining", "good", T_STAR, {}, ""))
    elif g["kind"] in SELF_SUSTAINING_KINDS:
        found.append(Finding("self_sustaining", "good", T_KIND, {"kind": g["kind"]}, ""))
    quiet_after = cadence * 2 if found else cadence
    days = clock.days_between(g["last"] or g["created"], now)
    params = {"days": days, "cadence": quiet_after}
    if days > t["silence_multiplier"] * quiet_after:
        template = T_SILENT if g["last"] else T_SILENT_NEVER
        found.append(Finding("silent", "critical", template, params, "topic"))
    elif days > quiet_after:
        found.append(Finding("quiet", "warning", T_QUIET, params, "topic"))
    if g["open_violations"] or banned:
        template = (
            T_BOTH_WINDOWS
            if g["open_violations"] and banned
            else T_OPEN_VIOLATIONS
            if g["open_violations"]
            else T_BANNED_IN
        )
        params = {"days": t["open_violation_days"], "count": g["open_violations"], "banned": banned}
        found.append(Finding("broken_windows", "critical", template, params, "clear_violations"))
    if not g["rules"]:
        found.append(Finding("no_rules", "warning", T_NO_RULES, {}, "rules"))
    no_description = not (g["description"] or "").strip()
    no_announcement = not (g["announcement"] or "").strip()
    if no_description or no_announcement:
        template = (
            T_NO_PROFILE
            if no_description and no_announcement
            else T_NO_DESCRIPTION
            if no_description
            else T_NO_ANNOUNCEMENT
        )
        found.append(Finding("thin_profile", "warning", template, {}, "profile"))
    if members > t["second_level_min_members"] and not helpers:
        params = {"members": members}
        found.append(
            Finding("no_second_level", "warning", T_NO_SECOND_LEVEL, params, "appoint_helper")
        )
    elif helpers and members / helpers > t["helper_span_target"]:
        params = {"per_helper": round(members / helpers), "target": t["helper_span_target"]}
        found.append(Finding("helpers_stretched", "warning", T_STRETCHED, params, "appoint_helper"))
    if g["neglected"]:
        params = {"days": t["helper_neglect_days"], **people_params(g["neglected"])}
        found.append(Finding("helpers_neglected", "warning", T_NEGLECTED, params, "checkin"))
    if spoke_known >= MIN_SPOKE_DATA and spoke_silent / spoke_known > t["silent_members_share"]:
        params = {
            "percent": round(100 * spoke_silent / spoke_known),
            "days": t["silent_members_days"],
        }
        found.append(Finding("mostly_silent", "warning", T_MOSTLY_SILENT, params, "topic"))
    if not g["meetups"]:
        params = {"days": t["meetup_window_days"]}
        found.append(Finding("no_meetup", "info", T_NO_MEETUP, params, "meetup"))
    found.sort(key=lambda f: (RANK[f.severity], CODES.index(f.code)))
    return tuple(found)


def all_health(now: datetime | None = None) -> list[GroupHealth]:
    """Every non-archived group's health, worst score first. A constant number of queries."""
    return _compute(None, now or clock.now())


def group_health(group_id: int, now: datetime | None = None) -> GroupHealth:
    """One group's health (an archived group too); NotFound when it no longer exists."""
    get_group(group_id)
    return _compute(group_id, now or clock.now())[0]


def weekly_activity(group_id: int, weeks: int = 12, now: datetime | None = None) -> list[int]:
    """Interactions of the group per week, oldest first.

    Weeks are the rolling 7-day spans ending at ``now`` (UTC), not calendar weeks: the last
    number counts the 7 days up to now. One query.
    """
    now = now or clock.now()
    start = now - timedelta(days=7 * weeks)
    counts = [0] * weeks
    for age, count in db.execute_sql(
        "SELECT CAST((julianday(:now) - julianday(at)) / 7 AS INTEGER), COUNT(*) FROM interaction"
        " WHERE group_id = :group AND at > :start AND at <= :now GROUP BY 1",
        {"now": _text(now), "start": _text(start), "group": group_id},
    ):
        if 0 <= age < weeks:
            counts[weeks - 1 - age] += count
    return counts


def week_starts(weeks: int = 12, now: datetime | None = None) -> list[datetime]:
    """When each of ``weekly_activity``'s weeks begins (naive UTC), oldest first."""
    now = now or clock.now()
    return [now - timedelta(days=7 * (weeks - index)) for index in range(weeks)]
