"""The Rules panel driven as a person would: the library, a group's rules, the log, bans, policy."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QPushButton

from app.core import bans, clock, memberships, rules, violations
from app.core import members as core
from app.core.groups import create_group
from app.core.violations import LadderStep
from app.store.models import Membership, Rule, Task, Violation
from app.ui.rules.ban_list_view import COL_STILL_IN
from app.ui.rules.panel import (
    TAB_BANS,
    TAB_GROUP_RULES,
    TAB_LIBRARY,
    TAB_POLICY,
    TAB_VIOLATIONS,
    RulesPanel,
)
from app.ui.widgets import violation_log
from app.ui.widgets.ban_dialogs import MarkRemovedDialog, UnbanDialog
from app.ui.widgets.read_only_table import WARNING_COLOUR
from app.ui.widgets.rule_dialog import AdoptRulesDialog, RuleDialog, tick
from app.ui.widgets.rule_library import (
    COL_GROUPS,
    COL_SEVERITY,
    COL_TEXT,
    COL_TITLE,
    RETIRED_COLOUR,
)
from app.ui.widgets.violation_log import COL_CASE, COL_STATUS, COL_WHEN
from tests.ui.announcements import announced_by
from tests.ui.driving import answer_dialogs, click

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)
FOREGROUND = Qt.ItemDataRole.ForegroundRole


@dataclass
class Community:
    reading: int
    running: int
    zhang: int  # 张三, in both groups
    li: int  # 李四, in 读书会
    ads: int  # rule: no advertising, 1 point
    politics: int  # rule: no politics, 1 point
    names: int  # rule: use your real name, notice, 0 points


@pytest.fixture
def community(now: datetime) -> Community:
    reading = create_group("读书会").id
    running = create_group("夜跑群", platform="qq").id
    zhang = core.create_member("张三").id
    li = core.create_member("李四").id
    memberships.add_membership(zhang, reading)
    memberships.add_membership(zhang, running)
    memberships.add_membership(li, reading)
    return Community(
        reading=reading,
        running=running,
        zhang=zhang,
        li=li,
        ads=rules.create_rule("禁止广告", "不发广告和二维码", "removal").id,
        politics=rules.create_rule("不谈政治", "", "warning").id,
        names=rules.create_rule("实名群名片", "群名片用真名", "notice", 0).id,
    )


@pytest.fixture
def panel(qtbot: Any, community: Community) -> RulesPanel:
    widget = RulesPanel()
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def select_text(table: Any, column: int, text: str) -> None:
    for row, shown in enumerate(table.texts(column)):
        if shown == text:
            table.selectRow(row)
            return
    raise AssertionError(f"{text!r} is not listed")


# --- the library -----------------------------------------------------------------------------


def test_create_edit_and_retire_a_rule(
    qtbot: Any, panel: RulesPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert panel.tabs.currentIndex() == TAB_LIBRARY
    assert [panel.tabs.tabText(i) for i in range(panel.tabs.count())] == [
        "Library",
        "Group rules",
        "Violations",
        "Ban list",
        "Strike policy",
    ]
    library = panel.library
    assert library.table.texts(COL_TITLE) == ["禁止广告", "不谈政治", "实名群名片"]
    assert library.table.texts(COL_TEXT) == ["不发广告和二维码", "", "群名片用真名"]
    assert library.table.texts(COL_SEVERITY) == ["Removal", "Warning", "Notice"]

    def write(dialog: QDialog) -> None:
        assert isinstance(dialog, RuleDialog)
        if dialog.rule_id is None:
            assert dialog.windowTitle() == "New rule"
            dialog.title_edit.insert("不刷屏")
            dialog.text_edit.insertPlainText("一分钟内不连发五条以上")
            dialog.severity_combo.setCurrentIndex(dialog.severity_combo.findText("Warning"))
            dialog.points_spin.setValue(2)
        else:
            assert dialog.windowTitle() == "Edit rule"
            assert dialog.title_edit.text() == "不刷屏"
            dialog.title_edit.setText("不刷屏、不发长语音")
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, write)
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, library.new_button)
    rule = Rule.get(Rule.title == "不刷屏")
    assert (rule.text, rule.severity, rule.strike_points) == (
        "一分钟内不连发五条以上",
        "warning",
        2,
    )
    assert library.table.current_id() == rule.id  # the new rule is selected
    click(qtbot, library.edit_button)
    assert Rule.get_by_id(rule.id).title == "不刷屏、不发长语音"
    assert library.table.texts(COL_TITLE)[-1] == "不刷屏、不发长语音"

    click(qtbot, library.retire_button)
    assert Rule.get_by_id(rule.id).retired_at is not None
    assert "不刷屏、不发长语音" not in library.table.texts(COL_TITLE)
    assert library.notice.text().startswith("Retired “不刷屏、不发长语音”")
    library.show_retired.setChecked(True)
    row = library.table.row_of(rule.id)
    assert library.table.cell_data(row, COL_TITLE) == "不刷屏、不发长语音 (retired)"
    assert library.table.cell_data(row, COL_TITLE, FOREGROUND) == RETIRED_COLOUR
    library.table.select_id(rule.id)
    assert not library.retire_button.isEnabled()
    click(qtbot, library.restore_button)
    assert Rule.get_by_id(rule.id).retired_at is None
    assert library.table.cell_data(library.table.row_of(rule.id), COL_TITLE) == "不刷屏、不发长语音"


def test_an_empty_title_is_refused_in_the_dialog(
    qtbot: Any, panel: RulesPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []

    def write(dialog: QDialog) -> None:
        dialog.ok_button.click()  # nothing typed
        errors.append(dialog.error.text())
        assert dialog.error.isVisibleTo(dialog)

    answer_dialogs(monkeypatch, panel, write)
    click(qtbot, panel.library.new_button)
    assert errors == ["A rule needs a title."]
    assert Rule.select().count() == 3


def test_export_the_library_as_markdown(
    qtbot: Any, panel: RulesPanel, community: Community, tmp_path: Path, monkeypatch: Any
) -> None:
    rules.adopt_rule(community.reading, community.ads)
    target = tmp_path / "群规.md"
    monkeypatch.setattr(panel, "choose_markdown_path", lambda: target)
    click(qtbot, panel.library.export_button)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Rule library")  # the interface language: English in tests
    assert "## 禁止广告" in text and "读书会" in text
    assert panel.library.notice.text() == "Exported the library to 群规.md."


def test_adopting_from_the_rule_chooses_its_groups(
    qtbot: Any, panel: RulesPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    def choose(dialog: QDialog) -> None:
        tick(dialog.group_list, "夜跑群")  # type: ignore[attr-defined]
        tick(dialog.group_list, "读书会")  # type: ignore[attr-defined]
        dialog.ok_button.click()  # type: ignore[attr-defined]

    answer_dialogs(monkeypatch, panel, choose)
    panel.library.table.select_id(community.politics)
    click(qtbot, panel.library.groups_button)
    assert sorted(rules.rule_groups(community.politics)) == [community.reading, community.running]
    row = panel.library.table.row_of(community.politics)
    assert panel.library.table.cell_data(row, COL_GROUPS) == "2 groups"


# --- a group's rules -------------------------------------------------------------------------


def test_adopt_reorder_and_copy_a_groups_rules(
    qtbot: Any, panel: RulesPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.show_tab(TAB_GROUP_RULES)
    page = panel.group_page
    combo = page.group_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["读书会", "夜跑群"]
    combo.setCurrentIndex(combo.findText("夜跑群"))
    view = panel.group_rules
    assert view.table.row_count() == 0 and view.empty_note.isVisible()
    assert not view.copy_button.isEnabled()

    def adopt(dialog: QDialog) -> None:
        assert isinstance(dialog, AdoptRulesDialog)
        offered = [dialog.rule_list.item(i).text() for i in range(dialog.rule_list.count())]
        assert offered == ["禁止广告  ·  Removal", "不谈政治  ·  Warning", "实名群名片  ·  Notice"]
        tick(dialog.rule_list, "禁止广告")
        tick(dialog.rule_list, "实名群名片")
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, adopt)
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, view.adopt_button)
    assert view.table.texts(1) == ["禁止广告", "实名群名片"]
    assert view.table.texts(0) == ["1", "2"]
    assert [r.id for r in rules.group_rules(community.running)] == [community.ads, community.names]

    view.table.select_id(community.names)
    assert not view.down_button.isEnabled()
    click(qtbot, view.up_button)
    assert view.table.texts(1) == ["实名群名片", "禁止广告"]
    assert view.table.current_id() == community.names  # still selected, to move on
    assert [r.id for r in rules.group_rules(community.running)] == [community.names, community.ads]
    shown = view.announcement.toPlainText()
    assert shown == rules.announcement_text(community.running, "en")
    assert shown.index("实名群名片") < shown.index("禁止广告")
    assert view.announcement.isReadOnly()

    QGuiApplication.clipboard().clear()
    copy = panel.findChild(QPushButton, "copyAnnouncementButton")
    click(qtbot, copy)
    assert QGuiApplication.clipboard().text() == shown
    assert view.copied_note.isVisible() and view.copied_note.text() == "Copied."
    view.language_combo.setCurrentIndex(view.language_combo.findData("zh_CN"))
    assert view.announcement.toPlainText() == rules.announcement_text(community.running, "zh_CN")

    view.table.select_id(community.ads)
    click(qtbot, view.drop_button)
    assert [r.id for r in rules.group_rules(community.running)] == [community.names]


# --- the violation log -----------------------------------------------------------------------


def log(community: Community, member: int, group: int, rule: int, days_ago: int, **kw: Any) -> int:
    at = datetime(2026, 3, 14, 9, 30) - timedelta(days=days_ago)
    return violations.log_violation(member, group, rule, at=at, action="warned", **kw).id


def test_filters_narrow_the_log(qtbot: Any, panel: RulesPanel, community: Community) -> None:
    c = community
    first = log(c, c.zhang, c.reading, c.ads, 40)
    log(c, c.zhang, c.running, c.politics, 10)
    log(c, c.li, c.reading, c.politics, 3)
    violations.set_handled([first])
    panel.show_tab(TAB_VIOLATIONS)
    view = panel.violation_log
    assert view.table.texts(COL_CASE) == ["#3", "#2", "#1"]  # newest first
    assert view.table.texts(COL_STATUS) == ["Open", "Open", "Handled"]
    assert view.table.cell_data(0, COL_STATUS, FOREGROUND) == WARNING_COLOUR
    assert view.table.cell_data(0, 0, Qt.ItemDataRole.FontRole).bold()  # open cases stand out
    assert view.table.cell_data(2, 0, Qt.ItemDataRole.FontRole) is None
    assert view.count_label.text() == "3 violations · 2 open"

    view.group_filter.setCurrentIndex(view.group_filter.findText("读书会"))
    assert view.table.texts(COL_CASE) == ["#3", "#1"]
    view.rule_filter.setCurrentIndex(view.rule_filter.findText("不谈政治"))
    assert view.table.texts(COL_CASE) == ["#3"]
    view.group_filter.setCurrentIndex(0)
    view.rule_filter.setCurrentIndex(0)
    view.member_filter.set_member(c.zhang)
    assert view.table.texts(COL_CASE) == ["#2", "#1"]
    view.status_filter.setCurrentIndex(view.status_filter.findText("Handled"))
    assert view.table.texts(COL_CASE) == ["#1"]
    view.status_filter.setCurrentIndex(view.status_filter.findText("All"))
    view.member_filter.set_member(None)
    view.since_edit.set_date(date(2026, 2, 10))
    assert view.table.texts(COL_CASE) == ["#3", "#2"]
    view.until_edit.set_date(date(2026, 3, 4))  # the whole day counts
    assert view.table.texts(COL_CASE) == ["#2"]
    view.until_edit.set_date(None)
    view.since_edit.set_date(None)

    picker = view.member_filter
    picker.setFocus()
    qtbot.keyClicks(picker, "lisi")
    qtbot.keyClick(picker, Qt.Key.Key_Return)  # one match: Enter takes it
    assert picker.member_id() == c.li and picker.text() == "李四"
    assert view.table.texts(COL_CASE) == ["#3"]
    picker.clear()
    qtbot.keyClicks(picker, "x")  # typing again drops the member
    assert picker.member_id() is None
    assert view.table.row_count() == 3


def test_a_case_shows_and_filters_by_its_local_day(
    panel: RulesPanel, community: Community, zone: Callable[[str], None]
) -> None:
    zone("Asia/Shanghai")
    clock.fix(datetime(2026, 3, 14, 17, 30))  # 01:30 on the 15th in Shanghai
    c = community
    violations.log_violation(c.zhang, c.reading, c.ads, at=datetime(2026, 3, 14, 20, 0))
    panel.show_tab(TAB_VIOLATIONS)
    view = panel.violation_log
    assert view.table.texts(COL_WHEN) == ["2026-03-15 04:00"]
    view.until_edit.set_date(date(2026, 3, 14))
    assert view.table.row_count() == 0
    view.until_edit.set_date(None)
    view.since_edit.set_date(date(2026, 3, 15))
    assert view.table.texts(COL_CASE) == ["#1"]


def test_the_log_shows_the_newest_cases_when_there_are_many(
    panel: RulesPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = community
    for days in (3, 2, 1):
        log(c, c.zhang, c.reading, c.ads, days)
    monkeypatch.setattr(violation_log, "SHOWN_AT_MOST", 2)
    panel.show_tab(TAB_VIOLATIONS)
    view = panel.violation_log
    assert view.table.texts(COL_CASE) == ["#3", "#2"]
    assert view.count_label.text() == "The newest 2 violations; filter to see older ones"
    view.group_filter.setCurrentIndex(view.group_filter.findText("夜跑群"))
    assert view.count_label.text() == "0 violations · 0 open"


def test_mark_handled_and_reopen(qtbot: Any, panel: RulesPanel, community: Community) -> None:
    c = community
    case = log(c, c.zhang, c.reading, c.ads, 1)
    panel.show_tab(TAB_VIOLATIONS)
    view = panel.violation_log
    view.filter_by_status("open")
    view.select_case(case)
    assert not view.reopen_button.isEnabled()
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, view.handled_button)
    assert Violation.get_by_id(case).handled_at == datetime(2026, 3, 14, 9, 30)
    assert view.table.row_count() == 0  # the open list no longer shows it
    assert view.notice.text() == "Marked 1 case handled."
    view.filter_by_status("all")
    view.select_case(case)
    click(qtbot, view.reopen_button)
    assert Violation.get_by_id(case).handled_at is None
    assert view.table.texts(COL_STATUS) == ["Open"]


def test_open_member_from_the_log(qtbot: Any, panel: RulesPanel, community: Community) -> None:
    case = log(community, community.li, community.reading, community.ads, 1)
    panel.show_tab(TAB_VIOLATIONS)
    panel.violation_log.select_case(case)
    with qtbot.waitSignal(panel.memberOpened) as opened:
        click(qtbot, panel.violation_log.open_member_button)
    assert opened.args == [community.li]


# --- the ban list ----------------------------------------------------------------------------


def test_ban_list_mark_removed_and_unban(
    qtbot: Any, panel: RulesPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = community
    tasks = bans.ban_member(c.zhang, "第三次发广告")
    panel.show_tab(TAB_BANS)
    view = panel.ban_list
    assert view.table.texts(0) == ["张三"]
    assert view.table.texts(2) == ["第三次发广告"]
    assert view.table.texts(COL_STILL_IN) == ["读书会、夜跑群"]
    assert view.table.cell_data(0, COL_STILL_IN, FOREGROUND) == WARNING_COLOUR

    reasons = iter(["", "道歉了"])

    def answer(dialog: QDialog) -> None:
        if isinstance(dialog, MarkRemovedDialog):
            combo = dialog.group_combo
            assert [combo.itemText(i) for i in range(combo.count())] == ["读书会", "夜跑群"]
            combo.setCurrentIndex(combo.findText("夜跑群"))
        else:
            assert isinstance(dialog, UnbanDialog)
            dialog.reason_edit.setText(next(reasons))
            dialog.ok_button.click()
            if dialog.result() != QDialog.DialogCode.Accepted:
                assert dialog.error.text() == "Lifting a ban needs a reason."
                dialog.reason_edit.setText(next(reasons))
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, answer)
    view.select_member(c.zhang)
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, view.removed_button)
    running_task = Task.get(Task.member == c.zhang, Task.group == c.running)
    assert running_task.id in tasks and running_task.status == "done"
    assert Task.get(Task.member == c.zhang, Task.group == c.reading).status == "open"
    assert Membership.get(member=c.zhang, group=c.running).left_at is not None
    assert view.table.texts(COL_STILL_IN) == ["读书会"]
    assert view.notice.text() == "张三 marked as removed from 夜跑群."

    click(qtbot, view.unban_button)
    assert not bans.is_banned(c.zhang)
    assert view.table.row_count() == 0
    assert view.summary.text() == "Nobody is banned."
    # the Queue agrees: nobody needs removing any more
    assert Task.get(Task.member == c.zhang, Task.group == c.reading).status == "skipped"
    assert view.notice.text() == ("张三 is no longer banned. 1 removal task closed in the queue.")


# --- the strike policy -----------------------------------------------------------------------


def test_strike_policy_is_saved_and_a_bad_ladder_is_refused_in_place(
    qtbot: Any, panel: RulesPanel
) -> None:
    panel.show_tab(TAB_POLICY)
    policy = panel.strike_policy
    assert policy.steps() == [
        LadderStep(1, "warned"),
        LadderStep(2, "muted"),
        LadderStep(3, "removed"),
    ]
    assert policy.expiry_spin.value() == 180
    step = policy.add_step()
    assert step.step() == LadderStep(4, "banned")
    policy.rows[1].action_combo.setCurrentIndex(
        policy.rows[1].action_combo.findText("Message deleted")
    )
    policy.expiry_spin.setValue(90)
    click(qtbot, policy.save_button)
    assert violations.ladder() == [
        LadderStep(1, "warned"),
        LadderStep(2, "deleted"),
        LadderStep(3, "removed"),
        LadderStep(4, "banned"),
    ]
    assert violations.expiry_days() == 90
    assert policy.saved_label.isVisible()

    policy.rows[3].strikes_spin.setValue(2)  # not above the step before it
    click(qtbot, policy.save_button)
    assert policy.error.isVisible()
    assert policy.error.text() == (
        "Each step of the ladder needs more strikes than the step before it."
    )
    assert not policy.saved_label.isVisible()
    assert violations.ladder()[-1] == LadderStep(4, "banned")  # nothing written
    click(qtbot, policy.rows[0].remove_button)
    assert [s.strikes for s in policy.steps()] == [2, 3, 2]
    click(qtbot, policy.revert_button)
    assert len(policy.steps()) == 4 and not policy.error.isVisible()


def test_ctrl_n_adds_a_rule_or_logs_a_case_by_tab(
    panel: RulesPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = answer_dialogs(monkeypatch, panel, lambda dialog: dialog.reject())
    panel.new_item()
    panel.show_tab(TAB_VIOLATIONS)
    panel.new_item()
    panel.show_tab(TAB_BANS)
    panel.new_item()
    assert [type(d).__name__ for d in seen] == ["RuleDialog", "ViolationDialog"]
