"""The meetups to put in a calendar file, and the token that keeps their UIDs stable.

The file itself is written by ``app.io.ics`` from plain events.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from app.core import clock, meetup_plan, meetups, settings
from app.io.ics import CalendarEvent, write_ics
from app.store.models import Meetup


def uid_seed() -> str:
    """This community's UID token, made once and stored."""
    seed = settings.get("calendar_uid_seed")
    if not seed:
        seed = secrets.token_hex(6)
        settings.put("calendar_uid_seed", seed)
    return str(seed)


def _description(meetup: Meetup) -> str:
    lines = []
    for item in meetup_plan.agenda(meetup.id):
        when = clock.to_local(item.at).strftime("%H:%M") if item.at else ""
        owner = f" ({item.owner.name})" if item.owner_id is not None and item.owner else ""
        lines.append(" ".join(filter(None, (when, item.title))) + owner)
    if meetup.notes:
        if lines:
            lines.append("")
        lines.append(meetup.notes)
    return "\n".join(lines)


def events(meetup_ids: Sequence[int]) -> list[CalendarEvent]:
    """The meetups as calendar events, in the order given."""
    names = meetups.group_names(list(meetup_ids))
    found = []
    for meetup_id in meetup_ids:
        meetup = meetups.get_meetup(meetup_id)
        found.append(
            CalendarEvent(
                id=meetup.id,
                title=meetup.title,
                start_at=meetup.start_at,
                end_at=meetup.end_at,
                status=meetup.status,
                location=", ".join(filter(None, (meetup.venue, meetup.address))),
                description=_description(meetup),
                categories=tuple(names.get(meetup.id, [])),
            )
        )
    return found


def export_ics(path: Path, meetup_ids: Sequence[int], now: datetime | None = None) -> int:
    """Write the meetups to ``path`` as an .ics file (atomically, owner-only); the count."""
    chosen = events(meetup_ids)
    return write_ics(Path(path), chosen, uid_seed(), now or clock.now())


def upcoming_ids(now: datetime | None = None) -> list[int]:
    """The ids of the upcoming meetups (planned or confirmed, not over)."""
    return [row.id for row in meetups.upcoming(now, limit=10_000)]


def all_ids() -> list[int]:
    """Every meetup's id, by start."""
    return meetups.all_meetup_ids()
