"""0017: each sender's last 30 days, kept (issue #19, PRODUCT.md §7). Never edit.

- ``chat_recent``: per group and sender (``member_id``, 0 for the operator's messages and
  those of senders matched to nobody; ``operator`` tells the two apart), the messages and
  the days with a message in the window of ``chat_recent_window``: what a group's figures
  of the last 30 days, its top speakers and its soul figures come from, without summing
  every daily count of the month (200,000 of them in the reference load) at each look.
- ``chat_recent_window``: that window (one row: its first and last local day). Triggers on
  ``chat_day`` keep ``chat_recent`` up to date for the days inside it, whoever writes the
  daily counts; when the local day moves on, ``app/core/chat_recent.py`` fills the table
  again for the new window (once a day). Without a row, nothing is kept, and the next look
  fills it.
- The daily counts by group, member and day cover the operator flag and the count, so who
  went quiet (each member's 90 days before the last 30) is summed without a step into the
  table for each day.
- The foreign keys' own indexes of the daily counts (group, member) and of the messages
  (group) go: each is the first column of a wider index, which serves the same lookups
  (and a deletion's cascade). In the reference load they were 39 MB of 512 that every
  import wrote and every start's ``quick_check`` read.
"""

from typing import Any

_INSIDE = (
    "{r}.day >= (SELECT since FROM chat_recent_window)"
    " AND {r}.day <= (SELECT until FROM chat_recent_window)"
)
_SENDER = (
    "group_id = {r}.group_id AND operator = {r}.operator AND member_id = coalesce({r}.member_id, 0)"
)


def _add(r: str) -> str:
    return (
        "INSERT INTO chat_recent (group_id, member_id, operator, messages, days)"
        f" SELECT {r}.group_id, coalesce({r}.member_id, 0), {r}.operator, {r}.messages, 1"
        f" WHERE {_INSIDE.format(r=r)}"
        " ON CONFLICT (group_id, operator, member_id) DO UPDATE SET"
        " messages = messages + excluded.messages, days = days + 1;"
    )


def _take(r: str) -> str:
    return (
        f"UPDATE chat_recent SET messages = messages - {r}.messages, days = days - 1"
        f" WHERE {_SENDER.format(r=r)} AND {_INSIDE.format(r=r)};"
        f" DELETE FROM chat_recent WHERE {_SENDER.format(r=r)} AND days <= 0;"
    )


TRIGGERS = {
    "chat_day_recent_insert": f"AFTER INSERT ON chat_day BEGIN {_add('NEW')} END",
    "chat_day_recent_delete": f"AFTER DELETE ON chat_day BEGIN {_take('OLD')} END",
    "chat_day_recent_update": (
        "AFTER UPDATE OF group_id, member_id, day, operator, messages ON chat_day"
        f" BEGIN {_take('OLD')} {_add('NEW')} END"
    ),
}

COVERING = "chatday_group_id_member_id_day_operator_messages"
REDUNDANT = {
    "chatday_group_id": "chat_day (group_id)",
    "chatday_member_id": "chat_day (member_id)",
    "message_group_id": "message (group_id)",
}


def up(migrator: Any, db: Any) -> None:
    db.execute_sql(
        "CREATE TABLE chat_recent (id INTEGER NOT NULL PRIMARY KEY, group_id INTEGER NOT NULL,"
        " member_id INTEGER NOT NULL, operator INTEGER NOT NULL, messages INTEGER NOT NULL,"
        " days INTEGER NOT NULL,"
        ' FOREIGN KEY ("group_id") REFERENCES "chat_group" ("id") ON DELETE CASCADE)'
    )
    db.execute_sql(
        'CREATE UNIQUE INDEX "chatrecent_group_id_operator_member_id"'
        " ON chat_recent (group_id, operator, member_id)"
    )
    db.execute_sql(
        'CREATE INDEX "chatrecent_group_id_operator_messages_days_member_id"'
        " ON chat_recent (group_id, operator, messages, days, member_id)"
    )
    db.execute_sql(
        "CREATE TABLE chat_recent_window (id INTEGER NOT NULL PRIMARY KEY, since DATE NOT NULL,"
        " until DATE NOT NULL)"
    )
    for name, body in TRIGGERS.items():
        db.execute_sql(f'CREATE TRIGGER "{name}" {body}')
    db.execute_sql(
        f'CREATE INDEX "{COVERING}" ON chat_day (group_id, member_id, day, operator, messages)'
    )
    for name in REDUNDANT:
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')


def down(migrator: Any, db: Any) -> None:
    for name, body in REDUNDANT.items():
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON {body}')
    db.execute_sql(f'DROP INDEX IF EXISTS "{COVERING}"')
    for name in TRIGGERS:
        db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    db.execute_sql("DROP TABLE chat_recent_window")
    db.execute_sql("DROP TABLE chat_recent")
