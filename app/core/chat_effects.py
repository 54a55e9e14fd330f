"""What new messages and events change beyond their own rows, computed from the rows just
written (never from all messages): the daily per-member counts, members' last-spoke dates,
the operator's interactions with the group, joined and left dates.

The operator's messages count as their interactions with the group: one ``Interaction`` of
kind ``chat`` per local day on which they wrote in it (at their last message that day), so the
group's last interaction, its health and its interactions per week follow the chat.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from app.core import clock
from app.store.models import Interaction, db

CHAT_INTERACTION = "chat"  # the kind of the operator's interactions read from chat history
FLAG_LINK, FLAG_AD, FLAG_REPLY, FLAG_BOT, FLAG_OPERATOR = 1, 2, 4, 8, 16
FLAGS = {"link": FLAG_LINK, "ad": FLAG_AD, "reply": FLAG_REPLY, "bot": FLAG_BOT}
FLAGS["operator"] = FLAG_OPERATOR

_DAYS_SQL = """
    SELECT member_id, (flags & 16) != 0, date(sent_at, ?), count(*), max(sent_at)
    FROM message
    WHERE id > ? AND id <= ? AND group_id = ? AND sent_at >= ? AND sent_at < ? AND (flags & 8) = 0
    GROUP BY 1, 2, 3
"""
Key = tuple[int | None, bool, str]  # member (None: operator or unmatched), operator, local day


def _text(moment: datetime) -> str:
    return moment.isoformat(" ")


def _segments(first: datetime, last: datetime) -> Iterator[tuple[datetime, datetime, int]]:
    """Spans [start, end) of UTC time over which the local zone keeps one offset (minutes)."""
    start = first.replace(minute=0, second=0, microsecond=0)
    offset = _offset(start)
    at = start
    while at <= last:
        nxt = at + timedelta(hours=1)
        if nxt > last or _offset(nxt) != offset:
            yield start, nxt, offset
            start = nxt
            offset = _offset(nxt) if nxt <= last else offset
        at = nxt


def _offset(moment: datetime) -> int:
    delta = clock.to_local(moment).utcoffset() or timedelta(0)
    return int(delta.total_seconds() // 60)


def day_counts(
    group_id: int, ranges: list[tuple[int, int]], counted: dict[Key, list[Any]]
) -> dict[Key, tuple[int, str]]:
    """Messages (bots left out) per member, operator and local day: ``counted`` (found while
    writing) and those of the rows with ids in ``ranges`` (lo, hi], read back: the count and
    the latest time."""
    out: dict[Key, tuple[int, str]] = {k: (v[0], v[1]) for k, v in counted.items()}
    for low, high in ranges:
        row = db.execute_sql(
            "SELECT min(sent_at), max(sent_at) FROM message WHERE id > ? AND id <= ?",
            (low, high),
        ).fetchone()
        if row[0] is None:
            continue
        first, last = (datetime.fromisoformat(v) for v in row)
        for start, end, offset in _segments(first, last):
            params = (f"{offset:+d} minutes", low, high, group_id, _text(start), _text(end))
            for member, operator, day, count, latest in db.execute_sql(_DAYS_SQL, params):
                key = (member, bool(operator), day)
                had = out.get(key)
                out[key] = (count, latest) if had is None else (had[0] + count, max(had[1], latest))
    return out


def write_days(group_id: int, days: dict[Key, tuple[int, str]]) -> None:
    """Add ``days`` to the daily counts of the group."""
    cursor = db.cursor()
    cursor.executemany(
        "INSERT INTO chat_day (group_id, member_id, day, operator, messages) VALUES (?, ?, ?, 0, ?)"
        " ON CONFLICT (group_id, member_id, day) DO UPDATE SET messages = messages + "
        "excluded.messages",
        [(group_id, m, d, c) for (m, _op, d), (c, _at) in days.items() if m is not None],
    )
    for (member, operator, day), (count, _at) in days.items():
        if member is not None:
            continue
        cursor.execute(
            "UPDATE chat_day SET messages = messages + ? WHERE group_id = ? AND member_id IS NULL"
            " AND day = ? AND operator = ?",
            (count, group_id, day, operator),
        )
        if cursor.rowcount == 0:
            cursor.execute(
                "INSERT INTO chat_day (group_id, member_id, day, operator, messages)"
                " VALUES (?, NULL, ?, ?, ?)",
                (group_id, day, operator, count),
            )


def write_last_spoke(group_id: int, days: dict[Key, tuple[int, str]]) -> None:
    """Memberships' last-spoke dates: the latest of what they held and the new messages."""
    latest: dict[int, str] = {}
    for (member, _op, _day), (_count, at) in days.items():
        if member is not None and at > latest.get(member, ""):
            latest[member] = at
    db.cursor().executemany(
        "UPDATE membership SET last_spoke_at = ? WHERE group_id = ? AND member_id = ?"
        " AND (last_spoke_at IS NULL OR last_spoke_at < ?)",
        [(at, group_id, member, at) for member, at in latest.items()],
    )


def write_operator_days(group_id: int, days: dict[Key, tuple[int, str]]) -> None:
    """One ``chat`` interaction per local day the operator wrote in the group (at the last)."""
    mine = {day: at for (m, op, day), (_c, at) in days.items() if op and m is None}
    if not mine:
        return
    existing: dict[str, tuple[int, datetime]] = {}
    query = Interaction.select(Interaction.id, Interaction.at).where(
        Interaction.group == group_id, Interaction.kind == CHAT_INTERACTION
    )
    for row in query:
        existing[clock.local_date(row.at).isoformat()] = (row.id, row.at)
    for day, at_text in mine.items():
        at = datetime.fromisoformat(at_text)
        had = existing.get(day)
        if had is None:
            Interaction.create(group=group_id, kind=CHAT_INTERACTION, at=at)
        elif had[1] < at:
            Interaction.update(at=at).where(Interaction.id == had[0]).execute()


def write_membership_dates(
    group_id: int,
    joins: dict[int, tuple[datetime, datetime]],
    leaves: dict[int, datetime],
) -> None:
    """Joined and left dates from join and leave events, where the roster knows less: a
    membership without a joined date takes the first join; one not marked as left takes the
    last leave when nothing (a join, a message) came after it; a left membership whose
    member joined again after leaving is in the group again."""
    for member in set(joins) | set(leaves):
        row = db.execute_sql(
            "SELECT id, joined_at, left_at, last_spoke_at FROM membership"
            " WHERE group_id = ? AND member_id = ?",
            (group_id, member),
        ).fetchone()
        if row is None:
            continue
        mid, joined, left, spoke = (row[0], *(_parse(v) for v in row[1:]))
        first_join, last_join = joins.get(member, (None, None))
        last_leave = leaves.get(member)
        changes: dict[str, datetime | None] = {}
        if first_join is not None and joined is None:
            changes["joined_at"] = joined = first_join
        if last_leave is not None and (last_join is None or last_leave > last_join):
            quiet_since = (spoke is None or spoke <= last_leave) and (
                joined is None or joined <= last_leave
            )
            if left is None and quiet_since:
                changes["left_at"] = last_leave
        elif last_join is not None and left is not None and left < last_join:
            changes["left_at"] = None
        if changes:
            sets = ", ".join(f"{k} = ?" for k in changes)
            values = [None if v is None else _text(v) for v in changes.values()]
            db.execute_sql(f"UPDATE membership SET {sets} WHERE id = ?", (*values, mid))


def _parse(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)
