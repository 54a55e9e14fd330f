"""Databases at an older schema, for the tests of each migration."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from peewee import SqliteDatabase
from playhouse.migrations import Runner

from app.store.database import PRAGMAS
from app.store.file_check import APPLICATION_ID, HISTORY_TABLE, MIGRATIONS_DIR


def runner(database: SqliteDatabase) -> Runner:
    return Runner(database, directory=str(MIGRATIONS_DIR), table_name=HISTORY_TABLE)


@contextmanager
def database_at(path: Path, target: str) -> Iterator[SqliteDatabase]:
    """A new file with the migrations up to ``target``; checkpointed and closed after."""
    database = SqliteDatabase(str(path), pragmas=PRAGMAS)
    database.connect()
    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    runner(database).up(target=target)
    try:
        yield database
    finally:
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        database.close()


def undo(path: Path, target: str) -> list[str]:
    """Undo the migrations down to and including ``target``; the names undone."""
    database = SqliteDatabase(str(path), pragmas=PRAGMAS)
    database.connect()
    try:
        return list(runner(database).down(target=target))
    finally:
        database.close()


def applied(path: Path) -> list[str]:
    """The migration names the file's history lists, in order."""
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute(f"SELECT name FROM {HISTORY_TABLE} ORDER BY id")]
