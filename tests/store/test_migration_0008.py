"""Migration 0008: a database at 0005 gains the task's planned_at column (today's plan)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from playhouse.schema_diff import diff_models

from app.core import clock
from app.core.database import key_functions
from app.store.database import close_database, open_database
from app.store.models import ALL_MODELS, Task, db
from tests.store.migrating import undo
from tests.store.test_migration_0003 import columns


def test_0008_can_be_undone_and_applied_again(database: Path) -> None:
    Task.create(title="a", created_at=datetime(2026, 1, 1), planned_at=datetime(2026, 1, 2))
    close_database()
    assert undo(database, "0008_task_planned_at") == ["0008_task_planned_at"]
    assert "planned_at" not in columns(database)
    open_database(database, clock.now(), derived=key_functions)
    assert "planned_at" in columns(database)
    task = Task.get()
    assert (task.title, task.planned_at) == ("a", None)  # the plan starts again: nothing lost
    assert not diff_models(db.obj, ALL_MODELS)
