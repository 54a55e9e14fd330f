"""The task dialog: a weekly task made by hand, its rule in words, editing, refusals."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QLineEdit

from app.core import clock, tasks
from app.core.groups import create_group
from app.core.members import create_member
from app.store.models import Task
from app.ui.widgets.task_dialog import TaskDialog


def local(*parts: int) -> datetime:
    return clock.from_local(datetime(*parts))


def test_a_weekly_friday_task_in_words(qtbot: Any, now: datetime) -> None:
    group = create_group("读书会").id
    dialog = TaskDialog(group_id=group)
    qtbot.addWidget(dialog)
    assert dialog.group_combo.currentData() == group
    assert not dialog.weekdays_row.isVisibleTo(dialog)
    dialog.title_edit.setText("周五话题")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("topic"))
    dialog.set_due(datetime(2026, 3, 20, 20, 0))
    dialog.set_repeat("weekly", (4,))
    assert dialog.weekdays_row.isVisibleTo(dialog)
    assert dialog.rrule() == "FREQ=WEEKLY;BYDAY=FR"
    assert "every Friday at 20:00" in dialog.rule_label.text()
    dialog.accept()
    task = Task.get_by_id(dialog.saved_id)
    assert (task.title, task.kind, task.group_id) == ("周五话题", "topic", group)
    assert task.due_at == local(2026, 3, 20, 20, 0)
    assert task.rrule == "FREQ=WEEKLY;BYDAY=FR"


def test_editing_shows_the_preset_and_saves(qtbot: Any, now: datetime) -> None:
    task = tasks.create_task(
        "月初盘点", "profile", due_at=local(2026, 4, 1, 10, 0), rrule="FREQ=MONTHLY;BYMONTHDAY=1"
    )
    dialog = TaskDialog(task.id)
    qtbot.addWidget(dialog)
    assert dialog.repeat() == "monthly"
    assert dialog.month_day_spin.value() == 1
    assert dialog.due_edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-04-01 10:00"
    dialog.priority_combo.setCurrentIndex(dialog.priority_combo.findData(1))
    dialog.accept()
    assert Task.get_by_id(task.id).priority == 1


def test_a_bad_custom_rule_is_refused_in_place(qtbot: Any, now: datetime) -> None:
    dialog = TaskDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("奇怪的规则")
    dialog.set_repeat("custom")
    dialog.rrule_edit.setText("FREQ=SOMETIMES")
    assert dialog.rule_label.text()
    dialog.accept()
    assert dialog.error.isVisible()
    assert dialog.saved_id is None
    assert Task.select().where(Task.title == "奇怪的规则").count() == 0


def test_a_member_typed_but_not_picked_is_kept_or_refused(qtbot: Any, now: datetime) -> None:
    zhang = create_member("张三").id
    create_member("张三丰")
    dialog = TaskDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("问候")
    dialog.member_picker.setText("张三丰张")  # matches nobody
    dialog.accept()
    assert dialog.error.text() == "No member matches “张三丰张”: type part of a name and pick one."
    assert dialog.saved_id is None
    dialog.member_picker.setText("张")  # both
    dialog.accept()
    assert dialog.error.text() == "Several members match “张”: pick one from the list."
    assert Task.select().count() == 0
    dialog.member_picker.setText("张三")  # one member of exactly that name
    dialog.accept()
    assert Task.get_by_id(dialog.saved_id).member_id == zhang


def test_an_existing_task_opens_with_no_field_to_type_over(qtbot: Any, now: datetime) -> None:
    task = tasks.create_task("月初盘点", "profile", due_at=local(2026, 4, 1, 10, 0))
    dialog = TaskDialog(task.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not isinstance(dialog.focusWidget(), QLineEdit)
    assert dialog.title_edit.selectedText() == ""
