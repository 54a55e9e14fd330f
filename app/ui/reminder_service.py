"""Reminders while the app runs: every minute, tasks that came due raise one notice each.

A tray message where the platform has a system tray, otherwise a banner at the top of the
main window. When many came due at once (the first start after a holiday), the first few get
their own notice and one more says how many others there are and opens the queue. ``check``
does the work (tests call it with a fixed clock); ``run`` only loops, starting a few seconds
after the window is up.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core import reminders
from app.core.reminders import Reminder
from app.ui.generated_text import task_title

CHECK_EVERY_SECONDS = 60
FIRST_CHECK_AFTER_SECONDS = 3  # the window first, then its reminders
MAX_NOTICES = 3  # per check: beyond it, the rest in one notice
BANNER_STYLE = (
    "QFrame#reminderBanner { background: #fdf2d0; border: 1px solid #e0c36a; border-radius: 4px; }"
)


class ReminderBanner(QFrame):
    """One notice inside the window: what came due and an Open button.

    ``task_id`` is the task it is about, or None for the notice of many due at once.
    """

    openRequested = Signal()  # noqa: N815

    def __init__(self, text: str, task_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.task_id = task_id
        self.label = QLabel(text)
        self.label.setObjectName("reminderText")
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("reminderOpenButton")
        self.open_button.clicked.connect(self._open)
        self.close_button = QToolButton()
        self.close_button.setObjectName("reminderCloseButton")
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.close_button)

    def _open(self) -> None:
        self.openRequested.emit()
        self.dismiss()

    def dismiss(self) -> None:
        self.hide()
        self.deleteLater()


class ReminderService(QObject):
    """Checks for due tasks and shows each once; ``taskOpened`` when a notice is clicked."""

    taskOpened = Signal(int)  # noqa: N815 - open this task
    queueOpened = Signal()  # noqa: N815 - open the queue (the notice of many)
    checked = Signal(int)  # how many reminders the last check raised

    def __init__(self, banner_area: QVBoxLayout | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.banner_area = banner_area
        self.tray: QSystemTrayIcon | None = None
        self._tray_task: int | None = None  # None: the tray's last message was of many
        if QSystemTrayIcon.isSystemTrayAvailable():
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.messageClicked.connect(self._tray_clicked)
            self.tray.show()
        self.banners: list[ReminderBanner] = []

    def check(self, now: datetime | None = None) -> list[Reminder]:
        """Show the reminders due at ``now`` and mark them so they never show again."""
        due = reminders.due_reminders(now)
        own = due if len(due) <= MAX_NOTICES else due[: MAX_NOTICES - 1]
        for reminder in own:
            self.show_reminder(reminder)
        if len(due) > len(own):
            self._notify(self.tr("%n more task(s) came due.", "", len(due) - len(own)), None)
        if due:
            reminders.mark_reminded([r.task_id for r in due], now)
        self.checked.emit(len(due))
        return due

    def show_reminder(self, reminder: Reminder) -> None:
        where = " · ".join(n for n in (reminder.group_name, reminder.member_name) if n)
        text = self.tr("Due now: {title}").format(title=task_title(reminder))
        self._notify(f"{text}  ({where})" if where else text, reminder.task_id)

    def _notify(self, text: str, task_id: int | None) -> None:
        """A tray message or a banner; Open shows the task, or the queue when ``None``."""
        if self.tray is not None:
            self._tray_task = task_id
            self.tray.showMessage(
                self.tr("Huoqun reminder"), text, QSystemTrayIcon.MessageIcon.Information
            )
            return
        if self.banner_area is None:
            return
        banner = ReminderBanner(text, task_id)
        if task_id is None:
            banner.openRequested.connect(self.queueOpened.emit)
        else:
            banner.openRequested.connect(lambda: self.taskOpened.emit(task_id))
        banner.destroyed.connect(lambda _o=None, b=banner: self._forget(b))
        self.banners.append(banner)
        self.banner_area.addWidget(banner, 0, Qt.AlignmentFlag.AlignTop)
        banner.show()

    def visible_banners(self) -> list[ReminderBanner]:
        return [b for b in self.banners if not b.isHidden()]

    def _forget(self, banner: ReminderBanner) -> None:
        if banner in self.banners:
            self.banners.remove(banner)

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
