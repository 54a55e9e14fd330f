"""The SQL behind ``activity``: each query reads every group at once (or the groups listed),
so the number of statements never grows with the number of groups.

They read the daily counts (``chat_day``, bots already left out by the import) and a few
other tables; never the messages, except the few flagged ad-like (``message_ad_recent``).
"""

from __future__ import annotations

from typing import Any

from app.store.models import db

GROUPS = """
    SELECT g.id, g.name, g.sort_key,
           EXISTS (SELECT 1 FROM chat_source s WHERE s.group_id = g.id)
           OR EXISTS (SELECT 1 FROM chat_day d WHERE d.group_id = g.id)
    FROM chat_group g WHERE {only}
"""
# members: the active memberships when a roster was imported (a membership not seen only in
# chat history), else every member seen in the chat (senders and joiners, who got one each)
MEMBERS = """
    SELECT group_id, SUM(left_at IS NULL), SUM(NOT chat_only), COUNT(*)
    FROM membership WHERE 1 {only} GROUP BY group_id
"""
# messages, the operator's and speakers per week (0 = the oldest of the weeks shown)
WEEKS = """
    SELECT group_id, CAST((julianday(day) - julianday(:start)) / 7 AS INTEGER) AS week,
           SUM(messages), SUM(CASE WHEN operator THEN messages ELSE 0 END),
           COUNT(DISTINCT CASE WHEN NOT operator THEN member_id END)
    FROM chat_day WHERE day >= :start AND day <= :today {only} GROUP BY group_id, week
"""
# per sender of the last 30 days: messages and days (member null: the operator, unmatched)
RECENT = """
    SELECT group_id, member_id, operator, SUM(messages), COUNT(*)
    FROM chat_day WHERE day >= :since AND day <= :today {only}
    GROUP BY group_id, member_id, operator
"""
# members still in the group with enough messages in the window before the last days and
# none since
QUIET = """
    SELECT d.group_id, d.member_id, m.name, m.sort_key, SUM(d.messages), MAX(d.day)
    FROM chat_day d JOIN member m ON m.id = d.member_id
    JOIN membership ms ON ms.group_id = d.group_id AND ms.member_id = d.member_id
    WHERE d.day >= :before AND d.day <= :today AND NOT d.operator AND ms.left_at IS NULL {only}
    GROUP BY d.group_id, d.member_id
    HAVING MAX(d.day) < :since AND SUM(d.messages) >= :least
"""
NEWCOMERS = """
    SELECT ms.group_id, ms.member_id, m.name, m.sort_key, ms.joined_at,
           ms.last_spoke_at IS NOT NULL
    FROM membership ms JOIN member m ON m.id = ms.member_id
    WHERE ms.joined_at >= :joined AND ms.left_at IS NULL {only}
"""
ADS = """
    SELECT msg.group_id, msg.id, msg.member_id, coalesce(m.name, msg.sender_name), msg.sent_at,
           msg.excerpt,
           EXISTS (SELECT 1 FROM violation v WHERE v.member_id = msg.member_id
                   AND v.group_id = msg.group_id AND v.at >= msg.sent_at)
    FROM message msg LEFT JOIN member m ON m.id = msg.member_id
    WHERE msg.flags & 2 AND msg.sent_at >= :ads {only}
    ORDER BY msg.sent_at DESC, msg.id DESC
"""
NAMES = "SELECT id, name, sort_key FROM member WHERE id IN ({marks})"
MEMBER_DAYS = """
    SELECT d.group_id, d.day, d.messages FROM chat_day d
    WHERE d.member_id = :member AND d.day >= :start AND d.day <= :today AND NOT d.operator
"""
MEMBER_GROUPS = """
    SELECT ms.group_id, g.name, g.sort_key, ms.last_spoke_at, ms.left_at
    FROM membership ms JOIN chat_group g ON g.id = ms.group_id
    WHERE ms.member_id = :member
"""


def rows(sql: str, params: dict[str, Any], group_ids: list[int] | None, column: str) -> list[Any]:
    """The rows of ``sql`` for the groups listed (all when None): ``{only}`` narrows
    ``column`` to them (``GROUPS``: the non-archived groups when none are listed)."""
    if group_ids is None:
        only = "g.archived = 0" if column == "g.id" else ""
    else:
        marks = ", ".join(str(int(g)) for g in group_ids) or "NULL"
        only = f"{column} IN ({marks})" if column == "g.id" else f"AND {column} IN ({marks})"
    found: list[Any] = db.execute_sql(sql.format(only=only), params).fetchall()
    return found
