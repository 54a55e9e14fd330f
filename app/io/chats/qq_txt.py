"""The QQ message manager's TXT export (PC QQ 消息管理器 → 导出消息记录 → .txt).

UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030; CRLF. A title block names the
chat (``消息对象:开心读书会``); an export of several chats repeats it, one section a chat.
Each message starts, after a blank line, with ``date time name(QQ号)`` or
``date time name<email>``, its lines follow. A name may carry a title (``【管理员】``, which
gives the role for 群主 and 管理员) and parentheses of its own: the QQ number is the last.
``系统消息(10000)`` lines are events (joins, leaves, removals, recalls). Times are local.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path

from app.io.chats.files import local_to_utc, text_encoding, text_lines
from app.io.chats.records import ChatInfo, ChatMessage, Record, has_link, short_text
from app.io.chats.system_lines import event_from_text

FORMAT = "qq-txt"
HEADER = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2}) (?P<time>\d{1,2}:\d{2}:\d{2}) (?P<name>.*?)"
    r"(?:\((?P<qq>\d{4,12})\)|<(?P<email>[^<>\s]+@[^<>\s]+)>)\s*$"
)
TITLE = re.compile(r"^【(?P<title>[^】]{1,12})】")
CHAT = re.compile(r"^消息对象:(?P<name>.*)$")
SYSTEM_ID = "10000"
_ROLES = {"群主": "owner", "管理员": "admin"}
_PLACEHOLDERS = {"[图片]": "image", "[表情]": "sticker", "[文件]": "file", "[闪照]": "image"}
_RULE = "=" * 16
_TITLE_LINE = "消息记录"
_BODY_LIMIT = 4000  # characters of a message's lines kept while it is read


def is_export(head: str) -> bool:
    """A head of text that looks like the message manager's TXT."""
    lines = head.lstrip("\ufeff").splitlines()
    if any(CHAT.match(line) for line in lines[:20]) and "消息记录" in head[:200]:
        return True
    return sum(1 for line in lines[:200] if HEADER.match(line)) >= 2


def chats(path: Path, head: bytes) -> list[ChatInfo]:
    """Each chat (section) of the file."""
    encoding = text_encoding(head)
    names = [m.group("name").strip() for _, line in text_lines(path, encoding)
             if line.startswith("消息对象") and (m := CHAT.match(line))]  # fmt: skip
    if not names:  # no title block: the whole file is one chat, named after the file
        return [ChatInfo(FORMAT, "qq", "", path.stem, (path,))]
    return [
        ChatInfo(FORMAT, "qq", "", name, (path,), key=str(index))
        for index, name in enumerate(names)
    ]


def records(
    chat: ChatInfo, operators: frozenset[str], zone: tzinfo, head: bytes
) -> Iterator[Record]:
    """Messages and events of ``chat``'s section of the file."""
    path = chat.files[0]
    wanted = int(chat.key or 0)
    section = 0 if not chat.key else -1  # a file without a title block is one chat
    header: re.Match[str] | None = None
    body: list[str] = []
    size = 0
    blank = True
    for _, line in text_lines(path, text_encoding(head)):
        if line.startswith("消息对象") and CHAT.match(line):
            if header is not None and section == wanted:
                yield from _record(header, body, operators, zone)
            header, body, size, section = None, [], 0, section + 1
            if section > wanted:
                return
            continue
        if line.startswith(_RULE):  # a title block: the message before it has ended
            while body and (not body[-1].strip() or body[-1].startswith(_TITLE_LINE)):
                body.pop()
            if header is not None and section == wanted:
                yield from _record(header, body, operators, zone)
            header, body, size, blank = None, [], 0, True
            continue
        found = HEADER.match(line) if blank else None
        blank = not line.strip()
        if found is not None:
            if header is not None and section == wanted:
                yield from _record(header, body, operators, zone)
            header, body, size = found, [], 0
        elif header is not None and size < _BODY_LIMIT:
            body.append(line)
            size += len(line) + 1
    if header is not None and section == wanted:
        yield from _record(header, body, operators, zone)


def _record(
    header: re.Match[str], body: list[str], operators: frozenset[str], zone: tzinfo
) -> Iterator[Record]:
    while body and not body[-1].strip():
        body.pop()
    text = "\n".join(body)
    at = local_to_utc(
        datetime.strptime(f"{header['date']} {header['time']}", "%Y-%m-%d %H:%M:%S"), zone
    )
    sender = header["qq"] or header["email"] or ""
    name = header["name"].strip()
    if sender == SYSTEM_ID:
        event = event_from_text(text, at)
        if event is not None:
            yield event
        return
    role = ""
    title = TITLE.match(name)
    if title is not None:
        role = _ROLES.get(title["title"], "")
        name = name[title.end() :].strip()
    stripped = text.strip()
    kind = _PLACEHOLDERS.get(stripped, "text" if stripped else "other")
    yield ChatMessage(
        message_id="",
        sent_at=at,
        sender_id=sender,
        sender_name=name,
        kind=kind,
        text=short_text(text),
        sender_role=role,
        has_link=has_link(text),
        from_operator=sender in operators,
    )
