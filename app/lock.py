"""One running copy per database file: a QLockFile beside it.

Only QtCore is used (no window), so the command line takes the same lock as the app.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from app.core.errors import QT_TRANSLATE_NOOP, HuoqunError


class DatabaseInUse(HuoqunError):
    """Another running Huoqun has this database open."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def acquire(db_path: Path) -> QLockFile:
    """Lock ``db_path`` for this process or raise ``DatabaseInUse``; a stale lock is taken over."""
    db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = QLockFile(str(lock_path(db_path)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = lock.getLockInfo()  # (pid, hostname, appname) when readable
        ok = isinstance(info, tuple) and len(info) == 3
        pid, host = (info[0], info[1]) if ok else ("?", "?")
        raise DatabaseInUse(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is already open in another Huoqun (process {pid} on {host}). "
                "Close that one first.",
            ),
            path=str(db_path),
            pid=pid,
            host=host or "?",
        )
    raise DatabaseInUse(
        QT_TRANSLATE_NOOP("Errors", "Cannot create the lock file {lock}."),
        lock=str(lock_path(db_path)),
    )
