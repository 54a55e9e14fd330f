"""What a finding's button on a group's Health tab does once its small dialog is answered.

"Schedule a topic" queues a topic task at the time chosen; "check in" queues a check-in with
the helper chosen (one per helper: an open one is moved instead of doubled); "plan a meetup"
plans the meetup on the day chosen and closes the group's open "plan a meetup" tasks. Each
returns what it did, so the window can say so beside the button.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.core import clock
from app.core.care import open_checkin_tasks
from app.core.groups import get_group
from app.core.meetups import create_meetup
from app.core.members import get_member
from app.core.pyramid import STAFF_ROLES
from app.core.suggestions import ACTION_KINDS, suggested_action, title_for
from app.core.tasks import create_task, update_task
from app.core.tiers import HELPER_RANK
from app.store.models import Task, db

MEETUP_START, MEETUP_HOURS = time(19, 0), 2


@dataclass(frozen=True)
class ActionDone:
    """What an action wrote: the task or meetup, whether it is new, and when it is due."""

    task_id: int | None
    created: bool
    due_at: datetime | None
    meetup_id: int | None = None


def group_helpers(group_id: int) -> list[tuple[int, str]]:
    """The group's helpers (active members in it of the top two tiers, or its owner and admins)
    as (id, name), the longest without contact first. One query."""
    get_group(group_id)
    rows = db.execute_sql(
        "SELECT m.id, m.name FROM membership ms JOIN member m ON m.id = ms.member_id"
        " JOIN tier t ON t.id = m.tier_id WHERE ms.group_id = ? AND ms.left_at IS NULL"
        f" AND m.status = 'active' AND (t.\"rank\" <= ? OR ms.role IN {STAFF_ROLES})"
        " ORDER BY m.last_contacted IS NOT NULL, m.last_contacted, m.sort_key, m.id",
        (group_id, HELPER_RANK),
    )
    return [(member_id, name) for member_id, name in rows]


def _open_action_tasks(group_id: int, action: str) -> list[Task]:
    """The group's open tasks from this action's button or a suggestion with the same action."""
    query = Task.select().where(
        Task.group == group_id,
        Task.status == "open",
        (Task.origin == f"health:{action}") | Task.origin.startswith("suggested:"),
    )
    return [
        task
        for task in query.order_by(Task.id)
        if task.origin == f"health:{action}" or suggested_action(task.origin) == action
    ]


def schedule_topic(
    group_id: int,
    due_at: datetime,
    title: str | None = None,
) -> ActionDone:
    """A topic task for the group at ``due_at``; an open one (from the button or a suggestion)
    is moved there instead of doubled. ``title`` None: the generated one."""
    group = get_group(group_id)
    text = (title or "").strip() or title_for("topic", group=group.name)
    with db.atomic():
        existing = _open_action_tasks(group_id, "topic")
        if existing:
            task = update_task(existing[0].id, title=text, due_at=due_at)
            return ActionDone(task.id, False, task.due_at)
        task = create_task(
            text, kind=ACTION_KINDS["topic"], group_id=group_id, due_at=due_at,
            origin="health:topic",
        )  # fmt: skip
    return ActionDone(task.id, True, task.due_at)


def plan_checkin(group_id: int, member_id: int, due_at: datetime) -> ActionDone:
    """A check-in with one helper at ``due_at``; their open check-in task, if any (from any
    group), is moved there instead: one check-in per helper."""
    get_group(group_id)
    member = get_member(member_id)
    with db.atomic():
        existing = open_checkin_tasks(member_id)
        if existing:
            task = update_task(existing[0].id, due_at=due_at)
            return ActionDone(task.id, False, task.due_at)
        task = create_task(
            title_for("helper", member=member.name), kind="checkin", group_id=group_id,
            member_id=member_id, due_at=due_at, origin="health:checkin",
        )  # fmt: skip
    return ActionDone(task.id, True, task.due_at)


def plan_meetup(group_id: int, title: str, day: date) -> ActionDone:
    """A meetup of the group on ``day`` (19:00–21:00 local) with its prep task; the group's
    open "plan a meetup" tasks are done, since it is planned."""
    get_group(group_id)
    start = clock.local_at(day, MEETUP_START)
    now = clock.now()
    with db.atomic():
        meetup = create_meetup(title, start, start + timedelta(hours=MEETUP_HOURS), [group_id])
        done = [task.id for task in _open_action_tasks(group_id, "meetup")]
        if done:
            Task.update(status="done", done_at=now).where(Task.id.in_(done)).execute()
    return ActionDone(None, True, meetup.start_at, meetup.id)
