"""Changes to many members at once, in chunks: add to a group, set status, add or remove a tag.

A status is the person's (active, banned: ``bulk_set_status``) or a membership's (left or
removed from some of their groups: ``bulk_set_membership_status``).

Each runs in one transaction; ``progress`` is called before each chunk (it may raise
``Cancelled``, which rolls everything back).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import cast

from app.core import clock
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.groups import get_group
from app.core.members import chunks_reported, clean_fields, clean_tag, write_tags
from app.core.progress import Progress
from app.core.undo import first_count, name_of, undoable
from app.store.models import Group, Member, Membership, MemberTag, db

ENDINGS = ("left", "removed")  # what a bulk change can make of a membership


@undoable("add_to_group", first_count, place=name_of("chat_group", 1))
def bulk_add_to_group(
    member_ids: Sequence[int], group_id: int, progress: Progress | None = None
) -> int:
    """Add every member to a group (rejoining those who left); returns how many were added.

    ``progress`` is called before each chunk of ``CHUNK`` members (it may raise ``Cancelled``).
    """
    get_group(group_id)
    now = clock.now()
    added = 0
    unique_ids = list(dict.fromkeys(member_ids))  # a repeated id must not insert twice
    with db.atomic():
        for part in chunks_reported(unique_ids, progress):
            present = {
                m
                for (m,) in cast(
                    "Iterable[tuple[int]]",
                    Membership.select(Membership.member)
                    .where(Membership.group == group_id, Membership.member.in_(part))
                    .tuples(),
                )
            }
            Membership.update(left_at=None, status="active").where(
                Membership.group == group_id,
                Membership.member.in_(part),
                Membership.left_at.is_null(False),
            ).execute()
            new = [(m, group_id, now) for m in part if m not in present]
            if new:
                Membership.insert_many(
                    new, fields=[Membership.member, Membership.group, Membership.joined_at]
                ).execute()
            added += len(new)
    return added


@undoable("set_status", first_count)
def bulk_set_status(
    member_ids: Sequence[int], status: str, reason: str = "", progress: Progress | None = None
) -> None:
    """Set the person's own status (active or banned) and its reason of many members;
    ``progress`` as in the other bulks. Bans go through ``bans.set_status``, which records them."""
    clean_fields({"status": status}, None)
    with db.atomic():
        for part in chunks_reported(list(member_ids), progress):
            Member.update(status=status, status_reason=reason.strip()).where(
                Member.id.in_(part)
            ).execute()


def groups_of(member_ids: Sequence[int]) -> list[tuple[int, str]]:
    """The groups any of ``member_ids`` is in now, as (id, name), by name."""
    found: set[int] = set()
    for part in chunks_reported(list(member_ids), None):
        query = (
            Membership.select(Membership.group)
            .where(Membership.member.in_(part), Membership.left_at.is_null())
            .distinct()
            .tuples()
        )
        found.update(g for (g,) in cast("Iterable[tuple[int]]", query))
    if not found:
        return []
    rows = (
        Group.select(Group.id, Group.name)
        .where(Group.id.in_(sorted(found)))
        .order_by(Group.sort_key, Group.id)
        .tuples()
    )
    return [(g, name) for g, name in cast("Iterable[tuple[int, str]]", rows)]


@undoable("set_status", first_count)
def bulk_set_membership_status(
    member_ids: Sequence[int],
    status: str,
    group_ids: Sequence[int] | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> int:
    """Mark many members "left" or "removed" from ``group_ids`` (None: every group they are in
    now); the number of memberships changed.

    A current membership ends ``now`` (never before the member joined); one already ended in a
    named group keeps its date and takes the new kind. The people's own status is untouched.
    """
    if status not in ENDINGS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown status “{value}”; use one of: {choices}."),
            value=status,
            choices=", ".join(ENDINGS),
        )
    if group_ids is not None:
        if not group_ids:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose at least one group."))
        for group_id in group_ids:
            get_group(group_id)
    at = str(now or clock.now())
    changed = 0
    with db.atomic():
        for part in chunks_reported(list(dict.fromkeys(member_ids)), progress):
            marks = ",".join("?" * len(part))
            where = f"member_id IN ({marks}) AND status != ?"
            params: list[object] = [*part, status]
            if group_ids is None:
                where += " AND left_at IS NULL"
            else:
                where += f" AND group_id IN ({','.join('?' * len(group_ids))})"
                params += list(group_ids)
            cursor = db.execute_sql(
                "UPDATE membership SET status = ?, left_at = COALESCE(left_at,"
                " CASE WHEN joined_at > ? THEN joined_at ELSE ? END) WHERE " + where,
                [status, at, at, *params],
            )
            changed += cursor.rowcount
    return changed


@undoable("add_tag", first_count)
def bulk_add_tag(member_ids: Sequence[int], tag: str, progress: Progress | None = None) -> None:
    """Tag many members (those who have the tag keep it); ``progress`` before each chunk."""
    tag = clean_tag(tag)
    with db.atomic():
        write_tags(list(member_ids), [tag], progress)


@undoable("remove_tag", first_count)
def bulk_remove_tag(member_ids: Sequence[int], tag: str, progress: Progress | None = None) -> None:
    """Take a tag off many members; ``progress`` before each chunk."""
    with db.atomic():
        for part in chunks_reported(list(member_ids), progress):
            MemberTag.delete().where(MemberTag.member.in_(part), MemberTag.tag == tag).execute()
