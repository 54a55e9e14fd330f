"""Cyclic garbage is collected on the UI thread, on a timer, and not while a job runs."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication

from app.memory_release import gc_paused, paused
from app.ui.gc_collector import collect_on_ui_thread
from app.ui.jobs import _RUNNING


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def no_job_running(qtbot) -> None:
    """Jobs of earlier tests end first: the end of a pause freezes what exists then."""
    qtbot.waitUntil(lambda: not _RUNNING and not paused(), timeout=10_000)


def test_automatic_collection_is_off_and_the_timer_collects_cycles(qtbot) -> None:
    collector = collect_on_ui_thread(QApplication.instance())
    no_job_running(qtbot)
    assert not gc.isenabled()
    assert collector.timer.isActive()
    node = Node()
    gone = weakref.ref(node)
    del node
    while gc.get_count()[0] <= collector.threshold[0]:
        [Node() for _ in range(100)]  # young garbage until a collection is due
    assert gone() is not None  # nothing collects it by itself, in any thread
    collector.timer.timeout.emit()  # what the timer does every INTERVAL_MS, on this thread
    assert gone() is None


def test_nothing_is_collected_while_a_job_runs(qtbot) -> None:
    collector = collect_on_ui_thread(QApplication.instance())
    no_job_running(qtbot)
    collector.timer.stop()  # this test calls check() itself
    release = threading.Event()
    paused = threading.Event()

    def job() -> None:
        with gc_paused():
            paused.set()
            release.wait(5)

    def all_generations_due() -> None:
        for _ in range(collector.threshold[2] + 1):
            gc.collect(1)  # each counts once for the old generation
        for _ in range(collector.threshold[1] + 1):
            gc.collect(0)  # each counts once for the middle one
        [Node() for _ in range(collector.threshold[0] + 1)]  # young garbage

    worker = threading.Thread(target=job)
    worker.start()
    assert paused.wait(5)
    try:
        all_generations_due()
        assert collector.check() == -1  # nothing during the job
    finally:
        release.set()
        worker.join(5)
        collector.timer.start()
    all_generations_due()
    assert collector.check() == 2  # the job is over: the full pass it deferred
    assert not gc.isenabled()  # the job's pause did not switch automatic collection back on
