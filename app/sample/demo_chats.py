"""The sample community's chat history: 26 weeks of messages in every group, as an import of
each group's chat export would leave them (PRODUCT.md §4b, §5).

Written straight into the chat tables after the rest of the sample, from the memberships,
violations and interactions as written: a ``chat_source`` per group, the messages (no text,
but the excerpt of an ad-like one; the operator's flagged and matched to no member, a bot's
flagged with its own sender), joins and leaves of the memberships that began or ended in the
26 weeks, the daily counts per member (bots left out) and the memberships' last-spoke dates,
the operator's accounts (My accounts) and one ``chat`` interaction per day they wrote in a
group. Stories come from ``demo_chat_plan``, the messages of each group from
``demo_chat_talk``; about ``MESSAGES_PER_MEMBER`` messages per member in all.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from itertools import compress
from random import Random
from typing import Any

from app.core.ad_like import excerpt
from app.core.bulk_rows import run, run_many
from app.core.chat_effects import CHAT_INTERACTION, FLAG_AD, FLAG_BOT, FLAG_LINK, FLAG_OPERATOR
from app.core.chat_match import add_my_accounts
from app.core.chat_scan import ChatCounts
from app.core.chat_weeks import weeks_made_after
from app.io.chats.records import has_link
from app.sample.demo_chat_cast import Cast, cast_group
from app.sample.demo_chat_plan import (
    MESSAGES_PER_MEMBER,
    MONOLOGUE_SHARE,
    ChatPlan,
    budgets,
)
from app.sample.demo_chat_talk import BOT, FIRST, OPERATOR, Talk
from app.sample.demo_chat_window import DAY, HOUR, SLOT, Window
from app.sample.demo_chat_words import BOT_SHARE, BOTS, FILE_OF, FORMAT_OF, KINDS, OPERATOR_IDS
from app.sample.demo_groups import GroupPlan

CACHE_KIB = 131_072  # the page cache while the history is written
AD_BIT, WHO = 1 << 21, (1 << 21) - 1
# a message's kind and flags by a random byte
KIND_NAMES = [next(k for top, k, _f in KINDS if i / 256 < top) for i in range(256)]
KIND_FLAGS = [next(f for top, _k, f in KINDS if i / 256 < top) for i in range(256)]
INSERT = {
    "message": "INSERT INTO message (group_id, member_id, sender_id, sender_name, sent_at, kind,"
    " flags, key, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    # the plain messages of one group: fewer values bound per row (two million of them)
    "plain": "INSERT INTO message (group_id, member_id, sender_id, sender_name, sent_at, kind,"
    " flags, key) VALUES ({gid}, ?, '', '', ?, ?, ?, ?)",
    "chat_day": "INSERT INTO chat_day (group_id, member_id, day, operator, messages)"
    " VALUES ({gid}, ?, ?, ?, ?)",
    "chat_event": "INSERT INTO chat_event (group_id, member_id, kind, at, key)"
    " VALUES (?, ?, ?, ?, ?)",
    "interaction": "INSERT INTO interaction (group_id, member_id, kind, at, note)"
    " VALUES (?, NULL, ?, ?, '')",
    "chat_source": "INSERT INTO chat_source (group_id, platform, chat_id, name, format, files,"
    " first_at, last_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "spoke": "UPDATE membership SET last_spoke_at = ? WHERE member_id = ? AND group_id = ?",
}


class SampleChats:
    """Plans the stories before the interaction queue is filled, writes the history last."""

    def __init__(
        self, rng: Random, now: datetime, groups: Sequence[GroupPlan],
        level: Sequence[int], star: Sequence[bool], members: int,
    ) -> None:  # fmt: skip
        self.rng, self.now, self.groups = rng, now, groups
        self.level, self.star, self.members = level, star, members
        self.plan = ChatPlan(rng, now, groups)
        self.win: Window = self.plan.win
        self.messages = 0

    def plan_days(self, fade_ids: Sequence[int], interactions: Sequence[tuple[Any, ...]]) -> int:
        """Stories and the operator's days; returns the ``chat`` interactions to come."""
        return self.plan.plan(fade_ids, interactions)

    def write(self, report: Callable[[int, int], None] | None = None) -> int:
        """Write the whole history; returns the number of messages."""
        win, plan = self.win, self.plan
        # the indexes by member are written all over: a cache that holds them spills less
        # (``bulk_transaction`` puts the usual size back after)
        run(f"PRAGMA cache_size = -{CACHE_KIB}")
        with weeks_made_after():  # the triggers would look up days the indexes lack
            indexes = _drop_indexes()
            casts = cast_group(self.rng, win, self.groups, plan, self.level, self.star)
            floors = [c.floor(win, plan.story.get(c.gid, "")) for c in casts]
            totals = budgets(self.rng, MESSAGES_PER_MEMBER * self.members, self.groups, floors)
            platforms = set()
            for number, (cast, total) in enumerate(zip(casts, totals, strict=True)):
                self._group(cast, total)
                platforms.add(cast.platform)
                if report is not None:
                    report(number + 1, len(casts))
            for sql in indexes:
                run(sql)
        for platform in sorted(platforms):
            account = "wechat" if platform == "wecom" else platform
            add_my_accounts(account, [OPERATOR_IDS.get(platform, OPERATOR_IDS["other"])])
        return self.messages

    # --- one group ----------------------------------------------------------------------

    def _group(self, cast: Cast, total: int) -> None:
        win, rng, plan = self.win, self.rng, self.plan
        story = plan.story.get(cast.gid, "")
        talk = Talk(rng, win, cast.created, plan.falling.get(cast.gid, 1.0))
        who = [talk.member(span) for span in cast.spans]  # entry -> who
        self._operator(talk, cast, total, story)
        if cast.platform in BOTS:
            for _ in range(round(BOT_SHARE * total)):
                talk.add(talk.when(talk.first, win.now + 1), BOT)
        for entry, t, text in cast.ads:
            talk.add(t, who[entry], text)
        talk.speak([who[e] for e in cast.speakers], [cast.weights[e] for e in cast.speakers],
                   total - len(talk.times))  # fmt: skip
        self._shape(talk, cast, who, story)
        self._rows(talk, cast, who)

    def _operator(self, talk: Talk, cast: Cast, total: int, story: str) -> None:
        win, rng = self.win, self.rng
        days = self.plan.operator_days.get(cast.gid, {})
        for day, at in days.items():
            if at < 0:
                continue
            start = win.day_first[day]
            talk.add(max(start, at - rng.randrange(600)), OPERATOR)
            for _ in range(rng.randint(0, 3)):
                talk.add(max(start, at - rng.randrange(min(7200, at - start + 1))), OPERATOR)
        if story == "monologue":
            spans = [(win.day_first[d], win.day_end(d)) for d in sorted(days)]
            count = max(len(spans), round(MONOLOGUE_SHARE * total) - len(talk.times))
            talk.spread(OPERATOR, count, spans)

    def _shape(self, talk: Talk, cast: Cast, who: list[int], story: str) -> None:
        win, rng = self.win, self.rng
        keep: set[int] = set()
        lively = sorted(cast.speakers, key=lambda e: -cast.weights[e])
        staying = [e for e in lively if cast.stays(e, win.recent - 100 * DAY)]
        if story == "voice" and staying:
            voice = who[staying[0]]
            talk.voice(voice)
            keep.add(voice)
        if story == "soul":
            for e in staying[: rng.choice((1, 1, 2))]:
                talk.soul(who[e])
                keep.add(who[e])
        quitters = 0
        if story == "falling":
            quitters = rng.randint(3, 5)
        elif story in ("", "soul") and talk.recent() >= 60 and rng.random() < 0.5:
            quitters = rng.randint(1, 2)
        for e in [e for e in staying if who[e] not in keep][:quitters]:
            at = win.now - int(rng.uniform(35, 75) * DAY)
            talk.quiet(who[e], at, keep)
            keep.add(who[e])
        if story == "monologue":
            days = set(self.plan.operator_days.get(cast.gid, {}))
            talk.operator_share(MONOLOGUE_SHARE - 0.04, days)
        talk.cap(keep)

    def _rows(self, talk: Talk, cast: Cast, who: list[int]) -> None:
        """The rows of the group's messages and what follows from them, column by column (a
        loop per message would cost more than writing them)."""
        win, gid = self.win, cast.gid
        members: list[int | None] = [None, None, *cast.member_ids]
        codes = talk.codes()
        count = len(codes)
        hour_text, minute_text, slot_day = win.hour_text, win.minute_text, win.slot_day
        times = [code >> 22 for code in codes]
        whos = [code & WHO for code in codes]
        odd = [i for i, code in enumerate(codes) if code & AD_BIT or code & WHO == BOT]
        mine = [i for i, w in enumerate(whos) if w == OPERATOR]
        draws = self.rng.randbytes(count)
        flags = [KIND_FLAGS[b] for b in draws]
        for i in mine:
            flags[i] |= FLAG_OPERATOR
        plain = bytearray(b"\x01") * count
        for i in odd:
            plain[i] = 0
        rows = list(compress(zip(
            [members[w] for w in whos],
            [hour_text[t // HOUR] + minute_text[t % HOUR] for t in times],
            [KIND_NAMES[b] for b in draws], flags, map(str, range(1, count + 1)), strict=True,
        ), plain))  # fmt: skip
        run_many(INSERT["plain"].format(gid=int(gid)), rows)
        run_many(INSERT["message"], self._odd(talk, cast, codes, odd, draws))
        self.messages += count
        days = Counter([w << 12 | slot_day[t // SLOT] for t, w in zip(times, whos, strict=True)
                        if w != BOT])  # fmt: skip
        run_many(INSERT["chat_day"].format(gid=int(gid)), [
            (members[k >> 12], win.days[k & 0xFFF], int(k >> 12 == OPERATOR), n)
            for k, n in days.items()
        ])  # fmt: skip
        last = dict(zip(whos, times, strict=True))  # in time order: the last one stays
        last.pop(OPERATOR, None)
        last.pop(BOT, None)
        operator_last = {slot_day[times[i] // SLOT]: times[i] for i in mine}
        run_many(INSERT["interaction"], [(gid, CHAT_INTERACTION, win.text(t))
                                         for t in operator_last.values()])  # fmt: skip
        self._spoke(cast, who, last)
        events = cast.events(win)
        run_many(INSERT["chat_event"], events)
        ads = sum(1 for i in odd if codes[i] & AD_BIT)
        self._source(cast, codes, len(last), events, len(mine), ads)

    def _odd(self, talk: Talk, cast: Cast, codes: list[int], odd: list[int],
             draws: bytes) -> list[tuple[Any, ...]]:  # fmt: skip
        """The rows of the bots' messages and of the ad-like ones, with all their values."""
        win, gid = self.win, cast.gid
        bot_id, bot_name = BOTS.get(cast.platform, ("", ""))
        ad_text = talk.ad_text()
        out = []
        for i in odd:
            t, w = codes[i] >> 22, codes[i] & WHO
            if w == BOT:
                out.append((gid, None, bot_id, bot_name, win.text(t), KIND_NAMES[draws[i]],
                            KIND_FLAGS[draws[i]] | FLAG_BOT, str(i + 1), None))  # fmt: skip
            else:
                message = ad_text[(t, w)]
                flags = FLAG_AD | (FLAG_LINK if has_link(message) else 0)
                member = cast.member_ids[w - FIRST]
                out.append((gid, member, "", "", win.text(t), "text", flags, str(i + 1),
                            excerpt(message)))  # fmt: skip
        return out

    def _spoke(self, cast: Cast, who: list[int], last: dict[int, int]) -> None:
        """Last spoke: the last message, or what the roster said before the history began."""
        win, changed = self.win, []
        for e, member in enumerate(cast.member_ids):
            t = last.get(who[e])
            before = cast.spoke[e]
            now = win.text(t) if t is not None else before if cast.spoke_before(e) else None
            if now != before:
                changed.append((now, member, cast.gid))
        run_many(INSERT["spoke"], changed)

    def _source(self, cast: Cast, codes: list[int], senders: int,
                events: list[tuple[Any, ...]], operator: int, ads: int) -> None:  # fmt: skip
        win = self.win
        first = datetime.fromisoformat(win.text(codes[0] >> 22)) if codes else None
        last = datetime.fromisoformat(win.text(codes[-1] >> 22)) if codes else None
        joins = sum(e[2] == "join" for e in events)
        counts = ChatCounts(messages_new=len(codes), senders_matched=senders, joins=joins,
                            leaves=len(events) - joins, operator_messages=operator, ad_like=ads,
                            first_at=first, last_at=last)  # fmt: skip
        fmt = FORMAT_OF.get(cast.platform, FORMAT_OF["other"])
        name = FILE_OF[fmt].format(name=cast.name, chat_id=cast.chat_id or cast.gid)
        size = 180 * len(codes) + 2048  # about what such an export takes per message
        digest = hashlib.sha256(f"huoqun sample {cast.gid} {name}".encode()).hexdigest()
        at = str(self.now)
        entry = {"files": [{"name": name, "size": size, "sha256": digest}], "at": at,
                 "counts": counts.as_dict()}  # fmt: skip
        run_many(INSERT["chat_source"], [(
            cast.gid, cast.platform, cast.chat_id, cast.name, fmt,
            json.dumps([entry], ensure_ascii=False), None if first is None else str(first),
            None if last is None else str(last), at,
        )])  # fmt: skip


def _drop_indexes() -> list[str]:
    """Drop the indexes of the empty message and daily-count tables; returns the statements
    that make them again. Made once over millions of rows, they cost a fraction of being
    kept up row by row (and the transaction that drops them makes them again, or nothing)."""
    if run("SELECT EXISTS (SELECT 1 FROM message) OR EXISTS (SELECT 1 FROM chat_day)")[0][0]:
        return []
    found = run(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN ('message', 'chat_day') ORDER BY name"
    )
    for name, _sql in found:
        run(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]
