"""Checking a database file before anything writes to it: header, ``quick_check``, version.

Read-only, and light to import (no peewee): ``huoqun`` starts the check of a large file in
a thread before the rest of the program has loaded (``FileCheck``).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from app.store.errors import QT_TRANSLATE_NOOP, StoreError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HISTORY_TABLE = "schema_migration"
APPLICATION_ID = 0x48514E31  # "HQN1": marks a file as a Huoqun database
SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseOpenError(StoreError):
    """The file cannot be opened as a Huoqun database; nothing was written to it."""


class DatabaseDamaged(DatabaseOpenError):
    """The file is an SQLite file whose pages or links between records are broken."""


def known_migrations() -> list[str]:
    """Names of the migrations this version of Huoqun ships, in order."""
    return sorted(p.stem for p in MIGRATIONS_DIR.glob("[0-9]*.py"))


def applied_migrations(conn: sqlite3.Connection) -> set[str]:
    """Names of the migrations the file's history lists (none in a new file)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (HISTORY_TABLE,)
    ).fetchone()
    if not found:
        return set()
    return {r[0] for r in conn.execute(f"SELECT name FROM {HISTORY_TABLE}")}


def check_file(path: Path) -> None:
    """Refuse a file that is not SQLite, is damaged, or is from a newer Huoqun. Read-only."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return
    if not path.is_file():  # a folder, a device, a FIFO (opening one would wait forever)
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is not a database file (it is a folder or a device)."
            ),
            path=str(path),
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be read ({detail})."),
            path=str(path),
            detail=exc.strerror or str(exc),
        ) from exc
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("Errors", "{path} is not a Huoqun database (not an SQLite file)."),
            path=str(path),
        )
    try:
        conn = sqlite3.connect(read_only_uri(path, header), uri=True)
    except sqlite3.Error as exc:
        raise damaged(path, str(exc)) from exc
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            raise damaged(path, "\n".join(str(r[0]) for r in rows[:3]))
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id != APPLICATION_ID and tables:
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP("Errors", "{path} is an SQLite file of another program."),
                path=str(path),
            )
        unknown = sorted(applied_migrations(conn) - set(known_migrations()))
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
        raise damaged(path, str(exc)) from exc
    finally:
        conn.close()


class FileCheck:
    """``check_file`` running in a thread while the program starts (it only reads the file).

    SQLite releases the GIL while it checks, so the check of a large file overlaps the
    imports and the building of the window; ``open_database`` waits for it before writing.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="huoqun-file-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            check_file(self.path)
        except BaseException as exc:  # noqa: BLE001 - handed to the thread that waits
            self._error = exc

    def wait(self) -> None:
        """Wait for the check; raise what ``check_file`` raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error


def read_only_uri(path: Path, header: bytes | None = None) -> str:
    """A URI that reads ``path`` without writing to it or creating files beside it."""
    if header is None:
        with path.open("rb") as fh:
            header = fh.read(100)
    # A WAL file with no -wal beside it was closed cleanly and nobody has it open: read it
    # as immutable so that reading creates no -wal/-shm files (and works in a read-only
    # folder). Otherwise the -wal may hold committed data, so read it the normal way.
    wal_mode = header[18:20] == b"\x02\x02"
    wal_exists = path.with_name(path.name + "-wal").exists()
    query = "immutable=1" if wal_mode and not wal_exists else "mode=ro"
    return f"{path.resolve().as_uri()}?{query}"


def damaged(path: Path, detail: str) -> DatabaseDamaged:
    # quick_check rows span lines ("*** in database main ***\nOn tree page…"); the message
    # must stay on one line (the command line prints it as one).
    lines = [line.strip() for line in detail.splitlines()]
    detail = "; ".join(line for line in lines if line and not line.startswith("***"))[:300]
    return DatabaseDamaged(
        QT_TRANSLATE_NOOP(
            "Errors", "{path} is damaged ({detail}). Restore it from a backup; nothing was written."
        ),
        path=str(path),
        detail=detail,
    )
