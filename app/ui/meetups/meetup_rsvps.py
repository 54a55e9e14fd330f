"""A meetup's RSVPs: add members, set each answer, see the waitlist, check attendance."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import clock, meetups
from app.core import rsvp as attendance
from app.core.errors import HuoqunError
from app.ui.labels import RSVPS, label
from app.ui.widgets.controls import notice_label
from app.ui.widgets.error_label import ErrorLabel
from app.ui.widgets.member_picker import MemberPicker

COL_NAME, COL_NICKNAME, COL_RSVP, COL_WAITLIST, COL_ATTENDED = range(5)
ANSWERS = ("invited", "going", "maybe", "declined")  # waitlist is the service's to give


class RsvpsTab(QWidget):
    """Members invited to one meetup, with their answer, waitlist place and attendance."""

    changed = Signal()

    def __init__(self, meetup_id: Callable[[], int | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rsvpsTab")
        self._meetup_id = meetup_id
        self._loading = False
        self._member_ids: list[int] = []
        self.picker = MemberPicker()
        self.picker.setObjectName("rsvpMemberPicker")
        self.answer_combo = QComboBox()
        self.answer_combo.setObjectName("rsvpAnswerCombo")
        for code in ANSWERS:
            self.answer_combo.addItem(label(RSVPS, code), code)
        self.answer_combo.setCurrentIndex(ANSWERS.index("going"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("addRsvpButton")
        self.add_button.clicked.connect(self.add_member)
        self.picker.returnPressed.connect(self.add_member)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("rsvpTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Group nickname"),
                self.tr("RSVP"),
                self.tr("Waitlist"),
                self.tr("Attended"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NICKNAME, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_RSVP, 120)
        self.table.setColumnWidth(COL_WAITLIST, 80)
        self.table.setColumnWidth(COL_ATTENDED, 90)
        self.table.itemChanged.connect(self._item_changed)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeRsvpButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self.all_attended_button = QPushButton(self.tr("All going attended"))
        self.all_attended_button.setObjectName("allAttendedButton")
        self.all_attended_button.setToolTip(
            self.tr("Mark everyone who said they were going as attended")
        )
        self.all_attended_button.clicked.connect(self.all_going_attended)
        self.counts = QLabel()
        self.counts.setObjectName("rsvpCounts")
        self.notice = notice_label("rsvpNotice")
        self.error = ErrorLabel("rsvpError")

        add_row = QHBoxLayout()
        add_row.addWidget(self.picker, 1)
        add_row.addWidget(self.answer_combo)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.all_attended_button)
        buttons.addStretch(1)
        buttons.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.addLayout(add_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # --- loading -----------------------------------------------------------------------------

    def started(self) -> bool:
        """Whether the meetup has begun (attendance can be checked only then)."""
        meetup_id = self._meetup_id()
        return meetup_id is not None and clock.now() >= meetups.get_meetup(meetup_id).start_at

    def refresh(self) -> None:
        meetup_id = self._meetup_id()
        rows = attendance.rsvps(meetup_id) if meetup_id is not None else []
        started = self.started()
        self._loading = True
        try:
            self.table.setRowCount(len(rows))
            self._member_ids = [row.member_id for row in rows]
            for n, row in enumerate(rows):
                self.table.setItem(n, COL_NAME, QTableWidgetItem(row.name))
                self.table.setItem(n, COL_NICKNAME, QTableWidgetItem(row.nickname or ""))
                combo = QComboBox()
                combo.setObjectName("rsvpCombo")
                for code in ANSWERS:
                    combo.addItem(label(RSVPS, code), code)
                if row.rsvp == "waitlist":
                    combo.addItem(label(RSVPS, "waitlist"), "waitlist")
                combo.setCurrentIndex(combo.findData(row.rsvp))
                combo.activated.connect(
                    lambda _i, m=row.member_id, c=combo: self.set_answer(m, c.currentData())
                )
                self.table.setCellWidget(n, COL_RSVP, combo)
                place = QTableWidgetItem(
                    str(row.waitlist_position) if row.waitlist_position else ""
                )
                place.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(n, COL_WAITLIST, place)
                attended = QTableWidgetItem()
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                if started:
                    flags |= Qt.ItemFlag.ItemIsEnabled
                attended.setFlags(flags)
                attended.setCheckState(
                    Qt.CheckState.Checked if row.attended else Qt.CheckState.Unchecked
                )
                attended.setToolTip(
                    "" if started else self.tr("Attendance can be checked once it has begun")
                )
                self.table.setItem(n, COL_ATTENDED, attended)
        finally:
            self._loading = False
        self.all_attended_button.setEnabled(started)
        self.add_button.setEnabled(meetup_id is not None)
        going = sum(1 for row in rows if row.rsvp == "going")
        waiting = sum(1 for row in rows if row.rsvp == "waitlist")
        self.counts.setText(
            self.tr("%n going", "", going) + " · " + self.tr("%n waiting", "", waiting)
        )

    def rsvp_of(self, member_id: int) -> str:
        """The answer shown for ``member_id``."""
        combo = self.table.cellWidget(self._member_ids.index(member_id), COL_RSVP)
        return str(combo.currentData())  # type: ignore[union-attr]

    def row_of(self, member_id: int) -> int:
        return self._member_ids.index(member_id)

    # --- writing -----------------------------------------------------------------------------

    def _done(self, notice: str) -> None:
        self.error.clear_error()
        self.notice.setText(notice)
        self.refresh()
        self.changed.emit()

    def add_member(self) -> None:
        meetup_id = self._meetup_id()
        if meetup_id is None:
            return
        try:
            member_id = self.picker.chosen_member()  # a name typed but not picked: taken or refused
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        if member_id is None:
            self.error.show_error(self.tr("Choose a member: type part of a name and pick one."))
            return
        self.set_answer(member_id, str(self.answer_combo.currentData()))
        if not self.error.isVisibleTo(self):
            self.picker.set_member(None)

    def set_answer(self, member_id: int, rsvp: str) -> None:
        """Record the answer; say who moved up from the waitlist."""
        meetup_id = self._meetup_id()
        if meetup_id is None:
            return
        try:
            change = attendance.set_rsvp(meetup_id, member_id, rsvp)
        except HuoqunError as exc:
            self.error.show_error(exc)
            self.refresh()
            return
        notices = []
        if change.rsvp == "waitlist" and rsvp == "going":
            notices.append(self.tr("The meetup is full: added to the waitlist."))
        for _member_id, name in change.promoted:
            notices.append(self.tr("{name} moved up from the waitlist.").format(name=name))
        self._done(" ".join(notices))

    def remove_selected(self) -> None:
        meetup_id, rows = self._meetup_id(), self.table.selectionModel().selectedRows()
        if meetup_id is None or not rows:
            return
        try:
            attendance.remove_rsvp(meetup_id, self._member_ids[rows[0].row()])
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self._done("")

    def _item_changed(self, item: QTableWidgetItem) -> None:
        meetup_id = self._meetup_id()
        if self._loading or meetup_id is None or item.column() != COL_ATTENDED:
            return
        attended = item.checkState() == Qt.CheckState.Checked
        try:
            attendance.set_attended(meetup_id, self._member_ids[item.row()], attended)
        except HuoqunError as exc:
            self.error.show_error(exc)
            self.refresh()
            return
        self.error.clear_error()
        self.changed.emit()

    def all_going_attended(self) -> None:
        meetup_id = self._meetup_id()
        if meetup_id is None:
            return
        try:
            marked = attendance.all_going_attended(meetup_id)
        except HuoqunError as exc:
            self.error.show_error(exc)
            return
        self._done(self.tr("Marked %n member(s) attended.", "", marked))
