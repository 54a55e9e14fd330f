"""Exports built in a test from the shared ones: a whole-account Telegram export, Discord
partitions, QQ Chat Exporter's chunked form."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.io.chats.shared import CHATS

TELEGRAM = CHATS / "telegram" / "result.json"
DISCORD = CHATS / "discord" / "独立游戏开发者 - 社区 - 闲聊 [822222222722609098].json"
QCE = CHATS / "qce" / "考研互助群.json"
OPERATOR = 3806552161  # the Telegram chat's owner: the account that exported it


def _load(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text(encoding="utf-8")))


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def telegram_account(folder: Path) -> Path:
    """A whole-account export (Settings → Advanced → Export Telegram data) holding a private
    chat, the shared supergroup, a small group, saved messages and a group left since."""
    chat = _load(TELEGRAM)
    message = chat["messages"][0]
    private = {"name": "严俊超", "type": "personal_chat", "id": 111, "messages": [message] * 3}
    small = {
        "name": "骑行小分队",
        "type": "private_group",
        "id": 222,
        "messages": [dict(message, id=n) for n in range(1, 6)],
    }
    saved = {"type": "saved_messages", "id": 333, "messages": [message]}
    left = {"name": "旧群", "type": "private_supergroup", "id": 444, "messages": [message]}
    account = {
        "about": "Here is the data you requested.",
        "personal_information": {"user_id": OPERATOR, "first_name": "俊超", "last_name": "严"},
        "contacts": {"about": "", "list": []},
        "chats": {"about": "This page lists all chats.", "list": [private, chat, small, saved]},
        "left_chats": {"about": "", "list": [left]},
    }
    return _write(folder / "result.json", account)


def discord_partitions(folder: Path) -> list[Path]:
    """The shared channel exported with ``--partition`` into two files."""
    export = _load(DISCORD)
    messages = export["messages"]
    half = len(messages) // 2
    parts = []
    for n, chunk in enumerate((messages[:half], messages[half:]), 1):
        part = dict(export, messages=chunk, messageCount=len(chunk))
        parts.append(_write(folder / f"chat [part {n}].json", part))
    return parts


def qce_chunked(folder: Path, per_chunk: int = 500) -> Path:
    """The shared QQ Chat Exporter JSON in its chunked form: manifest.json and chunks/."""
    export = _load(QCE)
    messages = export.pop("messages")
    (folder / "chunks").mkdir(parents=True)
    chunks = []
    for n, start in enumerate(range(0, len(messages), per_chunk), 1):
        name = f"chunk_{n:04d}.jsonl"
        lines = [json.dumps(m, ensure_ascii=False) for m in messages[start : start + per_chunk]]
        (folder / "chunks" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        chunks.append({"index": n, "fileName": name, "relativePath": f"chunks/{name}"})
    export["metadata"] = dict(export["metadata"], format="chunked-jsonl", version="5.5.0")
    export["chunked"] = {"format": "chunked-jsonl", "chunksDir": "chunks", "chunks": chunks}
    return _write(folder / "manifest.json", export)
