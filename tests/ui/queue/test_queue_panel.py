"""The Queue panel driven as the operator would: create, complete, snooze, skip, filter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from app.core import clock, tasks
from app.core.groups import create_group
from app.store.models import Interaction, Task
from app.ui.queue.panel import QueuePanel
from app.ui.widgets.outcome_dialog import OutcomeDialog
from app.ui.widgets.task_dialog import TaskDialog
from app.ui.widgets.task_sections import COL_DUE


def local(*parts: int) -> datetime:
    return clock.from_local(datetime(*parts))


def answer_dialogs(monkeypatch: pytest.MonkeyPatch, owner: Any, fill: Callable[[Any], None]):
    """Replace ``owner.exec_dialog``: fill each dialog in and accept it."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(owner, "exec_dialog", run)
    return seen


@pytest.fixture
def panel(qtbot: Any, now: datetime) -> QueuePanel:
    widget = QueuePanel()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    widget.refresh()
    return widget


def due_text(panel: QueuePanel, task_id: int) -> str:
    section = panel.sections.section_of(task_id)
    assert section is not None
    top = panel.sections.section_item(section)
    ids = panel.sections.section_ids(section)
    return top.child(ids.index(task_id)).text(COL_DUE)


def test_create_a_weekly_task_then_complete_it(
    qtbot: Any, panel: QueuePanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = create_group("摄影爱好者1群").id
    panel.refresh()

    def fill(dialog: Any) -> None:
        if isinstance(dialog, TaskDialog):
            dialog.title_edit.setText("周五晚话题")
            dialog.group_combo.setCurrentIndex(dialog.group_combo.findData(group))
            dialog.set_due(datetime(2026, 3, 20, 20, 0))
            dialog.set_repeat("weekly", (4,))
            assert dialog.rule_label.text() == "every Friday at 20:00"
        else:
            assert isinstance(dialog, OutcomeDialog)
            dialog.outcome_edit.setPlainText("30 条回复")

    seen = answer_dialogs(monkeypatch, panel, fill)
    panel.new_button.click()
    task_id = seen[0].saved_id
    assert panel.sections.current_id() == task_id
    assert panel.sections.section_of(task_id) == "later"
    assert due_text(panel, task_id) == "2026-03-20 20:00 ↻"
    assert panel.sections.section_item("later").text(0) == "Later (1)"

    panel.complete_button.click()
    assert due_text(panel, task_id) == "2026-03-27 20:00 ↻"
    interaction = Interaction.get(Interaction.task == task_id)
    assert (interaction.group_id, interaction.note) == (group, "30 条回复")
    assert "Completed" in panel.notice.text()


def test_snooze_an_overdue_task_for_an_hour(panel: QueuePanel, now: datetime) -> None:
    task = tasks.create_task("清理广告", "spam_sweep", due_at=now - timedelta(hours=2))
    panel.refresh()
    assert panel.sections.section_of(task.id) == "overdue"
    assert panel.sections.section_item("overdue").text(0) == "Overdue (1)"
    panel.sections.select_id(task.id)
    panel.run_action("snooze_hour", task.id)
    assert panel.sections.section_of(task.id) == "today"
    assert Task.get_by_id(task.id).snoozed_until == now + timedelta(hours=1)
    assert panel.notice.text().startswith("Snoozed until")


def test_snooze_to_a_chosen_time(
    panel: QueuePanel, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    task = tasks.create_task("问候", due_at=now - timedelta(minutes=5))
    panel.refresh()
    panel.sections.select_id(task.id)
    monkeypatch.setattr(panel, "choose_time", lambda _start: datetime(2026, 3, 30, 9, 0))
    panel.snooze_menu.actions()[-1].trigger()
    assert panel.sections.section_of(task.id) == "later"


def test_skip_rolls_a_recurring_task_without_an_interaction(
    panel: QueuePanel, now: datetime
) -> None:
    task = tasks.create_task(
        "每日欢迎", "welcome", due_at=now - timedelta(hours=1, minutes=30), rrule="FREQ=DAILY"
    )
    panel.refresh()
    assert panel.sections.section_of(task.id) == "overdue"
    panel.sections.select_id(task.id)
    panel.skip_button.click()
    assert Task.get_by_id(task.id).due_at > now
    assert Interaction.select().count() == 0


def test_filters(panel: QueuePanel, now: datetime) -> None:
    one, two = create_group("一群").id, create_group("二群").id
    a = tasks.create_task("一群投票", "poll", group_id=one, due_at=now + timedelta(hours=2))
    b = tasks.create_task("二群分享", "share", group_id=two, due_at=now + timedelta(hours=3))
    panel.refresh()
    assert set(panel.sections.section_ids("today")) == {a.id, b.id}
    panel.group_filter.setCurrentIndex(panel.group_filter.findData(one))
    assert panel.sections.section_ids("today") == [a.id]
    panel.group_filter.setCurrentIndex(0)
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("share"))
    assert panel.sections.section_ids("today") == [b.id]
    assert panel.select_task(a.id)  # clears the filters that hide it
    assert panel.kind_filter.currentData() is None


def test_context_menu_offers_the_actions(panel: QueuePanel, now: datetime) -> None:
    group = create_group("三群").id
    task = tasks.create_task("话题", group_id=group, due_at=now + timedelta(days=1))
    panel.refresh()
    menu = panel.sections.build_menu(task.id)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Complete…", "Skip", "Snooze", "Edit…", "Open group", "Open member"]
    opened: list[int] = []
    panel.groupOpened.connect(opened.append)
    next(a for a in menu.actions() if a.text() == "Open group").trigger()
    assert opened == [group]


def test_snoozing_a_task_due_later_snoozes_from_its_due_time_and_says_so(
    panel: QueuePanel, now: datetime
) -> None:
    due = now + timedelta(days=3)
    task = tasks.create_task("周五话题", "topic", due_at=due)
    panel.refresh()
    panel.sections.select_id(task.id)
    panel.run_action("snooze_hour", task.id)
    assert Task.get_by_id(task.id).snoozed_until == due + timedelta(hours=1)
    shown = clock.to_local(due).strftime("%Y-%m-%d %H:%M")
    until = clock.to_local(due + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    assert panel.notice.text() == f"Not due until {shown} yet: snoozed from then until {until}."
    assert not panel.error.isVisibleTo(panel)


def test_a_chosen_snooze_before_the_due_time_is_refused(
    panel: QueuePanel, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    task = tasks.create_task("周五话题", "topic", due_at=now + timedelta(days=3))
    panel.refresh()
    panel.sections.select_id(task.id)
    starts: list[datetime] = []
    tomorrow = clock.to_local(now + timedelta(days=1)).replace(tzinfo=None)  # before it is due
    monkeypatch.setattr(panel, "choose_time", lambda start: starts.append(start) or tomorrow)
    panel.run_action("snooze_choose", task.id)
    assert starts == [
        (clock.to_local(now + timedelta(days=3, hours=1))).replace(tzinfo=None, second=0)
    ]  # the dialog offers a time after the due time
    assert Task.get_by_id(task.id).snoozed_until is None
    assert panel.error.text().startswith("“周五话题” is not due until")
    assert panel.notice.text() == ""
