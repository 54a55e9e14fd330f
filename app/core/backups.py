"""Backups as the window uses them: before risky work, at start, on request, and restore.

The work is done by ``app.store.backup``; this is the service the panels call, with "now"
from ``clock`` so tests can fix it.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app.core import clock
from app.store import backup
from app.store.backup import BackupError, BackupInfo, RestoreRefused

__all__ = [
    "BackupError",
    "BackupInfo",
    "RestoreRefused",
    "back_up_now",
    "backup_before",
    "backup_if_stale",
    "backups",
    "newest_age",
    "restore",
]


def backup_before(reason: str) -> Path:
    """Back up before risky work: "import", "bulk"…; raises ``BackupError`` if it cannot."""
    return backup.make_backup(reason, clock.now())


def back_up_now() -> Path:
    """The "Back up now" button: a "manual" backup."""
    return backup.make_backup("manual", clock.now())


def backup_if_stale() -> Path | None:
    """At start: a "daily" backup when the newest is over a day old; None when not needed."""
    return backup.backup_if_stale(clock.now())


def backups() -> list[BackupInfo]:
    """The open database's backups, newest first."""
    return backup.list_backups(backup.live_path())


def newest_age() -> timedelta | None:
    """How old the newest backup is, or None when there is none."""
    now = clock.now()
    newest = backup.newest_backup(backup.live_path(), now)
    return None if newest is None else now - newest.made_at


def restore(path: Path) -> Path:
    """Restore ``path`` after backing up the current state; returns that "before-restore" backup."""
    return backup.restore(path, clock.now())
