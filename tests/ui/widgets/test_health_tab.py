"""The group page's Health tab: findings most serious first, their buttons, the activity chart."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core import queue
from app.store.models import Task
from app.ui.groups.group_page import HEALTH_TAB, PROFILE_TAB, RULES_TAB
from app.ui.groups.panel import GroupsPanel
from app.ui.widgets.activity_chart import ActivityChart
from tests.ui.groups.test_groups_panel import click_group
from tests.ui.today.test_today_panel import dying_group


@pytest.fixture
def panel(qtbot: Any, now: datetime) -> GroupsPanel:
    dying_group(now)
    widget = GroupsPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    click_group(qtbot, widget, "夜跑群")
    return widget


def test_health_is_the_first_tab_and_lists_the_findings(panel: GroupsPanel) -> None:
    page = panel.page
    assert page.tabs.currentIndex() == HEALTH_TAB
    assert page.tabs.tabText(HEALTH_TAB) == "Health"
    tab = page.health_tab
    assert tab.status_badge.text() == "Dying"
    assert tab.score_label.text().startswith("Score ")
    texts = tab.finding_texts()
    assert texts[0].startswith("No interaction in the 70 days")
    assert "The group has adopted no rules." in texts


def test_topic_button_asks_before_queueing_one_task(
    qtbot: Any, panel: GroupsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        assert Task.select().count() == len(asked)  # nothing is written before the answer
        asked.append(dialog)
        dialog.ok_button.click()  # type: ignore[attr-defined]
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(panel.page, "exec_dialog", run)
    tab = panel.page.health_tab
    qtbot.mouseClick(tab.buttons["topic"], Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert [t.title for t in Task.select()] == ["Start a topic discussion in 夜跑群"]
    qtbot.mouseClick(panel.page.health_tab.buttons["topic"], Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert Task.select().count() == 1  # moved, not doubled
    assert panel.page.health_tab.confirmations["topic"].text().startswith("✓ Moved to ")
    assert queue.due_badge() >= 0


def test_rules_and_profile_buttons_switch_tabs(qtbot: Any, panel: GroupsPanel) -> None:
    page = panel.page
    qtbot.mouseClick(page.health_tab.buttons["rules"], Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == RULES_TAB
    page.tabs.setCurrentIndex(HEALTH_TAB)
    qtbot.mouseClick(page.health_tab.buttons["profile"], Qt.MouseButton.LeftButton)
    assert page.tabs.currentIndex() == PROFILE_TAB


def test_activity_chart_paints_and_describes_the_counts(qtbot: Any) -> None:
    chart = ActivityChart()
    qtbot.addWidget(chart)
    chart.resize(360, 110)
    chart.set_counts([0, 1, 2, 0, 5, 3, 0, 0, 1, 4, 2, 7])
    image = chart.grab().toImage()
    assert image.width() == 360
    colours = {image.pixelColor(x, 60).name() for x in range(0, 360, 3)}
    assert "#2e86c1" in colours
    assert chart.toolTip().endswith("0, 1, 2, 0, 5, 3, 0, 0, 1, 4, 2, 7")
    assert chart.accessibleDescription() == chart.toolTip()
