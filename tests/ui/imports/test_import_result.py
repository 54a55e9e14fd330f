"""The roster wizard says what changed since the group's last roster (issue #19): on the dry
run and on the result page, each list opened in a dialog whose members open as their page."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWizard

from app.core import roster_import
from app.core.roster_changes import roster_changes
from app.store.models import Group, Member
from app.ui.members.member_dialog import MemberDialog
from app.ui.widgets.member_refs_dialog import MemberRefsDialog
from tests.ui.imports.test_import_wizard import ROSTERS, finish, next_page, open_wizard

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")
FIRST, LATER = ROSTERS / "qq-group-export-gbk.csv", ROSTERS / "qq-group-export-later-gbk.csv"


def import_first() -> None:
    roster = roster_import.read_roster(FIRST)
    mapping = roster_import.auto_mapping(roster.headers, "qq")
    roster_import.apply(roster_import.preview(roster, mapping, "读书会QQ群", preset="qq"))


def test_the_first_roster_says_so_on_the_result_page(qtbot: Any) -> None:
    wizard = open_wizard(qtbot, FIRST, "读书会QQ群")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    view = wizard.preview_page.changes_view
    assert view.heading.text() == (
        "First roster of this group: there is nothing to compare it with yet."
    )
    button = wizard.button(QWizard.WizardButton.FinishButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=30_000)
    page = wizard.result_page
    assert page.counts.text() == (
        "300 new, 0 updated, 0 unchanged, 0 marked left, 0 invalid rows skipped."
    )
    assert page.changes.heading.text().startswith("First roster of this group")
    assert not page.changes.buttons["joined"].isVisible()
    assert page.changes.buttons["went_quiet"].text() == "Went quiet: 0"
    assert page.changes.notes["went_quiet"].text() == "no chat history imported for this group"
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)  # closing the result keeps what was written
    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.result_ is not None


def test_the_later_roster_lists_who_joined_and_left_and_opens_them(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_first()
    wizard = open_wizard(qtbot, LATER, "读书会QQ群")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    preview = wizard.preview_page.changes_view
    assert preview.heading.text().startswith("Compared with the roster imported ")
    assert preview.buttons["joined"].text() == "Joined: 15"
    assert preview.buttons["left"].text() == "Left: 20"
    assert preview.buttons["came_back"].text() == "Came back: 0"
    assert not preview.buttons["came_back"].isEnabled()

    opened: list[MemberRefsDialog] = []
    member_pages: list[int | None] = []

    def show_list(dialog: MemberRefsDialog) -> bool:
        opened.append(dialog)
        if dialog.table.rowCount() and dialog.table.item(0, 1).text() != "new":
            monkeypatch.setattr(dialog, "exec_dialog", open_page)
            dialog.show()
            qtbot.waitExposed(dialog)
            rect = dialog.table.visualItemRect(dialog.table.item(0, 0))
            qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        return False

    def open_page(page: QDialog) -> bool:
        assert isinstance(page, MemberDialog)
        member_pages.append(page.member_id)
        return False

    monkeypatch.setattr(preview, "exec_dialog", show_list)
    qtbot.mouseClick(preview.buttons["joined"], Qt.MouseButton.LeftButton)
    dry = opened[-1]
    assert dry.windowTitle() == "Joined"
    assert dry.table.rowCount() == 15
    assert {dry.table.item(r, 1).text() for r in range(15)} == {"new"}  # not members yet
    assert member_pages == []

    finish_import(qtbot, wizard)
    result = wizard.result_page.changes
    assert result.heading.text().startswith("Since the roster imported ")
    assert (result.buttons["joined"].text(), result.buttons["left"].text()) == (
        "Joined: 15",
        "Left: 20",
    )
    monkeypatch.setattr(result, "exec_dialog", show_list)
    qtbot.mouseClick(result.buttons["left"], Qt.MouseButton.LeftButton)
    left = opened[-1]
    assert left.windowTitle() == "Left"
    assert left.note.text().startswith("Left: 20 members, in the last roster, not in this one.")
    names = [left.table.item(r, 0).text() for r in range(left.table.rowCount())]
    group = Group.get(Group.name == "读书会QQ群").id
    kept = roster_changes(group)
    assert kept is not None and names == [ref.name for ref in kept.left]
    first_id = left.table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    assert member_pages == [first_id]  # the double-click opened that member's page
    assert Member.get_by_id(first_id).name == names[0]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted


def finish_import(qtbot: Any, wizard: Any) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=30_000)


def test_finish_helper_still_closes(qtbot: Any) -> None:
    wizard = open_wizard(qtbot, FIRST, "读书会QQ群")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    finish(qtbot, wizard)
    assert wizard.result() == QDialog.DialogCode.Accepted


def test_a_roster_imported_in_the_wizard_confirms_members_seen_only_in_chat(qtbot: Any) -> None:
    from zoneinfo import ZoneInfo

    from app.core import chat_import
    from app.io.chats import detect, list_chats
    from app.store.models import Membership
    from tests.conftest import SHARED_DATA

    qq = SHARED_DATA / "chats" / "qq"
    (chat,) = list_chats([qq / "开心读书会.txt"], detect([qq / "开心读书会.txt"]))
    group = chat_import.apply(chat_import.plan_chat(chat, zone=ZoneInfo("Asia/Shanghai"))).group_id
    only_chat = Membership.select().where(Membership.group == group, Membership.chat_only)
    assert only_chat.count() > 50
    wizard = open_wizard(qtbot, qq / "开心读书会-成员.csv", "开心读书会")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    finish(qtbot, wizard)
    listed = {
        line.split(",")[2]
        for line in (qq / "开心读书会-成员.csv").read_text(encoding="gb18030").splitlines()[1:]
    }
    still = {m.member.qq for m in only_chat}
    assert still and not still & listed  # everyone the roster lists is a confirmed member
