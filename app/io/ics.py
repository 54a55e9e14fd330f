"""Meetups as an iCalendar (.ics) file, RFC 5545, written by hand.

Times are UTC ("Z"), so no VTIMEZONE is needed. Each event's UID is the meetup's id with a
token stored once per community, so it stays the same across re-exports and edits. Lines end
in CRLF and are folded at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from app.core import clock, meetups, settings
from app.io.atomic_file import replacing
from app.store.models import Meetup

PRODID = "-//Huoqun//Huoqun Meetups//EN"
ICS_STATUS = {"planned": "TENTATIVE", "confirmed": "CONFIRMED", "done": "CONFIRMED",
              "cancelled": "CANCELLED"}  # fmt: skip
LIMIT = 75


def escape(text: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and line breaks."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` folded into CRLF-joined pieces of at most 75 octets, continuations with a space."""
    pieces: list[str] = []
    current, size, limit = "", 0, LIMIT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, LIMIT - 1  # the leading space takes one octet
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _utc(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def uid_seed() -> str:
    """This community's UID token, made once and stored."""
    seed = settings.get("calendar_uid_seed")
    if not seed:
        seed = secrets.token_hex(6)
        settings.put("calendar_uid_seed", seed)
    return str(seed)


def _description(meetup: Meetup) -> str:
    lines = []
    for item in meetups.agenda(meetup.id):
        when = clock.to_local(item.at).strftime("%H:%M") if item.at else ""
        owner = f" ({item.owner.name})" if item.owner_id is not None and item.owner else ""
        lines.append(" ".join(filter(None, (when, item.title))) + owner)
    if meetup.notes:
        if lines:
            lines.append("")
        lines.append(meetup.notes)
    return "\n".join(lines)


def event_lines(meetup: Meetup, seed: str, stamp: datetime) -> list[str]:
    """The unfolded content lines of one VEVENT."""
    location = ", ".join(filter(None, (meetup.venue, meetup.address)))
    lines = [
        "BEGIN:VEVENT",
        f"UID:meetup-{meetup.id}-{seed}@huoqun",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(meetup.start_at)}",
        f"DTEND:{_utc(meetup.end_at)}",
        f"SUMMARY:{escape(meetup.title)}",
    ]
    if location:
        lines.append(f"LOCATION:{escape(location)}")
    description = _description(meetup)
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    groups = meetups.group_names([meetup.id]).get(meetup.id, [])
    if groups:
        lines.append("CATEGORIES:" + ",".join(escape(g) for g in groups))
    lines += [f"STATUS:{ICS_STATUS.get(meetup.status, 'TENTATIVE')}", "END:VEVENT"]
    return lines


def calendar_text(meetup_ids: Sequence[int], now: datetime | None = None) -> str:
    """The whole calendar, folded, with CRLF line ends."""
    stamp = now or clock.now()
    seed = uid_seed()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]  # fmt: skip
    for meetup_id in meetup_ids:
        lines += event_lines(meetups.get_meetup(meetup_id), seed, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def export_ics(path: Path, meetup_ids: Sequence[int], now: datetime | None = None) -> int:
    """Write the meetups to ``path`` (atomically, owner-only); the number of events."""
    text = calendar_text(meetup_ids, now)
    with replacing(Path(path)) as temp:
        temp.write_bytes(text.encode("utf-8"))
    return len(meetup_ids)


def upcoming_ids(now: datetime | None = None) -> list[int]:
    """The ids of the upcoming meetups (planned or confirmed, not over)."""
    return [row.id for row in meetups.upcoming(now, limit=10_000)]


def all_ids() -> list[int]:
    """Every meetup's id, by start."""
    return meetups.all_meetup_ids()
