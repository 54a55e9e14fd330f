"""0010: the undo log's table comes with the migration, goes with its undo, and comes back."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from app.core import clock
from app.core.database import key_functions
from app.store.database import close_database, open_database
from tests.store.migrating import undo


def tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_0010_can_be_undone_and_applied_again(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    open_database(path, clock.now(), derived=key_functions)
    close_database()
    assert "undo_log" in tables(path)
    assert undo(path, "0010_undo_log")[-1] == "0010_undo_log"
    assert "undo_log" not in tables(path) and "member" in tables(path)
    open_database(path, clock.now(), derived=key_functions)
    close_database()
    assert "undo_log" in tables(path)
