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
