"""Changing tasks: creating, editing, completing, skipping and snoozing them; logging interactions.

Completing a task writes an Interaction (so a group's last interaction and a member's last
contact move); a recurring task then rolls to the rule's next occurrence after its current due
(never after "now", so a Friday task stays on Fridays; if that is still past, it stays overdue).
All times are naive UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from app.core import clock, recurrence
from app.core.bans import BAN_ORIGIN, SWEEP, mark_removed
from app.core.care import close_checkin_tasks
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.generated_text import Generated, from_stored, stored
from app.core.groups import get_group
from app.core.members import get_member
from app.core.queue import get_task
from app.core.undo import task_title, undoable
from app.store.models import Interaction, Member, Task, db

KINDS = (
    "topic",
    "share",
    "poll",
    "checkin",
    "recognition",
    "welcome",
    "profile",
    "spam_sweep",
    "meetup_prep",
    "custom",
)
PRIORITIES = (1, 2, 3)  # 1 is high
# What an Interaction may be logged as by hand: a task's kind, "custom" being "other".
LOG_KINDS = (*KINDS[:-1], "other")
MAX_TITLE = 200
MAX_TEXT = 2000
MAX_ORIGIN = 40
MORNING = time(9, 0)
# a ban's "Remove X from G" (core/bans.py): completing it marks X removed from G
FIELDS = (
    "title",
    "kind",
    "group_id",
    "member_id",
    "due_at",
    "rrule",
    "priority",
    "notes",
    "origin",
)


def _utc(moment: datetime) -> datetime:
    """A datetime as naive UTC (an aware one is converted, a naive one is taken as UTC)."""
    if moment.tzinfo is not None:
        return moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def snooze_presets(now: datetime | None = None) -> dict[str, datetime]:
    """Snooze times from ``now``: an hour later, the next day 09:00 local, the next Monday
    09:00 local (naive UTC). For a task not due yet, pass ``snooze_start`` as ``now``.
    """
    now = now or clock.now()
    today = clock.local_today(now)
    return {
        "hour": now + timedelta(hours=1),
        "tomorrow": clock.local_at(today + timedelta(days=1), MORNING),
        "next_week": clock.local_at(today + timedelta(days=7 - today.weekday()), MORNING),
    }


def _effective_due(task: Task) -> datetime | None:
    """When the task counts as due: its snooze when later than its due (as ``EFFECTIVE``)."""
    due: datetime | None = task.due_at
    snoozed: datetime | None = task.snoozed_until
    if snoozed is not None and (due is None or snoozed > due):
        return snoozed
    return due


def snooze_start(task_id: int, now: datetime | None = None) -> datetime:
    """Where a snooze of the task counts from: now, or its due time when that is later.

    Snoozing a task due next Friday "for an hour" means an hour after Friday's due time; an
    hour from now would change nothing.
    """
    now = now or clock.now()
    due = _effective_due(get_task(task_id))
    return due if due is not None and due > now else now


def _text(value: object, limit: int) -> str:
    text = str(value or "").strip()
    if len(text) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A note can have at most {max} characters."), max=limit
        )
    return text


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Validated task fields (by ``FIELDS`` name); raises before anything is written."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown task fields: {sorted(unknown)}")
    out: dict[str, Any] = {}
    if "title" in fields:
        title = fields["title"]  # a title Huoqun wrote keeps its code (a ``Generated``)
        if not isinstance(title, Generated):
            title = str(title or "").strip()
        if not 1 <= len(title) <= MAX_TITLE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A task needs a title of 1 to {max} characters."),
                max=MAX_TITLE,
            )
        # a title Huoqun wrote keeps its code (``Generated``); the operator's is stored as typed
        out["title"] = fields["title"] if isinstance(fields["title"], Generated) else title
    if "kind" in fields:
        if fields["kind"] not in KINDS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "“{kind}” is not a kind of task."),
                kind=str(fields["kind"]),
            )
        out["kind"] = fields["kind"]
    if "group_id" in fields:
        out["group"] = None if fields["group_id"] is None else get_group(fields["group_id"]).id
    if "member_id" in fields:
        member_id = fields["member_id"]
        out["member"] = None if member_id is None else get_member(member_id).id
    if "due_at" in fields:
        due = fields["due_at"]
        if due is not None and not isinstance(due, datetime):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A task's due time is not a time."))
        out["due_at"] = None if due is None else _utc(due).replace(microsecond=0)
    if "rrule" in fields:
        rule = recurrence.normalise(fields["rrule"])
        if rule:
            recurrence.validate(rule)
        out["rrule"] = rule
    if "priority" in fields:
        if fields["priority"] not in PRIORITIES or isinstance(fields["priority"], bool):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A task's priority is 1 (high), 2 or 3 (low).")
            )
        out["priority"] = int(fields["priority"])
    if "notes" in fields:
        out["notes"] = _text(fields["notes"], MAX_TEXT)
    if "origin" in fields:
        out["origin"] = str(fields["origin"] or "manual").strip()[:MAX_ORIGIN] or "manual"
    return out


def _first_due(rule: str, now: datetime) -> datetime | None:
    """A recurring task given no due time: the rule's first occurrence after now."""
    anchor = now.replace(second=0, microsecond=0)
    return recurrence.next_after(rule, anchor, now)


def create_task(
    title: str,
    kind: str = "custom",
    group_id: int | None = None,
    member_id: int | None = None,
    due_at: datetime | None = None,
    rrule: str = "",
    priority: int = 2,
    notes: str = "",
    origin: str = "manual",
) -> Task:
    """Add an open task; a recurring one without a due time starts at the rule's next occurrence."""
    values = _clean(
        {"title": title, "kind": kind, "group_id": group_id, "member_id": member_id,
         "due_at": due_at, "rrule": rrule, "priority": priority, "notes": notes,
         "origin": origin}
    )  # fmt: skip
    now = clock.now()
    if values["rrule"] and values["due_at"] is None:
        values["due_at"] = _first_due(values["rrule"], now)
    return Task.create(status="open", created_at=now, **values)


def update_task(task_id: int, **fields: Any) -> Task:
    """Change some of a task's fields (the names ``create_task`` takes).

    A new title replaces the one Huoqun wrote (its code goes): it is the operator's now.
    """
    task = get_task(task_id)
    values = _clean(fields)
    rule = values.get("rrule", task.rrule)
    due = values.get("due_at", task.due_at)
    if rule and due is None:
        values["due_at"] = _first_due(rule, clock.now())
    if "due_at" in values and values["due_at"] != task.due_at:
        values["reminded_for"] = None
    if "title" in values and isinstance(values["title"], Generated):
        values["title_key"], values["title_args"] = stored(values["title"])
        values["title"] = str(values["title"])
    elif "title" in values and values["title"] != task.title:
        values["title_key"] = values["title_args"] = ""  # the operator's words from now on
    if "notes" in values and values["notes"] != task.notes:
        values["notes_key"] = values["notes_args"] = ""  # the operator's words from now on
    if values:
        Task.update(**values).where(Task.id == task_id).execute()
    return get_task(task_id)


def _title_of(task: Task) -> str:
    """The task's title for a message: the window shows Huoqun's in the interface language."""
    return from_stored(task.title_key, task.title_args, task.title)


def _open_task(task_id: int) -> Task:
    task = get_task(task_id)
    if task.status != "open":
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "“{title}” is already closed."), title=_title_of(task)
        )
    return task


def _close(task: Task, status: str, outcome: str, now: datetime) -> None:
    """Roll a recurring task to its next occurrence after its due; close anything else."""
    if task.rrule:
        due = task.due_at or now
        following = recurrence.next_after(task.rrule, due, due)
        if following is not None:
            Task.update(due_at=following, outcome="", snoozed_until=None, reminded_for=None).where(
                Task.id == task.id
            ).execute()
            return
    Task.update(status=status, done_at=now, outcome=outcome).where(Task.id == task.id).execute()


def is_removal(task: Task) -> bool:
    """Whether the task is a ban's "Remove X from G", which marks X removed from G when done."""
    return (
        task.kind == SWEEP
        and task.origin == BAN_ORIGIN
        and task.member_id is not None
        and task.group_id is not None
    )


@undoable("complete_task", detail=task_title)
def complete_task(task_id: int, outcome: str = "", now: datetime | None = None) -> Task | None:
    """Mark a task done with an outcome note: an Interaction is written; a recurring one rolls.

    Completing a ban's "Remove X from G" marks X removed from G (their membership there ends)
    and closes any other open removal task for the same member and group.
    """
    now = now or clock.now()
    task = _open_task(task_id)
    note = _text(outcome, MAX_TEXT)
    with db.atomic():
        member_id, group_id = task.member_id, task.group_id
        if is_removal(task) and member_id is not None and group_id is not None:
            mark_removed(member_id, group_id, now)  # the Ban list's "Mark removed", the same
        Interaction.create(
            group=task.group_id,
            member=task.member_id,
            kind="other" if task.kind == "custom" else task.kind,
            at=now,
            note=note,
            task=task.id,
        )
        if task.member_id is not None:
            _touch_member(task.member_id, now)
        _close(task, "done", note, now)
    return get_task(task_id)


@undoable("skip_task", detail=task_title)
def skip_task(task_id: int, now: datetime | None = None) -> Task:
    """Skip a task: a recurring one rolls to its next occurrence, others close as skipped."""
    now = now or clock.now()
    task = _open_task(task_id)
    with db.atomic():
        _close(task, "skipped", "", now)
    return get_task(task_id)


@undoable("snooze_task", detail=task_title)
def snooze_task(task_id: int, until: datetime, now: datetime | None = None) -> Task:
    """Hide an open task until a later time (naive UTC); it then counts as due then."""
    now = now or clock.now()
    until = _utc(until).replace(microsecond=0)
    if until <= now:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A task can only be snoozed until later.")
        )
    task = _open_task(task_id)
    due = _effective_due(task)
    if due is not None and until <= due:  # it would stay due when it is due now: no change
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "“{title}” is not due until {due}: snooze it until after that."
            ),
            title=_title_of(task),
            due=clock.to_local(due).strftime("%Y-%m-%d %H:%M"),
        )
    Task.update(snoozed_until=until).where(Task.id == task.id).execute()
    return get_task(task_id)


def _touch_member(member_id: int, at: datetime) -> None:
    Member.update(last_contacted=at).where(
        (Member.id == member_id) & (Member.last_contacted.is_null() | (Member.last_contacted < at))
    ).execute()


def log_interaction(
    kind: str,
    group_id: int | None = None,
    member_id: int | None = None,
    note: str = "",
    at: datetime | None = None,
) -> Interaction:
    """Record something that happened ("we ran a poll today") in a group and/or with a member.

    A check-in or recognition logged with a member closes their open check-in task, as
    logging it in Helper care does.
    """
    now = clock.now()
    if kind not in LOG_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "“{kind}” is not a kind of interaction."), kind=str(kind)
        )
    if group_id is None and member_id is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "An interaction needs a group or a member.")
        )
    moment = now if at is None else _utc(at)
    if moment > now:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "An interaction cannot be in the future.")
        )
    text = _text(note, MAX_TEXT)
    group = None if group_id is None else get_group(group_id).id
    member = None if member_id is None else get_member(member_id).id
    with db.atomic():
        interaction = Interaction.create(
            group=group, member=member, kind=kind, at=moment, note=text
        )
        if member is not None:
            _touch_member(member, moment)
            if kind in ("checkin", "recognition"):  # the talk the check-in task asked for
                closed = close_checkin_tasks(member, text, moment)
                if closed:
                    Interaction.update(task=closed[0]).where(
                        Interaction.id == interaction.id
                    ).execute()
    return interaction
