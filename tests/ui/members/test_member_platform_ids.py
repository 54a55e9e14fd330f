"""Telegram and Discord user ids on the member page and in the Members table (issue #18)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core import members as core
from app.store.models import Member
from app.ui.members.member_dialog import MemberDialog
from app.ui.members.panel import MembersPanel
from app.ui.widgets.member_table import COL_DISCORD, COL_MATCHED, COL_TELEGRAM

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)"
)
TG, DC = "6232865096", "822222222722609098"


def open_page(qtbot: Any, member_id: int | None = None) -> MemberDialog:
    dialog = MemberDialog(member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_ids_are_typed_saved_shown_and_a_clash_is_refused(qtbot: Any) -> None:
    other = core.create_member("李四", discord_id=DC)
    dialog = open_page(qtbot)
    dialog.name_edit.insert("张三")
    qtbot.keyClicks(dialog.telegram_edit, TG)
    qtbot.keyClicks(dialog.discord_edit, DC)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == (
        f"The Discord user id {DC} already belongs to 李四 (#{other.id}). Open that member, "
        "or merge the two."
    )
    assert Member.select().count() == 1

    dialog.discord_edit.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    zhang = Member.get(Member.name == "张三")
    assert (zhang.telegram_id, zhang.discord_id) == (TG, None)

    page = open_page(qtbot, zhang.id)
    assert (page.telegram_edit.text(), page.discord_edit.text()) == (TG, "")
    qtbot.keyClicks(page.discord_edit, "not digits")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error.text() == "User id “not digits” is not valid (1 to 20 digits)."


def test_the_members_table_shows_and_finds_the_ids(qtbot: Any) -> None:
    core.create_member("张三", telegram_id=TG)
    core.create_member("李四", discord_id=DC)
    panel = MembersPanel()
    qtbot.addWidget(panel)
    panel.resize(1100, 600)
    panel.show()
    model = panel.table.model()
    assert model.headerData(COL_TELEGRAM, Qt.Orientation.Horizontal) == "Telegram id"
    assert model.headerData(COL_DISCORD, Qt.Orientation.Horizontal) == "Discord id"
    qtbot.keyClicks(panel.search, DC[-6:])
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, 0).data() == "李四"
    assert model.index(0, COL_DISCORD).data() == DC
    assert model.index(0, COL_MATCHED).data() == "Discord id"
    panel.search.clear()
    qtbot.keyClicks(panel.search, TG)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, 0).data() == "张三")
    assert model.index(0, COL_TELEGRAM).data() == TG
