"""Telegram Desktop's machine-readable export (``result.json``): one chat, or a whole account.

A single chat is an object ``{name, type, id, messages: [...]}``; a whole-account export
holds ``personal_information`` (the operator's user id) and ``chats.list`` (and
``left_chats.list``) of such objects. Private chats (with a person, a bot, saved messages)
are never listed. Messages are read with ijson one at a time; service messages become
events: ``join_group_by_link``, ``join_group_by_request`` and ``invite_members`` are joins,
``remove_members`` is a leave when the one removed is the actor (Telegram writes a member
leaving so) and a removal otherwise, ``pin_message`` a pin. Senders are ``from_id`` without
its ``user`` prefix (``user123`` → ``123``; a channel keeps ``channel123``); times are
``date_unixtime``. Telegram does not mark bots in exports: a sender whose name ends in "bot"
is taken for one (bot usernames must end so, and their display names usually do too).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from app.io.chats.files import damaged, json_events, json_items, local_to_utc
from app.io.chats.records import (
    TEXT_LIMIT,
    ChatEvent,
    ChatInfo,
    ChatMessage,
    Record,
    from_unix,
    has_link,
)
from app.io.errors import QT_TRANSLATE_NOOP, ChatExportError

FORMAT = "telegram-json"
PRIVATE_TYPES = frozenset({"personal_chat", "bot_chat", "saved_messages"})
SECTIONS = ("chats", "left_chats")
_MEDIA_KINDS = {"sticker": "sticker", "animation": "image"}
_JOINS = frozenset({"join_group_by_link", "join_group_by_request"})
_EPOCH = datetime(1970, 1, 1)


def is_export(head: str) -> bool:
    """A head of text that looks like Telegram Desktop's JSON."""
    start = head.lstrip("\ufeff \r\n\t")[:4096]
    if not start.startswith("{"):
        return False
    # older exports have no date_unixtime; every message has from_id, every service actor_id
    single = (
        '"messages"' in head
        and '"type"' in start
        and ('"date_unixtime"' in head or '"from_id"' in head or '"actor_id"' in head)
    )
    account = '"personal_information"' in start or (
        '"chats"' in head and '"list"' in head and '"about"' in start
    )
    return single or account


def chats(path: Path) -> list[ChatInfo]:
    """The group chats of the file: itself, or each non-private chat of an account export."""
    top: dict[str, Any] = {}
    listed: list[tuple[str, dict[str, Any]]] = []
    counts = dict.fromkeys(SECTIONS, 0)
    current: dict[str, Any] = {}
    self_id = ""
    with path.open("rb", buffering=0) as fh:
        for prefix, event, value in json_events(path, fh):
            if prefix in ("name", "type", "id") and event in ("string", "number"):
                top[prefix] = value
            elif prefix == "messages" and event == "start_array" and {"name", "id"} <= set(top):
                break  # a single chat: its name, type and id come before its messages
            elif prefix == "personal_information.user_id":
                self_id = str(value)
            elif prefix.endswith(".list.item") and event == "start_map":
                section = prefix[: -len(".list.item")]
                if section in SECTIONS:
                    current = {}
                    listed.append((f"{section}:{counts[section]}", current))
                    counts[section] += 1
            elif (
                prefix.endswith((".list.item.name", ".list.item.type", ".list.item.id"))
                and prefix.partition(".")[0] in SECTIONS
            ):
                current[prefix.rpartition(".")[2]] = value
    if "id" in top:
        return [_info(path, top, "", self_id)]
    groups = [
        _info(path, fields, key, self_id)
        for key, fields in listed
        if fields.get("type") not in PRIVATE_TYPES
    ]
    if not groups:
        raise ChatExportError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} holds no group chats (private chats are not imported)."
            ),
            name=path.name,
        )
    return groups


def _info(path: Path, fields: dict[str, Any], key: str, self_id: str) -> ChatInfo:
    kind = str(fields.get("type") or "")
    return ChatInfo(
        format=FORMAT,
        platform="telegram",
        chat_id=str(fields.get("id") or ""),
        name=str(fields.get("name") or ""),
        files=(path,),
        self_id=self_id,
        key=key,
        kind="channel"
        if "channel" in kind
        else ("supergroup" if "supergroup" in kind else "group"),
    )


def records(chat: ChatInfo, operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    """Messages and events of ``chat``, in file order."""
    path = chat.files[0]
    if not chat.key:
        items: Iterator[Any] = json_items(path, "messages.item")
        yield from _records(items, operators, zone)
        return
    section, _, index = chat.key.partition(":")
    item = f"{section}.list.item"
    with path.open("rb", buffering=0) as fh:
        events = _one_chat(json_events(path, fh), item, int(index))
        try:
            yield from _records(json_items(path, f"{item}.messages.item", events), operators, zone)
        except ValueError as exc:  # a stream cut inside the chat
            raise damaged(path, str(exc)) from None


def _one_chat(
    events: Iterator[tuple[str, str, Any]], item: str, wanted: int
) -> Iterator[tuple[str, str, Any]]:
    """The parse events of the ``wanted``-th chat under ``item`` only."""
    index = -1
    inside = item + "."
    for prefix, event, value in events:
        if prefix == item and event == "start_map":
            index += 1
        if index == wanted and (prefix == item or prefix.startswith(inside)):
            yield prefix, event, value
        elif index > wanted:
            return


def _records(items: Iterator[Any], operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    # who each ``from_id`` is, worked out once: (its ``from``, the sender id, bot, operator)
    people: dict[Any, tuple[Any, str, bool, bool]] = {}
    for m in items:
        if not isinstance(m, dict):
            continue
        kind = m.get("type")
        if kind == "message":
            yield _message(m, operators, zone, people)
        elif kind == "service":
            yield from _events(m, zone)


def _when(m: dict[str, Any], zone: tzinfo) -> datetime:
    unix = m.get("date_unixtime")
    if unix is not None:
        return from_unix(int(unix))
    return local_to_utc(datetime.fromisoformat(str(m.get("date"))), zone)


def _person(raw: Any) -> str:
    text = str(raw or "")
    return text[4:] if text.startswith("user") and text[4:].isdigit() else text


def _text(raw: Any) -> tuple[str, bool]:
    if isinstance(raw, str):
        return raw, False
    parts: list[str] = []
    link = False
    for part in raw or ():
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict):
            parts.append(str(part.get("text", "")))
            link = link or part.get("type") in ("link", "text_link")
    return "".join(parts), link


def _message(
    m: dict[str, Any], operators: frozenset[str], zone: tzinfo,
    people: dict[Any, tuple[Any, str, bool, bool]],
) -> ChatMessage:  # fmt: skip
    # the hot path of a million-message export: plain lookups, no helper per field
    raw = m.get("text")
    if type(raw) is str:
        text, linked = raw, False
    else:
        text, linked = _text(raw)
    if "photo" in m:
        kind = "image"
    elif "media_type" in m:
        kind = _MEDIA_KINDS.get(str(m["media_type"]), "other")
    elif "file" in m:
        kind = "file"
    elif "poll" in m or "location_information" in m or "contact_information" in m:
        kind = "other"
    else:
        kind = "text"
    name = m.get("from") or ""
    raw_id = m.get("from_id")
    person = people.get(raw_id)
    if person is None or person[0] != name:
        sender = _sender(raw_id)
        bot = type(name) is str and name[-3:].lower() == "bot"
        person = (name, sender, bot, sender in operators)
        if type(raw_id) is str:
            people[raw_id] = person
    unix = m.get("date_unixtime")
    return ChatMessage(
        str(m.get("id", "")),
        _EPOCH + timedelta(0, int(unix)) if unix is not None else _when(m, zone),
        person[1],
        name if type(name) is str else str(name),
        kind,
        text if len(text) <= TEXT_LIMIT else text[:TEXT_LIMIT],
        "",
        "",
        linked or (bool(text) and has_link(text)),
        "reply_to_message_id" in m,
        person[2],
        person[3],
    )


def _sender(raw: Any) -> str:
    """``from_id`` without its ``user`` prefix (a channel keeps its ``channel``)."""
    if type(raw) is str and raw.startswith("user"):
        return raw[4:]
    return _person(raw)


def _events(m: dict[str, Any], zone: tzinfo) -> Iterator[ChatEvent]:
    action = m.get("action")
    at = _when(m, zone)
    actor = str(m.get("actor") or "")
    actor_id = _person(m.get("actor_id"))
    event_id = str(m.get("id", ""))
    if action in _JOINS:
        yield ChatEvent("join", at, actor_id, actor, event_id=event_id)
    elif action == "invite_members":
        for name in m.get("members") or ():
            yield ChatEvent("join", at, "", str(name), actor_id, actor, event_id=event_id)
    elif action == "remove_members":
        for name in m.get("members") or ():
            if name == actor:
                yield ChatEvent("leave", at, actor_id, actor, event_id=event_id)
            else:
                yield ChatEvent("removed", at, "", str(name), actor_id, actor, event_id=event_id)
    elif action == "pin_message":
        yield ChatEvent("pin", at, actor_id, actor, event_id=event_id)
