"""Opening the SQLite file: checks before any write, pragmas, migrations.

A file is checked read-only first (header, ``quick_check``, schema version); only a file
that passes is opened for writing. Nothing here imports Qt.
"""

from __future__ import annotations

import os
from pathlib import Path

from peewee import SqliteDatabase

from app.core.errors import QT_TRANSLATE_NOOP
from app.store import file_check
from app.store.file_check import (
    APPLICATION_ID,
    HISTORY_TABLE,
    DatabaseDamaged,
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


def open_database(path: Path, check: FileCheck | None = None) -> SqliteDatabase:
    """Check, open and migrate the database at ``path`` and bind the models to it.

    ``check`` is a ``FileCheck`` of the same file started earlier; without one, the file
    is checked here.
    """
    path = Path(path)
    if check is not None and check.path == path:
        check.wait()
    else:
        check_file(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    database = SqliteDatabase(str(path), pragmas=PRAGMAS)
    database.connect()
    db.initialize(database)
    # Mark the file as ours before the first table exists: a crash mid-migration must not
    # leave a file that the next start refuses as "another program's".
    if database.execute_sql("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    try:
        migrate(database)
    except BaseException:
        database.close()
        raise
    return database


def migrate(database: SqliteDatabase, backup: bool = True) -> list[str]:
    """Apply the pending migrations; a database that has data is backed up first."""
    if applied_migrations(database.connection()) >= set(known_migrations()):
        return []  # the usual start: playhouse's migration code is not even imported
    from playhouse.migrations import Runner

    runner = Runner(database, directory=str(file_check.MIGRATIONS_DIR), table_name=HISTORY_TABLE)
    status = runner.status()
    pending = [m for m in status if m.path is not None and not m.applied]
    # A brand-new file has nothing to lose; one with applied migrations holds someone's work.
    if backup and pending and any(m.applied for m in status):
        from app.store.backup import make_backup  # backup.py imports this module

        make_backup("migration")
    return list(runner.up())


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
    """Checkpoint and close the bound database, if any."""
    database = db.obj
    if database is not None and not database.is_closed():
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
