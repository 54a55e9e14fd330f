"""Small chat exports written by a test and imported as a person would: ChatLab JSONL files
of a QQ group, built from local days, so activity and health are seen from imported records.

``ChatLog`` collects messages and joins; ``imported`` writes them to a file and runs the chat
import on it (``me`` is the operator's QQ number, so their messages are the operator's).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.core import chat_import, clock
from app.io.chats import detect, list_chats

ME = "10000"  # the operator's QQ number
_IDS = itertools.count(1)  # message ids unique across exports: a later one adds, not repeats


def moment(day: date, hour: int = 12, minute: int = 0) -> datetime:
    """Naive UTC of a local time on ``day``."""
    return clock.local_at(day, time(hour, minute))


@dataclass
class ChatLog:
    """A QQ group's chat to export: messages and joins, by local day."""

    name: str = "读书会"
    group_id: str = "555001"
    lines: list[dict[str, Any]] = field(default_factory=list)
    members: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    seq: int = 0

    def member(self, qq: str, name: str, role: str = "") -> None:
        self.members[qq] = (name, [role] if role else [])

    def say(self, qq: str, name: str, day: date, count: int = 1, text: str = "hi") -> None:
        """``count`` messages from ``qq`` on local ``day`` (a minute apart from noon)."""
        self.members.setdefault(qq, (name, []))
        for i in range(count):
            self.seq = next(_IDS)
            at = moment(day, 12, 0) + timedelta(seconds=20 * i)
            self.lines.append(
                {
                    "_type": "message",
                    "sender": qq,
                    "accountName": name,
                    "timestamp": _unix(at),
                    "type": 0,
                    "content": text if count == 1 else f"{text} {self.seq}",
                    "platformMessageId": f"m{self.seq}",
                }
            )

    def every_day(self, qq: str, name: str, first: date, last: date, per_day: int) -> None:
        day = first
        while day <= last:
            self.say(qq, name, day, per_day)
            day += timedelta(days=1)

    def join(self, name: str, day: date) -> None:
        self.seq = next(_IDS)
        at = moment(day, 9)
        self.lines.append(
            {
                "_type": "message",
                "sender": "10000000",
                "accountName": "系统消息",
                "timestamp": _unix(at),
                "type": 80,
                "content": f"{name} 加入了群聊",
                "platformMessageId": f"j{self.seq}",
            }
        )

    def write(self, folder: Path, file_name: str = "") -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / (file_name or f"{self.name}-{self.seq}.jsonl")
        header = {
            "_type": "header",
            "chatlab": {"version": "0.0.2", "exportedAt": 0, "generator": "test"},
            "meta": {
                "name": self.name,
                "platform": "qq",
                "type": "group",
                "groupId": self.group_id,
            },  # fmt: skip
        }
        members = [
            {
                "_type": "member",
                "platformId": qq,
                "accountName": name,
                "roles": [{"id": r} for r in roles],
            }
            for qq, (name, roles) in self.members.items()
        ]
        lines = [header, *members, *sorted(self.lines, key=lambda m: m["timestamp"])]
        path.write_text(
            "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8"
        )
        return path

    def imported(self, folder: Path, group: int | str | None = None) -> int:
        """Write the export and import it; the group's id."""
        path = self.write(folder)
        (chat,) = list_chats([path], detect([path]))
        plan = chat_import.plan_chat(chat, group, me=[ME])
        return chat_import.apply(plan, new_members=True).group_id


def _unix(at: datetime) -> int:
    """Seconds since the epoch of a naive UTC time."""
    return int((at - datetime(1970, 1, 1)).total_seconds())
