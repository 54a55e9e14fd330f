"""Groups: create, edit, archive, validation and the groups list."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta

import pytest

from app.core import groups, members, memberships
from app.core.errors import NotFound, ValidationError
from app.store.models import Group, Interaction, Membership
from tests.core.conftest import StatementLog

Counter = Callable[[], AbstractContextManager[StatementLog]]


def test_create_stores_every_field(now: datetime) -> None:
    big = groups.create_group("深圳跑团", platform="wechat", kind="interest")
    group = groups.create_group(
        "  深圳跑团核心群 ",
        platform="qq",
        kind="core",
        platform_id=" 123456789 ",
        parent_id=big.id,
        description="  Helpers of the big group ",
        announcement="Be kind.",
        member_cap=500,
        cadence_days=7,
    )
    stored = Group.get_by_id(group.id)
    assert stored.name == "深圳跑团核心群"
    assert stored.sort_key == "shen zhen pao tuan he xin qun"
    assert stored.platform == "qq"
    assert stored.kind == "core"
    assert stored.platform_id == "123456789"
    assert stored.parent_id == big.id
    assert stored.description == "Helpers of the big group"
    assert stored.announcement == "Be kind."
    assert stored.member_cap == 500
    assert stored.cadence_days == 7
    assert stored.archived is False
    assert stored.created_at == now
    assert [g.name for g in groups.subgroups(big.id)] == ["深圳跑团核心群"]
    assert groups.find_group(" 深圳跑团核心群 ").id == group.id
    assert groups.find_group("nope") is None
    assert groups.count_groups() == 2


def test_edit_changes_only_the_given_fields() -> None:
    group = groups.create_group("Book club", platform="telegram", kind="interest", member_cap=200)
    updated = groups.update_group(group.id, name="读书会", description="Monthly", member_cap=None)
    assert updated.name == "读书会"
    assert updated.sort_key == "du shu hui"
    assert updated.description == "Monthly"
    assert updated.member_cap is None
    assert updated.platform == "telegram"
    assert updated.kind == "interest"
    # keeping its own name is not a clash
    assert groups.update_group(group.id, name="读书会").name == "读书会"


def test_archive_and_unarchive() -> None:
    group = groups.create_group("Old group")
    groups.create_group("Live group")
    groups.set_archived(group.id, True)
    assert Group.get_by_id(group.id).archived is True
    assert [r.name for r in groups.list_groups()] == ["Live group"]
    rows = groups.list_groups(include_archived=True)
    assert [(r.name, r.archived) for r in rows] == [("Live group", False), ("Old group", True)]
    groups.set_archived(group.id, False)
    assert Group.get_by_id(group.id).archived is False
    assert [r.name for r in groups.list_groups()] == ["Live group", "Old group"]


def test_missing_group_is_not_found() -> None:
    with pytest.raises(NotFound):
        groups.get_group(999)
    with pytest.raises(NotFound):
        groups.update_group(999, name="x")
    with pytest.raises(NotFound):
        groups.set_archived(999, True)


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"name": ""}, "needs a name"),
        ({"name": "   "}, "needs a name"),
        ({"name": "x" * 101}, "at most 100"),
        ({"name": "Taken"}, "already a group called “Taken”"),
        ({"name": " Taken "}, "already a group called “Taken”"),
        ({"name": "ok", "platform": "whatsapp"}, "Unknown platform “whatsapp”"),
        ({"name": "ok", "platform": ""}, "Unknown platform"),
        ({"name": "ok", "kind": "family"}, "Unknown group kind “family”"),
        ({"name": "ok", "member_cap": 0}, "member cap"),
        ({"name": "ok", "member_cap": -5}, "member cap"),
        ({"name": "ok", "member_cap": 100001}, "member cap"),
        ({"name": "ok", "member_cap": "500"}, "member cap"),
        ({"name": "ok", "member_cap": 2.5}, "member cap"),
        ({"name": "ok", "member_cap": True}, "member cap"),
        ({"name": "ok", "cadence_days": 0}, "cadence"),
    ],
)
def test_create_refuses_invalid_input(fields: dict[str, object], fragment: str) -> None:
    groups.create_group("Taken")
    with pytest.raises(ValidationError) as caught:
        groups.create_group(**fields)  # type: ignore[arg-type]
    assert fragment in str(caught.value)
    assert [g.name for g in Group.select()] == ["Taken"]


def test_update_refuses_invalid_input_and_changes_nothing() -> None:
    a = groups.create_group("A", member_cap=300)
    groups.create_group("B")
    for fields in (
        {"name": "B"},
        {"name": ""},
        {"platform": "x"},
        {"kind": "x"},
        {"member_cap": 0},
    ):
        with pytest.raises(ValidationError):
            groups.update_group(a.id, **fields)
    stored = Group.get_by_id(a.id)
    assert (stored.name, stored.platform, stored.kind, stored.member_cap) == (
        "A",
        "wechat",
        "other",
        300,
    )


def test_unknown_field_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        groups.create_group("A", colour="red")
    group = groups.create_group("B")
    with pytest.raises(TypeError):
        groups.update_group(group.id, archived=True)


def test_a_group_cannot_be_its_own_parent() -> None:
    group = groups.create_group("A")
    with pytest.raises(ValidationError) as caught:
        groups.update_group(group.id, parent_id=group.id)
    assert "“A” cannot be the parent" in str(caught.value)
    assert Group.get_by_id(group.id).parent_id is None


def test_a_group_cannot_hang_under_its_own_descendant() -> None:
    top = groups.create_group("Top")
    middle = groups.create_group("Middle", parent_id=top.id)
    bottom = groups.create_group("Bottom", parent_id=middle.id)
    for descendant in (middle, bottom):
        with pytest.raises(ValidationError) as caught:
            groups.update_group(top.id, parent_id=descendant.id)
        assert f"“{descendant.name}” cannot be the parent" in str(caught.value)
    with pytest.raises(ValidationError):
        groups.update_group(middle.id, parent_id=bottom.id)
    assert [(g.name, g.parent_id) for g in Group.select().order_by(Group.id)] == [
        ("Top", None),
        ("Middle", top.id),
        ("Bottom", middle.id),
    ]
    # moving down the tree the other way is fine
    other = groups.create_group("Other")
    assert groups.update_group(bottom.id, parent_id=other.id).parent_id == other.id
    assert groups.update_group(bottom.id, parent_id=None).parent_id is None


def test_parent_that_does_not_exist() -> None:
    with pytest.raises(NotFound):
        groups.create_group("A", parent_id=12345)
    assert Group.select().count() == 0


def test_deleting_a_parent_detaches_its_children() -> None:
    top = groups.create_group("Top")
    child = groups.create_group("Child", parent_id=top.id)
    Group.delete().where(Group.id == top.id).execute()
    assert Group.get_by_id(child.id).parent_id is None


# --- the list ----------------------------------------------------------------------------


def test_list_groups_counts_active_memberships_parent_and_last_interaction(now: datetime) -> None:
    big = groups.create_group("大群", kind="interest")
    core = groups.create_group("Core team", kind="core", parent_id=big.id, platform="qq")
    empty = groups.create_group("Empty")
    people = [members.create_member(f"成员{i}") for i in range(5)]
    for person in people:
        memberships.add_membership(person.id, big.id)
    memberships.leave_group(people[0].id, big.id)
    memberships.add_membership(people[1].id, core.id)
    memberships.add_membership(people[2].id, core.id, left_at=now - timedelta(days=1))
    Interaction.create(group=big, kind="topic", at=now - timedelta(days=10))
    Interaction.create(group=big, kind="poll", at=now - timedelta(days=2))
    Interaction.create(group=core, kind="share", at=now - timedelta(days=30, seconds=1))
    Interaction.create(member=people[3], kind="check-in", at=now)  # no group: counts nowhere

    rows = {r.name: r for r in groups.list_groups()}
    assert list(rows) == ["Core team", "大群", "Empty"]  # "core team" < "da qun" < "empty"
    assert rows["大群"].members == 4
    assert rows["大群"].last_interaction == now - timedelta(days=2)
    assert rows["大群"].parent_name == ""
    assert rows["大群"].parent_id is None
    assert rows["Core team"].members == 1
    assert rows["Core team"].parent_id == big.id
    assert rows["Core team"].parent_name == "大群"
    assert rows["Core team"].platform == "qq"
    assert rows["Core team"].kind == "core"
    assert rows["Core team"].last_interaction == now - timedelta(days=30, seconds=1)
    assert rows["Empty"].members == 0
    assert rows["Empty"].last_interaction is None
    assert rows["Empty"].id == empty.id
    assert isinstance(rows["大群"].last_interaction, datetime)


def test_list_groups_sorts_by_pinyin_and_latin_together() -> None:
    for name in ("张家群", "Alpha", "阿里群", "白云群", "beta"):
        groups.create_group(name)
    assert [r.name for r in groups.list_groups()] == ["阿里群", "Alpha", "白云群", "beta", "张家群"]


def test_list_groups_runs_a_constant_number_of_queries(count_statements: Counter) -> None:
    def fill(first: int, count: int) -> None:
        for i in range(first, first + count):
            group = groups.create_group(f"Group {i:03d}", parent_id=None)
            person = members.create_member(f"Person {i}")
            memberships.add_membership(person.id, group.id)
            Interaction.create(group=group, kind="topic", at=datetime(2026, 1, 1))

    fill(0, 3)
    with count_statements() as few:
        assert len(groups.list_groups()) == 3
    fill(3, 40)
    with count_statements() as many:
        rows = groups.list_groups()
    assert len(rows) == 43
    assert all(r.members == 1 for r in rows)
    assert len(many.selects) == len(few.selects) == 1
    assert len(many) == len(few)


def test_list_groups_counts_a_rejoined_member_once(now: datetime) -> None:
    group = groups.create_group("G")
    person = members.create_member("Ann")
    memberships.add_membership(person.id, group.id, joined_at=now - timedelta(days=9))
    memberships.leave_group(person.id, group.id, when=now - timedelta(days=5))
    assert groups.list_groups()[0].members == 0
    memberships.add_membership(person.id, group.id)
    assert groups.list_groups()[0].members == 1
    assert Membership.select().count() == 1


def test_group_choices_are_light_and_in_pinyin_order(count_statements) -> None:
    zhang = groups.create_group("张家群", "qq", "interest")
    groups.create_group("阿里用户群", "wechat", "customers")
    old = groups.create_group("旧群", "wechat", "other")
    groups.set_archived(old.id, True)
    with count_statements() as log:
        names = [c.name for c in groups.group_choices()]
    assert names == ["阿里用户群", "张家群"]
    assert len(log.selects) == 1
    every = groups.group_choices(include_archived=True)
    assert [c.name for c in every] == ["阿里用户群", "旧群", "张家群"]
    assert [c.archived for c in every] == [False, True, False]
    assert every[2].id == zhang.id and every[2].platform == "qq"


def test_a_sub_group_row_carries_its_parent_reading_for_sorting() -> None:
    parent = groups.create_group("读书会")
    groups.create_group("读书会志愿者小组", parent_id=parent.id)
    rows = {row.name: row for row in groups.list_groups()}
    assert rows["读书会志愿者小组"].parent_name == "读书会"
    assert rows["读书会志愿者小组"].parent_sort_key == "du shu hui"  # the Parent column sorts by it
    assert rows["读书会"].parent_sort_key == ""
