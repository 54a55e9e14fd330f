"""The columns a roster export can have, their headers and words in each language.

The header names double as the "plain" import preset's aliases: an exported file imports back.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.errors import QT_TRANSLATE_NOOP, ValidationError

COLUMNS = (
    "name",
    "nickname",
    "tier",
    "status",
    "star",
    "qq",
    "wechat_id",
    "telegram_id",
    "discord_id",
    "phone",
    "email",
    "city",
    "gender",
    "groups",
    "tags",
    "first_seen",
    "last_contacted",
    "notes",
)
# The header names double as the "plain" import preset's aliases: an exported file imports back.
HEADERS = {
    "en": dict(
        zip(
            COLUMNS,
            (
                "Name",
                "Nickname",
                "Tier",
                "Status",
                "Star",
                "QQ",
                "WeChat",
                "Telegram id",
                "Discord id",
                "Phone",
                "Email",
                "City",
                "Gender",
                "Groups",
                "Tags",
                "First seen",
                "Last contacted",
                "Notes",
            ),
            strict=True,
        )
    ),
    "zh_CN": dict(
        zip(
            COLUMNS,
            (
                "姓名",
                "群名片",
                "层级",
                "状态",
                "明星",
                "QQ号",
                "微信号",
                "Telegram ID",
                "Discord ID",
                "手机号",
                "邮箱",
                "城市",
                "性别",
                "所在群",
                "标签",
                "首次记录",
                "最近联系",
                "备注",
            ),
            strict=True,
        )
    ),
}
WORDS = {
    "en": {
        "active": "In group",
        "left": "Left",
        "removed": "Removed",
        "banned": "Banned",
        "female": "Female",
        "male": "Male",
        "other": "Other",
        "star": "yes",
        "all": "All members",
    },
    "zh_CN": {
        "active": "在群",
        "left": "已退群",
        "removed": "已移出",
        "banned": "已封禁",
        "female": "女",
        "male": "男",
        "other": "其他",
        "star": "是",
        "all": "全部成员",
    },
}


def default_columns(group_count: int = 0) -> list[str]:
    """The columns a roster has unless chosen: the group nickname only for one group."""
    return [c for c in COLUMNS if c != "nickname" or group_count == 1]


def header_names(columns: Sequence[str], language: str = "en") -> list[str]:
    """The header row for ``columns`` in ``language``."""
    return [HEADERS[language][c] for c in columns]


def parse_columns(text: str) -> list[str]:
    """``"name,phone"`` as a checked list of column keys (header names in either language too)."""
    by_name = {c: c for c in COLUMNS}
    for headers in HEADERS.values():
        by_name.update({h.casefold(): c for c, h in headers.items()})
    columns = []
    for part in text.split(","):
        key = part.strip()
        column = by_name.get(key) or by_name.get(key.casefold())
        if column is None:
            raise unknown_column(key)
        columns.append(column)
    check_columns(columns)
    return columns


def check_columns(columns: Sequence[str]) -> None:
    if not columns:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose at least one column to export."))
    for column in columns:
        if column not in COLUMNS:
            raise unknown_column(column)


def unknown_column(column: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Errors", "Unknown column “{value}”; use one of: {choices}."),
        value=column,
        choices=", ".join(COLUMNS),
    )
