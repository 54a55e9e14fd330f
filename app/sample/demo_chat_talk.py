"""One group's messages in the sample: who says how much and when, shaped to the group's story.

Messages are pairs (second of the window, who): ``who`` 0 is the operator, 1 a bot, from 2 the
group's members. A group's talk follows its curve (hours of the day, days of the week, a
little noise each day, and its story: falling groups lose most of it in the last four weeks);
each member speaks within their stay in the group. The stories are then made true by handing
messages from one member to another at the same moment (the group's count stays exact): a
voice the group hangs on, soul figures, members who went quiet, and no one else holding much.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from random import Random

from app.sample.demo_chat_window import DAY, HOUR, Window
from app.sample.demo_chat_words import HOUR_SHAPE, WEEKDAY_SHAPE

OPERATOR, BOT, FIRST = 0, 1, 2
CAP_SHARE = 0.4  # no one but the voice holds more of the last 30 days
VOICE_SHARE = 0.62
SOUL_SHARE = (0.2, 0.28)
SOUL_DAYS = 12
QUIET_MESSAGES = 14  # a member who went quiet had this many in the 90 days before the 30
# messages in one sitting, by a random byte: half alone, the rest two to six (about 2.2)
SITTING = bytes(1 if i < 128 else 2 if i < 190 else 3 if i < 225 else 4 if i < 243 else 6
                for i in range(256))  # fmt: skip


class Talk:
    """The messages of one group, planned in memory."""

    def __init__(self, rng: Random, window: Window, created: int, falling: float = 1.0) -> None:
        self.rng, self.win = rng, window
        self.times: list[int] = []
        self.who: list[int] = []
        self.ads: dict[int, str] = {}  # position of an ad-like message -> its text
        self.spans: list[tuple[int, int]] = [(0, 0), (0, 0)]  # who -> [from, to) of their stay
        self.first = max(created, window.start)
        self._curve(falling)

    # --- the curve ---------------------------------------------------------------------

    def _curve(self, falling: float) -> None:
        rng, win = self.rng, self.win
        noise = [rng.lognormvariate(0, 0.3) * (3.0 if rng.random() < 0.03 else 1.0)
                 for _ in win.days]  # fmt: skip
        drop_at = win.week_start - 4 * 7 * DAY - 2 * DAY  # the four complete weeks, and a bit
        slot_day, per_hour = win.slot_day, HOUR // 900
        first_hour = self.first // HOUR
        weights = []
        for h in range(win.hours):
            if h < first_hour:
                weights.append(0.0)
                continue
            w = HOUR_SHAPE[win.hour_local[h]] * WEEKDAY_SHAPE[win.hour_weekday[h]]
            w *= noise[slot_day[h * per_hour]]
            if falling != 1.0 and h * HOUR >= drop_at:
                ramp = min(1.0, (h * HOUR - drop_at) / (2 * DAY))
                w *= 1.0 - ramp * (1.0 - falling)
            weights.append(w)
        self.weight = weights
        self.cum = [0.0, *itertools.accumulate(weights)]

    def mass(self, t: int) -> float:
        h = min(t // HOUR, self.win.hours - 1)
        return self.cum[h] + (t - h * HOUR) / HOUR * self.weight[h]

    def when(self, a: int, b: int) -> int:
        """A second in [a, b) drawn by the curve."""
        ma, mb = self.mass(a), self.mass(b)
        if mb <= ma:
            return a + int(self.rng.random() * max(0, b - a))
        u = ma + self.rng.random() * (mb - ma)
        h = min(bisect_right(self.cum, u) - 1, self.win.hours - 1)
        w = self.weight[h]
        t = h * HOUR + (int((u - self.cum[h]) / w * HOUR) if w > 0 else 0)
        return min(max(t, a), b - 1) if b > a else a

    # --- members and their messages ------------------------------------------------------

    def member(self, span: tuple[int, int]) -> int:
        """A member staying over ``span`` (seconds [from, to)); returns who they are."""
        self.spans.append(span)
        return len(self.spans) - 1

    def add(self, t: int, who: int, ad: str | None = None) -> None:
        if ad is not None:
            self.ads[len(self.times)] = ad
        self.times.append(t)
        self.who.append(who)

    def speak(self, speakers: list[int], weights: list[float], count: int) -> None:
        """``count`` messages: one for each speaker (as many as fit), the rest by weight."""
        rng, spans, when = self.rng, self.spans, self.when
        pairs = list(zip(speakers, weights, strict=True))
        if count < len(pairs):
            pairs = rng.sample(pairs, max(0, count))
        for who, _w in pairs:
            self.add(when(*spans[who]), who)
        rest = count - len(pairs)
        if rest <= 0 or not pairs:
            return
        # each speaker's stay as a range of the curve's mass: a draw in it is a moment
        low, width = {}, {}
        for who, _w in pairs:
            a, b = spans[who]
            low[who] = self.mass(a)
            width[who] = self.mass(b) - low[who]
        cum, weight, hours = self.cum, self.weight, self.win.hours - 1
        times, who_list, random = self.times, self.who, rng.random
        times, who_list, random = self.times, self.who, rng.random
        # talk comes in bursts: a pick is a sitting of one to a few messages, seconds apart
        cum_weights = list(itertools.accumulate(w * width[who] + 1e-9 for who, w in pairs))
        speakers = [who for who, _w in pairs]
        left = rest
        while left > 0:
            picks = left // 2 + 8
            sizes, gaps = rng.randbytes(picks), rng.randbytes(picks)
            for i, who in enumerate(rng.choices(speakers, cum_weights=cum_weights, k=picks)):
                if width[who] > 0:
                    u = low[who] + random() * width[who]
                    h = bisect_right(cum, u) - 1
                    h = hours if h > hours else h
                    w = weight[h]
                    t = h * HOUR + (int((u - cum[h]) / w * HOUR) if w > 0 else 0)
                else:
                    t = when(*spans[who])
                a, b = spans[who]
                size = SITTING[sizes[i]]
                size = left if size > left else size
                gap = 15 + gaps[i]
                for _ in range(size):
                    times.append(a if t < a else b - 1 if t >= b else t)
                    who_list.append(who)
                    t += gap
                left -= size
                if left <= 0:
                    break

    def spread(self, who: int, count: int, days: Iterable[tuple[int, int]]) -> None:
        """``count`` messages of ``who`` over ``days`` ([from, to) each), one a day at least."""
        days = list(days)
        if not days or count <= 0:
            return
        mass = [self.mass(b) - self.mass(a) + 1e-9 for a, b in days]
        picks = list(range(len(days)))[:count]
        picks += self.rng.choices(range(len(days)), weights=mass, k=count - len(picks))
        for i in picks:
            self.add(self.when(*days[i]), who)

    # --- shaping to the story -------------------------------------------------------------

    def _free(self, since: int, until: int, keep: set[int]) -> list[int]:
        """Positions of plain members' messages in [since, until), in a random order."""
        ads, times, who = self.ads, self.times, self.who
        found = [p for p, t in enumerate(times) if since <= t < until and who[p] >= FIRST
                 and who[p] not in keep and p not in ads]  # fmt: skip
        self.rng.shuffle(found)
        return found

    def _fits(self, who: int, t: int) -> bool:
        a, b = self.spans[who]
        return a <= t < b

    def hand(self, to: int, count: int, since: int, until: int, keep: set[int]) -> int:
        """Give ``to`` up to ``count`` plain messages of others in [since, until), spread over
        as many days as possible; returns how many."""
        if count <= 0:
            return 0
        by_day: dict[int, list[int]] = {}
        for p in self._free(since, until, keep | {to}):
            if self._fits(to, self.times[p]):
                by_day.setdefault(self.win.day_of(self.times[p]), []).append(p)
        moved = 0
        queues = list(by_day.values())
        self.rng.shuffle(queues)
        while moved < count and queues:
            for queue in queues:
                if moved >= count:
                    break
                self.who[queue.pop()] = to
                moved += 1
            queues = [q for q in queues if q]
        return moved

    def recent(self, who: int | None = None) -> int:
        """Messages (bots left out) in the last 30 local days: all, or of ``who``."""
        since = self.win.recent
        return sum(1 for p, t in enumerate(self.times) if t >= since
                   and (self.who[p] == who if who is not None else self.who[p] != BOT))  # fmt: skip

    def voice(self, who: int) -> None:
        """``who`` sends most of the group's messages, lately more than half."""
        since = self.win.recent
        for start, end, share in (
            (self.first, since, 0.45),
            (since, self.win.now + 1, VOICE_SHARE),
        ):
            total = sum(1 for p, t in enumerate(self.times)
                        if start <= t < end and self.who[p] != BOT)  # fmt: skip
            have = sum(
                1 for p, t in enumerate(self.times) if start <= t < end and self.who[p] == who
            )
            self.hand(who, math.ceil(share * total) - have + 1, start, end, set())

    def operator_share(self, share: float, days: set[int]) -> None:
        """The operator sends at least ``share`` of the last 30 days' messages, on ``days``."""
        since, who = self.win.recent, self.who
        total, mine = self.recent(), self.recent(OPERATOR)
        need = math.ceil(share * total) - mine
        for p in self._free(since, self.win.now + 1, set()):
            if need <= 0:
                break
            if self.win.day_of(self.times[p]) in days:
                who[p] = OPERATOR
                need -= 1

    def soul(self, who: int) -> None:
        """``who`` holds a fifth to a quarter of the last 30 days, on many days."""
        since = self.win.recent
        share = self.rng.uniform(*SOUL_SHARE)
        total, have = self.recent(), self.recent(who)
        want = max(math.ceil(share * total), 24)
        self.hand(who, want - have, since, self.win.now + 1, {who})
        days = {self.win.day_of(t) for p, t in enumerate(self.times)
                if t >= since and self.who[p] == who}  # fmt: skip
        if len(days) < SOUL_DAYS:  # more days: swap some of theirs for others' on new days
            self.hand(who, SOUL_DAYS - len(days), since, self.win.now + 1, {who})

    def quiet(self, who: int, at: int, keep: set[int]) -> None:
        """``who`` went quiet at ``at``: their later messages go to others present then, and
        they had enough before."""
        a, _b = self.spans[who]
        self.spans[who] = (a, at)
        others = [w for w in range(FIRST, len(self.spans)) if w != who and w not in keep]
        mine = [p for p, w in enumerate(self.who) if w == who]
        for p in mine:
            t = self.times[p]
            if t >= at and p not in self.ads and others:
                for _ in range(12):
                    other = self.rng.choice(others)
                    if self._fits(other, t):
                        self.who[p] = other
                        break
        since = self.win.recent - 90 * DAY
        have = sum(1 for p in mine if self.who[p] == who and self.times[p] >= since)
        self.hand(who, QUIET_MESSAGES - have, max(since, a), at, keep)

    def cap(self, keep: set[int]) -> None:
        """No one outside ``keep`` holds more than ``CAP_SHARE`` of the last 30 days."""
        since, who, ads = self.win.recent, self.who, self.ads
        late = [p for p, t in enumerate(self.times) if t >= since]
        counts = Counter(who[p] for p in late if who[p] >= FIRST and p not in ads)
        if not counts:
            return
        top, most = counts.most_common(1)[0]
        excess = most - int(CAP_SHARE * sum(1 for p in late if who[p] != BOT))
        if top in keep or excess <= 0:
            return
        others = [w for w in counts if w != top and w not in keep] or [
            w for w in range(FIRST, len(self.spans)) if w != top and w not in keep
        ]
        for p in late:
            if excess <= 0 or not others:
                break
            t = self.times[p]
            if who[p] == top and p not in ads:
                other = self.rng.choice(others)
                if self._fits(other, t):
                    who[p] = other
                    excess -= 1

    def codes(self) -> list[int]:
        """The messages as sortable numbers, in time order: time, then who (ads marked)."""
        ads = self.ads
        out = [t << 22 | (1 << 21 if p in ads else 0) | w
               for p, (t, w) in enumerate(zip(self.times, self.who, strict=True))]  # fmt: skip
        out.sort()
        return out

    def ad_text(self) -> dict[tuple[int, int], str]:
        return {(self.times[p], self.who[p]): text for p, text in self.ads.items()}
