"""Group health: each finding appears in its situation and goes when it is fixed (PRODUCT.md §4)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta

import pytest

from app.core import care, health, health_findings, health_thresholds, members, settings
from app.store.models import (
    Group,
    GroupRule,
    Interaction,
    Meetup,
    MeetupGroup,
    Member,
    Membership,
    Rule,
    Task,
    Tier,
    Violation,
)
from tests.core.conftest import StatementLog

Counter = Callable[[], AbstractContextManager[StatementLog]]
NOW = datetime(2026, 3, 14, 9, 30)


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def rank(r: int) -> int:
    return Tier.get(Tier.rank == r).id


def person(name: str, tier_rank: int = 4, **fields: object) -> int:
    """A member first seen a year before "now"."""
    member_id = members.create_member(name, tier_id=rank(tier_rank), **fields).id
    Member.update(first_seen=ago(365)).where(Member.id == member_id).execute()
    return member_id


def join(member_id: int, group_id: int, **fields: object) -> None:
    Membership.create(member=member_id, group=group_id, **fields)


def crowd(group_id: int, count: int, prefix: str = "m", **fields: object) -> list[int]:
    """``count`` plain members in the group."""
    ids = []
    for i in range(count):
        member_id = Member.create(
            name=f"{prefix}{group_id}-{i}",
            sort_key=f"{prefix}{i}",
            tier=rank(4),
            first_seen=ago(365),
        ).id
        join(member_id, group_id, **fields)
        ids.append(member_id)
    return ids


def healthy(name: str = "读书会", kind: str = "other") -> int:
    """A group with nothing to find: recent talk, rules, profile, a meetup, few members."""
    group = Group.create(
        name=name,
        sort_key=name,
        platform="wechat",
        kind=kind,
        description="每周一本书",
        announcement="欢迎",
        created_at=ago(100),
    )
    Interaction.create(group=group.id, kind="topic", at=ago(1))
    rule = Rule.create(title=f"不发广告 {name}")
    GroupRule.create(group=group.id, rule=rule.id)
    meetup = Meetup.create(title="聚会", start_at=ago(-10), end_at=ago(-10))
    MeetupGroup.create(meetup=meetup.id, group=group.id)
    crowd(group.id, 5)
    return group.id


def codes(group_id: int) -> list[str]:
    return [f.code for f in health.group_health(group_id).findings]


def finding(group_id: int, code: str) -> health_findings.Finding:
    return next(f for f in health.group_health(group_id).findings if f.code == code)


def test_a_healthy_group_has_no_findings_and_scores_100(now: datetime) -> None:
    group_id = healthy()
    result = health.group_health(group_id)
    assert result.findings == ()
    assert (result.score, result.status, result.members) == (100, "alive", 5)
    assert result.last_interaction == ago(1)


def test_silent_and_quiet_follow_the_cadence(now: datetime) -> None:
    group_id = healthy()
    Interaction.delete().execute()
    Interaction.create(group=group_id, kind="topic", at=ago(23))
    assert codes(group_id) == ["silent"]
    silent = finding(group_id, "silent")
    assert silent.severity == "critical" and silent.action == "topic"
    assert silent.message == "No interaction for 23 days — this group's rhythm is every 7 days."
    Interaction.create(group=group_id, kind="topic", at=ago(10))
    assert codes(group_id) == ["quiet"]
    assert finding(group_id, "quiet").params == {"days": 10, "cadence": 7}
    Group.update(cadence_days=14).where(Group.id == group_id).execute()
    assert codes(group_id) == []
    Group.update(cadence_days=None).where(Group.id == group_id).execute()
    Interaction.create(group=group_id, kind="topic", at=ago(2))
    assert codes(group_id) == []


def test_a_completed_task_counts_as_an_interaction(now: datetime) -> None:
    group_id = healthy()
    Interaction.delete().execute()
    Interaction.create(group=group_id, kind="topic", at=ago(40))
    assert "silent" in codes(group_id)
    Task.create(title="t", group=group_id, status="done", done_at=ago(3), created_at=ago(5))
    assert codes(group_id) == []


def test_a_group_never_interacted_with_counts_from_its_creation(now: datetime) -> None:
    group_id = healthy()
    Interaction.delete().execute()
    assert codes(group_id) == ["silent"]
    assert "100 days since the group was added" in finding(group_id, "silent").message
    assert health.group_health(group_id).last_interaction is None
    Group.update(created_at=ago(3)).where(Group.id == group_id).execute()
    assert codes(group_id) == []


def test_self_sustaining_groups_get_twice_the_cadence(now: datetime) -> None:
    group_id = healthy()
    Interaction.delete().execute()
    Interaction.create(group=group_id, kind="topic", at=ago(10))
    assert codes(group_id) == ["quiet"]
    Group.update(kind="interest").where(Group.id == group_id).execute()
    assert codes(group_id) == ["self_sustaining"]
    assert finding(group_id, "self_sustaining").severity == "good"
    assert health.group_health(group_id).score == 100
    Group.update(kind="customers").where(Group.id == group_id).execute()
    star = person("明星", star=True)
    join(star, group_id)
    assert codes(group_id) == ["self_sustaining"]
    Interaction.delete().execute()
    Interaction.create(group=group_id, kind="topic", at=ago(43))  # over 3 × 14
    assert codes(group_id) == ["silent", "self_sustaining"]
    Member.update(star=False).where(Member.id == star).execute()
    assert codes(group_id) == ["silent"]


def test_broken_windows_old_open_violations_and_banned_members(now: datetime) -> None:
    group_id = healthy()
    offender = person("广告")
    join(offender, group_id)
    Violation.create(case_number=1, member=offender, group=group_id, at=ago(1))
    assert codes(group_id) == []  # open for a day only
    Violation.update(at=ago(3)).execute()
    assert codes(group_id) == ["broken_windows"]
    found = finding(group_id, "broken_windows")
    assert (found.severity, found.action) == ("critical", "clear_violations")
    assert found.message == "Violations open for more than 2 days: 1."
    Violation.update(handled_at=ago(0)).execute()
    assert codes(group_id) == []
    Member.update(status="banned").where(Member.id == offender).execute()
    assert codes(group_id) == ["broken_windows"]
    assert finding(group_id, "broken_windows").params["banned"] == 1
    Membership.update(left_at=ago(0)).where(Membership.member == offender).execute()
    assert codes(group_id) == []


def test_days_are_local_calendar_days(now: datetime, zone: Callable[[str], None]) -> None:
    """Now is Saturday 17:30 in Shanghai; 23:00 local is 15:00 UTC the same day."""
    zone("Asia/Shanghai")
    group_id = healthy()
    Interaction.delete().execute()
    Interaction.create(group=group_id, kind="topic", at=datetime(2026, 3, 6, 15, 0))
    assert finding(group_id, "quiet").params == {"days": 8, "cadence": 7}  # 7 days 18.5 hours
    helper = person("骨干", tier_rank=2)
    join(helper, group_id)
    Interaction.create(member=helper, kind="checkin", at=datetime(2026, 2, 28, 15, 0))
    assert "helpers_neglected" in codes(group_id)  # 14 days ago, 13 days 18.5 hours
    assert [(r.name, r.days_overdue) for r in care.care_list()] == [("骨干", 0)]  # due today
    offender = person("广告")
    Violation.create(case_number=1, member=offender, group=group_id, at=datetime(2026, 3, 11, 15))
    assert "broken_windows" in codes(group_id)  # open since Wednesday, 2 days 18.5 hours


def test_no_rules_until_one_is_adopted_and_not_retired(now: datetime) -> None:
    group_id = healthy()
    Rule.update(retired_at=ago(1)).execute()
    assert codes(group_id) == ["no_rules"]
    assert finding(group_id, "no_rules").action == "rules"
    Rule.update(retired_at=None).execute()
    assert codes(group_id) == []
    GroupRule.delete().execute()
    assert codes(group_id) == ["no_rules"]


def test_thin_profile_when_description_or_announcement_is_empty(now: datetime) -> None:
    group_id = healthy()
    Group.update(announcement="  ").where(Group.id == group_id).execute()
    assert codes(group_id) == ["thin_profile"]
    assert finding(group_id, "thin_profile").message == "The group's announcement is empty."
    Group.update(description="").where(Group.id == group_id).execute()
    assert "description and announcement" in finding(group_id, "thin_profile").message
    Group.update(description="d", announcement="a").where(Group.id == group_id).execute()
    assert codes(group_id) == []


def test_no_second_level_above_50_members_without_a_helper(now: datetime) -> None:
    group_id = healthy()
    crowd(group_id, 45)  # 50 members: not more than 50
    assert codes(group_id) == []
    extra = crowd(group_id, 2, prefix="x")
    assert codes(group_id) == ["no_second_level"]
    assert finding(group_id, "no_second_level").params == {"members": 52}
    assert finding(group_id, "no_second_level").action == "appoint_helper"
    Membership.update(role="admin").where(Membership.member.in_(extra)).execute()
    assert codes(group_id) == []
    Membership.update(role="member").where(Membership.member.in_(extra)).execute()
    Member.update(tier=rank(2), last_contacted=ago(1)).where(Member.id.in_(extra)).execute()
    assert codes(group_id) == []


def test_helpers_stretched_above_the_span_target(now: datetime) -> None:
    group_id = healthy()
    helper = person("骨干", tier_rank=1)
    join(helper, group_id)
    crowd(group_id, 50)  # 56 members, 1 helper
    assert codes(group_id) == ["helpers_stretched"]
    assert finding(group_id, "helpers_stretched").params == {"per_helper": 56, "target": 50}
    settings.put("helper_span_target", 60)
    assert codes(group_id) == []
    settings.put("helper_span_target", 50)
    second = person("骨干二", tier_rank=1)
    join(second, group_id)
    assert codes(group_id) == []


def test_helpers_neglected_after_14_days_without_contact(now: datetime) -> None:
    group_id = healthy()
    helper = person("骨干", tier_rank=2)
    join(helper, group_id)
    Interaction.create(member=helper, kind="checkin", at=ago(15))
    assert codes(group_id) == ["helpers_neglected"]
    found = finding(group_id, "helpers_neglected")
    assert (found.action, found.params["names"]) == ("checkin", "骨干")
    Interaction.create(member=helper, kind="checkin", at=ago(2))
    assert codes(group_id) == []
    Interaction.delete().where(Interaction.member == helper).execute()
    Member.update(last_contacted=ago(3)).where(Member.id == helper).execute()
    assert codes(group_id) == []
    Member.update(last_contacted=None).where(Member.id == helper).execute()
    assert codes(group_id) == ["helpers_neglected"]  # never contacted, seen a year ago
    Tier.update(checkin_days=None).where(Tier.rank == 2).execute()
    assert codes(group_id) == []


def test_a_finding_names_five_helpers_then_says_how_many_more(now: datetime) -> None:
    group_id = healthy()
    names = [f"骨干{i:02d}" for i in range(12)]
    for name in names:
        join(person(name, tier_rank=2), group_id)
    found = finding(group_id, "helpers_neglected")
    assert found.params["people"] == tuple(names) and found.params["count"] == 12
    assert found.message == (
        "Helpers not contacted for 14 days or more: "
        "骨干00、骨干01、骨干02、骨干03、骨干04 and 7 more."
    )
    # five: all named
    assert health_findings.people_params(names[:5])["names"] == "、".join(names[:5])


def test_mostly_silent_members_with_last_spoke_data(now: datetime) -> None:
    group_id = healthy()
    crowd(group_id, 9, prefix="s", last_spoke_at=ago(40))
    assert codes(group_id) == []  # data for 9 members only
    talker = crowd(group_id, 1, prefix="t", last_spoke_at=ago(40))
    assert codes(group_id) == ["mostly_silent"]
    assert finding(group_id, "mostly_silent").params == {"percent": 100, "days": 30}
    Membership.update(last_spoke_at=ago(1)).where(Membership.member == talker[0]).execute()
    assert codes(group_id) == ["mostly_silent"]  # 90 % over 80 %
    Membership.update(last_spoke_at=ago(1)).where(
        Membership.member.in_(Member.select(Member.id).where(Member.name.startswith("s")))
    ).execute()
    assert codes(group_id) == []


def test_no_meetup_in_the_window_past_or_planned(now: datetime) -> None:
    group_id = healthy()
    Meetup.update(start_at=ago(200), end_at=ago(200)).execute()
    assert codes(group_id) == ["no_meetup"]
    found = finding(group_id, "no_meetup")
    assert (found.severity, found.action) == ("info", "meetup")
    Meetup.update(start_at=ago(100), end_at=ago(100)).execute()
    assert codes(group_id) == []
    Meetup.update(status="cancelled").execute()
    assert codes(group_id) == ["no_meetup"]


def test_score_and_status_arithmetic(now: datetime) -> None:
    assert [health_findings.status_for(s) for s in (100, 80, 79, 50, 49, 0)] == [
        "alive", "alive", "attention", "attention", "dying", "dying",
    ]  # fmt: skip
    group_id = healthy()
    Meetup.delete().execute()
    assert (health.group_health(group_id).score, health.group_health(group_id).status) == (
        97,
        "alive",
    )
    Group.update(description="").where(Group.id == group_id).execute()
    GroupRule.delete().execute()
    result = health.group_health(group_id)
    assert (result.score, result.status) == (77, "attention")
    Interaction.delete().execute()
    offender = person("广告")
    join(offender, group_id)
    Member.update(status="banned").where(Member.id == offender).execute()
    result = health.group_health(group_id)
    assert [f.severity for f in result.findings] == [
        "critical", "critical", "warning", "warning", "info",
    ]  # fmt: skip
    assert (result.score, result.status) == (17, "dying")
    crowd(group_id, 60, last_spoke_at=ago(60))  # no second level, mostly silent: still ≥ 0
    result = health.group_health(group_id)
    assert (result.score, result.status) == (0, "dying")


def test_all_health_covers_live_groups_worst_first(now: datetime) -> None:
    good = healthy("好群")
    bad = healthy("坏群")
    gone = healthy("旧群")
    GroupRule.delete().where(GroupRule.group == bad).execute()
    Group.update(archived=True).where(Group.id == gone).execute()
    assert [h.group_id for h in health.all_health()] == [bad, good]
    assert health.group_health(gone).status == "alive"


def build(count: int) -> None:
    for i in range(count):
        group_id = healthy(f"群{i}")
        helper = person(f"骨干{i}", tier_rank=2)
        join(helper, group_id)
        Violation.create(case_number=i + 1, member=helper, group=group_id, at=ago(5))


@pytest.mark.parametrize("count", [3, 30])
def test_all_health_runs_a_constant_number_of_queries(
    now: datetime, count_statements: Counter, count: int
) -> None:
    build(count)
    with count_statements() as first:
        health.all_health()
    with count_statements() as log:
        result = health.all_health()
    assert len(result) == count
    # settings, groups, last, the operator's last chat day; the memberships' four counts
    # (members, staff, spoke, newcomers); inactive members, top tiers and stars; violations,
    # rules, meetups, helpers; activity's groups, weeks, the window of the last 30 days and
    # their sums (no chat: no speakers to name), and ad-like messages
    assert len(log) == 20
    # the first look fills the last 30 days' figures: without waiting for another writer
    # (the busy timeout off, then back), in a transaction that sees the window still unheld,
    # empties both tables, sums the daily counts and writes the window
    assert len(first) == len(log) + 9
    assert all("broken_windows" in [f.code for f in h.findings] for h in result)


def test_weekly_activity_counts_rolling_weeks_oldest_first(now: datetime) -> None:
    group_id = healthy()
    Interaction.delete().execute()
    for days in (0.5, 1, 6.9, 7.5, 30, 83, 90):
        Interaction.create(group=group_id, kind="topic", at=ago(days))
    weeks = health.weekly_activity(group_id, now=now)
    assert len(weeks) == 12
    assert weeks[-1] == 3 and weeks[-2] == 1 and weeks[-5] == 1 and weeks[0] == 1
    assert sum(weeks) == 6  # 90 days ago is before the 12 weeks
    assert health.weekly_activity(group_id, weeks=4, now=now) == [0, 0, 1, 3]


def test_thresholds_change_the_findings(now: datetime) -> None:
    group_id = healthy()
    Interaction.delete().execute()
    Interaction.create(group=group_id, kind="topic", at=ago(23))
    health_thresholds.set_thresholds(silence_multiplier=4)
    assert codes(group_id) == ["quiet"]
    health_thresholds.set_thresholds(group_cadence_days=30)
    assert codes(group_id) == []
