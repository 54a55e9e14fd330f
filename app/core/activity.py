"""Activity from chat history (PRODUCT.md §4b): what the groups actually do.

Public API (stable; the window, the CLI and health build on it):

- ``group_activity(group_ids=None, now=None, *, detail=True) -> dict[int, GroupActivity]``:
  every non-archived group (or the ids listed, archived or not), in a fixed number of
  queries whatever the number of groups. A group without chat history has ``has_history``
  False and empty figures. ``detail=False`` (for lists of every group) leaves
  ``newcomers_90d`` empty; its counts stay.
- ``member_activity(member_id, now=None) -> list[MemberActivity]``: a member's presence,
  messages per week and last spoke in each of their groups, in two queries.
- ``week_starts(now=None)``: the Mondays of the ``WEEKS`` weeks shown, oldest first.
- ``falling_factor(trend)``: how much faster a falling group's suggestions rank in Today.
- ``presence_of(days, t)``: "regular", "occasional", "once" or "silent" for days with a
  message in the last 30.

Definitions (§4b; every threshold is in Settings, ``health_thresholds``):

- Counts exclude bots (the import leaves them out of ``chat_day``); they include the
  operator's messages and those of senders matched to nobody. Speakers are members (never
  the operator, never an unmatched sender).
- Days are local calendar days (``chat_day.day`` is the local day of each message); the last
  30 days are today and the 29 before (each sender's, kept in ``chat_recent``: see
  ``chat_recent.hold``); weeks start on Monday. ``weekly`` ends with the current week, so
  its last entry is a week still running.
- Members: the group's active memberships. Without a roster these are the senders and
  joiners the chat showed (the import gives each a membership), less those it saw leave.
- Trend: messages per week over the last 4 complete weeks ÷ the weekly average of the 12
  complete weeks before (the running week is left out: a Monday would always look like a
  fall). None when the 12 weeks had no message, or when there is not enough data.
- Enough data: the 12 earlier weeks averaged ≥ ``activity_enough_weekly`` messages, or the
  last 30 days held ≥ ``activity_enough_30d``.
- Went quiet: a member still in the group with ≥ ``quiet_before_messages`` messages in the
  90 days before the last 30, and none in the last 30; most active first. Looked for among
  the memberships whose last-spoke date falls in those 90 days (the import keeps it).
- Newcomers: active memberships joined in the last 90 days; one spoke when it has a
  last-spoke date (from the chat, or an imported roster).
- Ad-like messages of the last ``ads_standing_days`` days (flagged by the import, with their
  excerpt), newest first, each saying whether a violation was logged for its sender in the
  group since.
"""

from __future__ import annotations

import heapq
import json
from datetime import date, datetime, timedelta
from typing import Any

from app.core import activity_queries as q
from app.core import chat_recent, clock
from app.core.activity_records import (
    AdMessage,
    GroupActivity,
    MemberActivity,
    Newcomer,
    QuietMember,
    Speaker,
    Week,
)
from app.core.care import parse_time
from app.core.health_thresholds import thresholds
from app.core.membership_counts import MembershipCounts, membership_counts
from app.store.models import db

__all__ = [
    "PRESENCES",
    "WEEKS",
    "AdMessage",
    "GroupActivity",
    "MemberActivity",
    "Newcomer",
    "QuietMember",
    "Speaker",
    "Week",
    "falling_factor",
    "group_activity",
    "member_activity",
    "presence_of",
    "week_starts",
]
WEEKS = 26  # weeks of ``weekly``, ending with the current one
RECENT_DAYS = 30  # "the last 30 days"
QUIET_BEFORE_DAYS = 90  # went quiet: messages in the 90 days before the last 30
NEWCOMER_DAYS = 90  # newcomers: joined in the last 90 days
TREND_RECENT, TREND_EARLIER = 4, 12  # trend: the last 4 complete weeks ÷ the 12 before
TOP_SPEAKERS = 10
PRESENCES = ("regular", "occasional", "once", "silent")


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_starts(now: datetime | None = None) -> list[date]:
    """The local Mondays starting each week of ``weekly``, oldest first."""
    current = _monday(clock.local_today(now or clock.now()))
    return [current - timedelta(weeks=WEEKS - 1 - i) for i in range(WEEKS)]


FASTEST_FALL = 0.25  # a trend below this ranks no higher in the Today plan


def falling_factor(trend: float | None) -> float:
    """How much a group's falling activity raises its suggestions' impact in the Today plan:
    1 / trend for a falling group (at most 4, at a trend of 0.25 or less), else 1."""
    if trend is None or trend >= 1:
        return 1.0
    return 1 / max(trend, FASTEST_FALL)


def presence_of(days: int, t: dict[str, Any]) -> str:
    """A presence from the days with a message in the last 30 days."""
    if days >= t["activity_regular_days"]:
        return "regular"
    if days >= t["activity_occasional_days"]:
        return "occasional"
    return "once" if days >= 1 else "silent"


def windows(now: datetime, t: dict[str, Any]) -> dict[str, Any]:
    """The parameters of the queries: local days as text, and times as stored (UTC)."""
    today = clock.local_today(now)
    since = today - timedelta(days=RECENT_DAYS - 1)
    before = since - timedelta(days=QUIET_BEFORE_DAYS)
    ads = today - timedelta(days=t["ads_standing_days"] - 1)
    return {
        "today": today.isoformat(),
        "start": week_starts(now)[0].isoformat(),
        "since": since.isoformat(),
        "before": before.isoformat(),
        "quiet_from": clock.local_day_start(before).isoformat(" "),
        "quiet_to": clock.local_day_start(since).isoformat(" "),
        "joined": clock.local_day_start(today - timedelta(days=NEWCOMER_DAYS - 1)).isoformat(" "),
        "ads": clock.local_day_start(ads).isoformat(" "),
        "least": t["quiet_before_messages"],
    }


def group_activity(
    group_ids: list[int] | None = None, now: datetime | None = None, *, detail: bool = True
) -> dict[int, GroupActivity]:
    """Activity of every non-archived group, or of the groups listed, in a fixed number of
    queries. ``detail`` False leaves out the newcomers' list (their counts stay): what the
    lists of all groups need."""
    now = now or clock.now()
    t = thresholds()
    w = windows(now, t)
    ids = None if group_ids is None else list(group_ids)
    counts = membership_counts(ids, spoke=w["quiet_to"], joined=w["joined"], list_newcomers=detail)
    return measure(ids, now, t, counts)


def measure(
    ids: list[int] | None, now: datetime, t: dict[str, Any],
    counts: dict[int, MembershipCounts], *, list_quiet: bool = True,
) -> dict[int, GroupActivity]:  # fmt: skip
    """``group_activity`` given the groups' membership counts (health counts them for its own
    findings too). ``list_quiet`` False leaves ``went_quiet`` empty (no finding of health)."""
    w = windows(now, t)
    groups = q.rows(q.GROUPS, {}, ids, "g.id")
    weeks: dict[int, dict[str, tuple[int, int, int]]] = {}
    for gid, week, messages, speakers, operator in q.rows(q.WEEKS, w, ids, "group_id"):
        weeks.setdefault(gid, {})[str(week)] = (int(messages), int(speakers), int(operator))
    recent = chat_recent.hold(w["since"], w["today"])
    sums = {
        int(gid): (int(messages), int(operator), int(speakers))
        for gid, messages, operator, speakers in q.rows(
            q.SUMS.replace("{recent}", recent), {}, ids, "group_id"
        )
    }
    talkers = _top_talkers(recent, sums, t)
    wanted = {m for rows in talkers.values() for m, _n, _d in rows}
    quiet: dict[int, list[tuple[int, int, str]]] = {}
    newcomers: dict[int, list[tuple[str, int, bool]]] = {}
    for gid, member, messages, last in (
        q.rows(q.QUIET, w, ids, "group_id", "membership_spoke") if list_quiet else []
    ):
        quiet.setdefault(gid, []).append((member, int(messages), last))
        wanted.add(member)
    for gid, c in counts.items():
        for member, spoke, since in c.joined:
            newcomers.setdefault(gid, []).append((since, member, spoke))
            wanted.add(member)
    ads: dict[int, list[AdMessage]] = {}
    for gid, mid, member, name, sent, text, logged in q.rows(q.ADS, w, ids, "msg.group_id"):
        at = parse_time(sent) or now
        ads.setdefault(gid, []).append(
            AdMessage(mid, member, name or "", at, text or "", bool(logged))
        )
    names = _names(wanted)
    starts = week_starts(now)
    keys = [s.isoformat() for s in starts]
    out: dict[int, GroupActivity] = {}
    for gid, name, _key, history in groups:
        by_week = weeks.get(gid, {})
        weekly = tuple(
            Week(s, *by_week.get(k, (0, 0, 0))) for s, k in zip(starts, keys, strict=True)
        )
        quiet_rows = sorted(
            (-n, names.get(m, ("", ""))[1], m, last) for m, n, last in quiet.get(gid, [])
        )
        went_quiet = tuple(
            QuietMember(m, names.get(m, ("", ""))[0], -neg, date.fromisoformat(last))
            for neg, _key, m, last in quiet_rows
        )
        joined = sorted(
            (j, names.get(m, ("", ""))[1], m, spoke) for j, m, spoke in newcomers.get(gid, [])
        )
        fresh = tuple(
            Newcomer(m, names.get(m, ("", ""))[0], parse_time(j) or now, spoke)
            for j, _key, m, spoke in joined
        )
        c = counts.get(gid) or MembershipCounts()
        out[gid] = _one(
            t, gid, name, bool(history), [c.members, c.newcomers, c.newcomers_spoke], weekly,
            sums.get(gid, (0, 0, 0)), talkers.get(gid, []), names, went_quiet, fresh,
            ads.get(gid, []),
        )  # fmt: skip
    return out


def _top_talkers(
    recent: str, sums: dict[int, tuple[int, int, int]], t: dict[str, Any]
) -> dict[int, list[tuple[int, int, int]]]:
    """Each group's speakers the figures may name, (member, messages, days): its top speakers
    and those who may be soul figures, not every speaker (one query)."""
    least = [
        [gid, max(t["soul_messages"], t["soul_share"] * messages)]
        for gid, (messages, _op, speakers) in sums.items()
        if speakers
    ]
    out: dict[int, list[tuple[int, int, int]]] = {}
    if not least:
        return out
    found = db.execute_sql(
        q.TOP.replace("{recent}", recent),
        {"groups": json.dumps(least), "tenth": TOP_SPEAKERS - 1},
    )
    for gid, member, messages, days in found:
        out.setdefault(gid, []).append((int(member), int(messages), int(days)))
    return out


def _names(ids: set[int]) -> dict[int, tuple[str, str]]:
    """Members' names and sort keys (one query)."""
    if not ids:
        return {}
    found = db.execute_sql(q.NAMES, {"ids": json.dumps(sorted(ids))})
    return {i: (name, key) for i, name, key in found}


def _one(
    t: dict[str, Any], gid: int, name: str, history: bool, counts: list[int],
    weekly: tuple[Week, ...], sums: tuple[int, int, int], talkers: list[tuple[int, int, int]],
    names: dict[int, tuple[str, str]], went_quiet: tuple[QuietMember, ...],
    newcomers: tuple[Newcomer, ...], ads: list[AdMessage],
) -> GroupActivity:  # fmt: skip
    """A group's figures from its weeks, its last 30 days' sums and the speakers who may be
    named (``_top_talkers``)."""
    complete = [w.messages for w in weekly[:-1]]
    recent_weekly = sum(complete[-TREND_RECENT:]) / TREND_RECENT
    earlier_weekly = sum(complete[-TREND_RECENT - TREND_EARLIER : -TREND_RECENT]) / TREND_EARLIER
    messages, operator, speakers = sums
    enough = history and (
        earlier_weekly >= t["activity_enough_weekly"] or messages >= t["activity_enough_30d"]
    )
    trend = recent_weekly / earlier_weekly if enough and earlier_weekly > 0 else None
    # the top speakers and the soul figures only: a big group has thousands of speakers
    least = max(t["soul_messages"], t["soul_share"] * messages)
    ranked = sorted(
        (r for r in talkers if r[1] >= least),
        key=lambda r: (-r[1], -r[2], names.get(r[0], ("", ""))[1], r[0]),
    )
    if len(ranked) < TOP_SPEAKERS:
        # the top ten by messages and days, and whoever ties with the tenth (names decide)
        tenth = heapq.nlargest(TOP_SPEAKERS, ((r[1], r[2]) for r in talkers))[-1:]
        top_n = [r for r in talkers if not tenth or (r[1], r[2]) >= tenth[0]]
        ranked = sorted(
            {r[0]: r for r in (*ranked, *top_n)}.values(),
            key=lambda r: (-r[1], -r[2], names.get(r[0], ("", ""))[1], r[0]),
        )
    spoken = [
        Speaker(m, names.get(m, ("", ""))[0], n, d, n / messages if messages else 0.0)
        for m, n, d in ranked
    ]
    souls = tuple(
        s
        for s in spoken
        if s.share >= t["soul_share"]
        and s.messages_30d >= t["soul_messages"]
        and s.days >= t["soul_days"]
    )
    members, joined, joined_spoke = counts
    return GroupActivity(
        group_id=gid,
        name=name,
        has_history=history,
        members=members,
        weekly=weekly,
        messages_30d=messages,
        operator_messages_30d=operator,
        speakers_30d=speakers,
        speaking_share=speakers / members if members else None,
        operator_share_30d=operator / messages if messages else None,
        recent_weekly=recent_weekly,
        earlier_weekly=earlier_weekly,
        trend=trend,
        enough_data=enough,
        top_speakers=tuple(spoken[:TOP_SPEAKERS]),
        top_share=spoken[0].share if spoken else 0.0,
        soul_figures=souls,
        went_quiet=went_quiet,
        newcomers_90d=newcomers,
        newcomers_count=joined,
        newcomers_spoke=joined_spoke,
        ad_like_14d=tuple(ads),
    )


def member_activity(member_id: int, now: datetime | None = None) -> list[MemberActivity]:
    """The member's talk in each of their groups (left ones too), by group name. Two queries."""
    now = now or clock.now()
    t = thresholds()
    w = windows(now, t)
    starts = week_starts(now)
    params = {**w, "member": member_id}
    per_group: dict[int, list[int]] = {}
    days: dict[int, list[int]] = {}
    for gid, day, messages in db.execute_sql(q.MEMBER_DAYS, params):
        index = (date.fromisoformat(day) - starts[0]).days // 7
        if 0 <= index < WEEKS:
            per_group.setdefault(gid, [0] * WEEKS)[index] += messages
        if day >= w["since"]:
            days.setdefault(gid, [0, 0])
            days[gid][0] += 1
            days[gid][1] += messages
    out = []
    for gid, name, key, spoke, left in db.execute_sql(q.MEMBER_GROUPS, params):
        on_days, recent = days.get(gid, [0, 0])
        out.append(
            (
                key,
                MemberActivity(
                    group_id=gid,
                    group_name=name,
                    presence=presence_of(on_days, t),
                    days_30d=on_days,
                    messages_30d=recent,
                    weekly=tuple(per_group.get(gid, [0] * WEEKS)),
                    last_spoke=parse_time(spoke),
                    in_group=left is None,
                ),
            )
        )
    out.sort(key=lambda r: (r[0], r[1].group_id))
    return [a for _k, a in out]
