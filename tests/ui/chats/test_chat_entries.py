"""Every way into the chat import wizard opens it: File menu, the Groups and Members panels, a
group's page (that group chosen), the welcome page, and files dropped on the window (a chat
export opens this wizard, a roster the roster wizard). After an import the panels show it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from app.core.groups import create_group
from app.store.models import Group, Member, Membership
from app.ui.chats import entry
from app.ui.chats.chat_wizard import ChatWizard
from app.ui.imports.import_wizard import ImportWizard
from app.ui.main_window import MainWindow
from app.ui.navigation import GROUPS, MEMBERS
from tests.ui.chats.wizard_driving import CHATS, import_all, next_page, wait_jobs

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")
PHOTO = CHATS / "qq" / "摄影爱好者.txt"


@pytest.fixture
def window(qtbot: Any, database: Path) -> MainWindow:
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[ChatWizard]:
    """The wizards opened (shown, not run: each is closed unaccepted)."""
    seen: list[ChatWizard] = []

    def run(wizard: ChatWizard) -> bool:
        seen.append(wizard)
        return False

    monkeypatch.setattr(entry, "exec_wizard", run)
    return seen


def drive(monkeypatch: pytest.MonkeyPatch, qtbot: Any, steps: Callable[[ChatWizard], None]) -> None:
    """Run the wizard when opened: ``steps`` as the person would, then it closes."""

    def run(wizard: ChatWizard) -> bool:
        wizard.show()
        steps(wizard)
        return True

    monkeypatch.setattr(entry, "exec_wizard", run)


def test_the_file_menu_opens_the_wizard(window: MainWindow, opened: list[ChatWizard]) -> None:
    create_group("摄影爱好者", "qq")
    action = window.findChild(QAction, "importChatAction")
    assert action.text().replace("&", "") == "Import chat history…"
    action.trigger()
    assert len(opened) == 1 and opened[0].group_id is None
    assert window.stack.currentWidget() is window.groups_panel


def test_the_groups_and_members_panels_open_the_wizard(
    window: MainWindow, opened: list[ChatWizard]
) -> None:
    create_group("摄影爱好者", "qq")
    window.go_to(GROUPS)
    window.groups_panel.findChild(QPushButton, "groupsImportChatButton").click()
    assert len(opened) == 1
    members = window.members_panel
    (action,) = [a for a in members.toolbar.actions() if a.objectName() == "importChatAction"]
    action.trigger()
    assert len(opened) == 2 and opened[1].group_id is None


def test_a_groups_page_imports_into_that_group(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    gid = create_group("摄影群（我的叫法）", "qq").id
    create_group("别的群", "qq")
    window.show_group(gid)
    seen: list[tuple[Any, str]] = []

    def steps(wizard: ChatWizard) -> None:
        assert wizard.group_id == gid
        wizard.files_page.add_paths([PHOTO])
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        row = wizard.groups_page.rows[0]
        seen.append((row.combo.currentData(), row.note.text()))
        next_page(qtbot, wizard)
        wait_jobs(qtbot)
        import_all(qtbot, wizard)

    drive(monkeypatch, qtbot, steps)
    window.groups_panel.page.findChild(QPushButton, "groupImportChatButton").click()
    assert seen == [(gid, "The group whose page you came from.")]
    assert Group.select().count() == 2  # into that group: none created
    page = window.groups_panel.page
    assert page.group_id == gid
    joined = (
        Membership.select().where(Membership.group == gid, Membership.left_at.is_null()).count()
    )
    assert joined > 30  # the people of the chat are the group's members now
    assert page.tabs.tabText(2) == f"Members ({joined})"  # and its page shows them


def test_the_welcome_page_opens_the_wizard(window: MainWindow, opened: list[ChatWizard]) -> None:
    assert window.stack.currentWidget() is window.welcome
    button = window.welcome.findChild(QPushButton, "importChatButton")
    assert button.text() == "Import chat history"
    button.click()
    assert len(opened) == 1


def _drop(window: MainWindow, paths: list[Path]) -> bool:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        window.rect().center(), action, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPointF(window.rect().center()), action, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, drop)
    return True


def test_a_dropped_chat_export_opens_the_wizard_with_its_files(
    window: MainWindow, opened: list[ChatWizard]
) -> None:
    parts = sorted((CHATS / "wechat" / "pywxdump").iterdir())
    assert _drop(window, parts)
    (wizard,) = opened
    assert wizard.files_page.paths() == parts


def test_a_dropped_roster_still_opens_the_roster_wizard(
    window: MainWindow, opened: list[ChatWizard], monkeypatch: pytest.MonkeyPatch
) -> None:
    rosters: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        rosters.append(dialog)
        return False

    monkeypatch.setattr(window.members_panel, "exec_dialog", run)
    roster = CHATS / "qq" / "开心读书会-成员.csv"
    assert _drop(window, [roster])
    assert opened == []
    (wizard,) = rosters
    assert isinstance(wizard, ImportWizard)
    assert wizard.file_page.path_edit.text() == str(roster)


def test_a_dropped_file_that_is_neither_is_refused_in_the_wizard(
    qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "export.zip"
    archive.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    said: list[str] = []

    def steps(wizard: ChatWizard) -> None:
        qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(wizard.files_page.error.isVisible, timeout=10_000)
        said.append(wizard.files_page.error.text())

    drive(monkeypatch, qtbot, steps)
    assert _drop(window, [archive])
    assert said and "export.zip" in said[0]
    assert Group.select().count() == 0


def test_the_panels_show_what_was_imported(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_group("别的群", "qq")
    window.go_to(GROUPS)
    panel = window.groups_panel
    assert panel.model.rowCount() == 1

    def steps(wizard: ChatWizard) -> None:
        wizard.files_page.add_paths([PHOTO])
        for _page in range(3):
            next_page(qtbot, wizard)
        wait_jobs(qtbot)
        import_all(qtbot, wizard)

    drive(monkeypatch, qtbot, steps)
    panel.findChild(QPushButton, "groupsImportChatButton").click()
    made = Group.get(Group.name == "摄影爱好者")
    assert panel.model.rowCount() == 2  # the list reloaded
    assert panel.page.group_id == made.id and panel.page.title_label.text() == "摄影爱好者"
    window.go_to(MEMBERS)
    assert window.members_panel.model.rowCount() == Member.select().count() > 30
