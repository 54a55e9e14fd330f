"""0017: each sender's last 30 days kept by triggers, the covering index of a member's daily
counts, the foreign keys' redundant indexes gone; undone and applied again over a file with
chat history, whose first look sums the window from the daily counts already there."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

from app.core import activity, clock
from app.core.database import key_functions
from app.store.database import close_database, open_database
from app.store.file_check import known_migrations
from app.store.models import db
from tests.store.migrating import undo

NEW = {"chatday_group_id_member_id_day_operator_messages", "chatrecent_group_id_operator_member_id"}
OLD = {"chatday_group_id", "chatday_member_id", "message_group_id"}
TRIGGERS = {"chat_day_recent_insert", "chat_day_recent_delete", "chat_day_recent_update"}


def names(path: Path, kind: str) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        query = "SELECT name FROM sqlite_master WHERE type = ?"
        return {r[0] for r in conn.execute(query, (kind,))}


def test_0017_can_be_undone_and_applied_again_over_chat_history(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    open_database(path, clock.now(), derived=key_functions)
    close_database()
    assert undo(path, "0017_chat_recent") == known_migrations()[-1:]
    assert names(path, "index") >= OLD and not NEW & names(path, "index")
    assert not {"chat_recent", "chat_recent_window"} & names(path, "table")
    assert not TRIGGERS & names(path, "trigger")
    today = clock.local_today()
    with closing(sqlite3.connect(path)) as old, old:
        old.execute(
            "INSERT INTO chat_group (id, name, sort_key, platform, platform_id, kind, description,"
            " announcement, archived, created_at) VALUES (1, '群', 'q', 'qq', '', 'interest', '',"
            " '', 0, '2026-01-01 00:00:00')"
        )
        old.execute(
            "INSERT INTO chat_source (group_id, platform, chat_id, name, format, files,"
            " first_at, last_at, imported_at) VALUES (1, 'qq', '1', '', 'chatlab-jsonl', '[]',"
            " '2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
        old.executemany(
            "INSERT INTO chat_day (group_id, member_id, day, operator, messages)"
            " VALUES (1, NULL, ?, 1, ?)",
            [((today - timedelta(days=d)).isoformat(), 3) for d in (0, 5, 40)],
        )
    open_database(path, clock.now(), derived=key_functions)
    assert names(path, "index") >= NEW and not OLD & names(path, "index")
    assert names(path, "trigger") >= TRIGGERS
    assert db.execute_sql("SELECT count(*) FROM chat_recent").fetchone()[0] == 0
    found = activity.group_activity()[1]
    assert (found.messages_30d, found.operator_messages_30d) == (6, 6)
    assert [tuple(r) for r in db.execute_sql("SELECT * FROM chat_recent")] == [(1, 1, 0, 1, 6, 2)]
