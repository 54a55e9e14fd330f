"""The violation dialog: find the member by pinyin, the ladder's suggestion, refusals in place."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialog

from app.core import bans, rules, violations
from app.store.models import Member, Task, Violation
from app.ui.rules.panel import TAB_VIOLATIONS, RulesPanel
from app.ui.widgets.violation_dialog import ViolationDialog
from tests.ui.driving import answer_dialogs, click
from tests.ui.rules.test_rules_panel import Community, community

__all__ = ["community"]  # the fixture, shared with the panel's tests

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)


def open_dialog(qtbot: Any, **preset: Any) -> ViolationDialog:
    dialog = ViolationDialog(**preset)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def find_member(qtbot: Any, dialog: ViolationDialog, typed: str, name: str) -> None:
    """Type into the member picker like a person and take ``name`` from what it offers."""
    picker = dialog.member_picker
    picker.setFocus()
    qtbot.keyClicks(picker, typed)
    qtbot.waitUntil(lambda: any(n == name for _i, n in picker.matches()))
    member_id = next(i for i, n in picker.matches() if n == name)
    picker.choose(member_id)


def items(combo: Any) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]


def test_picker_finds_zhang_san_by_initials_and_the_ladder_suggests_each_step(
    qtbot: Any, community: Community
) -> None:
    c = community
    expected = ["Warned", "Muted", "Removed"]
    for strike, action in enumerate(expected, start=1):
        dialog = open_dialog(qtbot)
        assert dialog.windowTitle() == "Log a violation"
        assert dialog.suggestion_label.text().startswith("Choose the member and the rule")
        find_member(qtbot, dialog, "zs", "张三")
        assert dialog.member_id() == c.zhang
        assert dialog.member_picker.text() == "张三"
        dialog.rule_combo.setCurrentIndex(dialog.rule_combo.findText("禁止广告"))
        assert dialog.suggestion_label.text() == (
            f"Strike {strike} of the ladder → suggested action: {action}"
        )
        assert dialog.action_combo.currentText() == action  # preselected
        dialog.evidence_edit.insertPlainText(f"第{strike}次发广告")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.outcome == f"Logged case #{strike}."
    logged = list(Violation.select().order_by(Violation.case_number))
    assert [v.action for v in logged] == ["warned", "muted", "removed"]
    assert [v.evidence for v in logged] == ["第1次发广告", "第2次发广告", "第3次发广告"]


def test_the_operator_can_choose_another_action_and_a_zero_point_rule_adds_no_strike(
    qtbot: Any, community: Community
) -> None:
    c = community
    violations.log_violation(c.li, c.reading, c.ads, action="warned")
    dialog = open_dialog(qtbot, member_id=c.li)
    dialog.rule_combo.setCurrentIndex(dialog.rule_combo.findText("实名群名片"))
    assert dialog.suggestion_label.text() == "Strike 1 of the ladder → suggested action: Warned"
    dialog.rule_combo.setCurrentIndex(dialog.rule_combo.findText("不谈政治"))
    assert dialog.action_combo.currentText() == "Muted"
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findText("Message deleted"))
    dialog.ok_button.click()
    assert Violation.get(Violation.case_number == 2).action == "deleted"


def test_the_members_groups_and_the_groups_rules_come_first(
    qtbot: Any, community: Community
) -> None:
    c = community
    rules.adopt_rule(c.running, c.politics)
    dialog = open_dialog(qtbot)
    assert items(dialog.group_combo) == ["读书会", "夜跑群"]
    dialog.member_picker.set_member(c.li)  # in 读书会 only
    assert dialog.group_combo.currentText() == "读书会"
    dialog.group_combo.setCurrentIndex(dialog.group_combo.findText("夜跑群"))
    assert items(dialog.rule_combo)[0] == "不谈政治"  # adopted by 夜跑群
    assert dialog.rule_combo.currentText() == "不谈政治"
    rules.retire_rule(c.names)
    from_group = open_dialog(qtbot, group_id=c.running)
    assert from_group.group_combo.currentText() == "夜跑群"
    assert items(from_group.rule_combo) == ["不谈政治", "禁止广告"]  # no retired rule


def test_refusals_are_shown_in_place_and_nothing_is_written(
    qtbot: Any, community: Community, now: datetime
) -> None:
    dialog = open_dialog(qtbot)
    dialog.ok_button.click()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text().startswith("Choose the member")
    dialog.member_picker.set_member(community.zhang)
    tomorrow = now + timedelta(days=2)
    dialog.when_edit.setDateTime(QDateTime(tomorrow.date(), tomorrow.time()))
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "A violation cannot be dated after today."
    assert Violation.select().count() == 0


def test_banning_as_the_action_bans_and_creates_removal_tasks(
    qtbot: Any, community: Community
) -> None:
    dialog = open_dialog(qtbot, member_id=community.zhang, group_id=community.reading)
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findText("Banned"))
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.outcome == "Logged case #1. Banned; 2 removal tasks created."
    assert Member.get_by_id(community.zhang).status == "banned"
    titles = sorted(t.title for t in Task.select().where(Task.member == community.zhang))
    assert titles == ["Remove 张三 from 夜跑群", "Remove 张三 from 读书会"]
    assert bans.ban_list()[0].still_in == (
        (community.reading, "读书会"),
        (community.running, "夜跑群"),
    )


def test_edit_a_violation_from_the_log_keeps_its_case_number(
    qtbot: Any, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = community
    violations.log_violation(c.li, c.reading, c.ads, evidence="二维码", action="warned")
    panel = RulesPanel()
    qtbot.addWidget(panel)
    panel.show_tab(TAB_VIOLATIONS)
    view = panel.violation_log
    view.table.selectRow(0)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, ViolationDialog)
        assert dialog.windowTitle() == "Case #1"
        assert dialog.member_picker.text() == "李四"
        assert dialog.evidence_edit.toPlainText() == "二维码"
        assert dialog.suggestion_label.isHidden()
        dialog.evidence_edit.setPlainText("二维码，已删除")
        dialog.action_combo.setCurrentIndex(dialog.action_combo.findText("Message deleted"))
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, edit)
    click(qtbot, view.edit_button)
    stored = Violation.get(Violation.case_number == 1)
    assert (stored.evidence, stored.action) == ("二维码，已删除", "deleted")
    assert view.notice.text() == "Saved case #1."
    assert view.table.texts(6) == ["Message deleted"]


def test_enter_in_the_member_field_picks_the_member_and_does_not_log_yet(
    qtbot: Any, community: Community
) -> None:
    dialog = open_dialog(qtbot)
    picker = dialog.member_picker
    picker.setFocus()
    qtbot.keyClicks(picker, "lisi")
    qtbot.keyClick(picker, Qt.Key.Key_Return)
    assert dialog.member_id() == community.li
    assert picker.text() == "李四"
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert Violation.select().count() == 0
    qtbot.keyClick(picker, Qt.Key.Key_Return)  # now Enter confirms the dialog
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [v.member_id for v in Violation.select()] == [community.li]


def test_a_name_typed_but_not_picked_is_refused_with_a_message(
    qtbot: Any, community: Community
) -> None:
    dialog = open_dialog(qtbot)
    dialog.member_picker.setText("王")  # nobody is called that
    dialog.ok_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == "No member matches “王”: type part of a name and pick one."
    assert Violation.select().count() == 0
