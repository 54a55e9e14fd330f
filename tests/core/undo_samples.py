"""What the undo tests compare: every row of the community's tables, and undo switched on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.core import undo
from app.store.file_check import HISTORY_TABLE
from app.store.models import db

Rows = dict[str, list[tuple[Any, ...]]]


def rows() -> Rows:
    """Every row (rowid first) of every table but the undo log, the migration history and the
    last 30 days' figures, which the first look at activity fills (``test_chat_recent``
    checks them against the daily counts)."""
    tables = [
        r[0]
        for r in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT IN (?, ?, 'chat_recent', 'chat_recent_window') ORDER BY name",
            (undo.LOG, HISTORY_TABLE),
        )
    ]
    return {
        t: db.execute_sql(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall() for t in tables
    }


def changed(before: Rows, after: Rows) -> set[str]:
    """The tables whose rows differ."""
    return {t for t in before.keys() | after.keys() if before.get(t) != after.get(t)}


@pytest.fixture
def recording() -> Iterator[None]:
    """Steps are recorded, as in the window; forgotten after the test."""
    undo.forget()
    undo.enable()
    yield
    undo.enable(False)
    undo.forget()
