"""Suggestions for the pyramid: who could join the helper tier, and which helpers went silent.

The operator always decides: a suggestion is accepted (the tier changes, with a reason) or
dismissed for ``DISMISS_DAYS``. The criteria live in settings and are edited in the panel.
Each list is one SQL query with aggregates, whatever the number of members.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.core import chat_presence, clock, settings
from app.core.care import latest, parse_time
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.members import get_member, set_tier
from app.core.standing import IN_COMMUNITY, OUT_OF_EVERY_GROUP
from app.core.tiers import HELPER_RANK, helper_tier
from app.core.undo import member_name, undoable
from app.store.models import SuggestionDismissal, Tier, db

DISMISS_DAYS = 90
KINDS = ("promotion", "demotion")
MET_CODES = ("meetups", "member_days", "strike_free", "star", "spoke")
# what each number of the criteria may be, and the words for it in a message
RANGES: dict[str, tuple[int, int, str]] = {
    "meetups": (0, 100, QT_TRANSLATE_NOOP("Errors", "number of meetups attended")),
    "member_days": (0, 3650, QT_TRANSLATE_NOOP("Errors", "days as a member")),
    "strike_free_days": (0, 3650, QT_TRANSLATE_NOOP("Errors", "days without a strike")),
}
MARGIN_RANGE = (1, 12)
TIER_MARGIN_RANGE = (0, 365)
# a tier change of the member within the tier margin in one direction ("<": up, ">": down, by
# rank); the margin is read in the same query (the stored setting, or its default)
MOVED = (
    "EXISTS (SELECT 1 FROM tier_change c JOIN tier f ON f.id = c.from_tier_id"
    " JOIN tier e ON e.id = c.to_tier_id WHERE c.member_id = m.id AND c.at > datetime(:now,"
    " '-' || COALESCE((SELECT value FROM setting WHERE key = 'tier_margin_days'), :margin)"
    ' || \' days\') AND e."rank" {way} f."rank")'
)


@dataclass(frozen=True)
class Candidate:
    """A member suggested for promotion or demotion, with the criteria they met.

    ``detail`` is an English summary; the numbers after it let a window word its own.
    """

    member_id: int
    name: str
    tier: str
    star: bool
    met: tuple[str, ...]
    detail: str
    groups: str
    meetups_attended: int = 0
    member_days: int = 0
    strike_days: int | None = None  # days since the last strike within the window, if any
    silent_days: int = 0  # demotion: days since the last logged interaction
    spoke_days: int | None = None  # days with a message in the last 30; None: no chat history
    chat_silent_days: int | None = None  # days since they last spoke; None: no chat history


# --- settings ------------------------------------------------------------------------------


def criteria() -> dict[str, Any]:
    """The promotion criteria: meetups, member_days, strike_free_days, star."""
    stored = settings.get("promotion_criteria") or {}
    return {**settings.DEFAULTS["promotion_criteria"], **stored}


def set_criteria(meetups: int, member_days: int, strike_free_days: int, star: bool) -> None:
    """Store the promotion criteria (numbers within ``RANGES``)."""
    given = {"meetups": meetups, "member_days": member_days, "strike_free_days": strike_free_days}
    clean: dict[str, Any] = {
        key: settings.whole_number(value, *RANGES[key]) for key, value in given.items()
    }
    clean["star"] = bool(star)
    settings.put("promotion_criteria", clean)


def demotion_margin() -> int:
    """How many of their tier's cadences a helper may go without contact before a suggestion."""
    return int(settings.get("demotion_margin") or settings.DEFAULTS["demotion_margin"])


def set_demotion_margin(margin: int) -> None:
    """Store the demotion margin (1 to 12 cadences)."""
    low, high = MARGIN_RANGE
    what = QT_TRANSLATE_NOOP("Errors", "demotion margin")
    settings.put("demotion_margin", settings.whole_number(margin, low, high, what))


def tier_margin_days() -> int:
    """Days after a promotion or demotion in which the opposite move is not suggested."""
    stored = settings.get("tier_margin_days")
    return int(settings.DEFAULTS["tier_margin_days"] if stored is None else stored)


def set_tier_margin_days(days: int) -> None:
    """Store the no-flapping margin (0 to 365 days)."""
    what = QT_TRANSLATE_NOOP("Errors", "tier change margin")
    settings.put("tier_margin_days", settings.whole_number(days, *TIER_MARGIN_RANGE, what))


# --- moving one tier -----------------------------------------------------------------------


def move_targets(member_id: int, kind: str) -> list[Tier]:
    """The tiers a member may move to: above them for "promotion", below for "demotion",
    nearest first (the first is the one-tier move offered by default)."""
    if kind not in KINDS:
        raise ValueError(f"unknown suggestion kind {kind!r}")
    rank = Tier.get_by_id(get_member(member_id).tier_id).rank
    if kind == "promotion":
        return list(Tier.select().where(Tier.rank < rank).order_by(Tier.rank.desc()))
    return list(Tier.select().where(Tier.rank > rank).order_by(Tier.rank))


def _target(member_id: int, kind: str, to_tier_id: int | None) -> Tier:
    """Where the move goes: ``to_tier_id``, checked, or one tier up or down."""
    targets = move_targets(member_id, kind)
    if to_tier_id is None and targets:
        return targets[0]
    chosen = next((tier for tier in targets if tier.id == to_tier_id), None)
    if chosen is None:
        member = get_member(member_id)
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{name} cannot move up to that tier.")
            if kind == "promotion"
            else QT_TRANSLATE_NOOP("Errors", "{name} cannot move down to that tier."),
            name=member.name,
        )
    return chosen


# --- promotion -----------------------------------------------------------------------------

GROUPS_OF = (
    "(SELECT group_concat(name, '、') FROM (SELECT g.name FROM membership ms"
    " JOIN chat_group g ON g.id = ms.group_id WHERE ms.member_id = m.id AND ms.left_at IS NULL"
    " ORDER BY g.sort_key, g.id))"
)


def _count(n: int, noun: str) -> str:
    """ "1 day", "3 days": English words for ``detail`` and default reasons."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _promotion_rows(now: datetime, only: int | None = None) -> list[tuple[Candidate, str]]:
    """Members below the helper tier, each with the English words for the criteria met.

    All who qualify and were not dismissed lately, or just ``only`` whatever their facts.
    """
    c = criteria()
    spoke = chat_presence.chat_days_sql("promotion_spoke_days")  # read in the query
    params: dict[str, Any] = {
        **chat_presence.window(now),
        "helper": HELPER_RANK,
        "meetups": c["meetups"],
        "joined_before": str(now - timedelta(days=c["member_days"])),
        "strike_since": str(now - timedelta(days=c["strike_free_days"])),
        "now": str(now),
        "only": only,
        "margin": settings.DEFAULTS["tier_margin_days"],
    }
    if only is not None:
        where = "m.id = :only"
    else:
        qualifies = (
            "(COALESCE(a.n, 0) >= :meetups AND m.first_seen <= :joined_before"
            " AND s.member_id IS NULL)"
        )
        if c["star"]:
            qualifies = f"({qualifies} OR m.star = 1)"
        # or talks in the chat on enough days, without a strike
        qualifies = f"({qualifies} OR ({spoke} > 0 AND sp.n >= {spoke} AND s.member_id IS NULL))"
        where = (
            f'{IN_COMMUNITY} AND t."rank" > :helper AND {qualifies}'
            " AND NOT EXISTS (SELECT 1 FROM suggestion_dismissal d WHERE d.member_id = m.id"
            " AND d.kind = 'promotion' AND d.until > :now)"
            f" AND NOT {MOVED.format(way='>')}"  # demoted lately: no flapping
        )
    sql = f"""
        WITH a AS (
            SELECT member_id, COUNT(*) AS n FROM attendance WHERE attended = 1 GROUP BY member_id
        ), s AS (
            SELECT member_id, MAX(at) AS last_at FROM violation
            WHERE at >= :strike_since GROUP BY member_id
        ), {chat_presence.SPOKE_DAYS.format(only="")}
        SELECT m.id, m.name, m.sort_key, t.name, m.star, m.first_seen, COALESCE(a.n, 0),
               s.last_at, {GROUPS_OF}, COALESCE(sp.n, 0), {chat_presence.IN_HISTORY}, {spoke}
        FROM member m JOIN tier t ON t.id = m.tier_id
        LEFT JOIN a ON a.member_id = m.id
        LEFT JOIN s ON s.member_id = m.id
        LEFT JOIN sp ON sp.member_id = m.id
        WHERE {where}
    """
    found = []
    for r in db.execute_sql(sql, params):
        first_seen = parse_time(r[5]) or now
        days = (now - first_seen).days
        struck = parse_time(r[7])
        strike_days = None if struck is None else (now - struck).days
        flags = {
            "meetups": r[6] >= c["meetups"],
            "member_days": first_seen <= now - timedelta(days=c["member_days"]),
            "strike_free": struck is None,
            "star": bool(r[4]) and c["star"],
            "spoke": 0 < r[11] <= r[9] and struck is None,
        }
        met = tuple(code for code in MET_CODES if flags[code])
        words = {
            "meetups": f"{_count(r[6], 'meetup')} attended",
            "member_days": f"member for {_count(days, 'day')}",
            "strike_free": f"no strike in {_count(c['strike_free_days'], 'day')}",
            "star": "star member",
            "spoke": f"spoke on {r[9]} of the last 30 days",
        }
        parts = [words["meetups"], words["member_days"]]
        if struck is None:
            parts.append(words["strike_free"])
        else:
            parts.append(f"a strike {_count(strike_days or 0, 'day')} ago")
        if r[4]:
            parts.append(words["star"])
        reason = ", ".join(words[code] for code in met)
        candidate = Candidate(
            member_id=r[0],
            name=r[1],
            tier=r[3],
            star=bool(r[4]),
            met=met,
            detail=" · ".join(parts),
            groups=r[8] or "",
            meetups_attended=r[6],
            member_days=days,
            strike_days=strike_days,
            spoke_days=r[9] if r[10] else None,
        )
        found.append((candidate, r[2], reason))
    found.sort(key=lambda x: (-len(x[0].met), not x[0].star, -x[0].meetups_attended,
                              -(x[0].spoke_days or 0), x[1]))  # fmt: skip
    return [(candidate, reason) for candidate, _, reason in found]


def promotion_candidates(now: datetime | None = None) -> list[Candidate]:
    """Active members below the helper tier who meet the criteria, not recently dismissed.

    They qualify by meeting all of: meetups attended ≥ N, member for ≥ D days, no strike
    in the last S days; or by being a star, when that criterion is on; or, from chat history,
    by a message on ≥ ``promotion_spoke_days`` of the last 30 days and no strike in S days.
    """
    return [candidate for candidate, _ in _promotion_rows(now or clock.now())]


@undoable("promote", detail=member_name)
def accept_promotion(member_id: int, reason: str = "", to_tier_id: int | None = None) -> Tier:
    """Move a member below the helpers up one tier, or to ``to_tier_id`` (any tier above);
    the reason defaults to the criteria they met. Returns the tier they moved to."""
    member = get_member(member_id)
    tier = Tier.get_by_id(member.tier_id)
    if tier.rank <= HELPER_RANK:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{name} is already in “{tier}”, at or above the helpers."),
            name=member.name,
            tier=tier.name,
        )
    target = _target(member_id, "promotion", to_tier_id)
    if not reason.strip():
        ((_, met),) = _promotion_rows(clock.now(), only=member_id)
        reason = f"Promotion suggested: {met}" if met else "Promoted to the helper tier"
    set_tier([member_id], target.id, reason)
    return target


# --- demotion ------------------------------------------------------------------------------


def _demotion_rows(now: datetime, only: int | None = None) -> list[Candidate]:
    helper = helper_tier()
    limit = demotion_margin() * helper.checkin_days if helper.checkin_days else None
    params: dict[str, Any] = {
        "helper": helper.id,
        "now": str(now),
        "only": only,
        "margin": settings.DEFAULTS["tier_margin_days"],
    }
    if only is not None:
        where = "m.id = :only"
    else:
        where = (
            f"m.tier_id = :helper AND +m.status = 'active' AND NOT {OUT_OF_EVERY_GROUP}"
            " AND NOT EXISTS (SELECT 1 FROM"
            " suggestion_dismissal d WHERE d.member_id = m.id AND d.kind = 'demotion'"
            " AND d.until > :now)"
            f" AND NOT {MOVED.format(way='<')}"  # promoted lately: no flapping
        )
    sql = f"""
        WITH l AS (
            SELECT member_id, MAX(at) AS at FROM interaction
            WHERE member_id IN (SELECT id FROM member WHERE tier_id = :helper)
            GROUP BY member_id
        )
        SELECT m.id, m.name, m.sort_key, m.star, m.first_seen, m.last_contacted, l.at,
               {GROUPS_OF}, {chat_presence.LAST_SPOKE}, {chat_presence.IN_HISTORY},
               {chat_presence.chat_days_sql("demotion_silent_days")}
        FROM member m LEFT JOIN l ON l.member_id = m.id
        WHERE {where}
    """
    found = []
    for r in db.execute_sql(sql, params):
        last = latest(parse_time(r[6]), parse_time(r[5])) or parse_time(r[4]) or now
        days = (now - last).days
        hushed = (
            chat_presence.silent_days(parse_time(r[8]), parse_time(r[4]), now) if r[9] else None
        )
        late = {"silent": limit is not None and now - last > timedelta(days=limit),
                "chat_silent": hushed is not None and 0 < r[10] <= hushed}  # fmt: skip
        if not any(late.values()) and (only is None or limit is None):
            continue  # (the operator may demote anyone: ``only`` is read when there is a cadence)
        candidate = Candidate(
            member_id=r[0],
            name=r[1],
            tier=helper.name,
            star=bool(r[3]),
            met=tuple(code for code, on in late.items() if on) or ("silent",),
            detail=f"no logged interaction for {_count(days, 'day')} (the margin is {limit} days)",
            groups=r[7] or "",
            silent_days=days,
            chat_silent_days=hushed,
        )
        found.append((candidate, r[2]))
    found.sort(key=lambda x: (-x[0].silent_days, x[1], x[0].member_id))
    return [candidate for candidate, _ in found]


def demotion_candidates(now: datetime | None = None) -> list[Candidate]:
    """Active helpers with no logged interaction for longer than margin × the tier's cadence,
    or (members of a group with chat history) silent in the chat for ≥
    ``demotion_silent_days`` (since they last spoke in any group, else joined one).

    Counted from their latest interaction of any kind, or ``last_contacted``, or when they were
    first seen (none by contact when the helper tier has no cadence). Recently dismissed ones
    are left out.
    """
    return _demotion_rows(now or clock.now())


@undoable("demote", detail=member_name)
def accept_demotion(member_id: int, reason: str = "", to_tier_id: int | None = None) -> Tier:
    """Move a helper down one tier, or to ``to_tier_id`` (any tier below); the tier moved to."""
    member = get_member(member_id)
    helper = helper_tier()
    if member.tier_id != helper.id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{name} is not in the helper tier “{tier}”."),
            name=member.name,
            tier=helper.name,
        )
    if not reason.strip():
        rows = _demotion_rows(clock.now(), only=member_id)  # none when there is no cadence
        silent = _count(rows[0].silent_days, "day") if rows else ""
        reason = (
            f"Demotion suggested: no logged interaction for {silent}"
            if rows
            else "Moved below the helper tier"
        )
        if rows and "chat_silent" in rows[0].met:
            reason += f", silent in the chat for {_count(rows[0].chat_silent_days or 0, 'day')}"
    target = _target(member_id, "demotion", to_tier_id)
    set_tier([member_id], target.id, reason)
    return target


# --- dismissal -----------------------------------------------------------------------------


def dismiss(member_id: int, kind: str, now: datetime | None = None) -> None:
    """Do not suggest this member for ``kind`` ("promotion" or "demotion") for 90 days."""
    if kind not in KINDS:
        raise ValueError(f"unknown suggestion kind {kind!r}")
    get_member(member_id)
    until = (now or clock.now()) + timedelta(days=DISMISS_DAYS)
    with db.atomic():
        SuggestionDismissal.insert(member=member_id, kind=kind, until=until).on_conflict(
            conflict_target=[SuggestionDismissal.member, SuggestionDismissal.kind],
            update={SuggestionDismissal.until: until},
        ).execute()
