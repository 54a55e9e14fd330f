"""0015: the weekly chat summary is filled from the daily counts already there, and kept equal
to them by triggers whatever writes the days; the ad-like messages' partial index; undone and
applied again."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from app.core import clock
from app.core.database import key_functions
from app.store.database import close_database, open_database
from app.store.file_check import known_migrations
from app.store.models import db
from tests.store.migrating import undo

WEEKS_FROM_DAYS = """
    SELECT group_id, date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')
           AS w, SUM(messages), SUM(CASE WHEN operator THEN messages ELSE 0 END),
           COUNT(DISTINCT CASE WHEN NOT operator THEN member_id END)
    FROM chat_day GROUP BY group_id, w HAVING SUM(messages) > 0 ORDER BY 1, 2
"""
SUMMARY = """
    SELECT group_id, week, messages, operator_messages, speakers FROM chat_week
    WHERE messages > 0 ORDER BY 1, 2
"""


def run(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    execute = getattr(conn, "execute_sql", None) or conn.execute
    return [tuple(r) for r in execute(sql, params).fetchall()]


def seed(conn: Any) -> None:
    run(
        conn,
        "INSERT OR IGNORE INTO tier (id, rank, name, description, colour, name_key,"
        " description_key) VALUES (1, 1, 'x', '', '#888', '', '')",
    )
    for g in (1, 2):
        run(
            conn,
            "INSERT INTO chat_group (id, name, sort_key, platform, platform_id, kind, description,"
            " announcement, archived, created_at) VALUES (?, ?, ?, 'qq', '', 'interest', '', '',"
            " 0, '2026-01-01 00:00:00')",
            (g, f"群{g}", f"g{g}"),
        )
    for m in range(1, 6):
        run(
            conn,
            "INSERT INTO member (id, name, sort_key, email, city, gender, notes, star, tier_id,"
            " status, status_reason, first_seen)"
            " VALUES (?, ?, ?, '', '', '', '', 0, 1, 'active', '', '2026-01-01 00:00:00')",
            (m, f"人{m}", f"r{m}"),
        )


def days(conn: Any, rows: list[tuple[Any, ...]]) -> None:
    for row in rows:
        run(
            conn,
            "INSERT INTO chat_day (group_id, member_id, day, operator, messages)"
            " VALUES (?, ?, ?, ?, ?)",
            row,
        )


def test_0015_fills_the_weeks_from_the_days_already_imported(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    open_database(path, clock.now(), derived=key_functions)
    close_database()
    undo(path, "0015_activity")  # the schema of the version before, with chat history in it
    with closing(sqlite3.connect(path)) as old, old:
        seed(old)
        days(old, [(1, 1, "2026-03-02", 0, 4), (1, 2, "2026-03-08", 0, 1),
                   (1, None, "2026-03-08", 1, 3), (1, 1, "2026-03-09", 0, 2),
                   (2, 1, "2026-03-05", 0, 7)])  # fmt: skip
    open_database(path, clock.now(), derived=key_functions)
    assert run(db, SUMMARY) == [
        (1, "2026-03-02", 8, 3, 2),  # Monday 2 to Sunday 8: two speakers, the operator's 3
        (1, "2026-03-09", 2, 0, 1),
        (2, "2026-03-02", 7, 0, 1),
    ]
    assert run(db, SUMMARY) == run(db, WEEKS_FROM_DAYS)


def test_the_triggers_keep_the_weeks_equal_to_the_days_whatever_writes_them() -> None:
    seed(db)
    rng = random.Random(5)
    keys: set[tuple[int, int | None, str]] = set()
    for _ in range(300):
        g, m = rng.choice((1, 2)), rng.choice((1, 2, 3, 4, 5, None))
        day = f"2026-03-{rng.randint(1, 28):02d}"
        if (g, m, day) in keys and m is not None:
            continue
        keys.add((g, m, day))
        days(db, [(g, m, day, int(m is None), rng.randint(1, 9))])
    assert run(db, SUMMARY) == run(db, WEEKS_FROM_DAYS)
    run(db, "UPDATE chat_day SET messages = messages + 3 WHERE day < '2026-03-10'")
    run(db, "UPDATE chat_day SET day = '2026-03-30' WHERE id = (SELECT max(id) FROM chat_day"
            " WHERE member_id = 3)")  # fmt: skip
    run(db, "DELETE FROM chat_day WHERE member_id = 2 AND day < '2026-03-15'")
    assert run(db, SUMMARY) == run(db, WEEKS_FROM_DAYS)
    # two members merged (as member_merge does) and one erased (a cascade)
    from app.core.member_merge import _merge_chat_days

    _merge_chat_days(4, 5)
    run(db, "DELETE FROM member WHERE id = 1")
    assert run(db, SUMMARY) == run(db, WEEKS_FROM_DAYS)
    run(db, "DELETE FROM chat_group WHERE id = 2")
    assert run(db, SUMMARY) == run(db, WEEKS_FROM_DAYS)


def test_the_ad_like_messages_are_found_by_their_own_index(database: Path) -> None:
    with closing(sqlite3.connect(database)) as conn:
        plan = " ".join(
            r[-1]
            for r in conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM message msg"
                " WHERE msg.flags & 2 AND msg.sent_at >= '2026-01-01'"
            )
        )
    assert "message_ad_recent" in plan


def test_0015_can_be_undone_and_applied_again(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    open_database(path, clock.now(), derived=key_functions)
    close_database()
    later = known_migrations()[known_migrations().index("0015_activity") :]
    assert undo(path, "0015_activity") == later[::-1]
    with closing(sqlite3.connect(path)) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "chat_week" not in names and "message_ad_recent" not in names
    assert "membership_group_id_left_at_member_id_role_last_spoke_at" in names
    open_database(path, clock.now(), derived=key_functions)
    names = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master")}
    assert {"chat_week", "message_ad_recent", "chat_day_week_insert"} <= names
