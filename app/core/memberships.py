"""Memberships: a member in a group, with nickname, role, joined, last-spoke and left dates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.core import clock
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.groups import get_group
from app.core.members import get_member, refresh_search
from app.core.undo import member_name, undoable
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
    joined, left = out.get("joined_at"), out.get("left_at")
    if joined and left and left < joined:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A member cannot leave a group before joining it.")
        )
    return out


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
            membership = Membership.create(member=member_id, group=group_id, **data)
        else:
            data.setdefault("left_at", None)
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
    data = _clean_membership(fields)
    with db.atomic():
        Membership.update(**data).where(Membership.id == membership_id).execute()
        refresh_search([membership.member_id])
    return Membership.get_by_id(membership_id)


@undoable("leave_group", detail=member_name)
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
        Membership.update(left_at=left_at).where(
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
