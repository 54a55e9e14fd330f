"""Members: validation, identity keys, memberships, tags, bulk changes and merging."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta

import pytest
from peewee import IntegrityError

from app.core import clock, groups, members, tiers
from app.core.errors import Cancelled, NotFound, ValidationError
from app.core.member_list import MemberFilter, search_ids
from app.store.models import (
    AgendaItem,
    Attendance,
    Group,
    Interaction,
    Meetup,
    MeetupRole,
    Member,
    MemberSearch,
    Membership,
    MemberTag,
    Task,
    Tier,
    TierChange,
    Violation,
    db,
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
    membership = members.add_membership(member.id, group.id, nickname="跑步达人")
    assert found("跑步") == [member.id]
    assert found("pbdr") == [member.id]
    members.update_membership(membership.id, nickname="Night owl")
    assert found("跑步") == []
    assert found("nightowl") == [member.id]
    members.update_member(member.id, phone="+86 139 0000 1111", wechat_id="lisi_wx")
    assert found("13900001111") == [member.id]
    assert found("lisi_wx") == [member.id]


# --- memberships -------------------------------------------------------------------------


def test_add_membership_with_group_facts(now: datetime) -> None:
    group = groups.create_group("G")
    member = members.create_member("Dan")
    joined = datetime(2025, 5, 1, 8, 0)
    spoke = datetime(2026, 3, 1, 20, 15)
    membership = members.add_membership(
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
    plain = members.add_membership(member.id, groups.create_group("H").id)
    assert (plain.role, plain.joined_at, plain.nickname) == ("member", now, "")


def test_leave_and_rejoin_keeps_one_row(now: datetime) -> None:
    group = groups.create_group("G")
    member = members.create_member("Eve")
    joined = now - timedelta(days=100)
    first = members.add_membership(member.id, group.id, joined_at=joined, nickname="E")
    members.leave_group(member.id, group.id, when=now - timedelta(days=10))
    assert Membership.get_by_id(first.id).left_at == now - timedelta(days=10)
    members.leave_group(member.id, group.id, when=now)  # already left: the date stays
    assert Membership.get_by_id(first.id).left_at == now - timedelta(days=10)
    again = members.add_membership(member.id, group.id)
    assert again.id == first.id
    assert again.left_at is None
    assert again.joined_at == joined
    assert again.nickname == "E"
    assert Membership.select().count() == 1


def test_memberships_of_lists_current_groups_first(now: datetime) -> None:
    member = members.create_member("Finn")
    for name in ("张群", "阿群", "白群"):
        members.add_membership(member.id, groups.create_group(name).id)
    members.leave_group(member.id, Group.get(Group.name == "阿群").id)
    assert [m.group.name for m in members.memberships_of(member.id)] == ["白群", "张群", "阿群"]


def test_left_before_joined_is_refused(now: datetime) -> None:
    group = groups.create_group("G")
    member = members.create_member("Gus")
    with pytest.raises(ValidationError) as caught:
        members.add_membership(
            member.id, group.id, joined_at=now, left_at=now - timedelta(seconds=1)
        )
    assert "leave a group before joining" in str(caught.value)
    assert Membership.select().count() == 0

    membership = members.add_membership(member.id, group.id, joined_at=now - timedelta(days=5))
    with pytest.raises(ValidationError):
        members.update_membership(membership.id, left_at=now - timedelta(days=6))
    with pytest.raises(ValidationError):
        members.leave_group(member.id, group.id, when=now - timedelta(days=6))
    with pytest.raises(ValidationError):
        members.add_membership(member.id, group.id, left_at=now - timedelta(days=6))
    stored = Membership.get_by_id(membership.id)
    assert stored.left_at is None
    assert stored.joined_at == now - timedelta(days=5)
    members.update_membership(membership.id, left_at=now - timedelta(days=1))
    assert Membership.get_by_id(membership.id).left_at == now - timedelta(days=1)


def test_a_past_membership_without_a_joined_date() -> None:
    group = groups.create_group("G")
    member = members.create_member("Hal")
    left = datetime(2024, 1, 1)
    membership = members.add_membership(member.id, group.id, left_at=left)
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
        members.add_membership(member.id, group.id, **fields)
    assert fragment in str(caught.value)
    assert Membership.select().count() == 0


def test_membership_of_missing_member_or_group() -> None:
    group = groups.create_group("G")
    member = members.create_member("Jo")
    with pytest.raises(NotFound):
        members.add_membership(999, group.id)
    with pytest.raises(NotFound):
        members.add_membership(member.id, 999)
    with pytest.raises(NotFound):
        members.update_membership(999, nickname="x")
    assert Membership.select().count() == 0


# --- tags --------------------------------------------------------------------------------


def test_tags_and_all_tags() -> None:
    a = members.create_member("A", tags=["跑步", "beta"])
    members.create_member("B", tags=["alpha", "跑步"])
    assert members.tags_of(a.id) == ["beta", "跑步"]
    assert members.all_tags() == ["alpha", "beta", "跑步"]
    with pytest.raises(ValidationError):
        members.clean_tag("  ")
    assert members.clean_tag("  vip ") == "vip"


# --- bulk --------------------------------------------------------------------------------


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
    members.add_membership(ids[0], group.id, nickname="already in")
    members.add_membership(ids[1], group.id, joined_at=now - timedelta(days=30))
    members.leave_group(ids[1], group.id, when=now - timedelta(days=3))
    added = members.bulk_add_to_group(ids, group.id)
    assert added == 1201
    assert Membership.select().where(Membership.group == group.id).count() == 1203
    active = Membership.select().where(Membership.group == group.id, Membership.left_at.is_null())
    assert active.count() == 1203
    assert Membership.get(Membership.member == ids[0]).nickname == "already in"
    assert Membership.get(Membership.member == ids[1]).joined_at == now - timedelta(days=30)
    assert Membership.get(Membership.member == ids[-1]).joined_at == now
    assert members.bulk_add_to_group(ids, group.id) == 0
    assert groups.list_groups()[0].members == 1203


def test_bulk_add_to_group_with_repeated_ids() -> None:
    ids = _many_members(5)
    group = groups.create_group("G")
    assert members.bulk_add_to_group([*ids, ids[0], ids[3], ids[0]], group.id) == 5
    assert Membership.select().count() == 5


def test_bulk_add_to_missing_group_writes_nothing() -> None:
    ids = _many_members(3)
    with pytest.raises(NotFound):
        members.bulk_add_to_group(ids, 999)
    assert Membership.select().count() == 0


def test_bulk_set_status_across_chunks() -> None:
    ids = _many_members(1100)
    members.bulk_set_status(ids[:1050], "left", " moved away ")
    assert Member.select().where(Member.status == "left").count() == 1050
    assert Member.get_by_id(ids[1049]).status_reason == "moved away"
    assert Member.get_by_id(ids[1050]).status == "active"
    with pytest.raises(ValidationError):
        members.bulk_set_status(ids, "vanished")
    assert Member.select().where(Member.status == "left").count() == 1050


def test_bulk_add_and_remove_tag_across_chunks() -> None:
    ids = _many_members(1100)
    members.update_member(ids[5], tags=["vip"])
    members.bulk_add_tag(ids, " vip ")
    assert MemberTag.select().where(MemberTag.tag == "vip").count() == 1100
    assert search_ids(MemberFilter(tag="vip")) == ids
    members.bulk_remove_tag(ids[:600], "vip")
    assert MemberTag.select().where(MemberTag.tag == "vip").count() == 500
    with pytest.raises(ValidationError):
        members.bulk_add_tag(ids, "")
    assert MemberTag.select().count() == 500


def test_bulk_changes_report_progress_by_chunk(now: datetime) -> None:
    ids = _many_members(1100)
    group = groups.create_group("G")
    helpers = tiers.list_tiers()[1]
    changes: list[tuple[str, Callable[[members.Progress], object]]] = [
        ("group", lambda p: members.bulk_add_to_group(ids, group.id, p)),
        ("status", lambda p: members.bulk_set_status(ids, "left", "", p)),
        ("tier", lambda p: members.set_tier(ids, helpers.id, "", p)),
        ("tag", lambda p: members.bulk_add_tag(ids, "vip", p)),
        ("untag", lambda p: members.bulk_remove_tag(ids, "vip", p)),
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
        members.bulk_add_tag(ids, "vip", cancel_on_the_second_chunk)
    assert written() == 0
    with pytest.raises(Cancelled):
        members.bulk_add_to_group(ids, group.id, cancel_on_the_second_chunk)
    assert written() == 0


# --- merge -------------------------------------------------------------------------------


def _meetup(title: str, day: int) -> Meetup:
    start = datetime(2026, 1, day, 10)
    return Meetup.create(title=title, start_at=start, end_at=start + timedelta(hours=2))


def test_merge_moves_everything_to_the_kept_member(now: datetime) -> None:
    g1, g2, g3 = (groups.create_group(n) for n in ("G1", "G2", "G3"))
    keep = members.create_member(
        "张三",
        phone="13800138000",
        notes="kept notes",
        tags=["runner"],
        tier_id=tier_id(2),
    )
    drop = members.create_member(
        "Zhang San (QQ)",
        qq="123456789",
        wechat_id="zhangsan_wx",
        phone=None,
        email="zs@example.com",
        city="深圳",
        notes="dropped notes",
        star=True,
        tags=["runner", "photographer"],
    )
    Member.update(first_seen=datetime(2024, 6, 1), last_contacted=datetime(2026, 3, 1)).where(
        Member.id == drop.id
    ).execute()
    Member.update(last_contacted=datetime(2026, 2, 1)).where(Member.id == keep.id).execute()

    # memberships: g1 both (combine), g2 only drop (move), g3 only keep
    members.add_membership(
        keep.id,
        g1.id,
        nickname="",
        role="member",
        joined_at=datetime(2025, 3, 1),
        last_spoke_at=datetime(2026, 1, 1),
        left_at=datetime(2026, 2, 1),
    )
    members.add_membership(
        drop.id,
        g1.id,
        nickname="三哥",
        role="admin",
        joined_at=datetime(2024, 7, 1),
        last_spoke_at=datetime(2026, 3, 10),
    )
    members.add_membership(drop.id, g2.id, nickname="Sanny")
    members.add_membership(keep.id, g3.id)

    # history
    members.update_member(drop.id, tier_id=tier_id(3))
    rule_violation = Violation.create(case_number=1, member=drop, group=g1, at=now, action="warned")
    shared, only_drop = _meetup("Picnic", 10), _meetup("Hike", 20)
    Attendance.create(meetup=shared, member=keep, rsvp="going", rsvp_at=now)
    Attendance.create(meetup=shared, member=drop, rsvp="maybe", rsvp_at=now)
    Attendance.create(meetup=only_drop, member=drop, rsvp="going", rsvp_at=now, attended=True)
    role = MeetupRole.create(meetup=only_drop, member=drop, role="photos")
    agenda = AgendaItem.create(meetup=only_drop, title="Welcome", owner=drop)
    task = Task.create(title="Check in", member=drop, created_at=now)
    interaction = Interaction.create(member=drop, kind="check-in", at=now)

    kept = members.merge_members(keep.id, drop.id)

    assert Member.get_or_none(Member.id == drop.id) is None
    assert MemberSearch.get_or_none(MemberSearch.member == drop.id) is None
    assert members.count_members() == 1
    # identity keys and blanks fill in; the kept member's own values win
    assert (kept.name, kept.phone, kept.qq, kept.wechat_id) == (
        "张三",
        "13800138000",
        "123456789",
        "zhangsan_wx",
    )
    assert (kept.email, kept.city, kept.star) == ("zs@example.com", "深圳", True)
    assert kept.notes == "kept notes\ndropped notes"
    assert kept.tier_id == tier_id(2)
    assert kept.first_seen == datetime(2024, 6, 1)
    assert kept.last_contacted == datetime(2026, 3, 1)
    assert members.tags_of(keep.id) == ["photographer", "runner"]

    rows = {m.group.name: m for m in members.memberships_of(keep.id)}
    assert sorted(rows) == ["G1", "G2", "G3"]
    assert Membership.select().count() == 3
    g1_row = rows["G1"]
    assert g1_row.nickname == "三哥"
    assert g1_row.role == "admin"
    assert g1_row.joined_at == datetime(2024, 7, 1)
    assert g1_row.last_spoke_at == datetime(2026, 3, 10)
    assert g1_row.left_at is None  # still in through the dropped record
    assert rows["G2"].nickname == "Sanny"

    assert Violation.get_by_id(rule_violation.id).member_id == keep.id
    assert [c.member_id for c in TierChange.select()] == [keep.id]
    attendance = {a.meetup_id: a for a in Attendance.select()}
    assert len(attendance) == 2
    assert attendance[shared.id].member_id == keep.id
    assert attendance[shared.id].rsvp == "going"
    assert attendance[only_drop.id].member_id == keep.id
    assert attendance[only_drop.id].attended is True
    assert MeetupRole.get_by_id(role.id).member_id == keep.id
    assert AgendaItem.get_by_id(agenda.id).owner_id == keep.id
    assert Task.get_by_id(task.id).member_id == keep.id
    assert Interaction.get_by_id(interaction.id).member_id == keep.id

    # the kept member is found by everything the dropped one was found by
    for query in ("123456789", "zhangsan_wx", "三哥", "sanny", "sg", "zs@example.com", "张三"):
        assert found(query) == [keep.id], query


def test_merge_combines_left_dates_when_both_had_left() -> None:
    group = groups.create_group("G")
    keep, drop = members.create_member("K"), members.create_member("D")
    members.add_membership(
        keep.id, group.id, joined_at=datetime(2025, 1, 1), left_at=datetime(2025, 6, 1)
    )
    members.add_membership(
        drop.id, group.id, joined_at=datetime(2025, 2, 1), left_at=datetime(2025, 9, 1)
    )
    members.merge_members(keep.id, drop.id)
    row = Membership.get(Membership.member == keep.id)
    assert (row.joined_at, row.left_at) == (datetime(2025, 1, 1), datetime(2025, 9, 1))


def test_merge_refuses_self_and_missing_members() -> None:
    keep = members.create_member("K", qq="123456789")
    with pytest.raises(ValidationError):
        members.merge_members(keep.id, keep.id)
    with pytest.raises(NotFound):
        members.merge_members(keep.id, 9999)
    with pytest.raises(NotFound):
        members.merge_members(9999, keep.id)
    assert Member.get_by_id(keep.id).qq == "123456789"
    assert found("123456789") == [keep.id]


def test_a_failure_mid_merge_changes_nothing(now: datetime) -> None:
    group, other = groups.create_group("G"), groups.create_group("H")
    keep = members.create_member("Keep", phone="13800138000")
    drop = members.create_member("Drop", qq="123456789", tags=["t"])
    members.add_membership(drop.id, group.id, nickname="dn")
    members.add_membership(keep.id, other.id)
    Interaction.create(member=drop, kind="check-in", at=now)
    # the database itself refuses the last step (deleting the dropped member)
    db.execute_sql(
        "CREATE TEMP TRIGGER refuse_delete BEFORE DELETE ON member "
        f"WHEN old.id = {drop.id} BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )

    def snapshot() -> list[object]:
        return [
            sorted((m.member_id, m.group_id, m.nickname) for m in Membership.select()),
            sorted((t.member_id, t.tag) for t in MemberTag.select()),
            [(i.member_id,) for i in Interaction.select()],
            sorted((m.id, m.qq, m.phone) for m in Member.select()),
            sorted((s.member_id, s.text, s.pinyin) for s in MemberSearch.select()),
        ]

    before = snapshot()
    with pytest.raises(IntegrityError):
        members.merge_members(keep.id, drop.id)
    assert snapshot() == before
    assert found("123456789") == [drop.id]


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
