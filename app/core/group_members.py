"""A group's members as its Members tab lists them: the membership's own facts by the member's.

The member table's queries (``member_list``) know members; a group's list also shows what
belongs to the membership: the group nickname (群名片), the role, when they joined and when they
last spoke, and, for those who left or were removed (shown only when asked), that and when.
Those come a page at a time, and the list can be ordered by them, in SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.core.care import parse_time
from app.core.member_list import MemberFilter, search_ids
from app.store.models import db

# Orders by a membership fact: (what puts the unknowns last, either way; the fact itself).
# Ties go by name.
SORT_COLUMNS = {
    "nickname": ("ms.nickname = ''", "ms.nickname"),
    "role": ("ms.role IS NULL", "CASE ms.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END"),
    "joined": ("ms.joined_at IS NULL", "ms.joined_at"),
    "last_spoke": ("ms.last_spoke_at IS NULL", "ms.last_spoke_at"),
    # in the group (active, then banned), then left, then removed
    "status": ("ms.status IS NULL", "ms.status || ' ' || m.status"),
}


@dataclass(frozen=True)
class MembershipCells:
    """What one member's row shows about their membership of the group."""

    nickname: str
    role: str
    joined_at: datetime | None
    last_spoke_at: datetime | None
    status: str = "active"  # or "left" / "removed" from the group, on left_at
    left_at: datetime | None = None


def cells_for(group_id: int, member_ids: Sequence[int]) -> dict[int, MembershipCells]:
    """The memberships of ``member_ids`` in ``group_id``, ended ones too (a page: one query)."""
    if not member_ids:
        return {}
    marks = ",".join("?" * len(member_ids))
    rows = db.execute_sql(
        "SELECT member_id, nickname, role, joined_at, last_spoke_at, status, left_at"
        f" FROM membership WHERE group_id = ? AND member_id IN ({marks})",
        [group_id, *member_ids],
    )
    return {
        member_id: MembershipCells(
            nickname or "", role or "member", parse_time(j), parse_time(s), status, parse_time(left)
        )
        for member_id, nickname, role, j, s, status, left in rows
    }


def sorted_ids(flt: MemberFilter, sort: str, descending: bool = False) -> list[int]:
    """The members matching ``flt`` (which names a group) ordered by a membership fact."""
    if flt.group_id is None or sort not in SORT_COLUMNS:
        raise ValueError(f"a group's members sort by one of {sorted(SORT_COLUMNS)}")
    wanted = set(search_ids(flt))
    unknown_last, fact = SORT_COLUMNS[sort]
    order = f"{unknown_last}, {fact}{' DESC' if descending else ''}"
    live = "" if flt.with_left or flt.status in ("left", "removed") else " AND ms.left_at IS NULL"
    rows = db.execute_sql(
        "SELECT ms.member_id FROM membership ms JOIN member m ON m.id = ms.member_id"
        f" WHERE ms.group_id = ?{live} ORDER BY {order}, m.sort_key, m.id",
        [flt.group_id],
    )
    return [member_id for (member_id,) in rows if member_id in wanted]
