"""Migration 0003: a database at 0002 gains the task's reminded_for column."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from playhouse.schema_diff import diff_models

from app.core import clock
from app.core.database import key_functions, open_community
from app.store.database import close_database, open_database
from app.store.file_check import known_migrations
from app.store.models import ALL_MODELS, Task, db
from tests.store.migrating import applied, database_at, undo


def columns(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[1] for r in conn.execute("PRAGMA table_info(task)")]


def make_0002_database(path: Path) -> None:
    """A database as the version before 0003 left it, with one open task."""
    with database_at(path, "0002_suggestion_dismissal") as database:
        database.execute_sql(
            "INSERT INTO task (id, title, kind, rrule, priority, status, notes, outcome,"
            " origin, created_at, due_at) VALUES (1, '周五分享', 'share', 'FREQ=WEEKLY;BYDAY=FR',"
            " 2, 'open', '', '', 'manual', '2026-01-01 00:00:00', '2026-03-13 20:00:00')"
        )


def test_0003_is_shipped_after_0002() -> None:
    assert known_migrations()[:3] == [
        "0001_initial",
        "0002_suggestion_dismissal",
        "0003_task_reminded_for",
    ]


def test_a_0002_database_gains_the_column(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    make_0002_database(path)
    assert "reminded_for" not in columns(path)
    open_community(path)
    assert applied(path) == known_migrations()
    assert "reminded_for" in columns(path)
    assert not diff_models(db.obj, ALL_MODELS)
    task = Task.get_by_id(1)
    assert (task.title, task.reminded_for) == ("周五分享", None)
    Task.update(reminded_for=datetime(2026, 3, 13, 20)).execute()
    assert Task.get_by_id(1).reminded_for == datetime(2026, 3, 13, 20)


def test_0003_can_be_undone_and_applied_again(database: Path) -> None:
    Task.create(title="a", created_at=datetime(2026, 1, 1))
    close_database()
    assert undo(database, "0003_task_reminded_for")[-1] == "0003_task_reminded_for"
    assert "reminded_for" not in columns(database)
    assert applied(database) == ["0001_initial", "0002_suggestion_dismissal"]
    open_database(database, clock.now(), derived=key_functions)
    assert "reminded_for" in columns(database)
    assert Task.get().title == "a"
    assert not diff_models(db.obj, ALL_MODELS)
