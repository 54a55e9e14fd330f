"""No cyclic garbage collection while a long job makes hundreds of thousands of objects.

CPython's collector runs a full collection now and then while objects are being made; with
100,000 rows of tuples in memory one such pass takes 30–120 ms, and it holds the GIL, so a
worker thread doing it freezes the window for as long (PRODUCT.md §7). Nothing our jobs make
depends on cycles being collected during the job: collection simply resumes afterwards.
Pauses nest and may overlap across threads; the collector comes back when the last ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

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
            if _paused == 0 and _was_enabled:
                gc.enable()
