"""The shared chat-export examples (../shared/data/chats) and what a test needs to read them:
each entry of expected.json with its files, the zone they were written in, and the operator."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.core.ad_like import AD_WORDS, is_ad_like
from app.io.chats import ChatEvent, ChatMessage, list_chats, read_chat
from tests.conftest import SHARED_DATA

CHATS = SHARED_DATA / "chats"
ZONE = ZoneInfo("Asia/Shanghai")  # the exporting machines' zone (README: Asia/Shanghai)
# the operator's own account in each chat: expected.json's operator_messages are this
# sender's messages in per_speaker (where the export marks the operator, the reader must
# find them without being told)
OPERATORS = {
    "telegram/result.json": "3806552161",
    "discord/独立游戏开发者 - 社区 - 闲聊 [822222222722609098].json": "542509944428262255",
    "discord/像素画交流 - 闲聊.csv": "916620613010655039",
    "qq/开心读书会.txt": "1072097673",
    "qq/摄影爱好者.txt": "3984531084",
    "qce/考研互助群.json": "2443225323",
    "wechat/宝妈交流群.csv": "wxid_uru9j5avmsawsh",
    "wechat/pywxdump/": "wxid_zhq8zy2rk45rzf",
    "wechat/露营装备群.json": "wxid_yrv3hbdcauepwv",
    "chatlab/前端技术交流.json": "1868769124",
    "chatlab/桌游周末局.jsonl": "831676432",
}
# formats whose files say who the operator is (QQ Chat Exporter selfUin, MemoTrace IsSender,
# PyWxDump "我", WeFlow isSend): read without ``me``
MARKS_OPERATOR = {"qq-chat-exporter-json", "memotrace-csv", "pywxdump-csv", "weflow-json"}


@cache
def expected() -> dict[str, Any]:
    return dict(json.loads((CHATS / "expected.json").read_text(encoding="utf-8")))


def files_of(key: str) -> list[Path]:
    """The files of an entry: one file, or every file of a folder (``wechat/pywxdump/``)."""
    path = CHATS / key
    return sorted(path.iterdir()) if key.endswith("/") else [path]


def chat_entries() -> list[str]:
    """Every entry of expected.json that is a chat (not the roster, not a part of a chat)."""
    return [k for k, v in expected().items() if k in OPERATORS]


@dataclass
class Figures:
    """What a test counts of one chat's records."""

    messages: list[ChatMessage] = field(default_factory=list)
    events: list[ChatEvent] = field(default_factory=list)
    operator: str = ""

    def sender(self, message: ChatMessage) -> str:
        # PyWxDump names the operator only "我": the caller knows the id (My accounts)
        return message.sender_id or (self.operator if message.from_operator else "")

    def per_sender(self) -> dict[str, tuple[int, datetime]]:
        counts = Counter(self.sender(m) for m in self.messages)
        last: dict[str, datetime] = {}
        for m in self.messages:
            key = self.sender(m)
            last[key] = max(last.get(key, m.sent_at), m.sent_at)
        return {key: (counts[key], last[key]) for key in counts}

    def ad_like_since(self, since: datetime) -> int:
        return sum(
            1
            for m in self.messages
            if m.sent_at >= since
            and not m.from_operator
            and is_ad_like(m.text, AD_WORDS, by_admin=m.sender_role in ("owner", "admin"))
        )


def read_entry(key: str) -> tuple[str, Figures]:
    """``(format, figures)`` of an entry read as the window would: detect, list, read."""
    chats = list_chats(files_of(key))
    assert len(chats) == 1
    chat = chats[0]
    operator = OPERATORS[key]
    me = () if chat.format in MARKS_OPERATOR else (operator,)
    figures = Figures(operator=operator)
    for record in read_chat(chat, zone=ZONE, me=me):
        if isinstance(record, ChatMessage):
            figures.messages.append(record)
        else:
            figures.events.append(record)
    return chat.format, figures


def utc(text: str) -> datetime:
    """An expected.json time (with its offset) as naive UTC, like the records'."""
    moment = datetime.fromisoformat(text)
    offset = moment.utcoffset() or timedelta(0)
    return moment.replace(tzinfo=None) - offset
