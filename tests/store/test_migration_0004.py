"""Migration 0004: the live-membership index grows to cover role and last spoke (health)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from playhouse.schema_diff import diff_models

from app.core import clock, health
from app.core.database import key_functions, open_community
from app.store.database import close_database, open_database
from app.store.file_check import known_migrations
from app.store.models import ALL_MODELS, db
from tests.store.migrating import database_at, undo

OLD = "membership_group_id_left_at_member_id"
NEW = "membership_group_id_left_at_member_id_role_last_spoke_at"
LATEST = f"{NEW}_joined_at"  # 0015 adds joined_at (activity)
HEALTH_SCAN = "SELECT group_id, COUNT(*) FROM membership WHERE left_at IS NULL GROUP BY group_id"


def indexes(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[1] for r in conn.execute("PRAGMA index_list(membership)")}


def plan(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return " ".join(r[-1] for r in conn.execute(f"EXPLAIN QUERY PLAN {HEALTH_SCAN}"))


def make_0003_database(path: Path) -> None:
    """A database as the version before 0004 left it: one group, three memberships."""
    with database_at(path, "0003_task_reminded_for") as database:
        database.execute_sql(
            "INSERT INTO tier (id, rank, name, description, colour)"
            " VALUES (1, 1, '成员', '', '#888')"
        )
        database.execute_sql(
            "INSERT INTO chat_group (id, name, sort_key, platform, platform_id, kind, description,"
            " announcement, archived, created_at) VALUES (1, '读书会', 'dushuhui', 'wechat', '',"
            " 'interest', '每周读一本书', '文明发言', 0, '2026-01-01 00:00:00')"
        )
        for number, (name, role, spoke, left) in enumerate(
            (
                ("王芳", "owner", "2026-03-01 10:00:00", None),
                ("李雷", "member", None, None),
                ("韩梅梅", "member", "2026-02-01 10:00:00", "2026-02-20 10:00:00"),
            ),  # fmt: skip
            start=1,
        ):
            database.execute_sql(
                "INSERT INTO member (id, name, sort_key, email, city, gender, notes, star, tier_id,"
                " status, status_reason, first_seen)"
                " VALUES (?, ?, ?, '', '', '', '', 0, 1, 'active', '', '2026-01-01 00:00:00')",
                (number, name, name),
            )
            database.execute_sql(
                "INSERT INTO membership (member_id, group_id, nickname, role, last_spoke_at,"
                " left_at) VALUES (?, 1, '', ?, ?, ?)",
                (number, role, spoke, left),
            )


def test_0004_is_shipped_after_0003() -> None:
    assert known_migrations()[:4] == [
        "0001_initial",
        "0002_suggestion_dismissal",
        "0003_task_reminded_for",
        "0004_membership_health_index",
    ]


def test_a_0003_database_gains_the_covering_index(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    make_0003_database(path)
    assert OLD in indexes(path) and NEW not in indexes(path)
    open_community(path)
    assert indexes(path) >= {LATEST} and OLD not in indexes(path)
    assert f"COVERING INDEX {LATEST}" in plan(path)
    assert not diff_models(db.obj, ALL_MODELS)
    (found,) = health.all_health(now=datetime(2026, 3, 10))
    assert (found.name, found.members) == ("读书会", 2)  # the one who left is not counted


def test_0004_can_be_undone_and_applied_again(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    make_0003_database(path)
    open_database(path, clock.now(), derived=key_functions)
    close_database()
    later = known_migrations()[known_migrations().index("0004_membership_health_index") :]
    assert undo(path, "0004_membership_health_index") == later[::-1]  # the later ones first
    assert later[:2] == ["0004_membership_health_index", "0005_member_search_readings"]
    assert OLD in indexes(path) and NEW not in indexes(path)
    open_database(path, clock.now(), derived=key_functions)
    assert LATEST in indexes(path) and OLD not in indexes(path)
    assert not diff_models(db.obj, ALL_MODELS)
