"""Matching clean roster rows to the members already stored, and what an import would change.

Reads only, in a fixed number of queries per 500 keys: the plan says which rows are new,
which change a stored member or membership (and how), which change nothing, which conflict,
and which members of the group the file no longer lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP
from app.core.groups import find_group
from app.core.members import chunks
from app.core.progress import Progress
from app.core.roster_rows import PROGRESS_ROWS, CleanRow, InvalidRow
from app.io.rosters.presets import FIELD_LABELS, IDENTITY_FIELDS
from app.store.models import Member, db

MEMBER_COLUMNS = ("name", "qq", "wechat_id", "telegram_id", "discord_id", "phone", "email",
                  "city", "gender", "notes", "status")  # fmt: skip
_KEYS_PER_QUERY = 900  # SQLite allows 999 parameters on the oldest builds


@dataclass(frozen=True)
class MemberRef:
    """A member named in a report."""

    id: int
    name: str


@dataclass(frozen=True)
class StoredMembership:
    id: int
    nickname: str
    role: str
    joined_at: datetime | None
    last_spoke_at: datetime | None
    left_at: datetime | None
    chat_only: bool = False  # seen only in chat history: a roster listing them confirms them


@dataclass
class Plan:
    """What writing a roster into a group would do; computed without writing."""

    group_id: int | None
    new_rows: list[CleanRow] = field(default_factory=list)
    member_changes: dict[int, dict[str, Any]] = field(default_factory=dict)
    tag_adds: list[tuple[int, str]] = field(default_factory=list)
    # (member id, nickname, role, joined, last spoke) of memberships to add for stored members
    membership_adds: list[tuple[int, str, str, datetime | None, datetime | None]] = field(
        default_factory=list
    )
    # (membership id, nickname, role, joined, last spoke): the whole row, left_at cleared
    membership_changes: list[tuple[int, str, str, datetime | None, datetime | None]] = field(
        default_factory=list
    )
    marked_left: list[tuple[int, MemberRef]] = field(default_factory=list)  # (membership id, …)
    touched: list[int] = field(default_factory=list)  # stored members that change
    listed: list[int] = field(default_factory=list)  # stored members the roster names
    returning: list[int] = field(default_factory=list)  # of those, whose membership had ended
    unchanged: int = 0
    invalid_rows: list[InvalidRow] = field(default_factory=list)
    banned_returning: list[MemberRef] = field(default_factory=list)

    @property
    def invalid_lines(self) -> int:
        return len({r.line for r in self.invalid_rows})


def _select(sql: str, values: list[Any]) -> list[tuple[Any, ...]]:
    """``sql`` with ``IN ({marks})`` run for ``values`` a chunk at a time (plain SQLite: fast)."""
    found: list[tuple[Any, ...]] = []
    for part in chunks(values, _KEYS_PER_QUERY):
        marks = ", ".join("?" * len(part))
        found.extend(db.execute_sql(sql.format(marks=marks), list(part)).fetchall())
    return found


def _stored_members(
    rows: list[CleanRow],
) -> tuple[dict[str, dict[str, int]], dict[int, dict[str, Any]]]:
    """``(ids by key field and value, stored columns by id)`` of members any row names."""
    wanted: dict[str, set[str]] = {f: set() for f in IDENTITY_FIELDS}
    for row in rows:
        for key, value in row.keys().items():
            wanted[key].add(value)
    by_key: dict[str, dict[str, int]] = {f: {} for f in IDENTITY_FIELDS}
    stored: dict[int, dict[str, Any]] = {}
    columns = ", ".join(f'"{Member._meta.fields[c].column_name}"' for c in MEMBER_COLUMNS)
    for key in IDENTITY_FIELDS:
        sql = f'SELECT "id", {columns} FROM "member" WHERE "{key}" IN ({{marks}})'
        for values in _select(sql, sorted(wanted[key])):
            record = dict(zip(MEMBER_COLUMNS, values[1:], strict=True))
            stored[values[0]] = record
            by_key[key][record[key]] = values[0]
    return by_key, stored


def _stored_tags(member_ids: list[int]) -> dict[int, set[str]]:
    tags: dict[int, set[str]] = {}
    sql = 'SELECT "member_id", "tag" FROM "member_tag" WHERE "member_id" IN ({marks})'
    for member_id, tag in _select(sql, member_ids):
        tags.setdefault(member_id, set()).add(tag)
    return tags


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _stored_memberships(group_id: int | None) -> dict[int, StoredMembership]:
    if group_id is None:
        return {}
    cursor = db.execute_sql(
        'SELECT "member_id", "id", "nickname", "role", "joined_at", "last_spoke_at", "left_at", '
        '"chat_only" FROM "membership" WHERE "group_id" = ?',
        (group_id,),
    )
    return {
        member_id: StoredMembership(
            ms_id, nick, role, _when(joined), _when(spoke), _when(left), bool(chat_only)
        )
        for member_id, ms_id, nick, role, joined, spoke, left, chat_only in cursor.fetchall()
    }


def _conflict(
    row: CleanRow, matches: dict[str, int], stored: dict[int, dict[str, Any]]
) -> InvalidRow:
    by_member: dict[int, str] = {}
    for key, member_id in matches.items():
        by_member.setdefault(member_id, key)
    (first_id, first_key), (second_id, second_key) = list(by_member.items())[:2]
    return InvalidRow(
        row.line,
        "",
        QT_TRANSLATE_NOOP(
            "Errors",
            "The row matches two members: {first} (#{first_id}) by {first_what} and {second} "
            "(#{second_id}) by {second_what}. Merge them first, or correct the row.",
        ),
        {
            "first": stored[first_id]["name"],
            "first_id": first_id,
            "first_what": FIELD_LABELS[first_key],
            "second": stored[second_id]["name"],
            "second_id": second_id,
            "second_what": FIELD_LABELS[second_key],
        },
    )


def _whole_row(row: CleanRow, template: str, **params: Any) -> InvalidRow:
    return InvalidRow(row.line, "", template, params)


def plan_import(
    rows: list[CleanRow],
    group_name: str,
    mark_left: bool,
    progress: Progress | None = None,
) -> Plan:
    """Match ``rows`` to stored members and memberships of the group called ``group_name``.

    ``rows`` are not changed: the same rows are planned again inside the import's transaction.
    ``progress(done, total)`` is called every ``PROGRESS_ROWS`` rows (it may raise ``Cancelled``).
    """
    group = find_group(group_name)
    plan = Plan(group.id if group is not None else None)
    by_key, stored = _stored_members(rows)
    memberships = _stored_memberships(plan.group_id)
    errors: dict[int, list[InvalidRow]] = {id(row): list(row.errors) for row in rows}
    seen: set[int] = set()
    targets: dict[int, list[CleanRow]] = {}
    matched: dict[int, int] = {}  # id(row) → member id
    for done, row in enumerate(rows):
        if progress is not None and done % PROGRESS_ROWS == 0:
            progress(done, len(rows))
        keys = row.keys()
        matches = {key: by_key[key][v] for key, v in keys.items() if v in by_key[key]}
        seen.update(matches.values())
        if len(set(matches.values())) > 1:
            errors[id(row)].append(_conflict(row, matches, stored))
        elif matches:
            member_id = next(iter(matches.values()))
            matched[id(row)] = member_id
            targets.setdefault(member_id, []).append(row)
        elif not keys and not errors[id(row)]:
            errors[id(row)].append(
                _whole_row(
                    row,
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Nothing to match on: the row has no QQ number, WeChat id, phone, "
                        "Telegram or Discord user id, so it would be added again on every import.",
                    ),
                )
            )
        elif not row.member.get("name") and not row.nickname:
            errors[id(row)].append(
                _whole_row(
                    row,
                    QT_TRANSLATE_NOOP("Errors", "A new member needs a name; this row has none."),
                )
            )
    for member_id, same in targets.items():
        for row in same if len(same) > 1 else ():
            errors[id(row)].append(
                _whole_row(
                    row,
                    QT_TRANSLATE_NOOP(
                        "Errors", "This row and line {other} both match {name} (#{id})."
                    ),
                    other=next(r.line for r in same if r is not row),
                    name=stored[member_id]["name"],
                    id=member_id,
                )
            )
    tags = _stored_tags([matched[id(r)] for r in rows if id(r) in matched and not errors[id(r)]])
    for row in rows:
        if errors[id(row)]:
            plan.invalid_rows.extend(errors[id(row)])
        elif id(row) in matched:
            member_id = matched[id(row)]
            _plan_update(plan, row, member_id, stored[member_id], tags, memberships)
        else:
            plan.new_rows.append(row)
    plan.listed = sorted(seen)
    if mark_left:
        for member_id, ms in memberships.items():
            if ms.left_at is None and member_id not in seen:
                plan.marked_left.append((ms.id, MemberRef(member_id, "")))
        _name_left(plan)
    plan.invalid_rows.sort(key=lambda r: r.line)
    return plan


def _plan_update(
    plan: Plan,
    row: CleanRow,
    member_id: int,
    record: dict[str, Any],
    tags: dict[int, set[str]],
    memberships: dict[int, StoredMembership],
) -> None:
    """Add to ``plan`` what ``row`` changes on a stored member; count it unchanged if nothing."""
    if record["status"] == "banned":
        plan.banned_returning.append(MemberRef(member_id, record["name"]))
    changes = {k: v for k, v in row.member.items() if v != record[k]}
    new_tags = [t for t in row.tags if t not in tags.get(member_id, ())]
    plan.tag_adds.extend((member_id, t) for t in new_tags)
    ms = memberships.get(member_id)
    changed = bool(changes or new_tags)
    if ms is None:
        plan.membership_adds.append(
            (member_id, row.nickname, row.role or "member", row.joined_at, row.last_spoke_at)
        )
        changed = True
    else:
        final = (
            ms.id,
            row.nickname or ms.nickname,
            row.role or ms.role,
            row.joined_at or ms.joined_at,
            row.last_spoke_at or ms.last_spoke_at,
        )
        if ms.left_at:
            plan.returning.append(member_id)
        stored = (ms.nickname, ms.role, ms.joined_at, ms.last_spoke_at)
        if final[1:] != stored or ms.left_at or ms.chat_only:
            plan.membership_changes.append(final)
            changed = True
    if changes:
        plan.member_changes[member_id] = changes
    if changed:
        plan.touched.append(member_id)
    else:
        plan.unchanged += 1


def _name_left(plan: Plan) -> None:
    """Fill in the names of the members to be marked left (one query per chunk of ids)."""
    sql = 'SELECT "id", "name" FROM "member" WHERE "id" IN ({marks})'
    found = _select(sql, [ref.id for _, ref in plan.marked_left])
    names = {member_id: name for member_id, name in found}
    plan.marked_left = [
        (ms_id, MemberRef(ref.id, names[ref.id])) for ms_id, ref in plan.marked_left
    ]
