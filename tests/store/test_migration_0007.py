"""Migration 0007: leaving and removal move from the person to each membership."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from playhouse.schema_diff import diff_models

from app.core import clock
from app.core.database import key_functions, open_community
from app.store.database import close_database, open_database
from app.store.file_check import known_migrations
from app.store.models import ALL_MODELS, Member, Membership, db
from tests.store.migrating import applied, database_at, undo

OLD = "2025-06-01 10:00:00"  # when the memberships that had ended ended
EARLIER = "2025-01-01 10:00:00"
JOINED = "2024-01-01 10:00:00"
# (member id, name, status, reason): the person's status before 0007
PEOPLE = (
    (1, "甲 left", "left", "搬走了"),
    (2, "乙 removed, recorded", "removed", "发广告"),
    (3, "丙 removed, unrecorded", "removed", ""),
    (4, "丁 removed, nowhere said", "removed", ""),
    (5, "戊 banned", "banned", "诈骗"),
    (6, "己 active", "active", ""),
    (7, "庚 left, no group", "left", ""),
)
# (member, group, left_at): their memberships
MEMBERSHIPS = (
    (1, 1, None), (1, 2, OLD),
    (2, 1, OLD), (2, 2, None),
    (3, 1, OLD), (3, 2, EARLIER),
    (4, 1, None), (4, 2, None),
    (5, 1, None), (5, 2, OLD),
    (6, 1, OLD), (6, 2, EARLIER), (6, 3, None),
)  # fmt: skip


def make_old_database(path: Path) -> None:
    """A database as the versions before 0007 left it: "left" and "removed" on the person.

    (At 0004: 0005 computes keys, which only a database opened through app.core can.)"""
    with database_at(path, "0004_membership_health_index") as database:
        sql = database.execute_sql
        sql("INSERT INTO tier (id, rank, name, description, colour) VALUES (1, 1, 'M', '', '#888')")
        for number in (1, 2, 3):
            sql(
                "INSERT INTO chat_group (id, name, sort_key, platform, platform_id, kind,"
                " description, announcement, archived, created_at) VALUES"
                " (?, ?, ?, 'qq', '', 'interest', '', '', 0, ?)",
                (number, f"G{number}", f"g{number}", JOINED),
            )
        for number, name, status, reason in PEOPLE:
            sql(
                "INSERT INTO member (id, name, sort_key, email, city, gender, notes, star,"
                " tier_id, status, status_reason, first_seen)"
                " VALUES (?, ?, ?, '', '', '', '', 0, 1, ?, ?, ?)",
                (number, name, name, status, reason, JOINED),
            )
            sql(
                "INSERT INTO member_search (member_id, text, pinyin) VALUES (?, ?, '')",
                (number, name),
            )
        for member, group, left in MEMBERSHIPS:
            sql(
                "INSERT INTO membership (member_id, group_id, nickname, role, joined_at, left_at)"
                " VALUES (?, ?, '', 'member', ?, ?)",
                (member, group, JOINED, left),
            )
        # what Huoqun recorded of removals: 乙 removed from G1 for a violation; 戊's removal
        # task in G2 done; 己's removal from G2 is a violation in another group (no record)
        sql(
            "INSERT INTO violation (case_number, member_id, group_id, at, evidence, action)"
            " VALUES (1, 2, 1, ?, '', 'removed'), (2, 6, 3, ?, '', 'removed')",
            (OLD, OLD),
        )
        sql(
            "INSERT INTO task (title, kind, group_id, member_id, rrule, priority, status, notes,"
            " outcome, origin, created_at, done_at) VALUES ('Remove 戊 from G2', 'spam_sweep',"
            " 2, 5, '', 1, 'done', '', 'removed', 'ban', ?, ?)",
            (OLD, OLD),
        )


def ended() -> dict[tuple[int, int], tuple[str, str | None]]:
    """(member, group) → (status, left_at as stored text)."""
    rows = db.execute_sql("SELECT member_id, group_id, status, left_at FROM membership")
    return {(m, g): (status, left) for m, g, status, left in rows}


def test_0007_is_shipped() -> None:
    assert "0007_membership_status" in known_migrations()


def test_an_old_database_moves_left_and_removed_to_the_memberships(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    make_old_database(path)
    before = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    open_community(path)
    after = datetime.now(UTC).replace(tzinfo=None)
    assert applied(path) == known_migrations()
    assert not diff_models(db.obj, ALL_MODELS)
    found = ended()
    migrated_at = found[(1, 1)][1]
    assert migrated_at is not None and before <= datetime.fromisoformat(migrated_at) <= after
    assert found == {
        # left: every group still theirs is left, dated now; the ended one keeps its date
        (1, 1): ("left", migrated_at),
        (1, 2): ("left", OLD),
        # removed where recorded; still in the other group
        (2, 1): ("removed", OLD),
        (2, 2): ("active", None),
        # removed, nothing recorded: from the group they left last; the other was left
        (3, 1): ("removed", OLD),
        (3, 2): ("left", EARLIER),
        # removed from nowhere in particular: from every group, dated now
        (4, 1): ("removed", migrated_at),
        (4, 2): ("removed", migrated_at),
        # banned: still in G1 (its removal task stays); swept out of G2
        (5, 1): ("active", None),
        (5, 2): ("removed", OLD),
        # an active member's ended memberships: left, unless a removal there is recorded
        (6, 1): ("left", OLD),
        (6, 2): ("left", EARLIER),
        (6, 3): ("active", None),
    }
    people = {m.id: (m.status, m.status_reason) for m in Member.select()}
    assert people == {
        1: ("active", "搬走了"),  # the reason says why, still true
        2: ("active", "发广告"),
        3: ("active", ""),
        4: ("active", ""),
        5: ("banned", "诈骗"),
        6: ("active", ""),
        7: ("active", ""),
    }
    assert Membership.select().count() == len(MEMBERSHIPS)


def test_0007_can_be_undone_and_applied_again(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    make_old_database(path)
    open_database(path, clock.now(), derived=key_functions)
    close_database()
    later = known_migrations()[known_migrations().index("0007_membership_status") :]
    assert undo(path, "0007_membership_status") == later[::-1]
    with closing(sqlite3.connect(path)) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(membership)")]
        indexes = {r[1] for r in conn.execute("PRAGMA index_list(membership)")}
    assert "status" not in columns
    assert "membership_status_member_id" not in indexes
    open_database(path, clock.now(), derived=key_functions)
    assert not diff_models(db.obj, ALL_MODELS)
    assert ended()[(1, 2)] == ("left", OLD)
