"""Meetups as an iCalendar (.ics) file, RFC 5545, written by hand.

Times are UTC ("Z"), so no VTIMEZONE is needed. Each event's UID is the meetup's id with a
token stored once per community (``app.core.meetup_calendar``), so it stays the same across
re-exports and edits. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
character.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.io.atomic_file import replacing

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


@dataclass(frozen=True)
class CalendarEvent:
    """One meetup as the calendar shows it; times in UTC."""

    id: int
    title: str
    start_at: datetime
    end_at: datetime
    status: str
    location: str = ""
    description: str = ""
    categories: tuple[str, ...] = ()


def event_lines(event: CalendarEvent, seed: str, stamp: datetime) -> list[str]:
    """The unfolded content lines of one VEVENT."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:meetup-{event.id}-{seed}@huoqun",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(event.start_at)}",
        f"DTEND:{_utc(event.end_at)}",
        f"SUMMARY:{escape(event.title)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{escape(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(escape(g) for g in event.categories))
    lines += [f"STATUS:{ICS_STATUS.get(event.status, 'TENTATIVE')}", "END:VEVENT"]
    return lines


def calendar_text(events: Sequence[CalendarEvent], seed: str, stamp: datetime) -> str:
    """The whole calendar, folded, with CRLF line ends."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]  # fmt: skip
    for event in events:
        lines += event_lines(event, seed, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_ics(path: Path, events: Sequence[CalendarEvent], seed: str, stamp: datetime) -> int:
    """Write ``events`` to ``path`` (atomically, owner-only); the number of events."""
    text = calendar_text(events, seed, stamp)
    with replacing(Path(path)) as temp:
        temp.write_bytes(text.encode("utf-8"))
    return len(events)
