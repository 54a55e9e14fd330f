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
           OR EXISTS (SELECT 1 FROM chat_week w WHERE w.group_id = g.id)
    FROM chat_group g WHERE {only}
"""
# messages, the operator's and speakers per week, kept by triggers on chat_day (0015)
WEEKS = """
    SELECT group_id, week, messages, speakers, operator_messages FROM chat_week
    WHERE week >= :start AND week <= :today {only}
"""
RECENT_INDEX = "chatday_day_group_id_member_id_operator_messages"
# per sender of the last 30 days: messages and days (member null: the operator, unmatched);
# the covering index (0016) holds them all, so the table itself is never read
RECENT = """
    SELECT group_id, member_id, operator, SUM(messages), COUNT(*)
    FROM chat_day {index}
    WHERE day >= :since AND day <= :today {only}
    GROUP BY group_id, member_id, operator
"""
# of the members who last spoke in the window (``:pairs``, JSON [[group, member], ...]), those
# with enough messages in it and none since
QUIET = """
    SELECT d.group_id, d.member_id, SUM(d.messages), MAX(d.day)
    FROM json_each(:pairs) j CROSS JOIN chat_day d INDEXED BY chatday_group_id_member_id_day
    ON d.group_id = json_extract(j.value, '$[0]') AND d.member_id = json_extract(j.value, '$[1]')
    WHERE d.day >= :before AND d.day <= :today AND NOT d.operator
    GROUP BY d.group_id, d.member_id
    HAVING MAX(d.day) < :since AND SUM(d.messages) >= :least
"""
# the recent ad-like messages (the partial index ``message_ad_recent`` holds only them)
ADS = """
    SELECT msg.group_id, msg.id, msg.member_id, coalesce(m.name, msg.sender_name), msg.sent_at,
           msg.excerpt,
           EXISTS (SELECT 1 FROM violation v WHERE v.member_id = msg.member_id
                   AND v.group_id = msg.group_id AND v.at >= msg.sent_at)
    FROM message msg LEFT JOIN member m ON m.id = msg.member_id
    WHERE msg.flags & 2 AND msg.sent_at >= :ads {only}
    ORDER BY msg.sent_at DESC, msg.id DESC
"""
NAMES = """
    SELECT m.id, m.name, m.sort_key FROM json_each(:ids) j CROSS JOIN member m ON m.id = j.value
"""
MEMBER_DAYS = """
    SELECT d.group_id, d.day, d.messages FROM chat_day d
    WHERE d.member_id = :member AND d.day >= :start AND d.day <= :today AND NOT d.operator
"""
MEMBER_GROUPS = """
    SELECT ms.group_id, g.name, g.sort_key, ms.last_spoke_at, ms.left_at
    FROM membership ms JOIN chat_group g ON g.id = ms.group_id
    WHERE ms.member_id = :member
"""


def rows(
    sql: str, params: dict[str, Any], group_ids: list[int] | None, column: str, index: str = ""
) -> list[Any]:
    """The rows of ``sql`` for the groups listed (all when None): ``{only}`` narrows
    ``column`` to them (``GROUPS``: the non-archived groups when none are listed).

    ``{index}`` becomes ``INDEXED BY index`` when every group is read: without statistics
    (the app never runs ANALYZE) SQLite would take another index and step through it all.
    For a few groups listed, the planner's choice (their rows by group) is the better."""
    sql = sql.replace("{index}", f"INDEXED BY {index}" if group_ids is None and index else "")
    if group_ids is None:
        only = "g.archived = 0" if column == "g.id" else ""
    else:
        marks = ", ".join(str(int(g)) for g in group_ids) or "NULL"
        only = f"{column} IN ({marks})" if column == "g.id" else f"AND {column} IN ({marks})"
    found: list[Any] = db.execute_sql(sql.format(only=only), params).fetchall()
    return found
