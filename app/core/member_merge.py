"""Merging two records of the same person into one."""

from __future__ import annotations

from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.members import IDENTITY_FIELDS, get_member, refresh_search, tags_of, write_tags
from app.core.memberships import ROLES
from app.core.undo import member_name, undoable
from app.store.models import (
    Attendance,
    ChatDay,
    Member,
    MemberSearch,
    Membership,
    MemberTag,
    SuggestionDismissal,
    db,
)

# The tables a merge cannot simply re-point, one row per person and group, meetup, tag or
# kind: merged on their own below (the dropped record's dismissals go with it). Every other
# table that names a member, the ones added later included, has its rows moved.
_MERGED_APART = (Membership, Attendance, MemberTag, MemberSearch, SuggestionDismissal, ChatDay)


@undoable("merge", detail=member_name)
def merge_members(keep_id: int, drop_id: int) -> Member:
    """Fold ``drop_id`` into ``keep_id``: memberships, history and attendance move.

    One transaction: a failure anywhere leaves both members as they were.
    """
    if keep_id == drop_id:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A member cannot be merged with itself."))
    keep, drop = get_member(keep_id), get_member(drop_id)
    with db.atomic():
        _merge_memberships(keep_id, drop_id)
        _merge_chat_days(keep_id, drop_id)
        # list(): rows are changed while we go, so never iterate a live cursor over them
        for att in list(Attendance.select().where(Attendance.member == drop_id)):
            if (
                Attendance.select()
                .where(Attendance.member == keep_id, Attendance.meetup == att.meetup_id)
                .exists()
            ):
                att.delete_instance()
            else:
                Attendance.update(member=keep_id).where(Attendance.id == att.id).execute()
        for field in Member._meta.backrefs:
            if field.model not in _MERGED_APART:
                field.model.update({field: keep_id}).where(field == drop_id).execute()
        drop_tags = tags_of(drop_id)
        MemberTag.delete().where(MemberTag.member == drop_id).execute()
        write_tags([keep_id], drop_tags)
        filled: dict[str, Any] = {}
        for key in (*IDENTITY_FIELDS, "email", "city", "gender"):
            if not getattr(keep, key) and getattr(drop, key):
                filled[key] = getattr(drop, key)
        if drop.notes:
            filled["notes"] = "\n".join(n for n in (keep.notes, drop.notes) if n)
        filled["star"] = keep.star or drop.star
        filled["first_seen"] = min(keep.first_seen, drop.first_seen)
        contacts = [c for c in (keep.last_contacted, drop.last_contacted) if c]
        filled["last_contacted"] = max(contacts) if contacts else None
        for model in (MemberSearch, SuggestionDismissal):
            model.delete().where(model.member == drop_id).execute()
        Member.delete().where(Member.id == drop_id).execute()
        Member.update(**filled).where(Member.id == keep_id).execute()
        refresh_search([keep_id])
    return get_member(keep_id)


def _merge_memberships(keep_id: int, drop_id: int) -> None:
    kept = {m.group_id: m for m in Membership.select().where(Membership.member == keep_id)}
    for m in list(Membership.select().where(Membership.member == drop_id)):
        other = kept.get(m.group_id)
        if other is None:
            Membership.update(member=keep_id).where(Membership.id == m.id).execute()
            continue
        joined = [d for d in (other.joined_at, m.joined_at) if d]
        spoke = [d for d in (other.last_spoke_at, m.last_spoke_at) if d]
        # still in the group if either record is; else as the record that ended last says
        if other.left_at is None or m.left_at is None:
            left_at, status = None, "active"
        else:
            last = other if other.left_at >= m.left_at else m
            left_at, status = last.left_at, last.status
        Membership.update(
            nickname=other.nickname or m.nickname,
            role=min((other.role, m.role), key=ROLES.index),
            joined_at=min(joined) if joined else None,
            last_spoke_at=max(spoke) if spoke else None,
            left_at=left_at,
            status=status,
            chat_only=other.chat_only and m.chat_only,
        ).where(Membership.id == other.id).execute()
        m.delete_instance()


def _merge_chat_days(keep_id: int, drop_id: int) -> None:
    """Daily message counts: a day both have in a group is summed, the rest moves."""
    db.execute_sql(
        "UPDATE chat_day AS k SET messages = k.messages + d.messages FROM chat_day AS d"
        " WHERE k.member_id = ? AND d.member_id = ? AND k.group_id = d.group_id"
        " AND k.day = d.day",
        (keep_id, drop_id),
    )
    db.execute_sql(
        "DELETE FROM chat_day WHERE member_id = ? AND EXISTS (SELECT 1 FROM chat_day AS k"
        " WHERE k.member_id = ? AND k.group_id = chat_day.group_id AND k.day = chat_day.day)",
        (drop_id, keep_id),
    )
    ChatDay.update(member=keep_id).where(ChatDay.member == drop_id).execute()
