"""Backups by SQLite's online backup API, their retention, and restoring one.

A backup is read through its own read-only connection on the live file, so it holds exactly
the last committed state even while another connection is writing; it is never a copy of the
file's bytes. Backups are named ``<stem>-YYYYMMDD-HHMMSS-<reason>.db`` (UTC) and kept in a
``backups`` folder beside the database, readable by the owner only. A backup is written to a
hidden ``.partial`` file first, removed on failure and swept after a crash (``leftovers``).
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app.store import leftovers
from app.store.database import migrate, remove_database
from app.store.errors import QT_TRANSLATE_NOOP, BackupError, RestoreRefused
from app.store.file_check import (
    APPLICATION_ID,
    HISTORY_TABLE,
    DatabaseDamaged,
    check_file,
    read_only_uri,
)
from app.store.models import db

FOLDER_NAME = leftovers.BACKUP_FOLDER
STALE_AFTER = timedelta(days=1)
KEEP_ALL_FOR = timedelta(days=2)
DAILY, WEEKLY, MONTHLY = 12, 10, 9
_REASON = re.compile(r"[a-z]+(?:-[a-z]+)*")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when it was made (naive UTC), why, and its size."""

    path: Path
    made_at: datetime
    reason: str
    size: int


def live_path() -> Path:
    """The file of the open database."""
    database = db.obj
    if database is None:
        raise BackupError(QT_TRANSLATE_NOOP("Errors", "No database is open to back up."))
    return Path(database.database)


def backup_dir(db_path: Path) -> Path:
    """The ``backups`` folder beside ``db_path``, created readable by the owner only.

    A ``backups`` that is a symlink is a place the person chose (another disk, a shared
    folder): its mode is theirs and is left alone; each backup file is owner-only anyway.
    """
    folder = Path(db_path).parent / FOLDER_NAME
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not folder.is_symlink():
            os.chmod(folder, 0o700)
    except OSError as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "Backups cannot be written in {path} ({detail})."),
            path=str(folder),
            detail=exc.strerror or str(exc),
        ) from exc
    return folder


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(
        rf"{re.escape(stem)}-(\d{{8}}-\d{{6}})-({_REASON.pattern})(?:-(\d+))?\.db", re.ASCII
    )


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first (read only: no folder is created)."""
    folder = Path(db_path).parent / FOLDER_NAME
    if not folder.is_dir():
        return []
    pattern = _pattern(Path(db_path).stem)
    found: list[tuple[datetime, int, int, BackupInfo]] = []
    try:
        for path in folder.iterdir():
            match = pattern.fullmatch(path.name)
            if match is None or not path.is_file():
                continue
            try:
                made_at = datetime.strptime(match[1], _STAMP)
            except ValueError:
                continue  # digits that are not a time: not one of ours
            st = path.stat()
            # in one second, the later written is the newer
            found.append(
                (
                    made_at,
                    int(match[3] or 1),
                    st.st_mtime_ns,
                    BackupInfo(path, made_at, match[2], st.st_size),
                )
            )
    except OSError as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "The backups in {path} cannot be read ({detail})."),
            path=str(folder),
            detail=exc.strerror or str(exc),
        ) from exc
    found.sort(key=lambda item: item[:3], reverse=True)
    return [info for *_, info in found]


def _new_name(folder: Path, stem: str, now: datetime, reason: str) -> Path:
    """A name no backup has yet; a second backup in the same second gets ``-2``, ``-3``…"""
    base = f"{stem}-{now:{_STAMP}}-{reason}"
    path, n = folder / f"{base}.db", 1
    while path.exists():
        n += 1
        path = folder / f"{base}-{n}.db"
    return path


def _write_failed(path: Path, exc: BaseException) -> BackupError:
    detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupError(
        QT_TRANSLATE_NOOP(
            "Errors", "The backup {path} could not be written ({detail}); nothing was changed."
        ),
        path=str(path),
        detail=detail,
    )


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """The rows of ``PRAGMA quick_check``: ``["ok"]`` for a sound file."""
    return [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]


def _write(
    source: Path, dest: Path, listed: bool = False, begun: Callable[[], None] | None = None
) -> None:
    """Write the committed state of ``source`` to the new file ``dest``, checked, owner-only;
    ``listed``: ``dest`` is outside the backups folder, where no sweep looks unasked.
    ``begun()`` is called once the state to write is fixed (later commits are not in it)."""
    partial = dest.with_name(f".{dest.name}.partial")
    # Listed beside the database, the partial copy is found by the next start or erase if
    # this process is killed.
    registry = None
    if listed and os.access(source.parent, os.W_OK):
        registry = leftovers.own_registry_for(source)
    with leftovers.owned(partial), leftovers.tracked(partial, registry):
        _write_partial(source, dest, partial, begun)


def _write_partial(
    source: Path, dest: Path, partial: Path, begun: Callable[[], None] | None
) -> None:
    try:
        os.close(os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600))
        with (
            closing(sqlite3.connect(read_only_uri(source), uri=True)) as src,
            closing(sqlite3.connect(partial)) as out,
        ):
            src.execute("PRAGMA busy_timeout = 5000")
            # a read transaction fixes the state copied: what commits from now on is not in it
            src.execute("BEGIN")
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if begun is not None:
                begun()
            src.backup(out)
            # One self-contained file: no -wal beside it, whatever the live file's mode.
            out.execute("PRAGMA journal_mode = DELETE")
            rows = quick_check(out)
        if rows != ["ok"]:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The backup {path} failed its check ({detail}) and was deleted; "
                    "nothing was changed.",
                ),
                path=str(dest),
                detail="; ".join(str(r) for r in rows[:3]),
            )
        fd = os.open(partial, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, dest)
    except (OSError, sqlite3.Error) as exc:
        raise _write_failed(dest, exc) from exc
    finally:
        remove_database(partial)


def make_backup(reason: str, now: datetime, source: Path | None = None) -> Path:
    """Back up the open database (or the file ``source``) into its backups folder, check it,
    then apply the retention.

    ``reason`` is a lower-case word or words joined by ``-`` ("import", "bulk", "restore",
    "migration", "daily", "manual", "before-restore"); it ends the file name.
    """
    with BackupUnderWay(reason, now, source) as backup:
        pass
    return backup.path


class BackupUnderWay:
    """``make_backup`` written in a thread while the caller goes on: of the state committed
    when it began, so the caller may write meanwhile (an import: the backup of the 471 MB
    reference file takes 2 to 3 s, overlapped with the import's own writing).

    ``with BackupUnderWay(reason, now) as backup:`` returns once that state is fixed (or
    raises ``BackupError`` if the backup could not begin); leaving the block waits for the
    backup and raises its error, if any, before the caller's transaction commits, so a
    failed backup takes back what was written meanwhile. ``backup.path`` is where it goes.
    """

    def __init__(self, reason: str, now: datetime, source: Path | None = None) -> None:
        if not _REASON.fullmatch(reason):
            raise ValueError(f"a backup reason is lower-case words joined by '-', not {reason!r}")
        self._source = source or live_path()
        self._now = now
        self.path = _new_name(backup_dir(self._source), self._source.stem, now, reason)
        self._begun = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="huoqun-backup", daemon=True)

    def __enter__(self) -> BackupUnderWay:
        self._thread.start()
        self._begun.wait()
        if self._error is not None:
            self._thread.join()
            raise self._error
        return self

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        self._thread.join()
        if kind is None and self._error is not None:
            raise self._error

    def _run(self) -> None:
        try:
            _write(self._source, self.path, begun=self._begun.set)
            prune(self._source, self._now)
        except BaseException as exc:  # noqa: BLE001 - raised on the caller's thread
            self._error = exc
        finally:
            self._begun.set()


def copy_to(dest: Path, now: datetime, source: Path | None = None) -> Path:
    """Write a checked backup of the open database (or the file ``source``) to ``dest``: a
    new file, or a folder."""
    source = source or live_path()
    dest = Path(dest)
    if dest.is_dir():
        dest = _new_name(dest, source.stem, now, "manual")
    if dest.exists() or dest.is_symlink():
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "{path} already exists; choose another name."),
            path=str(dest),
        )
    _write(source, dest, listed=True)
    return dest


def back_up_file(db_path: Path, now: datetime, out: Path | None = None) -> Path:
    """Back up the database file ``db_path`` without opening it for writing or locking it.

    The backup API reads through its own read-only connection, so this is safe while a
    running Huoqun writes to the file: the backup holds its last committed state. Into the
    backups folder (a "manual" backup, then the retention), or to ``out``: a new file or a
    folder.
    """
    named, db_path = Path(db_path), Path(db_path).resolve()
    if not db_path.is_file() or db_path.stat().st_size == 0:
        raise BackupError(
            QT_TRANSLATE_NOOP("Errors", "{path} does not exist; there is nothing to back up."),
            path=str(named),
        )
    check_file(db_path)
    if out is not None:
        return copy_to(out, now, source=db_path)
    return make_backup("manual", now, source=db_path)


def _local_date(moment: datetime) -> date:
    """The local calendar day of a stored (naive UTC) time."""
    return moment.replace(tzinfo=UTC).astimezone().date()


def obsolete(backups: Sequence[BackupInfo], now: datetime) -> list[BackupInfo]:
    """The backups the retention drops, like Anki keeps its backups.

    Every backup less than two days old is kept. The older ones are taken newest first,
    through three stages in turn; a stage ends when it has kept its number of backups:

    - daily (12): kept if its day is earlier than the last kept backup's day;
    - weekly (10): kept if its ISO week is earlier than the last kept backup's week;
    - monthly (9): kept if its month is earlier than the last kept backup's month.

    So the newest backup of each of 12 days, then of 10 earlier weeks, then of 9 earlier
    months survive, and nothing older. The stages count days that have backups, not calendar
    days: weeks away from Huoqun do not empty the history. Days, weeks and months are the
    local calendar's: a backup made at 23:30 UTC is one of the next day's east of Greenwich.
    """
    room = [DAILY, WEEKLY, MONTHLY]
    last: tuple[int, int, int] | None = None
    dropped: list[BackupInfo] = []
    # a backup dated in the future (a wrong clock then or now) is neither counted nor dropped
    past = [b for b in backups if b.made_at <= now]
    for info in sorted(past, key=lambda b: b.made_at, reverse=True):
        day = _local_date(info.made_at)
        iso = day.isocalendar()
        # day, ISO week and month as numbers that grow with time
        keys = (day.toordinal(), iso.year * 100 + iso.week, day.year * 12 + day.month)
        keep = now - info.made_at < KEEP_ALL_FOR
        stage = next((i for i in range(3) if room[i]), None)
        if not keep and stage is not None and (last is None or keys[stage] < last[stage]):
            room[stage] -= 1
            keep = True
        if keep:
            last = keys
        else:
            dropped.append(info)
    return dropped


def prune(db_path: Path, now: datetime) -> list[Path]:
    """Delete the backups of ``db_path`` that the retention drops; returns their paths."""
    doomed = [info.path for info in obsolete(list_backups(db_path), now)]
    for path in doomed:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise BackupError(
                QT_TRANSLATE_NOOP("Errors", "The old backup {path} cannot be deleted ({detail})."),
                path=str(path),
                detail=exc.strerror or str(exc),
            ) from exc
    return doomed


def newest_backup(db_path: Path, now: datetime) -> BackupInfo | None:
    """The most recent backup of ``db_path`` not dated after ``now``, if any.

    A backup whose name carries a future time (made while the clock was wrong, or copied
    in) would be "newest" forever and stop the daily backups: see ``future_backups``.
    """
    return next((b for b in list_backups(db_path) if b.made_at <= now), None)


def future_backups(db_path: Path, now: datetime) -> list[BackupInfo]:
    """The backups of ``db_path`` dated after ``now``, which the backup age ignores."""
    return [b for b in list_backups(db_path) if b.made_at > now]


def backup_if_stale(now: datetime) -> Path | None:
    """A "daily" backup when the newest is over a day old (or there is none); for app start."""
    newest = newest_backup(live_path(), now)
    if newest is not None and now - newest.made_at <= STALE_AFTER:
        return None
    return make_backup("daily", now)


def _refuse(template: str, path: Path, **params: object) -> RestoreRefused:
    return RestoreRefused(template, path=str(path), **params)


def check_restorable(backup_path: Path) -> None:
    """Refuse a file that is missing, damaged, from a newer Huoqun or not a Huoqun database."""
    backup_path = Path(backup_path)
    if not backup_path.is_file():
        raise _refuse(
            QT_TRANSLATE_NOOP("Errors", "{path} is not a file; nothing was restored."),
            backup_path,
        )
    try:
        check_file(backup_path)
    except DatabaseDamaged as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Errors", "The backup {path} is damaged ({detail}); nothing was restored."
            ),
            backup_path,
            detail=exc.params.get("detail", ""),
        ) from exc
    try:
        with closing(sqlite3.connect(read_only_uri(backup_path), uri=True)) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            history = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
                (HISTORY_TABLE,),
            ).fetchone()[0]
    except (OSError, sqlite3.Error) as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be read ({detail}); nothing was restored."),
            backup_path,
            detail=str(exc),
        ) from exc
    if app_id != APPLICATION_ID or not history:
        raise _refuse(
            QT_TRANSLATE_NOOP("Errors", "{path} is not a Huoqun backup; nothing was restored."),
            backup_path,
        )


def restore(backup_path: Path, now: datetime) -> Path:
    """Replace the open database's data with a backup's; returns the "before-restore" backup.

    The backup is checked first, the current state is backed up, then the backup API copies
    the backup into the live connection in one transaction: the models see the restored data
    at once, and a failure leaves the live data as it was. An older schema is then migrated.
    """
    backup_path = Path(backup_path)
    live = live_path()
    if backup_path.resolve() == live.resolve():
        raise _refuse(
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is the open database itself; choose one of its backups."
            ),
            backup_path,
        )
    check_restorable(backup_path)
    before = _new_name(backup_dir(live), live.stem, now, "before-restore")
    _write(live, before)
    database = db.obj
    try:
        with closing(sqlite3.connect(read_only_uri(backup_path), uri=True)) as src:
            src.backup(database.connection())
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Errors", "Restoring {path} failed ({detail}); the data is as it was before."
            ),
            path=str(backup_path),
            detail=str(exc),
        ) from exc
    migrate(database, now, backup=False)  # the backup may predate this version's schema
    prune(live, now)
    return before
