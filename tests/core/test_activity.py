"""Activity from chat history (PRODUCT.md §4b), measured from chat exports imported as a
person would: weekly messages and speakers, trend, speaking share, soul figures, who went
quiet, newcomers, ad-like messages, a member's presence; all groups in a fixed number of
queries."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime, timedelta
from pathlib import Path

from app.core import activity, groups, violations
from app.core.activity import Week
from app.core.chat_effects import FLAG_AD
from app.store.models import Member, Membership, Message, db
from tests.core.chat_samples import ME, ChatLog
from tests.core.conftest import StatementLog


def today() -> date:
    from app.core import clock

    return clock.local_today()


def member_id(name: str) -> int:
    return int(Member.get(Member.name == name).id)


def test_weeks_messages_speakers_operator_share_and_trend(now: datetime, tmp_path: Path) -> None:
    mondays = activity.week_starts()
    assert len(mondays) == 26 and mondays[-1] <= today() < mondays[-1] + timedelta(days=7)
    assert all(m.weekday() == 0 for m in mondays)
    log = ChatLog()
    for week in range(9, 21):  # the 12 complete weeks before the last 4: 40 a week
        log.say("20001", "王芳", mondays[week], 20)
        log.say("20002", "李雷", mondays[week] + timedelta(days=2), 20)
    for week in range(21, 25):  # the last 4 complete weeks: 10 a week
        log.say("20001", "王芳", mondays[week], 10)
    log.say(ME, "群主", mondays[25], 3)  # the operator, this week
    group = log.imported(tmp_path)
    found = activity.group_activity(now=now)[group]
    assert found.has_history and found.name == "读书会"
    assert found.weekly[9] == Week(mondays[9], 40, 2, 0)
    assert found.weekly[24] == Week(mondays[24], 10, 1, 0)
    assert found.weekly[-1] == Week(mondays[25], 3, 0, 3)
    assert found.weekly[0] == Week(mondays[0], 0, 0, 0)
    assert (found.recent_weekly, found.earlier_weekly) == (10, 40)
    assert found.trend == 0.25 and found.enough_data
    since = today() - timedelta(days=29)
    in_30 = [m for m in mondays[21:] if m >= since]
    assert found.messages_30d == 10 * len([m for m in in_30 if m < mondays[25]]) + 3
    assert found.operator_messages_30d == 3
    assert found.operator_share_30d == 3 / found.messages_30d
    # members: the two senders (no roster: everyone the chat showed); one spoke in 30 days
    assert found.members == 2 and found.speakers_30d == 1 and found.speaking_share == 0.5


def test_not_enough_data_gives_no_trend(now: datetime, tmp_path: Path) -> None:
    mondays = activity.week_starts()
    log = ChatLog()
    for week in range(9, 21):
        log.say("20001", "王芳", mondays[week], 19)  # averaged 19 < 20 a week
    group = log.imported(tmp_path)
    found = activity.group_activity(now=now)[group]
    assert not found.enough_data and found.trend is None and found.messages_30d == 0
    log.say("20001", "王芳", mondays[24], 50)  # 50 in 30 days is enough
    log.imported(tmp_path)
    found = activity.group_activity(now=now)[group]
    assert found.enough_data and found.trend == (50 / 4) / 19


def test_soul_figures_and_top_speakers(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    start = today() - timedelta(days=29)
    log.every_day("20001", "王芳", start, start + timedelta(days=7), 3)  # 24 on 8 days
    log.every_day("20002", "李雷", start, start + timedelta(days=6), 4)  # 28 on 7 days
    log.say("20003", "韩梅", today(), 60)  # 60 on 1 day
    log.say(ME, "群主", today(), 10)
    group = log.imported(tmp_path)
    found = activity.group_activity(now=now)[group]
    assert found.messages_30d == 122
    assert [(s.name, s.messages_30d, s.days) for s in found.top_speakers] == [
        ("韩梅", 60, 1),
        ("李雷", 28, 7),
        ("王芳", 24, 8),
    ]
    # 王芳: 24 ≥ 20 messages, 8 days, 24/122 = 19.7 % ≥ 15 %; 李雷 has 7 days; 韩梅 1 day
    assert [s.name for s in found.soul_figures] == ["王芳"]
    assert found.top_share == 60 / 122


def test_who_went_quiet_most_active_first(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    before = today() - timedelta(days=30)  # the last day before the last 30
    log.say("20001", "王芳", before, 10)  # 10 before, none since: quiet
    log.say("20002", "李雷", before - timedelta(days=89), 25)  # the window's first day
    log.say("20003", "韩梅", before - timedelta(days=90), 30)  # before the window
    log.say("20004", "赵四", before, 9)  # too few
    log.say("20005", "钱五", before, 40)
    log.say("20005", "钱五", today(), 1)  # spoke again: not quiet
    group = log.imported(tmp_path)
    found = activity.group_activity(now=now)[group]
    assert [(q.name, q.messages_before, q.last_day) for q in found.went_quiet] == [
        ("李雷", 25, before - timedelta(days=89)),
        ("王芳", 10, before),
    ]
    # one who left the group is not "quiet"
    Membership.update(left_at=now, status="left").where(
        Membership.member == member_id("李雷")
    ).execute()
    found = activity.group_activity(now=now)[group]
    assert [q.name for q in found.went_quiet] == ["王芳"]


def test_newcomers_and_who_of_them_spoke(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    log.join("新人甲", today() - timedelta(days=89))
    log.join("新人乙", today() - timedelta(days=10))
    log.join("老人丙", today() - timedelta(days=90))  # joined before the 90 days
    log.say("30002", "新人乙", today())
    group = log.imported(tmp_path)
    found = activity.group_activity(now=now)[group]
    assert [(n.name, n.spoke) for n in found.newcomers_90d] == [("新人甲", False), ("新人乙", True)]
    assert found.newcomers_speaking_share == 0.5
    assert [n.name for n in found.silent_newcomers] == ["新人甲"]
    brief = activity.group_activity(now=now, detail=False)[group]  # for lists of every group
    assert brief.newcomers_90d == () and (brief.newcomers_count, brief.newcomers_spoke) == (2, 1)
    assert brief.newcomers_speaking_share == 0.5


def test_ad_like_messages_with_their_senders_and_whether_a_violation_followed(
    now: datetime, tmp_path: Path
) -> None:
    log = ChatLog()
    ad = "加微信 abc12345 领取优惠券"
    log.say("20001", "王芳", today() - timedelta(days=13), text=ad)
    log.say("20002", "李雷", today() - timedelta(days=14), text=ad + "!")  # too old
    log.say("20003", "韩梅", today(), text="今晚一起读书")
    group = log.imported(tmp_path)
    assert Message.select().where(Message.flags.bin_and(FLAG_AD) != 0).count() == 2
    (found,) = activity.group_activity(now=now)[group].ad_like_14d
    assert (found.name, found.member_id, found.excerpt) == ("王芳", member_id("王芳"), ad)
    assert not found.violation_logged
    assert activity.group_activity(now=now)[group].ads_standing == (found,)
    violations.log_violation(member_id("王芳"), group, None, evidence=ad)
    (found,) = activity.group_activity(now=now)[group].ad_like_14d
    assert found.violation_logged and not activity.group_activity(now=now)[group].ads_standing


def test_a_group_without_chat_history_has_empty_figures(now: datetime) -> None:
    group = groups.create_group("没导入的群").id
    found = activity.group_activity(now=now)[group]
    assert not found.has_history and not found.enough_data and found.trend is None
    assert found.messages_30d == 0 and len(found.weekly) == 26 and not found.top_speakers


def test_members_are_the_roster_when_one_was_imported(now: datetime, tmp_path: Path) -> None:
    group = groups.create_group("读书会").id
    from app.core import members, memberships

    for i in range(4):  # a roster of four, none of them in the chat
        memberships.add_membership(members.create_member(f"成员{i}").id, group)
    log = ChatLog()
    log.say("20001", "王芳", today())
    log.imported(tmp_path, group)
    found = activity.group_activity(now=now)[group]
    assert found.members == 5 and found.speakers_30d == 1 and found.speaking_share == 0.2


def test_all_groups_in_a_fixed_number_of_queries(
    now: datetime,
    tmp_path: Path,
    count_statements: Callable[[], AbstractContextManager[StatementLog]],
) -> None:
    def queries() -> int:
        with count_statements() as log:
            activity.group_activity(now=now)
        return len(log.selects)

    first = ChatLog(name="一群", group_id="1")
    first.say("20001", "王芳", today(), 3)
    first.imported(tmp_path)
    activity.group_activity(now=now)  # the first look of the day fills the last 30 days
    one = queries()
    for i in range(2, 5):
        other = ChatLog(name=f"{i}群", group_id=str(i))
        other.say(f"2000{i}", f"成员{i}", today(), 2, text="加微信 abc12345 领取优惠券")
        other.join(f"新人{i}", today())
        other.imported(tmp_path / str(i))
    assert len(activity.group_activity(now=now)) == 4
    assert queries() == one


def test_a_members_presence_weeks_and_last_spoke(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    start = today() - timedelta(days=29)
    log.every_day("20001", "王芳", start, start + timedelta(days=7), 2)  # 8 days: regular
    log.say("20002", "李雷", today(), 2)  # once
    log.say("20003", "韩梅", start - timedelta(days=1))  # silent in the 30 days
    log.imported(tmp_path)
    other = ChatLog(name="摄影群", group_id="777")
    other.say("20001", "王芳", today() - timedelta(days=2), 1)
    other.say("20001", "王芳", today() - timedelta(days=1), 1)  # 2 days: occasional
    other.imported(tmp_path / "other")
    (books, photo) = activity.member_activity(member_id("王芳"), now=now)
    assert (books.group_name, books.presence, books.days_30d, books.messages_30d) == (
        "读书会",
        "regular",
        8,
        16,
    )
    assert photo.presence == "occasional" and photo.in_group
    assert sum(books.weekly) == 16 and len(books.weekly) == 26
    assert photo.weekly[-1] + photo.weekly[-2] == 2
    assert photo.last_spoke is not None and photo.last_spoke.date() >= today() - timedelta(days=2)
    assert [a.presence for a in activity.member_activity(member_id("李雷"), now=now)] == ["once"]
    assert [a.presence for a in activity.member_activity(member_id("韩梅"), now=now)] == ["silent"]
    assert db.execute_sql("SELECT count(*) FROM chat_group").fetchone()[0] == 2
