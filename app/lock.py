"""One running copy per database file: a QLockFile beside the real file.

Only QtCore is used (no window), so the command line takes the same lock as the app. The lock
is named after the file's real path (symlinks followed), so every name of one database leads to
one lock.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QLockFile

from app.core.errors import QT_TRANSLATE_NOOP, HuoqunError


class DatabaseInUse(HuoqunError):
    """Another running Huoqun has this database open."""


def lock_path(db_path: Path) -> Path:
    real = Path(db_path).resolve()
    return real.with_name(real.name + ".lock")


def acquire(db_path: Path) -> QLockFile:
    """Lock ``db_path`` for this process or raise ``DatabaseInUse``; a stale lock is taken over.

    Qt takes a lock for stale when its process is gone, the machine has restarted since, or
    the process with that id runs another program. A lock whose id now belongs to another
    copy of the same program (any Python script, when Huoqun runs from Python) still looks
    held; but while Huoqun holds its lock it keeps the file open and locked (``flock`` on
    Unix, an open handle that forbids deleting on Windows), so a lock file that can be
    removed is held by nobody, and it is taken over whatever process now has its id.
    """
    path = lock_path(db_path)
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = lock.getLockInfo()  # (pid, hostname, appname); pid 0 when unreadable
        pid, host = (info[0], info[1]) if isinstance(info, tuple) and len(info) == 3 else (0, "")
        # pid > 0: the holder has written the file, which Qt does after locking it natively
        if pid > 0 and lock.removeStaleLockFile() and lock.tryLock(0):
            return lock
        if lock.error() == QLockFile.LockError.LockFailedError:
            raise DatabaseInUse(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{path} is already open in another Huoqun (process {pid} on {host}). "
                    "Close that one first.",
                ),
                path=str(db_path),
                pid=pid or "?",
                host=host or "?",
            )
    raise DatabaseInUse(
        QT_TRANSLATE_NOOP("Errors", "Cannot create the lock file {lock} ({detail})."),
        lock=str(path),
        detail=_why_not_writable(path),
    )


def _why_not_writable(path: Path) -> str:
    """Why a file cannot be made at ``path``: QLockFile does not say, so try it."""
    probe = path.with_name(f".{path.name}.{os.getpid()}.probe")
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, b"%d\n" % os.getpid())
            os.fsync(fd)
        finally:
            os.close(fd)
            probe.unlink()
    except OSError as exc:
        return exc.strerror or str(exc)
    return QT_TRANSLATE_NOOP("Errors", "no reason given")
