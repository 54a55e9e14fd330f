"""The pyramid's counts overall and per group, the month's moves, and members per helper."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime, time, timedelta

import pytest

from app.core import clock, groups, member_bulk, members, memberships, pyramid, settings, tiers
from app.core.errors import NotFound
from app.core.pyramid import Movement
from app.store.models import Member, Tier, TierChange
from tests.core.conftest import StatementLog, leave_every_group

Counter = Callable[[], AbstractContextManager[StatementLog]]


def rank(r: int) -> int:
    return Tier.get(Tier.rank == r).id


def person(name: str, tier_rank: int = 4, **fields: object) -> int:
    return members.create_member(name, tier_id=rank(tier_rank), **fields).id


def counts(rows: list[pyramid.TierCount]) -> list[int]:
    return [row.count for row in rows]


# --- the pyramid -------------------------------------------------------------------------


def test_an_empty_community_has_every_tier_at_zero() -> None:
    rows = pyramid.pyramid()
    assert [(r.rank, r.name, r.count, r.share) for r in rows] == [
        (1, "Core", 0, 0.0),
        (2, "Helpers", 0, 0.0),
        (3, "Active", 0, 0.0),
        (4, "Members", 0, 0.0),
    ]
    assert rows[1].colour == "#d68910"
    assert rows[1].tier_id == tiers.helper_tier().id


def test_the_overall_pyramid_counts_active_members_by_tier() -> None:
    person("核心", 1)
    for i in range(3):
        person(f"骨干{i}", 2)
    for i in range(6):
        person(f"普通{i}", 4)
    leave_every_group(person("走了", 2))
    person("封了", 4, status="banned")
    rows = pyramid.pyramid()
    assert counts(rows) == [1, 3, 0, 6]
    assert [round(r.share, 2) for r in rows] == [0.1, 0.3, 0.0, 0.6]
    assert sum(r.share for r in rows) == pytest.approx(1.0)


def test_a_groups_pyramid_counts_its_admins_as_helpers() -> None:
    group = groups.create_group("读书会").id
    other = groups.create_group("跑团").id
    cases = [
        ("群主", 1, "owner"),  # a Core owner stays Core
        ("管理A", 4, "admin"),  # an ordinary member who is admin counts as a helper
        ("管理B", 3, "admin"),
        ("骨干", 2, "member"),
        ("活跃", 3, "member"),
        ("普通", 4, "member"),
    ]
    for name, tier_rank, role in cases:
        memberships.add_membership(person(name, tier_rank), group, role=role)
    left = person("退群", 2)
    memberships.add_membership(left, group)
    memberships.leave_group(left, group)
    banned = person("封号", 3, status="banned")
    memberships.add_membership(banned, group)
    memberships.add_membership(person("别的群", 4), other)
    rows = pyramid.pyramid(group)
    assert counts(rows) == [1, 3, 1, 1]
    assert rows[1].share == pytest.approx(0.5)
    assert counts(pyramid.pyramid(other)) == [0, 0, 0, 1]
    # overall: tiers as they are, without 退群, who left the only group he was in
    assert counts(pyramid.pyramid()) == [1, 1, 2, 3]
    with pytest.raises(NotFound):
        pyramid.pyramid(999)


def test_the_pyramid_follows_renamed_and_reordered_tiers() -> None:
    person("甲", 4)
    tiers.update_tier(rank(4), name="群众", colour="#123456")
    tiers.move_tier(rank(4), 3)
    rows = pyramid.pyramid()
    assert [(r.rank, r.name, r.count) for r in rows][2:] == [(3, "群众", 1), (4, "Active", 0)]
    assert rows[2].colour == "#123456"


# --- movement ----------------------------------------------------------------------------


def local(*parts: int) -> datetime:
    """A local wall-clock time as stored (naive UTC)."""
    return clock.from_local(datetime(*parts))


def change(member_id: int, from_rank: int, to_rank: int, at: datetime) -> None:
    TierChange.create(member=member_id, from_tier=rank(from_rank), to_tier=rank(to_rank), at=at)


def test_movement_counts_the_net_change_of_each_member_in_the_month() -> None:
    up, down, there_and_back, twice_up, other_month = (person(n) for n in "甲乙丙丁戊")
    quiet = person("己")
    leave_every_group(person("走了"))
    change(up, 4, 3, local(2026, 3, 2, 8))
    change(down, 2, 3, local(2026, 3, 5))
    change(there_and_back, 4, 3, local(2026, 3, 3))
    change(there_and_back, 3, 4, local(2026, 3, 9))
    change(twice_up, 4, 3, local(2026, 3, 1))
    change(twice_up, 3, 2, local(2026, 3, 10))
    change(other_month, 4, 2, local(2026, 4, 1))
    assert pyramid.movement(date(2026, 3, 14)) == Movement(up=2, held=3, down=1)
    assert pyramid.movement(date(2026, 3, 1)) == pyramid.movement(date(2026, 3, 31))
    assert pyramid.movement(date(2026, 4, 30)) == Movement(up=1, held=5, down=0)
    del quiet


def test_month_boundaries_are_local_calendar_months(zone: Callable[[str], None]) -> None:
    zone("Asia/Shanghai")  # March starts at 2026-02-28 16:00 UTC
    last_second, first_second = person("二月底"), person("三月初")
    change(last_second, 4, 3, datetime(2026, 2, 28, 15, 59, 59))
    change(first_second, 3, 4, datetime(2026, 2, 28, 16, 0, 0))
    this_month, last_month = pyramid.movements(datetime(2026, 3, 14, 9, 30))
    assert this_month == Movement(up=0, held=1, down=1)
    assert last_month == Movement(up=1, held=1, down=0)
    april = datetime(2026, 3, 31, 16, 0)  # 1 April, 00:00 local
    assert pyramid.movements(april) == (Movement(0, 2, 0), this_month)
    assert pyramid.movements(april - timedelta(seconds=1))[0] == this_month


def test_movements_wrap_around_the_new_year() -> None:
    member = person("跨年")
    change(member, 4, 2, clock.local_day_start(date(2026, 1, 1)) - timedelta(microseconds=1))
    this_month, last_month = pyramid.movements(clock.local_at(date(2026, 1, 10), time(12, 0)))
    assert (this_month, last_month) == (Movement(0, 1, 0), Movement(1, 0, 0))


def test_moves_written_by_the_services_count(now: datetime) -> None:
    ids = [person(f"成员{i}") for i in range(4)]
    members.set_tier(ids[:3], tiers.helper_tier().id, "带新人")
    members.set_tier(ids[:1], rank(4), "本人申请卸任")
    assert pyramid.movements()[0] == Movement(up=2, held=2, down=0)


# --- spans -------------------------------------------------------------------------------


def fill(group_id: int, count: int, tier_rank: int = 4, role: str = "member") -> None:
    ids = [person(f"g{group_id}-{tier_rank}-{role}-{i}", tier_rank) for i in range(count)]
    member_bulk.bulk_add_to_group(ids, group_id)
    if role != "member":
        for member_id in ids:
            memberships.add_membership(member_id, group_id, role=role)


def test_spans_flag_stretched_groups_and_groups_without_helpers() -> None:
    settings.put("helper_span_target", 20)
    stretched = groups.create_group("大群").id
    fill(stretched, 60)
    fill(stretched, 2, tier_rank=2)  # 62 / 2 = 31 > 20
    staffed = groups.create_group("有管理").id
    fill(staffed, 30)
    fill(staffed, 1, role="admin")  # an admin counts as a helper: 31 / 1
    fill(staffed, 1, tier_rank=1)  # so does Core: 32 / 2 = 16
    alone = groups.create_group("没人管").id
    fill(alone, 51)
    small = groups.create_group("小群").id
    fill(small, 10)
    archived = groups.create_group("归档").id
    fill(archived, 80)
    groups.set_archived(archived, True)
    groups.create_group("空群")

    rows = {row.name: row for row in pyramid.spans()}
    assert list(rows) == ["没人管", "大群", "有管理", "空群", "小群"]
    assert (rows["没人管"].members, rows["没人管"].helpers) == (51, 0)
    assert rows["没人管"].no_helper and rows["没人管"].per_helper is None
    assert not rows["没人管"].over_target
    assert (rows["大群"].members, rows["大群"].helpers, rows["大群"].per_helper) == (62, 2, 31.0)
    assert rows["大群"].over_target and not rows["大群"].no_helper
    assert (rows["有管理"].helpers, rows["有管理"].per_helper) == (2, 16.0)
    assert not rows["有管理"].over_target
    assert not rows["小群"].no_helper  # ten members need no second level yet
    assert (rows["空群"].members, rows["空群"].per_helper) == (0, None)
    assert pyramid.spans(target=40)[1].over_target is False  # an explicit target wins


def test_spans_count_only_current_active_members() -> None:
    group = groups.create_group("读书会").id
    fill(group, 3)
    helper = person("骨干", 2)
    memberships.add_membership(helper, group)
    gone = person("退群的管理", 2)
    memberships.add_membership(gone, group, role="admin")
    memberships.leave_group(gone, group)
    banned_admin = person("被封的管理", 4, status="banned")
    memberships.add_membership(banned_admin, group, role="admin")
    (row,) = pyramid.spans()
    assert (row.members, row.helpers, row.per_helper) == (4, 1, 4.0)
    assert Member.get_by_id(banned_admin).status == "banned"


# --- query counts ------------------------------------------------------------------------


def test_the_pyramid_needs_a_constant_number_of_queries(
    now: datetime, count_statements: Counter
) -> None:
    group_ids = [groups.create_group(f"群{i}").id for i in range(3)]

    def grow(n: int) -> None:
        for i in range(n):
            member_id = person(f"成员{len(group_ids)}-{i}", 2 + i % 3)
            memberships.add_membership(
                member_id, group_ids[i % 3], role="admin" if i % 7 else "member"
            )
            change(member_id, 4, 2 + i % 3, datetime(2026, 3, 1 + i % 10))

    def measure() -> list[int]:
        sizes = []
        for call in (
            pyramid.pyramid,
            lambda: pyramid.pyramid(group_ids[0]),
            pyramid.movements,
            pyramid.spans,
        ):
            with count_statements() as log:
                call()
            sizes.append(len(log))
        return sizes

    grow(5)
    small = measure()
    grow(200)
    assert measure() == small
    assert small[0] == 1 and small[2] == 2 and small[1] <= 2 and small[3] <= 2
