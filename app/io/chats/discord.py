"""DiscordChatExporter's exports: JSON (one channel a file) and CSV.

Several files of one export (``--partition``, or several channels of one server) read as one
chat: the server. JSON gives the server's and the channel's ids and names, each author's id,
name, server nickname and ``isBot``; ``GuildMemberJoin`` messages are joins,
``ChannelPinnedMessage`` pins, ``RecipientAdd``/``RecipientRemove`` joins and leaves. CSV
(``AuthorID,Author,Date,Content,Attachments,Reactions``) has no ids of the server or channel
and no bot flag: the chat is named after the file (``Server - Channel.csv``, the exporter's
default), and its dates follow the exporter's ``--date-format`` in the exporter's local time:
ISO 8601 and the common patterns are tried (month first before day first).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from app.io.chats.files import csv_rows, damaged, json_head, json_items, local_to_utc
from app.io.chats.records import (
    ChatEvent,
    ChatInfo,
    ChatMessage,
    Record,
    has_link,
    short_text,
)

JSON_FORMAT = "discordchatexporter-json"
CSV_FORMAT = "discordchatexporter-csv"
CSV_HEADER = ["AuthorID", "Author", "Date", "Content", "Attachments", "Reactions"]
_MESSAGE_TYPES = frozenset(
    {"Default", "Reply", "ChatInputCommand", "ContextMenuCommand", "ThreadStarterMessage"}
)
_IMAGE = re.compile(r"\.(?:png|jpe?g|gif|webp|bmp|heic)(?:\?|$)", re.IGNORECASE)
_DATE_PATTERNS = (
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%d-%b-%y %I:%M %p",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M",
)
_FILE_ID = re.compile(r"\s*\[\d+\]\s*$")


def is_json_export(head: str) -> bool:
    start = head.lstrip("\ufeff \r\n\t")[:2048]
    return start.startswith("{") and '"guild"' in start and '"channel"' in head


def is_csv_header(cells: list[str]) -> bool:
    return [c.strip().lstrip("\ufeff") for c in cells[:4]] == CSV_HEADER[:4]


def json_chats(paths: list[Path]) -> list[ChatInfo]:
    """One chat per server among the files, its channels named in ``channel``."""
    servers: dict[str, tuple[str, list[Path], list[str]]] = {}
    for path in paths:
        head = json_head(path, ("guild", "channel"), ("messages",))
        guild = head.get("guild", {})
        key = str(guild.get("id") or head.get("channel", {}).get("id") or path.name)
        name, files, channels = servers.setdefault(key, (str(guild.get("name") or ""), [], []))
        files.append(path)
        channel = str(head.get("channel", {}).get("name") or "")
        if channel and channel not in channels:
            channels.append(channel)
    return [
        ChatInfo(JSON_FORMAT, "discord", key, name, tuple(files), channel=", ".join(channels))
        for key, (name, files, channels) in servers.items()
    ]


def csv_chats(paths: list[Path]) -> list[ChatInfo]:
    """One chat per server named in the files' names (``Server - Channel.csv``)."""
    servers: dict[str, tuple[list[Path], list[str]]] = {}
    for path in paths:
        stem = _FILE_ID.sub("", path.stem)
        server, _, channel = stem.partition(" - ")
        files, channels = servers.setdefault(server.strip(), ([], []))
        files.append(path)
        channel = channel.rpartition(" - ")[2].strip()
        if channel and channel not in channels:
            channels.append(channel)
    return [
        ChatInfo(CSV_FORMAT, "discord", "", name, tuple(files), channel=", ".join(channels))
        for name, (files, channels) in servers.items()
    ]


def json_records(chat: ChatInfo, operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    for path in chat.files:
        for m in json_items(path, "messages.item"):
            if isinstance(m, dict):
                try:
                    yield from _json_record(m, operators)
                except (KeyError, TypeError, ValueError) as exc:
                    raise damaged(path, f"message {m.get('id')}: {exc!r}") from None


def _utc(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _json_record(m: dict[str, Any], operators: frozenset[str]) -> Iterator[Record]:
    author = m.get("author") or {}
    author_id = str(author.get("id") or "")
    name = str(author.get("name") or "")
    at = _utc(str(m["timestamp"]))
    kind = m.get("type")
    message_id = str(m.get("id") or "")
    if kind in ("GuildMemberJoin", "RecipientAdd"):
        yield ChatEvent("join", at, author_id, name, event_id=message_id)
        return
    if kind == "RecipientRemove":
        yield ChatEvent("leave", at, author_id, name, event_id=message_id)
        return
    if kind == "ChannelPinnedMessage":
        yield ChatEvent("pin", at, author_id, name, event_id=message_id)
        return
    if kind not in _MESSAGE_TYPES:
        return
    content = str(m.get("content") or "")
    attachments = m.get("attachments") or []
    embeds = m.get("embeds") or []
    if m.get("stickers"):
        what = "sticker"
    elif attachments:
        first = str(attachments[0].get("fileName") or attachments[0].get("url") or "")
        what = "image" if _IMAGE.search(first) else "file"
    elif content:
        what = "text"
    elif embeds:
        what = "link"
    else:
        what = "other"
    yield ChatMessage(
        message_id=message_id,
        sent_at=at,
        sender_id=author_id,
        sender_name=name,
        kind=what,
        text=short_text(content),
        group_nickname=str(author.get("nickname") or ""),
        has_link=has_link(content) or any(e.get("url") for e in embeds if isinstance(e, dict)),
        is_reply=kind == "Reply" or bool(m.get("reference")),
        from_bot=bool(author.get("isBot")),
        from_operator=author_id in operators,
    )


def csv_records(chat: ChatInfo, operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    pattern: list[str] = []
    for path in chat.files:
        for line, row in csv_rows(path):
            stamp = (row.get("Date") or "").strip()
            at = _csv_date(stamp, pattern)
            if at is None:
                raise damaged(path, f"line {line}: unknown date {stamp!r}")
            at = local_to_utc(at, zone) if at.tzinfo is None else _utc(stamp)
            content = row.get("Content") or ""
            attachments = (row.get("Attachments") or "").strip()
            if attachments:
                kind = "image" if _IMAGE.search(attachments.split(",")[0]) else "file"
            else:
                kind = "text" if content else "other"
            author_id = (row.get("AuthorID") or "").strip()
            yield ChatMessage(
                message_id="",
                sent_at=at,
                sender_id=author_id,
                sender_name=(row.get("Author") or "").strip(),
                kind=kind,
                text=short_text(content),
                has_link=has_link(content),
                from_operator=author_id in operators,
            )


def _csv_date(stamp: str, pattern: list[str]) -> datetime | None:
    """The date of a CSV cell; the first pattern that works is kept in ``pattern``."""
    tried = pattern + ["iso", *_DATE_PATTERNS] if pattern else ["iso", *_DATE_PATTERNS]
    for candidate in tried:
        try:
            if candidate == "iso":
                found = datetime.fromisoformat(stamp)  # with its offset, when it has one
            else:
                found = datetime.strptime(stamp, candidate)
        except ValueError:
            continue
        if not pattern or pattern[0] != candidate:
            pattern[:] = [candidate]
        return found
    return None
