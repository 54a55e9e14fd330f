"""Meetups: the event itself, the calendar's rows, and its agenda, checklist, budget and roles.

RSVPs and attendance live in ``core/rsvp.py`` and are re-exported here, so the panel needs
only this module. Times are naive UTC, as stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from peewee import fn

from app.core import clock, settings
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.rsvp import (
    RSVPS,
    RsvpChange,
    RsvpRow,
    all_going_attended,
    counts,
    meetup_or_fail,
    rebalance,
    remove_rsvp,
    rsvps,
    set_attended,
    set_rsvp,
)
from app.core.settings import checklist_template, set_checklist_template
from app.store.models import (
    AgendaItem,
    BudgetLine,
    ChecklistItem,
    Group,
    Meetup,
    MeetupGroup,
    MeetupRole,
    Member,
    Task,
    db,
)

__all__ = [
    "RSVPS",
    "RsvpChange",
    "RsvpRow",
    "all_going_attended",
    "checklist_template",
    "remove_rsvp",
    "rsvps",
    "set_attended",
    "set_checklist_template",
    "set_rsvp",
]

STATUSES = ("planned", "confirmed", "done", "cancelled")
ROLES = ("host", "check-in", "photos", "logistics", "other")
FIELDS = ("title", "start_at", "end_at", "group_ids", "venue", "address", "capacity", "status",
          "notes")  # fmt: skip
MAX_CAPACITY = 100_000
MAX_CENTS = 10**12


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


def _text(value: object, limit: int, what: str, required: bool = True) -> str:
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
    clean["title"] = _text(fields["title"], 100, QT_TRANSLATE_NOOP("Errors", "title"))
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


DEFAULT_PREP_TITLE = "Prepare the meetup “{title}”"
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
    prep_title: str = DEFAULT_PREP_TITLE,
) -> Meetup:
    """A new meetup with its checklist from the template, and a "meetup prep" task in the
    queue two days before it (``prep_title`` is a template with ``{title}``; "" for none)."""
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
        if prep_title:
            Task.create(
                title=prep_title.format(title=meetup.title)[:200],
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


# --- agenda ----------------------------------------------------------------------------


def _next_position(model: Any, meetup_id: int) -> int:
    top = model.select(fn.MAX(model.position)).where(model.meetup == meetup_id).scalar()
    return 0 if top is None else top + 1


def _owner(owner_id: int | None) -> int | None:
    if owner_id is not None and Member.get_or_none(Member.id == owner_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Member #{id} no longer exists."), id=owner_id)
    return owner_id


def _at(value: object) -> datetime | None:
    if value is not None and not isinstance(value, datetime):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "An agenda time must be a time."))
    return value


def add_agenda_item(
    meetup_id: int, title: str, at: datetime | None = None, owner_id: int | None = None
) -> AgendaItem:
    """A new agenda item (time, title, owner) at the end of the agenda."""
    with db.atomic():
        meetup_or_fail(meetup_id)
        clean = _text(title, 100, QT_TRANSLATE_NOOP("Errors", "agenda title"))
        return AgendaItem.create(
            meetup=meetup_id,
            title=clean,
            at=_at(at),
            owner=_owner(owner_id),
            position=_next_position(AgendaItem, meetup_id),
        )


def _item(model: Any, item_id: int) -> Any:
    item = model.get_or_none(model.id == item_id)
    if item is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "That item no longer exists (#{id})."), id=item_id
        )
    return item


def update_agenda_item(item_id: int, **fields: Any) -> AgendaItem:
    """Change an agenda item's ``title``, ``at``, ``owner_id`` or ``position``."""
    with db.atomic():
        item = _item(AgendaItem, item_id)
        clean: dict[str, Any] = {}
        for name, value in fields.items():
            if name == "title":
                clean["title"] = _text(value, 100, QT_TRANSLATE_NOOP("Errors", "agenda title"))
            elif name == "at":
                clean["at"] = _at(value)
            elif name == "owner_id":
                clean["owner"] = _owner(value)
            elif name == "position" and isinstance(value, int):
                clean["position"] = value
            else:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "An agenda item has no field “{field}”."),
                    field=name,
                )
        if clean:
            AgendaItem.update(**clean).where(AgendaItem.id == item.id).execute()
        return AgendaItem.get_by_id(item_id)


def remove_agenda_item(item_id: int) -> None:
    """Delete an agenda item."""
    AgendaItem.delete().where(AgendaItem.id == item_id).execute()


def agenda(meetup_id: int) -> list[AgendaItem]:
    """The agenda by time (untimed last), then position."""
    query = (
        AgendaItem.select()
        .where(AgendaItem.meetup == meetup_id)
        .order_by(AgendaItem.at.is_null(), AgendaItem.at, AgendaItem.position, AgendaItem.id)
    )
    return list(query)


# --- checklist -------------------------------------------------------------------------


def add_checklist_item(meetup_id: int, text: str) -> ChecklistItem:
    """A new, undone checklist item at the end."""
    with db.atomic():
        meetup_or_fail(meetup_id)
        clean = _text(text, 200, QT_TRANSLATE_NOOP("Errors", "checklist item"))
        position = _next_position(ChecklistItem, meetup_id)
        return ChecklistItem.create(meetup=meetup_id, text=clean, position=position)


def set_checklist_done(item_id: int, done: bool) -> None:
    """Tick or untick a checklist item."""
    _item(ChecklistItem, item_id)
    ChecklistItem.update(done=bool(done)).where(ChecklistItem.id == item_id).execute()


def remove_checklist_item(item_id: int) -> None:
    """Delete a checklist item."""
    ChecklistItem.delete().where(ChecklistItem.id == item_id).execute()


def checklist(meetup_id: int) -> list[ChecklistItem]:
    """The checklist in order."""
    query = ChecklistItem.select().where(ChecklistItem.meetup == meetup_id)
    return list(query.order_by(ChecklistItem.position, ChecklistItem.id))


# --- budget ----------------------------------------------------------------------------


def add_budget_line(meetup_id: int, item: str, amount_cents: int) -> BudgetLine:
    """A new budget line (a negative amount is income, e.g. a sponsor)."""
    if (
        not isinstance(amount_cents, int)
        or isinstance(amount_cents, bool)
        or abs(amount_cents) > MAX_CENTS
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A budget amount must be a whole number of cents.")
        )
    with db.atomic():
        meetup_or_fail(meetup_id)
        clean = _text(item, 100, QT_TRANSLATE_NOOP("Errors", "budget item"))
        position = _next_position(BudgetLine, meetup_id)
        return BudgetLine.create(
            meetup=meetup_id, item=clean, amount_cents=amount_cents, position=position
        )


def remove_budget_line(line_id: int) -> None:
    """Delete a budget line."""
    BudgetLine.delete().where(BudgetLine.id == line_id).execute()


def budget(meetup_id: int) -> list[BudgetLine]:
    """The budget lines in order."""
    query = BudgetLine.select().where(BudgetLine.meetup == meetup_id)
    return list(query.order_by(BudgetLine.position, BudgetLine.id))


def budget_total_cents(meetup_id: int) -> int:
    """The sum of the budget lines, in cents."""
    total = (
        BudgetLine.select(fn.SUM(BudgetLine.amount_cents))
        .where(BudgetLine.meetup == meetup_id)
        .scalar()
    )
    return int(total or 0)


# --- roles -----------------------------------------------------------------------------


def add_role(meetup_id: int, member_id: int, role: str) -> MeetupRole:
    """A helper role for a member: one of ``ROLES`` or free text of at most 40 characters."""
    with db.atomic():
        meetup_or_fail(meetup_id)
        clean = _text(role, 40, QT_TRANSLATE_NOOP("Errors", "meetup role"))
        _owner(member_id)
        existing = MeetupRole.get_or_none(
            (MeetupRole.meetup == meetup_id)
            & (MeetupRole.member == member_id)
            & (MeetupRole.role == clean)
        )
        return existing or MeetupRole.create(meetup=meetup_id, member=member_id, role=clean)


def remove_role(role_id: int) -> None:
    """Delete a helper role."""
    MeetupRole.delete().where(MeetupRole.id == role_id).execute()


def roles(meetup_id: int) -> list[tuple[MeetupRole, str]]:
    """The meetup's roles with each member's name, in the order of ``ROLES`` then added."""
    query = (
        MeetupRole.select(MeetupRole, Member.name)
        .join(Member)
        .where(MeetupRole.meetup == meetup_id)
        .order_by(MeetupRole.id)
    )
    rows = [(role, role.member.name) for role in query]
    rows.sort(key=lambda pair: ROLES.index(pair[0].role) if pair[0].role in ROLES else len(ROLES))
    return rows


def interface_is_chinese() -> bool:
    """Whether built-in texts (the checklist template) are in Chinese."""
    return settings.interface_is_chinese()
