"""The memberships' counts that health and activity read (``membership_counts``): equal to
counting every membership by hand, for all groups (read through migration 0016's partial
indexes) and for one group, with left memberships, staff, newcomers and speakers mixed."""

from __future__ import annotations

import random
from typing import Any

from app.core.groups import create_group
from app.core.members import create_member
from app.core.membership_counts import MembershipCounts, membership_counts
from app.store.models import Membership, db

SPOKE, JOINED = "2026-11-08 00:00:00", "2026-09-08 00:00:00"
WINDOWS = {"spoke": SPOKE, "joined": JOINED}
TIMES = [None, "2025-12-01 10:00:00", "2026-08-09 23:59:59", "2026-08-10 00:00:00",
         "2026-09-08 00:00:00", "2026-10-01 12:00:00", "2026-11-07 23:59:59",
         "2026-11-08 00:00:00", "2026-12-06 18:30:00"]  # fmt: skip


def seed(rng: random.Random) -> list[dict[str, Any]]:
    groups = [create_group(f"群{i}").id for i in range(4)]
    create_group("空群")  # no membership at all
    rows = []
    for i in range(160):
        member = create_member(f"人{i}").id
        for group in rng.sample(groups, rng.randint(1, 3)):
            row = {
                "member": member, "group": group,
                "role": rng.choice(["member"] * 6 + ["admin", "owner"]),
                "joined_at": rng.choice(TIMES), "last_spoke_at": rng.choice(TIMES),
                "left_at": rng.choice([None] * 4 + ["2026-10-01 00:00:00"]),
            }  # fmt: skip
            Membership.create(**row)
            rows.append(row)
    return rows


def by_hand(rows: list[dict[str, Any]], group: int) -> MembershipCounts:
    live = [r for r in rows if r["group"] == group and r["left_at"] is None]
    spoke = [r for r in live if r["last_spoke_at"]]
    fresh = [r for r in live if r["joined_at"] and r["joined_at"] >= JOINED]
    return MembershipCounts(
        members=len(live),
        staff=sum(r["role"] in ("owner", "admin") for r in live),
        known=len(spoke),
        spoke=sum(r["last_spoke_at"] >= SPOKE for r in spoke),
        newcomers=len(fresh),
        newcomers_spoke=sum(bool(r["last_spoke_at"]) for r in fresh),
        joined=sorted((r["member"], bool(r["last_spoke_at"]), r["joined_at"]) for r in fresh),
    )


def tidy(counts: MembershipCounts) -> MembershipCounts:
    counts.joined.sort()
    return counts


def test_every_groups_counts_equal_counting_by_hand() -> None:
    rows = seed(random.Random(19))
    found = membership_counts(None, **WINDOWS, list_newcomers=True)
    groups = sorted({r["group"] for r in rows if r["left_at"] is None})
    assert sorted(found) == groups  # the group without memberships has no counts
    for group in groups:
        assert tidy(found[group]) == by_hand(rows, group)
        assert found[group].silent == found[group].known - found[group].spoke
    assert sum(c.newcomers for c in found.values()) > 10
    assert sum(c.spoke for c in found.values()) > 10


def test_one_groups_counts_equal_counting_by_hand_and_leave_the_newcomers_unlisted() -> None:
    rows = seed(random.Random(7))
    group = rows[0]["group"]
    found = membership_counts([group], **WINDOWS)
    assert list(found) == [group]
    expected = by_hand(rows, group)
    assert found[group].joined == [] and expected.joined
    expected.joined = []
    assert tidy(found[group]) == expected


def test_every_count_reads_its_partial_index() -> None:
    seed(random.Random(3))
    plans: list[str] = []
    real = db.obj.execute_sql

    def explain(sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        plans.append(" ".join(str(r[-1]) for r in real("EXPLAIN QUERY PLAN " + sql, params)))
        return real(sql, params, *args, **kwargs)

    db.obj.execute_sql = explain
    try:
        membership_counts(None, **WINDOWS, list_newcomers=True)
    finally:
        del db.obj.execute_sql
    joined = "membership_joined"
    assert ["membership_staff" in plans[1], "membership_spoke" in plans[2], joined in plans[3],
            joined in plans[4]] == [True] * 4  # fmt: skip
    # only the members' count steps through the wide index of every membership
    assert all("membership_group_id_left_at" not in p for p in plans[1:])
