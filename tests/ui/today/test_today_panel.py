"""The Today panel: today's tasks, the groups that need attention, counts and suggestions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.core import clock, groups, members, tasks
from app.store.models import Interaction, Task, Tier
from app.ui.today.panel import TodayPanel
from tests.ui.announcements import announced_by
from tests.ui.queue.test_queue_panel import answer_dialogs


def dying_group(now: datetime, name: str = "夜跑群") -> int:
    """A group added 70 days ago that has never had an interaction."""
    clock.fix(now - timedelta(days=70))
    group_id = groups.create_group(name, "wechat", "interest").id
    clock.fix(now)
    return group_id


@pytest.fixture
def panel(qtbot: Any, now: datetime) -> TodayPanel:
    widget = TodayPanel()
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    assert not widget.loaded
    assert widget.counts_label.text() == "Loading…"
    assert not widget.no_groups.isVisibleTo(widget)  # no "every group is alive" yet
    widget.refresh()
    assert widget.loaded
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_an_overdue_task_is_listed_and_completing_it_logs_an_interaction(
    qtbot: Any, panel: TodayPanel, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    group_id = groups.create_group("读书会", "wechat", "interest").id
    task = tasks.create_task("发起本周话题", "topic", group_id, due_at=now - timedelta(days=2))
    panel.refresh()
    assert panel.tasks.texts(1) == ["发起本周话题"]
    assert panel.tasks.texts(2) == ["读书会"]
    panel.tasks.select_id(task.id)
    seen = answer_dialogs(monkeypatch, panel, lambda d: d.outcome_edit.setPlainText("12 replies"))
    with qtbot.waitSignal(**announced_by(panel)):
        qtbot.mouseClick(panel.complete_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    assert Task.get_by_id(task.id).status == "done"
    assert [i.note for i in Interaction.select()] == ["12 replies"]
    assert panel.tasks.row_count() == 0
    assert not panel.no_tasks.isHidden()
    assert panel.notice.text() == "Completed; the interaction is logged."


def test_a_dying_group_is_listed_with_its_reason_and_opens(
    qtbot: Any, panel: TodayPanel, now: datetime
) -> None:
    group_id = dying_group(now)
    panel.refresh()
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
    panel: TodayPanel, zone: Callable[[str], None]
) -> None:
    zone("Asia/Shanghai")
    clock.fix(datetime(2026, 3, 14, 17, 30))  # 01:30 on the 15th in Shanghai
    tasks.create_task("今晚的话题", "topic", due_at=datetime(2026, 3, 15, 12, 0))
    tasks.create_task("明天的投票", "poll", due_at=datetime(2026, 3, 15, 16, 0))
    panel.refresh()
    assert panel.tasks.texts(1) == ["今晚的话题"]
    assert panel.tasks.texts(0) == ["03-15 20:00"]


def test_counts_that_matter(panel: TodayPanel, now: datetime) -> None:
    groups.create_group("读书会", "wechat", "interest")
    groups.create_group("夜跑群", "qq", "interest")
    members.create_member("张三")
    panel.refresh()
    assert panel.counts_label.text() == "2 groups · 1 member · 0 open violations"


def test_refresh_suggestions_adds_tasks_once(qtbot: Any, panel: TodayPanel, now: datetime) -> None:
    dying_group(now)
    panel.refresh()
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    added = Task.select().count()
    assert added > 0
    assert panel.notice.text().startswith(f"{added} suggestion")
    assert "夜跑群" in " ".join(t.title for t in Task.select())
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    assert Task.select().count() == added
    assert panel.notice.text() == "0 suggestions added to the queue"


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
    panel.refresh()
    assert panel.helpers.texts(0) == ["王芳"]
    rect = panel.helpers.visualRect(panel.helpers.rows_model.index(0, 0))
    opened: list[int] = []
    panel.memberOpened.connect(opened.append)
    qtbot.mouseClick(panel.helpers.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == []  # a click only selects: no page opens with its name to type over
    qtbot.mouseDClick(panel.helpers.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [helper]
