"""The pyramid at a glance: members per tier, who moved this month, members per helper.

Each function is one or two SQL aggregates, whatever the number of members or groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.core import clock, settings
from app.core.groups import get_group
from app.core.standing import IN_COMMUNITY
from app.core.tiers import HELPER_RANK
from app.store.models import db

NO_HELPER_ABOVE = 50  # members: a group this big needs a second level (PRODUCT.md §4)
STAFF_ROLES = "('owner', 'admin')"


@dataclass(frozen=True)
class TierCount:
    """One band of the pyramid: a tier, how many are in it and their share of the whole."""

    tier_id: int
    rank: int
    name: str
    colour: str
    count: int
    share: float


@dataclass(frozen=True)
class Movement:
    """Active members who moved up, held their tier or moved down in a month."""

    up: int
    held: int
    down: int


@dataclass(frozen=True)
class GroupSpan:
    """Members per helper in a group, against the span target."""

    group_id: int
    name: str
    members: int
    helpers: int
    per_helper: float | None
    over_target: bool
    no_helper: bool


def _counts(rows: list[tuple[int, int, str, str, int]]) -> list[TierCount]:
    total = sum(r[4] for r in rows)
    return [
        TierCount(tier_id, rank, name, colour, count, count / total if total else 0.0)
        for tier_id, rank, name, colour, count in rows
    ]


def pyramid(group_id: int | None = None) -> list[TierCount]:
    """Active members by tier, top first, every tier present.

    For a group: its current members, where owners and admins below the helper tier count
    as helpers (they do a helper's work in that group).
    """
    if group_id is None:
        sql = (
            'SELECT t.id, t."rank", t.name, t.colour, COUNT(m.id) FROM tier t'
            f" LEFT JOIN member m ON m.tier_id = t.id AND {IN_COMMUNITY}"
            ' GROUP BY t.id ORDER BY t."rank"'
        )
        return _counts(list(db.execute_sql(sql).fetchall()))
    get_group(group_id)
    sql = f"""
        SELECT t.id, t."rank", t.name, t.colour, COALESCE(c.n, 0) FROM tier t LEFT JOIN (
            SELECT CASE WHEN ms.role IN {STAFF_ROLES} AND mt."rank" > :helper
                        THEN (SELECT id FROM tier WHERE "rank" = :helper)
                        ELSE m.tier_id END AS tier_id,
                   COUNT(*) AS n
            FROM membership ms
            JOIN member m ON m.id = ms.member_id
            JOIN tier mt ON mt.id = m.tier_id
            WHERE ms.group_id = :group AND ms.left_at IS NULL AND m.status = 'active'
            GROUP BY 1
        ) c ON c.tier_id = t.id
        ORDER BY t."rank"
    """
    rows = db.execute_sql(sql, {"helper": HELPER_RANK, "group": group_id}).fetchall()
    return _counts(list(rows))


def _month_span(day: date) -> tuple[datetime, datetime]:
    """Where the local calendar month of ``day`` starts and the next one starts (naive UTC)."""
    first = day.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return clock.local_day_start(first), clock.local_day_start(following)


def movement(month: date) -> Movement:
    """Up / held / down among active members in the local calendar month containing ``month``.

    A member's move is the net of that month's tier-change rows: from the first row's
    ``from_tier`` to the last row's ``to_tier`` (a lower rank is up). Rows whose tier was
    since removed (NULL) count as no move. ``held`` is every other active member, so
    ``up + held + down`` is the number of active members.
    """
    start, end = _month_span(month)
    sql = f"""
        WITH ch AS (
            SELECT member_id, from_tier_id, to_tier_id,
                   ROW_NUMBER() OVER (PARTITION BY member_id ORDER BY at, id) AS first_n,
                   ROW_NUMBER() OVER (PARTITION BY member_id ORDER BY at DESC, id DESC) AS last_n
            FROM tier_change WHERE at >= :start AND at < :end
        ), net AS (
            SELECT f.member_id, ft."rank" AS r0, lt."rank" AS r1
            FROM ch f
            JOIN ch l ON l.member_id = f.member_id AND l.last_n = 1
            JOIN tier ft ON ft.id = f.from_tier_id
            JOIN tier lt ON lt.id = l.to_tier_id
            WHERE f.first_n = 1
        )
        SELECT (SELECT COUNT(*) FROM member m WHERE {IN_COMMUNITY}),
               COALESCE(SUM(net.r1 < net.r0), 0),
               COALESCE(SUM(net.r1 > net.r0), 0)
        FROM net JOIN member m ON m.id = net.member_id AND {IN_COMMUNITY}
    """
    active, up, down = db.execute_sql(sql, {"start": str(start), "end": str(end)}).fetchone()
    return Movement(up=up, held=active - up - down, down=down)


def movements(now: datetime | None = None) -> tuple[Movement, Movement]:
    """(this month, the previous month), as local calendar months."""
    this_month = clock.local_today(now).replace(day=1)
    return movement(this_month), movement(this_month - timedelta(days=1))


def spans(target: int | None = None) -> list[GroupSpan]:
    """Members per helper in every group not archived, the most stretched first.

    Helpers are current active members in the top two tiers or with the owner or admin role.
    Groups of more than 50 members with no helper at all come first, then the highest
    members-per-helper.
    """
    if target is None:
        target = int(settings.get("helper_span_target") or 50)
    # Two aggregates over membership's covering index and a plain scan of its rows (for the
    # roles), testing ids against small lists, instead of joining 250,000 rows to members.
    sql = f"""
        WITH gone AS (SELECT id FROM member WHERE status != 'active'),
        top AS (SELECT id FROM member WHERE tier_id IN (
            SELECT id FROM tier WHERE "rank" <= :helper)),
        counts AS (
            SELECT ms.group_id AS group_id, COUNT(*) AS members,
                   SUM(ms.member_id IN top) AS helpers
            FROM membership ms
            WHERE ms.left_at IS NULL AND ms.member_id NOT IN gone
            GROUP BY ms.group_id
            UNION ALL
            SELECT ms.group_id, 0, COUNT(*) FROM membership ms NOT INDEXED
            WHERE ms.role IN {STAFF_ROLES} AND ms.left_at IS NULL
              AND ms.member_id NOT IN gone AND ms.member_id NOT IN top
            GROUP BY ms.group_id
        )
        SELECT g.id, g.name, g.sort_key, COALESCE(SUM(c.members), 0),
               COALESCE(SUM(c.helpers), 0)
        FROM chat_group g LEFT JOIN counts c ON c.group_id = g.id
        WHERE g.archived = 0
        GROUP BY g.id
    """
    rows = []
    for group_id, name, sort_key, members, helpers in db.execute_sql(sql, {"helper": HELPER_RANK}):
        per_helper = members / helpers if helpers else None
        span = GroupSpan(
            group_id=group_id,
            name=name,
            members=members,
            helpers=helpers,
            per_helper=per_helper,
            over_target=per_helper is not None and per_helper > target,
            no_helper=members > NO_HELPER_ABOVE and helpers == 0,
        )
        rows.append((span, sort_key))
    rows.sort(
        key=lambda r: (
            not r[0].no_helper,
            -r[0].members if r[0].no_helper else 0,
            r[0].per_helper is None,
            -(r[0].per_helper or 0.0),
            r[1],
            r[0].group_id,
        )
    )
    return [span for span, _ in rows]
