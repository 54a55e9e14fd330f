"""0015: what activity (issue #19, PRODUCT.md §4b) reads fast at 5,000,000 messages. Never edit.

- ``chat_week``: each group's messages, the operator's and distinct speakers per local week
  (``week`` is its Monday), kept by triggers on ``chat_day`` whoever writes it (the chat
  import, a merge of two members, an erasure's cascade, the sample community), and filled
  here from the daily counts already imported.
- ``message_ad_recent``: the ad-like messages by time, a partial index holding only them (so
  an import pays nothing for the others).
- The memberships' covering index gains ``joined_at``: members, newcomers and who went quiet
  come from the one scan that group health already makes.
"""

from typing import Any

# the Monday starting the local week of a day (SQLite's %w: 0 is Sunday)
_WEEK = "date({d}, '-' || ((CAST(strftime('%w', {d}) AS INTEGER) + 6) % 7) || ' days')"
_ALONE = (
    "NOT EXISTS (SELECT 1 FROM chat_day d WHERE d.group_id = {r}.group_id"
    " AND d.member_id = {r}.member_id AND NOT d.operator AND d.id != {r}.id"
    " AND d.day >= {w} AND d.day < date({w}, '+7 days'))"
)


def _speaks(row: str) -> str:
    """1 when ``row`` is a member's (not the operator's) and the only one of theirs that week."""
    week = _WEEK.format(d=f"{row}.day")
    alone = _ALONE.format(r=row, w=week)
    return f"({row}.member_id IS NOT NULL AND NOT {row}.operator AND {alone})"


def _add(row: str) -> str:
    return (
        "INSERT INTO chat_week (group_id, week, messages, operator_messages, speakers)"
        f" VALUES ({row}.group_id, {_WEEK.format(d=f'{row}.day')}, {row}.messages,"
        f" CASE WHEN {row}.operator THEN {row}.messages ELSE 0 END, {_speaks(row)})"
        " ON CONFLICT (group_id, week) DO UPDATE SET messages = messages + excluded.messages,"
        " operator_messages = operator_messages + excluded.operator_messages,"
        " speakers = speakers + excluded.speakers;"
    )


def _take(row: str) -> str:
    # never an insert: a group being deleted may have lost its weeks already
    return (
        f"UPDATE chat_week SET messages = messages - {row}.messages,"
        f" operator_messages = operator_messages - CASE WHEN {row}.operator"
        f" THEN {row}.messages ELSE 0 END, speakers = speakers - {_speaks(row)}"
        f" WHERE group_id = {row}.group_id AND week = {_WEEK.format(d=f'{row}.day')};"
    )


TRIGGERS = {
    "chat_day_week_insert": f"AFTER INSERT ON chat_day BEGIN {_add('NEW')} END",
    "chat_day_week_delete": f"AFTER DELETE ON chat_day BEGIN {_take('OLD')} END",
    "chat_day_week_update": (
        "AFTER UPDATE OF group_id, member_id, day, operator, messages ON chat_day"
        f" BEGIN {_take('OLD')} {_add('NEW')} END"
    ),
}
MEMBERSHIP_OLD = ("group_id", "left_at", "member_id", "role", "last_spoke_at")
MEMBERSHIP_NEW = (*MEMBERSHIP_OLD, "joined_at")


def up(migrator: Any, db: Any) -> None:
    db.execute_sql(
        "CREATE TABLE chat_week (id INTEGER NOT NULL PRIMARY KEY, group_id INTEGER NOT NULL,"
        " week DATE NOT NULL, messages INTEGER NOT NULL, operator_messages INTEGER NOT NULL,"
        " speakers INTEGER NOT NULL,"
        ' FOREIGN KEY ("group_id") REFERENCES "chat_group" ("id") ON DELETE CASCADE)'
    )
    db.execute_sql('CREATE UNIQUE INDEX "chat_week_group_id_week" ON chat_week (group_id, week)')
    db.execute_sql(
        "INSERT INTO chat_week (group_id, week, messages, operator_messages, speakers)"
        f" SELECT group_id, {_WEEK.format(d='day')} AS w, SUM(messages),"
        " SUM(CASE WHEN operator THEN messages ELSE 0 END),"
        " COUNT(DISTINCT CASE WHEN NOT operator THEN member_id END)"
        " FROM chat_day GROUP BY group_id, w"
    )
    for name, body in TRIGGERS.items():
        db.execute_sql(f'CREATE TRIGGER "{name}" {body}')
    db.execute_sql('CREATE INDEX "message_ad_recent" ON message (sent_at) WHERE flags & 2')
    _membership_index(db, MEMBERSHIP_OLD, MEMBERSHIP_NEW)


def _membership_index(db: Any, old: tuple[str, ...], new: tuple[str, ...]) -> None:
    db.execute_sql(f'DROP INDEX IF EXISTS "membership_{"_".join(old)}"')
    columns = ", ".join(f'"{c}"' for c in new)
    db.execute_sql(f'CREATE INDEX "membership_{"_".join(new)}" ON "membership" ({columns})')


def down(migrator: Any, db: Any) -> None:
    _membership_index(db, MEMBERSHIP_NEW, MEMBERSHIP_OLD)
    db.execute_sql('DROP INDEX IF EXISTS "message_ad_recent"')
    for name in TRIGGERS:
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    db.execute_sql("DROP TABLE chat_week")
