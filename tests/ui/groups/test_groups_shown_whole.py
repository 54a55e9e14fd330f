"""The Groups panel as it opens in a 1200×780 window on the sample community: nothing cut.

Every column of the groups table shows its header and its cells whole, side by side without
scrolling; a group's Members tab shows the membership (nickname, role, last spoke); its
Health tab's chart has dated weeks and a scale; a finding naming many people names five and
opens the rest.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QLabel

from app.core import clock, groups, health, members, memberships
from app.sample import demo
from app.store.models import Member, Tier
from app.ui.groups.group_member_table import COL_LAST_SPOKE, COL_NICKNAME, COL_ROLE
from app.ui.groups.group_page import HEALTH_TAB, MEMBERS_TAB
from app.ui.groups.group_table import COL_KIND, COL_PARENT, COL_STATUS
from app.ui.main_window import MainWindow
from app.ui.navigation import GROUPS
from app.ui.widgets.activity_chart import scale_ticks
from app.ui.widgets.people_dialog import PeopleDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


@pytest.fixture
def window(qtbot, database: Path, now: datetime) -> MainWindow:
    demo.build(600, 24, seed=3)
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.resize(1200, 780)  # the size a first start opens at
    win.show()
    qtbot.waitExposed(win)
    win.navigation.setCurrentRow(GROUPS)
    return win


def test_every_column_of_the_groups_table_shows_whole(window: MainWindow) -> None:
    table = window.groups_panel.table
    model, header = table.model(), table.horizontalHeader()
    titles = QFontMetrics(header.font())
    bold = QFont(table.font())
    bold.setBold(True)  # the status of a group in trouble
    assert model.rowCount() == 24
    # Kind and Parent start hidden (each group's page says them) so the chat columns fit
    hidden = [c for c in range(model.columnCount()) if header.isSectionHidden(c)]
    assert hidden == [COL_KIND, COL_PARENT]
    for column in range(model.columnCount()):
        if column in hidden:
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        width = header.sectionSize(column)
        assert width >= titles.horizontalAdvance(title) + 20, title  # words and sort arrow
        cells = QFontMetrics(bold if column == COL_STATUS else table.font())
        widest = max(
            cells.horizontalAdvance(str(model.index(row, column).data() or ""))
            for row in range(model.rowCount())
        )
        assert width >= widest + 8, title  # no cell elided
    # side by side, the last column within the view: nothing to scroll to
    assert header.length() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()


def test_a_groups_members_tab_shows_the_membership(window: MainWindow, qtbot) -> None:
    group = groups.create_group("读书会")
    zhang = members.create_member("张三", tier_id=Tier.get(Tier.rank == 2).id)
    memberships.add_membership(
        zhang.id, group.id, nickname="书虫老张", role="admin", last_spoke_at=clock.now()
    )
    li = members.create_member("李四")
    memberships.add_membership(li.id, group.id, last_spoke_at=clock.now() - timedelta(days=40))
    panel = window.groups_panel
    panel.refresh()
    panel.show_group(group.id)
    page = panel.page
    page.tabs.setCurrentIndex(MEMBERS_TAB)
    table, model = page.member_table, page.member_model
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(6)]
    assert headers == ["Name", "Group nickname", "Role", "Tier", "Status", "Last spoke"]
    rows = {
        model.index(r, 0).data(): [model.index(r, c).data() for c in range(6)]
        for r in range(model.rowCount())
    }
    today = clock.to_local(clock.now()).strftime("%Y-%m-%d")
    assert rows["张三"] == ["张三", "书虫老张", "Admin", "Helpers", "In group", today]
    assert rows["李四"][1:3] == ["", "Member"]
    header = table.horizontalHeader()
    metrics = QFontMetrics(header.font())
    for column in range(6):  # in view and not narrower than their headers
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= (
            table.viewport().width()
        )
        assert header.sectionSize(column) >= metrics.horizontalAdvance(headers[column]) + 20
    table.sortByColumn(COL_LAST_SPOKE, Qt.SortOrder.DescendingOrder)  # in SQL, most recent first
    assert [model.index(r, 0).data() for r in range(2)] == ["张三", "李四"]
    table.sortByColumn(COL_ROLE, Qt.SortOrder.AscendingOrder)
    assert model.index(0, COL_NICKNAME).data() == "书虫老张"


def test_the_activity_chart_has_dated_weeks_and_a_scale(window: MainWindow, now: datetime) -> None:
    panel = window.groups_panel
    group = groups.create_group("读书会")
    panel.refresh()
    panel.show_group(group.id)
    panel.page.tabs.setCurrentIndex(HEALTH_TAB)
    chart = panel.page.health_tab.chart
    first = clock.to_local(now - timedelta(days=84)).date()
    expected = [f"{first + timedelta(days=7 * i):%m-%d}" for i in range(12)]
    assert chart.week_labels() == expected
    assert len(chart.drawn_week_labels()) == 12  # room for every date at this size
    assert chart.ticks() == [0, 1]
    assert expected[-1] in chart.toolTip()
    assert scale_ticks(7) == [0, 2, 4, 6, 8] and scale_ticks(250) == [0, 100, 200, 300]
    assert health.week_starts(12, now)[-1] == now - timedelta(days=7)


def test_a_finding_names_five_people_and_opens_the_rest(
    window: MainWindow, qtbot, monkeypatch
) -> None:
    group = groups.create_group("大群")
    helper = Tier.get(Tier.rank == 2).id
    long_ago = clock.now() - timedelta(days=400)
    names = [f"骨干{i:03d}" for i in range(250)]
    for name in names:
        member = members.create_member(name, tier_id=helper)
        memberships.add_membership(member.id, group.id)
    Member.update(first_seen=long_ago).where(Member.name.startswith("骨干")).execute()
    panel = window.groups_panel
    panel.refresh()
    panel.show_group(group.id)
    tab = panel.page.health_tab
    sentence = next(t for t in tab.finding_texts() if t.startswith("Helpers not contacted"))
    assert sentence == (
        "Helpers not contacted for 14 days or more: "
        "骨干000、骨干001、骨干002、骨干003、骨干004 and 245 more."
    )
    label = next(w for w in tab.findChildren(QLabel, "findingText") if "and 245 more" in w.text())
    assert '<a href="people">and 245 more</a>' in label.text()
    shown: list[PeopleDialog] = []
    monkeypatch.setattr(PeopleDialog, "exec", lambda self: shown.append(self) or 0)
    label.linkActivated.emit("people")
    assert len(shown) == 1
    dialog = shown[0]
    assert dialog.windowTitle() == "Everyone in this finding (250)"
    listed = [dialog.names.item(i).text() for i in range(dialog.names.count())]
    assert listed == names
    dialog.copy_names()
    assert QGuiApplication.clipboard().text().splitlines() == names
