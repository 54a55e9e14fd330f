"""The ban list across groups and platforms: ban, unban, and removing the banned where they remain.

A member banned anywhere is flagged in every group they are still in, with a "spam sweep" task
to remove them there (PRODUCT.md §3 panel 5); marking them removed from a group closes it.
Huoqun never acts in the chat app: the operator removes them, Huoqun remembers and reminds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from peewee import chunked

from app.core import clock
from app.core.care import parse_time
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.generated_text import Generated, stored
from app.core.groups import get_group
from app.core.member_bulk import bulk_set_status
from app.core.members import MAX_REASON, get_member
from app.core.undo import first_count, member_name, name_of, undoable
from app.store.models import Interaction, Member, Task, db

SWEEP = "spam_sweep"
BAN_ORIGIN = "ban"  # the origin of a ban's removal tasks


@dataclass(frozen=True)
class BanRow:
    """A banned member: when and why, and the groups they are still in as (id, name)."""

    member_id: int
    name: str
    banned_at: datetime | None
    reason: str
    still_in: tuple[tuple[int, str], ...]


def _clean_reason(reason: str, empty_template: str) -> str:
    text = str(reason or "").strip()
    if not text:
        raise ValidationError(empty_template)
    if len(text) > MAX_REASON:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A reason can have at most {max} characters."),
            max=MAX_REASON,
        )
    return text


def _title(member: str, group: str) -> Generated:
    """A removal task's title: stored as its code, shown in the interface language."""
    return Generated("ban.remove", member=member, group=group)


@undoable("ban", detail=member_name)
def ban_member(
    member_id: int,
    reason: str,
    now: datetime | None = None,
) -> list[int]:
    """Ban a member, recording why, with a task to remove them from each group they are in.

    No task is added where an open one for that member and group exists, so banning again
    (say, after an import brought them back) only adds tasks for new groups. Returns the ids
    of the tasks created.
    """
    member = get_member(member_id)
    why = _clean_reason(reason, QT_TRANSLATE_NOOP("Errors", "A ban needs a reason."))
    now = now or clock.now()
    with db.atomic():
        Member.update(status="banned", status_reason=why).where(Member.id == member_id).execute()
        Interaction.create(member=member_id, kind="ban", at=now, note=why)
        groups = db.execute_sql(
            "SELECT g.id, g.name FROM membership ms JOIN chat_group g ON g.id = ms.group_id"
            " WHERE ms.member_id = ? AND ms.left_at IS NULL AND NOT EXISTS (SELECT 1 FROM task t"
            " WHERE t.member_id = ms.member_id AND t.group_id = ms.group_id AND t.kind = ?"
            " AND t.status = 'open') ORDER BY g.sort_key, g.id",
            (member_id, SWEEP),
        ).fetchall()
        created = []
        for group_id, group_name in groups:
            task = Task.create(
                title=_title(member.name, group_name),
                kind=SWEEP,
                group=group_id,
                member=member_id,
                due_at=now,
                priority=1,
                status="open",
                origin=BAN_ORIGIN,
                created_at=now,
            )
            created.append(task.id)
    return created


def sweep_returned(now: datetime | None = None) -> list[int]:
    """Flag banned members found in a group again (say, after an import): a task for each.

    Adds the removal task ``ban_member`` would, for every active membership of a banned member
    that has no open one; records no new ban. Returns the ids of the tasks created. A few
    queries whatever the number of members.
    """
    now = now or clock.now()
    with db.atomic():
        missing = db.execute_sql(
            "SELECT m.id, m.name, g.id, g.name FROM membership ms"
            " JOIN member m ON m.id = ms.member_id JOIN chat_group g ON g.id = ms.group_id"
            " WHERE ms.left_at IS NULL AND m.status = 'banned' AND NOT EXISTS (SELECT 1 FROM task t"
            " WHERE t.member_id = ms.member_id AND t.group_id = ms.group_id AND t.kind = ?"
            " AND t.status = 'open') ORDER BY m.id, g.sort_key, g.id",
            (SWEEP,),
        ).fetchall()
        if not missing:
            return []
        last = db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM task").fetchone()[0]
        titles = [_title(member, group) for _, member, _, group in missing]
        rows = [
            (str(title), *stored(title), SWEEP, group_id, member_id, now, "", 1, "open", "", "",
             BAN_ORIGIN, now)
            for title, (member_id, _, group_id, _) in zip(titles, missing, strict=True)
        ]  # fmt: skip
        fields = [Task.title, Task.title_key, Task.title_args, Task.kind, Task.group, Task.member,
                  Task.due_at, Task.rrule, Task.priority, Task.status, Task.notes, Task.outcome,
                  Task.origin, Task.created_at]  # fmt: skip
        for part in chunked(rows, 500):
            Task.insert_many(part, fields=fields).execute()
        created = db.execute_sql("SELECT id FROM task WHERE id > ? ORDER BY id", (last,))
        return [task_id for (task_id,) in created]


@undoable("unban", detail=member_name)
def unban_member(member_id: int, reason: str, now: datetime | None = None) -> int:
    """Lift a ban: the member is active again, and the unban is recorded with its reason.

    The ban's open tasks to remove them from groups are closed (skipped): the Ban list and the
    Queue agree that nobody needs removing any more. Returns how many were closed.
    """
    member = get_member(member_id)
    if member.status != "banned":
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{name} is not banned."), name=member.name
        )
    why = _clean_reason(reason, QT_TRANSLATE_NOOP("Errors", "Lifting a ban needs a reason."))
    now = now or clock.now()
    with db.atomic():
        Member.update(status="active", status_reason="").where(Member.id == member_id).execute()
        Interaction.create(member=member_id, kind="unban", at=now, note=why)
        return int(
            Task.update(status="skipped", done_at=now)
            .where(
                Task.member == member_id,
                Task.kind == SWEEP,
                Task.origin == BAN_ORIGIN,
                Task.status == "open",
            )
            .execute()
        )


@undoable("mark_removed", detail=member_name, place=name_of("chat_group", 1))
def mark_removed(member_id: int, group_id: int, now: datetime | None = None) -> None:
    """The operator removed the member from the group: they are marked removed from it, and
    its open sweep tasks are done (the Queue agrees with the Ban list).

    The member's status is not changed (they may still be welcome in other groups).
    """
    get_member(member_id)
    get_group(group_id)
    now = now or clock.now()
    with db.atomic():
        db.execute_sql(  # never before they joined
            "UPDATE membership SET left_at = CASE WHEN joined_at > ? THEN joined_at ELSE ? END,"
            " status = 'removed' WHERE member_id = ? AND group_id = ? AND left_at IS NULL",
            (str(now), str(now), member_id, group_id),
        )
        Task.update(status="done", done_at=now, outcome="removed").where(
            Task.member == member_id,
            Task.group == group_id,
            Task.kind == SWEEP,
            Task.status == "open",
        ).execute()


def is_banned(member_id: int) -> bool:
    """Whether the member's status is banned."""
    return bool(Member.select().where(Member.id == member_id, Member.status == "banned").exists())


def open_removal_tasks(member_id: int) -> int:
    """How many open tasks ask to remove the member from a group (a ban adds them)."""
    return int(
        Task.select()
        .where(Task.member == member_id, Task.kind == SWEEP, Task.status == "open")
        .count()
    )


def ban_list() -> list[BanRow]:
    """Every banned member, latest ban first, with where they still are. Two queries."""
    still_in: dict[int, list[tuple[int, str]]] = {}
    for member_id, group_id, group_name in db.execute_sql(
        "SELECT ms.member_id, g.id, g.name FROM membership ms"
        " JOIN chat_group g ON g.id = ms.group_id WHERE ms.left_at IS NULL"
        " AND ms.member_id IN (SELECT id FROM member WHERE status = 'banned')"
        " ORDER BY g.sort_key, g.id"
    ):
        still_in.setdefault(member_id, []).append((group_id, group_name))
    rows = []
    for member_id, name, sort_key, reason, banned_at in db.execute_sql(
        "SELECT m.id, m.name, m.sort_key, m.status_reason, (SELECT MAX(i.at) FROM interaction i"
        " WHERE i.member_id = m.id AND i.kind = 'ban') FROM member m WHERE m.status = 'banned'"
    ):
        at = parse_time(banned_at)
        row = BanRow(member_id, name, at, reason or "", tuple(still_in.get(member_id, ())))
        rows.append((row, sort_key))
    rows.sort(key=lambda x: (x[1], x[0].member_id))  # by name within the same moment
    rows.sort(key=lambda x: x[0].banned_at or datetime.min, reverse=True)  # stable
    return [row for row, _ in rows]


def banned_still_in(group_id: int) -> list[tuple[int, str]]:
    """The banned members still in a group, as (member id, name), by name. One query."""
    query = db.execute_sql(
        "SELECT m.id, m.name FROM membership ms JOIN member m ON m.id = ms.member_id"
        " WHERE ms.group_id = ? AND ms.left_at IS NULL AND m.status = 'banned'"
        " ORDER BY m.sort_key, m.id",
        (group_id,),
    )
    return [(member_id, name) for member_id, name in query]


@undoable("set_status", first_count)
def set_status(
    member_ids: Sequence[int],
    status: str,
    reason: str = "",
    now: datetime | None = None,
    task_title: str = "",
) -> None:
    """Set many members' status in one transaction, a ban or its lifting recorded as such.

    "banned" bans each (reason required, removal tasks created); any other status first lifts
    the ban of those who were banned (reason required then), then sets the status.
    ``task_title`` is no longer used (removal tasks' titles are stored as codes).
    """
    with db.atomic():
        if status == "banned":
            for member_id in member_ids:
                ban_member(member_id, reason, now)
            return
        banned = {
            m for (m,) in cast("Iterable[tuple[int]]", Member.select(Member.id)
            .where(Member.id.in_(list(member_ids)), Member.status == "banned")
            .tuples())
        }  # fmt: skip
        for member_id in banned:
            unban_member(member_id, reason, now)
        bulk_set_status(member_ids, status, reason)
