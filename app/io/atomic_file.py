"""Writing an export so that the file is either complete or not there at all.

The content goes to a hidden temporary file beside the target, created readable by the owner
only; after an fsync it is renamed over the target. A failure or a cancel removes it, and
whatever was at the target before stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, HuoqunError

FILE_MODE = 0o600


class ExportError(HuoqunError):
    """An export file could not be written; nothing was left behind."""


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temporary path to write ``target``'s new content to; renamed over it on success."""
    target = Path(target)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    temp = Path(name)
    try:
        os.close(fd)
        os.chmod(temp, FILE_MODE)
        yield temp
        _fsync(temp)
        os.replace(temp, target)
    except OSError as exc:
        _remove(temp)
        raise _cannot_write(target, exc) from exc
    except BaseException:
        _remove(temp)
        raise
    _fsync_folder(target.parent)


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


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
