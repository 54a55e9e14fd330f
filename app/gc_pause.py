"""No cyclic garbage collection while a long job makes hundreds of thousands of objects.

CPython's collector runs a full collection now and then while objects are being made; with
100,000 rows in memory one such pass takes 30–130 ms, and it holds the GIL, so whichever
thread does it freezes the window for as long (PRODUCT.md §7). Our jobs make next to no
cyclic garbage (measured: young passes during an import collected nothing), so none is
collected while one runs. When the last pause ends, everything the collector tracks is
frozen (``gc.freeze``: moved out of its generations in constant time) rather than examined:
the job's surviving objects never cost a long pass, and the few cycles it may have made
stay in memory. Pauses nest and may overlap across threads.
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
            if _paused == 0:
                gc.freeze()  # constant time; destroys nothing, so any thread may do it
                if _was_enabled:
                    gc.enable()
