"""Memberships: a member in a group, with nickname, role, joined, last-spoke and left dates.

A membership's status is "active", or "left" / "removed" with the date in ``left_at``: leaving
or being removed belongs to one group; the person stays in the others (a ban is the person's).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.core import clock
from app.core.choice_codes import MEMBERSHIP_STATUSES
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.groups import get_group
from app.core.members import get_member, refresh_search
from app.core.undo import member_name, name_of, undoable
from app.store.models import Group, Membership, db

ROLES = ("owner", "admin", "member")


def _clean_membership(fields: dict[str, Any]) -> dict[str, Any]:
    out = dict(fields)
    if "nickname" in out:
        out["nickname"] = str(out["nickname"] or "").strip()
        if len(out["nickname"]) > 100:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A group nickname can have at most 100 characters.")
            )
    if "role" in out and out["role"] not in ROLES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown role “{value}”; use one of: {choices}."),
            value=out["role"],
            choices=", ".join(ROLES),
        )
    for key in ("joined_at", "last_spoke_at", "left_at"):
        if key in out and out[key] is not None and not isinstance(out[key], datetime):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A date is not valid."))
    if "status" in out and out["status"] not in MEMBERSHIP_STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown status “{value}”; use one of: {choices}."),
            value=out["status"],
            choices=", ".join(MEMBERSHIP_STATUSES),
        )
    joined, left = out.get("joined_at"), out.get("left_at")
    if joined and left and left < joined:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A member cannot leave a group before joining it.")
        )
    return out


def _with_status(data: dict[str, Any], stored_status: str = "active") -> dict[str, Any]:
    """``data`` with the status its ``left_at`` implies: an end date makes a membership left
    (a removal stays a removal), no end date makes it active."""
    if "left_at" in data:
        if data["left_at"] is None:
            data["status"] = "active"
        elif stored_status == "active":
            data["status"] = "left"
    return data


MEMBERSHIP_FIELDS = ("nickname", "role", "joined_at", "last_spoke_at", "left_at")


def add_membership(member_id: int, group_id: int, **fields: Any) -> Membership:
    """Put a member in a group (or back in it, if they had left)."""
    unknown = set(fields) - set(MEMBERSHIP_FIELDS)
    if unknown:
        raise TypeError(f"unknown membership fields: {sorted(unknown)}")
    get_member(member_id)
    get_group(group_id)
    data = _clean_membership(fields)
    with db.atomic():
        existing = Membership.get_or_none(
            Membership.member == member_id, Membership.group == group_id
        )
        if existing is None:
            if data.get("left_at") is None:
                data.setdefault("joined_at", clock.now())
            _with_status(data)
            membership = Membership.create(member=member_id, group=group_id, **data)
        else:
            data.setdefault("left_at", None)
            _with_status(data, existing.status)
            # the dates given must fit the ones already stored (a rejoin keeps its joined date)
            _clean_membership({"joined_at": existing.joined_at, **data})
            Membership.update(**data).where(Membership.id == existing.id).execute()
            membership = Membership.get_by_id(existing.id)
        refresh_search([member_id])
    return membership


def update_membership(membership_id: int, **fields: Any) -> Membership:
    unknown = set(fields) - set(MEMBERSHIP_FIELDS)
    if unknown:
        raise TypeError(f"unknown membership fields: {sorted(unknown)}")
    membership = Membership.get_or_none(Membership.id == membership_id)
    if membership is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That membership no longer exists."))
    merged = {k: getattr(membership, k) for k in ("joined_at", "left_at")}
    merged.update(fields)
    _clean_membership(merged)
    data = _with_status(_clean_membership(fields), membership.status)
    with db.atomic():
        Membership.update(**data).where(Membership.id == membership_id).execute()
        refresh_search([membership.member_id])
    return Membership.get_by_id(membership_id)


@undoable("leave_group", detail=member_name, place=name_of("chat_group", 1))
def leave_group(member_id: int, group_id: int, when: datetime | None = None) -> None:
    """Record that a member left a group; the membership and its history stay."""
    left_at = when or clock.now()
    with db.atomic():
        current = Membership.get_or_none(
            Membership.member == member_id,
            Membership.group == group_id,
            Membership.left_at.is_null(),
        )
        if current is None:
            return
        _clean_membership({"joined_at": current.joined_at, "left_at": left_at})
        Membership.update(left_at=left_at, status="left").where(
            Membership.member == member_id,
            Membership.group == group_id,
            Membership.left_at.is_null(),
        ).execute()


def memberships_of(member_id: int) -> list[Membership]:
    """A member's memberships, current first, with their groups."""
    return list(
        Membership.select(Membership, Group)
        .join(Group)
        .where(Membership.member == member_id)
        .order_by(Membership.left_at.is_null(False), Group.sort_key)
    )


@undoable("membership_status", detail=member_name, place=name_of("chat_group", 1))
def set_membership_status(
    member_id: int, group_id: int, status: str, now: datetime | None = None
) -> Membership:
    """Mark a member "left" or "removed" from one group, or "active" (back in it).

    Ending a membership dates it ``now`` (never before they joined); one already ended keeps
    its date when only the kind changes (left ↔ removed). The person's own status and their
    other groups stay as they are. Raises ``ValidationError`` for an unknown status and
    ``NotFound`` when the member, the group or the membership does not exist.
    """
    if status not in MEMBERSHIP_STATUSES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown status “{value}”; use one of: {choices}."),
            value=status,
            choices=", ".join(MEMBERSHIP_STATUSES),
        )
    member = get_member(member_id)
    group = get_group(group_id)
    now = now or clock.now()
    with db.atomic():
        current = Membership.get_or_none(
            Membership.member == member_id, Membership.group == group_id
        )
        if current is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "{name} was never in “{group}”."),
                name=member.name,
                group=group.name,
            )
        if status == "active":
            changes: dict[str, Any] = {"status": "active", "left_at": None}
        else:
            left_at = current.left_at
            if left_at is None:
                left_at = max(now, current.joined_at) if current.joined_at else now
            changes = {"status": status, "left_at": left_at}
        Membership.update(**changes).where(Membership.id == current.id).execute()
    return Membership.get_by_id(current.id)
