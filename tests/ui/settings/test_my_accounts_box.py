"""Settings, My accounts (issue #18): the operator's own ids per platform, added and removed;
a chat imported afterwards counts their messages as the operator's, not as a member's."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from app.core import chat_import
from app.core.chat_effects import FLAG_OPERATOR
from app.core.chat_match import all_my_accounts
from app.io.chats import detect, list_chats
from app.store.models import Member, db
from app.ui.settings.panel import SettingsPanel
from tests.conftest import SHARED_DATA
from tests.ui.driving import click

TELEGRAM = SHARED_DATA / "chats" / "telegram" / "result.json"
OPERATOR = "3806552161"  # the operator of the shared Telegram example: 135 messages


def shown(box: Any) -> list[tuple[str, str]]:
    return [
        (box.table.item(r, 0).text(), box.table.item(r, 1).text())
        for r in range(box.table.rowCount())
    ]


def add(qtbot: Any, box: Any, platform: str, account_id: str) -> None:
    box.platform_combo.setCurrentIndex(box.platform_combo.findData(platform))
    box.id_edit.clear()
    qtbot.keyClicks(box.id_edit, account_id)
    click(qtbot, box.add_button)


def test_accounts_are_added_listed_and_removed(qtbot: Any, database: Any) -> None:
    panel = SettingsPanel(database)
    qtbot.addWidget(panel)
    box = panel.my_accounts_box
    assert box.title() == "My accounts"
    assert [box.platform_combo.itemText(i) for i in range(box.platform_combo.count())] == [
        "WeChat", "QQ", "WeCom", "Telegram", "Discord", "Other platform",
    ]  # fmt: skip
    assert box.table.rowCount() == 0 and not box.empty_note.isHidden()
    add(qtbot, box, "qq", "10001")
    add(qtbot, box, "telegram", " 3806552161 ")
    assert shown(box) == [("QQ", "10001"), ("Telegram", "3806552161")]
    assert box.empty_note.isHidden()
    assert box.notice.text() == "Added 3806552161 (Telegram)."
    assert box.id_edit.text() == ""
    assert all_my_accounts() == [("qq", "10001"), ("telegram", "3806552161")]

    add(qtbot, box, "qq", "12ab")  # refused, said in place, nothing stored
    assert not box.error.isHidden()
    assert "QQ number “12ab” is not valid" in box.error.text()
    add(qtbot, box, "qq", "10001")
    assert box.error.text() == "“10001” is already one of your accounts."
    assert len(all_my_accounts()) == 2

    assert not box.remove_button.isEnabled()
    box.table.selectRow(0)
    click(qtbot, box.remove_button)
    assert shown(box) == [("Telegram", "3806552161")]
    assert box.notice.text() == "Removed 10001."
    assert all_my_accounts() == [("telegram", "3806552161")]


def test_an_account_added_in_the_box_makes_its_messages_the_operators(
    qtbot: Any, database: Any
) -> None:
    panel = SettingsPanel(database)
    qtbot.addWidget(panel)
    add(qtbot, panel.my_accounts_box, "telegram", OPERATOR)
    (chat,) = list_chats([TELEGRAM], detect([TELEGRAM]))
    result = chat_import.apply(chat_import.plan_chat(chat, zone=ZoneInfo("Asia/Shanghai")))
    assert result.counts.operator_messages == 135
    assert Member.get_or_none(Member.telegram_id == OPERATOR) is None
    flagged = db.execute_sql(
        "SELECT count(*), count(member_id) FROM message WHERE group_id = ? AND flags & ? != 0",
        (result.group_id, FLAG_OPERATOR),
    ).fetchone()
    assert flagged == (135, 0)  # the operator's, and no member's


def test_without_the_account_the_operator_is_a_member(database: Any) -> None:
    (chat,) = list_chats([TELEGRAM], detect([TELEGRAM]))
    result = chat_import.apply(chat_import.plan_chat(chat, zone=ZoneInfo("Asia/Shanghai")))
    assert result.counts.operator_messages == 0
    assert Member.get_or_none(Member.telegram_id == OPERATOR) is not None
