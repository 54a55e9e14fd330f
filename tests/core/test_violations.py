"""Violations and the strike ladder: counting, suggestions, case numbers, the log, its filters."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, timedelta

import pytest

from app.core import bans, clock, groups, members, memberships, rules, settings, violations
from app.core.erase import erase_member
from app.core.errors import NotFound, ValidationError
from app.core.violations import LadderStep, Suggestion, ViolationFilter
from app.store.models import Interaction, Member, Membership, Setting, Task, Violation
from tests.core.conftest import StatementLog

Counter = Callable[[], AbstractContextManager[StatementLog]]
DEFAULT_LADDER = [LadderStep(1, "warned"), LadderStep(2, "muted"), LadderStep(3, "removed")]


@pytest.fixture
def place(now: datetime) -> dict[str, int]:
    """Two groups, two members in both, and rules worth 1, 3 and 0 points."""
    ids = {
        "reading": groups.create_group("读书会").id,
        "hiking": groups.create_group("爬山群").id,
        "zhang": members.create_member("张三").id,
        "li": members.create_member("李四").id,
        "spam": rules.create_rule("不刷屏", severity="notice", strike_points=1).id,
        "fraud": rules.create_rule("禁止诈骗", severity="removal", strike_points=3).id,
        "card": rules.create_rule("群名片格式", severity="notice", strike_points=0).id,
    }
    for member in (ids["zhang"], ids["li"]):
        for group in (ids["reading"], ids["hiking"]):
            memberships.add_membership(member, group, joined_at=now - timedelta(days=400))
    return ids


def log(place: dict[str, int], days_ago: float = 0, rule: str | None = "spam", **kw: object) -> int:
    member = place[str(kw.pop("who", "zhang"))]
    group = place[str(kw.pop("where", "reading"))]
    at = datetime(2026, 3, 14, 9, 30) - timedelta(days=days_ago)
    rule_id = None if rule is None else place[rule]
    action = kw.pop("action", "warned")
    return violations.log_violation(member, group, rule_id, at=at, action=action, **kw).id  # type: ignore[arg-type]


# --- the ladder ------------------------------------------------------------------------------


def test_the_default_ladder_and_expiry() -> None:
    assert violations.ladder() == DEFAULT_LADDER
    assert violations.expiry_days() == 180


def test_a_ladder_is_stored_and_read_back() -> None:
    steps = [LadderStep(1, "deleted"), LadderStep(3, "muted"), LadderStep(5, "banned")]
    violations.set_ladder(steps, 365)
    assert violations.ladder() == steps
    assert violations.expiry_days() == 365


@pytest.mark.parametrize(
    ("steps", "expiry", "message"),
    [
        ([LadderStep(1, "warned"), LadderStep(1, "muted")], 180, "more strikes than the step"),
        ([LadderStep(2, "warned"), LadderStep(1, "muted")], 180, "more strikes than the step"),
        ([LadderStep(0, "warned")], 180, "number of strikes of a ladder step must be"),
        ([LadderStep(1, "shouted")], 180, "Unknown action “shouted”"),
        ([], 180, "needs 1 to 10 steps"),
        ([LadderStep(n, "warned") for n in range(1, 12)], 180, "needs 1 to 10 steps"),
        (DEFAULT_LADDER, 0, "strike expiry in days must be a whole number from 1 to 3650"),
        (DEFAULT_LADDER, 3651, "from 1 to 3650"),
    ],
)
def test_bad_ladders_are_refused_and_nothing_is_written(
    steps: list[LadderStep], expiry: int, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        violations.set_ladder(steps, expiry)
    assert Setting.select().where(Setting.key.startswith("strike")).count() == 0
    assert violations.ladder() == DEFAULT_LADDER


def test_a_damaged_stored_ladder_falls_back_to_the_default() -> None:
    settings.put("strike_ladder", [[2, "warned"], [1, "muted"]])
    settings.put("strike_expiry_days", "soon")
    assert violations.ladder() == DEFAULT_LADDER
    assert violations.expiry_days() == 180


# --- strikes and suggestions -----------------------------------------------------------------


def test_strikes_weigh_rule_points_across_groups_until_they_expire(place: dict[str, int]) -> None:
    zhang = place["zhang"]
    assert violations.strikes(zhang) == 0
    log(place, days_ago=181)  # expired
    assert violations.strikes(zhang) == 0
    log(place, days_ago=180)  # the last day it counts
    assert violations.strikes(zhang) == 1
    log(place, days_ago=10, rule="fraud", where="hiking")  # 3 points, another group
    assert violations.strikes(zhang) == 4
    log(place, days_ago=5, rule="card")  # 0 points
    log(place, days_ago=4, rule=None)  # no rule: 1
    assert violations.strikes(zhang) == 5
    assert violations.strikes(place["li"]) == 0
    # handled violations still count; so do retired rules'
    violations.set_handled([v.id for v in Violation.select()])
    rules.retire_rule(place["fraud"])
    assert violations.strikes(zhang) == 5
    # a longer expiry brings the old one back; counting from another moment works too
    violations.set_ladder(DEFAULT_LADDER, 365)
    assert violations.strikes(zhang) == 6
    assert violations.strikes(zhang, now=datetime(2026, 3, 1)) == 2


def test_new_rule_points_weigh_on_past_violations(place: dict[str, int]) -> None:
    log(place, days_ago=3)
    rules.update_rule(place["spam"], strike_points=2)
    assert violations.strikes(place["zhang"]) == 2


def test_the_default_ladder_suggests_warn_then_mute_then_remove(place: dict[str, int]) -> None:
    zhang = place["zhang"]
    expected = [Suggestion(1, "warned"), Suggestion(2, "muted"), Suggestion(3, "removed")]
    expected.append(Suggestion(4, "removed"))
    for days_ago, suggestion in zip((40, 30, 20, 10), expected, strict=True):
        assert violations.suggest(zhang, place["spam"]) == suggestion
        log(place, days_ago=days_ago, action=suggestion.action)


def test_suggestions_follow_points_and_a_custom_ladder(place: dict[str, int]) -> None:
    zhang = place["zhang"]
    assert violations.suggest(zhang, place["fraud"]) == Suggestion(3, "removed")
    assert violations.suggest(zhang, None) == Suggestion(1, "warned")
    assert violations.suggest(zhang, place["card"]) == Suggestion(0, "warned")
    log(place, days_ago=1)
    log(place, days_ago=1)
    assert violations.suggest(zhang, place["card"]) == Suggestion(2, "warned")  # 0 points
    violations.set_ladder([LadderStep(2, "deleted"), LadderStep(4, "banned")], 180)
    assert violations.suggest(zhang, None) == Suggestion(3, "deleted")
    assert violations.suggest(place["li"], None) == Suggestion(1, "warned")  # below the ladder
    assert violations.suggest(zhang, place["fraud"]) == Suggestion(5, "banned")
    with pytest.raises(NotFound):
        violations.suggest(zhang, 999)


def test_logging_without_an_action_takes_the_suggestion(place: dict[str, int]) -> None:
    first = violations.log_violation(place["zhang"], place["reading"], place["spam"])
    second = violations.log_violation(place["zhang"], place["reading"], place["spam"])
    assert (first.action, second.action) == ("warned", "muted")
    assert Violation.get_by_id(second.id).at == datetime(2026, 3, 14, 9, 30)


# --- case numbers ----------------------------------------------------------------------------


def test_case_numbers_are_sequential_stable_and_never_reused(place: dict[str, int]) -> None:
    ids = [log(place, days_ago=d, who=who) for d, who in ((5, "zhang"), (4, "li"), (3, "li"))]
    assert [Violation.get_by_id(i).case_number for i in ids] == [1, 2, 3]
    violations.update_violation(ids[0], evidence="截图", action="muted", at=datetime(2026, 1, 2))
    assert Violation.get_by_id(ids[0]).case_number == 1
    clock_now = datetime(2026, 3, 14, 9, 30)
    assert clock_now > Violation.get_by_id(ids[0]).at  # edits of time do not renumber either
    erase_member(place["li"])  # takes cases 2 and 3 with them
    assert [v.case_number for v in Violation.select()] == [1]
    fourth = log(place, days_ago=1)
    assert Violation.get_by_id(fourth).case_number == 4


def test_case_numbers_continue_after_rows_written_without_the_service(
    place: dict[str, int],
) -> None:
    Violation.create(case_number=41, member=place["zhang"], at=datetime(2026, 1, 1))
    assert Violation.get_by_id(log(place)).case_number == 42


# --- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"member_id": 999}, "Member #999 no longer exists."),
        ({"member_id": None}, "Choose the member who broke the rule."),
        ({"group_id": 999}, "Group #999 no longer exists."),
        ({"rule_id": 999}, "Rule #999 no longer exists."),
        ({"at": datetime(2026, 3, 16, 0, 0)}, "A violation cannot be dated after today."),
        ({"at": "yesterday"}, "A date is not valid."),
        ({"evidence": "证" * 2001}, "The evidence can have at most 2000 characters."),
        ({"action": "shamed"}, "Unknown action “shamed”; use one of: warned, deleted, muted"),
    ],
)
def test_bad_violations_are_refused_and_nothing_is_written(
    place: dict[str, int], change: dict[str, object], message: str
) -> None:
    fields: dict[str, object] = {
        "member_id": place["zhang"],
        "group_id": place["reading"],
        "rule_id": place["spam"],
        "at": datetime(2026, 3, 14, 8, 0),
        "evidence": "",
        "action": "warned",
    }
    fields.update(change)
    with pytest.raises(ValidationError, match=message):
        violations.log_violation(**fields)  # type: ignore[arg-type]
    assert Violation.select().count() == 0
    assert settings.get("violation_last_case") == 0
    good = log(place, days_ago=1)
    with pytest.raises(ValidationError, match=message):
        violations.update_violation(good, **change)
    assert Violation.get_by_id(good).action == "warned"
    assert Violation.get_by_id(good).member_id == place["zhang"]


def test_later_today_is_allowed_and_aware_times_are_stored_as_utc(
    place: dict[str, int], now: datetime
) -> None:
    last_minute = clock.local_day_end(now) - timedelta(minutes=1)  # 23:59 today, local
    late = violations.log_violation(
        place["zhang"], place["reading"], None, at=last_minute, action="warned"
    )
    assert late.at == last_minute
    local = (last_minute - timedelta(hours=1)).replace(tzinfo=UTC).astimezone()
    aware = violations.log_violation(place["li"], None, None, at=local, action="warned")
    assert Violation.get_by_id(aware.id).at == last_minute - timedelta(hours=1)
    assert Violation.get_by_id(aware.id).group_id is None


def test_today_and_a_violations_date_are_local_days(
    place: dict[str, int], zone: Callable[[str], None]
) -> None:
    """At UTC+8 the local day starts eight hours before the UTC day."""
    zone("Asia/Shanghai")
    clock.fix(datetime(2026, 3, 14, 10, 0))  # 18:00 on the 14th in Shanghai
    tomorrow_4am = datetime(2026, 3, 14, 20, 0)  # still the 14th in UTC
    with pytest.raises(ValidationError, match="cannot be dated after today"):
        violations.log_violation(place["zhang"], place["reading"], None, at=tomorrow_4am)
    clock.fix(datetime(2026, 3, 14, 17, 30))  # 01:30 on the 15th in Shanghai
    case = violations.log_violation(place["zhang"], place["reading"], None, at=tomorrow_4am)
    assert clock.local_date(case.at) == date(2026, 3, 15)
    tonight = datetime(2026, 3, 15, 12, 0)  # 20:00 on the 15th: later today, and a strike now
    violations.log_violation(place["zhang"], place["reading"], place["fraud"], at=tonight)
    assert violations.strikes(place["zhang"]) == 1 + 3
    with pytest.raises(ValidationError, match="cannot be dated after today"):
        violations.log_violation(place["li"], None, None, at=datetime(2026, 3, 15, 16, 0))


def test_a_violation_keeps_its_retired_rule_when_edited(place: dict[str, int]) -> None:
    case = log(place, days_ago=2)
    rules.retire_rule(place["spam"])
    violations.update_violation(case, rule_id=place["spam"], evidence="补充截图")
    assert Violation.get_by_id(case).evidence == "补充截图"
    other = log(place, days_ago=1, rule="fraud")
    with pytest.raises(ValidationError, match="retired"):
        violations.update_violation(other, rule_id=place["spam"])
    with pytest.raises(NotFound, match="That violation no longer exists"):
        violations.update_violation(999, evidence="x")


# --- actions that ban or remove ----------------------------------------------------------------


def test_banned_as_an_action_bans_with_the_rule_title_in_the_same_transaction(
    place: dict[str, int], now: datetime
) -> None:
    case = violations.log_violation(
        place["zhang"],
        place["reading"],
        place["fraud"],
        action="banned",
    )
    member = Member.get_by_id(place["zhang"])
    assert (member.status, member.status_reason) == ("banned", "禁止诈骗")
    tasks = sorted((t.title, t.title_key) for t in Task.select().where(Task.kind == "spam_sweep"))
    assert tasks == [
        ("Remove 张三 from 爬山群", "ban.remove"),
        ("Remove 张三 from 读书会", "ban.remove"),
    ]
    assert Interaction.get(Interaction.kind == "ban").note == "禁止诈骗"
    assert case.action == "banned"


def test_a_refused_ban_rolls_the_violation_back(
    place: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*args: object, **kwargs: object) -> list[int]:
        raise ValidationError("A ban needs a reason.")

    monkeypatch.setattr(violations, "ban_member", failing)
    with pytest.raises(ValidationError):
        log(place, action="banned")
    assert Violation.select().count() == 0
    assert settings.get("violation_last_case") == 0


def test_removed_as_an_action_takes_the_member_out_of_that_group(place: dict[str, int]) -> None:
    log(place, days_ago=1, action="removed", where="hiking")
    query = Membership.select().where(Membership.member == place["zhang"])
    rows = {m.group_id: (m.left_at, m.status) for m in query}
    assert rows[place["hiking"]] == (datetime(2026, 3, 13, 9, 30), "removed")
    assert rows[place["reading"]] == (None, "active")
    assert Member.get_by_id(place["zhang"]).status == "active"


def test_an_edit_to_banned_bans_and_an_edit_away_does_not_unban(place: dict[str, int]) -> None:
    case = log(place, days_ago=1)
    violations.update_violation(case, evidence="更正")
    assert not bans.is_banned(place["zhang"])
    violations.update_violation(case, action="banned")
    assert bans.is_banned(place["zhang"])
    violations.update_violation(case, action="muted")
    assert bans.is_banned(place["zhang"])
    assert Interaction.select().where(Interaction.kind == "ban").count() == 1


# --- handled and open ------------------------------------------------------------------------


def test_set_handled_and_reopen(place: dict[str, int], now: datetime) -> None:
    a, b, c = (log(place, days_ago=d) for d in (3, 2, 1))
    violations.set_handled([a], now=now - timedelta(days=1))
    violations.set_handled([a, b, b])  # a keeps its first handled time
    assert Violation.get_by_id(a).handled_at == now - timedelta(days=1)
    assert Violation.get_by_id(b).handled_at == now
    assert violations.open_count() == 1
    assert violations.open_count(place["reading"]) == 1
    assert violations.open_count(place["hiking"]) == 0
    violations.set_handled([a], handled=False)
    assert Violation.get_by_id(a).handled_at is None
    assert violations.open_count() == 2
    assert c


# --- the log ---------------------------------------------------------------------------------


def test_list_violations_rows_newest_first_with_names_and_points(place: dict[str, int]) -> None:
    old = log(place, days_ago=30, rule="fraud", evidence="骗钱截图", action="removed")
    new = log(place, days_ago=1, rule=None, who="li", where="hiking")
    rows = violations.list_violations()
    assert [r.id for r in rows] == [new, old]
    assert rows[1] == violations.ViolationRow(
        id=old,
        case_number=1,
        at=datetime(2026, 2, 12, 9, 30),
        member_id=place["zhang"],
        member_name="张三",
        group_id=place["reading"],
        group_name="读书会",
        rule_id=place["fraud"],
        rule_title="禁止诈骗",
        points=3,
        evidence="骗钱截图",
        action="removed",
        handled_at=None,
    )
    assert (rows[0].rule_id, rows[0].rule_title, rows[0].points) == (None, "", 1)
    assert violations.violation_row(old) == rows[1]
    with pytest.raises(NotFound):
        violations.violation_row(999)


def test_list_violations_filters(place: dict[str, int], now: datetime) -> None:
    a = log(place, days_ago=40, rule="fraud")
    b = log(place, days_ago=20, who="li")
    c = log(place, days_ago=10, where="hiking")
    d = log(place, days_ago=1, who="li", where="hiking", rule="card")
    violations.set_handled([a, c])

    def ids(**kw: object) -> list[int]:
        return [r.id for r in violations.list_violations(ViolationFilter(**kw))]  # type: ignore[arg-type]

    assert ids() == [d, c, b, a]
    assert ids(group_id=place["hiking"]) == [d, c]
    assert ids(member_id=place["li"]) == [d, b]
    assert ids(rule_id=place["spam"]) == [c, b]
    assert ids(open=True) == [d, b]
    assert ids(open=False) == [c, a]
    assert ids(since=now - timedelta(days=20)) == [d, c, b]  # inclusive
    assert ids(until=now - timedelta(days=10)) == [b, a]  # exclusive
    assert ids(member_id=place["li"], open=True, group_id=place["reading"]) == [b]
    assert [r.id for r in violations.list_violations(limit=2)] == [d, c]
    assert [r.id for r in violations.violations_of(place["zhang"])] == [c, a]


def test_the_log_and_strikes_cost_the_same_few_queries_at_any_size(
    place: dict[str, int], count_statements: Counter
) -> None:
    def measure() -> list[int]:
        sizes = []
        for call in (
            violations.list_violations,
            lambda: violations.violations_of(place["zhang"]),
            lambda: violations.strikes(place["zhang"]),
            violations.open_count,
        ):
            with count_statements() as statements:
                call()
            sizes.append(len(statements))
        return sizes

    for _ in range(3):
        log(place, days_ago=2)
    small = measure()
    for n in range(40):
        log(place, days_ago=n % 30, who=("zhang", "li")[n % 2], where=("reading", "hiking")[n % 2])
    assert measure() == small == [1, 1, 2, 1]  # strikes: the expiry setting, then the sum
