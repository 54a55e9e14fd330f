"""Opening the SQLite file: checks before any write, pragmas, migrations.

A file is checked read-only first (header, ``quick_check``, schema version); only a file
that passes is opened for writing. Nothing here imports Qt.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase

from app.store import file_check, leftovers
from app.store.errors import QT_TRANSLATE_NOOP, HuoqunError, StoreError
from app.store.file_check import (
    APPLICATION_ID,
    HISTORY_TABLE,
    DatabaseDamaged,
    DatabaseOpenError,
    FileCheck,
    applied_migrations,
    check_file,
    damaged,
    known_migrations,
)
from app.store.models import db

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "secure_delete": 1,
    "cache_size": -32000,
}
BULK_CACHE_KIB = 8000  # the page cache during a bulk write: it only fills, and counts in memory


COMPANIONS = ("-wal", "-shm", "-journal")


def database_files(path: Path) -> tuple[Path, ...]:
    """The database file ``path`` and the companions SQLite keeps beside it."""
    return (path, *(path.with_name(path.name + suffix) for suffix in COMPANIONS))


def remove_database(path: Path) -> None:
    """Delete the database file ``path`` and its companions (a half-made or partial copy)."""
    for file in database_files(path):
        file.unlink(missing_ok=True)


# The domain's functions that compute stored keys (a name's sort key, its search keys): a
# migration that recomputes them (0005) calls ``derived_keys()``; the store cannot import them.
DerivedKeys = Callable[[], tuple[Callable[..., Any], Callable[..., Any]]]
_derived: DerivedKeys | None = None


def derived_keys() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """``(sort_key, search_keys)`` of the running version, for the migration running now."""
    if _derived is None:
        raise RuntimeError("this migration computes keys: open the database through app.core")
    return _derived()


NO_ROOM_BYTES = 1024 * 1024  # free space below which an I/O error is taken for a full disk


class DiskFull(StoreError):
    """A write ran out of disk space; its transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Errors", "The disk is full; nothing was written."))


def database_path(path: Path, create: bool) -> Path:
    """The real file ``path`` names (symlinks followed), ready to lock and open; or a refusal.

    Refused: a name that is a folder or a device, a file Huoqun could not write, and (unless
    ``create``) a file that does not exist, so a mistyped path never becomes a new database.
    With ``create``, a missing folder is made (owner-only).
    """
    path = Path(path)
    if path.name in ("", ".", ".."):
        raise _refusal(
            QT_TRANSLATE_NOOP("Errors", "“{path}” is a folder, not a database file."), path
        )
    real = path.resolve()
    if real.exists() and not real.is_file():
        raise _refusal(
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is not a database file (it is a folder or a device)."
            ),
            path,
        )
    if not real.exists():
        if not create:
            raise _refusal(
                QT_TRANSLATE_NOOP(
                    "Errors", "{path} does not exist; check the path. Nothing was created."
                ),
                path,
            )
        try:
            real.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP("Errors", "The folder of {path} cannot be created ({detail})."),
                path=str(path),
                detail=exc.strerror or str(exc),
            ) from exc
    elif _read_only(real):
        raise _refusal(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is read-only, and Huoqun must be able to write to it. Make it writable "
                "(or open a copy); nothing was written.",
            ),
            path,
        )
    if not os.access(real.parent, os.W_OK | os.X_OK):
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The folder {folder} is read-only; Huoqun writes its journal and backups beside "
                "the database. Nothing was written.",
            ),
            folder=str(real.parent),
        )
    return real


def _refusal(template: str, path: Path) -> DatabaseOpenError:
    return DatabaseOpenError(template, path=str(path))


def _read_only(path: Path) -> bool:
    """Nobody may write the file (its mode, which root ignores too), or this process may not
    (``os.access``: another owner, an immutable file, a read-only mount)."""
    return not stat.S_IMODE(path.stat().st_mode) & 0o222 or not os.access(path, os.W_OK)


def _owner_only(path: Path) -> None:
    """Make the database and its companions readable by their owner only.

    SQLite gives a new ``-wal``/``-shm`` the database file's mode, so this keeps them private
    too. POSIX only: on Windows a file has no such mode bits (the read-only flag aside) and the
    user's profile folder, where the database lives by default, is private already.
    """
    if os.name != "posix":
        return
    for file in database_files(path):
        try:
            st = file.stat()
        except FileNotFoundError:
            continue
        mode = stat.S_IMODE(st.st_mode)
        if mode & 0o077 and st.st_uid == os.getuid():  # another owner's file is not ours to change
            os.chmod(file, mode & 0o700)


def open_database(
    path: Path,
    now: datetime,
    check: FileCheck | None = None,
    create: bool = True,
    derived: DerivedKeys | None = None,
) -> SqliteDatabase:
    """Check, open and migrate the database at ``path`` and bind the models to it.

    ``check`` is a ``FileCheck`` of the same file started earlier; without one, the file
    is checked here. ``now`` dates the backup made before a migration.
    Unless ``create``, a missing file is refused (see ``database_path``).
    What a killed Huoqun left beside the file is removed (``leftovers.sweep``).
    """
    path = database_path(path, create)
    if check is not None and check.path.resolve() == path:
        check.wait()
    else:
        check_file(path)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    _owner_only(path)
    leftovers.sweep(path)
    database = SqliteDatabase(str(path), pragmas=PRAGMAS)
    database.connect()
    db.initialize(database)
    # Mark the file as ours before the first table exists: a crash mid-migration must not
    # leave a file that the next start refuses as "another program's".
    if database.execute_sql("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    try:
        migrate(database, now, derived=derived)
    except BaseException:
        database.close()
        raise
    return database


def migrate(
    database: SqliteDatabase,
    now: datetime,
    backup: bool = True,
    derived: DerivedKeys | None = None,
) -> list[str]:
    """Apply the pending migrations; a database that has data is backed up first.

    ``derived``: the domain's key functions, for a migration that computes keys again.
    """
    if applied_migrations(database.connection()) >= set(known_migrations()):
        return []  # the usual start: playhouse's migration code is not even imported
    from playhouse.migrations import Runner

    runner = Runner(database, directory=str(file_check.MIGRATIONS_DIR), table_name=HISTORY_TABLE)
    status = runner.status()
    pending = [m for m in status if m.path is not None and not m.applied]
    # A brand-new file has nothing to lose; one with applied migrations holds someone's work.
    if backup and pending and any(m.applied for m in status):
        from app.store.backup import make_backup  # backup.py imports this module

        make_backup("migration", now)
    global _derived
    _derived = derived
    try:
        return list(runner.up())
    finally:
        _derived = None


def verify() -> None:
    """The full ``integrity_check`` and ``foreign_key_check`` of the open database."""
    database = db.obj
    path = Path(database.database)
    rows = database.execute_sql("PRAGMA integrity_check").fetchall()
    if [r[0] for r in rows] != ["ok"]:
        raise damaged(path, "\n".join(str(r[0]) for r in rows[:3]))
    broken = database.execute_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise DatabaseDamaged(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} has links between records that point nowhere ({count}, the first "
                "in table {table}). Restore it from a backup.",
            ),
            path=str(path),
            count=len(broken),
            table=broken[0][0],
        )


def close_database() -> None:
    """Checkpoint and close the bound database, if any; it is closed even if the checkpoint
    fails (the WAL then keeps the committed data for the next open)."""
    database = db.obj
    if database is not None and not database.is_closed():
        try:
            database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            database.close()


def checkpoint() -> None:
    """Move what the WAL holds into the database file and empty the WAL."""
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


@contextmanager
def bulk_transaction() -> Iterator[None]:
    """One large write transaction (an import, the demo) that a full disk cannot leave stuck.

    What is committed goes into the file first, so that when the disk fills up the WAL holds
    nothing but the rolled-back transaction and can be emptied at once, giving the space
    back; the failure is then ``DiskFull``, one line, instead of SQLite's chain of errors.
    The page cache is kept small meanwhile: a bulk write only fills it, and it counts in the
    import's memory.
    """
    checkpoint()
    db.execute_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    try:
        with db.atomic():
            yield
    except Exception as exc:
        if isinstance(exc, HuoqunError) or not disk_full(exc):
            raise
        full = DiskFull()
        try:
            checkpoint()  # the WAL held only the rolled-back pages: it shrinks to nothing
        except Exception as again:  # still no room: the next close tries again
            raise full from again
        raise full from exc
    finally:
        db.execute_sql(f"PRAGMA cache_size = {PRAGMAS['cache_size']}")


def disk_full(exc: BaseException) -> bool:
    """Whether ``exc``, or an error it arose from, is SQLite's "disk is full" or ``ENOSPC``."""
    return any(
        getattr(e, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
        or (isinstance(e, OSError) and e.errno == errno.ENOSPC)
        or "database or disk is full" in str(e)  # peewee's copy of SQLite's error: text only
        for e in _chain(exc)
    )


def out_of_room(exc: BaseException, path: Path) -> bool:
    """Whether ``exc`` came of the disk holding ``path`` being full: SQLite says so, or says
    "disk I/O error" (what a failed write of its WAL index reads as) where no room is left."""
    if disk_full(exc):
        return True
    io_error = any(
        getattr(e, "sqlite_errorcode", None) == sqlite3.SQLITE_IOERR or "disk I/O error" in str(e)
        for e in _chain(exc)
    )
    try:
        return io_error and shutil.disk_usage(path.parent).free < NO_ROOM_BYTES
    except OSError:
        return False


def busy(exc: BaseException) -> bool:
    """Whether ``exc``, or an error it arose from, is SQLite's "database is locked": another
    program kept a write lock on the file longer than the busy timeout."""
    return any(
        getattr(e, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY
        or "database is locked" in str(e)
        for e in _chain(exc)
    )


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and the errors it was raised from or while handling."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__
