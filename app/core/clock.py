"""The one source of "now", and the one place where stored times meet the local calendar.

Times are stored as naive UTC. A *day* (today, overdue, a violation's date, a backup's day, a
meetup's day in the calendar, "3 days ago") is always a day of the local calendar, taken with
the functions here; never ``.date()`` of a stored time, which is a UTC day and wrong for hours
every day anywhere but at UTC. They use ``datetime.astimezone()`` and so follow the machine's
zone on every platform (no ``TZ`` or ``tzset`` needed, which Windows lacks).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

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


def local_date(moment: datetime) -> date:
    """The local calendar day of a stored (naive UTC) time."""
    return to_local(moment).date()


def local_today(moment: datetime | None = None) -> date:
    """Today in the local calendar: the local day of ``moment`` (naive UTC), or of now."""
    return local_date(now() if moment is None else moment)


def local_at(day: date, at: time = time(0, 0)) -> datetime:
    """The local wall-clock time ``at`` on ``day``, as naive UTC (to store or compare)."""
    return from_local(datetime.combine(day, at))


def local_day_start(day: date) -> datetime:
    """Local midnight starting ``day``, as naive UTC: where that local day begins."""
    return local_at(day)


def local_day_end(moment: datetime) -> datetime:
    """Local midnight after the stored time ``moment``, as naive UTC: where its day ends."""
    return local_day_start(local_date(moment) + timedelta(days=1))


def days_between(earlier: datetime, later: datetime) -> int:
    """Whole local calendar days from ``earlier`` to ``later`` (naive UTC): 23:50 to 00:10 is 1."""
    return (local_date(later) - local_date(earlier)).days
