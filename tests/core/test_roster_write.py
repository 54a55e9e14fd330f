"""Writing an import's plan: new members with their memberships, search rows and tags; changes
to stored members and memberships; members marked left."""

from __future__ import annotations

from datetime import datetime

from app.core import groups, members, memberships
from app.core.member_list import MemberFilter, search_ids
from app.core.roster_match import plan_import
from app.core.roster_rows import CleanRow
from app.core.roster_write import work_of, write_plan
from app.core.tiers import lowest_tier
from app.store.models import Member, Membership, MemberTag, db

NOW = datetime(2026, 3, 14, 9, 30)
JOINED = datetime(2025, 5, 1, 8, 0)


def row(line: int, nickname: str = "", tags: tuple[str, ...] = (), **member: str) -> CleanRow:
    return CleanRow(line, member=dict(member), nickname=nickname, joined_at=JOINED, tags=tags)


def write(rows: list[CleanRow], group_name: str, mark_left: bool = False) -> list[tuple[int, int]]:
    """Plan and write ``rows`` into the (existing) group; the progress calls seen."""
    plan = plan_import(rows, group_name, mark_left)
    assert plan.group_id is not None
    seen: list[tuple[int, int]] = []
    with db.atomic():
        write_plan(plan, plan.group_id, NOW, lambda done, total: seen.append((done, total)))
    return seen


def test_new_members_arrive_with_membership_search_row_and_tags() -> None:
    group = groups.create_group("书友群", "qq")
    seen = write([row(2, "小林", ("读书", "志愿者"), name="林小雨", qq="70001")], "书友群")
    member = Member.get(Member.qq == "70001")
    assert member.name == "林小雨" and member.status == "active"
    assert member.tier_id == lowest_tier().id
    ms = Membership.get(Membership.member == member.id)
    assert (ms.group_id, ms.nickname, ms.role, ms.joined_at) == (group.id, "小林", "member", JOINED)
    tags = sorted(t.tag for t in MemberTag.select().where(MemberTag.member == member.id))
    assert tags == ["志愿者", "读书"]
    assert search_ids(MemberFilter(text="linxiaoyu")) == [member.id]  # pinyin search works
    assert search_ids(MemberFilter(text="小林")) == [member.id]  # so does the nickname
    assert seen[-1][0] == seen[-1][1] == 5  # 3 rows per new member and its 2 tags


def test_changes_reach_stored_members_and_memberships() -> None:
    group = groups.create_group("跑团")
    stored = members.create_member("周一", qq="71001", city="北京")
    memberships.add_membership(stored.id, group.id, nickname="旧名", left_at=JOINED)
    gone = members.create_member("周二", qq="71002")
    memberships.add_membership(gone.id, group.id)
    write([row(2, "新名", ("夜跑",), name="周一", qq="71001", city="上海")], "跑团", mark_left=True)
    assert Member.get_by_id(stored.id).city == "上海"
    ms = Membership.get(Membership.member == stored.id)
    assert (ms.nickname, ms.left_at) == ("新名", None)  # back in the group
    assert Membership.get(Membership.member == gone.id).left_at == NOW
    assert [t.tag for t in MemberTag.select().where(MemberTag.member == stored.id)] == ["夜跑"]
    assert search_ids(MemberFilter(text="新名")) == [stored.id]


def test_the_work_counted_is_the_work_reported() -> None:
    groups.create_group("空群")
    plan = plan_import(
        [row(2, name="甲", qq="72001"), row(3, name="乙", qq="72002")], "空群", False
    )
    assert work_of(plan) == 6
    assert write([row(2, name="甲", qq="72003")], "空群")[-1] == (3, 3)


def test_many_new_members_get_consecutive_ids_after_the_largest() -> None:
    group = groups.create_group("大群")
    before = members.create_member("老成员", qq="73999")
    many = [row(2 + n, f"昵称{n}", ("新",), name=f"成员{n}", qq=str(74000 + n)) for n in range(40)]
    write(many, "大群")
    ids = [m.id for m in Member.select().where(Member.id != before.id).order_by(Member.qq)]
    assert ids == list(range(before.id + 1, before.id + 41))
    assert Membership.select().where(Membership.group == group.id).count() == 40
    assert MemberTag.select().where(MemberTag.tag == "新").count() == 40
    assert search_ids(MemberFilter(text="昵称39")) == [ids[-1]]
