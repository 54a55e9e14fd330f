"""The helpers' care list, and logging check-ins and recognition."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta

import pytest

from app.core import care, clock, groups, members, memberships, tiers
from app.core.errors import NotFound, ValidationError
from app.store.models import Interaction, Member, Tier
from tests.core.conftest import StatementLog, leave_every_group

Counter = Callable[[], AbstractContextManager[StatementLog]]


def rank(r: int) -> int:
    return Tier.get(Tier.rank == r).id


def helper(name: str, seen_days_ago: float = 365, tier_rank: int = 2, **fields: object) -> int:
    """A member of a tier, first seen some days before the fixed "now"."""
    member_id = members.create_member(name, tier_id=rank(tier_rank), **fields).id
    first_seen = datetime(2026, 3, 14, 9, 30) - timedelta(days=seen_days_ago)
    Member.update(first_seen=first_seen).where(Member.id == member_id).execute()
    return member_id


def talk(member_id: int, days_ago: float, kind: str = "checkin") -> None:
    at = datetime(2026, 3, 14, 9, 30) - timedelta(days=days_ago)
    Interaction.create(member=member_id, kind=kind, at=at, note="")


def listed() -> list[tuple[str, int]]:
    return [(row.name, row.days_overdue) for row in care.care_list()]


def test_the_care_list_holds_active_members_of_tiers_with_a_cadence(now: datetime) -> None:
    core = helper("核心", tier_rank=1)  # cadence 7
    talk(core, 10)
    second = helper("骨干")  # cadence 14
    talk(second, 20)
    helper("活跃", tier_rank=3)  # no cadence
    helper("普通", tier_rank=4)
    leave_every_group(helper("走了"))
    assert listed() == [("骨干", 6), ("核心", 3)]
    tiers.update_tier(rank(3), checkin_days=30)
    assert [name for name, _ in listed()] == ["活跃", "骨干", "核心"]  # never contacted: 335 days
    tiers.update_tier(rank(2), checkin_days=None)
    assert [name for name, _ in listed()] == ["活跃", "核心"]


def test_the_row_shows_the_latest_contact_and_recognition(now: datetime) -> None:
    member_id = helper("张三", star=True)
    talk(member_id, 30, "recognition")
    talk(member_id, 12, "checkin")
    talk(member_id, 40, "welcome")
    group = groups.create_group("读书会").id
    other = groups.create_group("跑团").id
    left = groups.create_group("摄影群").id
    for group_id in (other, group, left):
        memberships.add_membership(member_id, group_id)
    memberships.leave_group(member_id, left)
    (row,) = care.care_list()
    assert row.member_id == member_id and row.star is True
    assert (row.tier, row.tier_colour, row.cadence_days) == ("Helpers", "#d68910", 14)
    assert row.last_contacted == now - timedelta(days=12)
    assert row.last_recognised == now - timedelta(days=30)
    assert row.days_overdue == -2  # due in two days
    assert row.groups == "读书会、跑团"  # current groups only, in pinyin order (du, pao)


def test_any_interaction_counts_and_a_later_last_contacted_wins(now: datetime) -> None:
    member_id = helper("李四")
    talk(member_id, 50, "topic")
    assert listed() == [("李四", 36)]
    Member.update(last_contacted=now - timedelta(days=16)).where(Member.id == member_id).execute()
    assert listed() == [("李四", 2)]
    Member.update(last_contacted=now - timedelta(days=90)).where(Member.id == member_id).execute()
    assert listed() == [("李四", 36)]  # an older stored date does not hide the interaction


def test_never_contacted_counts_from_first_seen(now: datetime) -> None:
    helper("新骨干", seen_days_ago=3.2)
    helper("老骨干", seen_days_ago=100)
    rows = care.care_list()
    assert [(r.name, r.days_overdue, r.last_contacted) for r in rows] == [
        ("老骨干", 86, None),
        ("新骨干", -11, None),
    ]
    assert rows[0].last_recognised is None and rows[0].groups == ""


def test_never_contacted_counts_from_becoming_a_helper(now: datetime) -> None:
    """Not from when the record was made: the latest change into their current tier."""
    member_id = helper("老会员", seen_days_ago=900, tier_rank=4)
    clock.fix(now - timedelta(days=200))
    members.set_tier([member_id], rank(2))  # a helper 200 days ago…
    clock.fix(now - timedelta(days=100))
    members.set_tier([member_id], rank(3))
    clock.fix(now - timedelta(days=10))
    members.set_tier([member_id], rank(2))  # …and again 10 days ago
    clock.fix(now)
    [row] = care.care_list()
    assert (row.last_contacted, row.helper_since) == (None, now - timedelta(days=10))
    assert row.days_overdue == 10 - 14  # due in 4 days, not 886 days overdue
    clock.fix(now + timedelta(days=5))
    assert listed() == [("老会员", 1)]  # overdue once the cadence has passed since then
    talk(member_id, 30)  # a talk from before they became a helper again: still from then
    assert listed() == [("老会员", 1)]
    other = helper("没有记录", seen_days_ago=20)  # no tier change: first seen counts
    assert [r.helper_since for r in care.care_list() if r.member_id == other] == [
        now - timedelta(days=20)
    ]


def test_logging_a_checkin_moves_the_member_down_the_list_at_once(now: datetime) -> None:
    first = helper("甲")
    talk(first, 40)
    second = helper("乙")
    talk(second, 20)
    assert [name for name, _ in listed()] == ["甲", "乙"]
    interaction = care.log_checkin(first, "  聊了聊下周的分享会 ")
    assert (interaction.kind, interaction.at, interaction.note) == (
        "checkin",
        now,
        "聊了聊下周的分享会",
    )
    assert interaction.member_id == first and interaction.group_id is None
    assert listed() == [("乙", 6), ("甲", -14)]
    assert Member.get_by_id(first).last_contacted == now


def test_a_backdated_log_does_not_move_last_contacted_back(now: datetime) -> None:
    member_id = helper("丙")
    care.log_checkin(member_id)
    care.log_checkin(member_id, "上周聊过", now=now - timedelta(days=7))
    assert Member.get_by_id(member_id).last_contacted == now
    assert Interaction.select().where(Interaction.member == member_id).count() == 2


def test_log_recognition_keeps_how_at_the_start_of_the_note(now: datetime) -> None:
    member_id = helper("丁")
    talk(member_id, 30)
    interaction = care.log_recognition(member_id, "年度最佳管理", how="title")
    assert (interaction.kind, interaction.note) == ("recognition", "[title] 年度最佳管理")
    assert care.split_recognition(interaction.note) == ("title", "年度最佳管理")
    assert care.log_recognition(member_id).note == "[thanks]"
    assert care.split_recognition("[thanks]") == ("thanks", "")
    assert care.split_recognition("群内公开感谢") == ("other", "群内公开感谢")
    (row,) = care.care_list()
    assert row.last_recognised == now and row.last_contacted == now and row.days_overdue == -14


def test_bad_logs_are_refused_and_write_nothing() -> None:
    member_id = helper("戊")
    with pytest.raises(ValidationError, match="at most 1000"):
        care.log_checkin(member_id, "话" * 1001)
    with pytest.raises(ValidationError, match="Unknown kind of recognition") as caught:
        care.log_recognition(member_id, "谢谢", how="hug")
    assert caught.value.params["choices"] == "thanks, title, gift, other"
    with pytest.raises(NotFound):
        care.log_checkin(999)
    assert Interaction.select().count() == 0
    assert Member.get_by_id(member_id).last_contacted is None
    care.log_checkin(member_id, "话" * 1000)  # the limit itself is fine


def test_the_care_list_needs_a_constant_number_of_queries(
    now: datetime, count_statements: Counter
) -> None:
    group_ids = [groups.create_group(f"群{i}").id for i in range(3)]

    def grow(n: int) -> None:
        for i in range(n):
            member_id = helper(f"骨干{i}-{n}", tier_rank=1 + i % 3)
            memberships.add_membership(member_id, group_ids[i % 3])
            talk(member_id, i % 30, "recognition" if i % 4 else "checkin")

    grow(4)
    with count_statements() as small:
        assert len(care.care_list()) == 3
    grow(150)
    with count_statements() as large:
        assert len(care.care_list()) == 3 + 100
    assert len(small) == len(large) == 2
