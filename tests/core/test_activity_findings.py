"""Group health's findings from chat history (PRODUCT.md §4b), each built from chat exports
imported as a person would, seen at its threshold, and gone once the situation is fixed."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from app.core import activity, clock, groups, health, violations
from app.core.health_findings import Finding
from app.store.models import Group, Interaction, Member
from tests.core.chat_samples import ME, ChatLog


def today() -> date:
    return clock.local_today()


def findings(group: int) -> dict[str, Finding]:
    return {f.code: f for f in health.group_health(group).findings}


def member_id(name: str) -> int:
    return int(Member.get(Member.name == name).id)


def chatter(log: ChatLog, count: int, day: date | None = None, start: int = 0) -> None:
    """``count`` messages, one each from members 闲聊1, 闲聊2, … (nobody stands out)."""
    for i in range(count):
        log.say(f"4{start + i:04d}", f"闲聊{start + i}", day or today())


def test_activity_falling_at_half_critical_at_a_quarter_and_gone_when_talk_returns(
    now: datetime, tmp_path: Path
) -> None:
    mondays = activity.week_starts()
    log = ChatLog()
    for week in range(9, 21):  # the 12 weeks before: 40 a week
        log.say("20001", "王芳", mondays[week], 40)
    for week in range(21, 25):
        log.say("20001", "王芳", mondays[week], 20)  # the last 4 weeks: 20 a week, trend 0.5
    group = log.imported(tmp_path)
    found = findings(group)["activity_falling"]
    assert found.severity == "warning"
    assert found.params == {"recent": 20, "earlier": 40, "percent": 50, "trend": 0.5}
    assert found.message == (
        "Activity falling: 20 messages a week over the last 4 weeks, against 40 in the 12"
        " weeks before (50%)."
    )
    assert health.group_health(group).score <= 90
    more = ChatLog()
    for week in range(21, 25):
        more.say("20001", "王芳", mondays[week] + timedelta(days=1), 1)  # 21 a week: 0.525
    more.imported(tmp_path / "more")
    assert "activity_falling" not in findings(group)


def test_activity_collapsing_is_critical(now: datetime, tmp_path: Path) -> None:
    mondays = activity.week_starts()
    log = ChatLog()
    for week in range(9, 21):
        log.say("20001", "王芳", mondays[week], 40)
    for week in range(21, 25):
        log.say("20001", "王芳", mondays[week], 10)  # trend 0.25
    group = log.imported(tmp_path)
    found = findings(group)["activity_falling"]
    assert (found.severity, found.params["percent"]) == ("critical", 25)


def test_no_activity_finding_without_enough_data_or_without_chat_history(
    now: datetime, tmp_path: Path
) -> None:
    mondays = activity.week_starts()
    log = ChatLog()
    for week in range(9, 21):
        log.say("20001", "王芳", mondays[week], 19)  # 19 a week before, none since: no data
    log.say(ME, "群主", today(), 30)  # the operator alone: would be a monologue
    group = log.imported(tmp_path)
    codes = set(findings(group))
    assert not codes & {"activity_falling", "operator_monologue", "one_voice"}
    bare = groups.create_group("没有聊天记录").id
    assert not set(findings(bare)) & set(health_codes())


def health_codes() -> list[str]:
    from app.core.activity_findings import CODES

    return list(CODES)


def test_one_voice_above_half_of_the_messages(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    log.say("20001", "王芳", today(), 51)
    chatter(log, 49)
    group = log.imported(tmp_path)
    found = findings(group)["one_voice"]
    assert found.params == {
        "member_id": member_id("王芳"),
        "name": "王芳",
        "messages": 51,
        "total": 100,
        "percent": 51,
    }
    assert "王芳 sent 51% of the last 30 days' 100 messages" in found.message
    more = ChatLog()
    chatter(more, 2, start=100)  # 51 of 102: exactly half is no longer "more than half"
    more.imported(tmp_path / "more")
    assert "one_voice" not in findings(group)


def test_operator_monologue_above_half(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    log.say(ME, "群主", today(), 51)
    chatter(log, 49)
    group = log.imported(tmp_path)
    found = findings(group)["operator_monologue"]
    assert found.params == {"messages": 51, "total": 100, "percent": 51}
    assert "one_voice" not in findings(group)  # the operator is no member
    more = ChatLog()
    chatter(more, 2, start=100)
    more.imported(tmp_path / "more")
    assert "operator_monologue" not in findings(group)


def test_newcomers_silent_when_ten_joined_and_under_a_fifth_spoke(
    now: datetime, tmp_path: Path
) -> None:
    log = ChatLog()
    chatter(log, 60)  # enough data
    for i in range(10):
        log.join(f"新人{i}", today() - timedelta(days=80 - i))
    log.say("50000", "新人0", today())
    group = log.imported(tmp_path)
    found = findings(group)["newcomers_silent"]
    assert found.params == {"joined": 10, "spoke": 1, "percent": 10}
    assert found.message == (
        "Newcomers silent: 1 of the 10 members who joined in the last 90 days have spoken (10%)."
    )
    more = ChatLog()
    more.say("50001", "新人1", today())  # 2 of 10: 20 % is not under 20 %
    more.imported(tmp_path / "more")
    assert "newcomers_silent" not in findings(group)


def test_newcomers_silent_needs_ten_of_them(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    chatter(log, 60)
    for i in range(9):
        log.join(f"新人{i}", today() - timedelta(days=3))
    group = log.imported(tmp_path)
    assert "newcomers_silent" not in findings(group)


def test_ads_standing_is_critical_until_a_violation_is_logged(
    now: datetime, tmp_path: Path
) -> None:
    ad = "加微信 abc12345 领取优惠券"
    log = ChatLog()
    chatter(log, 60)
    log.say("20001", "王芳", today() - timedelta(days=13), text=ad)
    log.say("20002", "李雷", today() - timedelta(days=14), text=ad + "！")  # 15 days: too old
    group = log.imported(tmp_path)
    found = findings(group)["ads_standing"]
    assert found.severity == "critical"
    (evidence,) = found.params["ads"]
    assert (evidence["member_id"], evidence["name"], evidence["excerpt"]) == (
        member_id("王芳"),
        "王芳",
        ad,
    )
    assert found.message == (
        "Ads left standing: 1 ad-like messages in the last 14 days with no violation logged,"
        " from 王芳."
    )
    violations.log_violation(member_id("王芳"), group, None, evidence=ad)
    assert "ads_standing" not in findings(group)


def test_a_soul_figure_relaxes_the_cadence(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    start = today() - timedelta(days=29)
    log.every_day("20001", "王芳", start, start + timedelta(days=7), 3)  # 24 on 8 days
    chatter(log, 60)
    group = log.imported(tmp_path)
    groups.update_group(group, cadence_days=7)
    Interaction.create(group=group, kind="topic", at=now - timedelta(days=10))
    found = findings(group)
    assert found["soul_figure"].params["people"] == ("王芳",)
    assert found["soul_figure"].params["percent"] == round(100 * 24 / 84)
    assert "quiet" not in found  # 10 days against a relaxed 14
    more = ChatLog()
    chatter(more, 120, day=today() - timedelta(days=1), start=200)  # 24 of 204: under 15 %
    more.imported(tmp_path / "more")
    found = findings(group)
    assert "soul_figure" not in found and found["quiet"].params == {"days": 10, "cadence": 7}


def test_the_operators_messages_in_the_chat_are_interactions(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    log.say("20001", "王芳", today() - timedelta(days=40))
    group = log.imported(tmp_path)
    groups.update_group(group, cadence_days=7)
    Group.update(created_at=now - timedelta(days=60)).where(Group.id == group).execute()
    Interaction.delete().execute()
    assert "silent" in findings(group)
    mine = ChatLog()
    mine.say(ME, "群主", today() - timedelta(days=8))
    mine.imported(tmp_path / "mine")
    found = findings(group)
    assert "silent" not in found and found["quiet"].params["days"] == 8
    # read from the daily counts themselves, even without the interactions the import writes
    Interaction.delete().execute()
    found = findings(group)
    assert "silent" not in found and found["quiet"].params["days"] == 8


def test_falling_groups_rank_higher_in_the_today_plan(now: datetime, tmp_path: Path) -> None:
    from app.core import suggestions

    assert activity.falling_factor(None) == activity.falling_factor(1.2) == 1.0
    assert activity.falling_factor(0.5) == 2.0 and activity.falling_factor(0.1) == 4.0
    mondays = activity.week_starts()
    made = {}
    for name, recent in (("稳定群", 40), ("下滑群", 16)):
        log = ChatLog(name=name, group_id=name)
        for week in range(9, 25):
            log.say("20001", "王芳", mondays[week], 40 if week < 21 else recent)
        made[name] = log.imported(tmp_path / name)
    falling = health.group_health(made["下滑群"]).activity
    assert falling is not None and falling.trend == 0.4
    ranked = [s for s in suggestions.ranked(now) if s.code == "no_rules"]
    assert [s.group_name for s in ranked] == ["下滑群", "稳定群"]
    assert ranked[0].impact == 2.5 * ranked[1].impact


def test_a_silent_group_falling_too_gets_one_topic_suggestion(
    now: datetime, tmp_path: Path
) -> None:
    from app.core import suggested_tasks, suggestions

    mondays = activity.week_starts()
    log = ChatLog()
    for week in range(9, 25):
        for i in range(4):  # four voices, 40 messages a week, then 12: trend 0.3
            log.say(f"2000{i}", f"闲聊{i}", mondays[week], 10 if week < 21 else 3)
    group = log.imported(tmp_path)
    Group.update(created_at=now - timedelta(days=120)).where(Group.id == group).execute()
    Interaction.delete().where(Interaction.group == group).execute()
    assert {"silent", "activity_falling"} <= set(findings(group))
    topics = [s for s in suggestions.candidates(now) if s.group_id == group and s.kind == "topic"]
    assert [(s.code, s.title_key) for s in topics] == [("silent", "silent")]
    # dismissed, the falling activity does not bring the same topic back
    suggested_tasks.dismiss_candidate(topics[0].key, now)
    assert not [s for s in suggestions.candidates(now) if s.group_id == group and s.kind == "topic"]
