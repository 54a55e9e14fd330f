"""The SQL behind ``activity``: each query reads every group at once (or the groups listed),
so the number of statements never grows with the number of groups.

They read the figures kept from the daily counts (``chat_week``, ``chat_recent``; bots
already left out by the import), the daily counts themselves for a few members, and a few
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
# each group's last 30 days (``{recent}``: the table ``chat_recent.hold`` names, one row per
# sender): all messages, the operator's, and the speakers (members: never the operator,
# never an unmatched sender)
SUMS = """
    SELECT group_id, SUM(messages), SUM(CASE WHEN operator THEN messages ELSE 0 END),
           SUM(member_id > 0 AND NOT operator)
    FROM {recent} INDEXED BY chatrecent_group_id_operator_messages_days_member_id
    WHERE true {only}
    GROUP BY group_id
"""
# of the groups given (``:groups``, JSON [[group, least], ...]), the speakers who may be
# named: the top ``:tenth + 1`` by messages and days and whoever ties with the last, and
# those with at least ``least`` messages (who may be soul figures); one step into the index
# per group
TOP = """
    SELECT r.group_id, r.member_id, r.messages, r.days
    FROM json_each(:groups) j
    CROSS JOIN {recent} r INDEXED BY chatrecent_group_id_operator_messages_days_member_id
    ON r.group_id = json_extract(j.value, '$[0]') AND r.operator = 0
    AND r.messages >= min(json_extract(j.value, '$[1]'), coalesce((
        SELECT t.messages
        FROM {recent} t INDEXED BY chatrecent_group_id_operator_messages_days_member_id
        WHERE t.group_id = json_extract(j.value, '$[0]') AND t.operator = 0 AND t.member_id > 0
        ORDER BY t.messages DESC, t.days DESC LIMIT 1 OFFSET :tenth), 0))
    WHERE r.member_id > 0
"""
# of the members whose last spoke date falls in the 90 days before the last 30, those with
# enough messages then and none since; taken in the order of the daily counts' index, so each
# step into it lands near the one before (twice as fast for 30,000 of them)
QUIET = """
    SELECT d.group_id, d.member_id, SUM(d.messages), MAX(d.day)
    FROM (SELECT group_id, member_id FROM membership {index}
          WHERE left_at IS NULL AND last_spoke_at IS NOT NULL AND last_spoke_at >= :quiet_from
          AND last_spoke_at < :quiet_to {only} ORDER BY group_id, member_id) p
    CROSS JOIN chat_day d INDEXED BY chatday_group_id_member_id_day_operator_messages
    ON d.group_id = p.group_id AND d.member_id = p.member_id
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
