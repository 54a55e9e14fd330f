"""Settings' "Today's plan": the plan's size and the working hour, typed and saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTime

from app.core import daily_plan
from app.ui.settings.panel import SettingsPanel
from tests.ui.announcements import announced_by

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def panel(qtbot: Any, database: Path) -> SettingsPanel:
    widget = SettingsPanel(database)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def test_the_plan_size_and_working_hour_show_their_defaults_and_save(
    qtbot: Any, panel: SettingsPanel, now: datetime, zone: Callable[[str], None]
) -> None:
    zone("Asia/Shanghai")  # 17:30 there: 09:30 has passed today
    box = panel.daily_plan_box
    assert (box.size_spin.value(), box.hour_edit.time().toString("HH:mm")) == (8, "20:00")
    box.size_spin.selectAll()
    qtbot.keyClicks(box.size_spin, "5")
    box.hour_edit.setTime(QTime(9, 30))
    with qtbot.waitSignal(**announced_by(box)):
        qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.notice.text() == "Saved."
    assert daily_plan.plan_size() == 5
    assert f"{daily_plan.working_hour():%H:%M}" == "09:30"
    assert daily_plan.suggestion_due(now) == datetime(2026, 3, 15, 1, 30)  # tomorrow 09:30
    panel.refresh()
    assert (box.size_spin.value(), box.hour_edit.time().toString("HH:mm")) == (5, "09:30")
