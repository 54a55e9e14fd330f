"""The chat import wizard driven as a person would, through the shared exports: pick a chat of
a whole-account Telegram export, a Discord partition set, a QQ TXT with an ambiguous sender
resolved in the preview, "this is me", Cancel during the import, a bad file refused."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWizard

from app.core import chat_import
from app.core.chat_match import my_accounts
from app.core.groups import create_group
from app.core.members import create_member
from app.core.memberships import add_membership
from app.store.models import ChatSource, Group, Member, Membership, Message
from tests.core.test_chat_import import scalar, table_counts
from tests.io.chats.builders import discord_partitions, telegram_account
from tests.ui.chats.wizard_driving import (
    CHATS,
    add_files,
    cancel_job,
    click_next,
    import_all,
    next_page,
    open_wizard,
    to_preview,
    wait_jobs,
)

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")
QQ_TXT = CHATS / "qq" / "开心读书会.txt"
ME = "1072097673"  # 邵曦: the account that exported 开心读书会 (228 messages)
TWIN = ("莫洋轩", "565934239", 203)  # a sender's name, QQ number and messages


def messages_in(group: str) -> int:
    return scalar(
        "SELECT count(*) FROM message m JOIN chat_group g ON g.id = m.group_id WHERE g.name = ?",
        group,
    )


def test_one_chat_of_a_whole_account_telegram_export(qtbot: Any, tmp_path: Path) -> None:
    wizard = open_wizard(qtbot)
    add_files(wizard, [telegram_account(tmp_path)])
    next_page(qtbot, wizard)
    page = wizard.chats_page
    assert page.format_label.text().startswith("Format: Telegram Desktop export (JSON)")
    listed = [page.chat_list.item(i).text() for i in range(page.chat_list.count())]
    assert not any("严俊超" in text for text in listed)  # the private chat is never listed
    assert listed[0].startswith("城市骑行俱乐部 · supergroup · id 434578991")
    assert "private chats are never imported" in page.note.text()
    assert not page.isComplete()  # nothing ticked yet: the person picks
    small = next(i for i, text in enumerate(listed) if text.startswith("骑行小分队"))
    page.chat_list.item(small).setCheckState(Qt.CheckState.Checked)
    next_page(qtbot, wizard)
    groups = wizard.groups_page
    assert len(groups.rows) == 1
    assert groups.rows[0].combo.currentText() == "New group…"
    assert groups.rows[0].note.text() == "A new group “骑行小分队” will be created."
    next_page(qtbot, wizard)
    wait_jobs(qtbot)
    counts = wizard.preview_page.tab(0).counts.text()
    assert "Into a new group “骑行小分队”." in counts
    assert "Messages: 5 new, 0 already imported." in counts
    import_all(qtbot, wizard)
    assert [g.name for g in Group.select()] == ["骑行小分队"]
    assert messages_in("骑行小分队") == 5
    assert "“骑行小分队” → new group “骑行小分队” (created)." in wizard.result_page.summary.text()


def test_a_discord_partition_set_is_one_chat(qtbot: Any, tmp_path: Path) -> None:
    parts = discord_partitions(tmp_path)
    wizard = open_wizard(qtbot, parts)
    next_page(qtbot, wizard)
    item = wizard.chats_page.chat_list.item(0)
    assert wizard.chats_page.chat_list.count() == 1
    assert "2 files" in item.text() and item.checkState() == Qt.CheckState.Checked
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wait_jobs(qtbot)
    assert "Messages: 1506 new, 0 already imported." in wizard.preview_page.tab(0).counts.text()
    import_all(qtbot, wizard)
    (result,) = wizard.results
    assert result.group_created
    assert Message.select().where(Message.group == result.group_id).count() == 1506
    assert ChatSource.get().format == "discordchatexporter-json"


def _twins() -> tuple[int, list[Member]]:
    """The group of 开心读书会 with two members both called like one of its senders."""
    gid = create_group("开心读书会", "qq").id
    twins = [
        create_member(TWIN[0], city="杭州", phone="13812345678"),
        create_member(TWIN[0], city="苏州"),
    ]
    for twin in twins:
        add_membership(twin.id, gid, nickname=TWIN[0])
    return gid, twins


def test_an_ambiguous_qq_sender_is_resolved_to_a_member_in_the_preview(qtbot: Any) -> None:
    gid, twins = _twins()
    wizard = open_wizard(qtbot, [QQ_TXT])
    next_page(qtbot, wizard)
    assert wizard.chats_page.format_label.text().startswith("Format: QQ message manager (TXT)")
    next_page(qtbot, wizard)
    row = wizard.groups_page.rows[0]
    assert row.combo.currentData() == gid
    assert row.note.text() == "Found by the chat's name."
    next_page(qtbot, wizard)
    wait_jobs(qtbot)
    tab = wizard.preview_page.tab(0)
    assert "0 matched to members, 90 new members, 1 ambiguous." in tab.counts.text()
    assert tab.ambiguous_table.isVisible()
    assert tab.ambiguous_table.item(0, 1).text() == TWIN[1]
    resolver = tab.resolvers[TWIN[1]]
    choices = [resolver.itemText(i) for i in range(resolver.count())]
    assert choices[0] == "Skip: keep the messages without a member"
    assert choices[-1] == "A new member"
    # the two of the same name told apart by what their records say
    assert choices[1].startswith(f"{TWIN[0]} · 杭州 · 138****5678 · since ")
    assert choices[2].startswith(f"{TWIN[0]} · 苏州")
    resolver.setCurrentIndex(resolver.findData(twins[1].id))
    import_all(qtbot, wizard)
    assert Message.select().where(Message.member == twins[1].id).count() == TWIN[2]
    assert Message.select().where(Message.member == twins[0].id).count() == 0
    assert Member.select().where(Member.qq == TWIN[1]).count() == 0  # a pick claims no id
    assert Group.select().count() == 1  # into the group found by name


def test_this_is_me_makes_the_senders_messages_the_operators(qtbot: Any) -> None:
    wizard = open_wizard(qtbot, [QQ_TXT])
    to_preview(qtbot, wizard)
    tab = wizard.preview_page.tab(0)
    assert "Your own messages: 0." in tab.counts.text()
    assert "91 new members" in tab.counts.text()
    assert not tab.me_button.isEnabled()  # nobody selected
    tab.select_sender(ME)
    qtbot.mouseClick(tab.me_button, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    tab = wizard.preview_page.tab(0)  # read again
    assert "Your own messages: 228." in tab.counts.text()
    assert "90 new members" in tab.counts.text()  # 邵曦 is no new member now
    assert my_accounts("qq") == set()  # nothing written before Import
    import_all(qtbot, wizard)
    assert my_accounts("qq") == {ME}
    assert Member.select().where(Member.qq == ME).count() == 0
    assert scalar("SELECT count(*) FROM message WHERE member_id IS NULL AND sender_id = ''") >= 228


def test_cancel_during_the_import_writes_nothing(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_group("开心读书会", "qq")
    wizard = open_wizard(qtbot, [QQ_TXT])
    to_preview(qtbot, wizard)
    before = table_counts()
    started, release = threading.Event(), threading.Event()
    real = chat_import.apply_many

    def gated(chats: Any, new_members: bool = False, progress: Any = None) -> Any:
        def gate(done: int, total: int) -> None:
            started.set()
            release.wait(10)  # the person presses Cancel while the first batch is written
            progress(done, total)

        return real(chats, new_members, gate)

    monkeypatch.setattr(chat_import, "apply_many", gated)
    page = wizard.currentPage()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    cancel_job(qtbot, wizard)
    release.set()
    wait_jobs(qtbot)
    assert wizard.currentPage() is page and wizard.results == []
    assert wizard.preview_page.note.text() == "Cancelled; nothing was written."
    assert table_counts() == before
    assert table_counts()["message"] == 0 and Membership.select().count() == 0
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()  # may try again


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"name,phone\n\xe5\xbc\xa0\xe4\xb8\x89,13800000000\n", "not a chat history export"),
        (b"PK\x03\x04" + b"\x00" * 40, "zip"),
        (b"", "empty"),
    ],
)
def test_a_bad_file_is_refused_in_place(
    qtbot: Any, tmp_path: Path, content: bytes, says: str
) -> None:
    bad = tmp_path / "chat.json"
    bad.write_bytes(content)
    before = table_counts()
    wizard = open_wizard(qtbot, [bad])
    page = wizard.currentPage()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.files_page.error.isVisible, timeout=10_000)
    wait_jobs(qtbot)
    assert wizard.currentPage() is page
    assert says in wizard.files_page.error.text().lower()
    assert "chat.json" in wizard.files_page.error.text()
    assert table_counts() == before


def test_two_chats_of_an_account_export_are_previewed_and_imported_together(
    qtbot: Any, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, [telegram_account(tmp_path)])
    next_page(qtbot, wizard)
    listed = [wizard.chats_page.chat_list.item(i).text() for i in range(3)]
    for row, text in enumerate(listed):
        if text.startswith(("骑行小分队", "旧群")):
            wizard.chats_page.chat_list.item(row).setCheckState(Qt.CheckState.Checked)
    next_page(qtbot, wizard)
    assert [r.name_edit.text() for r in wizard.groups_page.rows] == ["骑行小分队", "旧群"]
    next_page(qtbot, wizard)
    wait_jobs(qtbot)
    tabs = wizard.preview_page.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["骑行小分队", "旧群"]
    import_all(qtbot, wizard)
    assert sorted(g.name for g in Group.select()) == sorted(["骑行小分队", "旧群"])
    assert messages_in("骑行小分队") == 5 and messages_in("旧群") == 1
    assert wizard.result_page.subTitle().startswith("2 chats imported.")


def test_cancel_while_the_preview_is_read_stays_and_can_read_again(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    real = chat_import.preview

    def gated(plan: Any, resolutions: Any = None, new_members: bool = False,
              progress: Any = None) -> Any:  # fmt: skip
        def gate(done: int, total: int) -> None:
            started.set()
            release.wait(10)  # the person presses Cancel while the export is read
            progress(done, total)

        return real(plan, resolutions, new_members, gate)

    monkeypatch.setattr(chat_import, "preview", gated)
    wizard = open_wizard(qtbot, [QQ_TXT])
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    click_next(qtbot, wizard)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    cancel_job(qtbot, wizard)
    release.set()
    wait_jobs(qtbot)
    page = wizard.preview_page
    assert wizard.currentPage() is page
    assert page.note.text() == "Cancelled: nothing was read and nothing was written."
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    monkeypatch.setattr(chat_import, "preview", real)
    again = page.findChild(QPushButton, "chatPreviewAgain")
    assert again.isVisible()
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot)
    assert "Messages: 2847 new, 0 already imported." in page.tab(0).counts.text()
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert Group.select().count() == 0


def _long_qq_txt(path: Path, messages: int) -> Path:
    """A QQ message manager export of ``messages`` one-line messages."""
    head = "消息记录（此消息记录为文本格式，不支持重新导入）\n\n" + "=" * 64 + "\n"
    head += "消息分组:我的QQ群\n" + "=" * 64 + "\n消息对象:长长的群\n" + "=" * 64 + "\n\n"
    lines = [
        f"2026-06-{1 + n // 2000:02d} {n // 120 % 24:02d}:{n // 2 % 60:02d}:{n % 60:02d} "
        f"成员{n % 50}({20000 + n % 50})\n第{n}条消息\n"
        for n in range(messages)
    ]
    path.write_text(head + "\n".join(lines), encoding="utf-8-sig", newline="\r\n")
    return path


def test_the_preview_job_shows_how_far_it_has_read(qtbot: Any, tmp_path: Path) -> None:
    wizard = open_wizard(qtbot, [_long_qq_txt(tmp_path / "长长的群.txt", 20_000)])
    next_page(qtbot, wizard)
    started: list[Any] = []
    wizard.run = lambda title, fn, *handlers: started.append((title, fn))  # type: ignore[method-assign]
    wizard.chosen = list(wizard.chats)
    wizard.targets = [None] * len(wizard.chosen)
    wizard.make_previews(lambda: None, lambda _exc: None, lambda: None)
    ((title, work),) = started
    assert title == "Reading 1 chat for the preview…"
    seen: list[tuple[int, int]] = []
    (preview,) = work(lambda done, total: seen.append((done, total)))
    assert preview.counts.messages_new == 20_000
    (whole,) = {total for _done, total in seen}
    dones = [done for done, _total in seen]
    assert dones == sorted(dones) and dones[-1] == whole  # forward only, full at the end
    assert len({d for d in dones if 0 < d < whole}) > 2  # and moving on the way
