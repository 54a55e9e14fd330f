"""Migration 0014: a suggested task's reason, written into its notes in English by earlier
versions, becomes a code and parameters, shown in the interface language."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from playhouse.schema_diff import diff_models

from app.core import clock
from app.core.database import key_functions, open_community
from app.core.generated_text import english, render
from app.store import database as store_database
from app.store.database import close_database, open_database
from app.store.file_check import known_migrations
from app.store.models import ALL_MODELS, Task, db
from tests.store.migrating import database_at, undo
from tests.store.test_migration_0003 import columns

MADE = "2026-03-01 08:00:00"
NAME = "0014_task_notes_key"
ROWS = [  # id, origin, notes
    (1, "suggested:silent:critical",
     "No interaction for 70 days — this group's rhythm is every 7 days."),
    (2, "suggested:checkin",
     "Never contacted (helper since 10-02) — the rhythm for Helpers is every 14 days."),
    (3, "suggested:no_rules:warning", "The group has adopted no rules."),
    (4, "suggested:broken_windows:critical", "我改过的说明"),  # retyped by the operator
    (5, "manual", "The group has adopted no rules."),  # the operator's own words
]  # fmt: skip


def make_old_database(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database before 0014 with suggested tasks whose notes hold their English reason."""
    monkeypatch.setattr(store_database, "_derived", key_functions)  # 0005 computes keys
    with database_at(path, "0011_chat_history") as database:
        for task_id, origin, notes in ROWS:
            database.execute_sql(
                "INSERT INTO task (id, title, kind, rrule, priority, status, notes, outcome,"
                " origin, created_at, due_at) VALUES (?, 'x', 'custom', '', 2, 'open', ?, '', ?,"
                " ?, ?)",
                (task_id, notes, origin, MADE, MADE),
            )


def test_the_reasons_earlier_versions_wrote_become_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    close_database()
    path = tmp_path / "old.db"
    make_old_database(path, monkeypatch)
    open_community(path)
    assert {"notes_key", "notes_args"} <= set(columns(path))
    assert not diff_models(db.obj, ALL_MODELS)
    tasks = {t.id: t for t in Task.select()}
    assert [tasks[n].notes_key for n in (1, 2, 3, 4, 5)] == [
        "sentence.Health", "sentence.Health", "sentence.Health", "", "",
    ]  # fmt: skip
    assert json.loads(tasks[1].notes_args) == {
        "days": "70",
        "cadence": "7",
        "text": "No interaction for {days} days — this group's rhythm is every {cadence} days.",
    }
    for n in (1, 2, 3, 4, 5):  # each shows as before in English
        task = tasks[n]
        assert render(task.notes_key, task.notes_args, task.notes, english) == ROWS[n - 1][2]
    chinese = {"No interaction for {days} days — this group's rhythm is every {cadence} days.":
               "已有 {days} 天没有互动——这个群的节奏是每 {cadence} 天。"}  # fmt: skip
    shown = render(tasks[1].notes_key, tasks[1].notes_args, "", lambda c, t: chinese.get(t, t))
    assert shown == "已有 70 天没有互动——这个群的节奏是每 7 天。"


def test_0014_can_be_undone_and_applied_again(database: Path) -> None:
    Task.create(title="a", created_at=datetime(2026, 1, 1), notes="n", notes_key="", notes_args="")
    close_database()
    later = known_migrations()[known_migrations().index(NAME) :]
    assert undo(database, NAME) == later[::-1]  # the later ones first
    assert "notes_key" not in columns(database)
    with closing(sqlite3.connect(database)) as conn:
        assert conn.execute("SELECT title, notes FROM task").fetchall() == [("a", "n")]
    open_database(database, clock.now(), derived=key_functions)
    assert Task.get().notes_key == ""
