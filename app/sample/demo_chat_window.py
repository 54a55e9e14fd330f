"""The 26 weeks of the sample's chat history as the local calendar cuts them.

Times inside the sample's chat history are whole seconds since ``origin`` (the UTC hour in
which the first local Monday of the 26 weeks begins), so a message's stored text, local day,
hour and weekday come from small tables instead of a ``datetime`` per message.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from app.core import clock

WEEKS = 26
HOUR = 3600
SLOT = 900  # the local day is looked up per quarter hour (every zone's offset is a multiple)
DAY = 86_400


class Window:
    """The weeks of history ending at ``now`` (naive UTC): tables to read times by."""

    def __init__(self, now: datetime) -> None:
        today = clock.local_today(now)
        self.monday = today - timedelta(days=today.weekday())  # the current week's
        first = self.monday - timedelta(weeks=WEEKS - 1)
        start = clock.local_day_start(first)
        self.origin = start.replace(minute=0, second=0)
        self.start = self._seconds(start)  # where the history begins
        self.now = self._seconds(now)
        self.now_at = now
        # the current week's Monday and the day 30 local days ago begin here
        self.week_start = self._seconds(clock.local_day_start(self.monday))
        self.recent = self._seconds(clock.local_day_start(today - timedelta(days=29)))
        hours = self.now // HOUR + 1
        self.hour_text = [
            str(self.origin + timedelta(hours=h))[:13] for h in range(hours)
        ]  # "YYYY-MM-DD HH"
        self.minute_text = [f":{s // 60:02d}:{s % 60:02d}" for s in range(HOUR)]
        self.days: list[str] = []  # local days, oldest first
        self.slot_day: list[int] = []  # index into ``days`` per quarter hour
        self.hour_weekday: list[int] = []
        self.hour_local: list[int] = []
        index: dict[date, int] = {}
        for slot in range(hours * HOUR // SLOT):
            local = clock.to_local(self.origin + timedelta(seconds=slot * SLOT))
            day = local.date()
            if day not in index:
                index[day] = len(self.days)
                self.days.append(day.isoformat())
            self.slot_day.append(index[day])
            if slot % (HOUR // SLOT) == 0:
                self.hour_weekday.append(local.weekday())
                self.hour_local.append(local.hour)
        self.hours = hours
        self.day_first = [0] * len(self.days)  # the second each local day begins
        for slot in range(len(self.slot_day) - 1, -1, -1):
            self.day_first[self.slot_day[slot]] = slot * SLOT

    def _seconds(self, moment: datetime) -> int:
        return int((moment - self.origin).total_seconds())

    def seconds(self, moment: datetime) -> int:
        """``moment`` (naive UTC) as seconds of the window (negative before its origin)."""
        return self._seconds(moment)

    def text(self, t: int) -> str:
        """Second ``t`` as stored: "YYYY-MM-DD HH:MM:SS" (UTC)."""
        return self.hour_text[t // HOUR] + self.minute_text[t % HOUR]

    def day_of(self, t: int) -> int:
        """The index of second ``t``'s local day in ``days``."""
        return self.slot_day[t // SLOT]

    def day_end(self, day: int) -> int:
        """Where local day ``day`` (an index of ``days``) ends, or now for today."""
        return self.day_first[day + 1] if day + 1 < len(self.days) else self.now + 1
