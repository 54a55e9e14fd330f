"""Promotion and demotion suggestions: criteria, appearing and disappearing, accept, dismiss."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta

import pytest

from app.core import candidates, care, clock, groups, members, memberships, settings, tiers
from app.core.errors import NotFound, ValidationError
from app.store.models import (
    Attendance,
    Interaction,
    Meetup,
    Member,
    SuggestionDismissal,
    Tier,
    TierChange,
    Violation,
)
from tests.core.conftest import StatementLog, leave_every_group

Counter = Callable[[], AbstractContextManager[StatementLog]]
NOW = datetime(2026, 3, 14, 9, 30)


def rank(r: int) -> int:
    return Tier.get(Tier.rank == r).id


def person(name: str, tier_rank: int = 3, seen_days_ago: float = 200, **fields: object) -> int:
    member_id = members.create_member(name, tier_id=rank(tier_rank), **fields).id
    first_seen = NOW - timedelta(days=seen_days_ago)
    Member.update(first_seen=first_seen).where(Member.id == member_id).execute()
    return member_id


def attend(member_id: int, times: int = 1, attended: bool | None = True) -> None:
    for _ in range(times):
        start = NOW - timedelta(days=30 + Meetup.select().count())
        meetup = Meetup.create(title="线下聚会", start_at=start, end_at=start, status="done")
        Attendance.create(
            meetup=meetup, member=member_id, rsvp="going", rsvp_at=start, attended=attended
        )


def strike(member_id: int, days_ago: float) -> None:
    number = Violation.select().count() + 1
    Violation.create(case_number=number, member=member_id, at=NOW - timedelta(days=days_ago))


def promoted() -> dict[str, tuple[str, ...]]:
    return {c.name: c.met for c in candidates.promotion_candidates()}


def demoted() -> list[str]:
    return [c.name for c in candidates.demotion_candidates()]


# --- criteria ----------------------------------------------------------------------------


def test_criteria_default_and_are_stored() -> None:
    assert candidates.criteria() == {
        "meetups": 2,
        "member_days": 90,
        "strike_free_days": 180,
        "star": True,
    }
    assert settings.get("demotion_margin") == candidates.demotion_margin() == 3
    candidates.set_criteria(3, 30, 365, False)
    assert candidates.criteria() == {
        "meetups": 3,
        "member_days": 30,
        "strike_free_days": 365,
        "star": False,
    }
    candidates.set_demotion_margin(2)
    assert candidates.demotion_margin() == 2


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        ((-1, 90, 180, True), "number of meetups attended"),
        ((101, 90, 180, True), "from 0 to 100"),
        ((2, 3651, 180, True), "days as a member"),
        ((2, 90, -5, True), "days without a strike"),
        ((2, 90, 180.5, True), "whole number"),
        ((True, 90, 180, True), "whole number"),
    ],
)
def test_bad_criteria_are_refused(values: tuple[object, ...], fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment):
        candidates.set_criteria(*values)  # type: ignore[arg-type]
    assert candidates.criteria()["meetups"] == 2
    with pytest.raises(ValidationError, match="demotion margin"):
        candidates.set_demotion_margin(0)


# --- promotion ---------------------------------------------------------------------------


def test_a_member_appears_when_they_meet_every_criterion_and_goes_with_a_strike(
    now: datetime,
) -> None:
    member_id = person("张三")
    person("路人")
    assert promoted() == {}
    attend(member_id)
    attend(member_id, attended=False)  # a no-show does not count
    attend(member_id, attended=None)  # nor a meetup not checked yet
    assert promoted() == {}
    attend(member_id)
    assert promoted() == {"张三": ("meetups", "member_days", "strike_free")}
    (candidate,) = candidates.promotion_candidates()
    assert (candidate.member_id, candidate.tier, candidate.star) == (member_id, "Active", False)
    assert candidate.meetups_attended == 2 and candidate.member_days == 200
    assert candidate.detail == ("2 meetups attended · member for 200 days · no strike in 180 days")
    strike(member_id, 179)
    assert promoted() == {}
    Violation.delete().execute()
    strike(member_id, 181)  # an old strike no longer counts
    assert promoted() == {"张三": ("meetups", "member_days", "strike_free")}


def test_a_newcomer_waits_for_the_member_days(now: datetime) -> None:
    member_id = person("新人", seen_days_ago=89)
    attend(member_id, 3)
    assert promoted() == {}
    clock.fix(now + timedelta(days=1))
    assert promoted() == {"新人": ("meetups", "member_days", "strike_free")}


def test_a_star_qualifies_alone_while_the_star_criterion_is_on(now: datetime) -> None:
    person("明星", tier_rank=4, seen_days_ago=10, star=True)
    newcomer = person("新明星", seen_days_ago=5)
    strike(newcomer, 1)
    members.set_star([newcomer], True)
    assert promoted() == {"明星": ("strike_free", "star"), "新明星": ("star",)}
    (first, _) = candidates.promotion_candidates()
    assert "star member" in first.detail and "a strike" not in first.detail
    assert "a strike 1 day ago" in candidates.promotion_candidates()[1].detail
    candidates.set_criteria(2, 90, 180, False)
    assert promoted() == {}


def test_criteria_changes_take_effect_at_once(now: datetime) -> None:
    member_id = person("李四", seen_days_ago=40)
    attend(member_id)
    assert promoted() == {}
    candidates.set_criteria(1, 30, 180, True)
    assert promoted() == {"李四": ("meetups", "member_days", "strike_free")}


def test_helpers_inactive_members_and_the_top_are_never_suggested(now: datetime) -> None:
    for name, tier_rank, status in (
        ("骨干", 2, "active"),
        ("核心", 1, "active"),
        ("走了", 3, "left"),
        ("封了", 4, "banned"),
    ):
        member_id = person(
            name, tier_rank, status="active" if status == "left" else status, star=True
        )
        if status == "left":
            leave_every_group(member_id)
        attend(member_id, 2)
    assert promoted() == {}


def test_a_dismissed_candidate_is_gone_for_ninety_days(now: datetime) -> None:
    member_id = person("王五", star=True)
    candidates.dismiss(member_id, "promotion")
    assert promoted() == {}
    (row,) = SuggestionDismissal.select()
    assert (row.member_id, row.kind, row.until) == (member_id, "promotion", now + timedelta(90))
    clock.fix(now + timedelta(days=89))
    assert promoted() == {}
    clock.fix(now + timedelta(days=90, seconds=1))
    assert promoted() == {"王五": ("member_days", "strike_free", "star")}
    candidates.dismiss(member_id, "promotion")  # again: the date moves, one row
    assert promoted() == {}
    assert SuggestionDismissal.select().count() == 1
    with pytest.raises(ValueError):
        candidates.dismiss(member_id, "sideways")
    with pytest.raises(NotFound):
        candidates.dismiss(999, "promotion")


def test_accepting_a_promotion_makes_a_helper_with_the_reason(now: datetime) -> None:
    member_id = person("赵六")
    attend(member_id, 2)
    candidates.accept_promotion(member_id)
    assert Member.get_by_id(member_id).tier_id == tiers.helper_tier().id
    (change,) = TierChange.select()
    assert (change.from_tier_id, change.to_tier_id, change.at) == (rank(3), rank(2), now)
    assert change.reason == (
        "Promotion suggested: 2 meetups attended, member for 200 days, no strike in 180 days"
    )
    assert promoted() == {}
    with pytest.raises(ValidationError, match="already in “Helpers”"):
        candidates.accept_promotion(member_id)
    other = person("孙七", star=True)
    candidates.accept_promotion(other, "群里的灵魂人物")
    assert TierChange.get(TierChange.member == other).reason == "群里的灵魂人物"
    star = person("周八", seen_days_ago=30, star=True)
    strike(star, 3)
    candidates.accept_promotion(star)  # the default names only the criteria met
    assert TierChange.get(TierChange.member == star).reason == "Promotion suggested: star member"
    nobody = person("吴九", seen_days_ago=30)
    strike(nobody, 3)
    candidates.accept_promotion(nobody)  # the operator decides, even against the criteria
    assert TierChange.get(TierChange.member == nobody).reason == "Promoted to the helper tier"


# --- demotion ----------------------------------------------------------------------------


def test_a_silent_helper_appears_after_the_margin(now: datetime) -> None:
    member_id = person("钱八", tier_rank=2)
    care.log_checkin(member_id)
    assert demoted() == []
    clock.fix(now + timedelta(days=42))  # 3 × 14 days: not yet
    assert demoted() == []
    clock.fix(now + timedelta(days=42, seconds=1))
    (candidate,) = candidates.demotion_candidates()
    assert (candidate.name, candidate.met, candidate.tier) == ("钱八", ("silent",), "Helpers")
    assert candidate.silent_days == 42
    assert candidate.detail == "no logged interaction for 42 days (the margin is 42 days)"
    care.log_recognition(member_id, "谢谢", how="thanks")  # any interaction resets it
    assert demoted() == []


def test_silence_counts_from_first_seen_or_last_contacted(now: datetime) -> None:
    person("从没聊过", tier_rank=2, seen_days_ago=43)
    person("刚来的", tier_rank=2, seen_days_ago=10)
    noted = person("有记录", tier_rank=2, seen_days_ago=400)
    Member.update(last_contacted=now - timedelta(days=5)).where(Member.id == noted).execute()
    assert demoted() == ["从没聊过"]
    person("核心不算", tier_rank=1, seen_days_ago=400)
    person("普通不算", tier_rank=3, seen_days_ago=400)
    leave_every_group(person("走了不算", tier_rank=2, seen_days_ago=400))
    assert demoted() == ["从没聊过"]


def test_the_margin_and_cadence_come_from_settings_and_the_tier(now: datetime) -> None:
    member_id = person("周九", tier_rank=2)
    Interaction.create(member=member_id, kind="checkin", at=now - timedelta(days=30))
    assert demoted() == []
    candidates.set_demotion_margin(2)  # 28 days
    assert demoted() == ["周九"]
    tiers.update_tier(rank(2), checkin_days=20)  # 40 days
    assert demoted() == []
    tiers.update_tier(rank(2), checkin_days=None)  # no cadence: no suggestion
    assert demoted() == []
    candidates.accept_demotion(member_id)  # but the operator may still demote
    assert TierChange.get(TierChange.member == member_id).reason == "Moved below the helper tier"


def test_dismissing_and_accepting_a_demotion(now: datetime) -> None:
    quiet = person("吴十", tier_rank=2)
    other = person("郑十一", tier_rank=2)
    assert demoted() == ["吴十", "郑十一"]  # as silent as each other: by name (wu, zheng)
    candidates.dismiss(quiet, "demotion")
    candidates.dismiss(other, "promotion")  # another kind does not hide it
    assert demoted() == ["郑十一"]
    candidates.accept_demotion(other)
    assert Member.get_by_id(other).tier_id == rank(3)
    change = TierChange.get(TierChange.member == other)
    assert (change.from_tier_id, change.to_tier_id) == (rank(2), rank(3))
    assert change.reason == "Demotion suggested: no logged interaction for 200 days"
    assert demoted() == []
    with pytest.raises(ValidationError, match="not in the helper tier"):
        candidates.accept_demotion(other)
    clock.fix(now + timedelta(days=91))
    assert demoted() == ["吴十"]
    candidates.accept_demotion(quiet, "本人申请卸任")
    assert TierChange.get(TierChange.member == quiet).reason == "本人申请卸任"


def test_a_member_erased_takes_their_dismissals_along(now: datetime) -> None:
    from app.core.erase import erase_member

    member_id = person("要删除的人", star=True)
    candidates.dismiss(member_id, "promotion")
    erase_member(member_id)
    assert SuggestionDismissal.select().count() == 0


# --- query counts ------------------------------------------------------------------------


def test_suggestions_need_a_constant_number_of_queries(
    now: datetime, count_statements: Counter
) -> None:
    group = groups.create_group("读书会").id

    def grow(n: int) -> None:
        for i in range(n):
            member_id = person(f"成员{n}-{i}", tier_rank=2 + i % 3, star=i % 5 == 0)
            memberships.add_membership(member_id, group)
            attend(member_id, 2)
            if i % 7 == 0:
                strike(member_id, 10)
            if i % 9 == 0:
                candidates.dismiss(member_id, "promotion")

    def measure() -> tuple[int, int, int, int]:
        with count_statements() as up:
            ups = candidates.promotion_candidates()
        with count_statements() as down:
            downs = candidates.demotion_candidates()
        return len(up), len(down), len(ups), len(downs)

    grow(10)
    small = measure()
    grow(120)
    large = measure()
    assert large[:2] == small[:2]
    assert small[0] <= 2 and small[1] <= 3
    assert large[2] > small[2] and large[3] > small[3]


# --- one tier at a time, no flapping ------------------------------------------------------


def test_a_promotion_moves_one_tier_unless_another_is_picked(now: datetime) -> None:
    newcomer = person("冯一", tier_rank=4, star=True)
    assert [t.rank for t in candidates.move_targets(newcomer, "promotion")] == [3, 2, 1]
    assert candidates.accept_promotion(newcomer, "常来").rank == 3  # not straight to helpers
    change = TierChange.get(TierChange.member == newcomer)
    assert (change.from_tier_id, change.to_tier_id, change.reason) == (rank(4), rank(3), "常来")
    assert "冯一" in promoted()  # still below the helpers: the next step may come
    other = person("陈二", tier_rank=4)
    candidates.accept_promotion(other, "", to_tier_id=rank(2))  # the operator picks
    assert Member.get_by_id(other).tier_id == rank(2)
    with pytest.raises(ValidationError, match="陈二 is already in “Helpers”"):
        candidates.accept_promotion(other, to_tier_id=rank(1))
    with pytest.raises(ValidationError, match="冯一 cannot move up to that tier"):
        candidates.accept_promotion(newcomer, to_tier_id=rank(4))
    helper = person("褚三", tier_rank=2)
    assert [t.rank for t in candidates.move_targets(helper, "demotion")] == [3, 4]
    assert candidates.accept_demotion(helper, to_tier_id=rank(4)).rank == 4
    with pytest.raises(ValidationError, match="cannot move down to that tier"):
        candidates.accept_demotion(other, to_tier_id=rank(1))


def test_no_flapping_within_the_tier_margin(now: datetime) -> None:
    assert candidates.tier_margin_days() == 60
    climber = person("卫四", tier_rank=3)
    attend(climber, 2)
    candidates.accept_promotion(climber)
    assert Member.get_by_id(climber).tier_id == rank(2)
    clock.fix(now + timedelta(days=59))  # silent far past 3 × 14 days, but just promoted
    assert demoted() == []
    clock.fix(now + timedelta(days=61))
    assert demoted() == ["卫四"]
    candidates.accept_demotion(climber)
    assert promoted() == {}  # just demoted: not suggested back up
    candidates.set_tier_margin_days(0)
    assert "卫四" in promoted()
    candidates.set_tier_margin_days(30)
    clock.fix(now + timedelta(days=61 + 31))
    assert "卫四" in promoted()
    with pytest.raises(ValidationError, match="tier change margin must be a whole number"):
        candidates.set_tier_margin_days(400)
    assert candidates.tier_margin_days() == 30


def test_a_move_the_same_way_does_not_hide_a_candidate(now: datetime) -> None:
    member_id = person("蒋五", tier_rank=4)
    attend(member_id, 2)
    candidates.accept_promotion(member_id)  # 4 → 3, just now
    assert "蒋五" in promoted()
