"""Members: validation, identity keys, tier, tags and search rows."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta

import pytest

from app.core import clock, groups, members, memberships, tiers
from app.core.errors import NotFound, ValidationError
from app.core.member_list import MemberFilter, search_ids
from app.store.models import (
    Member,
    MemberSearch,
    Membership,
    MemberTag,
    Tier,
    TierChange,
)
from tests.core.conftest import StatementLog

Counter = Callable[[], AbstractContextManager[StatementLog]]


def found(text: str) -> list[int]:
    """What the member table finds for ``text``."""
    return search_ids(MemberFilter(text=text))


def tier_id(rank: int) -> int:
    return Tier.get(Tier.rank == rank).id


# --- create and edit ---------------------------------------------------------------------


def test_create_member_defaults(now: datetime) -> None:
    member = members.create_member("  张三 ")
    stored = Member.get_by_id(member.id)
    assert stored.name == "张三"
    assert stored.sort_key == "zhang san"
    assert stored.first_seen == now
    assert stored.tier_id == tiers.lowest_tier().id
    assert stored.status == "active"
    assert stored.star is False
    assert (stored.qq, stored.wechat_id, stored.phone) == (None, None, None)
    row = MemberSearch.get_by_id(member.id)
    assert row.text == "张三"
    assert row.pinyin.split("\x1e")[1:] == ["zhangsan", "zs", "san", "s"]
    assert members.count_members() == 1


def test_create_member_normalises_identity_keys_and_fields() -> None:
    member = members.create_member(
        "Alice",
        qq=" 123 456 789 ",
        phone="+86 138-0013-8000",
        wechat_id=" alice_2024 ",
        email=" alice@example.com ",
        city=" 深圳 ",
        gender="female",
        notes=" met at the picnic ",
        star=1,
        tier_id=tier_id(2),
        tags=[" runner ", "runner", "志愿者"],
    )
    stored = Member.get_by_id(member.id)
    assert stored.qq == "123456789"
    assert stored.phone == "13800138000"
    assert stored.wechat_id == "alice_2024"
    assert stored.email == "alice@example.com"
    assert stored.city == "深圳"
    assert stored.notes == "met at the picnic"
    assert stored.star is True
    assert stored.tier_id == tier_id(2)
    assert members.tags_of(member.id) == ["runner", "志愿者"]


@pytest.mark.parametrize(
    ("field", "first", "second", "label"),
    [
        ("phone", "13800138000", "+86 138-0013-8000", "phone"),
        ("phone", "+86 138-0013-8000", "13800138000", "phone"),
        ("phone", "13800138000", "0086 138 0013 8000", "phone"),
        ("phone", "13800138000", "13800138000.0", "phone"),
        ("qq", "123456789", " 123 456 789 ", "QQ number"),
        ("qq", "123456789", "123456789.0", "QQ number"),
        ("qq", "123456789", "１２３４５６７８９", "QQ number"),
        ("phone", "13800138000", "＋８６ １３８ ００１３ ８０００", "phone"),
        ("wechat_id", "alice_2024", "  alice_2024 ", "WeChat id"),
    ],
)
def test_a_second_member_with_the_same_identity_is_refused(
    field: str, first: str, second: str, label: str
) -> None:
    owner = members.create_member("王小明", **{field: first})
    with pytest.raises(ValidationError) as caught:
        members.create_member("Someone else", **{field: second})
    message = str(caught.value)
    assert label in message
    assert f"王小明 (#{owner.id})" in message
    assert "merge" in message
    assert members.count_members() == 1
    other = members.create_member("Third")
    with pytest.raises(ValidationError) as caught:
        members.update_member(other.id, **{field: second})
    assert f"王小明 (#{owner.id})" in str(caught.value)
    assert getattr(Member.get_by_id(other.id), field) is None
    # the owner keeps its own key when saving it again, in any format
    assert getattr(members.update_member(owner.id, **{field: second}), field) == getattr(
        Member.get_by_id(owner.id), field
    )


def test_empty_identity_keys_do_not_clash() -> None:
    members.create_member("A", qq="", phone=None, wechat_id="  ")
    members.create_member("B", qq="", phone=None, wechat_id="  ")
    assert [m.qq for m in Member.select()] == [None, None]


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"name": ""}, "needs a display name"),
        ({"name": "   "}, "needs a display name"),
        ({"name": "x" * 101}, "at most 100"),
        ({"name": "A", "email": "not-an-email"}, "is not an email address"),
        ({"name": "A", "email": "@example.com"}, "is not an email address"),
        ({"name": "A", "email": "a b@example.com"}, "is not an email address"),
        ({"name": "A", "gender": "robot"}, "Unknown gender"),
        ({"name": "A", "status": "sleeping"}, "Unknown status “sleeping”"),
        ({"name": "A", "tier_id": 9999}, "tier no longer exists"),
        ({"name": "A", "qq": "0123456"}, "QQ number"),
        ({"name": "A", "phone": "1.38001E+10"}, "mangled"),
        ({"name": "A", "wechat_id": "1abc"}, "WeChat id"),
        ({"name": "A", "tags": ["ok", ""]}, "tag cannot be empty"),
        ({"name": "A", "tags": ["a,b"]}, "no comma"),
        ({"name": "A", "tags": ["x" * 41]}, "at most 40"),
    ],
)
def test_create_refuses_invalid_input(fields: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        members.create_member(**fields)  # type: ignore[arg-type]
    assert fragment in str(caught.value)
    assert members.count_members() == 0
    assert MemberTag.select().count() == 0
    assert MemberSearch.select().count() == 0


def test_unknown_fields_are_programming_errors() -> None:
    with pytest.raises(TypeError):
        members.create_member("A", age=3)
    member = members.create_member("B")
    with pytest.raises(TypeError):
        members.update_member(member.id, first_seen=datetime(2020, 1, 1))
    with pytest.raises(NotFound):
        members.update_member(9999, name="C")


def test_update_member_fields_and_tags(now: datetime) -> None:
    member = members.create_member("Bob", tags=["a", "b"], city="北京")
    updated = members.update_member(
        member.id, name="Robert", city="上海", notes="moved", star=True, tags=["c", "a"]
    )
    assert (updated.name, updated.city, updated.notes, updated.star) == (
        "Robert",
        "上海",
        "moved",
        True,
    )
    assert members.tags_of(member.id) == ["a", "c"]
    members.update_member(member.id, city="广州")
    assert members.tags_of(member.id) == ["a", "c"]  # tags=None leaves them
    members.update_member(member.id, tags=[])
    assert members.tags_of(member.id) == []


def test_tier_change_is_recorded(now: datetime) -> None:
    member = members.create_member("Carol")
    lowest = member.tier_id
    members.update_member(member.id, tier_id=tier_id(2))
    members.update_member(member.id, tier_id=tier_id(2), city="x")  # same tier: no record
    changes = list(TierChange.select().where(TierChange.member == member.id))
    assert [(c.from_tier_id, c.to_tier_id, c.at) for c in changes] == [(lowest, tier_id(2), now)]
    assert Member.get_by_id(member.id).tier_id == tier_id(2)


def test_tier_history_newest_first_with_tier_names(
    now: datetime, count_statements: Counter
) -> None:
    member = members.create_member("Dora")
    members.update_member(member.id, tier_id=tier_id(3))
    clock.fix(now + timedelta(days=1))
    members.update_member(member.id, tier_id=tier_id(2))
    with count_statements() as log:
        history = members.tier_history(member.id)
        moves = [(c.from_tier.name, c.to_tier.name, c.at) for c in history]
    assert moves == [
        ("Active", "Helpers", now + timedelta(days=1)),
        ("Members", "Active", now),
    ]
    assert len(log.selects) == 1
    assert members.tier_history(members.create_member("Other").id) == []


def test_status_changes() -> None:
    member = members.create_member("Spammer")
    members.update_member(member.id, status="banned", status_reason=" ads in 3 groups ")
    stored = Member.get_by_id(member.id)
    assert (stored.status, stored.status_reason) == ("banned", "ads in 3 groups")
    members.update_member(member.id, status="active", status_reason="")
    assert Member.get_by_id(member.id).status == "active"
    with pytest.raises(ValidationError):
        members.update_member(member.id, status="gone")
    assert Member.get_by_id(member.id).status == "active"


def test_search_text_follows_every_write() -> None:
    group = groups.create_group("G")
    member = members.create_member("张三", qq="123456789")
    assert found("zs") == [member.id]
    members.update_member(member.id, name="李四")
    assert found("zs") == []
    assert found("张三") == []
    assert found("lisi") == [member.id]
    assert found("ls") == [member.id]
    members.update_member(member.id, qq="987654321")
    assert found("12345") == []
    assert found("98765") == [member.id]
    membership = memberships.add_membership(member.id, group.id, nickname="跑步达人")
    assert found("跑步") == [member.id]
    assert found("pbdr") == [member.id]
    memberships.update_membership(membership.id, nickname="Night owl")
    assert found("跑步") == []
    assert found("nightowl") == [member.id]
    members.update_member(member.id, phone="+86 139 0000 1111", wechat_id="lisi_wx")
    assert found("13900001111") == [member.id]
    assert found("lisi_wx") == [member.id]


# --- tags --------------------------------------------------------------------------------


def test_tags_and_all_tags() -> None:
    a = members.create_member("A", tags=["跑步", "beta"])
    members.create_member("B", tags=["alpha", "跑步"])
    assert members.tags_of(a.id) == ["beta", "跑步"]
    assert members.all_tags() == ["alpha", "beta", "跑步"]
    with pytest.raises(ValidationError):
        members.clean_tag("  ")
    assert members.clean_tag("  vip ") == "vip"


def test_a_new_member_is_put_in_a_group_in_the_same_transaction(now: datetime) -> None:
    reading = groups.create_group("读书会")
    member = members.create_member("张三", ["新人"], group_id=reading.id, phone="13800138000")
    (membership,) = Membership.select().where(Membership.member == member.id)
    assert (membership.group_id, membership.joined_at) == (reading.id, now)
    assert membership.left_at is None
    assert members.get_member(member.id).phone == "13800138000"


def test_a_group_that_is_gone_leaves_no_new_member_behind() -> None:
    with pytest.raises(NotFound):
        members.create_member("张三", group_id=999_999)
    assert members.count_members() == 0
    assert Membership.select().count() == 0
