"""Reminders while the app runs: every minute, tasks that came due show in the notice area.

One task due reads "Due now: …" with Open; several read "3 tasks due — Open the Queue" in the
same one line (``NoticeArea``), never a pile of banners. A notice goes when its task is opened,
done, skipped or snoozed. Each due occurrence is shown once: the task remembers it
(``reminded_for``), so a restart does not show it again, and this session remembers it too, so
a restore of an older backup does not either. Where the platform has a system tray, a check
that found new tasks also raises one tray message. ``check`` does the work (tests call it with
a fixed clock); ``run`` only loops, starting a few seconds after the window is up.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from app.core import reminders
from app.core.reminders import Reminder
from app.ui.generated_text import task_title
from app.ui.notice_area import NoticeArea

CHECK_EVERY_SECONDS = 60
FIRST_CHECK_AFTER_SECONDS = 3  # the window first, then its reminders


class ReminderService(QObject):
    """Checks for due tasks and keeps the notice area saying which are waiting."""

    taskOpened = Signal(int)  # noqa: N815 - open this task
    queueOpened = Signal()  # noqa: N815 - open the queue (the notice of many)
    checked = Signal(int)  # how many reminders the last check raised

    _live: list[ReminderService] = []  # the services of open windows (``task_opened``)

    def __init__(self, area: NoticeArea | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.area = area
        self.pending: dict[int, Reminder] = {}  # what the notice area stands for, by task
        self._seen: set[tuple[int, datetime]] = set()  # (task, due) shown in this session
        self.tray: QSystemTrayIcon | None = None
        self._tray_task: int | None = None  # None: the tray's last message was of many
        if QSystemTrayIcon.isSystemTrayAvailable():
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.messageClicked.connect(self._tray_clicked)
            self.tray.show()
        if area is not None:
            area.openRequested.connect(self._open)
            area.dismissed.connect(self.dismiss)
        ReminderService._live.append(self)
        self.destroyed.connect(lambda _o=None, s=self: self._forget_service(s))

    @staticmethod
    def _forget_service(service: ReminderService) -> None:
        if service in ReminderService._live:
            ReminderService._live.remove(service)

    def check(self, now: datetime | None = None) -> list[Reminder]:
        """Show the reminders that came due by ``now`` and were never shown; mark them shown."""
        due = reminders.due_reminders(now)
        fresh = [r for r in due if (r.task_id, r.due_at) not in self._seen]
        if due:  # those shown before a restore are marked again, so a restart keeps them away
            reminders.mark_reminded([r.task_id for r in due], now)
        for reminder in fresh:
            self._seen.add((reminder.task_id, reminder.due_at))
            self.pending[reminder.task_id] = reminder
        if fresh:
            self._tray_message(fresh)
        self.follow_tasks(now)
        self.checked.emit(len(fresh))
        return fresh

    def follow_tasks(self, now: datetime | None = None) -> None:
        """Drop the notices whose task is done, skipped, snoozed or gone (after any write)."""
        if self.pending:
            waiting = reminders.still_due(list(self.pending), now)
            self.pending = {k: r for k, r in self.pending.items() if k in waiting}
        self._show()

    @classmethod
    def task_opened(cls, task_id: int) -> None:
        """A task was opened, wherever: its notice has done its work."""
        for service in cls._live:
            if service.pending.pop(task_id, None) is not None:
                service._show()

    def dismiss(self) -> None:
        """The ×: the notices shown so far go (their tasks stay in the Queue)."""
        self.pending.clear()
        self._show()

    def notice_text(self) -> str:
        """What the notice area says, as one line."""
        return self.area.text() if self.area is not None else ""

    def _show(self) -> None:
        if self.area is None:
            return
        if not self.pending:
            self.area.show_notice("", "")
        elif len(self.pending) == 1:
            (reminder,) = self.pending.values()
            self.area.show_notice(self._one_line(reminder), self.tr("Open"))
        else:
            count = len(self.pending)
            self.area.show_notice(self.tr("%n task(s) due —", "", count), self.tr("Open the Queue"))

    def _one_line(self, reminder: Reminder) -> str:
        where = " · ".join(n for n in (reminder.group_name, reminder.member_name) if n)
        text = self.tr("Due now: {title}").format(title=task_title(reminder))
        return f"{text}  ({where})" if where else text

    def _open(self) -> None:
        """The notice's button: the one task, or the Queue for several."""
        if len(self.pending) == 1:
            (task_id,) = self.pending
            self.taskOpened.emit(task_id)  # the window opens it: ``task_opened`` drops it
            return
        self.pending.clear()
        self._show()
        self.queueOpened.emit()

    def _tray_message(self, fresh: list[Reminder]) -> None:
        if self.tray is None:
            return
        one = len(fresh) == 1
        self._tray_task = fresh[0].task_id if one else None
        text = self._one_line(fresh[0]) if one else self.tr("%n task(s) due", "", len(fresh))
        self.tray.showMessage(
            self.tr("Huoqun reminder"), text, QSystemTrayIcon.MessageIcon.Information
        )

    def _tray_clicked(self) -> None:
        if self._tray_task is None:
            self.queueOpened.emit()
        else:
            self.taskOpened.emit(self._tray_task)

    async def run(self) -> None:
        """Check a few seconds after the start, then every minute, until cancelled."""
        await asyncio.sleep(FIRST_CHECK_AFTER_SECONDS)
        while True:
            self.check()
            await asyncio.sleep(CHECK_EVERY_SECONDS)
