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

from app.core.search import (
    PINYIN_MARK,
    SEPARATOR,
    like_contains,
    like_pinyin,
    like_start,
    matched_field,
    normalise_query,
)
from app.core.standing import OUT_OF_EVERY_GROUP
from app.store.models import db

log = logging.getLogger(__name__)

# Each sort: its ORDER BY terms ascending and descending (ties by id, the same way), every
# one served by an index (status: and by the membership status index). QQ numbers sort as
# numbers (no leading zeros: shorter is smaller) with blanks last both ways.
SORTS: dict[str, tuple[str, str]] = {
    "name": ("m.sort_key, m.id", "m.sort_key DESC, m.id DESC"),
    "tier": ("t.rank, m.id", "t.rank DESC, m.id DESC"),
    # the person's status, those out of every group (shown "left") after the active
    "status": (
        f"m.status, {OUT_OF_EVERY_GROUP}, m.id",
        f"m.status DESC, {OUT_OF_EVERY_GROUP} DESC, m.id DESC",
    ),
    "star": ("m.star, m.id", "m.star DESC, m.id DESC"),
    "qq": (
        "m.qq IS NULL, length(m.qq), m.qq, m.id",
        "length(m.qq) DESC, m.qq DESC, m.id DESC",
    ),
    "wechat_id": ("m.wechat_id, m.id", "m.wechat_id DESC, m.id DESC"),
    "telegram_id": (
        "m.telegram_id IS NULL, length(m.telegram_id), m.telegram_id, m.id",
        "length(m.telegram_id) DESC, m.telegram_id DESC, m.id DESC",
    ),
    "discord_id": (
        "m.discord_id IS NULL, length(m.discord_id), m.discord_id, m.id",
        "length(m.discord_id) DESC, m.discord_id DESC, m.id DESC",
    ),
    "phone": ("m.phone, m.id", "m.phone DESC, m.id DESC"),
    "city": ("m.city, m.id", "m.city DESC, m.id DESC"),
    "first_seen": ("m.first_seen, m.id", "m.first_seen DESC, m.id DESC"),
    "last_contacted": ("m.last_contacted, m.id", "m.last_contacted DESC, m.id DESC"),
}
SORT_COLUMNS = frozenset(SORTS)
RELEVANCE = "relevance"  # best matches first (see ``search_ids``), then by name

# How well a member matches a query: 0 the whole name, QQ number, WeChat id or phone; 1 the
# whole name in pinyin (full or initials, any reading of the surname); 2 the name or its
# pinyin starts with it; 3 anything else found (nicknames, ids containing it, the middle of
# a name). Computed only for the members found, so it costs nothing on the scan.
RANK = (
    "CASE WHEN s.text = :q OR s.text LIKE :whole ESCAPE '\\' OR m.qq = :q OR m.phone = :q"
    " OR lower(m.wechat_id) = :q OR m.telegram_id = :q OR m.discord_id = :q THEN 0"
    " WHEN s.lead || :mark LIKE :whole_pinyin ESCAPE '\\' THEN 1"
    " WHEN s.text LIKE :start ESCAPE '\\' OR s.lead LIKE :pinyin ESCAPE '\\' THEN 2"
    " ELSE 3 END"
)


@dataclass(frozen=True)
class MemberFilter:
    """What the member table shows: a search text and optional filters."""

    text: str = ""
    group_id: int | None = None
    # "active" or "banned": the person's own status (in the group, with a group); "left" or
    # "removed": from the group, or from any group without one
    status: str | None = None
    tier_id: int | None = None
    tag: str | None = None
    star: bool | None = None
    with_left: bool = False  # with a group: also those who left it or were removed from it


@dataclass(frozen=True)
class MemberRow:
    """One line of the member table."""

    id: int
    name: str
    star: bool
    tier: str
    tier_colour: str
    status: str  # the person's; "left" / "removed" when out of every group they were in
    qq: str
    wechat_id: str
    phone: str
    city: str
    groups: str
    tags: str
    last_contacted: datetime | None
    telegram_id: str = ""
    discord_id: str = ""
    matched: str = ""  # the field the search text found this member by (search.matched_field)
    matched_text: str = ""  # that field's text, e.g. the nickname


def search_ids(flt: MemberFilter, sort: str = "name", descending: bool = False) -> list[int]:
    """Ids of every member matching ``flt``, in the requested order (ties by id).

    ``sort`` is a key of ``SORTS`` or ``RELEVANCE``: with a search text, the best matches
    first (``RANK``), each rank in name order; without one, name order.
    """
    sql, params = search_query(flt, sort, descending)
    started = time.perf_counter()
    ids = [r[0] for r in db.execute_sql(sql, params).fetchall()]
    log.debug("member search: %d ids in %.1f ms", len(ids), (time.perf_counter() - started) * 1e3)
    return ids


def search_query(
    flt: MemberFilter, sort: str = "name", descending: bool = False
) -> tuple[str, dict[str, object]]:
    """The SQL and parameters of ``search_ids``."""
    if sort not in SORTS and sort != RELEVANCE:
        raise ValueError(f"unknown sort column {sort!r}")
    where: list[str] = []
    params: dict[str, object] = {}
    text = normalise_query(flt.text)
    if text:
        where.append("(s.text LIKE :contains ESCAPE '\\' OR s.pinyin LIKE :pinyin ESCAPE '\\')")
        params.update(
            q=text,
            contains=like_contains(text),
            pinyin=like_pinyin(text),
            whole=like_start(text + SEPARATOR),
            start=like_start(text),
            mark=PINYIN_MARK,
            whole_pinyin=like_pinyin(text + PINYIN_MARK),
        )
    where.extend(_status_terms(flt, params))
    if flt.tier_id is not None:
        where.append("m.tier_id = :tier")
        params["tier"] = flt.tier_id
    if flt.tag:
        where.append("m.id IN (SELECT member_id FROM member_tag WHERE tag = :tag)")
        params["tag"] = flt.tag
    if flt.star is not None:
        where.append("m.star = :star")
        params["star"] = 1 if flt.star else 0
    if sort == RELEVANCE:
        order = f"{RANK}, {SORTS['name'][0]}" if text else SORTS["name"][0]
    else:
        order = SORTS[sort][1 if descending else 0]
    # With a text, the narrow search rows are scanned first (CROSS JOIN keeps that order)
    # and only the members found are looked up and sorted.
    source = "member_search s CROSS JOIN member m ON m.id = s.member_id" if text else "member m"
    if sort == "tier":
        source += " JOIN tier t ON t.id = m.tier_id"
    sql = (
        f"SELECT m.id FROM {source}"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {order}"
    )
    return sql, params


def _status_terms(flt: MemberFilter, params: dict[str, object]) -> list[str]:
    """The WHERE terms of ``flt``'s group and status, their parameters put in ``params``."""
    status, terms = flt.status, []
    if flt.group_id is not None:
        params["group"] = flt.group_id
        if status in ("left", "removed"):
            params["ms_status"] = status
            return [
                "m.id IN (SELECT member_id FROM membership WHERE group_id = :group"
                " AND status = :ms_status)"
            ]
        live = "" if flt.with_left else " AND left_at IS NULL"
        terms.append(f"m.id IN (SELECT member_id FROM membership WHERE group_id = :group{live})")
    elif status in ("left", "removed"):
        params["ms_status"] = status
        return ["m.id IN (SELECT member_id FROM membership WHERE status = :ms_status)"]
    if status:
        terms.append("m.status = :status")
        params["status"] = status
        if status == "active" and flt.group_id is None:
            terms.append(f"NOT {OUT_OF_EVERY_GROUP}")
    return terms


def rows_for(ids: Sequence[int], query: str = "") -> dict[int, MemberRow]:
    """The table rows of ``ids`` (a page), in three queries whatever the page size; with a
    search ``query``, a fourth says which field each member was found by."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    text = normalise_query(query)
    nicknames: dict[int, list[str]] = {}
    if text:
        for member_id, nickname in db.execute_sql(
            "SELECT member_id, nickname FROM membership"
            f" WHERE member_id IN ({marks}) AND nickname != '' ORDER BY id",
            list(ids),
        ):
            nicknames.setdefault(member_id, []).append(nickname)
    groups: dict[int, list[str]] = {}
    ended: dict[int, tuple[str, str]] = {}  # (left_at, status) of the latest ended membership
    for member_id, name, left_at, status in db.execute_sql(
        "SELECT ms.member_id, g.name, ms.left_at, ms.status FROM membership ms"
        f" JOIN chat_group g ON g.id = ms.group_id WHERE ms.member_id IN ({marks})"
        " ORDER BY g.sort_key",
        list(ids),
    ):
        if left_at is None:
            groups.setdefault(member_id, []).append(name)
        elif (left_at, status) > ended.get(member_id, ("", "")):
            ended[member_id] = (left_at, status)
    out_of_groups = {m: status for m, (_, status) in ended.items() if m not in groups}
    tags: dict[int, list[str]] = {}
    for member_id, tag in db.execute_sql(
        f"SELECT member_id, tag FROM member_tag WHERE member_id IN ({marks}) ORDER BY tag",
        list(ids),
    ):
        tags.setdefault(member_id, []).append(tag)
    rows = {}
    for r in db.execute_sql(
        "SELECT m.id, m.name, m.star, t.name, t.colour, m.status, m.qq, m.wechat_id, m.phone,"
        " m.city, m.last_contacted, m.email, m.telegram_id, m.discord_id"
        " FROM member m JOIN tier t ON t.id = m.tier_id"
        f" WHERE m.id IN ({marks})",
        list(ids),
    ):
        last = datetime.fromisoformat(r[10]) if r[10] else None
        identities = {
            "qq": r[6] or "",
            "wechat_id": r[7] or "",
            "phone": r[8] or "",
            "telegram_id": r[12] or "",
            "discord_id": r[13] or "",
            "email": r[11],
        }
        matched = matched_field(text, r[1], nicknames.get(r[0], ()), identities)
        rows[r[0]] = MemberRow(
            id=r[0],
            name=r[1],
            star=bool(r[2]),
            tier=r[3],
            tier_colour=r[4],
            status=r[5] if r[5] != "active" else out_of_groups.get(r[0], r[5]),
            qq=r[6] or "",
            wechat_id=r[7] or "",
            phone=r[8] or "",
            city=r[9] or "",
            groups="、".join(groups.get(r[0], ())),
            tags=", ".join(tags.get(r[0], ())),
            last_contacted=last,
            telegram_id=r[12] or "",
            discord_id=r[13] or "",
            matched=matched[0],
            matched_text=matched[1],
        )
    return rows
