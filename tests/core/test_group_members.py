"""A group's member list: the membership's nickname, role and dates, and orders by them."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.core import group_members, groups, members, memberships
from app.core.member_list import MemberFilter


def test_cells_and_orders_come_from_the_group_s_memberships(now: datetime) -> None:
    book, other = groups.create_group("读书会"), groups.create_group("跑团")
    ids = {}
    for name, nickname, role, spoke in (
        ("张三", "老张", "member", now - timedelta(days=3)),
        ("李四", "", "owner", None),
        ("王五", "阿五", "admin", now - timedelta(days=1)),
    ):
        ids[name] = members.create_member(name).id
        memberships.add_membership(
            ids[name], book.id, nickname=nickname, role=role, last_spoke_at=spoke
        )
    memberships.add_membership(ids["张三"], other.id, nickname="跑者张", role="admin")
    cells = group_members.cells_for(book.id, list(ids.values()))
    assert cells[ids["张三"]].nickname == "老张" and cells[ids["张三"]].role == "member"
    assert cells[ids["王五"]].last_spoke_at == now - timedelta(days=1)
    assert cells[ids["李四"]].last_spoke_at is None
    assert group_members.cells_for(book.id, []) == {}

    flt = MemberFilter(group_id=book.id)
    order = {v: k for k, v in ids.items()}

    def names(sort: str, descending: bool = False) -> list[str]:
        return [order[i] for i in group_members.sorted_ids(flt, sort, descending)]

    assert names("role") == ["李四", "王五", "张三"]
    assert names("last_spoke", descending=True) == ["王五", "张三", "李四"]  # never spoke: last
    assert names("last_spoke") == ["张三", "王五", "李四"]
    assert names("nickname")[-1] == "李四"  # no nickname: last
    only = MemberFilter(group_id=book.id, text="王")
    assert group_members.sorted_ids(only, "role") == [ids["王五"]]


def test_those_who_left_are_hidden_unless_asked(now: datetime) -> None:
    book = groups.create_group("读书会")
    stay, went, out = (members.create_member(n).id for n in ("张三", "李四", "王五"))
    for member_id in (stay, went, out):
        memberships.add_membership(member_id, book.id, joined_at=now - timedelta(days=10))
    memberships.set_membership_status(went, book.id, "left", now=now - timedelta(days=2))
    memberships.set_membership_status(out, book.id, "removed", now=now - timedelta(days=1))
    shown = MemberFilter(group_id=book.id)
    assert group_members.sorted_ids(shown, "joined") == [stay]
    asked = MemberFilter(group_id=book.id, with_left=True)
    assert group_members.sorted_ids(asked, "joined") == [went, out, stay]  # by name on ties
    cells = group_members.cells_for(book.id, [stay, went, out])
    assert (cells[went].status, cells[went].left_at) == ("left", now - timedelta(days=2))
    assert (cells[out].status, cells[out].left_at) == ("removed", now - timedelta(days=1))
    assert (cells[stay].status, cells[stay].left_at) == ("active", None)
    assert group_members.sorted_ids(asked, "status") == [stay, went, out]  # in, left, removed
    assert group_members.sorted_ids(asked, "status", descending=True) == [out, went, stay]
    left_only = MemberFilter(group_id=book.id, status="left")
    assert group_members.sorted_ids(left_only, "role") == [went]
