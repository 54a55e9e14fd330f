"""Meetups: validation, the waitlist, capacity edits, attendance, the calendar, the prep task."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.core import candidates, clock, groups, meetup_plan, meetups, memberships, settings
from app.core import rsvp as attendance
from app.core.errors import NotFound, ValidationError
from app.store.models import ChecklistItem, Meetup, MeetupGroup, Member
from tests.core.meetup_samples import NOW, START, meetup, person


def states(meetup_id: int) -> list[tuple[str, str, int | None]]:
    return [(r.name, r.rsvp, r.waitlist_position) for r in attendance.rsvps(meetup_id)]


def test_a_meetup_is_created_with_its_groups_and_the_template_checklist(now: datetime) -> None:
    group = groups.create_group("上海读书会")
    settings.put("language", "en")
    made = meetups.create_meetup("Spring picnic", START, START + timedelta(hours=2), [group.id])
    assert [m.group_id for m in MeetupGroup.select()] == [group.id]
    assert [c.text for c in meetup_plan.checklist(made.id)] == settings.CHECKLIST_EN
    settings.put("language", "zh_CN")
    second = meetup()
    assert [c.text for c in meetup_plan.checklist(second)] == settings.CHECKLIST_ZH
    settings.set_checklist_template(["订场地", "  ", "买水"])
    assert settings.checklist_template() == ["订场地", "买水"]
    third = meetup()
    assert [c.text for c in meetup_plan.checklist(third)] == ["订场地", "买水"]
    (row,) = [r for r in meetups.upcoming() if r.id == made.id]
    assert (row.groups, row.going, row.waitlist, row.status) == ("上海读书会", 0, 0, "planned")


@pytest.mark.parametrize(
    ("fields", "fragment"),
    [
        ({"title": " "}, "title must have 1 to 100"),
        ({"title": "x" * 101}, "title must have 1 to 100"),
        ({"end_at": START}, "end after it starts"),
        ({"capacity": 0}, "capacity"),
        ({"capacity": 100_001}, "capacity"),
        ({"status": "maybe"}, "not a meetup status"),
        ({"group_ids": [999]}, "Group #999"),
    ],
)
def test_bad_meetups_are_refused_and_nothing_is_written(
    now: datetime, fields: dict[str, object], fragment: str
) -> None:
    given: dict[str, object] = {"title": "聚会", "start_at": START, "end_at": START + timedelta(1)}
    given.update(fields)
    with pytest.raises((ValidationError, NotFound), match=fragment):
        meetups.create_meetup(**given)  # type: ignore[arg-type]
    assert Meetup.select().count() == 0 and ChecklistItem.select().count() == 0
    made = meetup()
    with pytest.raises((ValidationError, NotFound), match=fragment):
        meetups.update_meetup(made, **fields)
    assert meetups.get_meetup(made).title == "周末聚会"


def test_the_waitlist_fills_in_arrival_order_and_the_first_moves_up(now: datetime) -> None:
    made = meetup(capacity=2)
    a, b, c, d = (person(n) for n in ("阿甲", "阿乙", "阿丙", "阿丁"))
    assert attendance.set_rsvp(made, a, "going").rsvp == "going"
    assert attendance.set_rsvp(made, b, "going").rsvp == "going"
    change = attendance.set_rsvp(made, c, "going")
    assert change == attendance.RsvpChange("waitlist", [])
    attendance.set_rsvp(made, d, "maybe")
    assert states(made) == [
        ("阿甲", "going", None),
        ("阿乙", "going", None),
        ("阿丙", "waitlist", 1),
        ("阿丁", "maybe", None),
    ]
    change = attendance.set_rsvp(made, a, "declined")
    assert change == attendance.RsvpChange("declined", [(c, "阿丙")])
    assert [s[:2] for s in states(made)] == [
        ("阿乙", "going"),
        ("阿丙", "going"),
        ("阿丁", "maybe"),
        ("阿甲", "declined"),
    ]
    assert attendance.set_rsvp(made, a, "going").rsvp == "waitlist"  # back of the queue
    assert attendance.set_rsvp(made, d, "going").rsvp == "waitlist"
    assert attendance.remove_rsvp(made, b) == [(a, "阿甲")]
    assert states(made)[2] == ("阿丁", "waitlist", 1)


def test_capacity_edits_move_people_between_going_and_the_waitlist(now: datetime) -> None:
    made = meetup(capacity=3)
    ids = [person(f"成员{i}") for i in range(5)]
    for member_id in ids:
        attendance.set_rsvp(made, member_id, "going")
    assert [s[1] for s in states(made)] == ["going"] * 3 + ["waitlist"] * 2
    meetups.update_meetup(made, capacity=1)
    assert [(s[0], s[2]) for s in states(made)] == [
        ("成员0", None),
        ("成员1", 1),
        ("成员2", 2),
        ("成员3", 3),
        ("成员4", 4),
    ]
    meetups.update_meetup(made, capacity=4)
    assert [s[1] for s in states(made)] == ["going"] * 4 + ["waitlist"]
    assert states(made)[4][0] == "成员4"
    meetups.update_meetup(made, capacity=None)
    (row,) = meetups.meetups_between(START, START + timedelta(hours=1))
    assert (row.going, row.waitlist, row.capacity) == (5, 0, None)


def test_rsvp_rows_carry_the_group_nickname_and_phone(now: datetime) -> None:
    group = groups.create_group("跑步群")
    made = meetup(group_ids=[group.id])
    member_id = person("王五", phone="13812345678")
    memberships.add_membership(member_id, group.id, nickname="五哥")
    attendance.set_rsvp(made, member_id, "invited")
    (row,) = attendance.rsvps(made)
    assert (row.nickname, row.phone, row.rsvp, row.attended) == (
        "五哥",
        "13812345678",
        "invited",
        None,
    )
    with pytest.raises(ValidationError, match="not an RSVP"):
        attendance.set_rsvp(made, member_id, "yes")


def test_attendance_is_marked_only_after_the_start(now: datetime) -> None:
    made = meetup(capacity=None)
    a, b, c = (person(n) for n in ("甲", "乙", "丙"))
    for member_id in (a, b):
        attendance.set_rsvp(made, member_id, "going")
    attendance.set_rsvp(made, c, "maybe")
    with pytest.raises(ValidationError, match="after the meetup has started"):
        attendance.set_attended(made, a, True)
    with pytest.raises(ValidationError, match="after the meetup has started"):
        attendance.all_going_attended(made)
    clock.fix(START + timedelta(minutes=5))
    assert attendance.all_going_attended(made) == 2
    attendance.set_attended(made, b, False)
    assert [r.attended for r in attendance.rsvps(made)] == [True, False, None]


def test_attending_makes_a_member_a_promotion_candidate(now: datetime) -> None:
    candidates.set_criteria(1, 30, 180, False)
    member_id = person("老李")
    Member.update(first_seen=NOW - timedelta(days=100)).where(Member.id == member_id).execute()
    past = NOW - timedelta(days=3)
    made = meetups.create_meetup("上次聚会", past, past + timedelta(hours=2), status="done").id
    attendance.set_rsvp(made, member_id, "going", now=past - timedelta(days=2))
    assert candidates.promotion_candidates() == []
    attendance.set_attended(made, member_id, True)
    assert [c.name for c in candidates.promotion_candidates()] == ["老李"]


def test_the_calendar_and_upcoming_lists(now: datetime) -> None:
    past = meetups.create_meetup("旧", NOW - timedelta(days=3), NOW - timedelta(days=2)).id
    soon = meetup()
    cancelled = meetups.create_meetup(
        "取消", START, START + timedelta(hours=1), status="cancelled"
    ).id
    assert [r.id for r in meetups.upcoming()] == [soon]
    month = meetups.meetups_between(NOW - timedelta(days=10), NOW + timedelta(days=20))
    assert [r.id for r in month] == [past, soon, cancelled]
    with pytest.raises(NotFound):
        meetups.get_meetup(999)


def test_a_new_meetup_puts_a_prep_task_in_the_queue(now) -> None:
    from datetime import timedelta as _td

    from app.core import groups as groups_core
    from app.core import queue
    from app.store.models import Task

    club = groups_core.create_group("读书会", "wechat", "interest")
    start = now + _td(days=10)
    meetup = meetups.create_meetup("三月读书会", start, start + _td(hours=2), group_ids=[club.id])
    task = Task.get(Task.kind == "meetup_prep")
    assert (task.title, task.group_id, task.origin) == (
        "Prepare the meetup “三月读书会”",
        club.id,
        "meetup",
    )
    assert (task.title_key, task.title_args) == ("meetup.prep", '{"title": "三月读书会"}')
    assert task.due_at == meetup.start_at - _td(days=2)
    later = queue.queue(now=now)["later"] + queue.queue(now=now)["week"]
    assert task.id in {row.id for row in later}
    meetups.create_meetup("不要任务", start, start + _td(hours=1), prep_task=False)
    assert Task.select().where(Task.kind == "meetup_prep").count() == 1
