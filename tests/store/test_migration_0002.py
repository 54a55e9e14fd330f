"""Migration 0002: a database from before the Pyramid panel gains the dismissals table."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from playhouse.schema_diff import diff_models

from app.core import candidates, clock
from app.core.database import key_functions, open_community
from app.store.backup import list_backups
from app.store.database import close_database, open_database
from app.store.file_check import known_migrations
from app.store.models import ALL_MODELS, Member, SuggestionDismissal, db
from tests.store.migrating import applied, database_at, undo

TABLE = "suggestion_dismissal"


def make_0001_database(path: Path) -> None:
    """A database as the version before 0002 left it: schema 0001, a tier and a member."""
    with database_at(path, "0001_initial") as database:
        database.execute_sql(
            'INSERT INTO tier (id, "rank", name, description, colour) VALUES'
            " (1, 1, 'Core', '', '#c0392b'), (2, 2, 'Helpers', '', '#d68910'),"
            " (3, 3, 'Members', '', '#7f8c8d')"
        )
        database.execute_sql(
            "INSERT INTO member (id, name, sort_key, email, city, gender, notes, star, tier_id,"
            " status, status_reason, first_seen) VALUES"
            " (1, '张三', 'zhang san', '', '', '', '', 1, 3, 'active', '', '2025-01-01 00:00:00')"
        )


def tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_0002_is_shipped_after_0001() -> None:
    assert known_migrations()[:2] == ["0001_initial", "0002_suggestion_dismissal"]


def test_a_0001_database_gains_the_table_after_a_backup(tmp_path: Path) -> None:
    close_database()  # the per-test database
    path = tmp_path / "old.db"
    make_0001_database(path)
    assert TABLE not in tables(path) and applied(path) == ["0001_initial"]

    open_community(path)

    assert applied(path) == known_migrations()
    assert TABLE in tables(path)
    assert not diff_models(db.obj, ALL_MODELS)
    (made,) = list_backups(path)
    assert made.reason == "migration"
    assert applied(made.path) == ["0001_initial"] and TABLE not in tables(made.path)
    assert Member.get_by_id(1).name == "张三"
    candidates.dismiss(1, "promotion", now=datetime(2026, 3, 14))
    assert candidates.promotion_candidates(now=datetime(2026, 3, 15)) == []
    assert [c.name for c in candidates.promotion_candidates(now=datetime(2026, 7, 1))] == ["张三"]
    close_database()
    open_community(path)  # nothing pending: no second backup
    assert len(list_backups(path)) == 1


def test_the_table_has_its_unique_key_and_cascade(database: Path) -> None:
    (name,) = [r[1] for r in db.execute_sql(f"PRAGMA index_list({TABLE})") if r[2]]
    columns = [r[2] for r in db.execute_sql(f"PRAGMA index_info('{name}')")]
    assert columns == ["member_id", "kind"]
    keys = db.execute_sql(f"PRAGMA foreign_key_list({TABLE})").fetchall()
    assert [(k[2], k[3], k[6]) for k in keys] == [("member", "member_id", "CASCADE")]
    member = Member.create(name="李四", sort_key="li si", tier=1, first_seen=datetime(2026, 1, 1))
    SuggestionDismissal.create(member=member, kind="demotion", until=datetime(2026, 6, 1))
    Member.delete().where(Member.id == member.id).execute()
    assert SuggestionDismissal.select().count() == 0


def test_0002_can_be_undone_and_applied_again(database: Path) -> None:
    close_database()
    assert undo(database, "0002_suggestion_dismissal")[-1] == "0002_suggestion_dismissal"
    assert TABLE not in tables(database)
    assert applied(database) == ["0001_initial"]
    open_database(database, clock.now(), derived=key_functions)
    assert TABLE in tables(database)
    assert applied(database) == known_migrations()
