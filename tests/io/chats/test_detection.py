"""Formats are told by content, not by name; files of one export read as one chat; a
whole-account Telegram export offers its group chats."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from app.io.chats import ChatMessage, detect, list_chats, read_chat, sniff
from tests.io.chats.builders import (
    DISCORD,
    OPERATOR,
    QCE,
    discord_partitions,
    qce_chunked,
    telegram_account,
)
from tests.io.chats.shared import ZONE, chat_entries, expected, files_of, read_entry


@pytest.mark.parametrize("key", chat_entries())
def test_each_format_is_told_by_its_content_under_any_name(key: str, tmp_path: Path) -> None:
    renamed = []
    for n, path in enumerate(files_of(key)):
        copy = tmp_path / f"export-{n}.dat"
        shutil.copyfile(path, copy)
        renamed.append(copy)
    assert detect(renamed) == expected()[key]["format"]


def _messages(paths: list[Path], **kwargs: object) -> list[ChatMessage]:
    (chat,) = list_chats(paths)
    return [r for r in read_chat(chat, zone=ZONE, **kwargs) if isinstance(r, ChatMessage)]  # type: ignore[arg-type]


def test_discord_partitions_read_as_one_chat(tmp_path: Path) -> None:
    parts = discord_partitions(tmp_path)
    assert detect(parts) == "discordchatexporter-json"
    (chat,) = list_chats(parts)
    assert chat.files == tuple(parts)
    assert chat.name == "独立游戏开发者" and chat.channel == "闲聊"
    whole = _messages([DISCORD])
    assert [m.message_id for m in _messages(parts)] == [m.message_id for m in whole]


def test_pywxdump_parts_and_users_json_read_as_one_chat() -> None:
    paths = files_of("wechat/pywxdump/")
    assert sorted(p.suffix for p in paths) == [".csv", ".csv", ".json"]
    (chat,) = list_chats(paths)
    assert chat.chat_id == "585650681"
    messages = _messages(paths)
    assert len(messages) == expected()["wechat/pywxdump/"]["messages"]
    # users.json names the senders and gives their group nicknames
    named = {m.sender_id: (m.sender_name, m.group_nickname) for m in messages}
    assert named["wxid_id0ukbcf87xdew"] == ("何然秀", "海门-何然秀")
    # the operator is "我" in the files: marked, without an id
    assert {m.sender_id for m in messages if m.from_operator} == {""}


def test_pywxdump_parts_without_users_json_still_read(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    for path in files_of("wechat/pywxdump/"):
        if path.suffix == ".csv":
            shutil.copyfile(path, folder / path.name)
    messages = _messages(sorted(folder.iterdir()))
    assert len(messages) == expected()["wechat/pywxdump/"]["messages"]
    assert {m.sender_name for m in messages} == {""}


def test_a_whole_account_telegram_export_offers_its_group_chats(tmp_path: Path) -> None:
    path = telegram_account(tmp_path)
    assert detect([path]) == "telegram-json"
    chats = list_chats([path])
    # the private chat and saved messages are never listed; the left group is
    assert [(c.name, c.chat_id, c.kind) for c in chats] == [
        ("城市骑行俱乐部", "434578991", "supergroup"),
        ("骑行小分队", "222", "group"),
        ("旧群", "444", "supergroup"),
    ]
    assert {c.self_id for c in chats} == {str(OPERATOR)}
    big, small, left = chats
    want = expected()["telegram/result.json"]
    records = list(read_chat(big, zone=ZONE))
    messages = [r for r in records if isinstance(r, ChatMessage)]
    assert len(messages) == want["messages"]
    # the account's own id marks the operator without being told
    assert sum(m.from_operator for m in messages) == want["operator_messages"]
    assert Counter(type(r).__name__ for r in records)["ChatEvent"] == 16
    assert [m.message_id for m in read_chat(small, zone=ZONE)] == ["1", "2", "3", "4", "5"]
    assert len(list(read_chat(left, zone=ZONE))) == 1


def test_the_chunked_qq_chat_exporter_form_reads_like_its_json(tmp_path: Path) -> None:
    manifest = qce_chunked(tmp_path / "export")
    assert sniff(manifest) == "qq-chat-exporter-chunked"
    (chat,) = list_chats([manifest])
    (single,) = list_chats([QCE])
    assert (chat.chat_id, chat.name, chat.self_id) == (single.chat_id, single.name, single.self_id)
    assert list(read_chat(chat, zone=ZONE)) == list(read_chat(single, zone=ZONE))
    _, figures = read_entry("qce/考研互助群.json")
    assert len(figures.messages) == 1491


def test_a_format_can_be_named_instead_of_detected() -> None:
    (chat,) = list_chats(files_of("qq/摄影爱好者.txt"), "qq-txt")
    assert chat.format == "qq-txt" and chat.name == "摄影爱好者"


def test_discord_csv_files_of_one_server_read_as_one_chat(tmp_path: Path) -> None:
    (source,) = files_of("discord/像素画交流 - 闲聊.csv")
    header, *rows = source.read_bytes().decode("utf-8").split("\r\n")
    rows = [r for r in rows if r]
    folder = tmp_path / "export"
    folder.mkdir()
    parts = []
    for n, name in enumerate(("像素画交流 - 闲聊 [1].csv", "像素画交流 - 作品 [2].csv")):
        part = folder / name
        chunk = rows[: len(rows) // 2] if n == 0 else rows[len(rows) // 2 :]
        part.write_text("\r\n".join([header, *chunk]) + "\r\n", encoding="utf-8")
        parts.append(part)
    (chat,) = list_chats(parts)
    assert (chat.name, chat.channel, chat.platform) == ("像素画交流", "闲聊, 作品", "discord")
    messages = _messages(parts)
    assert len(messages) == expected()["discord/像素画交流 - 闲聊.csv"]["messages"]


def test_an_older_telegram_export_without_unix_times_is_read_in_its_zone(tmp_path: Path) -> None:
    chat = {
        "name": "群", "type": "private_group", "id": 5,
        "messages": [{"id": 1, "type": "message", "date": "2020-01-02T08:00:00",
                      "from": "甲", "from_id": 7, "text": "早"}],
    }  # fmt: skip
    path = tmp_path / "result.json"
    path.write_text(json.dumps(chat, ensure_ascii=False), encoding="utf-8")
    assert detect([path]) == "telegram-json"
    (message,) = _messages([path])
    assert (message.sender_id, message.sent_at) == ("7", datetime(2020, 1, 2, 0, 0))
