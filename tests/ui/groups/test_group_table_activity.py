"""The Groups panel's chat columns (messages in 30 days, speaking share, trend), read as a
person would: the figures group_activity gives, sorted as numbers by a header click, filtered
by the chat filter; Kind and Parent hidden to make room and shown again from the header."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMenu

from app.core import activity, groups
from app.ui.activity.group_columns import COL_MESSAGES_30D, COL_SPEAKING, COL_TREND
from app.ui.groups.column_menu import column_menu
from app.ui.groups.group_table import COL_KIND, COL_NAME
from app.ui.groups.panel import GroupsPanel
from tests.core.chat_samples import ChatLog
from tests.ui.activity.chat_story import today

LEFT = Qt.MouseButton.LeftButton
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def chat(name: str, qq_group: str, earlier: int, recent: int, last_days: int) -> ChatLog:
    """``earlier`` a week in the 12 weeks before the last 4, ``recent`` a week in the last 4,
    and ``last_days`` messages spread over the last 30 days by one more member."""
    mondays = activity.week_starts()
    log = ChatLog(name=name, group_id=qq_group)
    for week in range(9, 21):
        log.say("20001", "王芳", mondays[week], earlier)
    for week in range(21, 25):
        log.say("20002", "李雷", mondays[week], recent)
    for n in range(last_days):
        log.say("20003", "韩梅", today() - timedelta(days=n % 20))
    return log


@pytest.fixture
def community(now: datetime, tmp_path: Path) -> dict[str, int]:
    ids = {
        "falling": chat("下降群", "1001", 40, 10, 0).imported(tmp_path / "a"),
        "rising": chat("上升群", "1002", 2, 0, 100).imported(tmp_path / "b"),
        "nine": chat("九条群", "1003", 0, 0, 9).imported(tmp_path / "c"),
    }
    ids["none"] = groups.create_group("无记录群", "wechat", "interest").id
    return ids


@pytest.fixture
def panel(qtbot, community: dict[str, int]) -> GroupsPanel:
    widget = GroupsPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(panel: GroupsPanel, column: int) -> list[str]:
    proxy = panel.proxy
    return [str(proxy.index(r, column).data()) for r in range(proxy.rowCount())]


def row_of(panel: GroupsPanel, name: str) -> int:
    return shown(panel, COL_NAME).index(name)


def click_header(qtbot, panel: GroupsPanel, column: int) -> None:  # noqa: ANN001
    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))


def test_the_columns_show_what_group_activity_says(panel: GroupsPanel, community) -> None:
    found = activity.group_activity()
    for key in ("falling", "rising", "nine"):
        one = found[community[key]]
        row = row_of(panel, one.name)
        assert shown(panel, COL_MESSAGES_30D)[row] == f"{one.messages_30d:,}"
        assert shown(panel, COL_SPEAKING)[row] == f"{round(one.speaking_share * 100)} %"
    falling = found[community["falling"]]
    assert falling.trend is not None and falling.trend < 0.9
    assert shown(panel, COL_TREND)[row_of(panel, "下降群")] == f"▼ {falling.trend:.2f}×"
    rising = found[community["rising"]]
    assert rising.trend is not None and rising.trend > 1.1
    assert shown(panel, COL_TREND)[row_of(panel, "上升群")].startswith("▲ ")
    none = row_of(panel, "无记录群")
    assert [shown(panel, c)[none] for c in (COL_MESSAGES_30D, COL_SPEAKING, COL_TREND)] == [
        "—", "—", "—",
    ]  # fmt: skip
    tip = panel.proxy.index(row_of(panel, "下降群"), COL_TREND).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "last 4 weeks 10/week vs 40/week before"


def test_a_header_click_sorts_the_figures_as_numbers(qtbot, panel: GroupsPanel) -> None:
    click_header(qtbot, panel, COL_MESSAGES_30D)
    figures = shown(panel, COL_MESSAGES_30D)
    assert figures == ["—", "9", "30", "100"]  # as text, "100" < "30" < "9"
    click_header(qtbot, panel, COL_MESSAGES_30D)
    assert shown(panel, COL_MESSAGES_30D) == ["100", "30", "9", "—"]
    click_header(qtbot, panel, COL_TREND)
    trends = shown(panel, COL_TREND)
    assert trends[0] == "—" and trends[-1].startswith("▲")
    ratios = [float(t.split()[1].rstrip("×")) for t in trends if t != "—"]
    assert ratios == sorted(ratios)


def test_the_chat_filter_keeps_the_groups_asked_for(qtbot, panel: GroupsPanel) -> None:
    combo = panel.findChild(QComboBox, "groupChatFilter")
    combo.setCurrentIndex(combo.findText("Falling ▼"))
    assert shown(panel, COL_NAME) == ["下降群"]
    combo.setCurrentIndex(combo.findText("No chat history"))
    assert shown(panel, COL_NAME) == ["无记录群"]
    combo.setCurrentIndex(combo.findText("With chat history"))
    assert sorted(shown(panel, COL_NAME)) == sorted(["下降群", "上升群", "九条群"])
    panel.filter_edit.setText("上升")  # with the name filter too
    assert shown(panel, COL_NAME) == ["上升群"]
    assert panel.count_label.text().startswith("1 of 4 group")


def test_kind_starts_hidden_and_the_header_menu_shows_it(qtbot, panel: GroupsPanel) -> None:
    header = panel.table.horizontalHeader()
    assert header.isSectionHidden(COL_KIND)
    menu = column_menu(panel.table)
    (kind,) = [a for a in menu.actions() if a.text() == "Kind"]
    assert not kind.isChecked()
    kind.trigger()
    assert not header.isSectionHidden(COL_KIND)
    assert isinstance(menu, QMenu) and QApplication.instance() is not None
