"""A group's Members tab hides those who left or were removed unless asked, then says when."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QCheckBox, QLabel, QTableView

from app.core import clock, groups, members, memberships
from app.ui.groups.group_member_table import COL_NAME, COL_STATUS
from app.ui.groups.group_page import MEMBERS_TAB
from app.ui.groups.panel import GroupsPanel
from tests.ui.groups.test_groups_panel import LEFT, child, click_group, open_tab

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def panel(qtbot) -> GroupsPanel:  # noqa: ANN001 - qtbot
    widget = GroupsPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown(table: QTableView) -> list[tuple[str, str]]:
    model = table.model()
    return [
        (model.index(r, COL_NAME).data(), model.index(r, COL_STATUS).data())
        for r in range(model.rowCount())
    ]


def test_those_who_left_show_only_when_asked(qtbot, panel: GroupsPanel, now: datetime) -> None:  # noqa: ANN001
    book = groups.create_group("读书会", "wechat", "interest")
    hike = groups.create_group("爬山群", "qq", "interest")
    ids = {name: members.create_member(name).id for name in ("张三", "李四", "王五", "赵六")}
    for member_id in ids.values():
        memberships.add_membership(member_id, book.id, joined_at=now - timedelta(days=60))
    memberships.add_membership(ids["李四"], hike.id)
    went, out = now - timedelta(days=5), now - timedelta(days=2)
    memberships.set_membership_status(ids["李四"], book.id, "left", now=went)
    memberships.set_membership_status(ids["王五"], book.id, "removed", now=out)
    members.update_member(ids["赵六"], status="banned")
    panel.refresh()
    click_group(qtbot, panel, "读书会")
    open_tab(qtbot, panel, MEMBERS_TAB)
    table = child(panel, QTableView, "groupMembers")
    count = child(panel, QLabel, "groupMemberCount")
    box = child(panel, QCheckBox, "groupShowLeft")

    assert not box.isChecked()
    assert shown(table) == [("张三", "In group"), ("赵六", "Banned")]  # pinyin order
    assert count.text() == "2 members"
    qtbot.mouseClick(box, LEFT)
    day = lambda moment: clock.to_local(moment).strftime("%Y-%m-%d")  # noqa: E731
    assert shown(table) == [
        ("李四", f"Left {day(went)}"),
        ("王五", f"Removed {day(out)}"),
        ("张三", "In group"),
        ("赵六", "Banned"),
    ]
    assert count.text() == "2 members · 2 who left or were removed"
    assert panel.page.tabs.tabText(MEMBERS_TAB) == "Members (2)"  # those in the group
    qtbot.mouseClick(box, LEFT)
    assert [name for name, _ in shown(table)] == ["张三", "赵六"]

    # 李四 is still in the other group, and shown there as in it
    qtbot.mouseClick(box, LEFT)
    click_group(qtbot, panel, "爬山群")
    assert not box.isChecked()  # another group starts without them
    assert shown(table) == [("李四", "In group")]


def test_the_status_header_sorts_those_in_the_group_first(
    qtbot, panel: GroupsPanel, now: datetime
) -> None:  # noqa: ANN001
    book = groups.create_group("读书会", "wechat", "interest")
    ids = {name: members.create_member(name).id for name in ("张三", "李四", "王五", "赵六")}
    for member_id in ids.values():
        memberships.add_membership(member_id, book.id, joined_at=now - timedelta(days=60))
    memberships.set_membership_status(ids["张三"], book.id, "removed", now=now)
    memberships.set_membership_status(ids["李四"], book.id, "left", now=now)
    members.update_member(ids["王五"], status="banned")
    panel.refresh()
    click_group(qtbot, panel, "读书会")
    open_tab(qtbot, panel, MEMBERS_TAB)
    table = child(panel, QTableView, "groupMembers")
    box = child(panel, QCheckBox, "groupShowLeft")
    narrow = table.columnWidth(COL_STATUS)
    qtbot.mouseClick(box, LEFT)
    assert table.columnWidth(COL_STATUS) > narrow  # room for "Removed 2026-…"
    header = table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), LEFT, pos=header.rect().topLeft() + QPoint(
        header.sectionViewportPosition(COL_STATUS) + 10, header.height() // 2))  # fmt: skip
    assert [name for name, _ in shown(table)] == ["赵六", "王五", "李四", "张三"]
    qtbot.mouseClick(box, LEFT)
    assert table.columnWidth(COL_STATUS) == narrow
    assert [name for name, _ in shown(table)] == ["赵六", "王五"]
