"""The database file: open (checks, migrations, first-start data), close, verify, back up,
restore. The window and the CLI reach the store only through here, with "now" from ``clock``
so tests can fix it.

Light to import: the store's peewee modules load on first use, so ``huoqun`` starts the
check of a large file (``start_check``) before the rest of the program has loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core import clock
from app.store.errors import BackupError, RestoreRefused
from app.store.file_check import FileCheck

if TYPE_CHECKING:
    from peewee import SqliteDatabase

    from app.store.backup import BackupInfo, BackupUnderWay

__all__ = [
    "BackupError",
    "RestoreRefused",
    "FileCheck",
    "back_up_file",
    "back_up_now",
    "backup_before",
    "backup_under_way",
    "backup_if_stale",
    "backups",
    "busy",
    "close_database",
    "close_thread_connection",
    "count_memberships",
    "database_path",
    "disk_full",
    "disk_full_error",
    "future_backups",
    "key_functions",
    "newest_age",
    "newest_backup",
    "open_community",
    "out_of_room",
    "remove_database",
    "restore",
    "start_check",
    "verify",
]


def start_check(path: Path) -> FileCheck:
    """Start checking the file at ``path`` (header, ``quick_check``, version) in a thread."""
    return FileCheck(path)


def key_functions() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """The functions that compute stored keys (sort key, search keys), for migrations."""
    from app.core.pinyin import sort_key
    from app.core.search import search_keys

    return sort_key, search_keys


def open_community(
    path: Path, language: str = "en", check: FileCheck | None = None, create: bool = True
) -> SqliteDatabase:
    """Open the database at ``path`` ready for work, creating it unless ``create`` is False.

    ``check``: the file's ``FileCheck``, when one was started earlier (see ``open_database``).
    ``language`` is no longer used: the default tiers' names follow the interface language
    (``tiers.show_default_tiers_in``).
    """
    from app.core.file_temps import list_export_temps
    from app.core.tiers import ensure_default_tiers
    from app.core.undo import forget
    from app.store.database import open_database

    database = open_database(path, clock.now(), check, create, derived=key_functions)
    forget()  # the undo history is the window's, of this session and this file
    list_export_temps()
    ensure_default_tiers()
    return database


def close_database() -> None:
    """Checkpoint and close the open database, if any."""
    from app.store import database

    database.close_database()


def close_thread_connection() -> None:
    """Close this thread's connection to the open database (a worker thread, at its end)."""
    from app.store.models import db

    if not db.is_closed():
        db.close()


def database_path(path: Path, create: bool) -> Path:
    """The real file ``path`` names; a folder, or a missing file unless ``create``, is refused."""
    from app.store import database

    return database.database_path(path, create)


def remove_database(path: Path) -> None:
    """Delete the database file ``path`` and its companions (a half-made database)."""
    from app.store import database

    database.remove_database(path)


def verify() -> None:
    """The full integrity and foreign-key check of the open database."""
    from app.store import database

    database.verify()


def count_memberships() -> int:
    """How many memberships the open database holds."""
    from app.store.models import Membership

    return int(Membership.select().count())


def disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` came of a full disk."""
    from app.store import database

    return database.disk_full(exc)


def disk_full_error() -> Exception:
    """The one-line error a person is shown when the disk is full."""
    from app.store.database import DiskFull

    return DiskFull()


def out_of_room(exc: BaseException, path: Path) -> bool:
    """Whether ``exc`` came of the disk holding ``path`` being full."""
    from app.store import database

    return database.out_of_room(exc, path)


def busy(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite's "database is locked" (another program holds the lock)."""
    from app.store import database

    return database.busy(exc)


def backup_before(reason: str) -> Path:
    """Back up before risky work: "import", "bulk"…; raises ``BackupError`` if it cannot."""
    from app.store import backup

    return backup.make_backup(reason, clock.now())


def backup_under_way(reason: str) -> BackupUnderWay:
    """A backup to write while the caller writes: ``with backup_under_way("import") as b:``
    (see ``BackupUnderWay``)."""
    from app.store import backup

    return backup.BackupUnderWay(reason, clock.now())


def back_up_now() -> Path:
    """The "Back up now" button: a "manual" backup."""
    return backup_before("manual")


def back_up_file(db_path: Path, out: Path | None = None) -> Path:
    """Back up the file ``db_path`` without opening it for writing (``huoqun backup``)."""
    from app.store import backup

    return backup.back_up_file(db_path, clock.now(), out)


def backup_if_stale() -> Path | None:
    """At start: a "daily" backup when the newest is over a day old; None when not needed."""
    from app.store import backup

    return backup.backup_if_stale(clock.now())


def backups() -> list[BackupInfo]:
    """The open database's backups, newest first."""
    from app.store import backup

    return backup.list_backups(backup.live_path())


def newest_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of ``db_path`` not dated in the future, if any."""
    from app.store import backup

    return backup.newest_backup(db_path, clock.now())


def future_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path`` dated in the future, which the backup age ignores."""
    from app.store import backup

    return backup.future_backups(db_path, clock.now())


def newest_age() -> timedelta | None:
    """How old the newest backup is, or None when there is none."""
    from app.store import backup

    now = clock.now()
    newest = backup.newest_backup(backup.live_path(), now)
    return None if newest is None else now - newest.made_at


def restore(path: Path) -> Path:
    """Restore ``path`` after backing up the current state; returns that "before-restore" backup."""
    from app.core.undo import forget
    from app.store import backup

    before = backup.restore(path, clock.now())
    forget()  # the steps were of the data that was replaced
    return before
