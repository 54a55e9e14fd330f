"""Group health: findings, a score 0–100 and a status for every group (PRODUCT.md §4).

Everything is computed from the data, never typed in, for all groups at once with a fixed
number of SQL aggregates whatever the number of groups. What each finding says and how the
score follows is in ``health_findings``; the thresholds the operator tunes, in
``health_thresholds``.

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
- Self-sustaining: a star member in the group, or a kind in ``groups.SELF_SUSTAINING_KINDS``,
  or a soul figure in its chat history.
- Chat history (§4b): the activity findings (``activity_findings``) come from
  ``activity.measure``, which shares the memberships' scan; the last local day the operator
  wrote in the group's chat counts as an interaction (as the import's ``chat`` interactions do).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from app.core import activity, clock
from app.core.activity import GroupActivity
from app.core.activity_findings import activity_findings
from app.core.care import parse_time
from app.core.groups import get_group
from app.core.health_findings import Finding, findings_for, score_for, status_for
from app.core.health_thresholds import thresholds
from app.core.membership_counts import membership_counts
from app.core.pyramid import STAFF_ROLES
from app.core.tiers import HELPER_RANK
from app.store.models import db


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
    # what its chat history says (``activity.group_activity`` without ``detail``, and without
    # who went quiet); a group without chat history has one too, with ``has_history`` False
    activity: GroupActivity | None = None


def _text(moment: datetime) -> str:
    """A naive UTC time as stored (ISO with a space), for comparing in SQL."""
    return moment.isoformat(" ")


def _days_ago(now: datetime, days: int) -> datetime:
    """Where the local day ``days`` days before today starts: a time before it is more than
    ``days`` local days ago."""
    return clock.local_day_start(clock.local_today(now) - timedelta(days=days))


_GROUPS_SQL = """
    SELECT g.id, g.name, g.sort_key, g.kind, g.cadence_days, g.description, g.announcement,
           g.created_at
    FROM chat_group g WHERE {only}
"""
# the latest interaction or task done of each group: one step into each index
_LAST_SQL = """
    SELECT g.id, NULLIF(max(
        coalesce((SELECT MAX(i.at) FROM interaction i WHERE i.group_id = g.id), ''),
        coalesce((SELECT MAX(t.done_at) FROM task t WHERE t.group_id = g.id AND t.status = 'done'),
                 '')), '')
    FROM chat_group g WHERE {only}
"""
# the last local day the operator wrote in each group's chat (their messages are interactions)
_OPERATOR_SQL = """
    SELECT g.id, (SELECT MAX(d.day) FROM chat_day d
                  WHERE d.group_id = g.id AND d.member_id IS NULL AND d.operator)
    FROM chat_group g WHERE {only}
"""
# The members that are not plain ones correct the plain counts: each kind found in its own
# index of members, then their live memberships (in the memberships' covering index by member,
# 0016). Inactive members ("!= 'active'" as two ranges, so the status index serves it):
_GONE_SQL = f"""
    SELECT ms.group_id, COUNT(*), SUM(ms.role IN {STAFF_ROLES}), COUNT(ms.last_spoke_at),
           SUM(ms.last_spoke_at < :spoke), SUM(m.status = 'banned')
    FROM member m INDEXED BY member_status CROSS JOIN membership ms ON ms.member_id = m.id
    WHERE (m.status < 'active' OR m.status > 'active') AND ms.left_at IS NULL {{only}}
    GROUP BY ms.group_id
"""
# active members of the top tiers who are not the group's staff (helpers all the same)
_TOP_SQL = f"""
    SELECT ms.group_id, COUNT(*)
    FROM member m INDEXED BY member_tier_id CROSS JOIN membership ms ON ms.member_id = m.id
    WHERE m.tier_id IN (SELECT id FROM tier WHERE "rank" <= :helper) AND m.status = 'active'
      AND ms.left_at IS NULL AND ms.role NOT IN {STAFF_ROLES} {{only}}
    GROUP BY ms.group_id
"""
# active stars
_STARS_SQL = """
    SELECT ms.group_id, COUNT(*)
    FROM member m INDEXED BY member_star CROSS JOIN membership ms ON ms.member_id = m.id
    WHERE m.star = 1 AND m.status = 'active' AND ms.left_at IS NULL {only}
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
# the helpers (active, of the helper tier with a check-in cadence) last seen to before
# :before (contacted, or an interaction; else when first seen), in each of their groups
_HELPERS_SQL = """
    WITH h AS (
        SELECT m.id, m.name, m.sort_key, m.first_seen, m.last_contacted,
               (SELECT MAX(i.at) FROM interaction i WHERE i.member_id = m.id) AS interacted
        FROM member m INDEXED BY member_tier_id
        WHERE +m.status = 'active' AND m.tier_id IN (
            SELECT id FROM tier WHERE "rank" = :helper AND checkin_days IS NOT NULL)
    ),
    seen AS (
        SELECT id, name, sort_key,
               coalesce(max(last_contacted, interacted), last_contacted, interacted, first_seen)
               AS at
        FROM h
    )
    SELECT ms.group_id, s.name, s.sort_key
    FROM seen s CROSS JOIN membership ms ON ms.member_id = s.id
    WHERE (s.at IS NULL OR s.at < :before) AND ms.left_at IS NULL {only}
"""


def _rows(sql: str, params: dict[str, Any], group_id: int | None, column: str) -> list[Any]:
    only = f"AND {column} = :only" if group_id is not None else ""
    if column == "g.id":  # the groups themselves: one group (archived or not), or the live ones
        only = "g.id = :only" if group_id is not None else "g.archived = 0"
    rows: list[Any] = db.execute_sql(sql.format(only=only), {**params, "only": group_id}).fetchall()
    return rows


def _compute(group_id: int | None, now: datetime) -> list[GroupHealth]:
    """Health of every non-archived group (or just one), its activity from chat history
    included: a fixed number of queries whatever the count."""
    t = thresholds()
    groups = _rows(_GROUPS_SQL, {}, group_id, "g.id")
    last = {gid: at for gid, at in _rows(_LAST_SQL, {}, group_id, "g.id") if at}
    for gid, day in _rows(_OPERATOR_SQL, {}, group_id, "g.id"):
        if day is not None:  # the operator's messages in the chat count as interactions
            wrote = clock.local_day_start(date.fromisoformat(day))
            had = parse_time(last.get(gid))
            last[gid] = _text(wrote) if had is None or had < wrote else last[gid]
    spoke = _text(_days_ago(now, t["silent_members_days"] - 1))
    members: dict[int, tuple[int, ...]] = {}
    w = activity.windows(now, t)
    ids = None if group_id is None else [group_id]
    counted = membership_counts(ids, spoke=spoke, joined=w["joined"])
    chat = activity.measure(ids, now, t, counted, list_quiet=False)  # no finding of health
    gone = {
        r[0]: [int(v or 0) for v in r[1:]]
        for r in _rows(_GONE_SQL, {"spoke": spoke}, group_id, "ms.group_id")
    }
    top = dict(_rows(_TOP_SQL, {"helper": HELPER_RANK}, group_id, "ms.group_id"))
    stars = dict(_rows(_STARS_SQL, {}, group_id, "ms.group_id"))
    for gid, c in counted.items():
        left, left_staff, left_known, left_silent, banned = gone.get(gid, [0] * 5)
        members[gid] = (
            c.members - left,
            c.staff - left_staff + top.get(gid, 0),
            stars.get(gid, 0),
            banned,
            c.known - left_known,
            c.silent - left_silent,
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
    before = _text(_days_ago(now, t["helper_neglect_days"] - 1))
    for gid, name, sort_key in _rows(
        _HELPERS_SQL, {"helper": HELPER_RANK, "before": before}, group_id, "ms.group_id"
    ):
        neglected.setdefault(gid, []).append((sort_key, name))
    out = []
    for gid, name, sort_key, kind, cadence, description, announcement, created in groups:
        counts = members.get(gid, (0, 0, 0, 0, 0, 0))
        findings = findings_for(
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
            activity=activity_findings(t, chat.get(gid)),
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
            activity=chat.get(gid),
        )
        out.append((health, sort_key))
    out.sort(key=lambda r: (r[0].score, r[1], r[0].group_id))
    return [h for h, _ in out]


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
