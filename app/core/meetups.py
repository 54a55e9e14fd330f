"""Meetups: the event itself and the calendar's rows; its plan is in ``core/meetup_plan.py``.

RSVPs and attendance are in ``core/rsvp.py``. Times are naive UTC, as stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from app.core import clock
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.generated_text import Generated
from app.core.rsvp import (
    counts,
    meetup_or_fail,
    rebalance,
)
from app.core.settings import checklist_template
from app.store.models import (
    ChecklistItem,
    Group,
    Meetup,
    MeetupGroup,
    Task,
    db,
)

STATUSES = ("planned", "confirmed", "done", "cancelled")
FIELDS = ("title", "start_at", "end_at", "group_ids", "venue", "address", "capacity", "status",
          "notes")  # fmt: skip
MAX_CAPACITY = 100_000


@dataclass(frozen=True)
class MeetupRow:
    """A meetup as the calendar and the upcoming list show it."""

    id: int
    title: str
    start_at: datetime
    end_at: datetime
    venue: str
    status: str
    capacity: int | None
    going: int
    waitlist: int
    groups: str


def get_meetup(meetup_id: int) -> Meetup:
    """The meetup ``meetup_id``, or NotFound."""
    return meetup_or_fail(meetup_id)


def clean_text(value: object, limit: int, what: str, required: bool = True) -> str:
    """``value`` stripped; refused when longer than ``limit`` (or empty, when ``required``).

    ``what`` names the field in the message (a ``QT_TRANSLATE_NOOP`` text).
    """
    text = str(value or "").strip()
    if (required and not text) or len(text) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The {what} must have 1 to {limit} characters."),
            what=what,
            limit=limit,
        )
    return text


def _optional_text(value: object, limit: int, what: str) -> str:
    text = str(value or "").strip()
    if len(text) > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The {what} has at most {limit} characters."),
            what=what,
            limit=limit,
        )
    return text


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Validated meetup fields; raises ValidationError before anything is written."""
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A meetup has no field “{field}”."), field=unknown[0]
        )
    clean = dict(fields)
    clean["title"] = clean_text(fields["title"], 100, QT_TRANSLATE_NOOP("Errors", "title"))
    start, end = fields["start_at"], fields["end_at"]
    if not isinstance(start, datetime) or not isinstance(end, datetime) or end <= start:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A meetup must end after it starts."))
    capacity = fields["capacity"]
    if capacity is not None and (
        not isinstance(capacity, int)
        or isinstance(capacity, bool)
        or not 1 <= capacity <= MAX_CAPACITY
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "The capacity must be empty or a whole number from 1 to {max}."
            ),
            max=MAX_CAPACITY,
        )
    if fields["status"] not in STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "“{status}” is not a meetup status: use {choices}."),
            status=fields["status"],
            choices=", ".join(STATUSES),
        )
    clean["venue"] = _optional_text(fields["venue"], 200, QT_TRANSLATE_NOOP("Errors", "venue"))
    clean["address"] = _optional_text(
        fields["address"], 500, QT_TRANSLATE_NOOP("Errors", "address")
    )
    clean["notes"] = _optional_text(fields["notes"], 10_000, QT_TRANSLATE_NOOP("Errors", "notes"))
    group_ids = list(dict.fromkeys(int(g) for g in fields["group_ids"]))
    existing = {g.id for g in Group.select(Group.id).where(Group.id.in_(group_ids))}
    missing = [g for g in group_ids if g not in existing]
    if missing:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Group #{id} no longer exists."), id=missing[0])
    clean["group_ids"] = group_ids
    return clean


def _write_groups(meetup_id: int, group_ids: Sequence[int]) -> None:
    MeetupGroup.delete().where(MeetupGroup.meetup == meetup_id).execute()
    if group_ids:
        fields = (MeetupGroup.meetup, MeetupGroup.group)
        MeetupGroup.insert_many([(meetup_id, g) for g in group_ids], fields=fields).execute()


PREP_DAYS = 2


def create_meetup(
    title: str,
    start_at: datetime,
    end_at: datetime,
    group_ids: Sequence[int] = (),
    venue: str = "",
    address: str = "",
    capacity: int | None = None,
    status: str = "planned",
    notes: str = "",
    prep_task: bool = True,
) -> Meetup:
    """A new meetup with its checklist from the template, and (unless not ``prep_task``) a
    "meetup prep" task in the queue two days before it, its title stored as a code."""
    given = {"title": title, "start_at": start_at, "end_at": end_at, "group_ids": group_ids,
             "venue": venue, "address": address, "capacity": capacity, "status": status,
             "notes": notes}  # fmt: skip
    with db.atomic():
        clean = _clean(given)
        group_list = clean.pop("group_ids")
        meetup = Meetup.create(**clean)
        _write_groups(meetup.id, group_list)
        items = checklist_template()
        if items:
            ChecklistItem.insert_many(
                [(meetup.id, text, False, i) for i, text in enumerate(items)],
                fields=(ChecklistItem.meetup, ChecklistItem.text, ChecklistItem.done,
                        ChecklistItem.position),
            ).execute()  # fmt: skip
        if prep_task:
            Task.create(
                title=Generated("meetup.prep", title=meetup.title),
                kind="meetup_prep",
                group=group_list[0] if group_list else None,
                due_at=meetup.start_at - timedelta(days=PREP_DAYS),
                priority=1,
                origin="meetup",
                created_at=clock.now(),
            )
    return meetup


def update_meetup(meetup_id: int, **fields: Any) -> Meetup:
    """Change some fields (as ``create_meetup`` takes them); capacity changes move the waitlist."""
    with db.atomic():
        meetup = meetup_or_fail(meetup_id)
        current = {name: getattr(meetup, name) for name in FIELDS if name != "group_ids"}
        current["group_ids"] = group_ids_of(meetup_id)
        clean = _clean({**current, **fields})
        group_list = clean.pop("group_ids")
        Meetup.update(**clean).where(Meetup.id == meetup_id).execute()
        if "group_ids" in fields:
            _write_groups(meetup_id, group_list)
        meetup = Meetup.get_by_id(meetup_id)
        rebalance(meetup)
    return meetup


def group_ids_of(meetup_id: int) -> list[int]:
    """The ids of the meetup's groups."""
    query = MeetupGroup.select(MeetupGroup.group).where(MeetupGroup.meetup == meetup_id)
    return [row.group_id for row in query.order_by(MeetupGroup.id)]


def group_names(meetup_ids: Sequence[int]) -> dict[int, list[str]]:
    """The names of each meetup's groups."""
    found: dict[int, list[str]] = {}
    if not meetup_ids:
        return found
    query = cast(
        "Iterable[tuple[int, str]]",
        MeetupGroup.select(MeetupGroup.meetup, Group.name)
        .join(Group)
        .where(MeetupGroup.meetup.in_(list(meetup_ids)))
        .order_by(MeetupGroup.id)
        .tuples(),
    )
    for meetup_id, name in query:
        found.setdefault(meetup_id, []).append(name)
    return found


def _rows(meetups: Sequence[Meetup]) -> list[MeetupRow]:
    ids = [m.id for m in meetups]
    tallies, names = counts(ids), group_names(ids)
    return [
        MeetupRow(
            id=m.id,
            title=m.title,
            start_at=m.start_at,
            end_at=m.end_at,
            venue=m.venue,
            status=m.status,
            capacity=m.capacity,
            going=tallies.get(m.id, (0, 0))[0],
            waitlist=tallies.get(m.id, (0, 0))[1],
            groups=", ".join(names.get(m.id, [])),
        )
        for m in meetups
    ]


def meetups_between(start: datetime, end: datetime) -> list[MeetupRow]:
    """Meetups overlapping [start, end), by start."""
    query = Meetup.select().where((Meetup.start_at < end) & (Meetup.end_at > start))
    return _rows(list(query.order_by(Meetup.start_at, Meetup.id)))


def upcoming(now: datetime | None = None, limit: int = 50) -> list[MeetupRow]:
    """Planned and confirmed meetups not yet over, soonest first."""
    moment = now or clock.now()
    query = Meetup.select().where(
        (Meetup.end_at > moment) & Meetup.status.in_(("planned", "confirmed"))
    )
    return _rows(list(query.order_by(Meetup.start_at, Meetup.id).limit(limit)))


def all_meetup_ids() -> list[int]:
    """Every meetup's id, by start."""
    return [m.id for m in Meetup.select(Meetup.id).order_by(Meetup.start_at, Meetup.id)]
