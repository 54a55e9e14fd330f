"""What the main window does once it is up: fill Today, a daily backup, suggested tasks.

Each step runs off the UI thread, the next after the one before (PRODUCT.md §7: start fast).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.ui.changes import Change, announce
from app.ui.jobs import run_job

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class WindowStart(QObject):
    """The work of a start, begun by the window's first paint.

    Today's plan is filled once: by the Today panel's load when Today is shown, else by a job
    of its own after the backup. ``done`` once all of it has run.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.done = False

    def after_first_paint(self) -> None:
        """Fill the Today panel off the UI thread, then back up (PRODUCT.md §7: start fast)."""
        if not self._window.isVisible():
            return  # closed before it began
        today = self._window.today_panel
        if self._window.current_panel() is today and not today.loaded:
            today.load(then=self._planned)  # the load fills today's plan
        else:
            self._daily_backup(fill=True)

    def _planned(self) -> None:
        """Today's load filled the plan: the badge counts what it holds (Today is up to date)."""
        announce(Change.TASKS, self._window.today_panel)
        self._daily_backup(fill=False)

    def _daily_backup(self, fill: bool) -> None:
        """At start, a "daily" backup when the newest is over a day old; off the UI thread."""
        if not self._window.isVisible():
            return  # closed before it began
        from app.core import database

        self._backup_job = run_job(
            self._window,
            self.tr("Backing up…"),
            lambda _progress: database.backup_if_stale(),
            lambda _path: self._refresh_suggestions() if fill else self._finish(),
            quiet=True,
        )

    def _refresh_suggestions(self) -> None:
        """At start, with Today not shown: the top suggestions fill today's plan; quietly, off
        the UI thread."""
        if not self._window.isVisible() or self._window.is_empty():
            self._finish()
            return
        from app.core import suggested_tasks

        self._suggestions_job = run_job(
            self._window,
            self.tr("Looking for suggestions…"),
            lambda _progress: suggested_tasks.refresh_suggestions(),
            lambda _ids: self._suggestions_done(),
            quiet=True,
        )

    def _suggestions_done(self) -> None:
        announce(Change.TASKS, self._window)
        self._finish()

    def _finish(self) -> None:
        self.done = True
