"""Today's "went quiet": the members most worth a message, across every group (PRODUCT.md §4b).

A member went quiet in a group when they sent ≥ ``quiet_before_messages`` messages in the 90
days before the last 30 and none since (``activity.GroupActivity.went_quiet``). Across groups
each member is listed once, in the group where they had said most; the most messages before
first. Members with an open reach-out task are left out: they are in the queue already.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.core import activity
from app.core.activity import GroupActivity
from app.core.activity_actions import open_reach_outs

SHOWN = 5  # Today shows the five most worth a message


@dataclass(frozen=True)
class QuietPick:
    """A member who went quiet, where they had said most, and how much."""

    member_id: int
    name: str
    group_id: int
    group_name: str
    messages_before: int
    last_day: date


def worth_a_message(
    found: Iterable[GroupActivity | None] | None = None, limit: int = SHOWN
) -> list[QuietPick]:
    """The ``limit`` members most worth a message: from ``found`` (the groups' activity with
    who went quiet), or measured now (``activity.group_activity`` without ``detail``); one
    query more for the open reach-outs."""
    if found is None:
        found = activity.group_activity(detail=False).values()
    best: dict[int, QuietPick] = {}
    for group in found:
        if group is None:
            continue
        for quiet in group.went_quiet:
            pick = QuietPick(
                quiet.member_id, quiet.name, group.group_id, group.name,
                quiet.messages_before, quiet.last_day,
            )  # fmt: skip
            known = best.get(quiet.member_id)
            if known is None or (pick.messages_before, -pick.group_id) > (
                known.messages_before,
                -known.group_id,
            ):
                best[quiet.member_id] = pick
    queued = open_reach_outs(list(best)) if best else {}
    ranked = sorted(
        (p for p in best.values() if p.member_id not in queued),
        key=lambda p: (-p.messages_before, p.last_day, p.name, p.member_id),
    )
    return ranked[:limit]
