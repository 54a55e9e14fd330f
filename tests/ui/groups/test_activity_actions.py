"""The activity findings' buttons on a group's Health tab, as a person uses them: ads standing
→ one "Log violation…" per sender (the violation dialog prefilled, the strike ladder as
usual); newcomers silent → the welcome task; activity falling → a topic, or reach-out tasks
(the most active first); soul figure → star / invite to helpers. The group's chat history is
a ChatLab export imported as a person would."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDialog, QLabel

from app.core import activity, clock, health, rules, strikes, undo
from app.store.models import Member, Task, TierChange, Violation
from app.ui.groups.activity_action_dialogs import ReachOutDialog, WelcomeDialog, checked_ids
from app.ui.groups.health_action_dialogs import TopicDialog
from app.ui.groups.panel import GroupsPanel
from app.ui.groups.person_action_dialogs import AdSendersDialog, SoulDialog
from app.ui.widgets.violation_dialog import ViolationDialog
from tests.core.chat_samples import ChatLog
from tests.ui.driving import answer_dialogs, click
from tests.ui.groups.test_groups_panel import click_group

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")
AD = "加微信 abc12345 领取优惠券"


def today() -> date:
    return clock.local_today()


def member_id(name: str) -> int:
    return int(Member.get(Member.name == name).id)


@pytest.fixture
def group(now: datetime, tmp_path: Path) -> int:
    """读书会 from its chat: falling (100 messages a week, 3 in the last four), two ad senders,
    three who went quiet, ten silent newcomers and a soul figure (王芳)."""
    log = ChatLog()
    mondays = activity.week_starts()
    for week in range(9, 25):
        log.say("20020", "老会员", mondays[week], 100 if week < 21 else 3)
    start = today() - timedelta(days=29)
    log.every_day("20001", "王芳", start, start + timedelta(days=9), 3)
    log.say("20002", "李雷", today() - timedelta(days=3), text=AD)
    log.say("20003", "韩梅", today() - timedelta(days=2), text="兼职刷单 http://x.cn/a 返利")
    log.say("20003", "韩梅", today() - timedelta(days=1), text="扫码领取 http://x.cn/b 优惠券")
    before = today() - timedelta(days=31)
    for qq, name, count in (("20011", "赵一", 12), ("20012", "钱二", 40), ("20013", "孙三", 25)):
        log.say(qq, name, before, count)
    for i in range(10):
        log.join(f"新人{i}", today() - timedelta(days=10 + i))
    group_id = log.imported(tmp_path)
    rules.adopt_rule(group_id, rules.create_rule("不发广告", strike_points=1).id)
    return group_id


@pytest.fixture
def panel(qtbot: Any, group: int) -> GroupsPanel:
    """The group's page on its Health tab, with the activity findings shown."""
    codes = {f.code for f in health.group_health(group).findings}
    assert {"activity_falling", "ads_standing", "newcomers_silent", "soul_figure"} <= codes
    widget = GroupsPanel()
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    click_group(qtbot, widget, "读书会")
    return widget


def test_each_activity_finding_has_its_buttons(panel: GroupsPanel) -> None:
    buttons = panel.page.health_tab.buttons
    assert {a: buttons[a].text() for a in buttons if a in {
        "log_ads", "topic", "reach_out", "welcome_newcomers", "star_helpers"}} == {
        "log_ads": "Log violations…",
        "topic": "Schedule a topic",
        "reach_out": "Reach out",
        "welcome_newcomers": "Welcome the newcomers",
        "star_helpers": "Mark as star / invite to helpers",
    }  # fmt: skip
    # activity falling offers both of its actions in its row
    assert buttons["topic"].parent() is buttons["reach_out"].parent()


def test_ads_standing_logs_one_violation_per_sender_through_the_prefilled_dialog(
    qtbot: Any, panel: GroupsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    li, han = member_id("李雷"), member_id("韩梅")

    def log_han(inner: QDialog) -> None:
        assert isinstance(inner, ViolationDialog)
        assert inner.member_id() == han and inner.group_combo.currentText() == "读书会"
        evidence = inner.evidence_edit.toPlainText().splitlines()
        assert len(evidence) == 2 and "兼职刷单" in evidence[0] and "扫码领取" in evidence[1]
        assert inner.rule_combo.currentText() == "不发广告"
        assert inner.suggestion_label.text().startswith("Strike 1 of the ladder")
        inner.ok_button.click()

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, AdSendersDialog)
        names = [w.text() for w in dialog.findChildren(QLabel, "adSenderName")]
        assert names == ["韩梅 (2 messages)", "李雷 (1 message)"]  # newest first
        answer_dialogs(monkeypatch, dialog, log_han)
        click(qtbot, dialog.buttons[0])
        assert not dialog.buttons[0].isEnabled() and dialog.buttons[1].isEnabled()
        assert dialog.states[0].text().startswith("✓ Logged case #")
        dialog.close_button.click()

    answer_dialogs(monkeypatch, panel.page, answer)
    click(qtbot, panel.page.health_tab.buttons["log_ads"])
    (violation,) = Violation.select()
    assert violation.member_id == han and "扫码领取" in violation.evidence
    assert violation.rule.title == "不发广告" and violation.action == strikes.action_for(1)
    assert not Violation.select().where(Violation.member == li).exists()
    label = panel.page.health_tab.confirmations.get("log_ads")
    text = label.text() if label is not None else panel.page.health_tab.notice.text()
    assert text == "✓ Violations logged for 1 sender"


def test_closing_the_ads_dialog_without_logging_changes_nothing(
    qtbot: Any, panel: GroupsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_dialogs(monkeypatch, panel.page, lambda d: d.close_button.click())
    click(qtbot, panel.page.health_tab.buttons["log_ads"])
    assert Violation.select().count() == 0
    assert panel.page.health_tab.confirmations["log_ads"].isHidden()


def at(day: date, hour: int) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


def test_newcomers_silent_queues_one_welcome_naming_them(
    qtbot: Any, panel: GroupsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, WelcomeDialog)
        assert dialog.people.count() == 10 and len(checked_ids(dialog.people)) == 10
        assert dialog.people.item(0).text().startswith("新人9 — joined ")  # earliest first
        for row in range(2, 10):  # welcome two of them
            dialog.people.item(row).setCheckState(Qt.CheckState.Unchecked)
        dialog.due_edit.setDateTime(at(today() + timedelta(days=1), 21))
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel.page, answer)
    click(qtbot, panel.page.health_tab.buttons["welcome_newcomers"])
    task = Task.get()
    assert task.title == "Welcome the newcomers of 读书会: 新人9、新人8"
    assert task.kind == "welcome" and task.due_at == clock.local_at(
        today() + timedelta(days=1), datetime.min.time().replace(hour=21)
    )
    when = (today() + timedelta(days=1)).strftime("%m-%d")
    confirmation = panel.page.health_tab.confirmations["welcome_newcomers"]
    assert confirmation.text() == f"✓ Welcome queued for {when} 21:00"


def test_falling_reaches_out_to_who_went_quiet_most_active_first(
    qtbot: Any, panel: GroupsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, ReachOutDialog)
        rows = [dialog.people.item(i).text() for i in range(dialog.people.count())]
        assert [r.split(" — ")[0] for r in rows] == ["钱二", "孙三", "赵一"]
        assert rows[0].startswith("钱二 — 40 messages before, last ")
        dialog.people.item(1).setCheckState(Qt.CheckState.Unchecked)
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel.page, answer)
    click(qtbot, panel.page.health_tab.buttons["reach_out"])
    made = list(Task.select().order_by(Task.id))
    assert [t.title for t in made] == ["Reach out to 钱二 (读书会)", "Reach out to 赵一 (读书会)"]
    assert panel.page.health_tab.confirmations["reach_out"].text() == ("✓ 2 reach-out tasks queued")
    click(qtbot, panel.page.health_tab.buttons["reach_out"])  # again: none doubled
    assert Task.select().count() == 2
    assert panel.page.health_tab.confirmations["reach_out"].text() == (
        "✓ 0 reach-out tasks queued (2 already queued)"
    )


def test_falling_schedules_a_topic_as_one_undoable_step(
    qtbot: Any, panel: GroupsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    undo.forget()
    undo.enable()
    try:
        answer_dialogs(
            monkeypatch, panel.page, lambda d: isinstance(d, TopicDialog) and d.ok_button.click()
        )
        click(qtbot, panel.page.health_tab.buttons["topic"])
        assert Task.get().kind == "topic"
        step = undo.can_undo()
        assert step is not None and (step.kind, step.place) == ("schedule_topic", "读书会")
        undo.undo()
        assert Task.select().count() == 0
    finally:
        undo.enable(False)
        undo.forget()


def test_soul_figure_star_and_invite_to_helpers(
    qtbot: Any, panel: GroupsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    wang = member_id("王芳")

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, SoulDialog)
        assert [s.name for s in dialog.souls] == ["王芳"]
        click(qtbot, dialog.star_buttons[0])
        assert not dialog.star_buttons[0].isEnabled()
        click(qtbot, dialog.invite_buttons[0])
        assert not dialog.invite_buttons[0].isEnabled()
        assert dialog.states[0].text() == "✓ 王芳 moved to Helpers"
        dialog.close_button.click()

    answer_dialogs(monkeypatch, panel.page, answer)
    click(qtbot, panel.page.health_tab.buttons["star_helpers"])
    member = Member.get_by_id(wang)
    assert member.star and member.tier.name == "Helpers"
    assert TierChange.get().reason == "Soul figure of 读书会: invited to the helpers"
    assert panel.page.health_tab.confirmations["star_helpers"].text() == ("✓ 王芳 moved to Helpers")
