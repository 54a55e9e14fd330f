"""What the chat import wizard calls formats, chats and senders, in the interface language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.core import clock
from app.io.chats import ChatInfo
from app.ui.labels import label

CONTEXT = "ChatWords"
FORMATS = {
    "telegram-json": QT_TRANSLATE_NOOP("ChatWords", "Telegram Desktop export (JSON)"),
    "discordchatexporter-json": QT_TRANSLATE_NOOP("ChatWords", "DiscordChatExporter (JSON)"),
    "discordchatexporter-csv": QT_TRANSLATE_NOOP("ChatWords", "DiscordChatExporter (CSV)"),
    "qq-txt": QT_TRANSLATE_NOOP("ChatWords", "QQ message manager (TXT)"),
    "qq-chat-exporter-json": QT_TRANSLATE_NOOP("ChatWords", "QQ Chat Exporter (JSON)"),
    "qq-chat-exporter-chunked": QT_TRANSLATE_NOOP("ChatWords", "QQ Chat Exporter (chunked JSONL)"),
    "memotrace-csv": QT_TRANSLATE_NOOP("ChatWords", "MemoTrace / WeChatMsg (CSV)"),
    "pywxdump-csv": QT_TRANSLATE_NOOP("ChatWords", "PyWxDump (CSV)"),
    "weflow-json": QT_TRANSLATE_NOOP("ChatWords", "WeFlow / EchoTrace (JSON)"),
    "chatlab-json": QT_TRANSLATE_NOOP("ChatWords", "ChatLab (JSON)"),
    "chatlab-jsonl": QT_TRANSLATE_NOOP("ChatWords", "ChatLab (JSONL)"),
}
KINDS = {
    "group": QT_TRANSLATE_NOOP("ChatWords", "group"),
    "supergroup": QT_TRANSLATE_NOOP("ChatWords", "supergroup"),
    "channel": QT_TRANSLATE_NOOP("ChatWords", "channel"),
    "other": QT_TRANSLATE_NOOP("ChatWords", "chat"),
}
# how a sender was matched (chat_match's MATCHED, CREATED, AMBIGUOUS, UNMATCHED, OPERATOR)
SENDERS = {
    "matched": QT_TRANSLATE_NOOP("ChatWords", "a member"),
    "new": QT_TRANSLATE_NOOP("ChatWords", "new member"),
    "ambiguous": QT_TRANSLATE_NOOP("ChatWords", "ambiguous"),
    "none": QT_TRANSLATE_NOOP("ChatWords", "not matched"),
    "me": QT_TRANSLATE_NOOP("ChatWords", "you (My accounts)"),
}


def words(table: dict[str, str], code: str) -> str:
    """The translated word for ``code`` in one of the tables above."""
    return label(table, code, CONTEXT)


def chat_title(chat: ChatInfo) -> str:
    """The chat as the person knows it: its name (and channel), else its id, else its file."""
    name = chat.name.strip() or chat.chat_id or chat.files[0].stem
    if chat.channel and chat.channel not in name:
        return f"{name} #{chat.channel}"
    return name


def local_time(moment: datetime | None) -> str:
    """A stored UTC time as the person's local date and time ("-" for none)."""
    if moment is None:
        return "-"
    return clock.to_local(moment).strftime("%Y-%m-%d %H:%M")
