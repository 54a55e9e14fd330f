"""The records every reader yields: their types, their fields, the text cut short."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from datetime import datetime
from pathlib import Path

import pytest

from app.io.chats import (
    EVENT_KINDS,
    FORMATS,
    IJSON_BACKEND,
    MESSAGE_KINDS,
    PLATFORMS,
    TEXT_LIMIT,
    ChatEvent,
    ChatInfo,
    ChatMessage,
    list_chats,
    read_chat,
)
from tests.io.chats.shared import ZONE, chat_entries, files_of


@pytest.mark.parametrize("key", chat_entries())
def test_every_record_is_a_plain_frozen_record(key: str) -> None:
    (chat,) = list_chats(files_of(key))
    assert isinstance(chat, ChatInfo)
    assert chat.format in FORMATS and chat.platform in PLATFORMS
    assert all(isinstance(p, Path) for p in chat.files)
    seen = set()
    for record in read_chat(chat, zone=ZONE):
        assert type(record) in (ChatMessage, ChatEvent)
        assert not hasattr(record, "__dict__")  # slots: a million of them stay small
        seen.add(type(record))
        if isinstance(record, ChatMessage):
            assert isinstance(record.sent_at, datetime) and record.sent_at.tzinfo is None
            assert record.kind in MESSAGE_KINDS
            assert len(record.text) <= TEXT_LIMIT
            for name in ("message_id", "sender_id", "sender_name", "group_nickname", "text"):
                assert isinstance(getattr(record, name), str)
            assert record.sender_role in ("owner", "admin", "")
        else:
            assert isinstance(record.at, datetime) and record.at.tzinfo is None
            assert record.kind in EVENT_KINDS
    assert seen == {ChatMessage, ChatEvent} or chat.format == "discordchatexporter-csv"
    with pytest.raises(dataclasses.FrozenInstanceError):
        chat.name = "x"  # type: ignore[misc]


def _telegram(folder: Path, messages: list[dict[str, object]]) -> list[ChatMessage]:
    path = folder / "result.json"
    chat = {"name": "群", "type": "private_supergroup", "id": 1, "messages": messages}
    path.write_text(json.dumps(chat, ensure_ascii=False), encoding="utf-8")
    (info,) = list_chats([path])
    return [r for r in read_chat(info, zone=ZONE) if isinstance(r, ChatMessage)]


def _message(n: int, **fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": n, "type": "message", "date": "2026-06-15T09:35:55",
        "date_unixtime": "1781487355", "from": "陈玲", "from_id": "user62", "text": "",
    }  # fmt: skip
    return {**base, **fields}


def test_a_long_text_is_cut_after_its_link_is_seen(tmp_path: Path) -> None:
    long = "长" * 5000 + " https://example.com"
    (message,) = _telegram(tmp_path, [_message(1, text=long)])
    assert message.text == "长" * TEXT_LIMIT
    assert message.has_link


def test_telegram_kinds_and_flags(tmp_path: Path) -> None:
    messages = _telegram(
        tmp_path,
        [
            _message(1, text=["看 ", {"type": "text_link", "text": "这里", "href": "x"}]),
            _message(2, photo="(File not included.)", reply_to_message_id=1),
            _message(3, file="x", media_type="sticker"),
            _message(4, file="x", file_name="a.pdf"),
            _message(5, text="欢迎", **{"from": "群管家Bot", "from_id": "user99"}),
            _message(6, text="频道", from_id="channel77"),
            _message(7, poll={"question": "?"}),
        ],
    )
    assert [(m.kind, m.has_link, m.is_reply, m.from_bot) for m in messages] == [
        ("text", True, False, False),
        ("image", False, True, False),
        ("sticker", False, False, False),
        ("file", False, False, False),
        ("text", False, False, True),
        ("text", False, False, False),
        ("other", False, False, False),
    ]
    assert [m.sender_id for m in messages][4:6] == ["99", "channel77"]
    assert messages[0].sent_at == datetime(2026, 6, 15, 1, 35, 55)


def test_telegram_service_messages_are_events(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    service = {"type": "service", "date": "2026-06-15T09:00:00", "date_unixtime": "1781485200"}
    chat = {
        "name": "群", "type": "private_group", "id": 1,
        "messages": [
            {**service, "id": 1, "actor": "甲", "actor_id": "user1", "action": "invite_members",
             "members": ["乙", "丙"]},
            {**service, "id": 2, "actor": "甲", "actor_id": "user1", "action": "remove_members",
             "members": ["乙"]},
            {**service, "id": 3, "actor": "丙", "actor_id": "user3", "action": "remove_members",
             "members": ["丙"]},
            {**service, "id": 4, "actor": "甲", "actor_id": "user1", "action": "pin_message",
             "message_id": 9},
            {**service, "id": 5, "actor": "丁", "actor_id": "user4",
             "action": "join_group_by_request"},
        ],
    }  # fmt: skip
    path.write_text(json.dumps(chat, ensure_ascii=False), encoding="utf-8")
    (info,) = list_chats([path])
    events = list(read_chat(info, zone=ZONE))
    assert [(e.kind, e.member_id, e.member_name, e.by_id) for e in events] == [  # type: ignore[union-attr]
        ("join", "", "乙", "1"),
        ("join", "", "丙", "1"),
        ("removed", "", "乙", "1"),
        ("leave", "3", "丙", ""),
        ("pin", "1", "甲", ""),
        ("join", "4", "丁", ""),
    ]


def test_wechat_system_lines_name_who_did_what() -> None:
    (chat,) = list_chats(files_of("wechat/宝妈交流群.csv"))
    events = [r for r in read_chat(chat, zone=ZONE) if isinstance(r, ChatEvent)]
    assert (events[0].kind, events[0].member_name, events[0].by_name) == (
        "join",
        "于辉林",
        "范涛涵",
    )
    removed = [e for e in events if e.kind == "removed"]
    assert removed and all(e.by_operator and not e.by_name for e in removed)


def test_the_c_backend_of_ijson_is_used_when_installed() -> None:
    if importlib.util.find_spec("ijson.backends._yajl2") is not None:
        assert IJSON_BACKEND == "yajl2_c"
    assert IJSON_BACKEND in ("yajl2_c", "yajl2_cffi", "yajl2", "yajl", "python")
