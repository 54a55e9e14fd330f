"""Matching clean roster rows to stored members: what is new, changed, unchanged, invalid."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

from app.core import groups, members, memberships
from app.core.roster_match import MemberRef, plan_import
from app.core.roster_rows import CleanRow
from app.store.models import Member
from tests.core.conftest import StatementLog

JOINED = datetime(2025, 5, 1, 8, 0)


def row(line: int, nickname: str = "", **member: str) -> CleanRow:
    return CleanRow(line, member=dict(member), nickname=nickname, joined_at=JOINED)


def test_rows_are_new_changed_unchanged_or_invalid() -> None:
    group = groups.create_group("跑步群", "qq")
    same = members.create_member("王芳", qq="10001")
    memberships.add_membership(same.id, group.id, nickname="芳", joined_at=JOINED)
    moved = members.create_member("李娜", qq="10002", city="北京")
    rows = [
        row(2, "芳", name="王芳", qq="10001"),  # nothing new
        row(3, "娜娜", name="李娜", qq="10002", city="上海"),  # new city, joins the group
        row(4, "新人", name="陈静", qq="10003"),  # not stored
        row(5, "无名", name="某人"),  # no identity
        row(6, qq="10004"),  # new, without a name
    ]
    plan = plan_import(rows, "跑步群", mark_left=False)
    assert plan.group_id == group.id
    assert plan.unchanged == 1
    assert plan.touched == [moved.id]
    assert plan.member_changes == {moved.id: {"city": "上海"}}
    assert plan.membership_adds == [(moved.id, "娜娜", "member", JOINED, None)]
    assert [r.line for r in plan.new_rows] == [4]
    assert [(r.line, r.column) for r in plan.invalid_rows] == [(5, ""), (6, "")]
    assert "Nothing to match on" in plan.invalid_rows[0].reason
    assert "needs a name" in plan.invalid_rows[1].reason
    assert plan.invalid_lines == 2
    assert rows[3].errors == []  # the rows themselves are left as they were


def test_a_row_matching_two_members_names_both() -> None:
    first = members.create_member("张伟", qq="20001")
    second = members.create_member("张薇", phone="13800138000")
    plan = plan_import([row(7, name="张伟", qq="20001", phone="13800138000")], "新群", False)
    assert plan.group_id is None  # the group does not exist yet
    (problem,) = plan.invalid_rows
    assert problem.line == 7
    assert problem.params["first_id"] == first.id and problem.params["second_id"] == second.id
    assert "Merge them first" in problem.reason


def test_two_rows_of_one_member_are_both_invalid() -> None:
    member = members.create_member("赵磊", qq="30001", wechat_id="zhaolei")
    plan = plan_import([row(2, qq="30001"), row(9, wechat_id="zhaolei")], "群", False)
    assert [(r.line, r.params["other"], r.params["id"]) for r in plan.invalid_rows] == [
        (2, 9, member.id),
        (9, 2, member.id),
    ]
    assert plan.touched == [] and plan.new_rows == []


def test_members_the_file_no_longer_lists_are_marked_left_by_name() -> None:
    group = groups.create_group("老群")
    listed = members.create_member("周杰", qq="40001")
    gone = members.create_member("吴敏", qq="40002")
    left_before = members.create_member("郑爽", qq="40003")
    for member in (listed, gone):
        memberships.add_membership(member.id, group.id)
    memberships.add_membership(left_before.id, group.id, left_at=JOINED)
    plan = plan_import([row(2, name="周杰", qq="40001")], "老群", mark_left=True)
    assert [ref for _, ref in plan.marked_left] == [MemberRef(gone.id, "吴敏")]
    assert plan_import([row(2, name="周杰", qq="40001")], "老群", False).marked_left == []


def test_a_banned_member_coming_back_is_reported() -> None:
    banned = members.create_member("钱多多", qq="50001")
    Member.update(status="banned").where(Member.id == banned.id).execute()
    plan = plan_import([row(3, name="钱多多", qq="50001")], "群", False)
    assert plan.banned_returning == [MemberRef(banned.id, "钱多多")]


def test_matching_takes_the_same_few_queries_for_few_or_many_rows(
    count_statements: Callable[[], AbstractContextManager[StatementLog]],
) -> None:
    group = groups.create_group("大群")
    for n in range(30):
        member = members.create_member(f"成员{n}", qq=str(60000 + n))
        memberships.add_membership(member.id, group.id, joined_at=JOINED)
    few = [row(2 + n, name=f"成员{n}", qq=str(60000 + n)) for n in range(2)]
    many = [row(2 + n, name=f"成员{n}", qq=str(60000 + n)) for n in range(28)]
    with count_statements() as small:
        plan_import(few, "大群", mark_left=True)
    with count_statements() as large:
        plan = plan_import(many, "大群", mark_left=True)
    assert plan.unchanged == 28 and len(plan.marked_left) == 2
    assert len(large.selects) == len(small.selects)
