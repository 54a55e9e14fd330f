"""What a roster import can fill, and the column presets.

A mapping is ``{field: column index or None}``. Presets know the headers of QQ group member
exports, WeChat group tools and plain sheets (English and Chinese); a mapping the person
changed is remembered per preset by ``app.core.roster_mappings`` and handed back here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from app.io.errors import QT_TRANSLATE_NOOP

FIELDS = (
    "name",
    "nickname",
    "qq",
    "wechat_id",
    "telegram_id",
    "discord_id",
    "phone",
    "email",
    "city",
    "gender",
    "role",
    "joined_at",
    "last_spoke_at",
    "tags",
    "notes",
)
IDENTITY_FIELDS = ("qq", "wechat_id", "telegram_id", "discord_id", "phone")
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("Errors", "name"),
    "nickname": QT_TRANSLATE_NOOP("Errors", "group nickname"),
    "qq": QT_TRANSLATE_NOOP("Errors", "QQ number"),
    "wechat_id": QT_TRANSLATE_NOOP("Errors", "WeChat id"),
    "telegram_id": QT_TRANSLATE_NOOP("Errors", "Telegram user id"),
    "discord_id": QT_TRANSLATE_NOOP("Errors", "Discord user id"),
    "phone": QT_TRANSLATE_NOOP("Errors", "phone"),
    "email": QT_TRANSLATE_NOOP("Errors", "email"),
    "city": QT_TRANSLATE_NOOP("Errors", "city"),
    "gender": QT_TRANSLATE_NOOP("Errors", "gender"),
    "role": QT_TRANSLATE_NOOP("Errors", "role"),
    "joined_at": QT_TRANSLATE_NOOP("Errors", "joined"),
    "last_spoke_at": QT_TRANSLATE_NOOP("Errors", "last spoke"),
    "tags": QT_TRANSLATE_NOOP("Errors", "tags"),
    "notes": QT_TRANSLATE_NOOP("Errors", "notes"),
}
Mapping = dict[str, int | None]
_IGNORED = re.compile(r"[\s_\-:：]+")


@dataclass(frozen=True)
class Preset:
    """Header names (any case, spaces ignored) for each field, and the platform of a new group."""

    key: str
    label: str
    platform: str | None
    aliases: dict[str, tuple[str, ...]]
    known: tuple[str, ...] = ()  # columns the preset recognises but does not import


PRESETS: dict[str, Preset] = {
    "qq": Preset(
        "qq",
        QT_TRANSLATE_NOOP("Errors", "QQ group export"),
        "qq",
        {
            "name": ("成员", "昵称", "QQ昵称"),
            "nickname": ("群名片",),
            "qq": ("QQ号", "QQ", "QQ号码"),
            "gender": ("性别",),
            "role": ("身份", "角色"),
            "joined_at": ("入群时间", "加群时间"),
            "last_spoke_at": ("最后发言", "最后发言时间"),
        },
        ("序号", "Q龄", "等级(积分)", "等级", "积分"),
    ),
    "wechat": Preset(
        "wechat",
        QT_TRANSLATE_NOOP("Errors", "WeChat group tool"),
        "wechat",
        {
            "name": ("微信昵称", "昵称"),
            "wechat_id": ("微信号", "微信ID", "微信id"),
            "nickname": ("群昵称", "群内昵称"),
            "phone": ("手机", "手机号", "手机号码"),
            "gender": ("性别",),
            "city": ("地区", "城市"),
            "role": ("身份", "角色"),
            "joined_at": ("入群时间", "加入时间"),
            "last_spoke_at": ("最后发言", "最后发言时间"),
            "notes": ("备注",),
        },
        ("序号",),
    ),
    "plain": Preset(
        "plain",
        QT_TRANSLATE_NOOP("Errors", "Plain sheet"),
        None,
        {
            "name": ("Name", "Display name", "Full name", "姓名", "名字", "成员", "昵称"),
            "nickname": ("Nickname", "Group nickname", "群名片", "群昵称"),
            "qq": ("QQ", "QQ号", "QQ号码", "QQ number"),
            "wechat_id": ("WeChat", "WeChat id", "Weixin", "微信", "微信号"),
            "telegram_id": ("Telegram id", "Telegram user id", "Telegram", "TG id"),
            "discord_id": ("Discord id", "Discord user id", "Discord"),
            "phone": ("Phone", "Mobile", "Tel", "Telephone", "手机", "手机号", "手机号码")
            + ("电话", "电话号码", "联系电话", "联系方式"),
            "email": ("Email", "E-mail", "Mail", "邮箱", "电子邮箱", "电子邮件"),
            "city": ("City", "Location", "城市", "地区", "所在地"),
            "gender": ("Gender", "Sex", "性别"),
            "role": ("Role", "身份", "角色"),
            "joined_at": ("Joined", "Joined at", "Join date", "入群时间", "加入时间"),
            "last_spoke_at": ("Last spoke", "Last message", "最后发言"),
            "tags": ("Tags", "Tag", "Labels", "标签"),
            "notes": ("Notes", "Note", "Remark", "Remarks", "备注"),
        },
        ("序号", "No", "#"),
    ),
}


def normalise_header(text: str) -> str:
    """A header as compared: NFKC, lower case, without spaces, dashes, underscores or colons."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text)).lower()


def _alias_index(preset: Preset) -> dict[str, str]:
    return {normalise_header(a): f for f, names in preset.aliases.items() for a in names}


KNOWN_HEADERS = frozenset(
    normalise_header(name)
    for preset in PRESETS.values()
    for name in (*preset.known, *(a for names in preset.aliases.values() for a in names))
)


def header_score(headers: Sequence[str], preset: Preset) -> int:
    """How many of ``headers`` the preset recognises."""
    known = set(_alias_index(preset)) | {normalise_header(k) for k in preset.known}
    return sum(1 for h in headers if h and normalise_header(h) in known)


def detect_preset(headers: Sequence[str]) -> str:
    """The preset that recognises most of ``headers``; QQ, then WeChat, win a tie with plain."""
    scores = {key: header_score(headers, preset) for key, preset in PRESETS.items()}
    return max(PRESETS, key=lambda key: scores[key])  # max keeps the first of equals


def auto_mapping(
    headers: Sequence[str], preset: str, remembered: dict[str, str] | None = None
) -> Mapping:
    """Each field's column for ``preset``: ``remembered`` (field → header, a choice the person
    made for these headers), else the preset's aliases."""
    if remembered is not None:
        return {
            f: headers.index(remembered[f]) if remembered.get(f) in headers else None
            for f in FIELDS
        }
    mapping: Mapping = dict.fromkeys(FIELDS)
    # the preset's names first; then, whatever the preset, a column the plain sheet names
    # (手机号, 微信号, 邮箱, 备注, 城市…) still fills its field when the preset left that empty
    for index in (_alias_index(PRESETS[preset]), _alias_index(PRESETS["plain"])):
        used = {c for c in mapping.values() if c is not None}
        for column, header in enumerate(headers):
            field = index.get(normalise_header(header)) if header else None
            if field is not None and mapping[field] is None and column not in used:
                mapping[field] = column
                used.add(column)
    return mapping
