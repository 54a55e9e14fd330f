"""The progress of a long command, drawn on the terminal."""

from __future__ import annotations

import sys


class TerminalProgress:
    """A one-line progress bar on stderr, the ``progress(done, total)`` of a long job."""

    def __init__(self) -> None:
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 100
        if percent != self._last and sys.stderr.isatty():
            filled = percent // 4
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (25 - filled)}] {percent:3d}%")
            sys.stderr.flush()
        self._last = percent

    def done(self) -> None:
        if sys.stderr.isatty():
            sys.stderr.write("\n")
