"""What Huoqun wrote follows the interface language: switch it in Settings, start again, and
the Queue, Today, a group's tasks, the task dialog and the pyramid's tiers all follow; what the
operator typed stays as typed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app.core import (
    bans,
    care,
    clock,
    daily_plan,
    groups,
    memberships,
    settings,
    suggestions,
    tasks,
)
from app.core import members as core
from app.store.models import Task
from app.ui.app import install_translations
from app.ui.generated_text import text_shown
from app.ui.main_window import MainWindow
from app.ui.queue.panel import QueuePanel
from app.ui.today.plan_box import COL_TASK as PLAN_TASK
from app.ui.widgets.activity_box import ActivityBox
from app.ui.widgets.task_dialog import TaskDialog
from app.ui.widgets.task_sections import COL_TITLE
from app.ui.window_start import WindowStart

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)

ENGLISH = {"Write rules for 读书会", "Remove 张三 from 读书会", "周五晚话题"}
CHINESE = {"为 读书会 制定群规", "将 张三 移出 读书会", "周五晚话题"}


@pytest.fixture
def restore_english(qapp: QApplication) -> Iterator[None]:
    yield
    install_translations(qapp, "en")


@pytest.fixture
def community(now: datetime) -> dict[str, int]:
    """A group with a suggestion of Huoqun's, a ban's removal task and a task the operator typed."""
    club = groups.create_group("读书会", "wechat", "interest").id
    zhang = core.create_member("张三").id
    memberships.add_membership(zhang, club)
    suggested = Task.create(  # a title Huoqun wrote, as a suggestion of the plan has
        title=suggestions.title_for("rules", group="读书会"), kind="custom", group=club,
        due_at=now, created_at=now, origin="health:rules",
    ).id  # fmt: skip
    (removal,) = bans.ban_member(zhang, "发广告")
    typed = tasks.create_task("周五晚话题", "topic", club, due_at=now - timedelta(hours=1)).id
    daily_plan.set_plan_settings(3, "20:00")  # today's plan: these three, no suggestion beside
    return {"group": club, "suggested": suggested, "removal": removal, "typed": typed}


def start(qtbot: Any, database: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The window as a start makes it: the language chosen in Settings, then the window (its
    start's jobs held back: suggestions it might add would race the titles looked at)."""
    monkeypatch.setattr(WindowStart, "after_first_paint", lambda self: None)
    install_translations(QApplication.instance(), settings.get("language") or "en")
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def queue_titles(window: MainWindow) -> set[str]:
    panel = window.queue_panel
    panel.refresh()
    sections = panel.sections
    shown = set()
    for name in ("overdue", "today", "week", "later"):
        top = sections.section_item(name)
        shown |= {top.child(i).text(COL_TITLE) for i in range(top.childCount())}
    return shown


def today_titles(qtbot: Any, window: MainWindow) -> set[str]:
    panel = window.today_panel
    panel.load()
    qtbot.waitUntil(lambda: panel.loaded and panel.tasks.row_count() == 3)
    return set(panel.tasks.texts(PLAN_TASK))


def choose_language(qtbot: Any, window: MainWindow, code: str) -> None:
    """Pick the language in Settings, as the operator does; it applies at the next start."""
    combo = window.settings_panel.language
    combo.setCurrentIndex(combo.findData(code))
    assert settings.get("language") == code
    window.close()


def test_switching_the_language_makes_every_generated_text_follow(
    qtbot: Any,
    database: Path,
    community: dict[str, int],
    restore_english: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = start(qtbot, database, monkeypatch)
    assert queue_titles(window) == ENGLISH
    assert today_titles(qtbot, window) == ENGLISH
    window.pyramid_panel.refresh()
    assert [b.name for b in window.pyramid_panel.chart.bands()] == [
        "Core",
        "Helpers",
        "Active",
        "Members",
    ]

    choose_language(qtbot, window, "zh_CN")
    window = start(qtbot, database, monkeypatch)
    assert queue_titles(window) == CHINESE
    assert today_titles(qtbot, window) == CHINESE
    window.pyramid_panel.refresh()
    assert [b.name for b in window.pyramid_panel.chart.bands()] == [
        "核心",
        "管理/骨干",
        "活跃",
        "普通",
    ]
    box = ActivityBox()
    qtbot.addWidget(box)
    box.set_group(community["group"])
    assert set(box.tasks.texts(1)) == CHINESE
    # stored as codes and English whatever the interface showed
    assert Task.get_by_id(community["removal"]).title == "Remove 张三 from 读书会"

    choose_language(qtbot, window, "en")
    window = start(qtbot, database, monkeypatch)
    assert queue_titles(window) == ENGLISH


def test_the_task_dialog_keeps_huoqun_s_title_unless_the_operator_retypes_it(
    qtbot: Any, community: dict[str, int], qapp: QApplication, restore_english: None
) -> None:
    install_translations(qapp, "zh_CN")
    dialog = TaskDialog(community["suggested"])
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == "为 读书会 制定群规"
    dialog.priority_combo.setCurrentIndex(dialog.priority_combo.findData(1))
    dialog.apply()
    saved = Task.get_by_id(community["suggested"])
    assert (saved.title, saved.title_key, saved.priority) == (
        "Write rules for 读书会",
        "health.rules",
        1,
    )
    retyped = TaskDialog(community["suggested"])
    qtbot.addWidget(retyped)
    retyped.title_edit.setText("和群友一起定群规")
    retyped.apply()
    saved = Task.get_by_id(community["suggested"])
    assert (saved.title, saved.title_key) == ("和群友一起定群规", "")
    install_translations(qapp, "en")
    again = TaskDialog(community["suggested"])
    qtbot.addWidget(again)
    assert again.title_edit.text() == "和群友一起定群规"


def test_a_removal_marked_done_says_so_in_the_interface_language(
    qtbot: Any, community: dict[str, int], qapp: QApplication, restore_english: None
) -> None:
    removal = Task.get_by_id(community["removal"])
    bans.mark_removed(removal.member_id, community["group"])
    install_translations(qapp, "zh_CN")
    panel = QueuePanel()
    qtbot.addWidget(panel)
    panel.refresh()
    top = panel.sections.section_item("done")
    (done,) = [top.child(i) for i in range(top.childCount())]
    assert done.text(COL_TITLE) == "将 张三 移出 读书会"
    assert "已移出该群" in done.toolTip(COL_TITLE)
    assert "removed" not in done.toolTip(COL_TITLE)


def test_a_recognition_in_a_member_s_activity_names_its_kind_in_the_interface_language(
    qtbot: Any, community: dict[str, int], qapp: QApplication, restore_english: None
) -> None:
    zhang = Task.get_by_id(community["removal"]).member_id
    care.log_recognition(zhang, "年度最佳管理", how="title")
    care.log_recognition(zhang, "", how="thanks")
    install_translations(qapp, "zh_CN")
    box = ActivityBox()
    qtbot.addWidget(box)
    box.set_member(zhang)
    notes = box.interactions.texts(2)
    assert "头衔或职务 · 年度最佳管理" in notes and "公开感谢" in notes
    assert not any("[" in note for note in notes)


def test_a_title_computed_but_not_stored_is_shown_in_the_interface_language(
    qapp: QApplication, restore_english: None
) -> None:
    title = suggestions.title_for("helper", member="张三")
    assert text_shown(title) == "Check in with 张三"
    install_translations(qapp, "zh_CN")
    assert text_shown(title) == "和 张三 沟通"
    assert text_shown("周五晚话题") == "周五晚话题"


def test_a_refusal_names_huoqun_s_task_in_the_interface_language(
    qtbot: Any,
    community: dict[str, int],
    qapp: QApplication,
    restore_english: None,
    monkeypatch: pytest.MonkeyPatch,
    now: datetime,
) -> None:
    Task.update(due_at=now + timedelta(days=3)).where(Task.id == community["removal"]).execute()
    install_translations(qapp, "zh_CN")
    panel = QueuePanel()
    qtbot.addWidget(panel)
    panel.refresh()
    panel.sections.select_id(community["removal"])
    tomorrow = clock.to_local(now + timedelta(days=1)).replace(tzinfo=None)  # before it is due
    monkeypatch.setattr(panel, "choose_time", lambda start: tomorrow)
    panel.run_action("snooze_choose", community["removal"])
    assert panel.error.text().startswith("“将 张三 移出 读书会”")


def test_a_suggestion_s_reason_made_in_english_reads_in_chinese(
    qtbot: Any, qapp: QApplication, restore_english: None, now: datetime
) -> None:
    """The reason a suggested task carries in its notes follows the language, in the Queue's
    tooltip and the task dialog; saving the dialog unchanged keeps it Huoqun's."""
    clock.fix(now - timedelta(days=100))
    club = groups.create_group("读书会", "wechat", "interest").id
    clock.fix(now)
    from app.core import suggested_tasks

    [task_id] = [
        i for i in suggested_tasks.refresh_suggestions() if Task.get_by_id(i).group_id == club
    ][:1]
    english = "No interaction in the 100 days since the group was added — its rhythm is 14 days."
    chinese = "建群以来 100 天都没有互动——它的节奏是每 14 天一次。"
    for language, reason in (("en", english), ("zh_CN", chinese), ("en", english)):
        install_translations(qapp, language)
        panel = QueuePanel()
        qtbot.addWidget(panel)
        panel.refresh()
        assert panel.sections.select_id(task_id)
        item = panel.sections.currentItem()
        assert item.toolTip(COL_TITLE).splitlines()[1] == reason
        dialog = TaskDialog(task_id)
        qtbot.addWidget(dialog)
        assert dialog.notes_edit.toPlainText() == reason
        dialog.apply()
        assert Task.get_by_id(task_id).notes_key == "sentence.Health"
