"""What a write changed, told to the whole window (like Anki's ``OpChanges``).

A panel or dialog that wrote something announces what kind of records it changed
(``announce(Change.TASKS, self)``); every panel follows the kinds it shows (``follow``) and
redraws itself from that: at once when it is on screen, else when it is next shown (the window
refreshes a panel as it shows it). No panel reaches into another's widgets, and no panel
needs to know who else shows the same records.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Flag, auto

from PySide6.QtCore import QCoreApplication, QObject, Signal


class Change(Flag):
    """The kinds of records a write can change."""

    MEMBERS = auto()
    GROUPS = auto()
    TASKS = auto()
    RULES = auto()  # rules, violations, bans
    MEETUPS = auto()
    TIERS = auto()
    SETTINGS = auto()
    EVERYTHING = MEMBERS | GROUPS | TASKS | RULES | MEETUPS | TIERS | SETTINGS  # a restore


class ChangeBus(QObject):
    """The one channel announcements go through."""

    changed = Signal(object, object)  # the Change, the object that made it (or None)


class _Follower(QObject):
    """A panel's ear on the bus: a child of the panel, so it goes (and is disconnected) with it."""

    def __init__(self, panel: QObject, kinds: Change, redraw: Callable[[], None]) -> None:
        super().__init__(panel)
        self.panel = panel
        self.kinds = kinds
        self.redraw = redraw

    def changed(self, change: Change, source: object) -> None:
        panel = self.panel
        mine = source is panel and change != Change.EVERYTHING
        if change & self.kinds and not mine and panel.isVisible():  # type: ignore[attr-defined]
            self.redraw()


_bus: ChangeBus | None = None


def change_bus() -> ChangeBus:
    """The application's bus (made on first use, owned by the QApplication)."""
    global _bus
    if _bus is None:
        _bus = ChangeBus(QCoreApplication.instance())
        _bus.destroyed.connect(_forget)
    return _bus


def _forget() -> None:
    global _bus
    _bus = None


def announce(change: Change, source: QObject | None = None) -> None:
    """Tell every follower that ``source`` changed records of the kinds in ``change``."""
    change_bus().changed.emit(change, source)


def follow(panel: QObject, kinds: Change, redraw: Callable[[], None] | None = None) -> None:
    """Redraw ``panel`` (``redraw``, else its ``refresh()``) when records of ``kinds`` change
    while it is on screen.

    What the panel itself announces it has already redrawn, except a change of everything
    (a restore: even the panel that made it shows the restored records).
    """
    follower = _Follower(panel, kinds, redraw or panel.refresh)  # type: ignore[attr-defined]
    change_bus().changed.connect(follower.changed)
