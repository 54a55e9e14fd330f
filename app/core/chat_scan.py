"""One pass over a chat export's records: senders matched, messages counted, and, when a
group is given, messages and events written (``chat_import`` runs it in its transaction)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.core import clock
from app.core.ad_like import excerpt, is_ad_like
from app.core.chat_effects import FLAG_AD, FLAG_BOT, FLAG_LINK, FLAG_OPERATOR, FLAG_REPLY
from app.core.chat_match import AMBIGUOUS, CREATED, MATCHED, OPERATOR, Matcher, Sender, staff
from app.core.health_thresholds import ad_words
from app.core.progress import Progress, report
from app.io.chats import ChatMessage, read_chat
from app.store.models import db

BATCH = 2000  # rows per executemany, and records between two progress reports
_INSERT_MESSAGE = (
    "INSERT OR IGNORE INTO message (group_id, member_id, sender_id, sender_name, sent_at, kind,"
    " flags, key, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_EVENT = (
    "INSERT OR IGNORE INTO chat_event (group_id, member_id, kind, at, key) VALUES (?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class ChatCounts:
    """What an import of one chat found (a preview) or did (an apply)."""

    messages_new: int = 0
    messages_known: int = 0
    senders_matched: int = 0
    senders_new: int = 0
    senders_ambiguous: int = 0
    joins: int = 0
    leaves: int = 0
    operator_messages: int = 0
    ad_like: int = 0
    first_at: datetime | None = None
    last_at: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        for key in ("first_at", "last_at"):
            out[key] = None if out[key] is None else out[key].isoformat(" ")
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChatCounts:
        data = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in ("first_at", "last_at"):
            if data.get(key):
                data[key] = datetime.fromisoformat(data[key])
        return cls(**data)


def _head(group_id: int | None, s: Sender) -> tuple[Any, ...]:
    """The first columns of a message row of sender ``s``: group, member, and who sent it
    when that is no member (kept for the operator to match later)."""
    member = s.member_id if s.member_id is not None and s.member_id > 0 else None
    loose = member is None and s.how != OPERATOR
    return (group_id, member, s.sender_id if loose else "", s.name[:200] if loose else "")


class Scan:
    """One pass over a chat's records: match, count, and (with a group id) write."""

    def __init__(
        self, plan: Any, matcher: Matcher, group_id: int | None,
        progress: Progress | None, total: int, after: int = 0,
    ) -> None:  # fmt: skip
        self.plan, self.matcher, self.group_id = plan, matcher, group_id
        self.progress, self.total = progress, total
        self.write = group_id is not None
        self.records = self.messages = self.new = self.joins = self.leaves = 0
        self.operator = self.ad = 0
        self.first: datetime | None = None
        self.last: datetime | None = None
        self.joined: dict[int, tuple[datetime, datetime]] = {}
        self.left: dict[int, datetime] = {}
        self._rows: list[tuple[Any, ...]] = []
        self._events: list[tuple[Any, ...]] = []
        self._chat_key = f"{plan.chat.platform}:{plan.chat.chat_id}"
        # daily counts of the messages found new (bots left out): whole batches here, rows
        # of the batches only partly new by id range (``chat_effects.day_counts``)
        self.top = after  # the highest message id so far: new rows' ids follow it
        self.days: dict[tuple[int | None, bool, str], list[Any]] = {}
        self.ranges: list[tuple[int, int]] = []
        self._day_cache: dict[str, str] = {}

    def run(self) -> None:
        plan, matcher, gid = self.plan, self.matcher, self.group_id
        rows, sender, cache = self._rows, matcher.sender, matcher.senders
        # a word of the ad-word list (Settings) anywhere: the one test most messages need
        words = ad_words()
        pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
        maybe_ad = pattern.search if words else (lambda _text: None)
        chat_key = self._chat_key
        prev_at: datetime | None = None
        same_second: dict[str, int] = {}
        heads: dict[str, tuple[Sender, tuple[Any, ...]]] = {}
        first, last = datetime.max, datetime.min
        records = 0
        for rec in read_chat(plan.chat, plan.zone, plan.me):
            records += 1
            if type(rec) is not ChatMessage:
                self._event(rec)
                continue
            at = rec.sent_at
            who = rec.sender_id or "\x00" + (rec.group_nickname or rec.sender_name)
            seen_sender = heads.get(who)
            if seen_sender is None:
                s = cache.get(who) or sender(
                    rec.sender_id, rec.sender_name, rec.group_nickname,
                    operator=rec.from_operator, bot=rec.from_bot,
                )  # fmt: skip
                seen_sender = heads[who] = (s, _head(gid, s))
            s, head = seen_sender
            s.messages += 1
            flags = (
                (FLAG_LINK if rec.has_link else 0) | (FLAG_REPLY if rec.is_reply else 0)
                | (FLAG_BOT if rec.from_bot else 0) | (FLAG_OPERATOR if rec.from_operator else 0)
            )  # fmt: skip
            text, kept = rec.text, None
            if rec.from_operator:
                self.operator += 1
            elif (
                text
                and maybe_ad(text)
                and is_ad_like(text, words, by_admin=staff(rec.sender_role) or staff(s.role))
            ):
                flags |= FLAG_AD
                kept = excerpt(text)
                self.ad += 1
            key = rec.message_id
            if not key:
                if at != prev_at:
                    same_second.clear()
                    prev_at = at
                who = f"{rec.sender_id or rec.sender_name}\x1f{text}"
                seen = same_second.get(who, 0)
                same_second[who] = seen + 1
                raw = f"{chat_key}\x1f{at}\x1f{who}\x1f{seen}".encode()
                key = hashlib.blake2b(raw, digest_size=12).hexdigest()
            rows.append((*head, at.isoformat(" "), rec.kind, flags, key, kept))
            if at < first:
                first = at
            if at > last:
                last = at
            if len(rows) >= BATCH:
                self.records = records
                self._flush()
        self.records = records
        self._flush()
        if first <= last:
            self.first, self.last = first, last

    def _event(self, rec: Any) -> None:
        kind, at = rec.kind, rec.at
        if kind == "join":
            self.joins += 1
        elif kind in ("leave", "removed"):
            self.leaves += 1
        member = None
        if rec.member_id or rec.member_name:
            person = self.matcher.sender(
                rec.member_id, rec.member_name, operator=rec.member_id in self.plan.me,
                create=kind == "join",
            )  # fmt: skip
            if person.member_id is not None and person.member_id > 0:
                member = person.member_id
        if member is not None and kind == "join":
            first, last = self.joined.get(member, (at, at))
            self.joined[member] = (min(first, at), max(last, at))
        elif member is not None and kind in ("leave", "removed"):
            self.left[member] = max(self.left.get(member, at), at)
        who = rec.member_id or rec.member_name
        raw = f"{self._chat_key}\x1f{kind}\x1f{at}\x1f{who}".encode()
        key = rec.event_id or hashlib.blake2b(raw, digest_size=12).hexdigest()
        self._events.append((self.group_id, member, kind, at.isoformat(" "), key))

    def _flush(self) -> None:
        rows, events = self._rows, self._events
        if self.write:
            connection = db.connection()
            before = connection.total_changes
            cursor = connection.cursor()
            if rows:
                cursor.executemany(_INSERT_MESSAGE, rows)
            added = connection.total_changes - before
            self.new += added
            if added == len(rows):  # every row new: counted here, without reading them back
                self._count_days(rows)
            elif added:  # some new: their ids follow the highest before, counted by SQL
                self.ranges.append((self.top, self.top + added))
            self.top += added
            if events:
                cursor.executemany(_INSERT_EVENT, events)
        elif rows:
            self.new += len(rows) - self._known([r[7] for r in rows])
        self.messages += len(rows)
        rows.clear()
        events.clear()
        # after the write: a cancel here rolls it back; the CLI's kill test waits for this
        report(self.progress, self.records, max(self.total, self.records))

    def _count_days(self, rows: list[tuple[Any, ...]]) -> None:
        days, cache = self.days, self._day_cache
        for row in rows:
            flags = row[6]
            if flags & FLAG_BOT:
                continue
            at = row[4]
            day = cache.get(at[:13]) or self._day_of(at)
            key = (row[1], bool(flags & FLAG_OPERATOR), day)
            had = days.get(key)
            if had is None:
                days[key] = [1, at]
            else:
                had[0] += 1
                if at > had[1]:
                    had[1] = at

    def _day_of(self, at: str) -> str:
        """The local day of a stored time; remembered for its UTC hour when the zone's offset
        is whole hours then (the local day cannot change within that hour)."""
        moment = datetime.fromisoformat(at)
        offset = clock.to_local(moment).utcoffset() or timedelta(0)
        day = (moment + offset).date().isoformat()
        if offset.total_seconds() % 3600 == 0:
            self._day_cache[at[:13]] = day
        return day

    def _known(self, keys: list[str]) -> int:
        if self.plan.group_id is None:
            return 0
        found = 0
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            marks = ", ".join("?" * len(part))
            found += db.execute_sql(
                f"SELECT count(*) FROM message WHERE group_id = ? AND key IN ({marks})",
                (self.plan.group_id, *part),
            ).fetchone()[0]
        return found

    def counts(self) -> ChatCounts:
        talked = [s for s in self.matcher.senders.values() if s.messages and s.how != OPERATOR]
        by = {how: sum(1 for s in talked if s.how == how) for how in (MATCHED, CREATED, AMBIGUOUS)}
        return ChatCounts(
            messages_new=self.new, messages_known=self.messages - self.new,
            senders_matched=by[MATCHED], senders_new=by[CREATED],
            senders_ambiguous=by[AMBIGUOUS], joins=self.joins, leaves=self.leaves,
            operator_messages=self.operator, ad_like=self.ad, first_at=self.first,
            last_at=self.last,
        )  # fmt: skip
