"""Writing an import plan: bulk ``executemany`` in chunks, inside the caller's transaction.

No query per row: members, memberships, tags and search rows go in with one statement per
chunk. New members get explicit ids after the table's largest (one writer, one transaction),
so their memberships, tags and search rows can refer to them without reading them back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from app.core.bulk_rows import insert_sql
from app.core.members import SEARCH_FIELDS, refresh_search
from app.core.pinyin import sort_key
from app.core.progress import Progress
from app.core.roster_match import Plan
from app.core.search import search_keys
from app.core.tiers import lowest_tier
from app.store.models import Member, MemberSearch, Membership, MemberTag, db

CHUNK = 5_000  # rows per executemany, and between progress reports
_MEMBERSHIP_FIELDS = (
    Membership.member,
    Membership.group,
    Membership.nickname,
    Membership.role,
    Membership.joined_at,
    Membership.last_spoke_at,
)


class _Counter:
    """Calls ``progress(done, total)`` as rows are written."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0

    def add(self, count: int) -> None:
        self.done = min(self.done + count, self.total)
        if self.progress is not None:
            self.progress(self.done, self.total)


def _at(moment: datetime | None) -> str | None:
    """A datetime as peewee stores it (naive UTC, ISO with a space)."""
    return None if moment is None else str(moment)


def _throwaway(text: str | None) -> str | None:
    """A copy of ``text`` for SQLite to bind. Binding a non-ASCII string caches its UTF-8 form
    inside the string for as long as it lives, and the preview keeps the roster's strings:
    a 110,000-row roster with a long notes column would hold 55 MB more until the import ends."""
    if text is None or text.isascii():
        return text
    return text.encode().decode()


def _run(sql: str, rows: Sequence[tuple[Any, ...]], counter: _Counter) -> None:
    cursor = db.cursor()
    for start in range(0, len(rows), CHUNK):
        part = rows[start : start + CHUNK]
        cursor.executemany(sql, part)
        counter.add(len(part))


def work_of(plan: Plan) -> int:
    """How many rows writing ``plan`` touches: the ``total`` of its progress."""
    return (
        3 * len(plan.new_rows)
        + sum(len(row.tags) for row in plan.new_rows)
        + len(plan.member_changes)
        + len(plan.membership_adds)
        + len(plan.membership_changes)
        + len(plan.marked_left)
        + len(plan.tag_adds)
        + len(plan.touched)
    )


def write_plan(plan: Plan, group_id: int, now: datetime, progress: Progress | None) -> range:
    """Write ``plan`` into the group ``group_id``; call inside ``db.atomic()``. The ids the
    new members got."""
    counter = _Counter(progress, work_of(plan))
    new_ids = _write_new_members(plan, group_id, now, counter)
    _write_member_changes(plan, counter)
    adds = [
        (m, group_id, nick, role, _at(joined or now), _at(spoke))
        for m, nick, role, joined, spoke in plan.membership_adds
    ]
    _run(insert_sql(Membership, _MEMBERSHIP_FIELDS), adds, counter)
    changes = [
        (nick, role, _at(joined), _at(spoke), ms_id)
        for ms_id, nick, role, joined, spoke in plan.membership_changes
    ]
    _run(
        'UPDATE "membership" SET "nickname" = ?, "role" = ?, "joined_at" = ?, '
        '"last_spoke_at" = ?, "left_at" = NULL, "status" = \'active\', "chat_only" = 0 '
        'WHERE "id" = ?',
        changes,
        counter,
    )
    left = [(_at(now), ms_id) for ms_id, _ in plan.marked_left]
    # missing from the group's roster: they left that group (their other groups stay theirs)
    _run('UPDATE "membership" SET "left_at" = ?, "status" = \'left\' WHERE "id" = ?', left, counter)
    tag_sql = insert_sql(MemberTag, (MemberTag.member, MemberTag.tag), "INSERT OR IGNORE")
    _run(tag_sql, plan.tag_adds, counter)
    for start in range(0, len(plan.touched), CHUNK):
        part = plan.touched[start : start + CHUNK]
        refresh_search(part)
        counter.add(len(part))
    return new_ids


_MEMBER_FIELDS = (
    Member._meta.fields["id"], Member.name, Member.sort_key, Member.wechat_id, Member.qq,
    Member.phone, Member.email, Member.city, Member.gender, Member.notes, Member.star,
    Member.tier, Member.status, Member.status_reason, Member.first_seen, Member.telegram_id,
    Member.discord_id,
)  # fmt: skip


def _write_new_members(plan: Plan, group_id: int, now: datetime, counter: _Counter) -> range:
    """New members with explicit ids after the largest: memberships and tags refer to them.

    A chunk at a time, each table's rows built just before they are written: 100,000 new
    members never sit in memory four times over.
    """
    if not plan.new_rows:
        return range(0)
    tier_id = lowest_tier().id
    first_id = (Member.select(Member.id).order_by(Member.id.desc()).limit(1).scalar() or 0) + 1
    sqls = (
        insert_sql(Member, _MEMBER_FIELDS),
        insert_sql(Membership, _MEMBERSHIP_FIELDS),
        insert_sql(MemberSearch, SEARCH_FIELDS),
        insert_sql(MemberTag, (MemberTag.member, MemberTag.tag)),
    )
    cursor = db.cursor()
    at_now = _at(now)
    for start in range(0, len(plan.new_rows), CHUNK):
        members: list[tuple[Any, ...]] = []
        memberships: list[tuple[Any, ...]] = []
        searches: list[tuple[Any, ...]] = []
        tags: list[tuple[int, str]] = []
        part = plan.new_rows[start : start + CHUNK]
        for member_id, row in enumerate(part, start=first_id + start):
            m = row.member
            name = m.get("name") or row.nickname
            qq, wechat, phone = m.get("qq"), m.get("wechat_id"), m.get("phone")
            email = m.get("email", "")
            members.append(
                (member_id, _throwaway(name), sort_key(name), wechat, qq, phone, email,
                 _throwaway(m.get("city", "")), m.get("gender", ""),
                 _throwaway(m.get("notes", "")), False, tier_id, "active", "", at_now,
                 m.get("telegram_id"), m.get("discord_id"))
            )  # fmt: skip
            memberships.append(
                (member_id, group_id, _throwaway(row.nickname), row.role or "member",
                 _at(row.joined_at) or at_now, _at(row.last_spoke_at))
            )  # fmt: skip
            nicknames = [row.nickname] if row.nickname else []
            ids = (qq, wechat, phone, email, m.get("telegram_id"), m.get("discord_id"))
            searches.append((member_id, *search_keys(name, nicknames, *ids)))
            tags.extend((member_id, tag) for tag in row.tags)
        for sql, rows in zip(sqls, (members, memberships, searches, tags), strict=True):
            cursor.executemany(sql, rows)
        counter.add(3 * len(part) + len(tags))
    return range(first_id, first_id + len(plan.new_rows))


def _write_member_changes(plan: Plan, counter: _Counter) -> None:
    """One ``executemany`` per set of changed columns (a handful of sets in practice)."""
    by_columns: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for member_id, changes in plan.member_changes.items():
        changes = dict(changes)
        if "name" in changes:
            changes["sort_key"] = sort_key(changes["name"])
        columns = tuple(sorted(changes))
        by_columns.setdefault(columns, []).append((*(changes[c] for c in columns), member_id))
    for columns, rows in by_columns.items():
        sets = ", ".join(f'"{Member._meta.fields[c].column_name}" = ?' for c in columns)
        _run(f'UPDATE "member" SET {sets} WHERE "id" = ?', rows, counter)
