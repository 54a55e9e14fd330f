"""A member's page, Chat activity tab: their presence, messages and days in each group, and
their messages per week on a dated chart; double-clicking a group opens it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core import activity, groups, memberships
from app.store.models import Member
from app.ui.activity.member_tab import MemberChatTab
from app.ui.members.member_dialog import MemberDialog
from tests.ui.activity.chat_story import imported_story

LEFT = Qt.MouseButton.LeftButton
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def open_chat_tab(qtbot, member_id: int) -> tuple[MemberDialog, MemberChatTab]:  # noqa: ANN001
    dialog = MemberDialog(member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.tabs.tabBar()
    index = dialog.tabs.indexOf(dialog.chat_tab)
    assert bar.tabText(index) == "Chat activity"
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentWidget() is dialog.chat_tab
    return dialog, dialog.chat_tab


def test_presence_and_weekly_messages_in_each_group(qtbot, now: datetime, tmp_path: Path) -> None:
    group = imported_story(tmp_path)
    soul = Member.get(Member.name == "韩梅").id
    other = groups.create_group("摄影群", "wechat", "interest").id  # no chat history there
    memberships.add_membership(soul, other)
    _dialog, tab = open_chat_tab(qtbot, soul)
    found = {a.group_id: a for a in activity.member_activity(soul)}
    assert found[group].presence == "regular" and found[other].presence == "silent"
    table = tab.table
    rows = {table.texts(0)[n]: n for n in range(table.row_count())}
    assert set(rows) == {"读书会", "摄影群"}
    reading = rows["读书会"]
    assert table.cell_data(reading, 1) == "Regular"
    assert table.cell_data(reading, 2) == str(found[group].days_30d)
    assert table.cell_data(reading, 3) == str(found[group].messages_30d)
    assert table.cell_data(rows["摄影群"], 1) == "Silent"
    assert table.cell_data(rows["摄影群"], 4) == "never"
    # the chart shows the selected group's weeks, dated
    table.select_id(group)
    assert tab.chart_heading.text() == "Messages per week in 读书会, last 26 weeks"
    assert tab.chart.axis_labels() == [f"{d:%m-%d}" for d in activity.week_starts()]
    shown = [int(t.split(": ")[1].split()[0]) for t in tab.chart.description().split("; ")]
    assert shown == list(found[group].weekly) and sum(shown) == 30


def test_double_clicking_a_group_opens_it(qtbot, now: datetime, tmp_path: Path) -> None:
    group = imported_story(tmp_path)
    dialog, tab = open_chat_tab(qtbot, Member.get(Member.name == "王芳").id)
    opened: list[int] = []
    dialog.groupOpened.connect(opened.append)
    rect = tab.table.visualRect(tab.table.model().index(0, 0))
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), LEFT, pos=rect.center())
    assert opened == [group] and dialog.opened_group_id == group
