"""The Pyramid panel driven as a person would: choose a group, log care, decide suggestions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from app.core import candidates, care, clock, memberships, settings, suggested_tasks
from app.core import members as core
from app.core.groups import create_group
from app.core.tiers import list_tiers
from app.store.models import (
    Attendance,
    Interaction,
    Meetup,
    Member,
    SuggestionDismissal,
    Task,
    TierChange,
    db,
)
from app.ui.pyramid.care_table import COL_CONTACTED, COL_NAME, COL_OVERDUE, COL_RECOGNISED
from app.ui.pyramid.panel import TAB_CARE, TAB_DEMOTE, TAB_PROMOTE, PyramidPanel
from app.ui.pyramid.span_table import COL_PER_HELPER
from app.ui.pyramid.tier_dialogs import CareNoteDialog, ChangeTierDialog
from app.ui.pyramid.tier_move_dialog import TierMoveDialog
from app.ui.widgets.read_only_table import WARNING_COLOUR
from tests.ui.announcements import announced_by
from tests.ui.driving import answer_dialogs, click

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


@dataclass
class Community:
    reading: int
    running: int
    zhang: int  # helper, checked in 30 days ago
    li: int  # helper, checked in 5 days ago
    wang: int  # core, never contacted, seen 10 days ago
    zhao: int  # bottom tier, 2 meetups, 120 days: a promotion candidate; admin of reading
    sun: int  # bottom tier star, new: a promotion candidate by star
    zhou: int  # helper silent for 60 days: a demotion candidate


def member(name: str, tier_rank: int, days_ago: int, **fields: Any) -> int:
    tier = list_tiers()[tier_rank - 1]
    member_id = core.create_member(name, tier_id=tier.id, **fields).id
    Member.update(first_seen=datetime(2026, 3, 14, 9, 30) - timedelta(days=days_ago)).where(
        Member.id == member_id
    ).execute()
    return member_id


def attend(member_id: int, meetups: int, now: datetime) -> None:
    for n in range(meetups):
        start = now - timedelta(days=30 * (n + 1))
        meetup = Meetup.create(title=f"读书分享会 {n}", start_at=start, end_at=start)
        Attendance.create(meetup=meetup, member=member_id, rsvp="going", rsvp_at=start, attended=1)


@pytest.fixture
def community(now: datetime) -> Community:
    reading = create_group("读书会").id
    running = create_group("夜跑群", platform="qq").id
    people = Community(
        reading=reading,
        running=running,
        zhang=member("张三", 2, 200),
        li=member("李四", 2, 200),
        wang=member("王五", 1, 10),
        zhao=member("赵六", 4, 120),
        sun=member("孙七", 4, 0, star=True),
        zhou=member("周八", 2, 60),
    )
    care.log_checkin(people.zhang, "聊了读书会", now=now - timedelta(days=30))
    care.log_checkin(people.li, "约了夜跑", now=now - timedelta(days=5))
    memberships.add_membership(people.zhang, reading)
    memberships.add_membership(people.zhao, reading, role="admin")
    memberships.add_membership(people.sun, reading)
    memberships.add_membership(people.li, running)
    attend(people.zhao, 2, now)
    return people


@pytest.fixture
def panel(qtbot: Any, community: Community) -> PyramidPanel:
    widget = PyramidPanel()
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def button(parent: QWidget, name: str) -> QPushButton:
    found = parent.findChild(QPushButton, name)
    assert found is not None, name
    return found


def care_names(panel: PyramidPanel) -> list[str]:
    return [text.removeprefix("★ ") for text in panel.care.table.texts(COL_NAME)]


def select(table: Any, name: str) -> None:
    for row, text in enumerate(table.texts(0)):
        if text.removeprefix("★ ") == name:
            table.selectRow(row)
            return
    raise AssertionError(f"{name} is not listed")


@contextmanager
def counting_queries() -> Iterator[list[str]]:
    """Every SQL statement run inside the block."""
    statements: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        connection.set_trace_callback(None)


# --- the pyramid ---------------------------------------------------------------------------


def test_the_chart_counts_every_tier_and_follows_the_group_chosen(panel: PyramidPanel) -> None:
    assert panel.chart.toolTip().splitlines() == [
        "Core: 1 (17%)",
        "Helpers: 3 (50%)",
        "Active: 0 (0%)",
        "Members: 2 (33%)",
    ]
    assert panel.total_label.text() == "6 active members"
    combo = panel.group_combo
    assert combo.objectName() == "pyramidGroup"
    assert [combo.itemText(i) for i in range(combo.count())] == ["All groups", "读书会", "夜跑群"]
    combo.setCurrentIndex(combo.findText("读书会"))
    # 赵六 is an admin of 读书会: counted with the helpers there
    assert [b.count for b in panel.chart.bands()] == [0, 2, 0, 1]
    assert panel.total_label.text() == "3 active members"
    combo.setCurrentIndex(0)
    assert [b.count for b in panel.chart.bands()] == [1, 3, 0, 2]


def test_movement_this_month_and_last_month(
    panel: PyramidPanel, community: Community, now: datetime
) -> None:
    helpers, active = list_tiers()[1], list_tiers()[2]
    core.set_tier([community.zhao, community.sun], helpers.id, "带新人")
    core.set_tier([community.zhou], active.id, "很久没联系")
    panel.refresh()
    this_up, this_held, this_down = (label.text() for label in panel.movement_labels["this"])
    assert (this_up, this_held, this_down) == ("2", "3", "1")
    assert [label.text() for label in panel.movement_labels["last"]] == ["0", "6", "0"]


def test_spans_flag_groups_over_the_target_and_without_a_helper(
    qtbot: Any, panel: PyramidPanel, community: Community
) -> None:
    big = create_group("摄影爱好者").id
    for n in range(55):
        memberships.add_membership(core.create_member(f"摄影{n}").id, big)
    panel.refresh()
    table = panel.span_box.table
    assert table.texts(0)[0] == "摄影爱好者"
    assert table.cell_data(0, COL_PER_HELPER) == "no helper"
    assert table.cell_data(0, COL_PER_HELPER, FOREGROUND) == WARNING_COLOUR
    assert "1 group(s) over the target" not in panel.span_box.summary.text()
    # 读书会: 3 members, 2 helpers; with a target of 1 it is over
    panel.span_box.target_spin.setValue(1)
    panel.span_box.target_spin.editingFinished.emit()
    assert settings.get("helper_span_target") == 1
    row = table.row_of(community.reading)
    assert table.cell_data(row, COL_PER_HELPER) == "2"
    assert table.cell_data(row, COL_PER_HELPER, FOREGROUND) == WARNING_COLOUR
    assert table.cell_data(row, COL_PER_HELPER, TOOLTIP).startswith("Over the target of 1")


# --- helper care ---------------------------------------------------------------------------


def test_care_list_is_sorted_most_overdue_first(panel: PyramidPanel) -> None:
    assert care_names(panel) == ["周八", "张三", "王五", "李四"]
    overdue = panel.care.table.texts(COL_OVERDUE)
    assert overdue[0].startswith("46 day")
    assert overdue[3].startswith("due in 9 day")
    assert panel.care.table.cell_data(0, COL_OVERDUE, FOREGROUND) == WARNING_COLOUR
    # 王五, never contacted, first seen 10 days ago (no tier change): counted from then
    assert panel.care.table.cell_data(2, COL_CONTACTED) == "never (helper since 03-04)"


def test_logging_a_check_in_moves_the_member_down_the_list(
    qtbot: Any, panel: PyramidPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, CareNoteDialog)
        assert dialog.windowTitle() == "Check in with 周八"
        dialog.note_edit.insertPlainText("聊了下个月的读书会")
        dialog.ok_button.click()

    seen = answer_dialogs(monkeypatch, panel, fill)
    select(panel.care.table, "周八")
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, panel.care.checkin_button)
    assert len(seen) == 1
    logged = Interaction.get(Interaction.member == community.zhou)
    assert (logged.kind, logged.note) == ("checkin", "聊了下个月的读书会")
    assert care_names(panel)[-1] == "周八"
    assert panel.care.current_id() == community.zhou
    assert panel.care.table.texts(COL_CONTACTED)[-1] == "2026-03-14"


def test_logging_a_check_in_closes_the_helpers_check_in_task(
    qtbot: Any, panel: PyramidPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    suggested_tasks.refresh_suggestions()
    task = Task.get(Task.member == community.zhou, Task.origin == "suggested:checkin")
    row = panel.care.table.row_of(community.zhou)
    assert panel.care.table.cell_data(row, COL_OVERDUE).startswith("46 day")

    def fill(dialog: QDialog) -> None:
        dialog.note_edit.insertPlainText("问了夜跑路线")
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, fill)
    select(panel.care.table, "周八")
    click(qtbot, panel.care.checkin_button)
    closed = Task.get_by_id(task.id)
    assert (closed.status, closed.outcome) == ("done", "问了夜跑路线")
    row = panel.care.table.row_of(community.zhou)
    assert panel.care.table.cell_data(row, COL_OVERDUE) == "due in 14 days"
    assert Task.get(Task.member == community.zhang, Task.origin == "suggested:checkin").status == (
        "open"
    )


def test_logging_recognition_writes_its_kind(
    qtbot: Any, panel: PyramidPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, CareNoteDialog)
        combo = dialog.how_combo
        assert [combo.itemText(i) for i in range(combo.count())] == [
            "Public thanks",
            "A title or role",
            "A gift",
            "Other",
        ]
        combo.setCurrentIndex(combo.findText("A gift"))
        dialog.note_edit.insertPlainText("送了书签")
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, fill)
    select(panel.care.table, "张三")
    click(qtbot, panel.care.recognise_button)
    recognition = Interaction.get(
        (Interaction.member == community.zhang) & (Interaction.kind == "recognition")
    )
    assert care.split_recognition(recognition.note) == ("gift", "送了书签")
    row = panel.care.table.row_of(community.zhang)
    assert panel.care.table.cell_data(row, COL_RECOGNISED) == "2026-03-14"


def test_an_overlong_note_is_refused_in_the_dialog(
    qtbot: Any, panel: PyramidPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        dialog.note_edit.setPlainText("话" * 1001)
        dialog.ok_button.click()
        assert dialog.error.isVisibleTo(dialog)
        assert "at most 1000 characters" in dialog.error.text()

    seen = answer_dialogs(monkeypatch, panel, fill)
    select(panel.care.table, "张三")
    click(qtbot, panel.care.checkin_button)
    assert seen and seen[0].result() != QDialog.DialogCode.Accepted
    assert Interaction.select().where(Interaction.member == community.zhang).count() == 1


def test_star_toggle(qtbot: Any, panel: PyramidPanel, community: Community) -> None:
    select(panel.care.table, "李四")
    star = panel.care.star_button
    assert not star.isChecked()
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, star)
    assert Member.get_by_id(community.li).star
    assert "★ 李四" in panel.care.table.texts(COL_NAME)
    assert star.isChecked()
    click(qtbot, star)
    assert not Member.get_by_id(community.li).star


def test_set_tier_from_the_care_list_with_a_reason(
    qtbot: Any, panel: PyramidPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    core_tier = list_tiers()[0]

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ChangeTierDialog)
        assert dialog.from_label.text() == "2 · Helpers"
        dialog.tier_combo.setCurrentIndex(dialog.tier_combo.findData(core_tier.id))
        dialog.reason_edit.insert("组织了三次线下活动")
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, fill)
    select(panel.care.table, "张三")
    click(qtbot, panel.care.tier_button)
    change = TierChange.get(TierChange.member == community.zhang)
    assert (change.to_tier_id, change.reason) == (core_tier.id, "组织了三次线下活动")
    assert [b.count for b in panel.chart.bands()][:2] == [2, 2]


def test_open_member_emits_its_id(qtbot: Any, panel: PyramidPanel, community: Community) -> None:
    select(panel.care.table, "王五")
    with qtbot.waitSignal(panel.memberOpened) as opened:
        click(qtbot, panel.care.open_button)
    assert opened.args == [community.wang]


# --- suggestions ---------------------------------------------------------------------------


def test_promotion_candidates_accept_and_dismiss(
    qtbot: Any,
    panel: PyramidPanel,
    community: Community,
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TierMoveDialog)
        assert dialog.windowTitle() == "Promote 赵六"
        assert dialog.from_label.text() == "4 · Members"
        assert dialog.to_combo.currentText() == "3 · Active"  # one tier up, not to the helpers
        assert [dialog.to_combo.itemText(i) for i in range(dialog.to_combo.count())] == [
            "3 · Active",
            "2 · Helpers",
            "1 · Core",
        ]
        assert dialog.reason_edit.text() == (
            "Suggested for promotion: 2 meetups attended, member for 120 days, "
            "no strike in 180 days"
        )
        dialog.reason_edit.setText("每次读书会都来")
        dialog.ok_button.click()

    seen = answer_dialogs(monkeypatch, panel, fill)
    panel.tabs.setCurrentIndex(TAB_PROMOTE)
    view = panel.promote
    assert view.accept_button.text() == "Promote…"
    assert [t.removeprefix("★ ") for t in view.table.texts(0)] == ["赵六", "孙七"]
    assert view.table.texts(2)[0] == (
        "2 meetups attended, member for 120 days, no strike in 180 days"
    )
    assert view.table.texts(2)[1] == "no strike in 180 days, star member"
    select(view.table, "赵六")
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, view.accept_button)
    assert len(seen) == 1
    assert Member.get_by_id(community.zhao).tier_id == list_tiers()[2].id
    change = TierChange.get(TierChange.member == community.zhao)
    assert (change.from_tier_id, change.reason) == (list_tiers()[3].id, "每次读书会都来")
    assert view.notice.text() == "赵六 moved from “Members” to “Active”."
    assert [t.removeprefix("★ ") for t in view.table.texts(0)] == ["赵六", "孙七"]
    assert view.table.texts(1)[0] == "Active"
    assert [b.count for b in panel.chart.bands()][2] == 1

    select(view.table, "孙七")
    click(qtbot, view.dismiss_button)
    assert [t.removeprefix("★ ") for t in view.table.texts(0)] == ["赵六"]
    dismissal = SuggestionDismissal.get(SuggestionDismissal.member == community.sun)
    assert (dismissal.kind, dismissal.until) == ("promotion", now + timedelta(days=90))


def test_promote_to_a_tier_the_operator_picks_or_cancel(
    qtbot: Any, panel: PyramidPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["cancel", "helpers"])

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TierMoveDialog)
        if next(answers) == "cancel":
            dialog.reject()
            return
        dialog.to_combo.setCurrentIndex(dialog.to_combo.findText("2 · Helpers"))
        dialog.reason_edit.clear()  # the reason is optional
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, fill)
    panel.tabs.setCurrentIndex(TAB_PROMOTE)
    view = panel.promote
    select(view.table, "孙七")
    click(qtbot, view.accept_button)
    assert TierChange.select().where(TierChange.member == community.sun).count() == 0
    click(qtbot, view.accept_button)
    assert Member.get_by_id(community.sun).tier_id == list_tiers()[1].id
    change = TierChange.get(TierChange.member == community.sun)
    assert change.reason == "Promotion suggested: no strike in 180 days, star member"
    assert [t.removeprefix("★ ") for t in view.table.texts(0)] == ["赵六"]


def test_a_new_attendance_brings_a_candidate(panel: PyramidPanel, now: datetime) -> None:
    newcomer = member("吴九", 3, 100)
    panel.tabs.setCurrentIndex(TAB_PROMOTE)
    assert "吴九" not in panel.promote.table.texts(0)
    attend(newcomer, 2, now)
    panel.refresh()
    assert "吴九" in panel.promote.table.texts(0)


def test_changing_the_criteria_changes_the_list(qtbot: Any, panel: PyramidPanel) -> None:
    panel.tabs.setCurrentIndex(TAB_PROMOTE)
    box = panel.promote.criteria_box
    assert box is not None
    assert (box.meetups_spin.value(), box.days_spin.value(), box.strike_spin.value()) == (
        2,
        90,
        180,
    )
    assert box.star_check.isChecked()
    box.meetups_spin.setValue(3)
    box.star_check.setChecked(False)
    click(qtbot, box.save_button)
    assert panel.promote.table.row_count() == 0
    box.meetups_spin.setValue(2)
    box.days_spin.setValue(200)
    click(qtbot, box.save_button)
    assert panel.promote.table.row_count() == 0
    box.days_spin.setValue(100)
    click(qtbot, box.save_button)
    assert panel.promote.table.texts(0) == ["赵六"]


def test_demotion_candidates_accept_and_dismiss(
    qtbot: Any, panel: PyramidPanel, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TierMoveDialog)
        assert (dialog.windowTitle(), dialog.from_label.text()) == ("Demote 周八", "2 · Helpers")
        assert dialog.to_combo.currentText() == "3 · Active"
        assert dialog.reason_edit.text() == "Suggested for demotion: no contact for 60 days"
        dialog.ok_button.click()

    answer_dialogs(monkeypatch, panel, fill)
    panel.tabs.setCurrentIndex(TAB_DEMOTE)
    view = panel.demote
    assert view.table.texts(0) == ["周八"]
    assert [t for t in view.table.texts(2)] == ["no contact for 60 days"]
    select(view.table, "周八")
    click(qtbot, view.dismiss_button)
    assert view.table.row_count() == 0
    SuggestionDismissal.delete().execute()
    panel.refresh()
    select(view.table, "周八")
    with qtbot.waitSignal(**announced_by(panel)):
        click(qtbot, view.accept_button)
    assert Member.get_by_id(community.zhou).tier_id == list_tiers()[2].id
    change = TierChange.get(TierChange.member == community.zhou)
    assert change.reason == "Suggested for demotion: no contact for 60 days"
    assert view.notice.text() == "周八 moved from “Helpers” to “Active”."
    panel.tabs.setCurrentIndex(TAB_CARE)
    assert "周八" not in care_names(panel)


def test_a_member_just_promoted_is_not_offered_for_demotion(
    qtbot: Any, panel: PyramidPanel, community: Community, now: datetime
) -> None:
    candidates.accept_promotion(community.zhao, to_tier_id=list_tiers()[1].id)
    clock.fix(now + timedelta(days=59))  # silent for far longer than 3 × 14 days
    panel.refresh()
    panel.tabs.setCurrentIndex(TAB_DEMOTE)
    assert "赵六" not in panel.demote.table.texts(0)
    clock.fix(now + timedelta(days=61))  # the 60-day margin has passed
    panel.refresh()
    assert "赵六" in panel.demote.table.texts(0)


# --- speed ---------------------------------------------------------------------------------


def test_refresh_runs_the_same_queries_whatever_the_number_of_helpers(
    panel: PyramidPanel,
) -> None:
    with counting_queries() as before:
        panel.refresh()
    helpers = list_tiers()[1]
    for n in range(30):
        member(f"骨干{n}", 2, 100)
    core.set_tier([m.id for m in Member.select()], helpers.id)
    with counting_queries() as after:
        panel.refresh()
    assert len(after) == len(before)
    assert len(before) < 25


def test_every_table_model_passes_the_model_tester(qtmodeltester: Any, panel: PyramidPanel) -> None:
    for tab in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(tab)
    for table in (
        panel.care.table,
        panel.promote.table,
        panel.demote.table,
        panel.tiers.table,
        panel.span_box.table,
    ):
        assert table.row_count() > 0, table.objectName()
        qtmodeltester.check(table.rows_model)


def test_building_the_panel_reads_nothing(qtbot: Any, community: Community) -> None:
    with counting_queries() as statements:
        widget = PyramidPanel()
        qtbot.addWidget(widget)
    assert statements == []


def test_unsaved_criteria_survive_a_refresh(qtbot: Any, panel: PyramidPanel) -> None:
    panel.tabs.setCurrentIndex(TAB_PROMOTE)
    box = panel.promote.criteria_box
    assert box is not None
    box.meetups_spin.setValue(5)
    panel.refresh()
    assert box.meetups_spin.value() == 5
    click(qtbot, box.save_button)
    assert panel.promote.table.texts(0) == ["★ 孙七"]  # only the star still qualifies
