"""The plain records every chat-export reader yields: a chat, its messages and its events.

Slotted (and not frozen, which would make each one three times as slow to build): a million
of them pass through an import one at a time, and none is kept; nobody changes them. Times
are naive UTC datetimes. Ids are the platform's own, as text; an empty string means the
export does not give one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

__all__ = [
    "EVENT_KINDS",
    "FORMATS",
    "MESSAGE_KINDS",
    "PLATFORMS",
    "TEXT_LIMIT",
    "ChatEvent",
    "ChatInfo",
    "ChatMessage",
    "Record",
    "from_unix",
    "has_link",
    "short_text",
]

PLATFORMS = ("qq", "wechat", "telegram", "discord", "other")
# one name per reader (the CLI's --format takes these)
FORMATS = (
    "telegram-json",
    "discordchatexporter-json",
    "discordchatexporter-csv",
    "qq-txt",
    "qq-chat-exporter-json",
    "qq-chat-exporter-chunked",
    "memotrace-csv",
    "pywxdump-csv",
    "weflow-json",
    "chatlab-json",
    "chatlab-jsonl",
)
MESSAGE_KINDS = ("text", "image", "sticker", "file", "link", "other")
EVENT_KINDS = ("join", "leave", "removed", "recall", "pin")
TEXT_LIMIT = 1000  # characters of a message's text handed on (enough to judge ad-likeness)
ROLES = ("owner", "admin", "")

_EPOCH = datetime(1970, 1, 1)
_LINK = re.compile(
    r"https?://|www\.|\bt\.me/|\b[\w-]+\.(?:com|cn|net|org|io|me|cc|top|xyz|vip|shop|link)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ChatInfo:
    """One chat in the chosen files: what it is called and where its records are.

    ``chat_id`` is the platform's id of the chat (a Telegram chat id, a Discord server id, a
    QQ group number, a WeChat chatroom number without ``@chatroom``), empty when the export
    has none (QQ message manager TXT). ``name`` is the chat's own name, empty when the export
    does not say (PyWxDump). ``channel`` names the Discord channel(s) read. ``self_id`` is the
    exporting account's own id where the export says (QQ Chat Exporter's ``selfUin``, a
    whole-account Telegram export's user id, ChatLab's ``ownerId``, MemoTrace's ``IsSender``
    rows): the operator. ``files`` and ``key`` are what ``read_chat`` needs (``key`` picks
    one chat of a whole-account Telegram export).
    """

    format: str
    platform: str
    chat_id: str
    name: str
    files: tuple[Path, ...]
    channel: str = ""
    self_id: str = ""
    key: str = ""
    kind: str = "group"  # group | supergroup | channel | private (never listed) | other


@dataclass(slots=True)  # not frozen: a frozen one takes three times as long to make
class ChatMessage:
    """One message sent by a person or a bot (service and system lines are ``ChatEvent``s).

    ``sender_id`` is the platform id (QQ number, wxid, Telegram user id without its ``user``
    prefix, Discord id); empty only for the operator's own messages in exports that name them
    "我" (PyWxDump). ``sender_role`` is ``owner``, ``admin`` or empty (not said). ``text`` is
    cut to ``TEXT_LIMIT`` characters, only so that the caller can judge ad-likeness; keep
    none of it.
    """

    message_id: str
    sent_at: datetime
    sender_id: str
    sender_name: str
    kind: str
    text: str = ""
    group_nickname: str = ""
    sender_role: str = ""
    has_link: bool = False
    is_reply: bool = False
    from_bot: bool = False
    from_operator: bool = False


@dataclass(slots=True)
class ChatEvent:
    """Someone joined, left, was removed, recalled a message, or pinned one.

    ``member_id``/``member_name`` is who it happened to (the joiner, the one removed, the one
    who recalled or pinned); ``by_id``/``by_name`` who did it where the export says (the
    inviter, the remover; "你" (the operator) in WeChat is ``by_operator``). Most exports name
    people in system lines only by display name: the ids are then empty.
    """

    kind: str
    at: datetime
    member_id: str = ""
    member_name: str = ""
    by_id: str = ""
    by_name: str = ""
    by_operator: bool = False
    event_id: str = ""


Record = ChatMessage | ChatEvent


def from_unix(seconds: float) -> datetime:
    """A Unix time as a naive UTC datetime (without ``utcfromtimestamp``, deprecated)."""
    return _EPOCH + timedelta(seconds=seconds)


def has_link(text: str) -> bool:
    """True when ``text`` holds a web link (``http://``, ``www.``, ``t.me/``, ``x.com``…)."""
    # every form has an ASCII dot: most messages are passed over without the pattern
    return "." in text and _LINK.search(text) is not None


def short_text(text: str | None) -> str:
    """``text`` cut to ``TEXT_LIMIT`` characters (empty for none)."""
    if not text:
        return ""
    return text[:TEXT_LIMIT] if len(text) > TEXT_LIMIT else text
