"""Merging two members into one."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from peewee import IntegrityError

from app.core import groups, member_merge, members, memberships
from app.core.errors import NotFound, ValidationError
from app.core.member_list import MemberFilter, search_ids
from app.store.models import (
    AgendaItem,
    Attendance,
    Interaction,
    Meetup,
    MeetupRole,
    Member,
    MemberSearch,
    Membership,
    MemberTag,
    SuggestionDismissal,
    Task,
    Tier,
    TierChange,
    Violation,
    db,
)


def found(text: str) -> list[int]:
    """What the member table finds for ``text``."""
    return search_ids(MemberFilter(text=text))


def tier_id(rank: int) -> int:
    return Tier.get(Tier.rank == rank).id


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
    memberships.add_membership(
        keep.id,
        g1.id,
        nickname="",
        role="member",
        joined_at=datetime(2025, 3, 1),
        last_spoke_at=datetime(2026, 1, 1),
        left_at=datetime(2026, 2, 1),
    )
    memberships.add_membership(
        drop.id,
        g1.id,
        nickname="三哥",
        role="admin",
        joined_at=datetime(2024, 7, 1),
        last_spoke_at=datetime(2026, 3, 10),
    )
    memberships.add_membership(drop.id, g2.id, nickname="Sanny")
    memberships.add_membership(keep.id, g3.id)

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

    kept = member_merge.merge_members(keep.id, drop.id)

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

    rows = {m.group.name: m for m in memberships.memberships_of(keep.id)}
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
    memberships.add_membership(
        keep.id, group.id, joined_at=datetime(2025, 1, 1), left_at=datetime(2025, 6, 1)
    )
    memberships.add_membership(
        drop.id, group.id, joined_at=datetime(2025, 2, 1), left_at=datetime(2025, 9, 1)
    )
    member_merge.merge_members(keep.id, drop.id)
    row = Membership.get(Membership.member == keep.id)
    assert (row.joined_at, row.left_at) == (datetime(2025, 1, 1), datetime(2025, 9, 1))


def test_merge_keeps_the_kept_members_dismissals_when_both_had_one(now: datetime) -> None:
    keep, drop = members.create_member("K"), members.create_member("D")
    for person, days in ((keep, 30), (drop, 90)):
        SuggestionDismissal.create(member=person, kind="promotion", until=now + timedelta(days))
    member_merge.merge_members(keep.id, drop.id)
    rows = [(d.member_id, d.kind, d.until) for d in SuggestionDismissal.select()]
    assert rows == [(keep.id, "promotion", now + timedelta(30))]


def test_merge_refuses_self_and_missing_members() -> None:
    keep = members.create_member("K", qq="123456789")
    with pytest.raises(ValidationError):
        member_merge.merge_members(keep.id, keep.id)
    with pytest.raises(NotFound):
        member_merge.merge_members(keep.id, 9999)
    with pytest.raises(NotFound):
        member_merge.merge_members(9999, keep.id)
    assert Member.get_by_id(keep.id).qq == "123456789"
    assert found("123456789") == [keep.id]


def test_a_failure_mid_merge_changes_nothing(now: datetime) -> None:
    group, other = groups.create_group("G"), groups.create_group("H")
    keep = members.create_member("Keep", phone="13800138000")
    drop = members.create_member("Drop", qq="123456789", tags=["t"])
    memberships.add_membership(drop.id, group.id, nickname="dn")
    memberships.add_membership(keep.id, other.id)
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
        member_merge.merge_members(keep.id, drop.id)
    assert snapshot() == before
    assert found("123456789") == [drop.id]
