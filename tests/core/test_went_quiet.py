"""Today's "went quiet": the five members most worth a message across groups, from imported
chat records; each member once, where they had said most; none with a reach-out queued."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from app.core import activity, activity_actions, clock, groups, members, memberships, today
from app.core.went_quiet import worth_a_message
from tests.core.chat_samples import ChatLog


def day_before() -> date:
    return clock.local_today() - timedelta(days=31)


def quiet_chats(tmp_path: Path) -> tuple[int, int]:
    reading = ChatLog(name="读书会", group_id="1")
    running = ChatLog(name="夜跑群", group_id="2")
    for i, count in enumerate((12, 40, 25, 18, 30, 10)):
        reading.say(f"2000{i}", f"成员{i}", day_before(), count)
    reading.say("20009", "还在说", clock.local_today(), 5)
    running.say("20000", "成员0", day_before(), 50)  # 成员0 said more in 夜跑群
    running.say("20001", "成员1", day_before(), 11)
    return reading.imported(tmp_path / "r"), running.imported(tmp_path / "n")


def test_the_five_most_worth_a_message_across_groups(now: datetime, tmp_path: Path) -> None:
    reading, running = quiet_chats(tmp_path)
    picks = worth_a_message()
    assert [(p.name, p.group_name, p.messages_before) for p in picks] == [
        ("成员0", "夜跑群", 50),
        ("成员1", "读书会", 40),
        ("成员4", "读书会", 30),
        ("成员2", "读书会", 25),
        ("成员3", "读书会", 18),
    ]
    assert picks[0].group_id == running and picks[1].group_id == reading
    assert picks[0].last_day == day_before()
    # a member with a reach-out queued makes room for the next
    activity_actions.reach_out_tasks(reading, [picks[1].member_id])
    assert [p.name for p in worth_a_message()] == ["成员0", "成员4", "成员2", "成员3", "成员5"]


def test_today_gathers_them(now: datetime, tmp_path: Path) -> None:
    quiet_chats(tmp_path)
    data = today.gather()
    assert [p.name for p in data.went_quiet] == ["成员0", "成员1", "成员4", "成员2", "成员3"]
    assert worth_a_message(activity.group_activity().values()) == data.went_quiet


def test_nobody_without_chat_history(now: datetime) -> None:
    memberships.add_membership(members.create_member("没聊过").id, groups.create_group("群").id)
    assert worth_a_message() == [] and today.gather().went_quiet == []
