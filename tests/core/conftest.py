"""Helpers for the core tests: a statement counter on the real SQLite connection, local time
in UTC (or another zone) for a test, and a group and a member to work on."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest

from app.core import groups, members, memberships
from app.store.models import Group, db


@pytest.fixture
def utc_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC for the test (unless it calls ``set_zone``)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def set_zone(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Local time is ``name`` for the rest of the test (``utc_zone`` puts it back after)."""
    monkeypatch.setenv("TZ", name)
    time.tzset()


@pytest.fixture
def club() -> int:
    """A group to work on."""
    return groups.create_group("读书会").id


@pytest.fixture
def person() -> int:
    """A member to work on."""
    return members.create_member("张三", qq="10001").id


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


def leave_every_group(member_id: int, status: str = "left") -> None:
    """The member was in a group and left it (or was removed): out of the community, though
    their own status stays "active"."""
    group = Group.get_or_none(Group.name == "旧群") or groups.create_group("旧群")
    memberships.add_membership(member_id, group.id)
    memberships.set_membership_status(member_id, group.id, status)
