"""The Meetups tab of a member's page: the meetups they were invited to, and if they came."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core import clock
from app.core import members as core
from app.ui.labels import RSVPS, label
from app.ui.widgets.controls import note_label, row_table, table_cell


class MemberMeetupsTab(QWidget):
    """The member's invitations: meetup, date, RSVP, attended or not."""

    def __init__(self, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id = member_id
        self._attended = 0
        self.meetups_table = row_table(
            [self.tr("Meetup"), self.tr("Date"), self.tr("RSVP"), self.tr("Attended")],
            "meetupsTable",
        )
        for column, width in enumerate((300, 140, 100)):
            self.meetups_table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        self.no_meetups_note = note_label(self.tr("Not invited to any meetup yet."))
        layout.addWidget(self.no_meetups_note)
        layout.addWidget(self.meetups_table)

    def title(self) -> str:
        return self.tr("Meetups (%n attended)", "", self._attended)

    def load(self) -> None:
        rows = core.meetups_of(self.member_id)
        self.meetups_table.setRowCount(len(rows))
        attended = 0
        for row, (meetup, attendance) in enumerate(rows):
            when = clock.to_local(meetup.start_at).strftime("%Y-%m-%d %H:%M")
            if attendance.attended is None:
                came = ""
            elif attendance.attended:
                came = self.tr("Attended")
                attended += 1
            else:
                came = self.tr("No-show")
            self.meetups_table.setItem(row, 0, table_cell(meetup.title))
            self.meetups_table.setItem(row, 1, table_cell(when))
            self.meetups_table.setItem(row, 2, table_cell(label(RSVPS, attendance.rsvp)))
            self.meetups_table.setItem(row, 3, table_cell(came))
        self._attended = attended
        self.no_meetups_note.setVisible(not rows)
