"""What a write changed reaches every panel that shows it (``app/ui/changes.py``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.core import clock, tasks
from app.ui.changes import Change, announce, follow
from app.ui.main_window import MainWindow
from app.ui.navigation import QUEUE


class Panel(QWidget):
    """A panel that counts its redraws."""

    def __init__(self, kinds: Change) -> None:
        super().__init__()
        self.redraws = 0
        follow(self, kinds)

    def refresh(self) -> None:
        self.redraws += 1


def shown(qtbot: Any, kinds: Change) -> Panel:
    panel = Panel(kinds)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_a_panel_on_screen_redraws_for_what_it_shows_only(qtbot: Any) -> None:
    panel = shown(qtbot, Change.TASKS | Change.GROUPS)
    announce(Change.TASKS, None)
    announce(Change.MEMBERS | Change.GROUPS, None)
    announce(Change.MEETUPS, None)  # not shown there
    assert panel.redraws == 2


def test_a_panel_does_not_redraw_for_its_own_writes_but_for_a_restore(qtbot: Any) -> None:
    panel = shown(qtbot, Change.TASKS)
    announce(Change.TASKS, panel)  # it redrew itself when it wrote
    assert panel.redraws == 0
    announce(Change.EVERYTHING, panel)  # a restore it made: it shows the restored records
    assert panel.redraws == 1


def test_a_hidden_panel_waits_until_it_is_shown(qtbot: Any) -> None:
    panel = Panel(Change.TASKS)
    qtbot.addWidget(panel)
    announce(Change.TASKS, None)
    assert panel.redraws == 0


def test_a_panel_that_is_gone_is_no_longer_told(qtbot: Any) -> None:
    panel = shown(qtbot, Change.TASKS)
    panel.deleteLater()
    qtbot.waitUntil(lambda: not _alive(panel))
    announce(Change.TASKS, None)  # would fail if the gone panel were still called


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True


def test_the_queue_on_screen_shows_a_task_another_part_of_the_window_wrote(
    qtbot: Any, database: Any
) -> None:
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    window.go_to(QUEUE)
    assert window.navigation.item(QUEUE).text() == "Queue"  # nothing due
    task = tasks.create_task("给新人发欢迎词", due_at=clock.now())
    announce(Change.TASKS, window.today_panel)  # as the Today panel does after it writes
    assert window.queue_panel.sections.section_of(task.id) is not None  # shown without a visit
    assert window.navigation.item(QUEUE).text() == "Queue (1)"
