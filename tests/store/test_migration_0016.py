"""0016: the partial indexes of the live memberships, the covering indexes of a member's
memberships, of the daily chat counts by day and of the tasks by group; undone and applied
again, with the data kept."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from app.core import clock
from app.core.database import key_functions
from app.store.database import close_database, open_database
from app.store.file_check import known_migrations
from app.store.models import db
from tests.store.migrating import undo

NEW = {
    "membership_spoke", "membership_joined", "membership_staff",
    "membership_member_id_left_at_group_id_role_last_spoke_at",
    "chatday_day_group_id_member_id_operator_messages", "task_group_id_status_done_at",
}  # fmt: skip
OLD = {"membership_member_id", "task_group_id_status"}


def names(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_0016_can_be_undone_and_applied_again_keeping_the_memberships(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    open_database(path, clock.now(), derived=key_functions)
    close_database()
    later = known_migrations()[known_migrations().index("0016_health_speed") :]
    assert undo(path, "0016_health_speed") == later[::-1]
    assert names(path) >= OLD and not NEW & names(path)
    with closing(sqlite3.connect(path)) as old, old:
        old.execute(
            "INSERT OR IGNORE INTO tier (id, rank, name, description, colour, name_key,"
            " description_key) VALUES (1, 1, 'x', '', '#888', '', '')"
        )
        old.execute(
            "INSERT INTO chat_group (id, name, sort_key, platform, platform_id, kind, description,"
            " announcement, archived, created_at) VALUES (1, '群', 'q', 'qq', '', 'interest', '',"
            " '', 0, '2026-01-01 00:00:00')"
        )
        old.execute(
            "INSERT INTO member (id, name, sort_key, email, city, gender, notes, star, tier_id,"
            " status, status_reason, first_seen) VALUES (1, '人', 'r', '', '', '', '', 0,"
            " 1, 'active', '', '2026-01-01 00:00:00')"
        )
        old.execute(
            "INSERT INTO membership (member_id, group_id, nickname, role, joined_at,"
            " last_spoke_at) VALUES (1, 1, '', 'admin', '2026-11-30 08:00:00',"
            " '2026-12-01 09:00:00')"
        )
    open_database(path, clock.now(), derived=key_functions)
    assert names(path) >= NEW and not OLD & names(path)
    plan = " ".join(
        str(r[-1])
        for r in db.execute_sql(
            "EXPLAIN QUERY PLAN SELECT group_id FROM membership INDEXED BY membership_staff"
            " WHERE left_at IS NULL AND role IN ('owner', 'admin')"
        )
    )
    assert "membership_staff" in plan
    found = db.execute_sql(
        "SELECT group_id, member_id FROM membership INDEXED BY membership_joined"
        " WHERE left_at IS NULL AND joined_at >= '2026-11-01'"
    ).fetchall()
    assert [tuple(r) for r in found] == [(1, 1)]
