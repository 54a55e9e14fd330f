"""A member's talk across their groups, for the pyramid (PRODUCT.md §4b): days with a message
in the last 30 days, their presence, and how long they have been silent.

Only members of a group with chat history (an imported chat source) have these figures; for
everyone else they are None (the window shows "—"). The SQL pieces here are used by
``core/candidates.py`` (promotion "spoke on N of the last 30 days", demotion "silent for N
days") and ``core/care.py`` (presence beside each helper).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from app.core import activity, clock, settings
from app.core.care import parse_time
from app.core.errors import QT_TRANSLATE_NOOP
from app.core.health_thresholds import thresholds
from app.store.models import db

DAYS = activity.RECENT_DAYS  # "the last 30 days"
# the member ``m`` is in a group (still) whose chat history was imported
IN_HISTORY = (
    "EXISTS (SELECT 1 FROM membership hm JOIN chat_source hs ON hs.group_id = hm.group_id"
    " WHERE hm.member_id = m.id AND hm.left_at IS NULL)"
)
# days with a message of each member in the last 30 days, in any group (a CTE named ``sp``)
SPOKE_DAYS = """sp AS (
    SELECT member_id, COUNT(DISTINCT day) AS n FROM chat_day
    WHERE day >= :spoke_since AND day <= :spoke_today AND NOT operator
          AND member_id IS NOT NULL {only}
    GROUP BY member_id
)"""
# when ``m`` last spoke in any of their groups, else joined a group with chat history
LAST_SPOKE = (
    "COALESCE((SELECT MAX(ms.last_spoke_at) FROM membership ms WHERE ms.member_id = m.id),"
    " (SELECT MIN(hm.joined_at) FROM membership hm JOIN chat_source hs"
    " ON hs.group_id = hm.group_id WHERE hm.member_id = m.id AND hm.left_at IS NULL))"
)


# the pyramid's criteria from chat history (0: not used)
CRITERIA: dict[str, tuple[int, int, str]] = {
    "promotion_spoke_days": (0, DAYS, QT_TRANSLATE_NOOP("Errors", "days spoken of the last 30")),
    "demotion_silent_days": (0, 3650, QT_TRANSLATE_NOOP("Errors", "days silent in the chat")),
}


def chat_days(key: str) -> int:
    """``promotion_spoke_days`` (promotion: spoke on N of the last 30 days) or
    ``demotion_silent_days`` (demotion: silent in the chat for N days); 0: not used."""
    stored = settings.get(key)
    return int(settings.DEFAULTS[key] if stored is None else stored)


def chat_days_sql(key: str) -> str:
    """``chat_days(key)`` read inside a query (no statement of its own)."""
    default = int(settings.DEFAULTS[key])
    return f"CAST(COALESCE((SELECT value FROM setting WHERE key = '{key}'), {default}) AS INTEGER)"


def set_chat_days(key: str, days: int) -> None:
    """Store one of ``CRITERIA`` within its range."""
    settings.put(key, settings.whole_number(days, *CRITERIA[key]))


def window(now: datetime) -> dict[str, str]:
    """The parameters of ``SPOKE_DAYS``: the last 30 local days up to today."""
    today = clock.local_today(now)
    return {
        "spoke_since": (today - timedelta(days=DAYS - 1)).isoformat(),
        "spoke_today": today.isoformat(),
    }


def silent_days(last: datetime | None, first_seen: datetime | None, now: datetime) -> int:
    """Local calendar days since ``last`` spoke (or, never, since first seen)."""
    since = last or first_seen or now
    return max(0, clock.days_between(since, now))


def talk(member_ids: Sequence[int], now: datetime | None = None) -> dict[int, Any]:
    """Member id → (days with a message in the last 30, presence, days silent) for the members
    in a group with chat history; the others are left out. One query."""
    now = now or clock.now()
    ids = [int(i) for i in dict.fromkeys(member_ids)]
    if not ids:
        return {}
    marks = ", ".join(str(i) for i in ids)
    only = f"AND member_id IN ({marks})"
    sql = f"""
        WITH {SPOKE_DAYS.format(only=only)}
        SELECT m.id, COALESCE(sp.n, 0), {LAST_SPOKE}, m.first_seen
        FROM member m LEFT JOIN sp ON sp.member_id = m.id
        WHERE m.id IN ({marks}) AND {IN_HISTORY}
    """
    t = thresholds()
    out: dict[int, Any] = {}
    for member_id, days, last, first in db.execute_sql(sql, window(now)):
        quiet = silent_days(parse_time(last), parse_time(first), now)
        out[int(member_id)] = (int(days), activity.presence_of(int(days), t), quiet)
    return out


def presences(member_ids: Sequence[int], now: datetime | None = None) -> dict[int, str | None]:
    """Member id → "regular", "occasional", "once" or "silent" over the last 30 days; None
    for a member in no group with chat history."""
    found = talk(member_ids, now)
    return {int(i): (found[i][1] if i in found else None) for i in member_ids}
