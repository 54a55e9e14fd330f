"""The one source of "now": naive UTC datetimes, fixable in tests."""

from __future__ import annotations

from datetime import UTC, datetime

_fixed: datetime | None = None


def now() -> datetime:
    """The current time as a naive UTC datetime (how every time is stored)."""
    if _fixed is not None:
        return _fixed
    return datetime.now(UTC).replace(tzinfo=None)


def fix(moment: datetime | None) -> None:
    """Freeze ``now()`` at ``moment`` (naive UTC); ``None`` lets time run again."""
    global _fixed
    _fixed = moment


def to_local(moment: datetime) -> datetime:
    """A stored naive-UTC time as an aware local time, for display."""
    return moment.replace(tzinfo=UTC).astimezone()


def from_local(moment: datetime) -> datetime:
    """A local time (naive means local) as naive UTC, for storing."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).replace(tzinfo=None)
