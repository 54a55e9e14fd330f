"""The Pyramid panel and Settings with chat history, as a person uses them: the promotion list
names who spoke on enough of the last 30 days with their figure, the demotion list the helpers
silent in the chat, Helper care each helper's presence ("—" without chat history), and
Settings → Pyramid keeps both numbers."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from app.core import chat_presence, clock, members
from app.core.tiers import helper_tier
from app.store.models import Member
from app.ui.pyramid.candidates_view import COL_CHAT, COL_NAME, COL_WHY
from app.ui.pyramid.care_table import COL_NAME as CARE_NAME
from app.ui.pyramid.care_table import COL_PRESENCE
from app.ui.pyramid.panel import TAB_CARE, TAB_DEMOTE, TAB_PROMOTE, PyramidPanel
from app.ui.settings.panel import SettingsPanel
from app.ui.widgets.read_only_table import WARNING_COLOUR
from tests.core.chat_samples import ChatLog
from tests.ui.driving import click

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def today() -> date:
    return clock.local_today()


def talk(log: ChatLog, qq: str, name: str, days: int, last: int = 0) -> None:
    for back in range(last, last + days):
        log.say(qq, name, today() - timedelta(days=back))


@pytest.fixture
def chat(now: datetime, tmp_path: Path) -> None:
    """读书会's chat: 王芳 spoke on 15 of the last 30 days, 李雷 on 2, 韩梅 last spoke 31 days
    ago; 韩梅 and 李雷 are helpers (contacted now), and so is 线下老周, in no chat."""
    log = ChatLog()
    talk(log, "20001", "王芳", 15)
    talk(log, "20002", "李雷", 2)
    talk(log, "20003", "韩梅", 3, last=31)
    log.imported(tmp_path)
    helpers = [int(Member.get(Member.name == n).id) for n in ("韩梅", "李雷")]
    helpers.append(members.create_member("线下老周").id)
    Member.update(tier=helper_tier().id, last_contacted=now).where(Member.id.in_(helpers)).execute()


@pytest.fixture
def panel(qtbot: Any, chat: None) -> PyramidPanel:
    widget = PyramidPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def open_tab(qtbot: Any, panel: PyramidPanel, index: int) -> None:
    bar = panel.tabs.findChild(QTabBar)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert panel.tabs.currentIndex() == index


def test_promotion_lists_who_spoke_on_enough_days_with_their_figure(
    qtbot: Any, panel: PyramidPanel
) -> None:
    open_tab(qtbot, panel, TAB_PROMOTE)
    table = panel.promote.table
    assert table.texts(COL_NAME) == ["王芳"]
    assert table.cell_data(0, COL_CHAT) == "15 of 30 days"
    assert table.cell_data(0, COL_WHY) == "no strike in 180 days, spoke on 15 of the last 30 days"


def test_demotion_lists_the_helper_silent_in_the_chat(qtbot: Any, panel: PyramidPanel) -> None:
    open_tab(qtbot, panel, TAB_DEMOTE)
    table = panel.demote.table
    assert table.texts(COL_NAME) == ["韩梅"]
    assert table.cell_data(0, COL_CHAT) == "silent 31 days"
    assert table.cell_data(0, COL_WHY) == "silent in the chat for 31 days"


def test_helper_care_shows_presence_beside_each_helper(qtbot: Any, panel: PyramidPanel) -> None:
    open_tab(qtbot, panel, TAB_CARE)
    table = panel.care.table
    shown = dict(zip(table.texts(CARE_NAME), table.texts(COL_PRESENCE), strict=True))
    assert shown == {"韩梅": "silent", "李雷": "occasional", "线下老周": "—"}
    row = table.texts(CARE_NAME).index("韩梅")
    assert table.cell_data(row, COL_PRESENCE, Qt.ItemDataRole.ForegroundRole) == WARNING_COLOUR
    row = table.texts(CARE_NAME).index("线下老周")
    assert table.cell_data(row, COL_PRESENCE, Qt.ItemDataRole.ToolTipRole) == (
        "None of their groups has chat history imported"
    )


def test_settings_keep_the_chat_criteria_and_the_lists_follow(
    qtbot: Any, chat: None, database: Any
) -> None:
    settings_panel = SettingsPanel(database)
    qtbot.addWidget(settings_panel)
    box = settings_panel.pyramid_box
    assert (box.spoke_spin.value(), box.silent_spin.value()) == (15, 30)
    assert box.spoke_spin.text() == "15 of 30 days"
    box.spoke_spin.setValue(2)
    box.silent_spin.setValue(0)
    assert box.silent_spin.text() == "off"
    click(qtbot, box.save_button)
    assert chat_presence.chat_days("promotion_spoke_days") == 2
    assert chat_presence.chat_days("demotion_silent_days") == 0
    pyramid = PyramidPanel()
    qtbot.addWidget(pyramid)
    pyramid.show()
    pyramid.refresh()
    open_tab(qtbot, pyramid, TAB_PROMOTE)
    assert pyramid.promote.table.texts(COL_NAME) == ["王芳"]  # 李雷 is a helper already
    open_tab(qtbot, pyramid, TAB_DEMOTE)
    assert pyramid.demote.table.texts(COL_NAME) == []
