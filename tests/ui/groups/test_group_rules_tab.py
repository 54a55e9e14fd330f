"""A group's page, Rules tab: adopt, reorder and drop rules, copy the announcement, log a case."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from app.core import bans, rules, violations
from app.store.models import Violation
from app.ui.groups.group_rules_tab import GroupRulesTab
from app.ui.groups.panel import GroupsPanel
from app.ui.widgets.rule_dialog import AdoptRulesDialog, tick
from app.ui.widgets.violation_dialog import ViolationDialog
from tests.ui.driving import answer_dialogs, click
from tests.ui.groups.test_groups_panel import click_group, open_tab
from tests.ui.rules.test_rules_panel import Community, community

__all__ = ["community"]  # the fixture, shared with the panel's tests

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)
from app.ui.groups.group_page import RULES_TAB  # noqa: E402


@pytest.fixture
def tab(qtbot: Any, community: Community) -> GroupRulesTab:
    """The Rules tab of 读书会's page in the Groups panel, open."""
    panel = GroupsPanel()
    qtbot.addWidget(panel)
    panel.resize(1200, 760)
    panel.show()
    qtbot.waitExposed(panel)
    click_group(qtbot, panel, "读书会")
    open_tab(qtbot, panel, RULES_TAB)
    return panel.page.rules_tab


def test_adopt_two_rules_reorder_them_and_copy_the_announcement(
    qtbot: Any, tab: GroupRulesTab, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    tabs = tab.parentWidget().parentWidget()  # the page's QTabWidget
    assert tabs.tabText(RULES_TAB) == "Rules (0)"
    view = tab.view

    def adopt(dialog: QDialog) -> None:
        assert isinstance(dialog, AdoptRulesDialog)
        assert dialog.windowTitle() == "Adopt rules"
        tick(dialog.rule_list, "不谈政治")
        tick(dialog.rule_list, "禁止广告")
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, tab, adopt)
    with qtbot.waitSignal(tab.changed):
        click(qtbot, view.adopt_button)
    assert view.table.texts(1) == ["禁止广告", "不谈政治"]  # library order
    assert tabs.tabText(RULES_TAB) == "Rules (2)"

    view.table.select_id(community.politics)
    click(qtbot, view.up_button)
    assert [r.title for r in rules.group_rules(community.reading)] == ["不谈政治", "禁止广告"]
    click(qtbot, view.down_button)
    click(qtbot, view.up_button)
    text = view.announcement.toPlainText()
    assert text.splitlines() == ["Group rules", "1. 不谈政治", "2. 禁止广告: 不发广告和二维码"]
    click(qtbot, view.copy_button)
    assert QGuiApplication.clipboard().text() == text

    view.table.select_id(community.ads)
    click(qtbot, view.drop_button)
    assert view.table.texts(1) == ["不谈政治"]
    assert tabs.tabText(RULES_TAB) == "Rules (1)"


def test_log_a_violation_for_this_group(
    qtbot: Any, tab: GroupRulesTab, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules.adopt_rule(community.reading, community.politics)
    assert tab.open_label.text() == "0 open violations"

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ViolationDialog)
        assert dialog.group_combo.currentText() == "读书会"  # preset
        dialog.member_picker.set_member(community.li)
        assert dialog.group_combo.currentText() == "读书会"
        assert dialog.rule_combo.currentText() == "不谈政治"  # the group's first rule
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, tab, fill)
    click(qtbot, tab.log_button)
    case = Violation.get(Violation.case_number == 1)
    assert (case.member_id, case.group_id, case.rule_id) == (
        community.li,
        community.reading,
        community.politics,
    )
    assert tab.notice.text() == "Logged case #1."
    assert tab.open_label.text() == "1 open violation"
    assert violations.open_count(community.reading) == 1


def test_banned_members_still_in_the_group_are_named(
    tab: GroupRulesTab, community: Community
) -> None:
    assert tab.banned_label.isHidden()
    bans.ban_member(community.li, "刷屏")
    tab.set_group(community.reading, "读书会")
    assert not tab.banned_label.isHidden()
    assert tab.banned_label.text() == (
        "Banned but still in this group: 李四. Remove them in the chat app."
    )
