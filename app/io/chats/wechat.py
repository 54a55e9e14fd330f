"""WeChat exporters: MemoTrace (留痕, WeChatMsg) CSV, PyWxDump CSV, WeFlow/EchoTrace JSON.

- MemoTrace CSV (``localId,TalkerId,Type,SubType,IsSender,CreateTime,…,StrContent,StrTime,
  Remark,NickName,Sender``): ``Sender`` is the member's wxid, ``IsSender`` = 1 the operator,
  ``CreateTime`` Unix seconds, Type 10000 a system line (its ``Sender`` the chatroom and its
  ``NickName`` the chat's name).
- PyWxDump CSV (``id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime``),
  split every 5,000 messages: all files of one chatroom read as one chat. The operator is
  ``talker`` "我" (no wxid: the caller names it); ``CreateTime`` is local time; a
  ``users.json`` beside the files (or chosen with them) gives names and group nicknames.
- WeFlow/EchoTrace JSON (``{session: {wxid, nickname, …}, messages: [...]}``): ``isSend`` the
  operator, ``createTime`` Unix seconds, type 10000 a system line.

WeChat message types: 1 text, 3 image, 47 sticker, 49 an app message (subtype 5 a link, 6 a
file, 57 a quoted reply), 10000 system, 10002 a recall; the rest are "other".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from app.io.chats.files import check_file, csv_rows, damaged, json_events, json_items, local_to_utc
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

MEMOTRACE = "memotrace-csv"
PYWXDUMP = "pywxdump-csv"
WEFLOW = "weflow-json"
MEMOTRACE_COLUMNS = frozenset({"localId", "Type", "SubType", "IsSender", "StrContent", "Sender"})
PYWXDUMP_COLUMNS = frozenset({"MsgSvrID", "type_name", "is_sender", "talker", "room_name"})
USERS_FILE = "users.json"
USERS_LIMIT = 32 * 1024 * 1024  # bytes of PyWxDump's users.json
_HEAD_ROWS = 5000  # rows of a MemoTrace file searched for the chatroom's id and name
_ROOM = "@chatroom"
_TYPE_KINDS = {1: "text", 3: "image", 47: "sticker"}
_APP_KINDS = {5: "link", 6: "file", 57: "text"}
_PYWXDUMP_KINDS = {
    "文本": "text",
    "图片": "image",
    "动画表情": "sticker",
    "表情": "sticker",
    "文件": "file",
    "分享卡片": "link",
    "卡片式链接": "link",
    "链接": "link",
    "引用回复": "text",
}
_PYWXDUMP_SYSTEM = frozenset({"系统通知", "系统消息"})
_PYWXDUMP_RECALL = frozenset({"撤回消息", "撤回"})
_OPERATOR = "我"
_PART = re.compile(r"_(\d+)_(\d+)$")


def room_id(raw: str) -> str:
    """A chatroom's number: ``123@chatroom`` → ``123``."""
    return raw[: -len(_ROOM)] if raw.endswith(_ROOM) else raw


def _kind(type_code: int, subtype: int, text: str) -> tuple[str, bool]:
    """``(kind, is reply)`` of a WeChat message type."""
    if type_code == 49:
        if subtype in _APP_KINDS:
            return _APP_KINDS[subtype], subtype == 57
        if text.startswith("[文件]"):
            return "file", False
        return ("link" if has_link(text) else "other"), False
    return _TYPE_KINDS.get(type_code, "other"), False


def _int(raw: Any) -> int:
    try:
        return int(raw or 0)
    except (TypeError, ValueError):
        return 0


# --- MemoTrace -------------------------------------------------------------------------


def memotrace_chats(paths: list[Path]) -> list[ChatInfo]:
    found: list[ChatInfo] = []
    for path in paths:
        chat_id, name, self_id = "", "", ""
        for line, row in csv_rows(path):
            sender = row.get("Sender") or ""
            if sender.endswith(_ROOM) and not chat_id:
                chat_id, name = room_id(sender), (row.get("NickName") or "").strip()
            if row.get("IsSender") == "1" and not self_id:
                self_id = sender
            if (chat_id and self_id) or line > _HEAD_ROWS:
                break
        found.append(ChatInfo(MEMOTRACE, "wechat", chat_id, name or path.stem, (path,),
                              self_id=self_id))  # fmt: skip
    return found


def memotrace_records(chat: ChatInfo, operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    for path in chat.files:
        for line, row in csv_rows(path):
            type_code = _int(row.get("Type"))
            text = row.get("StrContent") or ""
            unix = row.get("CreateTime") or ""
            if unix.strip().isdigit():
                at = from_unix(int(unix))
            else:
                try:
                    at = local_to_utc(
                        datetime.fromisoformat((row.get("StrTime") or "").strip()), zone
                    )
                except ValueError:
                    raise damaged(path, f"line {line}: no time") from None
            if type_code == 10000:
                event = event_from_text(text, at)
                if event is not None:
                    yield event
                continue
            sender = (row.get("Sender") or "").strip()
            if type_code == 10002:
                yield ChatEvent("recall", at, sender)
                continue
            kind, reply = _kind(type_code, _int(row.get("SubType")), text)
            yield ChatMessage(
                message_id="",  # localId is the phone's row number, not the message's id
                sent_at=at,
                sender_id=sender,
                sender_name=(row.get("NickName") or "").strip(),
                kind=kind,
                text=short_text(text),
                has_link=kind == "link" or has_link(text),
                is_reply=reply,
                from_operator=row.get("IsSender") == "1" or sender in operators,
            )


# --- PyWxDump --------------------------------------------------------------------------


def _part_order(path: Path) -> tuple[int, str]:
    found = _PART.search(path.stem)
    return (int(found.group(1)) if found else 0, path.name)


def pywxdump_chats(paths: list[Path]) -> list[ChatInfo]:
    """One chat per chatroom among the CSV files (``users.json`` goes with each)."""
    users = [p for p in paths if p.suffix.lower() == ".json"]
    rooms: dict[str, list[Path]] = {}
    for path in sorted((p for p in paths if p not in users), key=_part_order):
        room = ""
        for _, row in csv_rows(path):
            room = (row.get("room_name") or "").strip()
            if room:
                break
        rooms.setdefault(room, []).append(path)
    return [
        ChatInfo(PYWXDUMP, "wechat", room_id(room), "", tuple(files + users))
        for room, files in rooms.items()
    ]


def _users(chat: ChatInfo) -> dict[str, tuple[str, str]]:
    """``{wxid: (nickname, group nickname)}`` from a ``users.json`` chosen or beside."""
    chosen = [p for p in chat.files if p.suffix.lower() == ".json"]
    beside = chat.files[0].parent / USERS_FILE
    source = chosen[0] if chosen else (beside if beside.is_file() else None)
    if source is None or check_file(source) > USERS_LIMIT:
        return {}
    try:
        data = json.loads(source.read_bytes())
    except (ValueError, UnicodeDecodeError) as exc:
        raise damaged(source, str(exc)) from None
    if not isinstance(data, dict):
        return {}
    return {
        str(wxid): (str(user.get("nickname") or ""), str(user.get("roomNickname") or ""))
        for wxid, user in data.items()
        if isinstance(user, dict)
    }


def pywxdump_records(chat: ChatInfo, operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    users = _users(chat)
    for path in chat.files:
        if path.suffix.lower() == ".json":
            continue
        for line, row in csv_rows(path):
            stamp = (row.get("CreateTime") or "").strip()
            try:
                at = (from_unix(int(stamp)) if stamp.isdigit()
                      else local_to_utc(datetime.fromisoformat(stamp), zone))  # fmt: skip
            except ValueError:
                raise damaged(path, f"line {line}: unknown time {stamp!r}") from None
            type_name = (row.get("type_name") or "").strip()
            text = row.get("msg") or ""
            message_id = (row.get("MsgSvrID") or "").strip()
            if type_name in _PYWXDUMP_SYSTEM:
                event = event_from_text(text, at, message_id)
                if event is not None:
                    yield event
                continue
            talker = (row.get("talker") or "").strip()
            operator = row.get("is_sender") == "1" or talker == _OPERATOR
            sender = "" if talker == _OPERATOR else talker
            if type_name in _PYWXDUMP_RECALL:
                yield ChatEvent("recall", at, sender, by_operator=operator, event_id=message_id)
                continue
            kind = _PYWXDUMP_KINDS.get(type_name, "other")
            name, nickname = users.get(sender, ("", ""))
            yield ChatMessage(
                message_id=message_id,
                sent_at=at,
                sender_id=sender,
                sender_name=name,
                kind=kind,
                text=short_text(text),
                group_nickname=nickname,
                has_link=kind == "link" or has_link(text),
                is_reply=type_name == "引用回复",
                from_operator=operator or sender in operators,
            )


def is_pywxdump_users(head: str) -> bool:
    """PyWxDump's ``users.json``: ``{wxid: {wxid, nickname, remark, …}}``."""
    start = head.lstrip("\ufeff \r\n\t")[:1024]
    return (
        start.startswith("{")
        and '"nickname"' in start
        and '"wxid"' in start
        and ('"messages"' not in head)
    )


# --- WeFlow / EchoTrace ----------------------------------------------------------------


def is_weflow(head: str) -> bool:
    start = head.lstrip("\ufeff \r\n\t")[:4096]
    return start.startswith("{") and '"session"' in start and '"messages"' in head


def weflow_chats(path: Path) -> list[ChatInfo]:
    session: dict[str, Any] = {}
    with path.open("rb", buffering=0) as fh:
        for prefix, event, value in json_events(path, fh):
            if prefix == "messages":
                break
            if prefix.startswith("session.") and event in ("string", "number"):
                session[prefix[len("session.") :]] = value
    wxid = str(session.get("wxid") or "")
    name = str(session.get("displayName") or session.get("remark") or session.get("nickname") or "")
    return [ChatInfo(WEFLOW, "wechat", room_id(wxid), name or path.stem, (path,))]


def weflow_records(chat: ChatInfo, operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    path = chat.files[0]
    for m in json_items(path, "messages.item"):
        if not isinstance(m, dict):
            continue
        try:
            yield from _weflow_record(m, operators)
        except (KeyError, TypeError, ValueError) as exc:
            raise damaged(path, f"message {m.get('localId')}: {exc!r}") from None


def _weflow_record(m: dict[str, Any], operators: frozenset[str]) -> Iterator[Record]:
    at = from_unix(float(m["createTime"]))
    type_code = _int(m.get("type") if "type" in m else m.get("localType"))
    text = str(m.get("content") or "")
    server_id = str(m.get("serverId") or m.get("msgSvrId") or "")
    if type_code == 10000:
        event = event_from_text(text, at, server_id)
        if event is not None:
            yield event
        return
    sender = str(m.get("senderUsername") or "")
    if type_code == 10002:
        yield ChatEvent("recall", at, sender, event_id=server_id)
        return
    kind, reply = _kind(type_code, _int(m.get("appMsgType") or m.get("subType")), text)
    yield ChatMessage(
        message_id=server_id,
        sent_at=at,
        sender_id=sender,
        sender_name=str(m.get("senderDisplayName") or ""),
        kind=kind,
        text=short_text(text),
        has_link=kind == "link" or has_link(text),
        is_reply=reply,
        from_operator=bool(m.get("isSend")) or sender in operators,
    )
