"""The main window as a person meets it: welcome page, navigation, sample data, geometry."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.core import clock, groups, members, settings, tasks
from app.store.backup import list_backups
from app.store.models import Group, Member, Tier, db
from app.ui import main_window as main_window_module
from app.ui import navigation
from app.ui import welcome as welcome_module
from app.ui.app import install_translations
from app.ui.jobs import _RUNNING, run_job
from app.ui.main_window import MainWindow
from app.ui.today import panel as today_module
from tests.ui.groups.test_groups_panel import answer_modal, child, type_text


@pytest.fixture
def window(qtbot, database: Path) -> MainWindow:
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def nav_titles(win: MainWindow) -> list[str]:
    return [win.navigation.item(i).text() for i in range(win.navigation.count())]


def test_empty_database_opens_on_the_welcome_page(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.welcome
    assert nav_titles(window) == [
        "Today", "Groups", "Members", "Pyramid", "Rules", "Meetups", "Queue", "Settings",
    ]  # fmt: skip


def test_ctrl_number_switches_panels(qtbot, window: MainWindow) -> None:
    groups.create_group("摄影爱好者1群", "wechat", "interest")
    expected = [
        window.today_panel, window.groups_panel, window.members_panel, window.pyramid_panel,
        window.rules_panel, window.meetups_panel, window.queue_panel, window.settings_panel,
    ]  # fmt: skip
    assert [window.panel(i) for i in range(8)] == expected
    keys = [Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7]
    for number, key in enumerate([*keys, Qt.Key.Key_8, Qt.Key.Key_1], start=2):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        panel = expected[(number - 1) % 8]
        assert window.stack.currentWidget() is panel
        assert window.navigation.currentItem().toolTip() == f"Ctrl+{expected.index(panel) + 1}"


def test_opens_on_today_when_there_is_data(qtbot, database: Path) -> None:
    groups.create_group("摄影爱好者1群", "wechat", "interest")
    win = MainWindow(database)
    qtbot.addWidget(win)
    # the window comes up first: Today fills and the daily backup starts after its first paint
    assert not win.today_panel.loaded and not list_backups(database)
    win.show()
    qtbot.waitUntil(lambda: win.today_panel.loaded)
    assert win.today_panel.counts_label.text().startswith("1 group · ")
    assert win.stack.currentWidget() is win.today_panel
    assert win.navigation.currentRow() == 0
    assert [win.is_built(i) for i in range(8)] == [True] + [False] * 7  # built when shown
    qtbot.waitUntil(lambda: len(list_backups(database)) == 1)


@pytest.fixture
def today_window(qtbot, database: Path) -> MainWindow:
    """A window on a database with one group, its Today panel loaded."""
    groups.create_group("摄影爱好者1群", "wechat", "interest")
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.today_panel.loaded)
    return win


def test_coming_back_to_today_reloads_it_off_the_ui_thread(
    qtbot, today_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = today_window
    qtbot.keyClick(win, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    task = tasks.create_task("欢迎本周新人", "welcome", due_at=clock.now() - timedelta(hours=1))
    threads: list[int] = []
    gather = today_module.plan_and_gather
    monkeypatch.setattr(
        today_module,
        "plan_and_gather",
        lambda: threads.append(threading.get_ident()) or gather(),
    )
    qtbot.keyClick(win, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert win.current_panel() is win.today_panel
    qtbot.waitUntil(lambda: win.today_panel.tasks.rows_model.row_of(task.id) >= 0)
    assert threads and threads[0] != threading.get_ident()


def test_load_sample_community_from_the_welcome_page(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(welcome_module, "SAMPLE_MEMBERS", 300)
    monkeypatch.setattr(welcome_module, "SAMPLE_GROUPS", 8)
    button = window.welcome.findChild(QPushButton, "loadSampleButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.today_panel, timeout=30_000)
    assert Member.select().count() == 300
    assert Group.select().count() == 8
    assert window.navigation.currentRow() == 0


def test_the_large_sample_is_the_reference_load(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[int, int]] = []
    monkeypatch.setattr(window, "load_sample", lambda m, g: asked.append((m, g)))
    window.welcome.sampleRequested.disconnect()
    window.welcome.sampleRequested.connect(window.load_sample)
    button = window.welcome.findChild(QPushButton, "loadLargeSampleButton")
    assert button is not None and button.isVisible()
    assert button.text() == "Load a large sample: 100,000 members"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == [(100_000, 200)]


def test_window_geometry_is_remembered(qtbot, database: Path) -> None:
    first = MainWindow(database)
    qtbot.addWidget(first)
    first.show()
    first.resize(790, 570)  # inside the 800×600 offscreen screen
    qtbot.waitUntil(lambda: first.width() == 790)
    first.close()
    assert settings.get(main_window_module.GEOMETRY_KEY)
    second = MainWindow(database)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (790, 570)


def test_chinese_interface(qtbot, database: Path) -> None:
    app = QApplication.instance()
    install_translations(app, "zh_CN")
    try:
        members.create_member("张三")
        win = MainWindow(database)
        qtbot.addWidget(win)
        assert nav_titles(win) == [
            "今天",
            "群组",
            "成员",
            "金字塔",
            "群规",
            "线下活动",
            "待办",
            "设置",
        ]
        assert QCoreApplication.translate("Labels", "Banned") == "已封禁"
    finally:
        install_translations(app, "en")


def test_default_tiers_exist_on_first_start() -> None:
    assert [t.rank for t in Tier.select().order_by(Tier.rank)] == [1, 2, 3, 4]


def test_create_a_group_from_the_welcome_page(qtbot, window: MainWindow) -> None:
    def fill(dialog: QWidget) -> None:
        type_text(qtbot, child(dialog, QLineEdit, "groupName"), "夜跑群")
        qtbot.mouseClick(child(dialog, QPushButton, "createGroupButton"), Qt.MouseButton.LeftButton)

    failures = answer_modal(fill)
    button = window.welcome.findChild(QPushButton, "createGroupButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not failures
    assert [g.name for g in Group.select()] == ["夜跑群"]
    assert window.stack.currentWidget() is window.groups_panel
    assert window.navigation.currentRow() == 1


def test_cancelling_the_first_group_stays_on_the_welcome_page(qtbot, window: MainWindow) -> None:
    failures = answer_modal(lambda dialog: dialog.reject())
    qtbot.mouseClick(
        window.welcome.findChild(QPushButton, "createGroupButton"), Qt.MouseButton.LeftButton
    )
    assert not failures
    assert Group.select().count() == 0
    assert window.stack.currentWidget() is window.welcome


def test_choosing_a_language_is_stored_for_the_next_start(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    combo = window.settings_panel.findChild(QComboBox, "languageCombo")
    assert combo.currentText() == "Follow the system"
    combo.setCurrentIndex(combo.findText("简体中文"))
    assert settings.get("language") == "zh_CN"
    note = window.settings_panel.findChild(QLabel, "languageNote")
    assert note.text() == "The new language applies when Huoqun starts again."


def test_open_member_from_the_pyramid_shows_their_page(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    zhang = members.create_member("张三").id
    opened: list[str] = []
    monkeypatch.setattr(
        window.members_panel, "exec_dialog", lambda dialog: opened.append(dialog.windowTitle())
    )
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.pyramid_panel.chart.bands()[-1].count == 1
    window.pyramid_panel.memberOpened.emit(zhang)
    assert window.stack.currentWidget() is window.members_panel
    assert opened == ["Member: 张三"]


def test_open_member_from_the_rules_panel_shows_their_page(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    zhang = members.create_member("张三").id
    opened: list[str] = []
    monkeypatch.setattr(
        window.members_panel, "exec_dialog", lambda dialog: opened.append(dialog.windowTitle())
    )
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.navigation.currentItem().toolTip() == "Ctrl+5"
    window.rules_panel.memberOpened.emit(zhang)
    assert window.stack.currentWidget() is window.members_panel
    assert opened == ["Member: 张三"]


def test_health_buttons_open_the_pyramid_and_the_violations_for_a_group(
    qtbot, window: MainWindow
) -> None:
    group_id = groups.create_group("夜跑群", "wechat", "interest").id
    window.groups_panel.refresh()
    window.groups_panel.pyramidRequested.emit(group_id)
    assert window.stack.currentWidget() is window.pyramid_panel
    assert window.pyramid_panel.group_combo.currentData() == group_id
    window.groups_panel.violationsRequested.emit(group_id)
    assert window.stack.currentWidget() is window.rules_panel
    assert window.rules_panel.violation_log.group_filter.currentData() == group_id


def test_an_older_today_load_never_overwrites_a_newer_one(
    qtbot, today_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = today_window
    slow_may_end, gathered_old = threading.Event(), threading.Event()
    gather = today_module.plan_and_gather

    def slow_then_stale() -> object:
        data = gather()  # before the task exists
        gathered_old.set()
        slow_may_end.wait(10)
        return data

    monkeypatch.setattr(today_module, "plan_and_gather", slow_then_stale)
    win.go_to(navigation.TODAY)  # load 1: slow, and stale by the time it ends
    first = win.today_panel.load_job
    assert gathered_old.wait(10)
    monkeypatch.setattr(today_module, "plan_and_gather", gather)
    task = tasks.create_task("欢迎本周新人", "welcome", due_at=clock.now() - timedelta(hours=1))
    win.go_to(navigation.TODAY)  # load 2: sees the task
    qtbot.waitUntil(lambda: win.today_panel.tasks.rows_model.row_of(task.id) >= 0)
    with qtbot.waitSignal(first.finished, timeout=10_000):  # its handler has run after this
        slow_may_end.set()
    assert win.today_panel.tasks.rows_model.row_of(task.id) >= 0  # load 1 was not shown


# --- the window's frame: title, menus, quitting --------------------------------------------


def test_the_title_names_the_file_then_the_app_once(window: MainWindow, database: Path) -> None:
    assert window.windowTitle() == f"{database.name} — Huoqun 活群"


def test_the_menu_bar_carries_the_windows_commands_and_keys(window: MainWindow) -> None:
    bar = window.menuBar()
    assert [a.text() for a in bar.actions()] == ["&File", "&Edit", "&View", "&Help"]

    def entries(name: str) -> list[tuple[str, str]]:
        menu = window.findChild(QMenu, name)
        assert menu is not None
        return [(a.text(), a.shortcut().toString()) for a in menu.actions() if not a.isSeparator()]

    assert entries("fileMenu") == [
        ("&Import a roster…", ""), ("Import &chat history…", ""), ("&Export members…", ""),
        ("&Back up now", ""),
        ("&Quit", "Ctrl+Q"),
    ]  # fmt: skip
    assert entries("editMenu") == [
        ("&Undo", "Ctrl+Z"), ("&Redo", "Ctrl+Shift+Z"), ("&New…", "Ctrl+N"), ("&Find", "Ctrl+F"),
    ]  # fmt: skip
    assert entries("viewMenu") == [
        (title, f"Ctrl+{n}") for n, title in enumerate(nav_titles(window), 1)
    ]
    assert entries("helpMenu") == [("&About Huoqun", "")]


def test_the_view_menu_follows_the_panel_shown(qtbot, window: MainWindow) -> None:
    groups.create_group("摄影爱好者1群", "wechat", "interest")
    window.go_to(navigation.PYRAMID)
    checked = window.menus.panel_actions.checkedAction()
    assert checked is not None and checked.text() == "Pyramid"
    window.findChild(QAction, "viewPanel7").trigger()
    assert window.current_panel() is window.queue_panel


def test_ctrl_q_quits(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_help_about_shows_the_folder_holding_the_database(
    qtbot, window: MainWindow, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.settings.about_dialog import AboutDialog

    shown: list[AboutDialog] = []
    monkeypatch.setattr(window, "exec_dialog", lambda d: shown.append(d) or False)
    window.findChild(QAction, "aboutAction").trigger()
    assert len(shown) == 1
    assert shown[0].folder_label.text() == str(database.resolve().parent)


def test_file_back_up_now_backs_up_in_settings(qtbot, window: MainWindow) -> None:
    groups.create_group("摄影爱好者1群", "wechat", "interest")
    qtbot.waitUntil(lambda: not _RUNNING, timeout=20_000)  # the start's own backup
    window.findChild(QAction, "backupAction").trigger()
    assert window.current_panel() is window.settings_panel
    notice = window.settings_panel.backups_box.notice
    qtbot.waitUntil(lambda: notice.text().startswith("Backed up to"), timeout=20_000)


def running_import(qtbot, window: MainWindow) -> Any:
    """A job the person sees (with its progress dialog) that runs until it is cancelled."""
    started = threading.Event()

    def work(progress: Any) -> None:
        with db.atomic():
            groups.create_group("导入到一半", "wechat", "other")
            started.set()
            while True:
                progress(1, 2)

    job = run_job(window, "Importing 3,000 rows…", work, lambda _r: None)
    qtbot.waitUntil(started.is_set, timeout=5000)
    return job


def quit_question(window: MainWindow) -> QMessageBox:
    shown = [b for b in window.findChildren(QMessageBox, "quitWhileRunning") if b.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_closing_while_a_job_runs_asks_to_cancel_it_first(qtbot, window: MainWindow) -> None:
    job = running_import(qtbot, window)
    window.close()
    assert window.isVisible()
    question = quit_question(window)
    assert question.text() == "Cancel “Importing 3,000 rows” and quit?"
    question.findChild(QPushButton, "keepWorkingButton").click()
    assert window.isVisible() and job in _RUNNING  # nothing was stopped

    window.close()  # the progress dialog blocks the window's keys; the desktop's quit comes here
    quit_question(window).findChild(QPushButton, "cancelAndQuitButton").click()
    assert not window.isVisible()
    assert job not in _RUNNING
    assert Group.select().where(Group.name == "导入到一半").count() == 0  # rolled back
