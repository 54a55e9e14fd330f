"""Helpers for the core tests: a statement counter on the real SQLite connection."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest

from app.store.models import db


class StatementLog:
    """The SQL statements SQLite ran while the log was open."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def selects(self) -> list[str]:
        return [s for s in self.statements if s.lstrip().upper().startswith("SELECT")]

    def __len__(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_statements() -> Callable[[], AbstractContextManager[StatementLog]]:
    """``with count_statements() as log:`` records every statement run on the connection."""

    @contextmanager
    def counting() -> Iterator[StatementLog]:
        log = StatementLog()
        connection = db.connection()
        connection.set_trace_callback(log.statements.append)
        try:
            yield log
        finally:
            connection.set_trace_callback(None)

    return counting
