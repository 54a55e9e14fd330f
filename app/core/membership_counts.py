"""Counts of each group's live memberships, for group health and activity (PRODUCT.md §4, §4b):
members, staff, those with a last-spoke date and those who spoke lately, and the newcomers.
All groups (or the ones listed) in four statements.

Each count but the members' ranges over one of migration 0016's partial indexes, which holds
only the rows it reads (the staff; those who spoke, by date; the memberships by joining date),
so none of them steps through every membership (``activity_queries.rows`` holds that plan).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.activity_queries import rows
from app.core.pyramid import STAFF_ROLES

_MEMBERS = """
    SELECT group_id, COUNT(*), COUNT(last_spoke_at) FROM membership
    WHERE left_at IS NULL {only} GROUP BY group_id
"""
_STAFF = f"""
    SELECT group_id, COUNT(*) FROM membership {{index}}
    WHERE left_at IS NULL AND role IN {STAFF_ROLES} {{only}} GROUP BY group_id
"""
# spoke on :spoke or later
_SPOKE = """
    SELECT group_id, COUNT(*) FROM membership {index}
    WHERE left_at IS NULL AND last_spoke_at IS NOT NULL AND last_spoke_at >= :spoke {only}
    GROUP BY group_id
"""
_NEWCOMERS = """
    SELECT group_id, COUNT(*), COUNT(last_spoke_at) FROM membership {index}
    WHERE left_at IS NULL AND joined_at >= :joined {only} GROUP BY group_id
"""
_NEWCOMER_ROWS = """
    SELECT group_id, member_id, last_spoke_at IS NOT NULL, joined_at FROM membership {index}
    WHERE left_at IS NULL AND joined_at >= :joined {only}
"""


@dataclass
class MembershipCounts:
    """One group's live memberships counted."""

    members: int = 0
    staff: int = 0
    known: int = 0  # with a last-spoke date
    spoke: int = 0  # last spoke on ``spoke`` or later
    newcomers: int = 0  # joined on ``joined`` or later
    newcomers_spoke: int = 0  # of them, those with a last-spoke date
    # the newcomers themselves (member, spoke, joined), when listed
    joined: list[tuple[int, bool, str]] = field(default_factory=list)

    @property
    def silent(self) -> int:
        """With a last-spoke date before ``spoke``."""
        return self.known - self.spoke


def membership_counts(
    group_ids: list[int] | None, *, spoke: str, joined: str, list_newcomers: bool = False
) -> dict[int, MembershipCounts]:
    """The counts of every group with a live membership (of the groups listed, or all when
    None); times as stored. ``list_newcomers`` lists them too (their count is always kept)."""
    params = {"spoke": spoke, "joined": joined}

    def read(sql: str, index: str) -> list[Any]:
        return rows(sql, params, group_ids, "group_id", index)

    out: dict[int, MembershipCounts] = {}
    for gid, members, known in read(_MEMBERS, ""):
        out[gid] = MembershipCounts(members=int(members), known=int(known))
    for gid, staff in read(_STAFF, "membership_staff"):
        out[gid].staff = int(staff)
    for gid, spoken in read(_SPOKE, "membership_spoke"):
        out[gid].spoke = int(spoken)
    for gid, count, spoken in read(_NEWCOMERS, "membership_joined"):
        counts = out[gid]
        counts.newcomers, counts.newcomers_spoke = int(count), int(spoken)
    if list_newcomers:
        for gid, member, has_spoken, at in read(_NEWCOMER_ROWS, "membership_joined"):
            out[gid].joined.append((int(member), bool(has_spoken), str(at)))
    return out
