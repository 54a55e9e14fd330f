"""The member table's queries: search and filters to ordered ids, then rows by page."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import Any

import pytest

from app.core import groups, members, memberships
from app.core.member_list import (
    RELEVANCE,
    SORT_COLUMNS,
    MemberFilter,
    rows_for,
    search_ids,
    search_query,
)
from app.store.models import Member, Membership, Tier, db
from tests.core.conftest import StatementLog, leave_every_group

Counter = Callable[[], AbstractContextManager[StatementLog]]


def names(ids: list[int]) -> list[str]:
    by_id = {m.id: m.name for m in Member.select().where(Member.id.in_(ids))}
    return [by_id[i] for i in ids]


def find(text: str = "", **filters: Any) -> list[str]:
    return names(search_ids(MemberFilter(text=text, **filters)))


def tier_id(rank: int) -> int:
    return Tier.get(Tier.rank == rank).id


@pytest.fixture
def community(now: datetime) -> dict[str, int]:
    """A few members in two groups, with ids, nicknames, tags, tiers and stars."""
    runners = groups.create_group("跑团")
    readers = groups.create_group("Readers")
    zhang = members.create_member(
        "张三", qq="123456789", phone="13800138000", tags=["vip"], star=True
    )
    li = members.create_member("李四", wechat_id="lisi_wx2024", tags=["vip"], tier_id=tier_id(2))
    wang = members.create_member("王五", qq="555666777", city="深圳")
    alice = members.create_member("Alice Wang", email="alice@example.com")
    memberships.add_membership(zhang.id, runners.id, nickname="三哥")
    memberships.add_membership(li.id, runners.id)
    memberships.add_membership(wang.id, runners.id, joined_at=now - timedelta(days=9))
    memberships.leave_group(wang.id, runners.id)
    memberships.add_membership(alice.id, readers.id, nickname="Book Worm")
    memberships.set_membership_status(alice.id, readers.id, "left")
    memberships.add_membership(zhang.id, readers.id)
    return {
        "runners": runners.id,
        "readers": readers.id,
        "zhang": zhang.id,
        "li": li.id,
        "wang": wang.id,
        "alice": alice.id,
    }


# --- text search -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zs", ["张三"]),
        ("zhangsan", ["张三"]),
        ("Zhang San", ["张三"]),
        ("ZS", ["张三"]),
        ("lisi", ["李四"]),
        ("ls", ["李四"]),
        ("三", ["张三"]),
        ("张", ["张三"]),
        ("12345", ["张三"]),
        ("123456789", ["张三"]),
        ("138001", ["张三"]),
        ("13800138000", ["张三"]),
        ("三哥", ["张三"]),
        ("sg", ["张三"]),
        ("bookworm", ["Alice Wang"]),
        ("book worm", ["Alice Wang"]),
        ("lisi_wx", ["李四"]),
        ("LISI_WX2024", ["李四"]),
        ("alice@", ["Alice Wang"]),
        ("wang", ["Alice Wang", "王五"]),
        ("nobody", []),
    ],
)
def test_text_search(community: dict[str, int], query: str, expected: list[str]) -> None:
    assert find(query) == expected


def test_blank_query_finds_everyone_in_name_order(community: dict[str, int]) -> None:
    assert find("   ") == ["Alice Wang", "李四", "王五", "张三"]


def test_wildcards_in_a_query_are_literal() -> None:
    members.create_member("100%_real")
    members.create_member("100abc")
    members.create_member("a_b")
    members.create_member("axb")
    assert find("0%_") == ["100%_real"]
    assert find("%") == ["100%_real"]
    assert find("_") == ["100%_real", "a_b"]
    assert find("a_b") == ["a_b"]
    assert find("100") == ["100%_real", "100abc"]


# --- surnames and ranking -----------------------------------------------------------------


def test_surnames_are_found_and_sorted_by_their_surname_reading() -> None:
    for name in ("张晓燕", "曾小悦", "单雄信", "邓超", "仇英"):
        members.create_member(name)
    assert find("zxy") == ["曾小悦", "张晓燕"]  # zeng before zhang
    assert find("zengxiaoyue") == ["曾小悦"]
    assert find("cengxiaoyue") == ["曾小悦"]
    assert find("shanxiongxin") == ["单雄信"]
    assert find("qiuying") == ["仇英"]
    assert find() == ["邓超", "仇英", "单雄信", "曾小悦", "张晓燕"]  # deng qiu shan zeng zhang


def ranked(text: str, **filters: Any) -> list[str]:
    return names(search_ids(MemberFilter(text=text, **filters), sort=RELEVANCE))


@pytest.fixture
def ranking() -> dict[str, int]:
    """Members a query finds in different ways."""
    made = {
        "wechat": members.create_member("Amy", wechat_id="zxy_2024"),
        "nick": members.create_member("李明"),
        "zhang": members.create_member("张晓燕", qq="987654321"),
        "zeng": members.create_member("曾小悦", qq="123456789"),
        "contains_qq": members.create_member("王五", qq="1234567890"),
        "xiao": members.create_member("小曾"),
        "zeng_long": members.create_member("曾小悦Amy"),
    }
    group = groups.create_group("读书会")
    memberships.add_membership(made["nick"].id, group.id, nickname="zxy的朋友")
    return {key: m.id for key, m in made.items()}


def test_relevance_puts_whole_then_starting_then_containing_matches_first(
    ranking: dict[str, int],
) -> None:
    # the whole name in pinyin (zeng before zhang), then a name whose pinyin starts with it,
    # then a WeChat id and a nickname containing it
    assert ranked("zxy") == ["曾小悦", "张晓燕", "曾小悦Amy", "Amy", "李明"]
    # the whole name first, then names starting with it, then names containing it
    assert ranked("曾小悦") == ["曾小悦", "曾小悦Amy"]
    assert ranked("曾") == ["曾小悦", "曾小悦Amy", "小曾"]
    # a whole QQ number first, then one that contains it
    assert ranked("123456789") == ["曾小悦", "王五"]
    assert ranked("zxy_2024") == ["Amy"]
    # the name order decides between members ranked the same; filters still apply
    assert ranked("zxy", group_id=Membership.get().group_id) == ["李明"]


def test_relevance_without_a_text_is_name_order(ranking: dict[str, int]) -> None:
    assert ranked("") == find()


def test_other_sorts_ignore_the_ranking(ranking: dict[str, int]) -> None:
    by_qq = search_ids(MemberFilter(text="123456789"), sort="qq", descending=True)
    assert names(by_qq) == ["王五", "曾小悦"]


def test_rows_say_which_field_found_each_member(ranking: dict[str, int]) -> None:
    ids = search_ids(MemberFilter(text="zxy"), sort=RELEVANCE)
    rows = rows_for(ids, "ZXY")
    found = [(rows[i].name, rows[i].matched, rows[i].matched_text) for i in ids]
    assert found == [
        ("曾小悦", "pinyin", "曾小悦"),
        ("张晓燕", "pinyin", "张晓燕"),
        ("曾小悦Amy", "pinyin", "曾小悦Amy"),
        ("Amy", "wechat_id", "zxy_2024"),
        ("李明", "nickname", "zxy的朋友"),
    ]
    assert {r.matched for r in rows_for(ids).values()} == {""}  # no query, no field


# --- filters -----------------------------------------------------------------------------


def test_group_filter_counts_only_current_members(community: dict[str, int]) -> None:
    assert find(group_id=community["runners"]) == ["李四", "张三"]
    assert find(group_id=community["readers"]) == ["张三"]  # Alice left it
    assert find("wang", group_id=community["runners"]) == []
    assert find("zs", group_id=community["readers"]) == ["张三"]
    # asked for, those who left come too
    assert find(group_id=community["readers"], with_left=True) == ["Alice Wang", "张三"]
    assert find("wang", group_id=community["runners"], with_left=True) == ["王五"]


def test_status_tier_tag_and_star_filters(community: dict[str, int]) -> None:
    # left: from any group; active: the person, and in some group (王五 left his only one)
    assert find(status="left") == ["Alice Wang", "王五"]
    assert find(status="active") == ["李四", "张三"]
    assert find(tier_id=tier_id(2)) == ["李四"]
    assert find(tier_id=tier_id(4)) == ["Alice Wang", "王五", "张三"]
    assert find(tag="vip") == ["李四", "张三"]
    assert find(tag="nope") == []
    assert find(star=True) == ["张三"]
    assert find(star=False) == ["Alice Wang", "李四", "王五"]


def test_filters_combine_with_text(community: dict[str, int]) -> None:
    assert find("ls", tag="vip") == ["李四"]
    assert find("zs", tag="vip", star=True, group_id=community["runners"]) == ["张三"]
    assert find("zs", star=False) == []
    assert find("zs", tier_id=tier_id(2)) == []
    assert find("", tag="vip", tier_id=tier_id(4), status="active") == ["张三"]
    assert find("wang", status="left", group_id=community["readers"]) == ["Alice Wang"]
    assert find("wang", status="left", group_id=community["runners"]) == ["王五"]


def test_status_follows_the_group(community: dict[str, int]) -> None:
    """Left and removed are per group; banned is the person's, in the group filtered."""
    readers, runners = community["readers"], community["runners"]
    memberships.set_membership_status(community["zhang"], runners, "removed")
    assert find(status="removed") == ["张三"]
    assert find(status="removed", group_id=runners) == ["张三"]
    assert find(status="removed", group_id=readers) == []
    assert find(group_id=readers) == ["张三"]  # still in the other group
    assert find(status="active", group_id=readers) == ["张三"]
    assert find(status="active") == ["李四", "张三"]
    members.update_member(community["li"], status="banned")
    assert find(status="banned", group_id=runners) == ["李四"]
    assert find(status="banned", group_id=readers) == []
    assert find(status="active", group_id=runners) == []
    memberships.set_membership_status(community["zhang"], runners, "active")  # back in
    assert find(group_id=runners) == ["李四", "张三"]
    assert find(status="removed") == []


# --- sorting -----------------------------------------------------------------------------


def test_names_sort_in_pinyin_order_mixed_with_latin() -> None:
    for name in ("张伟", "白雪", "Zoe", "阿明", "bob", "Alice", "欧阳娜娜", "李雷"):
        members.create_member(name)
    expected = ["阿明", "Alice", "白雪", "bob", "李雷", "欧阳娜娜", "张伟", "Zoe"]
    assert find() == expected
    assert names(search_ids(MemberFilter(), sort="name", descending=True)) == expected[::-1]


def _sortable_members() -> None:
    specs = [
        ("阿明", {"qq": "20000", "city": "上海", "tier_id": tier_id(1), "star": True}),
        ("白雪", {"phone": "13900000000", "wechat_id": "bai_xue1", "status": "banned"}),
        ("张伟", {"qq": "10000", "phone": "13800000000", "city": "北京", "tier_id": tier_id(2)}),
        ("Zoe", {"wechat_id": "zoe_w2024", "city": "上海"}),
        ("李雷", {"tier_id": tier_id(2), "star": True}),
    ]
    for i, (name, fields) in enumerate(specs):
        member = members.create_member(name, **fields)
        if name == "Zoe":
            leave_every_group(member.id)  # shown as "left", sorted after the active
        Member.update(
            first_seen=datetime(2025, 1, 1) + timedelta(days=(i * 7) % 5),
            last_contacted=None if i % 2 else datetime(2026, 1, 1) + timedelta(days=5 - i),
        ).where(Member.id == member.id).execute()


def _expected_order(sort: str) -> list[int]:
    """Ascending, NULL first as SQLite orders it, ties by id."""

    def value(m: Member) -> Any:
        if sort == "tier":
            return Tier.get_by_id(m.tier_id).rank
        if sort == "status":
            return (m.status, m.name == "Zoe")
        return getattr(m, sort)

    rows = list(Member.select())
    return [m.id for m in sorted(rows, key=lambda m: (value(m) is not None, value(m), m.id))]


@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS - {"qq"}))
def test_every_sort_key_both_ways(sort: str) -> None:
    _sortable_members()
    ascending = search_ids(MemberFilter(), sort=sort)
    descending = search_ids(MemberFilter(), sort=sort, descending=True)
    if sort == "name":
        assert names(ascending) == ["阿明", "白雪", "李雷", "张伟", "Zoe"]
    else:
        assert ascending == _expected_order(sort)
    assert descending == ascending[::-1]


def test_qq_numbers_sort_as_numbers_with_blanks_last_both_ways() -> None:
    for name, qq in (("甲", "99999"), ("乙", None), ("丙", "100000"), ("丁", "10001")):
        members.create_member(name, qq=qq)
    members.create_member("戊", qq="20000000")
    members.create_member("己")

    def by(desc: bool) -> list[str]:
        return names(search_ids(MemberFilter(), sort="qq", descending=desc))

    assert by(False) == ["丁", "甲", "丙", "戊", "乙", "己"]  # 10001 < 99999 < 100000 < …
    assert by(True) == ["戊", "丙", "甲", "丁", "己", "乙"]  # blanks last, ties by id


@pytest.mark.parametrize("descending", [False, True])
def test_the_qq_sort_reads_an_index_instead_of_sorting(descending: bool) -> None:
    sql, params = search_query(MemberFilter(), "qq", descending)
    plan = " ".join(r[-1] for r in db.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "INDEX member_qq_number_" in plan and "TEMP B-TREE" not in plan, plan


def test_some_sort_orders_as_a_person_reads_them() -> None:
    _sortable_members()

    def by(sort: str, desc: bool = False) -> list[str]:
        return names(search_ids(MemberFilter(), sort=sort, descending=desc))

    assert by("tier") == ["阿明", "张伟", "李雷", "白雪", "Zoe"]
    assert by("star", True)[:2] == ["李雷", "阿明"]
    assert by("status") == ["阿明", "张伟", "李雷", "Zoe", "白雪"]  # active, left, banned
    assert by("qq")[:2] == ["张伟", "阿明"]  # 10000, 20000, then the blanks


def test_sort_keeps_filters() -> None:
    _sortable_members()
    ids = search_ids(MemberFilter(star=True), sort="tier", descending=True)
    assert names(ids) == ["李雷", "阿明"]


def test_unknown_sort_column() -> None:
    with pytest.raises(ValueError):
        search_ids(MemberFilter(), sort="m.name; DROP TABLE member")


# --- rows --------------------------------------------------------------------------------


def test_rows_for_shows_groups_tags_and_tier(community: dict[str, int]) -> None:
    Member.update(last_contacted=datetime(2026, 3, 1, 12, 0)).where(
        Member.id == community["zhang"]
    ).execute()
    rows = rows_for([community["zhang"], community["wang"], community["li"], community["alice"]])
    zhang = rows[community["zhang"]]
    assert zhang.name == "张三"
    assert zhang.star is True
    assert zhang.tier == "Members"
    assert zhang.tier_colour == "#7f8c8d"
    assert zhang.status == "active"
    assert (zhang.qq, zhang.phone, zhang.wechat_id) == ("123456789", "13800138000", "")
    assert zhang.groups == "跑团、Readers"  # "pao tuan" before "readers"
    assert zhang.tags == "vip"
    assert zhang.last_contacted == datetime(2026, 3, 1, 12, 0)
    wang = rows[community["wang"]]
    assert wang.groups == ""  # left the only group
    assert wang.city == "深圳"
    assert wang.last_contacted is None
    li = rows[community["li"]]
    assert li.tier == "Helpers"
    assert li.wechat_id == "lisi_wx2024"
    assert rows[community["alice"]].status == "left"
    assert rows_for([]) == {}
    assert rows_for([99999]) == {}


def test_rows_for_lists_groups_in_name_order_and_tags_sorted() -> None:
    member = members.create_member("Ann", tags=["z-tag", "a-tag", "中"])
    for name in ("张群", "阿群", "Beta"):
        memberships.add_membership(member.id, groups.create_group(name).id)
    row = rows_for([member.id])[member.id]
    assert row.groups == "阿群、Beta、张群"
    assert row.tags == "a-tag, z-tag, 中"


def test_rows_for_uses_a_constant_number_of_queries(count_statements: Counter) -> None:
    group_ids = [groups.create_group(f"G{i}").id for i in range(3)]
    ids = []
    for i in range(200):
        member = members.create_member(f"Member {i:03d}", tags=[f"t{i % 4}"])
        memberships.add_membership(member.id, group_ids[i % 3])
        ids.append(member.id)
    with count_statements() as small:
        assert len(rows_for(ids[:2])) == 2
    with count_statements() as page:
        rows = rows_for(ids)
    assert len(rows) == 200
    assert len(page) == len(small) <= 3
    assert rows[ids[4]].groups == "G1"
    assert rows[ids[4]].tags == "t0"


def test_search_ids_is_one_query(community: dict[str, int], count_statements: Counter) -> None:
    with count_statements() as log:
        search_ids(MemberFilter(text="zs", group_id=community["runners"], tag="vip"), sort="tier")
    assert len(log) == 1
