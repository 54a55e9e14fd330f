"""Cyclic garbage is collected on the UI thread only, on a timer (as Anki does).

Python runs its cyclic collector in whichever thread happens to allocate when a threshold
is crossed. A worker thread that collects a cycle holding a Qt object deletes that object
off the UI thread, and the program crashes. So while Qt runs, automatic collection is off
and a timer on the UI thread collects the generations whose thresholds were crossed, as
Python would have; never while a long job runs (``app.memory_release``, which also keeps the
job's objects out of later passes).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from app import memory_release

INTERVAL_MS = 200
_installed: list[UiThreadCollector] = []


class UiThreadCollector(QObject):
    """Checks the collector's counts now and then and collects what is due."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> int:
        """Collect the generations that are due; the oldest one collected, or -1."""
        young, middle, old = gc.get_count()
        if memory_release.paused() or young <= self.threshold[0]:
            return -1
        generation = 0 if middle <= self.threshold[1] else 1 if old <= self.threshold[2] else 2
        gc.collect(generation)  # this generation and the younger ones
        return generation


def collect_on_ui_thread(app: QObject) -> UiThreadCollector:
    """Switch automatic collection off and collect on ``app``'s thread instead (once)."""
    if not _installed:
        _installed.append(UiThreadCollector(app))
    return _installed[0]
