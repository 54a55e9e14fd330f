"""Edit → Undo / Redo and Ctrl+Z / Ctrl+Shift+Z in the window, as a person uses them."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.core import member_merge, members, tasks, undo
from app.store.models import MemberTag, Task
from app.ui.main_window import MainWindow
from app.ui.members.bulk_dialogs import TagDialog
from app.ui.widgets.member_table import COL_TAGS
from tests.ui.driving import answer_dialogs
from tests.ui.members.test_members_panel import (
    Community,
    apply_and_wait,
    cell,
    click_row,
    community,
    press,
)

__all__ = ["community"]


@pytest.fixture
def window(qtbot: Any, database: Path, community: Community) -> MainWindow:
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def ctrl(qtbot: Any, window: MainWindow, key: Qt.Key, shift: bool = False) -> None:
    window.activateWindow()  # as the desktop does when a dialog closed (offscreen does not)
    qtbot.waitUntil(window.isActiveWindow)
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, key, modifiers)


def tagged() -> set[int]:
    return {t.member_id for t in MemberTag.select().where(MemberTag.tag == "摄影")}


def tag_two(qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tag 赵四 and 王五 "摄影" through the Members panel's bulk Tag (a job off the UI thread)."""
    panel = window.members_panel
    window.go_to(2)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TagDialog)
        dialog.tag_combo.lineEdit().insert("摄影")
        apply_and_wait(qtbot, dialog)

    answer_dialogs(monkeypatch, panel, fill)
    click_row(qtbot, panel, "赵四")
    click_row(qtbot, panel, "王五", ctrl=True)
    press(qtbot, panel, "tag_action")
    qtbot.waitUntil(lambda: cell(panel, "赵四", COL_TAGS) == "摄影")


def test_undo_and_redo_a_bulk_tag_with_the_keys_and_the_panel_follows(
    qtbot: Any, window: MainWindow, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = window.menus.undo_steps
    steps.update_actions()
    assert not steps.undo_action.isEnabled() and steps.undo_action.text() == "&Undo"
    assert not steps.redo_action.isEnabled()
    tag_two(qtbot, window, monkeypatch)
    assert tagged() == {community.zhao, community.wang}
    panel = window.members_panel
    assert steps.undo_action.isEnabled()
    assert steps.undo_action.text() == "&Undo: tag 2 members"

    panel.table.setFocus()  # where the person clicked the rows
    ctrl(qtbot, window, Qt.Key.Key_Z)
    assert tagged() == set()
    assert cell(panel, "赵四", COL_TAGS) == "" and cell(panel, "王五", COL_TAGS) == ""
    assert window.statusBar().currentMessage() == "Undone: tag 2 members"
    assert not steps.undo_action.isEnabled()
    assert steps.redo_action.text() == "&Redo: tag 2 members"

    ctrl(qtbot, window, Qt.Key.Key_Z, shift=True)
    assert tagged() == {community.zhao, community.wang}
    assert cell(panel, "王五", COL_TAGS) == "摄影"
    assert steps.undo_action.text() == "&Undo: tag 2 members"


def test_the_edit_menu_names_the_steps(window: MainWindow, community: Community) -> None:
    members.set_star([community.zhao, community.li, community.wang], True)
    member_merge.merge_members(community.zhang, community.wang)
    menu = window.menuBar().findChild(type(window.menuBar().actions()[0].menu()), "editMenu")
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&Undo: merge into 张三", "&Redo"]
    window.menus.undo_steps.undo()
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&Undo: change the star of 3 members", "&Redo: merge into 张三"]


def test_a_text_field_with_the_focus_keeps_ctrl_z_for_its_text(
    qtbot: Any, window: MainWindow, community: Community
) -> None:
    members.set_star([community.zhao], True)
    window.go_to(2)
    search = window.members_panel.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "zs")
    qtbot.keyClick(search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert search.text() == ""  # the field undid its typing
    assert undo.can_undo() is not None  # and the step is still there to undo
    window.navigation.setFocus()
    ctrl(qtbot, window, Qt.Key.Key_Z)
    assert undo.can_undo() is None


def test_an_undo_that_can_no_longer_be_done_says_so_and_changes_nothing(
    qtbot: Any, window: MainWindow, community: Community, monkeypatch: pytest.MonkeyPatch
) -> None:
    member_merge.merge_members(community.zhang, community.wang)
    with undo.paused():  # a new record, not a step, now has the merged-away record's id
        assert members.create_member("新来的").id == community.wang
    shown: list[QMessageBox] = []
    monkeypatch.setattr(window, "exec_dialog", lambda box: shown.append(box) or False)
    ctrl(qtbot, window, Qt.Key.Key_Z)
    assert shown and shown[0].objectName() == "undoRefused"
    assert "can no longer be undone" in shown[0].text()
    assert members.get_member(community.zhang).wechat_id == "wangwu_88"
    assert not window.menus.undo_steps.undo_action.isEnabled()


def test_undoing_a_skipped_task_brings_it_back_in_the_queue(
    qtbot: Any, window: MainWindow, now: datetime
) -> None:
    task = tasks.create_task("清理广告", "spam_sweep", due_at=now - timedelta(hours=2))
    ctrl(qtbot, window, Qt.Key.Key_7)
    queue = window.queue_panel
    queue.sections.select_id(task.id)
    qtbot.mouseClick(queue.skip_button, Qt.MouseButton.LeftButton)
    assert Task.get_by_id(task.id).status == "skipped"
    assert queue.sections.section_of(task.id) == "done"
    ctrl(qtbot, window, Qt.Key.Key_Z)
    assert Task.get_by_id(task.id).status == "open"
    assert queue.sections.section_of(task.id) == "overdue"
    assert window.navigation.item(6).text() == "Queue (1)"


def test_the_edit_menu_says_what_each_step_was_in_both_languages(
    qtbot: Any, window: MainWindow, community: Community, now: datetime, qapp: Any
) -> None:
    """Edit → Undo names the step and what it was about: the task (Huoqun's title in the
    interface language), the person banned, the group a roster went into and how many came."""
    from app.core import bans, memberships, suggestions
    from app.core import roster_import as ri
    from app.ui.app import install_translations
    from tests.conftest import SHARED_DATA

    def undo_text() -> str:
        menu = window.menuBar().findChild(type(window.menuBar().actions()[0].menu()), "editMenu")
        menu.aboutToShow.emit()
        return window.menus.undo_steps.undo_action.text()

    club = community.running  # 夜跑群
    title = suggestions.title_for("helper", member="李森龙")
    task = tasks.create_task(title, "checkin", club, due_at=now - timedelta(hours=1))
    memberships.add_membership(community.wang, club)
    roster = ri.read_roster(SHARED_DATA / "rosters" / "qq-group-export-gbk.csv")
    preset = ri.detect_preset(roster.headers)
    preview = ri.preview(roster, ri.auto_mapping(roster.headers, preset), "夜跑群", preset=preset)
    try:
        tasks.complete_task(task.id, "聊得很好")
        assert undo_text() == "&Undo: complete task “Check in with 李森龙”"
        install_translations(qapp, "zh_CN")
        assert undo_text() == "撤销(&U)：完成待办“和 李森龙 沟通”"
        bans.ban_member(community.wang, "发广告")
        assert undo_text() == "撤销(&U)：封禁 王五"
        new = ri.apply(preview).new
        assert undo_text() == f"撤销(&U)：导入名单到 夜跑群（新增 {new} 人）"
        install_translations(qapp, "en")
        assert undo_text() == f"&Undo: import roster into 夜跑群 ({new} new)"
        window.menus.undo_steps.undo()
        assert undo_text() == "&Undo: ban 王五"
    finally:
        install_translations(qapp, "en")
