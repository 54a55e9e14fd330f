"""Editing the pyramid's tiers, and moving members between them with a reason."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

import pytest

from app.core import members, tiers
from app.core.errors import NotFound, ValidationError
from app.store.models import Member, Tier, TierChange
from tests.core.conftest import StatementLog, leave_every_group

Counter = Callable[[], AbstractContextManager[StatementLog]]


def ladder() -> list[tuple[int, str]]:
    return [(t.rank, t.name) for t in tiers.list_tiers()]


def tier_id(name: str) -> int:
    return Tier.get(Tier.name == name).id


def snapshot() -> tuple[list[tuple[int, str]], list[tuple[int, int]], int]:
    """Tiers, every member's tier and the number of tier changes: what a refusal must keep."""
    people = [(m.id, m.tier_id) for m in Member.select().order_by(Member.id)]
    return ladder(), people, TierChange.select().count()


# --- add and edit ------------------------------------------------------------------------


def test_a_new_tier_goes_to_the_bottom() -> None:
    tier = tiers.create_tier(" Lurkers ", "Never spoke", "#AABBCC", None)
    assert (tier.rank, tier.name, tier.description, tier.colour) == (
        5,
        "Lurkers",
        "Never spoke",
        "#aabbcc",
    )
    assert ladder()[-1] == (5, "Lurkers")
    assert tiers.lowest_tier().id == tier.id


def test_update_tier_renames_and_changes_cadence_and_colour() -> None:
    helper = tiers.helper_tier()
    tiers.update_tier(helper.id, name="管理/骨干", colour="#112233", checkin_days=10)
    stored = Tier.get_by_id(helper.id)
    assert (stored.name, stored.colour, stored.checkin_days) == ("管理/骨干", "#112233", 10)
    tiers.update_tier(helper.id, checkin_days=None, description="  moderators ")
    stored = Tier.get_by_id(helper.id)
    assert stored.checkin_days is None and stored.description == "moderators"
    assert stored.rank == 2


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"name": "  "}, "needs a name"),
        ({"name": "core"}, "already a tier called “Core”"),
        ({"name": "x" * 41}, "at most 40"),
        ({"colour": "red"}, "not a colour"),
        ({"colour": "#12345"}, "not a colour"),
        ({"colour": "#12345g"}, "not a colour"),
        ({"checkin_days": 0}, "from 1 to 365"),
        ({"checkin_days": 366}, "from 1 to 365"),
        ({"checkin_days": True}, "from 1 to 365"),
        ({"checkin_days": "7"}, "from 1 to 365"),
    ],
)
def test_bad_tier_fields_are_refused(fields: dict[str, object], fragment: str) -> None:
    before = snapshot()
    helper = tiers.helper_tier()
    with pytest.raises(ValidationError, match=fragment):
        tiers.update_tier(helper.id, **fields)
    with pytest.raises(ValidationError, match=fragment):
        tiers.create_tier(**{"name": "New", **fields})  # type: ignore[arg-type]
    assert snapshot() == before
    assert Tier.get_by_id(helper.id).name == "Helpers"


def test_a_tier_keeps_its_own_name_and_unknown_fields_are_a_bug() -> None:
    helper = tiers.helper_tier()
    assert tiers.update_tier(helper.id, name="HELPERS").name == "HELPERS"
    with pytest.raises(TypeError):
        tiers.update_tier(helper.id, rank=1)
    with pytest.raises(NotFound):
        tiers.update_tier(999, name="Gone")


def test_error_templates_are_marked_for_translation() -> None:
    with pytest.raises(ValidationError) as caught:
        tiers.create_tier("Core")
    assert caught.value.template == "There is already a tier called “{name}”."
    assert caught.value.params == {"name": "Core"}


# --- reorder -----------------------------------------------------------------------------


def test_move_tier_reorders_without_gaps() -> None:
    tiers.move_tier(tier_id("Members"), 1)
    assert ladder() == [(1, "Members"), (2, "Core"), (3, "Helpers"), (4, "Active")]
    assert tiers.helper_tier().name == "Core"
    tiers.move_tier(tier_id("Members"), 4)
    assert ladder() == [(1, "Core"), (2, "Helpers"), (3, "Active"), (4, "Members")]
    tiers.move_tier(tier_id("Core"), 3)
    assert ladder() == [(1, "Helpers"), (2, "Active"), (3, "Core"), (4, "Members")]


def test_move_tier_clamps_the_rank_and_keeps_members() -> None:
    person = members.create_member("张三", tier_id=tier_id("Active"))
    tiers.move_tier(tier_id("Active"), 99)
    assert ladder()[-1] == (4, "Active")
    tiers.move_tier(tier_id("Active"), -3)
    assert ladder()[0] == (1, "Active")
    tiers.move_tier(tier_id("Active"), 1)  # where it is already
    assert [rank for rank, _ in ladder()] == [1, 2, 3, 4]
    assert Member.get_by_id(person.id).tier_id == tier_id("Active")
    assert TierChange.select().count() == 0  # reordering tiers moves nobody


# --- remove ------------------------------------------------------------------------------


def test_an_empty_tier_is_removed_and_the_rest_renumbered() -> None:
    assert tiers.delete_tier(tier_id("Helpers")) == 0
    assert ladder() == [(1, "Core"), (2, "Active"), (3, "Members")]


def test_a_removed_tiers_members_go_one_tier_down_or_the_bottom_ones_one_up() -> None:
    default = tiers.default_move_to
    assert default(tier_id("Core")).name == "Helpers"  # type: ignore[union-attr]
    assert default(tier_id("Active")).name == "Members"  # type: ignore[union-attr]
    assert default(tier_id("Members")).name == "Active"  # type: ignore[union-attr]  # not Core
    tiers.move_tier(tier_id("Core"), 4)  # the top tier moved to the bottom
    assert default(tier_id("Core")).name == "Members"  # type: ignore[union-attr]


def test_a_cadence_of_zero_days_is_refused() -> None:
    with pytest.raises(ValidationError, match="check-in cadence"):
        tiers.update_tier(tier_id("Helpers"), checkin_days=0)
    with pytest.raises(ValidationError, match="check-in cadence"):
        tiers.create_tier("Lurkers", checkin_days=0)
    assert Tier.get(Tier.name == "Helpers").checkin_days == 14


def test_there_are_always_at_least_three_tiers() -> None:
    tiers.delete_tier(tier_id("Core"))
    before = snapshot()
    for name in ("Helpers", "Active", "Members"):
        with pytest.raises(ValidationError, match="at least three tiers") as caught:
            tiers.delete_tier(tier_id(name), tier_id("Helpers"))
        assert f"before removing “{name}”" in str(caught.value)
    assert snapshot() == before
    tiers.create_tier("Lurkers")
    tiers.delete_tier(tier_id("Lurkers"))
    assert len(ladder()) == 3


def test_a_tier_with_members_needs_somewhere_to_move_them() -> None:
    active = tier_id("Active")
    for name in ("甲", "乙"):
        members.create_member(name, tier_id=active)
    leave_every_group(members.create_member("丙", tier_id=active).id)  # must move too
    before = snapshot()
    with pytest.raises(ValidationError, match=r"still has members \(3\)") as caught:
        tiers.delete_tier(active)
    assert caught.value.params == {"count": 3, "name": "Active"}
    with pytest.raises(ValidationError, match="being removed"):
        tiers.delete_tier(active, active)
    with pytest.raises(NotFound):
        tiers.delete_tier(active, 999)
    assert snapshot() == before
    assert tiers.members_in_tier(active) == 3


def test_removing_a_tier_moves_its_members_with_a_reason(now: datetime) -> None:
    active, bottom = tier_id("Active"), tier_id("Members")
    moved = [members.create_member(f"成员{i}", tier_id=active).id for i in range(3)]
    stays = members.create_member("留下", tier_id=bottom)
    assert tiers.delete_tier(active, bottom) == 3
    assert ladder() == [(1, "Core"), (2, "Helpers"), (3, "Members")]
    assert {m.tier_id for m in Member.select().where(Member.id.in_(moved))} == {bottom}
    rows = list(TierChange.select().order_by(TierChange.member))
    assert [r.member_id for r in rows] == moved
    for row in rows:
        # the removed tier's id is gone with it (SET NULL); the reason keeps its name
        assert (row.from_tier_id, row.to_tier_id, row.at) == (None, bottom, now)
        assert row.reason == "tier “Active” removed"
    assert Member.get_by_id(stays.id).tier_id == bottom
    assert not TierChange.select().where(TierChange.member == stays.id).exists()


def test_the_window_can_give_its_own_reason() -> None:
    active = tier_id("Active")
    person = members.create_member("张三", tier_id=active)
    tiers.delete_tier(active, tier_id("Helpers"), reason="“活跃”层级已取消")
    assert TierChange.get(TierChange.member == person.id).reason == "“活跃”层级已取消"


def test_a_failure_while_removing_leaves_everything_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    active = tier_id("Active")
    for name in ("甲", "乙"):
        members.create_member(name, tier_id=active)
    before = snapshot()

    def broken(order: list[int]) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(tiers, "_renumber", broken)  # after the move and the delete
    with pytest.raises(RuntimeError):
        tiers.delete_tier(active, tier_id("Members"))
    assert snapshot() == before
    assert Tier.select().count() == 4


# --- counts ------------------------------------------------------------------------------


def test_tier_member_counts_are_active_members_per_tier() -> None:
    helper = tiers.helper_tier().id
    members.create_member("甲", tier_id=helper)
    members.create_member("乙", tier_id=helper)
    members.create_member("丙", tier_id=helper, status="banned")
    members.create_member("丁")
    counts = tiers.tier_member_counts()
    assert counts == {tier_id("Core"): 0, helper: 2, tier_id("Active"): 0, tier_id("Members"): 1}


def test_helper_tier_is_rank_two() -> None:
    assert tiers.helper_tier().rank == tiers.HELPER_RANK == 2
    assert tiers.helper_tier().name == "Helpers"


# --- members' tiers ----------------------------------------------------------------------


def test_set_tier_writes_a_change_with_its_reason_for_each_mover(now: datetime) -> None:
    helper, bottom = tiers.helper_tier().id, tier_id("Members")
    a = members.create_member("甲").id
    b = members.create_member("乙").id
    c = members.create_member("丙", tier_id=helper).id
    assert members.set_tier([a, b, c, a], helper, " 组织了读书会 ") == 2
    assert {m.tier_id for m in Member.select()} == {helper}
    rows = [
        (r.member_id, r.from_tier_id, r.to_tier_id, r.at, r.reason) for r in TierChange.select()
    ]
    assert sorted(rows) == [
        (a, bottom, helper, now, "组织了读书会"),
        (b, bottom, helper, now, "组织了读书会"),
    ]
    assert members.set_tier([a, b, c], helper) == 0  # nobody changes: nothing written
    assert TierChange.select().count() == 2
    history = members.tier_history(a)
    assert history[0].reason == "组织了读书会"


def test_set_tier_refuses_a_missing_tier_and_a_long_reason() -> None:
    a = members.create_member("甲").id
    with pytest.raises(ValidationError, match="no longer exists"):
        members.set_tier([a], 999)
    with pytest.raises(ValidationError, match="at most 500"):
        members.set_tier([a], tiers.helper_tier().id, "x" * 501)
    assert TierChange.select().count() == 0
    assert Member.get_by_id(a).tier_id == tiers.lowest_tier().id


def test_set_tier_needs_no_query_per_member(count_statements: Counter) -> None:
    ids = [members.create_member(f"成员{i}").id for i in range(1200)]
    helper = tiers.helper_tier().id
    with count_statements() as few:
        members.set_tier(ids[:3], helper, "bulk")
    with count_statements() as many:
        assert members.set_tier(ids, helper, "bulk") == 1197
    assert len(few) <= 8
    assert len(many) <= len(few) + 2 * 3  # three statements per 500 members, not one per member
    assert TierChange.select().count() == 1200


def test_update_member_keeps_the_tier_reason(now: datetime) -> None:
    person = members.create_member("张三")
    members.update_member(person.id, tier_id=tiers.helper_tier().id, tier_reason="每周主持话题")
    (row,) = TierChange.select()
    assert (row.reason, row.at, row.to_tier_id) == ("每周主持话题", now, tiers.helper_tier().id)
    members.update_member(person.id, name="张三丰", tier_reason="ignored: no tier change")
    assert TierChange.select().count() == 1


def test_set_star_flags_and_unflags() -> None:
    ids = [members.create_member(name).id for name in ("甲", "乙", "丙")]
    members.set_star(ids[:2], True)
    assert [m.star for m in Member.select().order_by(Member.id)] == [True, True, False]
    members.set_star(ids, False)
    assert not Member.select().where(Member.star == True).exists()  # noqa: E712
