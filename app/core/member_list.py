"""The member table's queries: ordered ids for a search and filters, then rows by page.

Like Anki's browser: SQL does the WHERE and ORDER BY over indexed columns and returns only
ids; the table fetches the few rows on screen. Nothing here loads every member.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.core.search import like_contains, like_pinyin, normalise_query
from app.store.models import db

log = logging.getLogger(__name__)

SORT_COLUMNS = {
    "name": "m.sort_key",
    "tier": "t.rank",
    "status": "m.status",
    "star": "m.star",
    "qq": "m.qq",
    "wechat_id": "m.wechat_id",
    "phone": "m.phone",
    "city": "m.city",
    "first_seen": "m.first_seen",
    "last_contacted": "m.last_contacted",
}


@dataclass(frozen=True)
class MemberFilter:
    """What the member table shows: a search text and optional filters."""

    text: str = ""
    group_id: int | None = None
    status: str | None = None
    tier_id: int | None = None
    tag: str | None = None
    star: bool | None = None


@dataclass(frozen=True)
class MemberRow:
    """One line of the member table."""

    id: int
    name: str
    star: bool
    tier: str
    tier_colour: str
    status: str
    qq: str
    wechat_id: str
    phone: str
    city: str
    groups: str
    tags: str
    last_contacted: datetime | None


def search_ids(flt: MemberFilter, sort: str = "name", descending: bool = False) -> list[int]:
    """Ids of every member matching ``flt``, in the requested order (ties by id)."""
    if sort not in SORT_COLUMNS:
        raise ValueError(f"unknown sort column {sort!r}")
    where: list[str] = []
    params: list[object] = []
    text = normalise_query(flt.text)
    if text:
        where.append(
            "m.id IN (SELECT member_id FROM member_search"
            " WHERE text LIKE ? ESCAPE '\\' OR pinyin LIKE ? ESCAPE '\\')"
        )
        params.extend((like_contains(text), like_pinyin(text)))
    if flt.group_id is not None:
        where.append(
            "m.id IN (SELECT member_id FROM membership WHERE group_id = ? AND left_at IS NULL)"
        )
        params.append(flt.group_id)
    if flt.status:
        where.append("m.status = ?")
        params.append(flt.status)
    if flt.tier_id is not None:
        where.append("m.tier_id = ?")
        params.append(flt.tier_id)
    if flt.tag:
        where.append("m.id IN (SELECT member_id FROM member_tag WHERE tag = ?)")
        params.append(flt.tag)
    if flt.star is not None:
        where.append("m.star = ?")
        params.append(1 if flt.star else 0)
    join = " JOIN tier t ON t.id = m.tier_id" if sort == "tier" else ""
    direction = " DESC" if descending else ""
    sql = (
        f"SELECT m.id FROM member m{join}"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {SORT_COLUMNS[sort]}{direction}, m.id{direction}"
    )
    started = time.perf_counter()
    ids = [r[0] for r in db.execute_sql(sql, params).fetchall()]
    log.debug("member search: %d ids in %.1f ms", len(ids), (time.perf_counter() - started) * 1e3)
    return ids


def rows_for(ids: Sequence[int]) -> dict[int, MemberRow]:
    """The table rows of ``ids`` (a page), in two queries whatever the page size."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    groups: dict[int, list[str]] = {}
    for member_id, name in db.execute_sql(
        "SELECT ms.member_id, g.name FROM membership ms JOIN chat_group g ON g.id = ms.group_id"
        f" WHERE ms.member_id IN ({marks}) AND ms.left_at IS NULL ORDER BY g.sort_key",
        list(ids),
    ):
        groups.setdefault(member_id, []).append(name)
    tags: dict[int, list[str]] = {}
    for member_id, tag in db.execute_sql(
        f"SELECT member_id, tag FROM member_tag WHERE member_id IN ({marks}) ORDER BY tag",
        list(ids),
    ):
        tags.setdefault(member_id, []).append(tag)
    rows = {}
    for r in db.execute_sql(
        "SELECT m.id, m.name, m.star, t.name, t.colour, m.status, m.qq, m.wechat_id, m.phone,"
        " m.city, m.last_contacted FROM member m JOIN tier t ON t.id = m.tier_id"
        f" WHERE m.id IN ({marks})",
        list(ids),
    ):
        last = datetime.fromisoformat(r[10]) if r[10] else None
        rows[r[0]] = MemberRow(
            id=r[0],
            name=r[1],
            star=bool(r[2]),
            tier=r[3],
            tier_colour=r[4],
            status=r[5],
            qq=r[6] or "",
            wechat_id=r[7] or "",
            phone=r[8] or "",
            city=r[9] or "",
            groups="、".join(groups.get(r[0], ())),
            tags=", ".join(tags.get(r[0], ())),
            last_contacted=last,
        )
    return rows
