"""The weekly chat figures (``chat_week``, migration 0015) for a bulk write of daily counts.

Triggers on ``chat_day`` keep ``chat_week`` up to date row by row; each looks up the member's
other days of that week through ``chat_day``'s index. A writer that drops those indexes to
write millions of rows at once (the sample community) turns the triggers off for the write
and has the weeks made again from the daily counts after, in one statement.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.core import chat_recent
from app.store.models import db

# the Monday starting the local week of a day (SQLite's %w: 0 is Sunday)
WEEK_OF = "date({d}, '-' || ((CAST(strftime('%w', {d}) AS INTEGER) + 6) % 7) || ' days')"
REFILL = (
    "DELETE FROM chat_week",
    "INSERT INTO chat_week (group_id, week, messages, operator_messages, speakers)"
    f" SELECT group_id, {WEEK_OF.format(d='day')} AS w, SUM(messages),"
    " SUM(CASE WHEN operator THEN messages ELSE 0 END),"
    " COUNT(DISTINCT CASE WHEN NOT operator THEN member_id END)"
    " FROM chat_day GROUP BY group_id, w",
)


@contextmanager
def weeks_made_after() -> Iterator[None]:
    """``chat_day``'s triggers off for the block; ``chat_week`` made again from the daily
    counts after it (``chat_recent`` at the next look). Inside the caller's transaction: a
    rollback puts the triggers back."""
    triggers = db.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'chat_day'"
    ).fetchall()
    for name, _sql in triggers:
        db.execute_sql(f'DROP TRIGGER "{name}"')
    yield
    for sql in REFILL:
        db.execute_sql(sql)
    chat_recent.forget()  # filled again for the window asked, at the next look
    for _name, sql in triggers:
        db.execute_sql(sql)
