"""What a roster re-import changed (PRODUCT.md §5, issue #19).

Each roster import of a group is remembered (``RosterImport``: when, the file, the member ids
it listed); the next one says what changed since: who **joined** (new in this roster), who
**left** (in the last roster, not in this one), who **came back** (listed again after they had
left the group, or after missing from the last roster though an earlier one listed them), and
who of the listed **went quiet** in the chat history (PRODUCT §4b: ≥ 10 messages in the 90 days
before the last 30, none in the last 30; read from ``chat_day``: ``core/activity.py`` was not
there to ask when this was written). ``roster_changes(group_id)`` gives the last import's
changes again later (the group's Activity tab).

A roster that lists exactly the members the last one listed is not remembered again:
importing the same file twice changes nothing.
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from app.core import clock
from app.core.members import chunks
from app.core.roster_match import MemberRef
from app.store.models import RosterImport, db

QUIET_RECENT_DAYS = 30  # none in the last 30 days…
QUIET_BEFORE_DAYS = 90  # …after at least QUIET_MIN_MESSAGES in the 90 days before them
QUIET_MIN_MESSAGES = 10


@dataclass(frozen=True)
class RosterChanges:
    """What one roster import changed in its group, each list a member's id and name.

    ``previous_at`` is when the roster compared with was imported: None for the group's first
    roster (then nothing joined, left or came back). ``at`` is None for a dry run; there,
    ``joined`` also holds the people the roster would add, with id 0 (not members yet).
    """

    group_id: int | None
    file_name: str
    at: datetime | None
    previous_at: datetime | None
    joined: list[MemberRef] = field(default_factory=list)
    left: list[MemberRef] = field(default_factory=list)
    came_back: list[MemberRef] = field(default_factory=list)
    went_quiet: list[MemberRef] = field(default_factory=list)
    chat_history: bool = False  # the group has chat history (else nobody can go quiet)

    @property
    def first(self) -> bool:
        """The group's first roster: there is nothing to compare with."""
        return self.previous_at is None

    @property
    def unchanged(self) -> bool:
        return not (self.joined or self.left or self.came_back or self.went_quiet)


def pack_ids(ids: Iterable[int]) -> str:
    """Member ids, compact: the sorted ids' differences, deflated, in base64 (JSON-safe)."""
    ordered = sorted(set(ids))
    deltas = [b - a for a, b in zip([0, *ordered], ordered, strict=False)]
    raw = ",".join(map(str, deltas)).encode("ascii")
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")


def unpack_ids(text: str) -> list[int]:
    """The ids ``pack_ids`` packed, sorted."""
    if not text:
        return []
    raw = zlib.decompress(base64.b64decode(text)).decode("ascii")
    ids, total = [], 0
    for delta in raw.split(",") if raw else ():
        total += int(delta)
        ids.append(total)
    return ids


def _imports(group_id: int, limit: int | None = None) -> list[RosterImport]:
    """The group's remembered imports, newest first."""
    query = (
        RosterImport.select()
        .where(RosterImport.group == group_id)
        .order_by(RosterImport.imported_at.desc(), RosterImport.id.desc())
    )
    return list(query.limit(limit) if limit else query)


def compare(
    group_id: int | None,
    listed: Collection[int],
    returning: Collection[int] = (),
    file_name: str = "",
    now: datetime | None = None,
    new_names: Sequence[str] = (),
    at: datetime | None = None,
) -> RosterChanges:
    """The changes of a roster listing the members ``listed`` (ids) against the group's last
    remembered roster. ``returning``: listed members whose membership had ended. ``new_names``:
    people a dry run would add. ``now``: the time went-quiet is judged at."""
    return _compare(group_id, listed, returning, file_name, now, new_names, at)[0]


def _compare(
    group_id: int | None, listed: Collection[int], returning: Collection[int], file_name: str,
    now: datetime | None, new_names: Sequence[str], at: datetime | None,
) -> tuple[RosterChanges, RosterImport | None]:  # fmt: skip
    """``compare``, and the last remembered import it compared with."""
    if group_id is None:
        return RosterChanges(None, file_name, at, None), None
    now = now or clock.now()
    people = _people(group_id)
    earlier = _imports(group_id)
    quiet = _went_quiet(group_id, listed, now, people)
    chat = _has_chat(group_id)
    if not earlier:
        first = RosterChanges(group_id, file_name, at, None, went_quiet=quiet, chat_history=chat)
        return first, None
    last = earlier[0]
    before = set(unpack_ids(last.listed))
    listed_set = set(listed)
    # missing from the last roster, though an earlier one listed them: back
    seen_earlier = {i for row in earlier[1:] for i in unpack_ids(row.listed)}
    back = (listed_set - before) & (seen_earlier | set(returning))
    back |= listed_set & set(returning)
    changes = RosterChanges(
        group_id,
        file_name,
        at,
        last.imported_at,
        joined=_refs(listed_set - before - back, people)
        + [MemberRef(0, name) for name in new_names],
        left=_refs(_existing(before - listed_set, last.imported_at, people), people),
        came_back=_refs(back, people),
        went_quiet=quiet,
        chat_history=chat,
    )
    return changes, last


def remember(
    group_id: int, listed: Collection[int], returning: Collection[int], file_name: str,
    now: datetime,
) -> RosterChanges:  # fmt: skip
    """Compare a written roster with the last one and remember it (inside the import's
    transaction); a roster listing the same members as the last is not remembered again."""
    changes, last = _compare(group_id, listed, returning, file_name, now, (), now)
    if last is not None and set(unpack_ids(last.listed)) == set(listed) and not changes.came_back:
        return changes
    back = ",".join(str(ref.id) for ref in changes.came_back)
    RosterImport.create(
        group=group_id, imported_at=now, file_name=file_name[:200], members=len(listed),
        listed=pack_ids(listed), came_back=back,
    )  # fmt: skip
    return changes


def roster_changes(group_id: int, now: datetime | None = None) -> RosterChanges | None:
    """What the group's last roster import changed (None: no roster was ever imported);
    went quiet as of ``now`` (default: now)."""
    last_two = _imports(group_id, 2)
    if not last_two:
        return None
    last = last_two[0]
    listed = unpack_ids(last.listed)
    people = _people(group_id)
    quiet = _went_quiet(group_id, listed, now or clock.now(), people)
    chat = _has_chat(group_id)
    if len(last_two) == 1:
        return RosterChanges(
            group_id, last.file_name, last.imported_at, None, went_quiet=quiet, chat_history=chat
        )
    previous = last_two[1]
    before, now_listed = set(unpack_ids(previous.listed)), set(listed)
    back = {int(i) for i in last.came_back.split(",") if i}
    left = _existing(before - now_listed, previous.imported_at, people)
    return RosterChanges(
        group_id,
        last.file_name,
        last.imported_at,
        previous.imported_at,
        joined=_refs(now_listed - before - back, people),
        left=_refs(left, people),
        came_back=_refs(back, people),
        went_quiet=quiet,
        chat_history=chat,
    )


def _has_chat(group_id: int) -> bool:
    row = db.execute_sql("SELECT 1 FROM chat_day WHERE group_id = ? LIMIT 1", (group_id,))
    return row.fetchone() is not None


def _went_quiet(
    group_id: int, listed: Collection[int], now: datetime, people: dict[int, _Person]
) -> list[MemberRef]:
    """Members among ``listed`` with ≥ 10 messages in the 90 days before the last 30 and none
    in the last 30 (local days), most messages first."""
    today = clock.to_local(now).date()
    recent = today - timedelta(days=QUIET_RECENT_DAYS - 1)
    start = recent - timedelta(days=QUIET_BEFORE_DAYS)
    rows = db.execute_sql(
        "SELECT member_id, sum(CASE WHEN day < ? THEN messages ELSE 0 END) AS before,"
        " sum(CASE WHEN day >= ? THEN messages ELSE 0 END) AS recent"
        " FROM chat_day WHERE group_id = ? AND member_id IS NOT NULL AND day >= ?"
        " GROUP BY member_id HAVING recent = 0 AND before >= ?",
        (recent.isoformat(), recent.isoformat(), group_id, start.isoformat(), QUIET_MIN_MESSAGES),
    ).fetchall()
    wanted = set(listed)
    counts = {member_id: before for member_id, before, _ in rows if member_id in wanted}
    return sorted(_refs(counts, people), key=lambda ref: -counts[ref.id])


class _Person(NamedTuple):
    sort_key: str
    name: str
    first_seen: str


def _people(group_id: int) -> dict[int, _Person]:
    """Everyone with a membership of the group (current or ended), in one query."""
    return {
        member_id: _Person(sort_key, name, str(first_seen))
        for member_id, sort_key, name, first_seen in db.execute_sql(
            "SELECT m.id, m.sort_key, m.name, m.first_seen FROM membership ms"
            " JOIN member m ON m.id = ms.member_id WHERE ms.group_id = ?",
            (group_id,),
        )
    }


def _existing(ids: Iterable[int], listed_at: datetime, people: dict[int, _Person]) -> set[int]:
    """Those of ``ids`` still members of the group, and the same people (an erased member's
    id may have been given to someone new since the roster that listed it)."""
    at = str(listed_at)
    return {i for i in ids if i in people and people[i].first_seen <= at}


def _refs(ids: Iterable[int], people: dict[int, _Person]) -> list[MemberRef]:
    """The members ``ids`` as (id, name), in name order (those not in the group, such as
    members a dry run would add to it, read a chunk at a time)."""
    wanted = list(ids)
    found = {i: people[i] for i in wanted if i in people}
    missing = sorted(i for i in wanted if i not in people)
    for part in chunks(missing):
        marks = ",".join("?" * len(part))
        for member_id, sort_key, name, first_seen in db.execute_sql(
            f"SELECT id, sort_key, name, first_seen FROM member WHERE id IN ({marks})", list(part)
        ):
            found[member_id] = _Person(sort_key, name, str(first_seen))
    ordered = sorted(found.items(), key=lambda item: (item[1].sort_key, item[0]))
    return [MemberRef(member_id, person.name) for member_id, person in ordered]
