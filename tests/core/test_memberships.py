"""Memberships: group facts, leaving and rejoining, validation."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.core import groups, members, memberships
from app.core.errors import NotFound, ValidationError
from app.store.models import (
    Group,
    Membership,
)


def test_add_membership_with_group_facts(now: datetime) -> None:
    group = groups.create_group("G")
    member = members.create_member("Dan")
    joined = datetime(2025, 5, 1, 8, 0)
    spoke = datetime(2026, 3, 1, 20, 15)
    membership = memberships.add_membership(
        member.id, group.id, nickname=" 小丹 ", role="admin", joined_at=joined, last_spoke_at=spoke
    )
    stored = Membership.get_by_id(membership.id)
    assert (stored.nickname, stored.role, stored.joined_at, stored.last_spoke_at) == (
        "小丹",
        "admin",
        joined,
        spoke,
    )
    assert stored.left_at is None
    plain = memberships.add_membership(member.id, groups.create_group("H").id)
    assert (plain.role, plain.joined_at, plain.nickname) == ("member", now, "")


def test_leave_and_rejoin_keeps_one_row(now: datetime) -> None:
    group = groups.create_group("G")
    member = members.create_member("Eve")
    joined = now - timedelta(days=100)
    first = memberships.add_membership(member.id, group.id, joined_at=joined, nickname="E")
    memberships.leave_group(member.id, group.id, when=now - timedelta(days=10))
    assert Membership.get_by_id(first.id).left_at == now - timedelta(days=10)
    memberships.leave_group(member.id, group.id, when=now)  # already left: the date stays
    assert Membership.get_by_id(first.id).left_at == now - timedelta(days=10)
    again = memberships.add_membership(member.id, group.id)
    assert again.id == first.id
    assert again.left_at is None
    assert again.joined_at == joined
    assert again.nickname == "E"
    assert Membership.select().count() == 1


def test_memberships_of_lists_current_groups_first(now: datetime) -> None:
    member = members.create_member("Finn")
    for name in ("张群", "阿群", "白群"):
        memberships.add_membership(member.id, groups.create_group(name).id)
    memberships.leave_group(member.id, Group.get(Group.name == "阿群").id)
    assert [m.group.name for m in memberships.memberships_of(member.id)] == ["白群", "张群", "阿群"]


def test_left_before_joined_is_refused(now: datetime) -> None:
    group = groups.create_group("G")
    member = members.create_member("Gus")
    with pytest.raises(ValidationError) as caught:
        memberships.add_membership(
            member.id, group.id, joined_at=now, left_at=now - timedelta(seconds=1)
        )
    assert "leave a group before joining" in str(caught.value)
    assert Membership.select().count() == 0

    membership = memberships.add_membership(member.id, group.id, joined_at=now - timedelta(days=5))
    with pytest.raises(ValidationError):
        memberships.update_membership(membership.id, left_at=now - timedelta(days=6))
    with pytest.raises(ValidationError):
        memberships.leave_group(member.id, group.id, when=now - timedelta(days=6))
    with pytest.raises(ValidationError):
        memberships.add_membership(member.id, group.id, left_at=now - timedelta(days=6))
    stored = Membership.get_by_id(membership.id)
    assert stored.left_at is None
    assert stored.joined_at == now - timedelta(days=5)
    memberships.update_membership(membership.id, left_at=now - timedelta(days=1))
    assert Membership.get_by_id(membership.id).left_at == now - timedelta(days=1)


def test_a_past_membership_without_a_joined_date() -> None:
    group = groups.create_group("G")
    member = members.create_member("Hal")
    left = datetime(2024, 1, 1)
    membership = memberships.add_membership(member.id, group.id, left_at=left)
    stored = Membership.get_by_id(membership.id)
    assert stored.left_at == left
    assert stored.joined_at is None


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"role": "king"}, "Unknown role “king”"),
        ({"nickname": "n" * 101}, "at most 100"),
        ({"joined_at": "2024-01-01"}, "date is not valid"),
    ],
)
def test_membership_refuses_invalid_input(fields: dict[str, object], fragment: str) -> None:
    group = groups.create_group("G")
    member = members.create_member("Ivy")
    with pytest.raises(ValidationError) as caught:
        memberships.add_membership(member.id, group.id, **fields)
    assert fragment in str(caught.value)
    assert Membership.select().count() == 0


def test_membership_of_missing_member_or_group() -> None:
    group = groups.create_group("G")
    member = members.create_member("Jo")
    with pytest.raises(NotFound):
        memberships.add_membership(999, group.id)
    with pytest.raises(NotFound):
        memberships.add_membership(member.id, 999)
    with pytest.raises(NotFound):
        memberships.update_membership(999, nickname="x")
    assert Membership.select().count() == 0


def test_set_membership_status_follows_one_group(now: datetime) -> None:
    """Left and removed belong to the membership: the person stays in their other groups."""
    book, hike = groups.create_group("读书会"), groups.create_group("爬山群")
    member = members.create_member("李天欣")
    joined = now - timedelta(days=30)
    memberships.add_membership(member.id, book.id, joined_at=joined)
    memberships.add_membership(member.id, hike.id, joined_at=joined)
    removed = memberships.set_membership_status(member.id, book.id, "removed", now=now)
    assert (removed.status, removed.left_at) == ("removed", now)
    kept = Membership.get(Membership.member == member.id, Membership.group == hike.id)
    assert (kept.status, kept.left_at) == ("active", None)
    assert members.get_member(member.id).status == "active"  # the person's own status stays
    # left ↔ removed keeps the date they went; back in the group clears it
    later = now + timedelta(days=3)
    assert memberships.set_membership_status(member.id, book.id, "left", now=later).left_at == now
    back = memberships.set_membership_status(member.id, book.id, "active", now=later)
    assert (back.status, back.left_at, back.joined_at) == ("active", None, joined)


def test_set_membership_status_never_ends_before_joining(now: datetime) -> None:
    group = groups.create_group("G")
    member = members.create_member("Ann")
    memberships.add_membership(member.id, group.id, joined_at=now + timedelta(hours=2))
    ended = memberships.set_membership_status(member.id, group.id, "left", now=now)
    assert ended.left_at == now + timedelta(hours=2)


def test_set_membership_status_refuses_what_it_cannot_do(now: datetime) -> None:
    group, elsewhere = groups.create_group("G"), groups.create_group("H")
    member = members.create_member("Bo")
    memberships.add_membership(member.id, group.id)
    for status in ("banned", "gone", ""):  # a ban is the person's: bans.ban_member
        with pytest.raises(ValidationError):
            memberships.set_membership_status(member.id, group.id, status)
    with pytest.raises(NotFound):
        memberships.set_membership_status(member.id, elsewhere.id, "left")  # never in it
    with pytest.raises(NotFound):
        memberships.set_membership_status(999, group.id, "left")
    with pytest.raises(NotFound):
        memberships.set_membership_status(member.id, 999, "left")
    assert [(m.status, m.left_at) for m in Membership.select()] == [("active", None)]


def test_leaving_and_rejoining_keep_the_status_with_the_date(now: datetime) -> None:
    group = groups.create_group("G")
    member = members.create_member("Cy")
    first = memberships.add_membership(member.id, group.id, joined_at=now - timedelta(days=9))
    memberships.leave_group(member.id, group.id, when=now)
    assert Membership.get_by_id(first.id).status == "left"
    memberships.add_membership(member.id, group.id)  # back in
    assert Membership.get_by_id(first.id).status == "active"
    # a date typed into the membership ends it as left; a removal keeps its kind
    memberships.update_membership(first.id, left_at=now)
    assert Membership.get_by_id(first.id).status == "left"
    memberships.set_membership_status(member.id, group.id, "removed")
    memberships.update_membership(first.id, left_at=now - timedelta(days=1))
    assert Membership.get_by_id(first.id).status == "removed"
    memberships.update_membership(first.id, left_at=None)
    assert Membership.get_by_id(first.id).status == "active"
