"""A group's Activity tab driven as a person would: open the group in the Groups panel, click
the tab, read the figures, the chart's dates and the lists; double-click a member."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from app.core import activity, clock, groups, violations
from app.core import roster_import as ri
from app.store.models import Member
from app.ui.activity.group_tab import ChatActivityTab
from app.ui.chats import entry
from app.ui.groups.group_page import CHAT_ACTIVITY_TAB
from app.ui.groups.panel import GroupsPanel
from app.ui.widgets.roster_changes_view import RosterChangesView
from tests.conftest import SHARED_DATA
from tests.ui.activity.chat_story import AD, imported_story

LEFT = Qt.MouseButton.LeftButton
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")


def open_tab(qtbot, group_id: int) -> tuple[GroupsPanel, ChatActivityTab]:  # noqa: ANN001
    panel = GroupsPanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_group(group_id)
    bar = panel.page.tabs.tabBar()
    assert bar.tabText(CHAT_ACTIVITY_TAB) == "Chat activity"
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(CHAT_ACTIVITY_TAB).center())
    tab = panel.page.tabs.currentWidget()
    assert isinstance(tab, ChatActivityTab)
    return panel, tab


def double_click_row(qtbot, table, row: int) -> None:  # noqa: ANN001
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), LEFT, pos=rect.center())


def test_the_tab_shows_what_group_activity_says(qtbot, now: datetime, tmp_path: Path) -> None:
    group = imported_story(tmp_path)
    found = activity.group_activity([group])[group]
    _panel, tab = open_tab(qtbot, group)
    shown = tab.headline.figures()
    assert shown["messages"].startswith(f"{found.messages_30d} messages")
    assert f"{found.operator_messages_30d} yours" in shown["messages"]
    assert shown["speakers"] == f"{found.speakers_30d} of {found.members} members"
    assert shown["share"] == f"{round(found.speaking_share * 100)} %"
    assert found.trend is not None and found.trend < 0.9
    assert shown["trend"] == (
        f"▼ {found.trend:.2f}×: last 4 weeks {found.recent_weekly:.0f}/week "
        f"vs {found.earlier_weekly:.0f}/week before"
    )
    assert shown["newcomers"] == "1 of 2 who joined in the last 90 days (50 %)"
    # the lists: the same people, in the same order, with their figures
    top = tab.sections["top_speakers"].table
    assert top.texts(0) == [s.name for s in found.top_speakers]
    assert top.texts(1) == [str(s.messages_30d) for s in found.top_speakers]
    assert tab.sections["soul_figures"].table.texts(0) == ["韩梅"]
    assert tab.sections["went_quiet"].table.texts(0) == ["李雷"]
    assert tab.sections["went_quiet"].table.texts(1) == [str(found.went_quiet[0].messages_before)]
    assert tab.sections["silent_newcomers"].table.texts(0) == ["新人甲"]
    ads = tab.sections["ad_like"].table
    assert ads.texts(1) == ["广告哥"] and ads.texts(3) == [AD]
    assert ads.texts(2) == ["No — still standing"]
    assert tab.sections["ad_like"].heading.text() == "Ad-like messages, last 14 days (1)"


def test_a_violation_logged_shows_beside_the_ad(qtbot, now: datetime, tmp_path: Path) -> None:
    group = imported_story(tmp_path)
    sender = Member.get(Member.name == "广告哥").id
    violations.log_violation(sender, group, None, evidence=AD)
    _panel, tab = open_tab(qtbot, group)
    assert tab.sections["ad_like"].table.texts(2) == ["Yes"]


def test_the_chart_is_dated_week_by_week(qtbot, now: datetime, tmp_path: Path) -> None:
    group = imported_story(tmp_path)
    found = activity.group_activity([group])[group]
    _panel, tab = open_tab(qtbot, group)
    chart = tab.chart
    mondays = activity.week_starts()
    assert chart.axis_labels() == [f"{day:%m-%d}" for day in mondays]
    drawn = chart.drawn_labels()
    assert len(drawn) >= 6 and drawn[-1] == f"{mondays[-1]:%m-%d}"
    for text in drawn:  # each a month-day of this year or the last
        month, day = (int(p) for p in text.split("-"))
        assert any(date(y, month, day) in mondays for y in (now.year - 1, now.year))
    # hovering a week tells its figures, the operator's part included
    last = found.weekly[-1]
    assert chart.week_text(25) == (
        f"Week of {last.week_start.isoformat()}: {last.messages} messages, "
        f"{last.operator_messages} yours, {last.speakers} speakers"
    )
    heading = tab.chart_heading.text()
    assert mondays[0].isoformat() in heading and mondays[-1].isoformat() in heading


def test_double_clicking_a_member_opens_them(qtbot, now: datetime, tmp_path: Path) -> None:
    group = imported_story(tmp_path)
    found = activity.group_activity([group])[group]
    panel, tab = open_tab(qtbot, group)
    opened: list[int] = []
    panel.memberOpened.connect(opened.append)
    double_click_row(qtbot, tab.sections["went_quiet"].table, 0)
    assert opened == [Member.get(Member.name == "李雷").id]
    double_click_row(qtbot, tab.sections["top_speakers"].table, 0)
    assert opened[-1] == found.top_speakers[0].member_id != opened[0]


def test_a_group_without_chat_history_says_so_and_offers_an_import(
    qtbot, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported_story(tmp_path)  # another group has some
    quiet = groups.create_group("摄影群", "wechat", "interest").id
    panel, tab = open_tab(qtbot, quiet)
    empty = tab.findChild(QLabel, "noChatHistory")
    assert empty.isVisible() and empty.text() == "No chat history yet"
    assert not tab.chart.isVisible()
    wanted: list[int | None] = []
    monkeypatch.setattr(entry, "exec_wizard", lambda wizard: wanted.append(wizard.group_id))
    button = tab.findChild(QPushButton, "importChatHistoryButton")
    assert button.text() == "Import chat history…"
    qtbot.mouseClick(button, LEFT, pos=QPoint(5, 5))
    assert wanted == [quiet]  # the wizard opened, this group chosen


def test_each_section_offers_its_action_to_the_group_page(
    qtbot, now: datetime, tmp_path: Path
) -> None:
    group = imported_story(tmp_path)
    panel, tab = open_tab(qtbot, group)
    asked: list[str] = []
    tab.actionRequested.connect(asked.append)
    shown_dialogs: list[object] = []
    panel.page.exec_dialog = lambda dialog: shown_dialogs.append(dialog) or False  # type: ignore[method-assign]
    for section, action in (
        ("soul_figures", "star_helpers"),
        ("went_quiet", "reach_out"),
        ("silent_newcomers", "welcome_newcomers"),
        ("ad_like", "log_ads"),
    ):
        button = tab.findChild(QPushButton, f"activityAction_{action}")
        assert button.isVisible() and button.parent() is tab.sections[section]
        qtbot.mouseClick(button, LEFT, pos=QPoint(5, 5))
    # the trend falls: a topic to talk about, asked in the group page's topic dialog
    topic = tab.findChild(QPushButton, "activityAction_topic")
    assert topic.isVisible() and topic.text() == "Schedule a topic…"
    qtbot.mouseClick(topic, LEFT, pos=QPoint(5, 5))
    assert asked == ["star_helpers", "reach_out", "welcome_newcomers", "log_ads", "topic"]
    assert type(shown_dialogs[-1]).__name__ == "TopicDialog"


def test_an_action_hides_where_there_is_nothing_to_act_on(
    qtbot, now: datetime, tmp_path: Path
) -> None:
    group = imported_story(tmp_path)
    violations.log_violation(Member.get(Member.name == "广告哥").id, group, None, evidence=AD)
    _panel, tab = open_tab(qtbot, group)
    assert not tab.findChild(QPushButton, "activityAction_log_ads").isVisible()
    assert tab.findChild(QPushButton, "activityAction_reach_out").isVisible()


def test_the_tab_keeps_what_the_last_roster_import_changed(
    qtbot, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    rosters = SHARED_DATA / "rosters"

    def load(name: str) -> ri.ImportPreview:
        roster = ri.read_roster(rosters / name)
        preset = ri.detect_preset(roster.headers)
        mapping = ri.auto_mapping(roster.headers, preset)
        return ri.preview(roster, mapping, "读书会", preset=preset)

    group = ri.apply(load("qq-group-export-gbk.csv")).group_id
    _panel, tab = open_tab(qtbot, group)
    assert tab.roster_heading.isVisible()  # a first roster: nothing to compare yet
    assert tab.roster_changes.heading.text().startswith("First roster of this group")
    clock.fix(now + timedelta(days=30))
    ri.apply(load("qq-group-export-later-gbk.csv"))
    tab.refresh()
    assert tab.findChild(QLabel, "noChatHistory").isVisible()  # no chat, yet the roster shows
    joined = tab.roster_changes.buttons["joined"]
    left = tab.roster_changes.buttons["left"]
    assert (joined.text(), left.text()) == ("Joined: 15", "Left: 20")
    opened: list[int] = []
    monkeypatch.setattr(
        RosterChangesView, "exec_dialog", lambda _v, d: opened.append(d.table.rowCount())
    )
    qtbot.mouseClick(left, LEFT, pos=QPoint(5, 5))
    assert opened == [20]


def test_a_group_never_given_a_roster_shows_no_roster_changes(qtbot, tmp_path: Path) -> None:
    _panel, tab = open_tab(qtbot, imported_story(tmp_path))
    assert not tab.roster_heading.isVisible() and not tab.roster_changes.isVisible()
