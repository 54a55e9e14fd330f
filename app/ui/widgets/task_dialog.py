"""Create or edit a task of the queue: what, where, who, when, how often and how urgent."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.core import clock, queue, recurrence, tasks
from app.core.errors import HuoqunError
from app.core.groups import group_choices
from app.ui.error_messages import error_text, interface_language
from app.ui.generated_text import task_notes, task_title
from app.ui.labels import PRIORITIES, TASK_KINDS, label
from app.ui.reminder_service import ReminderService
from app.ui.widgets.controls import HINT_STYLE
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.member_picker import MemberPicker

if TYPE_CHECKING:
    from app.core.queue import Task

RULE_STYLE = "color: #1f5f99;"


def to_qdatetime(moment: datetime) -> QDateTime:
    """A naive local datetime as a QDateTime."""
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


def from_qdatetime(value: QDateTime) -> datetime:
    """A QDateTime (local) as a naive local datetime."""
    day, time = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


class TaskDialog(FormDialog):
    """A new task (``task_id`` None), preset to a group and/or member; or edit one."""

    def __init__(
        self,
        task_id: int | None = None,
        group_id: int | None = None,
        member_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("taskError", "saveTaskButton", parent)
        self.setObjectName("taskDialog")
        self.resize(560, 520)
        self.task_id = task_id
        self.saved_id: int | None = None
        self._shown_title = ""
        self._shown_notes = ""
        if task_id is not None:
            ReminderService.task_opened(task_id)  # its notice has done its work

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("taskTitle")
        self.title_edit.setPlaceholderText(self.tr("e.g. Friday evening topic: weekend photos"))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("taskKind")
        for code in tasks.KINDS:
            self.kind_combo.addItem(label(TASK_KINDS, code), code)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("taskGroup")
        self.group_combo.setMaxVisibleItems(20)
        self.group_combo.addItem(self.tr("(no group)"), None)
        for group in group_choices():
            self.group_combo.addItem(group.name, group.id)
        self.member_picker = MemberPicker()
        self.member_picker.setObjectName("taskMember")
        self.due_edit = QDateTimeEdit()
        self.due_edit.setObjectName("taskDue")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.priority_combo = QComboBox()
        self.priority_combo.setObjectName("taskPriority")
        for value in tasks.PRIORITIES:
            self.priority_combo.addItem(label(PRIORITIES, str(value)), value)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("taskNotes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)

        self.repeat_combo = QComboBox()
        self.repeat_combo.setObjectName("taskRepeat")
        for code, text in (
            ("", self.tr("Does not repeat")),
            ("daily", self.tr("Every day")),
            ("weekly", self.tr("Every week")),
            ("biweekly", self.tr("Every two weeks")),
            ("monthly", self.tr("Every month")),
            ("custom", self.tr("Custom rule (RRULE)")),
        ):
            self.repeat_combo.addItem(text, code)
        days = (
            self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
            self.tr("Sat"), self.tr("Sun"),
        )  # fmt: skip
        self.weekday_boxes: list[QCheckBox] = []
        self.weekdays_row = QWidget()
        row = QHBoxLayout(self.weekdays_row)
        row.setContentsMargins(0, 0, 0, 0)
        for n, text in enumerate(days):
            box = QCheckBox(text)
            box.setObjectName(f"taskWeekday{n}")
            box.toggled.connect(lambda _c: self._describe())
            row.addWidget(box)
            self.weekday_boxes.append(box)
        row.addStretch(1)
        self.month_day_spin = QSpinBox()
        self.month_day_spin.setObjectName("taskMonthDay")
        self.month_day_spin.setRange(1, 31)
        self.month_day_spin.valueChanged.connect(lambda _v: self._describe())
        self.rrule_edit = QLineEdit()
        self.rrule_edit.setObjectName("taskRrule")
        self.rrule_edit.setPlaceholderText("FREQ=WEEKLY;BYDAY=FR")
        self.rrule_edit.textChanged.connect(lambda _t: self._describe())
        self.rule_label = QLabel()
        self.rule_label.setObjectName("taskRuleWords")
        self.rule_label.setWordWrap(True)

        self.form.addRow(self.tr("&Title:"), self.title_edit)
        self.form.addRow(self.tr("&Kind:"), self.kind_combo)
        self.form.addRow(self.tr("&Group:"), self.group_combo)
        self.form.addRow(self.tr("&Member:"), self.member_picker)
        self.form.addRow(self.tr("&Due:"), self.due_edit)
        self.form.addRow(self.tr("&Repeat:"), self.repeat_combo)
        self.form.addRow(self.tr("On:"), self.weekdays_row)
        self.form.addRow(self.tr("Day of month:"), self.month_day_spin)
        self.form.addRow(self.tr("Rule:"), self.rrule_edit)
        self.form.addRow("", self.rule_label)
        self.form.addRow(self.tr("&Priority:"), self.priority_combo)
        self.form.addRow(self.tr("&Notes:"), self.notes_edit)

        if task_id is None:
            self.setWindowTitle(self.tr("New task"))
            self.ok_button.setText(self.tr("Create"))
            self._select(self.group_combo, group_id)
            self.member_picker.set_member(member_id)
            self._select(self.priority_combo, 2)
            start = clock.to_local(clock.now()).replace(tzinfo=None, second=0, microsecond=0)
            self.set_due(start.replace(minute=0) + timedelta(hours=1))
        else:
            self.setWindowTitle(self.tr("Edit task"))
            self.ok_button.setText(self.tr("Save"))
            self._load(queue.get_task(task_id))
        self.repeat_combo.currentIndexChanged.connect(lambda _i: self._repeat_changed())
        self.due_edit.dateTimeChanged.connect(lambda _d: self._describe())
        self._repeat_changed()
        # a new task starts at the title; an existing one opens with no field to type over
        (self.title_edit if task_id is None else self.ok_button).setFocus()

    # --- fields --------------------------------------------------------------------------

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _load(self, task: Task) -> None:
        self._shown_title = task_title(task)  # Huoqun's title stays its code unless retyped
        self.title_edit.setText(self._shown_title)
        self._select(self.kind_combo, task.kind)
        self._select(self.group_combo, task.group_id)
        self.member_picker.set_member(task.member_id)
        self._select(self.priority_combo, task.priority)
        self._shown_notes = task_notes(task)  # Huoqun's notes stay their code unless retyped
        self.notes_edit.setPlainText(self._shown_notes)
        due = task.due_at or clock.now()
        self.set_due(clock.to_local(due).replace(tzinfo=None))
        if task.rrule:
            self._show_rule(task.rrule)

    def _show_rule(self, rule: str) -> None:
        """Show a stored rule as its preset when it is one, else as a custom rule."""
        parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
        days = [recurrence.DAYS.index(d) for d in parts.get("BYDAY", "").split(",") if d in
                recurrence.DAYS]  # fmt: skip
        preset = "custom"
        if set(parts) == {"FREQ"} and parts["FREQ"] == "DAILY":
            preset = "daily"
        elif parts.get("FREQ") == "WEEKLY" and set(parts) <= {"FREQ", "BYDAY", "INTERVAL"}:
            interval = parts.get("INTERVAL", "1")
            preset = {"1": "weekly", "2": "biweekly"}.get(interval, "custom")
            if days and preset != "custom":
                for n, box in enumerate(self.weekday_boxes):
                    box.setChecked(n in days)
        elif parts.get("FREQ") == "MONTHLY" and parts.get("BYMONTHDAY", "").isdigit():
            preset = "monthly"
            self.month_day_spin.setValue(int(parts["BYMONTHDAY"]))
        self._select(self.repeat_combo, preset)
        self.rrule_edit.setText(rule)

    def set_due(self, local: datetime) -> None:
        """Put a naive local time in the due field."""
        self.due_edit.setDateTime(to_qdatetime(local))
        start_day = local.weekday()
        if not any(box.isChecked() for box in self.weekday_boxes):
            self.weekday_boxes[start_day].setChecked(True)
        self.month_day_spin.setValue(local.day)

    def due_local(self) -> datetime:
        return from_qdatetime(self.due_edit.dateTime())

    def due_utc(self) -> datetime:
        return clock.from_local(self.due_local())

    def repeat(self) -> str:
        return str(self.repeat_combo.currentData())

    def weekdays(self) -> tuple[int, ...]:
        return tuple(n for n, box in enumerate(self.weekday_boxes) if box.isChecked())

    def set_repeat(self, preset: str, weekdays: tuple[int, ...] = ()) -> None:
        """Choose a repeat preset ("" none, daily, weekly, biweekly, monthly, custom)."""
        self._select(self.repeat_combo, preset)
        if weekdays:
            for n, box in enumerate(self.weekday_boxes):
                box.setChecked(n in weekdays)

    def rrule(self) -> str:
        """The rule the fields say; "" when the task does not repeat."""
        preset = self.repeat()
        if not preset:
            return ""
        if preset == "custom":
            return self.rrule_edit.text().strip()
        weekdays = self.weekdays() if preset in ("weekly", "biweekly") else ()
        month_day = self.month_day_spin.value() if preset == "monthly" else None
        return recurrence.rule_for(preset, self.due_local(), weekdays, month_day)

    def _repeat_changed(self) -> None:
        preset = self.repeat()
        self._show_row(self.weekdays_row, preset in ("weekly", "biweekly"))
        self._show_row(self.month_day_spin, preset == "monthly")
        self._show_row(self.rrule_edit, preset == "custom")
        self._describe()

    def _show_row(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def _describe(self) -> None:
        """Say the rule in words, in the interface language (or why it is not valid)."""
        if not self.repeat():
            self.rule_label.setStyleSheet(HINT_STYLE)
            self.rule_label.setText(self.tr("Once, at the due time."))
            return
        try:
            rule = self.rrule()
            recurrence.validate(rule)
            words = recurrence.describe(rule, self.due_utc(), interface_language())
        except HuoqunError as exc:
            self.rule_label.setStyleSheet(HINT_STYLE)
            self.rule_label.setText(error_text(exc))
            return
        self.rule_label.setStyleSheet(RULE_STYLE)
        self.rule_label.setText(words)

    # --- writing -------------------------------------------------------------------------

    def fields(self) -> dict[str, object]:
        return {
            "title": self.title_edit.text().strip(),
            "kind": str(self.kind_combo.currentData()),
            "group_id": self.group_combo.currentData(),
            "member_id": self.member_picker.chosen_member(),  # a typed name is taken or refused
            "due_at": self.due_utc(),
            "rrule": self.rrule(),
            "priority": int(self.priority_combo.currentData()),
            "notes": self.notes_edit.toPlainText().strip(),
        }

    def apply(self) -> str:
        fields = self.fields()
        if self.task_id is None:
            task = tasks.create_task(**fields)  # type: ignore[arg-type]
            self.saved_id = int(task.id)
            return self.tr("Created the task.")
        if fields["title"] == self._shown_title:
            del fields["title"]
        if fields["notes"] == self._shown_notes.strip():
            del fields["notes"]
        tasks.update_task(self.task_id, **fields)
        self.saved_id = self.task_id
        return self.tr("Saved the task.")
