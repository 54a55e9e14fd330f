"""The task dialog: a weekly task made by hand, its rule in words, editing, refusals."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.core import clock, queue
from app.core.groups import create_group
from app.store.models import Task
from app.ui.dialogs.task_dialog import TaskDialog


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
    task = queue.create_task(
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
