"""Helper care: who in a tier with a check-in cadence is due a talk, and logging the talks.

The operator's time belongs to the second level (PRODUCT.md §1 point 2): each tier may have
a check-in cadence, and the care list counts from the last logged interaction with a member.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.core import clock, recurrence
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.members import get_member
from app.core.standing import OUT_OF_EVERY_GROUP
from app.store.models import Interaction, Member, Task, db

RECOGNITIONS = ("thanks", "title", "gift", "other")
CHECKIN_ORIGIN = "suggested:checkin"  # a helper's suggested check-in (core/suggestions.py)
MAX_NOTE = 1000
# "+m.status": find them by the tier index (a few thousand), not the status one (most members)
CARED = (
    "SELECT m.id FROM member m WHERE +m.status = 'active'"
    " AND m.tier_id IN (SELECT id FROM tier WHERE checkin_days IS NOT NULL)"
    f" AND NOT {OUT_OF_EVERY_GROUP}"
)


@dataclass(frozen=True)
class CareRow:
    """A member the operator should talk with regularly, and how overdue that talk is."""

    member_id: int
    name: str
    star: bool
    tier: str
    tier_colour: str
    cadence_days: int
    last_contacted: datetime | None
    last_recognised: datetime | None
    days_overdue: int  # local calendar days past the cadence; negative: not due yet
    groups: str
    helper_since: datetime | None = None  # when they came into their tier (else first seen)
    group_ids: tuple[int, ...] = ()
    # "regular", "occasional", "once" or "silent" in the chat over the last 30 days; None
    # without chat history, or when not asked for (``care_list(presence=True)``)
    presence: str | None = None


def parse_time(value: object) -> datetime | None:
    """A time read with raw SQL (peewee stores ISO text) as a datetime."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def latest(*moments: datetime | None) -> datetime | None:
    """The latest of the given times, ignoring missing ones."""
    present = [m for m in moments if m is not None]
    return max(present) if present else None


def care_list(now: datetime | None = None, presence: bool = False) -> list[CareRow]:
    """Every active member of a tier with a cadence, most overdue first. Two queries (three
    with ``presence``: each one's presence in the chat, from ``core/chat_presence.py``).

    A helper never contacted (or last contacted before that) counts from the day they came
    into their tier (their latest tier change into it; first seen when there is none), not
    from when the record was made.
    """
    now = now or clock.now()
    groups: dict[int, list[tuple[int, str]]] = {}
    for member_id, group_id, name in db.execute_sql(
        "SELECT ms.member_id, g.id, g.name FROM membership ms"
        " JOIN chat_group g ON g.id = ms.group_id"
        f" WHERE ms.left_at IS NULL AND ms.member_id IN ({CARED}) ORDER BY g.sort_key, g.id"
    ):
        groups.setdefault(member_id, []).append((group_id, name))
    sql = f"""
        WITH last AS (
            SELECT member_id, MAX(at) AS any_at,
                   MAX(CASE WHEN kind = 'recognition' THEN at END) AS recognised_at
            FROM interaction WHERE member_id IN ({CARED}) GROUP BY member_id
        ),
        came AS (
            SELECT tc.member_id, MAX(tc.at) AS at FROM tier_change tc
            JOIN member m ON m.id = tc.member_id AND tc.to_tier_id = m.tier_id
            WHERE tc.member_id IN ({CARED}) GROUP BY tc.member_id
        )
        SELECT m.id, m.name, m.sort_key, m.star, t.name, t.colour, t.checkin_days,
               m.first_seen, m.last_contacted, l.any_at, l.recognised_at, c.at
        FROM member m JOIN tier t ON t.id = m.tier_id
        LEFT JOIN last l ON l.member_id = m.id
        LEFT JOIN came c ON c.member_id = m.id
        WHERE m.id IN ({CARED})
    """
    rows = []
    for r in db.execute_sql(sql):
        contacted = latest(parse_time(r[9]), parse_time(r[8]))
        helper_since = parse_time(r[11]) or parse_time(r[7])
        # a talk from before they came into the tier does not make a new helper overdue
        since = latest(contacted, helper_since) or now
        joined = groups.get(r[0], [])
        row = CareRow(
            member_id=r[0],
            name=r[1],
            star=bool(r[3]),
            tier=r[4],
            tier_colour=r[5],
            cadence_days=r[6],
            last_contacted=contacted,
            last_recognised=parse_time(r[10]),
            days_overdue=clock.days_between(since, now) - r[6],
            groups="、".join(name for _, name in joined),
            helper_since=helper_since,
            group_ids=tuple(group_id for group_id, _ in joined),
        )
        rows.append((row, r[2]))
    rows.sort(key=lambda x: (-x[0].days_overdue, x[1], x[0].member_id))
    if not presence:
        return [row for row, _ in rows]
    from app.core.chat_presence import presences  # it builds on this module

    found = presences([row.member_id for row, _ in rows], now)
    return [replace(row, presence=found.get(row.member_id)) for row, _ in rows]


def _clean_note(note: str) -> str:
    note = str(note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A note can have at most {max} characters."), max=MAX_NOTE
        )
    return note


def _log(member_id: int, kind: str, note: str, now: datetime | None) -> Interaction:
    member = get_member(member_id)
    at = now or clock.now()
    with db.atomic():
        interaction = Interaction.create(member=member_id, kind=kind, at=at, note=note)
        if member.last_contacted is None or member.last_contacted < at:
            Member.update(last_contacted=at).where(Member.id == member_id).execute()
        closed = close_checkin_tasks(member_id, note, at)
        if closed:
            Interaction.update(task=closed[0]).where(Interaction.id == interaction.id).execute()
    return interaction


def open_checkin_tasks(member_id: int) -> list[Task]:
    """The member's open check-in tasks: a suggested check-in, or any task of kind "checkin"."""
    return list(
        Task.select()
        .where(
            Task.member == member_id,
            Task.status == "open",
            (Task.origin == CHECKIN_ORIGIN) | (Task.kind == "checkin"),
        )
        .order_by(Task.id)
    )


def close_checkin_tasks(member_id: int, note: str, at: datetime) -> list[int]:
    """A talk was logged: the member's open check-in tasks are done (a recurring one rolls to
    its next occurrence after its due, as completing it in the queue does); their ids."""
    closed = []
    for task in open_checkin_tasks(member_id):
        following = None
        if task.rrule:
            due = task.due_at or at
            following = recurrence.next_after(task.rrule, due, due)
        if following is not None:
            changes = {"due_at": following, "snoozed_until": None, "reminded_for": None}
            Task.update(**changes).where(Task.id == task.id).execute()
        else:
            Task.update(status="done", done_at=at, outcome=note).where(Task.id == task.id).execute()
        closed.append(task.id)
    return closed


def log_checkin(member_id: int, note: str = "", now: datetime | None = None) -> Interaction:
    """Record a talk with a member (an Interaction of kind "checkin")."""
    return _log(member_id, "checkin", _clean_note(note), now)


def log_recognition(
    member_id: int, note: str = "", how: str = "thanks", now: datetime | None = None
) -> Interaction:
    """Record recognition given to a member (kind "recognition").

    ``how`` is one of ``RECOGNITIONS`` and is stored at the start of the note, as in
    "[title] 年度最佳管理"; ``split_recognition`` reads it back.
    """
    if how not in RECOGNITIONS:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "Unknown kind of recognition “{value}”; use one of: {choices}."
            ),
            value=how,
            choices=", ".join(RECOGNITIONS),
        )
    text = _clean_note(note)
    return _log(member_id, "recognition", f"[{how}] {text}".rstrip(), now)


def split_recognition(note: str) -> tuple[str, str]:
    """(how, text) of a recognition's note; notes without a known prefix are ("other", note)."""
    if note.startswith("["):
        how, _, text = note[1:].partition("]")
        if how in RECOGNITIONS:
            return how, text.strip()
    return "other", note
