"""A step says what it was about: the task's title (Huoqun's kept as a code, so the window
shows it in its language), the member, the group or meetup, an import's new members."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.core import (
    bans,
    groups,
    member_bulk,
    members,
    memberships,
    queue,
    rsvp,
    suggested_tasks,
    suggestions,
    tasks,
    undo,
    violations,
)
from app.core import roster_import as ri
from app.core.generated_text import Generated
from tests.conftest import SHARED_DATA
from tests.core.meetup_samples import meetup
from tests.core.undo_samples import recording

__all__ = ["recording"]
pytestmark = pytest.mark.usefixtures("recording", "now")


def last() -> tuple[str, int, str, str]:
    step = undo.can_undo()
    assert step is not None
    return step.kind, step.count, step.detail, step.place


def test_task_steps_name_the_task_and_keep_huoqun_s_title_as_a_code(now: datetime) -> None:
    club = groups.create_group("夜跑群").id
    li = members.create_member("李森龙").id
    title = suggestions.title_for("helper", member="李森龙")
    task = tasks.create_task(title, "checkin", club, li, due_at=now - timedelta(hours=1))
    typed = tasks.create_task("发周报", "custom", club, due_at=now)
    tasks.complete_task(task.id, "聊得很好")
    kind, _n, detail, _place = last()
    assert (kind, detail) == ("complete_task", "Check in with 李森龙")
    assert isinstance(detail, Generated) and detail.text_key == "health.helper"
    tasks.snooze_task(typed.id, until=now + timedelta(days=1))
    assert last() == ("snooze_task", 0, "发周报", "")
    tasks.skip_task(task_id=typed.id)  # by keyword too
    assert last() == ("skip_task", 0, "发周报", "")


def test_people_groups_and_meetups_are_named(now: datetime) -> None:
    club = groups.create_group("夜跑群").id
    wang = members.create_member("王五").id
    zhao = members.create_member("赵四").id
    for member_id in (wang, zhao):
        memberships.add_membership(member_id, club)
    bans.ban_member(wang, "发广告")
    assert last() == ("ban", 0, "王五", "")
    bans.mark_removed(wang, club)
    assert last() == ("mark_removed", 0, "王五", "夜跑群")
    other = groups.create_group("读书会").id
    member_bulk.bulk_add_to_group([zhao], other)
    assert last() == ("add_to_group", 1, "", "读书会")
    memberships.leave_group(zhao, other)
    assert last() == ("leave_group", 0, "赵四", "读书会")
    case = violations.log_violation(zhao, club, None, action="warned")
    violations.set_handled([case.id])
    assert last() == ("handle_violation", 1, "", "")
    violations.update_violation(case.id, evidence="刷屏")
    assert last()[:3] == ("edit_violation", 0, str(case.case_number))
    party = meetup(None)
    rsvp.set_rsvp(party, zhao, "going")
    assert last() == ("rsvp", 0, "赵四", "周末聚会")


def test_an_accepted_suggestion_and_an_import_say_what_they_made(now: datetime) -> None:
    clock_group = groups.create_group("沉默群")
    [found] = [s for s in suggestions.candidates() if s.group_id == clock_group.id][:1]
    task_id = suggested_tasks.accept_suggestion(found.key)
    kind, _n, detail, _place = last()
    assert kind == "accept_suggestion" and detail == queue.get_task(task_id).title
    roster = ri.read_roster(SHARED_DATA / "rosters" / "qq-group-export-gbk.csv")
    preset = ri.detect_preset(roster.headers)
    preview = ri.preview(roster, ri.auto_mapping(roster.headers, preset), "摄影群", preset=preset)
    result = ri.apply(preview)
    assert result.new > 0
    assert last() == ("import", result.new, "", "摄影群")
