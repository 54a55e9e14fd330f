"""A roster's rows as clean values: identities normalised, dates in UTC, each bad cell named.

This is the part of an import that needs no database: the cells of every row are checked and
turned into the values a member and a membership would get. Only an identity (QQ number,
WeChat id, phone) that cannot be read, or the same identity on two lines, makes a row invalid;
any other cell that cannot be read is left empty with a warning, and the row still imports.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from app.core import clock
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.members import clean_tag, normalise_user_id
from app.core.progress import Progress
from app.core.search import normalise_phone, normalise_qq, normalise_wechat
from app.io.rosters.file import RosterFile
from app.io.rosters.presets import FIELD_LABELS, FIELDS, IDENTITY_FIELDS, Mapping

PROGRESS_ROWS = 5000  # rows between two progress reports: cheap, and a Cancel is felt at once
MAX_TEXT = 100  # characters of a name or a group nickname, as the member services allow
_ROLE_PREFIX = re.compile(r"^\s*[\[【](管理员?|群主)[\]】]\s*")
_TAG_SPLIT = re.compile(r"[;；,，、|]")
_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:(?:\s+|T|\s*日\s*)(\d{1,2})\s*[:：时]\s*(\d{1,2})"
    r"(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?)?$"
)
GENDERS = {
    "男": "male", "男性": "male", "male": "male", "m": "male", "man": "male",
    "女": "female", "女性": "female", "female": "female", "f": "female", "woman": "female",
    "其他": "other", "other": "other",
    "未知": "", "保密": "", "unknown": "", "": "",
}  # fmt: skip
ROLES = {
    "群主": "owner", "owner": "owner",
    "管理员": "admin", "管理": "admin", "admin": "admin",
    "成员": "member", "群成员": "member", "普通成员": "member", "member": "member",
}  # fmt: skip
# What exports and tools write for "no value" (a QQ export's 最后发言 of a member who never
# spoke is "-"): read as an empty cell in every column but the two a person names themself.
NO_VALUE = frozenset(
    ("-", "--", "－", "–", "—", "——", "/", "无", "暂无", "从未发言", "未发言", "未知", "不详",
     "n/a", "none", "null")
)  # fmt: skip
_OWN_WORDS = ("name", "nickname")  # a member may well be called "无" or "-"
_NORMALISERS: dict[str, Callable[[str], str | None]] = {
    "qq": normalise_qq,
    "wechat_id": normalise_wechat,
    "telegram_id": normalise_user_id,
    "discord_id": normalise_user_id,
    "phone": normalise_phone,
}


@dataclass(frozen=True)
class RowNote:
    """Something said about one row: its line, the column's header ("" for the whole row), what."""

    line: int
    column: str
    template: str  # translatable in context "Errors", filled with params
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        """The text in English (the window translates ``template`` instead)."""
        return self.template.format(**self.params)


class InvalidRow(RowNote):
    """A problem that keeps the row out of the import (a broken identity, a ragged row…)."""


class CellWarning(RowNote):
    """A cell that could not be read: it is left empty, and the row still imports."""


@dataclass(slots=True)
class CleanRow:
    """A row's values; empty cells are absent (an import never blanks a stored value)."""

    line: int
    member: dict[str, str] = field(default_factory=dict)  # name, ids, email, city, gender, notes
    nickname: str = ""
    role: str | None = None  # None: leave the stored role
    joined_at: datetime | None = None  # naive UTC
    last_spoke_at: datetime | None = None
    tags: tuple[str, ...] = ()
    errors: list[InvalidRow] = field(default_factory=list)
    warnings: list[CellWarning] = field(default_factory=list)

    def keys(self) -> dict[str, str]:
        """The identity values the row has: {"qq": "123456", ...}."""
        return {f: self.member[f] for f in IDENTITY_FIELDS if f in self.member}


def parse_date(text: str) -> datetime:
    """A local date and time as written in exports (2023/07/16 22:14, ISO…) → naive UTC."""
    match = _DATE.match(text)
    if match:
        parts = [int(p) if p else 0 for p in match.groups()]
        moment = datetime(*parts)  # type: ignore[arg-type]  # raises ValueError if impossible
        offset = _day_offset(moment.year, moment.month, moment.day, (time.tzname, time.timezone))
        return clock.from_local(moment) if offset is None else moment - offset
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        return moment.astimezone(UTC).replace(tzinfo=None)
    return clock.from_local(moment)


@lru_cache(maxsize=32768)
def _day_offset(year: int, month: int, day: int, zone: object) -> timedelta | None:
    """The local UTC offset all that day, or None on a day the offset changes (DST).

    ``zone`` (the process's time zone) is in the cache key, so a changed TZ is seen.
    """
    start = datetime(year, month, day)
    end = start + timedelta(hours=23, minutes=59)
    offset = start - clock.from_local(start)
    return offset if end - clock.from_local(end) == offset else None


def clean_rows(
    roster: RosterFile,
    mapping: Mapping,
    role_from_nickname: bool,
    progress: Progress | None = None,
) -> list[CleanRow]:
    """Every row of ``roster`` cleaned with ``mapping``; bad cells become ``errors``.

    ``role_from_nickname``: QQ and WeChat exports mark admins only by a "[管理]" prefix, so
    there a nickname without it means an ordinary member. ``progress(done, total)`` is called
    every ``PROGRESS_ROWS`` rows (it may raise ``Cancelled``).
    """
    unknown = set(mapping) - set(FIELDS)
    if unknown:
        raise ValueError(f"unknown import fields: {sorted(unknown)}")
    columns = {f: c for f, c in mapping.items() if c is not None}
    width = len(roster.headers)
    headers = {f: roster.column_name(c) for f, c in columns.items()}
    rows: list[CleanRow] = []
    total = len(roster.rows)
    for line, cells in roster.rows:
        if progress is not None and len(rows) % PROGRESS_ROWS == 0:
            progress(len(rows), total)
        row = CleanRow(line)
        if any(c.strip() for c in cells[width:]):
            row.errors.append(
                InvalidRow(
                    line,
                    "",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The row has {cells} cells but the header only {columns}; the extra "
                        "cells would be lost.",
                    ),
                    {"cells": len(cells), "columns": width},
                )
            )
        if line in roster.mixed_lines:
            row.errors.append(
                InvalidRow(
                    line,
                    "",
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The line mixes text encodings: “{cell}” is UTF-8 but the rest is "
                        "GB18030, so its names would come out garbled. Save the file in one "
                        "encoding.",
                    ),
                    {"cell": roster.mixed_lines[line]},
                )
            )
        values = {f: _cell(cells[c], f) if c < len(cells) else "" for f, c in columns.items()}
        _fill(row, values, headers, role_from_nickname and "nickname" in columns)
        rows.append(row)
    _flag_repeated_keys(rows, {f: headers.get(f, "") for f in IDENTITY_FIELDS})
    return rows


def _cell(text: str, field_name: str) -> str:
    """A cell's value: trimmed, "" for a no-value marker (``NO_VALUE``), and without the quote
    our exports (and Excel) put before a formula-like text: ``'=SUM(1)`` imports as ``=SUM(1)``."""
    text = text.strip()
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        return text[1:]
    if len(text) <= 4 and field_name not in _OWN_WORDS and text.lower() in NO_VALUE:
        return ""
    return text


def _fill(row: CleanRow, values: dict[str, str], headers: dict[str, str], demote: bool) -> None:
    """Check each value of ``values`` and put it in ``row``: an identity that cannot be read is
    an error naming the column; any other cell that cannot be read is left empty, with a
    warning naming it."""

    def bad(field_name: str, template: str, **params: Any) -> None:
        row.errors.append(InvalidRow(row.line, headers[field_name], template, params))

    def left_empty(field_name: str, template: str, **params: Any) -> None:
        row.warnings.append(CellWarning(row.line, headers[field_name], template, params))

    for key, normalise in _NORMALISERS.items():
        if values.get(key):
            try:
                value = normalise(values[key])
            except ValidationError as exc:
                bad(key, exc.template, **exc.params)
            else:
                if value:
                    row.member[key] = value
    name = values.get("name", "")
    if len(name) > MAX_TEXT:
        left_empty(
            "name",
            QT_TRANSLATE_NOOP(
                "Errors", "A display name can have at most 100 characters; left empty."
            ),
        )
    elif name:
        row.member["name"] = name
    nickname = values.get("nickname", "")
    prefix = _ROLE_PREFIX.match(nickname)
    if prefix:
        nickname = nickname[prefix.end() :].strip()
        row.role = "owner" if prefix.group(1) == "群主" else "admin"
    elif demote:
        row.role = "member"
    if len(nickname) > MAX_TEXT:
        left_empty(
            "nickname",
            QT_TRANSLATE_NOOP(
                "Errors", "A group nickname can have at most 100 characters; left empty."
            ),
        )
    else:
        row.nickname = nickname
    if values.get("role"):
        role = ROLES.get(values["role"].lower())
        if role is None:
            left_empty(
                "role",
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Unknown role “{value}” (use 群主, 管理员, owner, admin or member); "
                    "left empty.",
                ),
                value=values["role"],
            )
        else:
            row.role = role
    email = values.get("email", "")
    if email and ("@" not in email or " " in email or email.startswith("@")):
        left_empty(
            "email",
            QT_TRANSLATE_NOOP("Errors", "“{value}” is not an email address; left empty."),
            value=email,
        )
    elif email:
        row.member["email"] = email
    for key in ("city", "notes"):
        if values.get(key):
            row.member[key] = values[key]
    gender = GENDERS.get(values.get("gender", "").lower())
    if gender is None:
        left_empty(
            "gender",
            QT_TRANSLATE_NOOP(
                "Errors", "Unknown gender “{value}” (use 男, 女, male or female); left empty."
            ),
            value=values["gender"],
        )
    elif gender:
        row.member["gender"] = gender
    for key in ("joined_at", "last_spoke_at"):
        if values.get(key):
            try:
                setattr(row, key, parse_date(values[key]))
            except ValueError:
                left_empty(
                    key,
                    QT_TRANSLATE_NOOP("Errors", "“{value}” is not a date; left empty."),
                    value=values[key],
                )
    tags: set[str] = set()
    for text in _TAG_SPLIT.split(values.get("tags", "")):
        if not text.strip():
            continue
        try:
            tags.add(clean_tag(text))
        except ValidationError:
            left_empty(
                "tags",
                QT_TRANSLATE_NOOP(
                    "Errors", "The tag “{value}” has more than 40 characters; left out."
                ),
                value=text.strip(),
            )
    row.tags = tuple(sorted(tags))


def _flag_repeated_keys(rows: list[CleanRow], headers: dict[str, str]) -> None:
    """The same identity on two lines: both are invalid, each naming the other line."""
    for key in IDENTITY_FIELDS:
        lines: dict[str, list[CleanRow]] = {}
        for row in rows:
            value = row.member.get(key)
            if value:
                lines.setdefault(value, []).append(row)
        for value, repeated in lines.items():
            if len(repeated) < 2:
                continue
            for row in repeated:
                other = next(r.line for r in repeated if r is not row)
                row.errors.append(
                    InvalidRow(
                        row.line,
                        headers[key],
                        QT_TRANSLATE_NOOP("Errors", "The {what} {value} is also on line {other}."),
                        {"what": FIELD_LABELS[key], "value": value, "other": other},
                    )
                )
