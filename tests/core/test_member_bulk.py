"""Bulk changes to members: across chunks, with progress, cancelled."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from app.core import groups, member_bulk, members, memberships, tiers
from app.core.errors import Cancelled, NotFound, ValidationError
from app.core.member_list import MemberFilter, search_ids
from app.store.models import (
    Member,
    Membership,
    MemberTag,
    db,
)


def _many_members(count: int) -> list[int]:
    """``count`` members inserted in bulk (the way an import writes them)."""
    tier = tiers.lowest_tier().id
    rows = [
        (f"Member {i:04d}", f"member {i:04d}", tier, datetime(2025, 1, 1), str(10000000 + i))
        for i in range(count)
    ]
    with db.atomic():
        for start in range(0, count, 200):
            Member.insert_many(
                rows[start : start + 200],
                fields=[Member.name, Member.sort_key, Member.tier, Member.first_seen, Member.qq],
            ).execute()
    ids = [m.id for m in Member.select(Member.id).order_by(Member.id)]
    members.refresh_search(ids)
    return ids


def test_bulk_add_to_group_across_chunks(now: datetime) -> None:
    ids = _many_members(1203)
    group = groups.create_group("Big")
    memberships.add_membership(ids[0], group.id, nickname="already in")
    memberships.add_membership(ids[1], group.id, joined_at=now - timedelta(days=30))
    memberships.leave_group(ids[1], group.id, when=now - timedelta(days=3))
    added = member_bulk.bulk_add_to_group(ids, group.id)
    assert added == 1201
    assert Membership.select().where(Membership.group == group.id).count() == 1203
    active = Membership.select().where(Membership.group == group.id, Membership.left_at.is_null())
    assert active.count() == 1203
    assert Membership.get(Membership.member == ids[0]).nickname == "already in"
    assert Membership.get(Membership.member == ids[1]).joined_at == now - timedelta(days=30)
    assert Membership.get(Membership.member == ids[-1]).joined_at == now
    assert member_bulk.bulk_add_to_group(ids, group.id) == 0
    assert groups.list_groups()[0].members == 1203


def test_bulk_add_to_group_with_repeated_ids() -> None:
    ids = _many_members(5)
    group = groups.create_group("G")
    assert member_bulk.bulk_add_to_group([*ids, ids[0], ids[3], ids[0]], group.id) == 5
    assert Membership.select().count() == 5


def test_bulk_add_to_missing_group_writes_nothing() -> None:
    ids = _many_members(3)
    with pytest.raises(NotFound):
        member_bulk.bulk_add_to_group(ids, 999)
    assert Membership.select().count() == 0


def test_bulk_set_status_across_chunks() -> None:
    ids = _many_members(1100)
    member_bulk.bulk_set_status(ids[:1050], "banned", " spam ")
    assert Member.select().where(Member.status == "banned").count() == 1050
    assert Member.get_by_id(ids[1049]).status_reason == "spam"
    assert Member.get_by_id(ids[1050]).status == "active"
    for wrong in ("vanished", "left", "removed"):  # leaving is a membership's, not a person's
        with pytest.raises(ValidationError):
            member_bulk.bulk_set_status(ids, wrong)
    assert Member.select().where(Member.status == "banned").count() == 1050


def test_bulk_add_and_remove_tag_across_chunks() -> None:
    ids = _many_members(1100)
    members.update_member(ids[5], tags=["vip"])
    member_bulk.bulk_add_tag(ids, " vip ")
    assert MemberTag.select().where(MemberTag.tag == "vip").count() == 1100
    assert search_ids(MemberFilter(tag="vip")) == ids
    member_bulk.bulk_remove_tag(ids[:600], "vip")
    assert MemberTag.select().where(MemberTag.tag == "vip").count() == 500
    with pytest.raises(ValidationError):
        member_bulk.bulk_add_tag(ids, "")
    assert MemberTag.select().count() == 500


def test_bulk_changes_report_progress_by_chunk(now: datetime) -> None:
    ids = _many_members(1100)
    group = groups.create_group("G")
    helpers = tiers.list_tiers()[1]
    changes: list[tuple[str, Callable[[members.Progress], object]]] = [
        ("group", lambda p: member_bulk.bulk_add_to_group(ids, group.id, p)),
        ("status", lambda p: member_bulk.bulk_set_status(ids, "banned", "", p)),
        ("left", lambda p: member_bulk.bulk_set_membership_status(ids, "left", None, now, p)),
        ("tier", lambda p: members.set_tier(ids, helpers.id, "", p)),
        ("tag", lambda p: member_bulk.bulk_add_tag(ids, "vip", p)),
        ("untag", lambda p: member_bulk.bulk_remove_tag(ids, "vip", p)),
    ]
    for name, change in changes:
        seen: list[tuple[int, int]] = []
        change(lambda done, total, seen=seen: seen.append((done, total)))
        assert seen == [(0, 1100), (500, 1100), (1000, 1100)], name


def test_a_cancelled_bulk_change_writes_nothing(now: datetime) -> None:
    ids = _many_members(1100)
    group = groups.create_group("G")

    def written() -> int:
        return MemberTag.select().count() + Membership.select().count()

    def cancel_on_the_second_chunk(done: int, _total: int) -> None:
        if done:
            assert written() == 500  # the first chunk, not yet committed
            raise Cancelled()

    with pytest.raises(Cancelled):
        member_bulk.bulk_add_tag(ids, "vip", cancel_on_the_second_chunk)
    assert written() == 0
    with pytest.raises(Cancelled):
        member_bulk.bulk_add_to_group(ids, group.id, cancel_on_the_second_chunk)
    assert written() == 0


def test_bulk_left_or_removed_from_chosen_groups_only(now: datetime) -> None:
    ids = _many_members(3)
    book, hike, chess = (groups.create_group(n) for n in ("读书会", "爬山群", "象棋"))
    for member_id in ids:
        member_bulk.bulk_add_to_group([member_id], book.id)
        member_bulk.bulk_add_to_group([member_id], hike.id)
    member_bulk.bulk_add_to_group(ids[:1], chess.id)
    assert member_bulk.groups_of(ids[1:]) == [(book.id, "读书会"), (hike.id, "爬山群")]  # pinyin
    assert member_bulk.groups_of(ids)[-1] == (chess.id, "象棋")
    changed = member_bulk.bulk_set_membership_status(ids[:2], "removed", [book.id], now)
    assert changed == 2

    def state(member_id: int, group_id: int) -> tuple[str, datetime | None]:
        ms = Membership.get(Membership.member == member_id, Membership.group == group_id)
        return ms.status, ms.left_at

    assert state(ids[0], book.id) == ("removed", now)
    assert state(ids[0], hike.id) == ("active", None)  # the other group stays theirs
    assert state(ids[2], book.id) == ("active", None)
    assert {m.status for m in Member.select()} == {"active"}
    # all their groups: every current membership; one already ended keeps its date
    later = now + timedelta(days=1)
    assert member_bulk.bulk_set_membership_status(ids[:1], "left", None, later) == 2
    assert state(ids[0], hike.id) == ("left", later)
    assert state(ids[0], chess.id) == ("left", later)
    assert state(ids[0], book.id) == ("removed", now)
    assert member_bulk.bulk_set_membership_status(ids[:1], "left", [book.id], later) == 1
    assert state(ids[0], book.id) == ("left", now)


def test_bulk_membership_status_refusals_write_nothing(now: datetime) -> None:
    ids = _many_members(2)
    group = groups.create_group("G")
    member_bulk.bulk_add_to_group(ids, group.id)
    for status, group_ids in (("banned", None), ("active", None), ("left", []), ("left", [999])):
        with pytest.raises((ValidationError, NotFound)):
            member_bulk.bulk_set_membership_status(ids, status, group_ids, now)
    assert {(m.status, m.left_at) for m in Membership.select()} == {("active", None)}
