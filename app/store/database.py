"""Opening the SQLite file: checks before any write, pragmas, migrations.

A file is checked read-only first (header, ``quick_check``, schema version); only a file
that passes is opened for writing. Nothing here imports Qt.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase
from playhouse.migrations import Runner

from app.core.errors import QT_TRANSLATE_NOOP, HuoqunError
from app.store.models import db

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HISTORY_TABLE = "schema_migration"
APPLICATION_ID = 0x48514E31  # "HQN1": marks a file as a Huoqun database
SQLITE_HEADER = b"SQLite format 3\x00"

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "secure_delete": 1,
    "cache_size": -32000,
}


class DatabaseOpenError(HuoqunError):
    """The file cannot be opened as a Huoqun database; nothing was written to it."""


def known_migrations() -> list[str]:
    """Names of the migrations this version of Huoqun ships, in order."""
    return sorted(p.stem for p in MIGRATIONS_DIR.glob("[0-9]*.py"))


def check_file(path: Path) -> None:
    """Refuse a file that is not SQLite, is damaged, or is from a newer Huoqun. Read-only."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("Errors", "{path} is not a Huoqun database (not an SQLite file)."),
            path=str(path),
        )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _damaged(path, str(exc)) from exc
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            raise _damaged(path, "; ".join(str(r[0]) for r in rows[:3]))
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id != APPLICATION_ID and tables:
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP("Errors", "{path} is an SQLite file of another program."),
                path=str(path),
            )
        if HISTORY_TABLE in tables:
            applied = {r[0] for r in conn.execute(f"SELECT name FROM {HISTORY_TABLE}")}
            unknown = sorted(applied - set(known_migrations()))
            if unknown:
                raise DatabaseOpenError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{path} was written by a newer version of Huoqun (schema {schema}). "
                        "Install the newer version to open it.",
                    ),
                    path=str(path),
                    schema=unknown[-1],
                )
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, str(exc)) from exc
    finally:
        conn.close()


def _damaged(path: Path, detail: str) -> DatabaseOpenError:
    return DatabaseOpenError(
        QT_TRANSLATE_NOOP(
            "Errors", "{path} is damaged ({detail}). Restore it from a backup; nothing was written."
        ),
        path=str(path),
        detail=detail,
    )


def open_database(path: Path) -> SqliteDatabase:
    """Check, open and migrate the database at ``path`` and bind the models to it."""
    path = Path(path)
    check_file(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    database = SqliteDatabase(str(path), pragmas=PRAGMAS)
    database.connect()
    db.initialize(database)
    Runner(database, directory=str(MIGRATIONS_DIR), table_name=HISTORY_TABLE).up()
    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    return database


def close_database() -> None:
    """Checkpoint and close the bound database, if any."""
    database = db.obj
    if database is not None and not database.is_closed():
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()
