"""The ban list: ban with tasks per group (no duplicates), mark removed, unban, the list itself."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta

import pytest

from app.core import bans, groups, members, memberships, tasks
from app.core.errors import NotFound, ValidationError
from app.store.models import Interaction, Member, Membership, Task
from tests.core.conftest import StatementLog

Counter = Callable[[], AbstractContextManager[StatementLog]]


@pytest.fixture
def ids(now: datetime) -> dict[str, int]:
    """张三 in three groups (left one of them), 李四 in one."""
    out = {name: groups.create_group(name).id for name in ("读书会", "爬山群", "摄影群")}
    out["zhang"] = members.create_member("张三").id
    out["li"] = members.create_member("李四").id
    for group in ("读书会", "爬山群", "摄影群"):
        memberships.add_membership(out["zhang"], out[group], joined_at=now - timedelta(days=30))
    memberships.leave_group(out["zhang"], out["摄影群"], now - timedelta(days=3))
    memberships.add_membership(out["li"], out["读书会"])
    return out


def open_sweeps(member_id: int) -> dict[int, str]:
    query = Task.select().where(
        Task.member == member_id, Task.kind == "spam_sweep", Task.status == "open"
    )
    return {t.group_id: t.title for t in query}


def test_a_ban_sets_the_status_records_it_and_adds_a_task_per_active_group(
    ids: dict[str, int], now: datetime
) -> None:
    created = bans.ban_member(ids["zhang"], "  发广告  ")
    member = Member.get_by_id(ids["zhang"])
    assert (member.status, member.status_reason) == ("banned", "发广告")
    interaction = Interaction.get(Interaction.kind == "ban")
    assert (interaction.member_id, interaction.at, interaction.note) == (
        ids["zhang"],
        now,
        "发广告",
    )
    assert interaction.group_id is None
    assert open_sweeps(ids["zhang"]) == {
        ids["读书会"]: "Remove 张三 from 读书会",
        ids["爬山群"]: "Remove 张三 from 爬山群",
    }  # not 摄影群: they already left it
    tasks = list(Task.select().where(Task.id.in_(created)))
    assert len(tasks) == 2
    for task in tasks:
        assert (task.kind, task.priority, task.status, task.origin) == (
            "spam_sweep",
            1,
            "open",
            "ban",
        )
        assert task.due_at == task.created_at == now
    assert bans.is_banned(ids["zhang"]) and not bans.is_banned(ids["li"])


def test_a_removal_tasks_title_is_stored_as_a_code_with_its_names(
    ids: dict[str, int],
) -> None:
    bans.ban_member(ids["li"], "刷屏")
    assert open_sweeps(ids["li"]) == {ids["读书会"]: "Remove 李四 from 读书会"}
    task = Task.get(Task.member == ids["li"])
    assert (task.title_key, json.loads(task.title_args)) == (
        "ban.remove",
        {"member": "李四", "group": "读书会"},
    )


def test_banning_again_adds_no_duplicate_tasks_only_new_groups(
    ids: dict[str, int], now: datetime
) -> None:
    first = bans.ban_member(ids["zhang"], "发广告")
    assert bans.ban_member(ids["zhang"], "又发广告") == []
    assert len(open_sweeps(ids["zhang"])) == 2
    memberships.add_membership(ids["zhang"], ids["摄影群"])  # an import brought them back
    again = bans.ban_member(ids["zhang"], "又发广告", now=now + timedelta(hours=1))
    assert len(again) == 1 and set(again).isdisjoint(first)
    assert set(open_sweeps(ids["zhang"])) == {ids["读书会"], ids["爬山群"], ids["摄影群"]}
    assert Member.get_by_id(ids["zhang"]).status_reason == "又发广告"
    assert Interaction.select().where(Interaction.kind == "ban").count() == 3


def test_mark_removed_leaves_the_group_and_closes_its_task(
    ids: dict[str, int], now: datetime
) -> None:
    bans.ban_member(ids["zhang"], "发广告", now=now - timedelta(days=1))
    bans.mark_removed(ids["zhang"], ids["读书会"])
    membership = Membership.get(member=ids["zhang"], group=ids["读书会"])
    assert (membership.left_at, membership.status) == (now, "removed")
    other = Membership.get(member=ids["zhang"], group=ids["爬山群"])
    assert (other.left_at, other.status) == (None, "active")  # still in the other group
    done = Task.get(Task.member == ids["zhang"], Task.group == ids["读书会"])
    assert (done.status, done.done_at, done.outcome) == ("done", now, "removed")
    assert list(open_sweeps(ids["zhang"])) == [ids["爬山群"]]
    bans.mark_removed(ids["zhang"], ids["读书会"], now=now + timedelta(days=1))  # again
    assert Membership.get_by_id(membership.id).left_at == now
    assert Member.get_by_id(ids["zhang"]).status == "banned"
    with pytest.raises(NotFound):
        bans.mark_removed(ids["zhang"], 999)


def test_unban_is_recorded_and_closes_the_removal_tasks(ids: dict[str, int], now: datetime) -> None:
    bans.ban_member(ids["zhang"], "发广告", now=now - timedelta(days=2))
    other = tasks.create_task("Sweep the spam", kind="spam_sweep", member_id=ids["zhang"])
    assert bans.unban_member(ids["zhang"], "  申诉成功  ") == 2
    member = Member.get_by_id(ids["zhang"])
    assert (member.status, member.status_reason) == ("active", "")
    unban = Interaction.get(Interaction.kind == "unban")
    assert (unban.member_id, unban.at, unban.note) == (ids["zhang"], now, "申诉成功")
    assert open_sweeps(ids["zhang"]) == {None: "Sweep the spam"}  # only the ban's tasks go
    closed = Task.select().where(Task.origin == "ban")
    assert {(t.status, t.done_at) for t in closed} == {("skipped", now)}
    assert Task.get_by_id(other.id).status == "open"
    assert bans.ban_list() == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda i: bans.ban_member(i["zhang"], "   "), "A ban needs a reason."),
        (lambda i: bans.ban_member(i["zhang"], "长" * 501), "at most 500 characters"),
        (lambda i: bans.unban_member(i["zhang"], "误封"), "张三 is not banned."),
    ],
)
def test_refusals_write_nothing(
    ids: dict[str, int], call: Callable[[dict[str, int]], object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        call(ids)
    assert Member.get_by_id(ids["zhang"]).status == "active"
    assert Task.select().count() == 0
    assert Interaction.select().where(Interaction.kind.in_(["ban", "unban"])).count() == 0


def test_unban_needs_a_reason(ids: dict[str, int]) -> None:
    bans.ban_member(ids["zhang"], "发广告")
    with pytest.raises(ValidationError, match="Lifting a ban needs a reason."):
        bans.unban_member(ids["zhang"], "")
    assert bans.is_banned(ids["zhang"])
    with pytest.raises(NotFound):
        bans.ban_member(999, "x")


def test_ban_list_newest_first_with_where_they_still_are(
    ids: dict[str, int], now: datetime
) -> None:
    bans.ban_member(ids["zhang"], "发广告", now=now - timedelta(days=5))
    bans.ban_member(ids["li"], "人身攻击", now=now - timedelta(days=1))
    bans.mark_removed(ids["li"], ids["读书会"])
    quiet = members.create_member("王五", status="banned", status_reason="老账号").id
    assert bans.ban_list() == [
        bans.BanRow(ids["li"], "李四", now - timedelta(days=1), "人身攻击", ()),
        bans.BanRow(
            ids["zhang"],
            "张三",
            now - timedelta(days=5),
            "发广告",
            ((ids["读书会"], "读书会"), (ids["爬山群"], "爬山群")),
        ),
        bans.BanRow(quiet, "王五", None, "老账号", ()),  # banned before Huoqun recorded bans
    ]
    assert bans.banned_still_in(ids["爬山群"]) == [(ids["zhang"], "张三")]
    assert bans.banned_still_in(ids["读书会"]) == [(ids["zhang"], "张三")]


def test_ban_list_costs_the_same_queries_at_any_size(
    now: datetime, count_statements: Counter
) -> None:
    group = groups.create_group("大群").id

    def ban(n: int) -> None:
        for i in range(n):
            member = members.create_member(f"广告号{n}-{i}").id
            memberships.add_membership(member, group)
            bans.ban_member(member, "发广告", now=now - timedelta(minutes=i))

    ban(2)
    with count_statements() as small:
        assert len(bans.ban_list()) == 2
    ban(25)
    with count_statements() as big:
        rows = bans.ban_list()
    assert len(rows) == 27 and len(small) == len(big) == 2
    assert all(row.still_in == ((group, "大群"),) for row in rows)
    assert [r.banned_at for r in rows] == sorted((r.banned_at for r in rows), reverse=True)


def test_banned_members_brought_back_get_a_task_again_without_a_new_ban(
    ids: dict[str, int], now: datetime, count_statements: Counter
) -> None:
    bans.ban_member(ids["zhang"], "发广告", now=now - timedelta(days=3))
    bans.mark_removed(ids["zhang"], ids["读书会"], now=now - timedelta(days=2))
    assert bans.sweep_returned() == []  # nothing new: 爬山群 already has its open task
    memberships.add_membership(ids["zhang"], ids["读书会"])  # an import brought them back
    memberships.add_membership(ids["zhang"], ids["摄影群"])
    with count_statements() as log:
        created = bans.sweep_returned()
    assert len(log.selects) == 3
    assert sorted(Task.get_by_id(t).title for t in created) == [
        "Remove 张三 from 摄影群",
        "Remove 张三 from 读书会",
    ]
    assert sorted(json.loads(Task.get_by_id(t).title_args)["group"] for t in created) == [
        "摄影群",
        "读书会",
    ]
    assert {Task.get_by_id(t).title_key for t in created} == {"ban.remove"}
    assert set(open_sweeps(ids["zhang"])) == {ids["读书会"], ids["爬山群"], ids["摄影群"]}
    assert Task.get_by_id(created[0]).due_at == now
    assert Interaction.select().where(Interaction.kind == "ban").count() == 1
    assert bans.sweep_returned() == []


def test_set_status_records_bans_and_their_lifting(now) -> None:
    from app.core import groups as groups_core
    from app.core import members as members_core
    from app.core.bans import set_status
    from app.store.models import Interaction, Member, Task

    club = groups_core.create_group("读书会", "wechat", "interest")
    a = members_core.create_member("张三", qq="10001")
    b = members_core.create_member("李四", qq="10002")
    memberships.add_membership(a.id, club.id)
    set_status([a.id, b.id], "banned", "发广告")
    assert {m.status for m in Member.select()} == {"banned"}
    assert Task.select().where(Task.member == a.id, Task.status == "open").count() == 1
    assert Interaction.select().where(Interaction.kind == "ban").count() == 2
    set_status([a.id], "active", "已道歉")
    assert Member.get_by_id(a.id).status == "active"
    assert Interaction.select().where(Interaction.kind == "unban").count() == 1
    with pytest.raises(ValidationError):
        set_status([b.id], "banned", "")  # a ban needs a reason: nothing written


def test_open_removal_tasks_counts_the_open_sweeps_of_one_member(ids: dict[str, int]) -> None:
    assert bans.open_removal_tasks(ids["zhang"]) == 0
    bans.ban_member(ids["zhang"], "发广告")
    assert bans.open_removal_tasks(ids["zhang"]) == 2  # the two groups they are still in
    bans.mark_removed(ids["zhang"], ids["读书会"])
    assert bans.open_removal_tasks(ids["zhang"]) == 1  # the done one no longer counts
    assert bans.open_removal_tasks(ids["li"]) == 0
