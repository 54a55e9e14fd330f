"""The activity findings' actions (PRODUCT.md §4b "Actions"), from imported chat records: a
violation per ad sender with the excerpts as evidence, the welcome task naming the silent
newcomers, reach-out tasks most active first and never doubled, star and helper tier for a
soul figure, a topic for a falling group; each one undoable step."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.core import activity, activity_actions, clock, daily_plan, strikes, undo, violations
from app.core.errors import ValidationError
from app.core.tiers import helper_tier
from app.store.models import Member, Task, TierChange, Violation
from tests.core.chat_samples import ChatLog
from tests.core.undo_samples import changed, recording, rows

__all__ = ["recording"]
AD = "加微信 abc12345 领取优惠券"


def today() -> date:
    return clock.local_today()


def member_id(name: str) -> int:
    return int(Member.get(Member.name == name).id)


def ads_group(tmp_path: Path) -> int:
    log = ChatLog()
    log.say("20001", "王芳", today() - timedelta(days=3), text=AD)
    log.say("20001", "王芳", today() - timedelta(days=1), text=AD + " 私聊我")
    log.say("20002", "李雷", today() - timedelta(days=2), text="兼职刷单 http://x.cn/a 返利")
    log.say("20003", "韩梅", today(), text="今晚一起读书")
    return log.imported(tmp_path)


def test_ad_senders_group_the_standing_messages_newest_sender_first(
    now: datetime, tmp_path: Path
) -> None:
    group = ads_group(tmp_path)
    senders = activity_actions.ad_senders(group)
    assert [(s.name, s.member_id, len(s.messages)) for s in senders] == [
        ("王芳", member_id("王芳"), 2),
        ("李雷", member_id("李雷"), 1),
    ]
    day1 = (today() - timedelta(days=3)).isoformat()
    assert senders[0].evidence.splitlines()[0] == f"{day1} 12:00 {AD}"
    assert senders[0].evidence.splitlines()[1].endswith(f"{AD} 私聊我")


def test_log_ad_violations_one_per_sender_with_the_excerpts_and_the_ladder(
    now: datetime, tmp_path: Path
) -> None:
    group = ads_group(tmp_path)
    picks = [m.message_id for s in activity_actions.ad_senders(group) for m in s.messages]
    wang, li = member_id("王芳"), member_id("李雷")
    expected = {wang: strikes.suggest(wang, None).action, li: strikes.suggest(li, None).action}
    made = activity_actions.log_ad_violations(group, picks)
    assert len(made) == 2
    logged = {v.member_id: v for v in Violation.select().where(Violation.id.in_(made))}
    assert set(logged) == {wang, li}
    assert logged[wang].group_id == group and logged[wang].action == expected[wang]
    assert AD in logged[wang].evidence and logged[wang].evidence.count("\n") == 1
    assert "兼职刷单" in logged[li].evidence
    # the ads no longer stand: the finding's data clears
    assert activity.group_activity([group])[group].ads_standing == ()
    assert activity_actions.ad_senders(group) == []


def test_log_ad_violations_only_for_the_chosen_senders(now: datetime, tmp_path: Path) -> None:
    group = ads_group(tmp_path)
    li = next(s for s in activity_actions.ad_senders(group) if s.name == "李雷")
    made = activity_actions.log_ad_violations(group, [li.messages[0].message_id])
    (violation,) = Violation.select()
    assert made == [violation.id] and violation.member_id == member_id("李雷")
    assert [s.name for s in activity_actions.ad_senders(group)] == ["王芳"]
    # a message of another group is not this group's: nothing logged for it
    other = ChatLog(name="摄影群", group_id="777")
    other.say("20005", "钱五", today(), text=AD)
    elsewhere = other.imported(tmp_path / "other")
    (stranger,) = activity_actions.ad_senders(elsewhere)
    assert activity_actions.log_ad_violations(group, [stranger.messages[0].message_id]) == []
    assert Violation.select().count() == 1


def test_welcome_newcomers_task_names_them_and_is_never_doubled(
    now: datetime, tmp_path: Path
) -> None:
    log = ChatLog()
    for i in range(7):
        log.join(f"新人{i}", today() - timedelta(days=10 + i))
    log.say("30009", "老王", today())
    group = log.imported(tmp_path)
    silent = activity.group_activity([group])[group].silent_newcomers
    ids = [n.member_id for n in silent]
    assert len(ids) == 7
    done = activity_actions.welcome_newcomers_task(group, ids[:2])
    task = Task.get_by_id(done.task_id)
    names = [n.name for n in silent]
    assert done.created and task.status == "open" and task.kind == "welcome"
    assert task.title == f"Welcome the newcomers of 读书会: {names[0]}、{names[1]}"
    assert task.title_key == "activity.welcome" and task.group_id == group
    assert task.due_at == daily_plan.suggestion_due() == done.due_at
    # all seven: the title names five and says how many; the notes name everyone; same task
    due = now + timedelta(days=2)
    again = activity_actions.welcome_newcomers_task(group, ids, due)
    assert not again.created and again.task_id == done.task_id
    task = Task.get_by_id(done.task_id)
    assert Task.select().count() == 1 and task.due_at == due
    assert task.title == f"Welcome the 7 newcomers of 读书会: {'、'.join(names[:5])} …"
    assert task.title_key == "activity.welcome_more" and task.notes.splitlines() == names
    with pytest.raises(ValidationError):
        activity_actions.welcome_newcomers_task(group, [])


def quiet_group(tmp_path: Path) -> int:
    log = ChatLog()
    before = today() - timedelta(days=31)
    log.say("20001", "王芳", before, 12)
    log.say("20002", "李雷", before, 40)
    log.say("20003", "韩梅", before, 25)
    log.say("20004", "赵四", today(), 3)
    return log.imported(tmp_path)


def test_reach_out_tasks_most_active_first_never_a_duplicate(now: datetime, tmp_path: Path) -> None:
    group = quiet_group(tmp_path)
    quiet = activity.group_activity([group])[group].went_quiet
    assert [q.name for q in quiet] == ["李雷", "韩梅", "王芳"]
    wang, li, han = member_id("王芳"), member_id("李雷"), member_id("韩梅")
    done = activity_actions.reach_out_tasks(group, [wang, li])  # picked in any order
    made = [Task.get_by_id(d.task_id) for d in done]
    assert [t.member_id for t in made] == [li, wang] and all(d.created for d in done)
    assert [t.title for t in made] == ["Reach out to 李雷 (读书会)", "Reach out to 王芳 (读书会)"]
    assert all(t.title_key == "activity.reach_out" and t.kind == "checkin" for t in made)
    assert made[0].id < made[1].id  # the queue's order: most active first
    again = activity_actions.reach_out_tasks(group, [wang, li, han])
    assert [(d.task_id, d.created) for d in again] == [
        (made[0].id, False),
        (again[1].task_id, True),
        (made[1].id, False),
    ]
    assert Task.get_by_id(again[1].task_id).member_id == han
    assert Task.select().count() == 3
    # done with one: a new reach-out can be made for them later
    Task.update(status="done").where(Task.id == made[0].id).execute()
    assert activity_actions.reach_out_tasks(group, [li])[0].created


def soul_group(tmp_path: Path) -> int:
    log = ChatLog()
    start = today() - timedelta(days=29)
    log.every_day("20001", "王芳", start, start + timedelta(days=9), 3)  # 30 on 10 days
    log.say("20002", "李雷", today(), 20)
    return log.imported(tmp_path)


def test_mark_star_and_invite_a_soul_figure_to_the_helpers(now: datetime, tmp_path: Path) -> None:
    group = soul_group(tmp_path)
    (soul,) = activity.group_activity([group])[group].soul_figures
    assert soul.name == "王芳"
    assert activity_actions.mark_star([soul.member_id]) == 1
    assert Member.get_by_id(soul.member_id).star
    assert activity_actions.mark_star([soul.member_id]) == 0
    tier = activity_actions.invite_to_helpers(soul.member_id, group)
    assert tier.id == helper_tier().id == Member.get_by_id(soul.member_id).tier_id
    (change,) = TierChange.select()
    assert change.reason == "Soul figure of 读书会: invited to the helpers"
    with pytest.raises(ValidationError):  # already a helper
        activity_actions.invite_to_helpers(soul.member_id, group)


def test_falling_schedules_a_topic(now: datetime, tmp_path: Path) -> None:
    group = quiet_group(tmp_path)
    due = now + timedelta(hours=5)
    done = activity_actions.schedule_topic(group, due)
    task = Task.get_by_id(done.task_id)
    assert done.created and task.kind == "topic" and task.due_at == due
    assert task.title == "Start a topic discussion in 读书会" and task.title_key == "health.topic"


@pytest.mark.usefixtures("recording")
@pytest.mark.parametrize(
    ("kind", "tables"),
    [
        ("log_ad_violations", {"violation", "setting"}),
        ("welcome_newcomers", {"task"}),
        ("reach_out", {"task"}),
        ("mark_star", {"member"}),
        ("promote", {"member", "tier_change"}),
        ("schedule_topic", {"task"}),
    ],
)
def test_each_action_is_one_undoable_step(
    kind: str, tables: set[str], now: datetime, tmp_path: Path
) -> None:
    with undo.paused():
        group = ads_group(tmp_path)
        quiet_group(tmp_path / "q")
        ChatLog(name="新人群", group_id="9").imported(tmp_path / "n")
    wang = member_id("王芳")
    actions = {
        "log_ad_violations": lambda: activity_actions.log_ad_violations(
            group, [m.message_id for s in activity_actions.ad_senders(group) for m in s.messages]
        ),
        "welcome_newcomers": lambda: activity_actions.welcome_newcomers_task(group, [wang]),
        "reach_out": lambda: activity_actions.reach_out_tasks(group, [wang]),
        "mark_star": lambda: activity_actions.mark_star([wang]),
        "promote": lambda: activity_actions.invite_to_helpers(wang, group),
        "schedule_topic": lambda: activity_actions.schedule_topic(group, now + timedelta(1)),
    }
    before = rows()
    actions[kind]()
    after = rows()
    assert changed(before, after) == tables
    step = undo.can_undo()
    assert step is not None and step.kind == kind and len(undo.history()) == 1
    undo.undo()
    assert rows() == before
    if kind == "log_ad_violations":
        assert step.count == 2 and violations.open_count(group) == 0
