"""Joins, leaves, removals and recalls from the text of a system line (QQ and WeChat).

QQ writes ``X 加入了群聊`` / ``X 退出了群聊`` / ``X 被移出群聊`` (its TXT as lines of
``系统消息(10000)``); WeChat writes ``"A"邀请"B"加入了群聊``,
``"B"通过扫描"A"分享的二维码加入群聊``, ``"X"退出了群聊``, ``你将"X"移出了群聊`` and
``"X"撤回了一条消息``. People are named by display name only; "你" is the operator.
"""

from __future__ import annotations

import re
from datetime import datetime

from app.io.chats.records import ChatEvent

_NAME = r'"?(?P<{0}>[^"]+?)"?'
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern.format(who=_NAME.format("who"), by=_NAME.format("by"))))
    for kind, pattern in (
        ("join", r"^{by}\s*邀请\s*{who}\s*加入了?(?:群聊|本群)"),
        ("join", r"^{who}\s*通过扫描\s*{by}\s*分享的二维码加入群聊"),
        ("removed", r"^{by}\s*将\s*{who}\s*移出了?(?:群聊|本群)"),
        ("removed", r"^{who}\s*被\s*(?:{by}\s*)?移出了?(?:群聊|本群)?"),
        ("leave", r"^{who}\s*(?:退出了?(?:群聊|本群)|已?退群)"),
        ("join", r"^{who}\s*(?:已?加入了?(?:群聊|本群))"),
        ("recall", r"^{who}\s*撤回了一条(?:成员)?消息"),
    )
)
_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"'})
_YOU = frozenset({"你", "您"})
_TITLES = frozenset({"管理员", "群主"})


def event_from_text(text: str, at: datetime, event_id: str = "") -> ChatEvent | None:
    """The event a system line tells of, or None for other system lines."""
    line = text.strip().translate(_QUOTES)
    for kind, pattern in _PATTERNS:
        found = pattern.match(line)
        if found is None:
            continue
        who = found.group("who").strip()
        by = (found.groupdict().get("by") or "").strip()
        if kind == "recall" and who in _YOU:
            return ChatEvent(kind, at, by_operator=True, event_id=event_id)
        by_operator = by in _YOU
        by_name = "" if by_operator or by in _TITLES else by
        return ChatEvent(
            kind, at, member_name=who, by_name=by_name, by_operator=by_operator, event_id=event_id
        )
    return None
