"""Memory work of long jobs, done so that the window never stands still (PRODUCT.md §7).

Whatever holds the GIL for long freezes the window, whichever thread it runs in. Two
things in a job with 100,000 rows did, besides the work itself:

- CPython's cyclic collector: a full pass over the rows takes 30–130 ms. Our jobs make next
  to no cyclic garbage (measured: young passes during an import collected nothing), so
  none is collected while one runs (``gc_paused``). When the last pause ends, everything the
  collector tracks is frozen (``gc.freeze``: moved out of its generations in constant time)
  rather than examined: the job's surviving objects never cost a long pass, and the few
  cycles it may have made stay in memory. Pauses nest and may overlap across threads.
- Freeing the rows: dropping a list of 100,000 rows frees a million objects in one go
  (60 ms, up to 400 ms in a fragmented heap). ``let_go`` empties big lists a slice at a
  time, so the interpreter can switch threads in between.

And one thing after a native reader: ``give_back`` returns to the system what the C library
kept of the memory freed (on glibc, 55 MB after calamine read a 110,000-row sheet), which
Python's own small-object arenas would never reuse.
"""

from __future__ import annotations

import ctypes
import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_lock = threading.Lock()
_paused = 0
_was_enabled = True


def paused() -> bool:
    """Whether some job has the collector paused now."""
    return _paused > 0


@contextmanager
def gc_paused() -> Iterator[None]:
    """Switch the cyclic collector off for the block (and back on after the last block)."""
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0:
                gc.freeze()  # constant time; destroys nothing, so any thread may do it
                if _was_enabled:
                    gc.enable()


SLICE = 5_000


def let_go(*lists: list[Any]) -> None:
    """Empty each list a slice at a time (from the end, so nothing moves)."""
    for items in lists:
        while items:
            del items[-SLICE:]


def give_back() -> None:
    """Return the C heap's freed memory to the system (glibc's ``malloc_trim``). Elsewhere
    (Windows, macOS, musl) nothing is done: their allocators give back on their own terms."""
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return
    trim(0)
