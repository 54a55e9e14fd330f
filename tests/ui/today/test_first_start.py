"""A first start on a community with many findings: the plan fills, the rest waits as a list,
and the Queue's badge counts only what a person can do today."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core import clock, daily_plan, groups, members, suggested_tasks
from app.store.models import Task, Tier
from app.ui.jobs import _RUNNING
from app.ui.navigation import QUEUE


def test_a_first_start_plans_a_few_suggestions_and_the_badge_counts_them(
    qtbot: Any, database: Path, now: datetime
) -> None:
    from app.ui.main_window import MainWindow

    clock.fix(now - timedelta(days=70))
    for n in range(6):
        groups.create_group(f"沉默群{n}", "wechat", "interest")  # silent, no rules, no profile
    helpers = Tier.get(Tier.rank == 2).id
    for n in range(4):
        members.create_member(f"骨干{n}", tier_id=helpers)  # never contacted, 70 days
    clock.fix(now)
    daily_plan.set_plan_settings(3, "20:00")
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.start.done and not _RUNNING, timeout=20_000)
    suggested = Task.select().where(Task.origin.startswith("suggested:"), Task.status == "open")
    assert suggested.count() == 3  # the plan's size, not one per finding and helper
    assert {t.due_at for t in suggested} == {clock.local_at(clock.local_today(now), time(20))}
    qtbot.waitUntil(lambda: window.navigation.item(QUEUE).text() == "Queue (3)")
    today = window.today_panel
    qtbot.waitUntil(lambda: today.tasks.row_count() == 3)
    assert today.plan.suggestions_button.isEnabled()  # the rest: "More suggestions (…)…"


@pytest.mark.parametrize("shown", ["today", "groups"])
def test_a_start_fills_the_plan_once(
    qtbot: Any, database: Path, now: datetime, monkeypatch: pytest.MonkeyPatch, shown: str
) -> None:
    """Whether the window opens on Today (its load fills the plan) or elsewhere (the start's
    own job does), the plan is filled once, and the badge counts what it holds."""
    from app.ui.main_window import MainWindow
    from app.ui.navigation import GROUPS

    clock.fix(now - timedelta(days=70))
    groups.create_group("沉默群", "wechat", "interest")
    clock.fix(now)
    fills: list[int] = []
    fill = suggested_tasks.refresh_suggestions
    monkeypatch.setattr(
        suggested_tasks, "refresh_suggestions", lambda *a, **k: fills.append(1) or fill(*a, **k)
    )
    window = MainWindow(database)
    qtbot.addWidget(window)
    if shown == "groups":
        window.go_to(GROUPS)
    window.show()
    qtbot.waitUntil(lambda: window.start.done and not _RUNNING, timeout=20_000)
    assert len(fills) == 1
    planned = Task.select().where(Task.origin.startswith("suggested:")).count()
    assert planned > 0
    assert window.navigation.item(QUEUE).text() == f"Queue ({planned})"
