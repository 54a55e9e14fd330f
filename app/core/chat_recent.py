"""Each sender's last 30 days (``chat_recent``, migration 0017), for the window asked.

Triggers on ``chat_day`` keep ``chat_recent`` up to date for the days of its window
(``chat_recent_window``); ``hold(since, until)`` fills it again from the daily counts when
the window asked is another one (the local day moved on, or a look at another day), in
one statement, and says which table to read. ``forget()`` empties it, for a writer that
turned the triggers off.

Filling is a write on a path that reads. It never waits for another connection's write
(an import on a worker thread, another look filling the same window), nor fails with the
write: then this connection sums the window into a TEMP table of its own, read instead,
which needs no lock of the file.
"""

from __future__ import annotations

from peewee import OperationalError

from app.store.database import PRAGMAS
from app.store.models import db

HELD = "chat_recent"
OWN_NAME = "chat_recent_own"  # this connection's, when the file's could not be filled
OWN = f"temp.{OWN_NAME}"
INDEX = "chatrecent_group_id_operator_messages_days_member_id"  # the same name in both
SUMMED = (
    " SELECT group_id, coalesce(member_id, 0), operator, SUM(messages), COUNT(*)"
    " FROM chat_day INDEXED BY chatday_day_group_id_member_id_operator_messages"
    " WHERE day >= :since AND day <= :until"
    " GROUP BY group_id, operator, coalesce(member_id, 0)"
)
FILL = f"INSERT INTO chat_recent (group_id, member_id, operator, messages, days){SUMMED}"
OWN_TABLE = (
    f"CREATE TEMP TABLE IF NOT EXISTS {OWN_NAME} (group_id INTEGER, member_id INTEGER,"
    " operator INTEGER, messages INTEGER, days INTEGER)",
    f"CREATE INDEX IF NOT EXISTS temp.{INDEX} ON {OWN_NAME}"
    " (group_id, operator, messages, days, member_id)",
)


def _held() -> tuple[str, str] | None:
    row = db.execute_sql("SELECT since, until FROM chat_recent_window").fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def hold(since: str, until: str) -> str:
    """The table holding each sender's local days ``since`` to ``until`` (ISO dates):
    ``chat_recent`` as it was when it already held them, else filled again; this
    connection's own TEMP copy when another connection is writing the file."""
    window = (since, until)
    if _held() == window:
        return HELD
    outside = not db.connection().in_transaction
    if outside:
        db.execute_sql("PRAGMA busy_timeout = 0")
    try:
        with db.atomic("IMMEDIATE") if outside else db.atomic():
            if _held() != window:  # another look may have filled it meanwhile
                forget()
                db.execute_sql(FILL, {"since": since, "until": until})
                db.execute_sql(
                    "INSERT INTO chat_recent_window (id, since, until) VALUES (1, ?, ?)", window
                )
        return HELD
    except OperationalError:  # the file is being written (or cannot be): a look only reads
        return _own(since, until)
    finally:
        if outside:
            db.execute_sql(f"PRAGMA busy_timeout = {PRAGMAS['busy_timeout']}")


def _own(since: str, until: str) -> str:
    """This connection's own copy of the window, summed afresh."""
    for sql in OWN_TABLE:
        db.execute_sql(sql)
    db.execute_sql(f"DELETE FROM {OWN}")
    db.execute_sql(f"INSERT INTO {OWN}{SUMMED}", {"since": since, "until": until})
    return OWN


def forget() -> None:
    """Hold no window: the next ``hold`` fills the table again."""
    db.execute_sql("DELETE FROM chat_recent_window")
    db.execute_sql("DELETE FROM chat_recent")
