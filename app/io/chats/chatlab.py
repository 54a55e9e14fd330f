"""The ChatLab standard format (chatlab.fun), JSON and JSONL.

JSON: ``{chatlab: {version}, meta: {name, platform, type, groupId, ownerId}, members: [...],
messages: [...]}``; JSONL: one ``_type`` = ``header`` line, then ``member`` and ``message``
lines. ``meta.ownerId`` is the exporting account (the operator); members' ``roles`` give
owner and admin. Message ``type``: 0 text, 1 image, 4 file, 5 sticker, 7 link, 25 a reply,
80 system (an event, its text as in QQ or WeChat), 81 a recall; the rest are "other".
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path
from typing import Any

from app.io.chats.files import damaged, json_events, json_head, json_items, text_lines
from app.io.chats.records import (
    ChatEvent,
    ChatInfo,
    ChatMessage,
    Record,
    from_unix,
    has_link,
    short_text,
)
from app.io.chats.system_lines import event_from_text
from app.io.errors import QT_TRANSLATE_NOOP, ChatExportError

JSON_FORMAT = "chatlab-json"
JSONL_FORMAT = "chatlab-jsonl"
_KINDS = {0: "text", 1: "image", 4: "file", 5: "sticker", 7: "link", 25: "text"}
_PLATFORMS = {"qq": "qq", "wechat": "wechat", "weixin": "wechat", "telegram": "telegram",
              "discord": "discord"}  # fmt: skip
_ROLES = {"owner": "owner", "admin": "admin"}
_MEMBER_LIMIT = 1_000_000  # members whose roles are held while reading


def is_json(head: str) -> bool:
    start = head.lstrip("\ufeff \r\n\t")[:2048]
    return start.startswith("{") and '"chatlab"' in start and '"meta"' in head


def is_jsonl(head: str) -> bool:
    first = head.lstrip("\ufeff").split("\n", 1)[0]
    return first.lstrip().startswith("{") and '"_type"' in first and '"header"' in first


def _info(path: Path, meta: dict[str, Any], fmt: str) -> ChatInfo:
    if str(meta.get("type") or "group") == "private":
        raise ChatExportError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} holds no group chats (private chats are not imported)."
            ),
            name=path.name,
        )
    return ChatInfo(
        fmt,
        _PLATFORMS.get(str(meta.get("platform") or "").lower(), "other"),
        str(meta.get("groupId") or ""),
        str(meta.get("name") or ""),
        (path,),
        self_id=str(meta.get("ownerId") or ""),
    )


def json_chats(path: Path) -> list[ChatInfo]:
    meta = json_head(path, ("meta",), ("members", "messages"))["meta"]
    return [_info(path, meta, JSON_FORMAT)]


def jsonl_chats(path: Path) -> list[ChatInfo]:
    for number, line in text_lines(path, "utf-8-sig"):
        try:
            header = json.loads(line)
        except ValueError as exc:
            raise damaged(path, f"line {number}: {exc}") from None
        return [_info(path, header.get("meta") or {}, JSONL_FORMAT)]
    raise damaged(path, "no header line")


def _json_roles(path: Path) -> dict[str, str]:
    """``{platformId: owner | admin}`` of the members listed before the messages."""
    roles: dict[str, str] = {}
    member = ""
    with path.open("rb", buffering=0) as fh:
        for prefix, _event, value in json_events(path, fh):
            if prefix == "messages":
                break
            if prefix == "members.item.platformId":
                member = str(value)
            elif prefix == "members.item.roles.item.id" and value in _ROLES:
                roles[member] = _ROLES[str(value)]
                if len(roles) > _MEMBER_LIMIT:
                    break
    return roles


def json_records(chat: ChatInfo, operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    path = chat.files[0]
    roles = _json_roles(path)
    for m in json_items(path, "messages.item"):
        if isinstance(m, dict):
            yield from _checked(path, m, roles, operators)


def jsonl_records(chat: ChatInfo, operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    path = chat.files[0]
    roles: dict[str, str] = {}
    for number, line in text_lines(path, "utf-8-sig"):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise damaged(path, f"line {number}: {exc}") from None
        if not isinstance(item, dict):
            continue
        what = item.get("_type")
        if what == "message":
            yield from _checked(path, item, roles, operators)
        elif what == "member" and len(roles) < _MEMBER_LIMIT:
            for role in item.get("roles") or ():
                if isinstance(role, dict) and role.get("id") in _ROLES:
                    roles[str(item.get("platformId"))] = _ROLES[str(role["id"])]


def _checked(
    path: Path, m: dict[str, Any], roles: dict[str, str], operators: frozenset[str]
) -> Iterator[Record]:
    try:
        yield from _record(m, roles, operators)
    except (KeyError, TypeError, ValueError) as exc:
        raise damaged(path, f"message at {m.get('timestamp')}: {exc!r}") from None


def _record(
    m: dict[str, Any], roles: dict[str, str], operators: frozenset[str]
) -> Iterator[Record]:
    at = from_unix(float(m["timestamp"]))
    type_code = int(m.get("type") or 0)
    text = str(m.get("content") or "")
    sender = str(m.get("sender") or "")
    name = str(m.get("accountName") or "")
    message_id = str(m.get("platformMessageId") or "")
    if type_code == 80:
        event = event_from_text(text, at, message_id)
        if event is not None:
            yield event
        return
    if type_code == 81:
        yield ChatEvent("recall", at, sender, name, event_id=message_id)
        return
    kind = _KINDS.get(type_code, "other")
    yield ChatMessage(
        message_id=message_id,
        sent_at=at,
        sender_id=sender,
        sender_name=name,
        kind=kind,
        text=short_text(text),
        group_nickname=str(m.get("groupNickname") or ""),
        sender_role=roles.get(sender, ""),
        has_link=kind == "link" or has_link(text),
        is_reply=type_code == 25 or bool(m.get("replyToMessageId")),
        from_operator=sender in operators,
    )
