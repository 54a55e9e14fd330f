"""The suggestion "Clear the open violations in G" leads to them: its Open button and its
completion open the violation log on the group's open violations, and completing it while some
are still open says so (the way out: "Not cleared yet")."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core import clock, daily_plan, groups, members, memberships, violations
from app.store.models import Task, Violation
from app.ui.navigation import QUEUE, TODAY
from app.ui.today.plan_box import COL_TASK
from app.ui.window_start import WindowStart

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


@pytest.fixture
def group(now: datetime) -> int:
    """A group with a violation open for five days: "broken windows", the plan's top item."""
    clock.fix(now - timedelta(days=10))
    group_id = groups.create_group("夜跑群", "wechat", "interest").id
    member = members.create_member("王五").id
    memberships.add_membership(member, group_id)
    clock.fix(now)
    violations.log_violation(member, group_id, None, at=now - timedelta(days=5), action="warned")
    daily_plan.set_plan_settings(1, "20:00")
    return group_id


def window_on(qtbot: Any, database: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from app.ui.main_window import MainWindow

    monkeypatch.setattr(WindowStart, "after_first_paint", lambda self: None)
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.go_to(TODAY)
    qtbot.waitUntil(lambda: window.today_panel.loaded and not window.today_panel.busy)
    return window


def answer(monkeypatch: pytest.MonkeyPatch, owner: Any, act: Any) -> list[QDialog]:
    """Replace ``owner.exec_dialog``: ``act`` clicks what a person would; no answer forced."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        seen.append(dialog)
        act(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(owner, "exec_dialog", run)
    return seen


def shows_open_violations_of(window: Any, group_id: int) -> bool:
    log = window.rules_panel.violation_log
    return (
        window.current_panel() is window.rules_panel
        and log.group_filter.currentData() == group_id
        and log.status_filter.currentData() == "open"
        and log.table.row_count() == 1
    )


def test_the_plan_item_opens_the_groups_open_violations_and_says_they_are_still_open(
    qtbot: Any, database: Path, group: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, database, monkeypatch)
    today = window.today_panel
    assert today.tasks.texts(COL_TASK) == ["Clear the open violations in 夜跑群"]
    [task_id] = today.tasks.ids()
    today.tasks.select_id(task_id)
    assert today.plan.open_button.text() == "Open violations"
    qtbot.mouseClick(today.plan.open_button, Qt.MouseButton.LeftButton)
    assert shows_open_violations_of(window, group)

    window.go_to(TODAY)
    qtbot.waitUntil(lambda: not today.busy)
    today.tasks.select_id(task_id)

    def open_them(dialog: Any) -> None:
        assert dialog.windowTitle() == "Violations still open"
        assert dialog.summary.text().startswith("1 violation in 夜跑群 is still open.")
        assert dialog.ok_button.text() == "Complete anyway"
        qtbot.mouseClick(dialog.violations_button, Qt.MouseButton.LeftButton)

    seen = answer(monkeypatch, today, open_them)
    qtbot.mouseClick(today.complete_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    assert Task.get_by_id(task_id).status == "open"  # not done: nothing was cleared
    assert shows_open_violations_of(window, group)

    violations.set_handled([v.id for v in Violation.select()])  # handled in the log
    window.go_to(TODAY)
    qtbot.waitUntil(lambda: not today.busy)
    today.tasks.select_id(task_id)
    plain = answer(monkeypatch, today, lambda d: d.accept())
    qtbot.mouseClick(today.complete_button, Qt.MouseButton.LeftButton)
    assert plain[0].windowTitle() == "Complete task"  # none left: nothing to warn of
    assert Task.get_by_id(task_id).status == "done"


def test_in_the_queue_not_cleared_yet_keeps_it_and_complete_anyway_closes_it(
    qtbot: Any, database: Path, group: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_on(qtbot, database, monkeypatch)
    [task_id] = window.today_panel.tasks.ids()
    window.go_to(QUEUE)
    queue = window.queue_panel
    assert queue.select_task(task_id)
    assert queue.group_button.text() == "Open violations"
    not_yet = answer(
        monkeypatch,
        queue,
        lambda d: qtbot.mouseClick(
            d.findChild(type(d.ok_button), "notClearedYetButton"), Qt.MouseButton.LeftButton
        ),
    )
    queue.run_action("complete", task_id)
    assert len(not_yet) == 1 and Task.get_by_id(task_id).status == "open"
    answer(monkeypatch, queue, lambda d: qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton))
    queue.run_action("complete", task_id)
    assert Task.get_by_id(task_id).status == "done"
    assert violations.open_count(group) == 1  # completing handled none of them
    qtbot.mouseClick(queue.group_button, Qt.MouseButton.LeftButton)
    assert shows_open_violations_of(window, group)
