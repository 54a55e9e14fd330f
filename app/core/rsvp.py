"""RSVPs of a meetup: capacity, the waitlist in arrival order, promotion and attendance.

A "going" beyond the capacity goes to the waitlist; arrival order is ``rsvp_at`` (kept strictly
increasing within a meetup, so a frozen clock still orders arrivals). Whenever a place frees up
or the capacity changes, ``rebalance`` moves people between "going" and the waitlist.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import cast

from peewee import fn

from app.core import clock
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.undo import name_of, undoable
from app.store.models import Attendance, Meetup, MeetupGroup, Member, Membership, db

RSVPS = ("invited", "going", "maybe", "declined", "waitlist")
_ORDER = {"going": 0, "waitlist": 1, "maybe": 2, "invited": 3, "declined": 4}


@dataclass(frozen=True)
class RsvpRow:
    """One member's answer to a meetup, as the meetup page lists it."""

    attendance_id: int
    member_id: int
    name: str
    nickname: str
    phone: str
    rsvp: str
    rsvp_at: datetime
    attended: bool | None
    waitlist_position: int | None


@dataclass(frozen=True)
class RsvpChange:
    """The RSVP a member ended up with, and who moved up from the waitlist as (id, name)."""

    rsvp: str
    promoted: list[tuple[int, str]]


def meetup_or_fail(meetup_id: int) -> Meetup:
    """The meetup ``meetup_id``, or NotFound."""
    meetup = Meetup.get_or_none(Meetup.id == meetup_id)
    if meetup is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Meetup #{id} no longer exists."), id=meetup_id)
    return meetup


def _member_or_fail(member_id: int) -> Member:
    member = Member.get_or_none(Member.id == member_id)
    if member is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Member #{id} no longer exists."), id=member_id)
    return member


def _in_order(meetup_id: int, rsvp: str) -> list[Attendance]:
    return list(
        Attendance.select()
        .where((Attendance.meetup == meetup_id) & (Attendance.rsvp == rsvp))
        .order_by(Attendance.rsvp_at, Attendance.id)
    )


def _arrival(meetup_id: int, now: datetime) -> datetime:
    """``now``, or just after the latest answer of the meetup, so arrivals stay in order."""
    row = (
        Attendance.select(Attendance.rsvp_at)
        .where(Attendance.meetup == meetup_id)
        .order_by(Attendance.rsvp_at.desc())
        .first()
    )
    latest: datetime | None = row.rsvp_at if row is not None else None
    if latest is not None and latest >= now:
        return latest + timedelta(microseconds=1)
    return now


def rebalance(meetup: Meetup) -> list[tuple[int, str]]:
    """Fit "going" to the capacity: extras to the waitlist's front, then promote; who moved up."""
    going = _in_order(meetup.id, "going")
    capacity = meetup.capacity
    if capacity is not None and len(going) > capacity:
        extra = [row.id for row in going[capacity:]]
        Attendance.update(rsvp="waitlist").where(Attendance.id.in_(extra)).execute()
        return []
    waiting = _in_order(meetup.id, "waitlist")
    room = len(waiting) if capacity is None else max(0, capacity - len(going))
    moving = waiting[:room]
    if not moving:
        return []
    Attendance.update(rsvp="going").where(Attendance.id.in_([r.id for r in moving])).execute()
    names = {
        m.id: m.name
        for m in Member.select(Member.id, Member.name).where(
            Member.id.in_([r.member_id for r in moving])
        )
    }
    return [(r.member_id, names.get(r.member_id, "")) for r in moving]


@undoable("rsvp", detail=name_of("member", 1), place=name_of("meetup"))
def set_rsvp(meetup_id: int, member_id: int, rsvp: str, now: datetime | None = None) -> RsvpChange:
    """Record ``rsvp``; "going" (or "waitlist") joins the waitlist when the meetup is full."""
    if rsvp not in RSVPS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "“{rsvp}” is not an RSVP: use {choices}."),
            rsvp=rsvp,
            choices=", ".join(RSVPS),
        )
    moment = now or clock.now()
    with db.atomic():
        meetup = meetup_or_fail(meetup_id)
        _member_or_fail(member_id)
        row = Attendance.get_or_none(
            (Attendance.meetup == meetup_id) & (Attendance.member == member_id)
        )
        wants_place = rsvp in ("going", "waitlist")
        if row is not None and wants_place and row.rsvp in ("going", "waitlist"):
            return RsvpChange(row.rsvp, [])  # already in, keeps their place
        if row is not None and row.rsvp == rsvp:
            return RsvpChange(rsvp, [])
        was_going = row is not None and row.rsvp == "going"
        if wants_place:
            going = len(_in_order(meetup_id, "going"))
            waiting = len(_in_order(meetup_id, "waitlist"))
            full = meetup.capacity is not None and (going >= meetup.capacity or waiting > 0)
            rsvp = "waitlist" if full else "going"
        at = _arrival(meetup_id, moment)
        if row is None:
            row = Attendance.create(meetup=meetup_id, member=member_id, rsvp=rsvp, rsvp_at=at)
        else:
            Attendance.update(rsvp=rsvp, rsvp_at=at).where(Attendance.id == row.id).execute()
        promoted = rebalance(meetup) if was_going else []
    return RsvpChange(rsvp, promoted)


@undoable("remove_rsvp", detail=name_of("member", 1), place=name_of("meetup"))
def remove_rsvp(meetup_id: int, member_id: int) -> list[tuple[int, str]]:
    """Take a member off the meetup's list; who moved up from the waitlist."""
    with db.atomic():
        meetup = meetup_or_fail(meetup_id)
        deleted = (
            Attendance.delete()
            .where((Attendance.meetup == meetup_id) & (Attendance.member == member_id))
            .execute()
        )
        return rebalance(meetup) if deleted else []


def rsvps(meetup_id: int) -> list[RsvpRow]:
    """Going in arrival order, then the waitlist in order, then maybe, invited, declined."""
    meetup_or_fail(meetup_id)
    rows = list(
        Attendance.select(Attendance, Member)
        .join(Member)
        .where(Attendance.meetup == meetup_id)
        .order_by(Attendance.rsvp_at, Attendance.id)
    )
    rows.sort(key=lambda r: _ORDER.get(r.rsvp, 9))
    nicknames = _nicknames(meetup_id, [r.member_id for r in rows])
    result, place = [], 0
    for row in rows:
        position = None
        if row.rsvp == "waitlist":
            place += 1
            position = place
        result.append(
            RsvpRow(
                attendance_id=row.id,
                member_id=row.member_id,
                name=row.member.name,
                nickname=nicknames.get(row.member_id, ""),
                phone=row.member.phone or "",
                rsvp=row.rsvp,
                rsvp_at=row.rsvp_at,
                attended=row.attended,
                waitlist_position=position,
            )
        )
    return result


def _nicknames(meetup_id: int, member_ids: list[int]) -> dict[int, str]:
    """Each member's nickname in one of the meetup's groups (current memberships first)."""
    if not member_ids:
        return {}
    groups = MeetupGroup.select(MeetupGroup.group).where(MeetupGroup.meetup == meetup_id)
    found: dict[int, str] = {}
    query = (
        Membership.select(Membership.member, Membership.nickname, Membership.left_at)
        .where(
            Membership.group.in_(groups)
            & Membership.member.in_(member_ids)
            & (Membership.nickname != "")
        )
        .order_by(Membership.left_at.is_null(False), Membership.id)
    )
    for row in query:
        found.setdefault(row.member_id, row.nickname)
    return found


def _started(meetup: Meetup) -> None:
    if clock.now() < meetup.start_at:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "Attendance can be marked only after the meetup has started."
            )
        )


@undoable("attendance", detail=name_of("member", 1), place=name_of("meetup"))
def set_attended(meetup_id: int, member_id: int, attended: bool | None) -> None:
    """Mark a member attended, a no-show (False) or not checked (None); a walk-in is added."""
    with db.atomic():
        meetup = meetup_or_fail(meetup_id)
        _started(meetup)
        _member_or_fail(member_id)
        row = Attendance.get_or_none(
            (Attendance.meetup == meetup_id) & (Attendance.member == member_id)
        )
        if row is None:
            Attendance.create(
                meetup=meetup_id,
                member=member_id,
                rsvp="invited",
                rsvp_at=clock.now(),
                attended=attended,
            )
            return
        Attendance.update(attended=attended).where(Attendance.id == row.id).execute()


def all_going_attended(meetup_id: int) -> int:
    """Mark every "going" member attended; how many."""
    with db.atomic():
        _started(meetup_or_fail(meetup_id))
        marked: int = (
            Attendance.update(attended=True)
            .where((Attendance.meetup == meetup_id) & (Attendance.rsvp == "going"))
            .execute()
        )
        return marked


def counts(meetup_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(going, waitlist) of each meetup."""
    found: dict[int, tuple[int, int]] = {}
    if not meetup_ids:
        return found
    query = cast(
        "Iterable[tuple[int, str, int]]",
        Attendance.select(Attendance.meetup, Attendance.rsvp, fn.COUNT(Attendance.id).alias("n"))
        .where(Attendance.meetup.in_(meetup_ids) & Attendance.rsvp.in_(("going", "waitlist")))
        .group_by(Attendance.meetup, Attendance.rsvp)
        .tuples(),
    )
    for meetup_id, rsvp, n in query:
        going, waiting = found.get(meetup_id, (0, 0))
        found[meetup_id] = (n, waiting) if rsvp == "going" else (going, n)
    return found
