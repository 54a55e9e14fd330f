"""The Meetups panel: a month calendar with the upcoming meetups beside it.

Online ties are weak until people meet (PRODUCT.md §1 point 4): plan a meetup on a day,
gather RSVPs within its capacity, print the plan with its sign-in sheet, and export the
dates to the operator's calendar.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core import meetup_calendar as ics
from app.core import meetups
from app.ui.changes import Change, announce, follow
from app.ui.error_messages import REFUSALS
from app.ui.meetups.meetup_dialog import MeetupDialog
from app.ui.meetups.month_calendar import MonthCalendar
from app.ui.meetups.upcoming_list import UpcomingList
from app.ui.widgets.controls import notice_label
from app.ui.widgets.error_label import ErrorLabel


class MeetupsPanel(QWidget):
    """The month's meetups; click a day to plan one there, click a meetup to open it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(self, Change.MEETUPS | Change.MEMBERS)
        self.setObjectName("meetupsPanel")
        self.calendar = MonthCalendar()
        self.calendar.dayClicked.connect(self.new_meetup)
        self.calendar.meetupClicked.connect(self.open_meetup)
        self.calendar.monthChanged.connect(self.reload_month)
        self.upcoming = UpcomingList()
        self.upcoming.meetupOpened.connect(self.open_meetup)
        self.new_button = QPushButton(self.tr("New meetup…"))
        self.new_button.setObjectName("newMeetupButton")
        self.new_button.setToolTip(self.tr("Plan a meetup (Ctrl+N); or click a day"))
        self.new_button.clicked.connect(lambda: self.new_item())
        self.export_button = QPushButton(self.tr("Export upcoming .ics…"))
        self.export_button.setObjectName("exportUpcomingButton")
        self.export_button.setToolTip(
            self.tr("All upcoming meetups in one iCalendar file, for a phone or mail calendar")
        )
        self.export_button.clicked.connect(self.export_upcoming)
        self.notice = notice_label("meetupsNotice")
        self.error = ErrorLabel("meetupsError")

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        side_layout.addWidget(self.upcoming, 1)
        side_buttons = QHBoxLayout()
        side_buttons.addWidget(self.new_button)
        side_buttons.addWidget(self.export_button)
        side_buttons.addStretch(1)
        side_layout.addLayout(side_buttons)
        side_layout.addWidget(self.notice)
        side_layout.addWidget(self.error)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.calendar)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([700, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.splitter)

    # --- the main window's interface ---------------------------------------------------------

    def refresh(self) -> None:
        self.reload_month()
        self.upcoming.refresh()

    def new_item(self) -> None:
        """Ctrl+N: a new meetup on the first day of the shown month, or today in this month."""
        today = self.calendar.today()
        if (today.year, today.month) == (self.calendar.year, self.calendar.month):
            self.new_meetup(today)
        else:
            self.new_meetup(date(self.calendar.year, self.calendar.month, 1))

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this to fill dialogs in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def choose_ics_path(self) -> Path | None:
        """Where to export the upcoming meetups; None when cancelled. Tests replace this."""
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export upcoming meetups"),
            self.tr("meetups.ics"),
            self.tr("iCalendar files (*.ics)"),
        )
        return Path(name).with_suffix(".ics") if name else None

    # --- the calendar ------------------------------------------------------------------------

    def reload_month(self) -> None:
        start, end = self.calendar.span()
        self.calendar.set_meetups(meetups.meetups_between(start, end))

    def show_month_of(self, day: date) -> None:
        self.calendar.set_month(day.year, day.month)

    def new_meetup(self, day: date) -> None:
        self._run(MeetupDialog(None, day, self))

    def open_meetup(self, meetup_id: int) -> None:
        self._run(MeetupDialog(meetup_id, None, self))

    def _run(self, dialog: MeetupDialog) -> None:
        try:
            self.exec_dialog(dialog)
            if dialog.changed:
                self.refresh()
                announce(Change.MEETUPS | Change.MEMBERS, self)
        finally:
            dialog.deleteLater()

    def export_upcoming(self) -> None:
        ids = ics.upcoming_ids()
        if not ids:
            self.error.show_error(self.tr("No upcoming meetup to export."))
            return
        path = self.choose_ics_path()
        if path is None:
            return
        try:
            count = ics.export_ics(path, ids)
        except REFUSALS as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.notice.setText(
            self.tr("Exported %n meetup(s) to {file}.", "", count).format(file=path.name)
        )
