"""How a long read or write reports how far it is: ``progress(done, total)``.

The same shape as the domain's (``app.core.progress``): a job's ``progress`` may raise to
cancel, which ends the work and leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell ``progress``, when there is one."""
    if progress is not None:
        progress(done, total)
