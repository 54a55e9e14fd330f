"""A meetup's plan: its agenda, checklist, budget and helper roles."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from peewee import fn

from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.meetups import clean_text
from app.core.rsvp import meetup_or_fail
from app.store.models import AgendaItem, BudgetLine, ChecklistItem, MeetupRole, Member, db

ROLES = ("host", "check-in", "photos", "logistics", "other")
MAX_CENTS = 10**12


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
        clean = clean_text(title, 100, QT_TRANSLATE_NOOP("Errors", "agenda title"))
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
                clean["title"] = clean_text(value, 100, QT_TRANSLATE_NOOP("Errors", "agenda title"))
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
        clean = clean_text(text, 200, QT_TRANSLATE_NOOP("Errors", "checklist item"))
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
        clean = clean_text(item, 100, QT_TRANSLATE_NOOP("Errors", "budget item"))
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
        clean = clean_text(role, 40, QT_TRANSLATE_NOOP("Errors", "meetup role"))
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
