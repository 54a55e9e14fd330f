"""Edit → Undo names the activity actions' steps in the interface language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.undo import Step
from app.ui.main_window import MainWindow


def test_the_activity_actions_steps_are_named(qtbot: Any, database: Path) -> None:
    window = MainWindow(database)
    qtbot.addWidget(window)
    name = window.menus.undo_steps.name
    assert name(Step(1, "log_ad_violations", 2)) == "log violations of 2 ad senders"
    assert name(Step(2, "welcome_newcomers", 0, place="读书会")) == "queue a welcome in 读书会"
    assert name(Step(3, "reach_out", 1)) == "queue 1 reach-out task"
    assert name(Step(4, "mark_star", 3)) == "star 3 members"
    assert name(Step(5, "schedule_topic", 0, place="读书会")) == "schedule a topic in 读书会"
