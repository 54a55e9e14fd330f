"""The Today panel: today's tasks, the groups that need attention, counts and suggestions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.core import clock, daily_plan, groups, members, tasks
from app.store.models import Interaction, Task, Tier
from app.ui.today.panel import TodayPanel
from app.ui.today.plan_box import COL_DUE, COL_TASK, COL_TICK, COL_WHERE, COL_WHY
from tests.ui.announcements import announced_by
from tests.ui.queue.test_queue_panel import answer_dialogs
from tests.ui.today.test_went_quiet_box import quiet_chats


def dying_group(now: datetime, name: str = "夜跑群") -> int:
    """A group added 70 days ago that has never had an interaction."""
    clock.fix(now - timedelta(days=70))
    group_id = groups.create_group(name, "wechat", "interest").id
    clock.fix(now)
    return group_id


def reload(qtbot: Any, panel: TodayPanel) -> None:
    """Fill the plan and reload, as the panel does after a change: off the UI thread."""
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.busy)


@pytest.fixture
def panel(qtbot: Any, now: datetime) -> TodayPanel:
    widget = TodayPanel()
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    assert not widget.loaded
    assert widget.counts_label.text() == "Loading…"
    assert not widget.no_groups.isVisibleTo(widget)  # no "every group is alive" yet
    reload(qtbot, widget)
    assert widget.loaded
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_an_overdue_task_is_listed_and_completing_it_logs_an_interaction(
    qtbot: Any, panel: TodayPanel, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    group_id = groups.create_group("读书会", "wechat", "interest").id
    task = tasks.create_task("发起本周话题", "topic", group_id, due_at=now - timedelta(days=2))
    daily_plan.set_plan_settings(1, "20:00")  # the own task only, not the group's suggestions
    reload(qtbot, panel)
    assert panel.tasks.texts(COL_TASK) == ["发起本周话题"]
    assert panel.tasks.texts(COL_WHERE) == ["读书会"]
    assert panel.tasks.texts(COL_WHY) == ["Overdue for 2 days."]
    panel.tasks.select_id(task.id)
    seen = answer_dialogs(monkeypatch, panel, lambda d: d.outcome_edit.setPlainText("12 replies"))
    with qtbot.waitSignal(**announced_by(panel)):
        qtbot.mouseClick(panel.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy)
    assert len(seen) == 1
    assert Task.get_by_id(task.id).status == "done"
    assert [i.note for i in Interaction.select()] == ["12 replies"]
    # done items stay in the plan, ticked, until the day ends
    assert panel.tasks.texts(COL_TICK) == ["✓"]
    assert panel.tasks.texts(COL_WHY) == [f"Done today at {clock.to_local(now):%H:%M}."]
    assert not panel.complete_button.isEnabled()
    assert panel.plan.summary.text().startswith("1 of 1 item done")
    assert panel.notice.text() == "Completed; the interaction is logged."


def test_a_dying_group_is_listed_with_its_reason_and_opens(
    qtbot: Any, panel: TodayPanel, now: datetime
) -> None:
    group_id = dying_group(now)
    reload(qtbot, panel)
    assert panel.groups.texts(0) == ["夜跑群"]
    assert panel.groups.texts(1) == ["Dying"]
    assert panel.groups.texts(2)[0].startswith("No interaction in the 70 days")
    rect = panel.groups.visualRect(panel.groups.rows_model.index(0, 0))
    opened: list[int] = []
    panel.groupOpened.connect(opened.append)
    qtbot.mouseClick(panel.groups.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == []  # a click selects; a double-click or Enter opens
    qtbot.mouseDClick(panel.groups.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [group_id]
    qtbot.keyClick(panel.groups, Qt.Key.Key_Return)
    assert opened == [group_id, group_id]


def test_today_is_the_local_day_and_times_read_local(
    qtbot: Any, panel: TodayPanel, zone: Callable[[str], None]
) -> None:
    zone("Asia/Shanghai")
    clock.fix(datetime(2026, 3, 14, 17, 30))  # 01:30 on the 15th in Shanghai
    tasks.create_task("今晚的话题", "topic", due_at=datetime(2026, 3, 15, 12, 0))
    tasks.create_task("明天的投票", "poll", due_at=datetime(2026, 3, 15, 16, 0))
    reload(qtbot, panel)
    assert panel.tasks.texts(COL_TASK) == ["今晚的话题"]
    assert panel.tasks.texts(COL_DUE) == ["03-15 20:00"]


def test_counts_that_matter(qtbot: Any, panel: TodayPanel, now: datetime) -> None:
    groups.create_group("读书会", "wechat", "interest")
    groups.create_group("夜跑群", "qq", "interest")
    members.create_member("张三")
    reload(qtbot, panel)
    assert panel.counts_label.text() == "2 groups · 1 member · 0 open violations"


def test_the_plan_holds_suggestions_due_at_the_working_hour_once(
    qtbot: Any, panel: TodayPanel, now: datetime
) -> None:
    dying_group(now)
    reload(qtbot, panel)  # showing Today fills its plan
    added = Task.select().count()
    assert added > 0
    assert panel.tasks.texts(COL_TASK)[0] == "Start a topic discussion in 夜跑群"
    assert panel.tasks.texts(COL_WHY)[0].startswith("No interaction in the 70 days")
    assert set(panel.tasks.texts(COL_DUE)) == {"03-14 20:00"}  # the working hour, not "now"
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy)
    assert Task.select().count() == added
    assert panel.notice.text() == "0 suggestions added to today's plan"


def test_the_plan_holds_at_most_its_size_and_more_opens_the_queue(
    qtbot: Any, panel: TodayPanel, now: datetime
) -> None:
    daily_plan.set_plan_settings(3, "20:00")
    for n in range(5):
        tasks.create_task(f"任务{n}", "custom", due_at=now - timedelta(hours=5 - n))
    dying_group(now)
    reload(qtbot, panel)
    assert panel.tasks.texts(COL_TASK) == ["任务0", "任务1", "任务2"]  # own tasks first
    assert panel.plan.summary.text() == "0 of 3 items done · 5 open tasks in the Queue · 5 overdue"
    assert not Task.select().where(Task.origin.startswith("suggested:")).exists()
    assert panel.plan.suggestions_button.text().startswith("More suggestions (")
    with qtbot.waitSignal(panel.queueRequested):
        qtbot.mouseClick(panel.plan.more_button, Qt.MouseButton.LeftButton)


def test_a_suggestion_in_the_plan_can_be_dismissed_and_opened(
    qtbot: Any, panel: TodayPanel, now: datetime
) -> None:
    group_id = dying_group(now)
    reload(qtbot, panel)
    [task_id] = [i for i in panel.tasks.ids()][:1]
    panel.tasks.select_id(task_id)
    assert panel.plan.open_button.text() == "Open group"
    opened: list[int] = []
    panel.groupOpened.connect(opened.append)
    qtbot.mouseClick(panel.plan.open_button, Qt.MouseButton.LeftButton)
    assert opened == [group_id]
    with qtbot.waitSignal(**announced_by(panel)):
        qtbot.mouseClick(panel.plan.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy)
    assert Task.get_by_id(task_id).status == "skipped"
    assert panel.tasks.row_of(task_id) == 0  # still shown, struck through, until tomorrow
    assert panel.tasks.texts(COL_TICK)[0] == "–"
    assert panel.tasks.texts(COL_WHY)[0] == f"Dismissed today at {clock.to_local(now):%H:%M}."


def test_more_suggestions_accept_and_dismiss(
    qtbot: Any, panel: TodayPanel, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    daily_plan.set_plan_settings(1, "20:00")
    tasks.create_task("自己的事", "custom", due_at=now - timedelta(hours=1))
    first = dying_group(now, "夜跑群")
    second = dying_group(now, "读书会")
    reload(qtbot, panel)
    assert panel.tasks.texts(COL_TASK) == ["自己的事"]  # the plan is full: no suggestion made
    assert not Task.select().where(Task.origin.startswith("suggested:")).exists()

    def work(dialog: Any) -> None:
        titles = dialog.table.texts(0)
        assert len(titles) >= 2 and all(t for t in dialog.table.texts(1))
        row = titles.index("Start a topic discussion in 夜跑群")
        dialog.table.selectRow(row)
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        assert dialog.notice.text() == "Added to the Queue: Start a topic discussion in 夜跑群"
        row = dialog.table.texts(0).index("Start a topic discussion in 读书会")
        dialog.table.selectRow(row)
        qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
        assert "Start a topic discussion in 读书会" not in dialog.table.texts(0)

    seen = answer_dialogs(monkeypatch, panel, work)
    with qtbot.waitSignal(**announced_by(panel)):
        qtbot.mouseClick(panel.plan.suggestions_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.busy)
    assert len(seen) == 1
    accepted = Task.get(Task.group == first, Task.origin == "suggested:silent:critical")
    evening = clock.local_at(clock.local_today(now), time(20))  # the plan's 20:00, local
    assert (accepted.status, accepted.due_at) == ("open", evening)
    dismissed = Task.get(Task.group == second, Task.origin.startswith("suggested:silent"))
    assert dismissed.status == "skipped"
    assert panel.tasks.texts(COL_TASK) == ["自己的事"]  # never in the plan


def test_empty_community_says_so(panel: TodayPanel) -> None:
    assert not panel.no_groups.isHidden()
    assert not panel.no_meetups.isHidden()
    assert not panel.complete_button.isEnabled()


def test_a_helper_opens_on_double_click_never_on_a_click(
    qtbot: Any, panel: TodayPanel, now: datetime
) -> None:
    helpers = Tier.get(Tier.rank == 2)
    clock.fix(now - timedelta(days=40))
    helper = members.create_member("王芳", tier_id=helpers.id).id
    clock.fix(now)
    reload(qtbot, panel)
    assert panel.helpers.texts(0) == ["王芳"]
    assert panel.helpers.texts(3) == ["never (helper since 02-02)"]  # 40 days ago, local
    rect = panel.helpers.visualRect(panel.helpers.rows_model.index(0, 0))
    opened: list[int] = []
    panel.memberOpened.connect(opened.append)
    qtbot.mouseClick(panel.helpers.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == []  # a click only selects: no page opens with its name to type over
    qtbot.mouseDClick(panel.helpers.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [helper]


def test_filling_the_plan_after_a_change_runs_off_the_ui_thread(
    qtbot: Any, panel: TodayPanel, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """About a second on the reference load: never on the UI thread."""
    import threading

    from app.ui.today import panel as panel_module

    threads: list[int] = []
    fill = panel_module.plan_and_gather
    monkeypatch.setattr(
        panel_module, "plan_and_gather", lambda: threads.append(threading.get_ident()) or fill()
    )
    dying_group(now)
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    assert panel.busy
    qtbot.waitUntil(lambda: not panel.busy)
    assert threads and threading.get_ident() not in threads
    assert panel.tasks.texts(COL_TASK)[0] == "Start a topic discussion in 夜跑群"


def test_nothing_is_cut_at_the_default_window_size_and_tooltips_carry_whole_texts(
    qtbot: Any, now: datetime
) -> None:
    """At the window's default size (1200 × 780: Today gets about 1010 × 740) the groups' and
    helpers' tables show every column, none behind a scroll; a text too long for its cell is
    elided there and whole in its tooltip."""
    dying_group(now, "理想汽车用户交流群北京分群")
    helpers = Tier.get(Tier.rank == 2)
    clock.fix(now - timedelta(days=40))
    members.create_member("欧阳娜娜娜", tier_id=helpers.id)
    clock.fix(now)
    widget = TodayPanel()
    qtbot.addWidget(widget)
    widget.resize(1010, 740)
    widget.show()
    qtbot.waitExposed(widget)
    reload(qtbot, widget)
    for table in (widget.groups, widget.helpers):
        columns = table.model().columnCount()
        assert sum(table.columnWidth(c) for c in range(columns)) <= table.viewport().width()
        assert table.horizontalScrollBar().maximum() == 0
        assert all(table.columnWidth(c) >= 40 for c in range(columns))
    why = widget.groups.cell_data(0, 2, Qt.ItemDataRole.ToolTipRole)
    assert why.endswith(widget.groups.texts(2)[0])  # the whole sentence
    assert widget.groups.texts(2)[0].startswith("No interaction in the 70 days")
    assert widget.groups.cell_data(0, 0, Qt.ItemDataRole.ToolTipRole).startswith(
        "理想汽车用户交流群北京分群"
    )
    tip = widget.helpers.cell_data(0, 3, Qt.ItemDataRole.ToolTipRole)
    assert "never (helper since 02-02)" in tip and "欧阳娜娜娜" in tip
    where = widget.plan.table.cell_data(0, COL_WHERE, Qt.ItemDataRole.ToolTipRole)
    assert where == "理想汽车用户交流群北京分群"


def test_every_item_of_a_full_plan_shows_without_scrolling(
    qtbot: Any, now: datetime, tmp_path: Path
) -> None:
    """At the window's default size, with groups, helpers and people who went quiet below it,
    the plan's eight items all show: the plan leads; the tables below scroll instead."""
    for i in range(10):
        tasks.create_task(f"回访 {i}", due_at=now + timedelta(hours=1))
    for i in range(8):
        dying_group(now, f"群{i}")
    quiet_chats(tmp_path)  # five who went quiet, listed below
    widget = TodayPanel()
    qtbot.addWidget(widget)
    widget.resize(1010, 740)
    widget.show()
    qtbot.waitExposed(widget)
    reload(qtbot, widget)
    table = widget.plan.table
    assert table.row_count() == 8 and len(widget.quiet.buttons) == 5
    assert table.verticalScrollBar().maximum() == 0
    last = table.visualRect(table.model().index(7, COL_TASK))
    assert last.bottom() <= table.viewport().height()
    # and nothing of the plan is drawn over it: its buttons sit below the table, whole
    assert widget.no_meetups.isVisible()  # a wrapped hint in the row, as in a new community
    button = widget.plan.suggestions_button
    below = table.mapTo(widget, table.rect().bottomLeft()).y()
    assert button.mapTo(widget, button.rect().topLeft()).y() > below
    assert widget.plan.height() >= widget.plan.minimumSizeHint().height()
