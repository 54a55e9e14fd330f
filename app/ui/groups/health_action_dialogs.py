"""The small dialogs a Health finding's button opens: what the action needs, prefilled.

Each writes through ``app.core.health_actions`` when OK is pressed and leaves in ``outcome``
the short line the Health tab shows beside the button.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDateTimeEdit, QLineEdit, QWidget

from app.core import activity_actions, clock, daily_plan, health_actions
from app.ui.generated_text import shown
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.task_dialog import from_qdatetime, to_qdatetime

MEETUP_DAYS_AHEAD = 14


def when_text(moment: datetime | None) -> str:
    """A due time as the operator reads it: local month-day and time."""
    return "" if moment is None else clock.to_local(moment).strftime("%m-%d %H:%M")


def due_edit(due: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(to_qdatetime(clock.to_local(due).replace(tzinfo=None)))
    edit.setObjectName("healthActionDue")
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def utc_of(edit: QDateTimeEdit) -> datetime:
    return clock.from_local(from_qdatetime(edit.dateTime()))


class TopicDialog(FormDialog):
    """Schedule a topic: what about and when (prefilled: the usual title, the working hour)."""

    def __init__(self, group_id: int, group_name: str, parent: QWidget | None = None) -> None:
        super().__init__("healthActionError", "healthActionOkButton", parent)
        self.setObjectName("topicDialog")
        self.group_id = group_id
        self.setWindowTitle(self.tr("Schedule a topic in {group}").format(group=group_name))
        self.prefilled = shown("health.topic", {"group": group_name}, "")
        self.topic_edit = QLineEdit(self.prefilled)
        self.topic_edit.setObjectName("topicEdit")
        self.topic_edit.selectAll()
        self.due_edit = due_edit(daily_plan.suggestion_due())
        self.form.addRow(self.tr("Topic:"), self.topic_edit)
        self.form.addRow(self.tr("When:"), self.due_edit)
        self.ok_button.setText(self.tr("Add to the queue"))
        self.topic_edit.setFocus()

    def apply(self) -> None:
        typed = self.topic_edit.text().strip()
        title = None if typed == self.prefilled else typed  # unchanged: the generated title
        done = activity_actions.schedule_topic(self.group_id, utc_of(self.due_edit), title)
        when = when_text(done.due_at)
        self.outcome = (
            self.tr("Topic queued for {when}") if done.created else self.tr("Moved to {when}")
        ).format(when=when)


class CheckinDialog(FormDialog):
    """Check in with one of the group's helpers (the longest without contact first), when."""

    def __init__(
        self,
        group_id: int,
        group_name: str,
        helpers: Sequence[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("healthActionError", "healthActionOkButton", parent)
        self.setObjectName("checkinDialog")
        self.group_id = group_id
        self.setWindowTitle(self.tr("Check in with a helper of {group}").format(group=group_name))
        self.helper_combo = QComboBox()
        self.helper_combo.setObjectName("checkinHelperCombo")
        for member_id, name in helpers:
            self.helper_combo.addItem(name, member_id)
        self.due_edit = due_edit(daily_plan.suggestion_due())
        self.form.addRow(self.tr("Helper:"), self.helper_combo)
        self.form.addRow(self.tr("When:"), self.due_edit)
        self.ok_button.setText(self.tr("Add to the queue"))
        self.ok_button.setEnabled(bool(helpers))
        if not helpers:
            self.set_summary(self.tr("The group has no helper yet: appoint one first."))

    def apply(self) -> None:
        done = health_actions.plan_checkin(
            self.group_id, self.helper_combo.currentData(), utc_of(self.due_edit)
        )
        name, when = self.helper_combo.currentText(), when_text(done.due_at)
        self.outcome = (
            self.tr("Check-in with {name} queued for {when}")
            if done.created
            else self.tr("Check-in with {name} moved to {when}")
        ).format(name=name, when=when)


class MeetupPlanDialog(FormDialog):
    """Plan a meetup of the group: its name and day (19:00–21:00; the rest in Meetups)."""

    def __init__(self, group_id: int, group_name: str, parent: QWidget | None = None) -> None:
        super().__init__("healthActionError", "healthActionOkButton", parent)
        self.setObjectName("meetupPlanDialog")
        self.group_id = group_id
        self.setWindowTitle(self.tr("Plan a meetup with {group}").format(group=group_name))
        self.title_edit = QLineEdit(self.tr("{group} meetup").format(group=group_name))
        self.title_edit.setObjectName("meetupPlanTitle")
        day = clock.local_today() + timedelta(days=MEETUP_DAYS_AHEAD)
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setObjectName("meetupPlanDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(self.tr("Meetup:"), self.title_edit)
        self.form.addRow(self.tr("Day:"), self.date_edit)
        self.set_summary(
            self.tr("From 19:00 to 21:00; venue, RSVPs and the plan are filled in in Meetups.")
        )
        self.ok_button.setText(self.tr("Plan meetup"))

    def apply(self) -> None:
        day = self.date_edit.date().toPython()
        done = health_actions.plan_meetup(self.group_id, self.title_edit.text(), day)
        self.outcome = self.tr("Meetup planned for {day}").format(
            day=clock.to_local(done.due_at).strftime("%m-%d") if done.due_at else ""
        )
