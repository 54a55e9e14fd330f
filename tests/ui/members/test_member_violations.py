"""A member's page, Violations tab: strikes in the title, logging, banning and unbanning."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from app.core import violations
from app.store.models import Interaction, Member, Task
from app.ui.members.member_dialog import MemberDialog
from app.ui.rules.ban_list_view import COL_STILL_IN
from app.ui.rules.panel import TAB_BANS, RulesPanel
from app.ui.widgets.ban_dialogs import BanDialog, UnbanDialog
from app.ui.widgets.violation_dialog import ViolationDialog
from tests.ui.driving import answer_dialogs, click
from tests.ui.rules.test_rules_panel import Community, community

__all__ = ["community"]  # the fixture, shared with the panel's tests

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


def open_page(qtbot: Any, member_id: int) -> MemberDialog:
    dialog = MemberDialog(member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def tab_title(page: MemberDialog) -> str:
    return page.tabs.tabText(page.tabs.indexOf(page.violations_view))


def test_the_tab_shows_the_violations_and_the_strike_count(
    qtbot: Any, community: Community, now: datetime
) -> None:
    c = community
    violations.log_violation(c.zhang, c.reading, c.ads, at=now - timedelta(days=200))  # expired
    violations.log_violation(c.zhang, c.running, c.politics, at=now - timedelta(days=3))
    violations.log_violation(c.zhang, c.reading, c.ads, at=now - timedelta(days=1))
    page = open_page(qtbot, c.zhang)
    assert tab_title(page) == "Violations (2 strikes)"
    view = page.violations_view
    assert view.table.texts(0) == ["#3", "#2", "#1"]
    assert view.table.texts(2) == ["读书会", "夜跑群", "读书会"]
    assert view.strike_label.text() == "2 strikes now · strikes expire after 180 days"
    assert view.ban_button.text() == "Ban…"
    clean = open_page(qtbot, c.li)
    assert tab_title(clean) == "Violations (0 strikes)"
    assert not clean.violations_view.empty_note.isHidden()
    assert view.empty_note.isHidden()


def test_log_a_violation_from_the_member_page(
    qtbot: Any, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, community.li)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ViolationDialog)
        assert dialog.member_picker.text() == "李四"  # preset
        assert dialog.group_combo.currentText() == "读书会"  # their group first
        dialog.rule_combo.setCurrentIndex(dialog.rule_combo.findText("禁止广告"))
        assert dialog.action_combo.currentText() == "Warned"
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, page, fill)
    click(qtbot, page.violations_view.log_button)
    assert tab_title(page) == "Violations (1 strike)"
    assert page.violations_view.table.texts(0) == ["#1"]
    assert page.violations_view.notice.text() == "Logged case #1."
    assert page.wrote


def test_ban_from_the_member_page_creates_tasks_and_shows_in_the_ban_list(
    qtbot: Any, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = community
    page = open_page(qtbot, c.zhang)
    reasons = iter(["", "第三次发广告"])

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, BanDialog)
        assert "读书会、夜跑群" in dialog.summary.text()
        dialog.reason_edit.setText(next(reasons))
        dialog.ok_button.click()
        if dialog.result() != QDialog.DialogCode.Accepted:
            assert dialog.error.text() == "A ban needs a reason."
            assert Task.select().count() == 0
            fill(dialog)

    answer_dialogs(monkeypatch, page, fill)
    click(qtbot, page.violations_view.ban_button)
    tasks = list(Task.select().where(Task.member == c.zhang).order_by(Task.id))
    assert sorted(t.title for t in tasks) == ["Remove 张三 from 夜跑群", "Remove 张三 from 读书会"]
    assert {t.kind for t in tasks} == {"spam_sweep"} and {t.status for t in tasks} == {"open"}
    assert page.violations_view.notice.text() == "Banned; 2 removal tasks created."
    assert page.violations_view.banned_label.text() == (
        "Banned in every group. Why: 第三次发广告 Still in 读书会、夜跑群: remove them there."
    )
    assert page.violations_view.ban_button.text() == "Unban…"
    assert page.status_combo.currentData() == "banned"  # the profile shows it too
    assert page.status_reason_edit.text() == "第三次发广告"
    page.city_edit.setText("杭州")
    page.save_button.click()  # saving the profile keeps the ban
    assert Member.get_by_id(c.zhang).status == "banned"

    panel = RulesPanel()
    qtbot.addWidget(panel)
    panel.show_tab(TAB_BANS)
    assert panel.ban_list.table.texts(COL_STILL_IN) == ["读书会、夜跑群"]


def test_unban_from_the_member_page(
    qtbot: Any, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core import bans

    bans.ban_member(community.li, "刷屏")
    page = open_page(qtbot, community.li)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, UnbanDialog)
        dialog.reason_edit.setText("道歉了")
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, page, fill)
    click(qtbot, page.violations_view.ban_button)
    assert Member.get_by_id(community.li).status == "active"
    assert Interaction.get(
        Interaction.member == community.li, Interaction.kind == "unban"
    ).note == ("道歉了")
    assert page.violations_view.banned_label.isHidden()
    assert page.status_combo.currentData() == "active"
    assert page.violations_view.notice.text() == (
        "李四 is no longer banned. 1 removal task closed in the queue."
    )  # the ban's removal task is closed: the Queue agrees
