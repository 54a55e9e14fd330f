"""Reminders while the app runs: every minute, tasks that came due raise one notice each.

A tray message where the platform has a system tray, otherwise a banner at the top of the
main window. ``check`` does the work (tests call it with a fixed clock); ``run`` only loops.
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

CHECK_EVERY_SECONDS = 60
BANNER_STYLE = (
    "QFrame#reminderBanner { background: #fdf2d0; border: 1px solid #e0c36a; border-radius: 4px; }"
)


class ReminderBanner(QFrame):
    """One reminder inside the window: the task's title and an Open button."""

    openRequested = Signal(int)  # noqa: N815 - the task id

    def __init__(self, reminder: Reminder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.task_id = reminder.task_id
        where = " · ".join(n for n in (reminder.group_name, reminder.member_name) if n)
        text = self.tr("Due now: {title}").format(title=reminder.title)
        if where:
            text += f"  ({where})"
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
        self.openRequested.emit(self.task_id)
        self.dismiss()

    def dismiss(self) -> None:
        self.hide()
        self.deleteLater()


class ReminderService(QObject):
    """Checks for due tasks and shows each once; ``taskOpened`` when a notice is clicked."""

    taskOpened = Signal(int)  # noqa: N815 - open this task
    checked = Signal(int)  # how many reminders the last check raised

    def __init__(self, banner_area: QVBoxLayout | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.banner_area = banner_area
        self.tray: QSystemTrayIcon | None = None
        self._tray_task: int | None = None
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
        for reminder in due:
            self.show_reminder(reminder)
        if due:
            reminders.mark_reminded([r.task_id for r in due], now)
        self.checked.emit(len(due))
        return due

    def show_reminder(self, reminder: Reminder) -> None:
        if self.tray is not None:
            self._tray_task = reminder.task_id
            self.tray.showMessage(
                self.tr("Huoqun reminder"),
                reminder.title,
                QSystemTrayIcon.MessageIcon.Information,
            )
            return
        if self.banner_area is None:
            return
        banner = ReminderBanner(reminder)
        banner.openRequested.connect(self.taskOpened.emit)
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
        if self._tray_task is not None:
            self.taskOpened.emit(self._tray_task)

    async def run(self) -> None:
        """Check now and then every minute, until cancelled."""
        while True:
            self.check()
            await asyncio.sleep(CHECK_EVERY_SECONDS)
