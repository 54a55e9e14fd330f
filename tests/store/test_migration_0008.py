"""Migration 0008: tasks gain planned_at (today's plan); the flood of untouched suggested tasks
that earlier versions made, each due "now", goes."""

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
from tests.store.migrating import database_at, undo
from tests.store.test_migration_0003 import columns

MADE = "2026-03-01 08:00:00"


def make_old_database(path: Path) -> None:
    """A database before 0008 (at 0004: 0005 needs the app to open it): suggestions due when
    made, one snoozed, one rescheduled, one done, and the operator's own task."""
    rows = [
        (1, "Start a topic discussion in 读书会", "suggested:silent:critical", "open", MADE, None),
        (2, "Check in with 王芳", "suggested:checkin", "open", MADE, None),
        (3, "Write rules for 读书会", "suggested:no_rules:warning", "open", MADE, MADE),
        (4, "Fill in the profile of 读书会", "suggested:thin_profile:warning", "open",
         "2026-03-05 12:00:00", None),
        (5, "Plan a meetup with 读书会", "suggested:no_meetup:info", "done", MADE, None),
        (6, "发群公告", "manual", "open", MADE, None),
    ]  # fmt: skip
    with database_at(path, "0004_membership_health_index") as database:
        for task_id, title, origin, status, due, snoozed in rows:
            database.execute_sql(
                "INSERT INTO task (id, title, kind, rrule, priority, status, notes, outcome,"
                " origin, created_at, due_at, snoozed_until)"
                " VALUES (?, ?, 'custom', '', 2, ?, '', '', ?, ?, ?, ?)",
                (task_id, title, status, origin, MADE, due, snoozed),
            )


def test_untouched_suggestions_go_and_the_rest_stay(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    make_old_database(path)
    open_community(path)
    assert "planned_at" in columns(path)
    assert not diff_models(db.obj, ALL_MODELS)
    assert [t.id for t in Task.select().order_by(Task.id)] == [3, 4, 5, 6]
    assert Task.get_by_id(6).planned_at is None


def test_0008_can_be_undone_and_applied_again(database: Path) -> None:
    Task.create(title="a", created_at=datetime(2026, 1, 1), planned_at=datetime(2026, 1, 2))
    close_database()
    later = known_migrations()[known_migrations().index("0008_task_planned_at") :]
    assert undo(database, "0008_task_planned_at") == later[::-1]  # the later ones first
    assert "planned_at" not in columns(database)
    with closing(sqlite3.connect(database)) as conn:
        assert conn.execute("SELECT title FROM task").fetchall() == [("a",)]
    open_database(database, clock.now(), derived=key_functions)
    assert "planned_at" in columns(database)
    task = Task.get()
    assert (task.title, task.planned_at) == ("a", None)  # the plan starts again: nothing lost
    assert not diff_models(db.obj, ALL_MODELS)
