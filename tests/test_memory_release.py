"""gc_paused: the collector is off inside, back on after the last of overlapping pauses."""

from __future__ import annotations

import gc
import threading

import pytest

from app.memory_release import gc_paused, let_go


@pytest.fixture(autouse=True)
def automatic_collection() -> object:
    """As in a program without Qt (the command line): automatic collection on."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_pauses_nest_and_overlap_across_threads() -> None:
    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other_job() -> None:
        with gc_paused():
            inside.set()
            release.wait(5)
            seen.append(gc.isenabled())

    worker = threading.Thread(target=other_job)
    with gc_paused():
        worker.start()
        assert inside.wait(5)
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause ended; ours goes on
    assert not gc.isenabled()  # the other thread's pause still holds
    release.set()
    worker.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_an_error_inside_still_switches_it_back_on() -> None:
    try:
        with gc_paused():
            raise ValueError("refused")
    except ValueError:
        pass
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_end_of_the_last_pause_freezes_what_the_job_left() -> None:
    gc.unfreeze()
    before = gc.get_freeze_count()
    with gc_paused():
        survivors = [[number] for number in range(10_000)]  # tracked objects a job keeps
    assert gc.get_freeze_count() >= before + len(survivors)  # out of every later pass
    assert gc.get_count()[0] < 100


def test_let_go_empties_lists_in_slices() -> None:
    rows = [(number, f"成员{number}") for number in range(12_345)]
    other: list[object] = [[1], [2]]
    let_go(rows, other, [])
    assert rows == [] and other == []
