"""The strike ladder: counting unexpired strikes, the stored ladder, and the next step."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.core import groups, members, memberships, rules, settings, strikes
from app.core.errors import ValidationError
from app.core.strikes import LadderStep, Suggestion
from app.core.violations import log_violation

NOW = datetime(2026, 3, 14, 12, 0)


@pytest.fixture
def member_in_group() -> tuple[int, int]:
    group = groups.create_group("读书群")
    member = members.create_member("张伟", qq="123456")
    memberships.add_membership(member.id, group.id)
    return member.id, group.id


def test_the_default_ladder_warns_mutes_then_removes() -> None:
    assert strikes.ladder() == [
        LadderStep(1, "warned"),
        LadderStep(2, "muted"),
        LadderStep(3, "removed"),
    ]
    assert [strikes.action_for(n) for n in (0, 1, 2, 3, 9)] == [
        "warned",
        "warned",
        "muted",
        "removed",
        "removed",
    ]


def test_strikes_weigh_rule_points_and_expire(member_in_group: tuple[int, int]) -> None:
    member_id, group_id = member_in_group
    spam = rules.create_rule("禁止广告", strike_points=2)
    log_violation(member_id, group_id, spam.id, at=NOW - timedelta(days=1), action="warned")
    log_violation(member_id, group_id, None, at=NOW - timedelta(days=2), action="warned")
    log_violation(member_id, group_id, None, at=NOW - timedelta(days=400), action="warned")
    assert strikes.strikes(member_id, NOW) == 3  # 2 points + 1 without a rule; the old one expired
    strikes.set_ladder([LadderStep(1, "warned"), LadderStep(5, "banned")], expiry_days=3650)
    assert strikes.strikes(member_id, NOW) == 4
    assert strikes.expiry_days() == 3650


def test_the_suggestion_counts_the_new_violation(member_in_group: tuple[int, int]) -> None:
    member_id, group_id = member_in_group
    log_violation(member_id, group_id, None, at=NOW - timedelta(days=1), action="warned")
    free = rules.create_rule("提醒", strike_points=0)
    assert strikes.suggest(member_id, None, NOW) == Suggestion(2, "muted")
    assert strikes.suggest(member_id, free.id, NOW) == Suggestion(1, "warned")


@pytest.mark.parametrize(
    ("steps", "expiry", "message"),
    [
        ([], 180, "1 to 10 steps"),
        ([LadderStep(2, "muted"), LadderStep(1, "warned")], 180, "more strikes than the step"),
        ([LadderStep(1, "warned")], 0, "strike expiry in days must be a whole number from 1"),
        ([LadderStep(0, "warned")], 180, "from 1 to 100"),
    ],
)
def test_a_bad_ladder_is_refused_and_nothing_stored(
    steps: list[LadderStep], expiry: int, message: str
) -> None:
    kept = [LadderStep(2, "muted"), LadderStep(4, "banned")]
    strikes.set_ladder(kept, 30)
    with pytest.raises(ValidationError, match=message):
        strikes.set_ladder(steps, expiry)
    assert strikes.ladder() == kept
    assert strikes.expiry_days() == 30


def test_a_damaged_stored_ladder_falls_back_to_the_default() -> None:
    settings.put("strike_ladder", [["x", "warned"]])
    settings.put("strike_expiry_days", True)
    assert strikes.ladder() == [LadderStep(*s) for s in settings.DEFAULTS["strike_ladder"]]
    assert strikes.expiry_days() == settings.DEFAULTS["strike_expiry_days"]
