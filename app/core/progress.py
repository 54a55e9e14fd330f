"""How long work reports how far it is: ``progress(done, total)``.

A job's ``progress`` (app/ui/jobs.py) raises ``Cancelled`` when the person pressed Cancel,
so calling it is also where the work stops and its transaction rolls back.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell ``progress``, when there is one."""
    if progress is not None:
        progress(done, total)
