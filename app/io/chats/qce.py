"""QQ Chat Exporter (shuakami/qq-chat-exporter, QQNT) JSON, and its chunked form.

The JSON file is ``{metadata, chatInfo, statistics, messages: [...]}``; the chunked form is a
``manifest.json`` (``metadata.format`` = ``chunked-jsonl``, ``chatInfo``, ``chunked.chunks``)
beside a ``chunks/`` folder of JSONL files, one message a line, read in the manifest's order.
``chatInfo.selfUin`` is the exporting account: the operator. Senders are QQ numbers
(``uin``) with ``groupCard`` (群名片) and ``title`` (群主, 管理员); system messages are events
(their text as in the TXT export) and recalled messages are recall events.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path
from typing import Any

from app.io.chats.files import check_file, damaged, json_head, json_items, text_lines
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

JSON_FORMAT = "qq-chat-exporter-json"
CHUNKED_FORMAT = "qq-chat-exporter-chunked"
MANIFEST_LIMIT = 64 * 1024 * 1024  # bytes of a manifest (it lists chunks, not messages)
_ROLES = {"群主": "owner", "管理员": "admin"}
_ELEMENT_KINDS = {
    "image": "image",
    "file": "file",
    "face": "sticker",
    "market_face": "sticker",
    "marketFace": "sticker",
    "json": "link",
    "ark": "link",
    "video": "other",
    "audio": "other",
    "voice": "other",
    "forward": "other",
}


def is_export(head: str) -> bool:
    start = head.lstrip("\ufeff \r\n\t")[:4096]
    return start.startswith("{") and '"chatInfo"' in head and '"metadata"' in start


def is_chunked(head: str) -> bool:
    return is_export(head) and '"chunked-jsonl"' in head


def _info(path: Path, chat_info: dict[str, Any], fmt: str) -> ChatInfo:
    if str(chat_info.get("type") or "group") not in ("group", "temp_group", "discussion"):
        raise ChatExportError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} holds no group chats (private chats are not imported)."
            ),
            name=path.name,
        )
    return ChatInfo(
        fmt,
        "qq",
        str(chat_info.get("peerUin") or chat_info.get("peerUid") or ""),
        str(chat_info.get("name") or ""),
        (path,),
        self_id=str(chat_info.get("selfUin") or ""),
    )


def json_chats(path: Path) -> list[ChatInfo]:
    chat_info = json_head(path, ("chatInfo",), ("messages",))["chatInfo"]
    return [_info(path, chat_info, JSON_FORMAT)]


def _manifest(path: Path) -> dict[str, Any]:
    if check_file(path) > MANIFEST_LIMIT:
        raise damaged(path, "the manifest is too large")
    try:
        found = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError) as exc:
        raise damaged(path, str(exc)) from None
    if not isinstance(found, dict):
        raise damaged(path, "not a manifest")
    return found


def chunked_chats(path: Path) -> list[ChatInfo]:
    manifest = _manifest(path)
    return [_info(path, manifest.get("chatInfo") or {}, CHUNKED_FORMAT)]


def _chunk_files(path: Path) -> list[Path]:
    manifest = _manifest(path)
    chunked = manifest.get("chunked") or {}
    files: list[Path] = []
    for chunk in chunked.get("chunks") or ():
        relative = chunk.get("relativePath") or chunk.get("file")
        if not relative and chunk.get("fileName"):
            relative = f"{chunked.get('chunksDir') or 'chunks'}/{chunk['fileName']}"
        target = (path.parent / str(relative)).resolve()
        if not relative or path.parent.resolve() not in target.parents:
            raise damaged(path, f"chunk {relative!r} lies outside the export's folder")
        if not target.exists():
            raise ChatExportError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} lists the part {part}, which is missing; keep the export's folder "
                    "as it was written.",
                ),
                name=path.name,
                part=str(relative),
            )
        check_file(target)
        files.append(target)
    return files


def json_records(chat: ChatInfo, operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    path = chat.files[0]
    for m in json_items(path, "messages.item"):
        yield from _checked(path, m, operators)


def chunked_records(chat: ChatInfo, operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    for chunk in _chunk_files(chat.files[0]):
        for number, line in text_lines(chunk, "utf-8-sig"):
            if not line.strip():
                continue
            try:
                m = json.loads(line)
            except ValueError as exc:
                raise damaged(chunk, f"line {number}: {exc}") from None
            yield from _checked(chunk, m, operators)


def _checked(path: Path, m: Any, operators: frozenset[str]) -> Iterator[Record]:
    if not isinstance(m, dict):
        return
    try:
        yield from _record(m, operators)
    except (KeyError, TypeError, ValueError) as exc:
        raise damaged(path, f"message {m.get('id')}: {exc!r}") from None


def _record(m: dict[str, Any], operators: frozenset[str]) -> Iterator[Record]:
    sender = m.get("sender") or {}
    content = m.get("content") or {}
    text = str(content.get("text") or "")
    at = from_unix(float(m["timestamp"]) / 1000)
    sender_id = str(sender.get("uin") or sender.get("uid") or "")
    name = str(sender.get("name") or sender.get("nickname") or "")
    message_id = str(m.get("id") or "")
    if m.get("system") or m.get("type") == "system":
        event = event_from_text(text, at, message_id)
        if event is not None:
            yield event
        return
    if m.get("recalled"):
        yield ChatEvent("recall", at, sender_id, name, event_id=message_id)
        return
    kinds = [str(e.get("type")) for e in content.get("elements") or () if isinstance(e, dict)]
    kind = "text"
    for element in kinds:
        if element in _ELEMENT_KINDS and not (
            _ELEMENT_KINDS[element] == "sticker" and "text" in kinds
        ):
            kind = _ELEMENT_KINDS[element]
            break
    if kind == "text" and not text.strip():
        kind = "other"
    yield ChatMessage(
        message_id=message_id,
        sent_at=at,
        sender_id=sender_id,
        sender_name=name,
        kind=kind,
        text=short_text(text),
        group_nickname=str(sender.get("groupCard") or ""),
        sender_role=_ROLES.get(str(sender.get("title") or ""), ""),
        has_link=has_link(text),
        is_reply="reply" in kinds,
        from_operator=sender_id in operators,
    )
