"""Every shared chat export is detected and read with the figures of its expected.json that a
reader alone can give (the rest, windows and weeks, are the importer's)."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest

from app.io.chats import detect, list_chats
from tests.io.chats.shared import chat_entries, expected, files_of, read_entry, utc

MINUTE_DATES = {"discordchatexporter-csv"}  # its dates have no seconds (README)


@pytest.mark.parametrize("key", chat_entries())
def test_each_shared_export_reads_with_its_expected_figures(key: str) -> None:
    want = expected()[key]
    fmt, got = read_entry(key)
    assert fmt == want["format"]
    messages = got.messages
    assert len(messages) == want["messages"]
    assert sum(not m.from_bot for m in messages) == want["messages_by_humans"]
    assert len({got.sender(m) for m in messages}) == want["distinct_senders"]
    assert sum(m.from_operator for m in messages) == want["operator_messages"]
    kinds = Counter(e.kind for e in got.events)
    assert kinds["join"] == want["joins"]
    assert kinds["leave"] + kinds["removed"] == want["leaves"]
    first, last = (
        t.replace(microsecond=0)
        for t in (min(m.sent_at for m in messages), max(m.sent_at for m in messages))
    )
    want_first, want_last = utc(want["first_message_at"]), utc(want["last_message_at"])
    if fmt in MINUTE_DATES:
        want_first, want_last = (t.replace(second=0) for t in (want_first, want_last))
    assert (first, last) == (want_first, want_last)
    per_sender = got.per_sender()
    assert {k: n for k, (n, _) in per_sender.items()} == {
        k: v["messages"] for k, v in want["per_speaker"].items()
    }
    if fmt not in MINUTE_DATES:
        # to the second, as expected.json has them (Discord's own times carry milliseconds)
        assert {k: at.replace(microsecond=0) for k, (_, at) in per_sender.items()} == {
            k: utc(v["last_message_at"]) for k, v in want["per_speaker"].items()
        }
    now = utc(expected()["_generated"]["now"])
    assert got.ad_like_since(now - timedelta(days=14)) == want["ad_like_messages_last_14d"]


@pytest.mark.parametrize("key", chat_entries())
def test_each_shared_export_names_its_chat(key: str) -> None:
    want = expected()[key]
    (chat,) = list_chats(files_of(key))
    assert chat.format == want["format"]
    if chat.format == "pywxdump-csv":
        assert chat.name == ""  # PyWxDump's files name the chatroom only by its id
    else:
        assert chat.name == want["chat"]
    if chat.format in ("qq-txt", "discordchatexporter-csv"):
        assert chat.chat_id == ""  # these exports carry no id of the chat
    elif chat.platform == "discord":
        # the server's id; the generator built the ids of server and channel on chat_id
        assert chat.chat_id == "911111111722609098"
        assert chat.chat_id.endswith(want["chat_id"])
        assert chat.channel == "闲聊"
    else:
        assert chat.chat_id == want["chat_id"]


def test_each_part_of_a_split_pywxdump_export_is_detected_as_such() -> None:
    parts = [k for k, v in expected().items() if v.get("part_of") == "wechat/pywxdump/"]
    assert len(parts) == 2
    for key in parts:
        assert detect(files_of(key)) == "pywxdump-csv"


def test_the_operator_is_found_where_the_export_marks_it() -> None:
    (chat,) = list_chats(files_of("qce/考研互助群.json"))
    assert chat.self_id == "2443225323"
    (chat,) = list_chats(files_of("wechat/宝妈交流群.csv"))
    assert chat.self_id == "wxid_uru9j5avmsawsh"
