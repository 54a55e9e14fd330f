"""Changes to many members at once, in chunks: add to a group, set status, add or remove a tag.

Each runs in one transaction; ``progress`` is called before each chunk (it may raise
``Cancelled``, which rolls everything back).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from app.core import clock
from app.core.groups import get_group
from app.core.members import chunks_reported, clean_fields, clean_tag, write_tags
from app.core.progress import Progress
from app.core.undo import first_count, undoable
from app.store.models import Member, Membership, MemberTag, db


@undoable("add_to_group", first_count)
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
            Membership.update(left_at=None).where(
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
    """Set the status (and its reason) of many members; ``progress`` as in the other bulks."""
    clean_fields({"status": status}, None)
    with db.atomic():
        for part in chunks_reported(list(member_ids), progress):
            Member.update(status=status, status_reason=reason.strip()).where(
                Member.id.in_(part)
            ).execute()


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
