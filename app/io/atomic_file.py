"""Writing an export so that the file is either complete or not there at all.

The content goes to a hidden temporary file beside the target, created readable by the owner
only; after an fsync it is renamed over the target. A failure or a cancel removes it, and
whatever was at the target before stays as it was; a process killed meanwhile leaves its name
in the open database's list of temporary files, and the next start removes it (the list is
kept by whoever registered with ``track_temps_with``: ``app.core.file_temps``).

The target must be a regular file or absent: a folder, a device (``/dev/null``) or a pipe is
refused, never replaced. A symlink is written through: the file it points to gets the new
content, and the link stays.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

from app.io.errors import QT_TRANSLATE_NOOP, FileRefused

FILE_MODE = 0o600

# (beside, kind) → a context giving a new temporary path, listed for a sweep while in use
TempTracker = Callable[[Path, str], AbstractContextManager[Path]]
_tracker: TempTracker | None = None


def track_temps_with(tracker: TempTracker | None) -> None:
    """Who names and lists the temporary files from now on (``None``: nobody lists them)."""
    global _tracker
    _tracker = tracker


class ExportError(FileRefused):
    """An export file could not be written; nothing was left behind."""


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path to write ``target``'s new content to; renamed over it on success."""
    shown = Path(target)
    target = writable_target(shown)
    with tracked_temp(target) as temp:
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
            yield temp
            _fsync(temp)
            os.replace(temp, target)
        except OSError as exc:
            raise _cannot_write(shown, exc) from exc
    _fsync_folder(target.parent)


def writable_target(target: Path) -> Path:
    """The file an export to ``target`` replaces: ``target``, or the file its symlink names.

    Refused: anything that is there but not a regular file (a folder, a device, a pipe).
    """
    real = Path(target).resolve()
    if real.exists() and not real.is_file():
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is not a regular file (a folder or a device); nothing was saved."
            ),
            path=str(target),
        )
    return real


@contextlib.contextmanager
def tracked_temp(beside: Path, kind: str = "") -> Iterator[Path]:
    """A new temporary file name beside ``beside``, listed for the open database's sweep while
    in use and removed afterwards (unless renamed away). Not created: the caller creates it."""
    tracker = _tracker or _untracked
    try:
        with tracker(beside, kind) as temp:
            yield temp
    except OSError as exc:  # the list beside the database could not be written
        raise _cannot_write(beside, exc) from exc


@contextlib.contextmanager
def _untracked(beside: Path, kind: str) -> Iterator[Path]:
    """A hidden temporary name beside ``beside``, removed afterwards; listed nowhere."""
    middle = f".{kind}" if kind else ""
    temp = beside.with_name(f".{beside.name}.{secrets.token_hex(6)}{middle}.part")
    try:
        yield temp
    finally:
        temp.unlink(missing_ok=True)


def _cannot_write(target: Path, exc: OSError) -> ExportError:
    return ExportError(
        QT_TRANSLATE_NOOP("Errors", "{path} cannot be written ({detail}); nothing was saved."),
        path=str(target),
        detail=exc.strerror or str(exc),
    )


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); folders cannot be opened on Windows."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        _fsync(folder)
