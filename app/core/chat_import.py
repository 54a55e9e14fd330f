"""Importing a chat history (PRODUCT.md §5, issue #18): a plan, a preview, then all or nothing.

``plan_chat`` decides where a chat goes (``chat_match.group_for_chat``, or the caller's choice)
and fingerprints its files; ``preview`` reads the whole export once and counts what importing
it would do (messages new and already imported, senders matched / new / ambiguous, joins,
leaves, ad-like messages, the time range), writing nothing; ``apply`` reads it once more and
writes it in one transaction after a backup. ``progress(done, total)`` may raise
``Cancelled``: the transaction then rolls back, as it does when the process is killed.

Nothing is imported twice: each message has a key unique in its group (``Message.key``: the
platform's message id, else a hash of chat, time, sender, text and how many identical ones
came before it in the same second), and files already imported together into the group
(the same bytes) are known by their SHA-256 without being read again.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from app.core import clock
from app.core.chat_effects import (
    day_counts,
    write_days,
    write_last_spoke,
    write_membership_dates,
    write_operator_days,
)
from app.core.chat_match import (
    AMBIGUOUS,
    NEW,
    SKIP,
    Matcher,
    Resolution,
    Sender,
    add_my_accounts,
    group_for_chat,
    my_accounts,
)
from app.core.chat_scan import ChatCounts, Scan, indexes_deferred
from app.core.groups import PLATFORMS, create_group, get_group
from app.core.members import refresh_search
from app.core.progress import Progress, report
from app.io.chats import ChatInfo
from app.memory_release import gc_paused
from app.store.database import bulk_transaction
from app.store.models import ChatSource, Group, db

CACHE_KIB = 65_536  # the page cache during a chat import
BYTES_PER_MESSAGE = 500  # more than any export spends on one message (Telegram ~300, QQ ~80)

__all__ = [
    "NEW",
    "SKIP",
    "ChatCounts",
    "ChatPlan",
    "ChatPreview",
    "ChatResult",
    "Sender",
    "apply",
    "apply_many",
    "plan_chat",
    "preview",
]


@dataclass(frozen=True)
class ChatPlan:
    """Where a chat goes; nothing read but the files' bytes (for their fingerprints)."""

    chat: ChatInfo
    zone: tzinfo | None
    me: frozenset[str]
    group_id: int | None  # None: a new group called ``group_name``
    group_name: str
    found_by: str  # "id", "name", "chosen" (the caller's) or "new"
    files: tuple[dict[str, Any], ...] = field(repr=False)
    earlier: dict[str, Any] | None = None  # what importing these same files found before


@dataclass(frozen=True)
class ChatPreview:
    """What ``apply`` would do; ``ambiguous`` are the senders for the caller to resolve."""

    plan: ChatPlan
    counts: ChatCounts
    ambiguous: list[Sender]
    records: int  # messages and events read: the total of ``apply``'s progress
    senders: tuple[Sender, ...] = ()  # everyone who sent a message, most messages first


@dataclass(frozen=True)
class ChatResult:
    plan: ChatPlan
    counts: ChatCounts
    group_id: int
    group_name: str
    group_created: bool
    backup: Path | None
    seconds: float


def fingerprint(path: Path) -> dict[str, Any]:
    """A file's name, size and SHA-256."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return {"name": path.name, "size": path.stat().st_size, "sha256": digest.hexdigest()}


def plan_chat(
    chat: ChatInfo, group: int | str | None = None, me: Iterable[str] = (),
    zone: tzinfo | None = None,
) -> ChatPlan:  # fmt: skip
    """Where ``chat`` goes: ``group`` a group's id or name (a new one if no group has it), or
    None to go by the chat's id, then its name, else a new group named after the chat.
    ``me``: the operator's ids on the platform besides those in My accounts."""
    found_by = "chosen"
    target: Group | None
    if isinstance(group, int):
        chosen = get_group(group)
        target, name = chosen, chosen.name
    elif isinstance(group, str) and group.strip():
        name = group.strip()[:100]
        target = Group.get_or_none(Group.name == name)
        found_by = "chosen" if target is not None else "new"
    else:
        target, found_by = group_for_chat(chat.platform, chat.chat_id, chat.name)
        name = target.name if target is not None else _chat_name(chat)
        if target is None:
            found_by = "new"
    ids = frozenset(i.strip() for i in (*my_accounts(chat.platform), *me) if i and i.strip())
    files = tuple(fingerprint(p) for p in chat.files)
    earlier = None if target is None else _earlier(target.id, chat, files)
    return ChatPlan(chat, zone, ids, None if target is None else target.id, name, found_by,
                    files, earlier)  # fmt: skip


def _chat_name(chat: ChatInfo) -> str:
    return (chat.name.strip() or chat.chat_id or chat.files[0].stem)[:100]


def _source(group_id: int, chat: ChatInfo) -> ChatSource | None:
    query = ChatSource.select().where(
        ChatSource.group == group_id, ChatSource.platform == chat.platform
    )
    if chat.chat_id:
        query = query.where(ChatSource.chat_id == chat.chat_id)
    else:
        query = query.where(ChatSource.chat_id == "", ChatSource.name == chat.name)
    found: ChatSource | None = query.first()
    return found


def _earlier(
    group_id: int, chat: ChatInfo, files: tuple[dict[str, Any], ...]
) -> dict[str, Any] | None:
    source = _source(group_id, chat)
    if source is None:
        return None
    wanted = sorted(f["sha256"] for f in files)
    for entry in json.loads(source.files):
        if sorted(f["sha256"] for f in entry["files"]) == wanted:
            counts: dict[str, Any] = entry["counts"]
            return counts
    return None


def _again(earlier: dict[str, Any]) -> ChatCounts:
    """The counts of files imported before: every message known, nothing new."""
    before = ChatCounts.from_dict(earlier)
    matched = before.senders_matched + before.senders_new
    return replace(
        before, messages_new=0, messages_known=before.messages_new + before.messages_known,
        senders_matched=matched, senders_new=0,
    )  # fmt: skip


def preview(
    plan: ChatPlan, resolutions: dict[str, Resolution] | None = None,
    new_members: bool = False, progress: Progress | None = None,
) -> ChatPreview:  # fmt: skip
    """Read the chat and count what importing it would do. Writes nothing."""
    if plan.earlier is not None:
        return ChatPreview(plan, _again(plan.earlier), [], 0)
    matcher = Matcher(plan.group_id, plan.chat.platform, False, resolutions, new_members)
    with gc_paused():
        scan = Scan(plan, matcher, None, progress, 0)
        scan.run()
    ambiguous = [s for s in matcher.senders.values() if s.how == AMBIGUOUS and s.messages]
    talked = sorted((s for s in matcher.senders.values() if s.messages), key=lambda s: -s.messages)
    return ChatPreview(plan, scan.counts(), ambiguous, scan.records, tuple(talked))


def apply(
    plan: ChatPlan | ChatPreview, resolutions: dict[str, Resolution] | None = None,
    new_members: bool = False, progress: Progress | None = None,
) -> ChatResult:  # fmt: skip
    """Import the chat in one transaction after a backup. ``resolutions`` say who each
    ambiguous sender is (by ``Sender.key``): a member id, ``NEW`` or ``SKIP`` (the default,
    or ``NEW`` with ``new_members``)."""
    return apply_many([(plan, resolutions)], new_members, progress)[0]


def apply_many(
    chats: Sequence[tuple[ChatPlan | ChatPreview, dict[str, Resolution] | None]],
    new_members: bool = False, progress: Progress | None = None,
) -> list[ChatResult]:  # fmt: skip
    """Import several chats (each with its resolutions, as ``apply``) in one transaction
    after one backup: all of them or, when ``progress`` raises ``Cancelled``, none."""
    totals = [c.records if isinstance(c, ChatPreview) else 0 for c, _r in chats]
    plans = [c.plan if isinstance(c, ChatPreview) else c for c, _r in chats]
    previews = [c if isinstance(c, ChatPreview) else None for c, _r in chats]
    if all(p.earlier is not None for p in plans):  # every file imported before: no write
        report(progress, 1, 1)
        return [_again_result(p, time.perf_counter()) for p in plans]
    from app.core.roster_import import backup_before_import

    results = []
    with gc_paused(), bulk_transaction():
        # the messages' key index is written all over: a page cache that holds more of it
        # spills less (bulk_transaction puts the usual size back after)
        db.execute_sql(f"PRAGMA cache_size = -{CACHE_KIB}")
        with backup_before_import() as backup:
            done, whole = 0, sum(max(t, 1) for t in totals)
            for plan, preview, (_c, resolutions), total in zip(
                plans, previews, chats, totals, strict=True
            ):
                part = _part_of(progress, done, whole) if len(plans) > 1 else progress
                results.append(
                    _write(plan, preview, resolutions, new_members, part, total, backup.path)
                )
                done += max(total, 1)
    return results


def _part_of(progress: Progress | None, done: int, whole: int) -> Progress | None:
    """One chat's progress as a part of several chats' (its own total ignored)."""
    if progress is None:
        return None

    def part(step: int, total: int) -> None:
        progress(min(done + step, whole), whole)

    return part


def _again_result(plan: ChatPlan, started: float) -> ChatResult:
    assert plan.group_id is not None
    return ChatResult(plan, _again(plan.earlier or {}), plan.group_id, plan.group_name, False,
                      None, time.perf_counter() - started)  # fmt: skip


def _write(
    plan: ChatPlan, preview: ChatPreview | None, resolutions: dict[str, Resolution] | None,
    new_members: bool, progress: Progress | None, total: int, backup: Path | None,
) -> ChatResult:  # fmt: skip
    """Write one chat inside the caller's transaction."""
    started = time.perf_counter()
    if plan.earlier is not None:
        report(progress, 1, 1)
        return _again_result(plan, started)
    group_id, created = _group(plan)
    now = clock.now()
    matcher = Matcher(group_id, plan.chat.platform, True, resolutions, new_members, now)
    add_my_accounts(plan.chat.platform, [plan.chat.self_id, *plan.me])
    after = db.execute_sql("SELECT ifnull(max(id), 0) FROM message").fetchone()[0]
    scan = Scan(plan, matcher, group_id, progress, total, after)
    with indexes_deferred(after, _expected(plan, preview)):
        scan.run()
    days = day_counts(group_id, scan.ranges, scan.days)
    write_days(group_id, days)
    write_last_spoke(group_id, days)
    write_operator_days(group_id, days)
    write_membership_dates(group_id, scan.joined, scan.left)
    refresh_search(sorted(matcher.touched))
    counts = scan.counts()
    _remember(group_id, plan, counts, now)
    report(progress, max(total, scan.records), max(total, scan.records))
    return ChatResult(plan, counts, group_id, get_group(group_id).name, created, backup,
                      time.perf_counter() - started)  # fmt: skip


def _expected(plan: ChatPlan, preview: ChatPreview | None) -> int:
    """How many messages the import will add: the preview's count, else a low guess from the
    files' sizes (no export spends fewer than ``BYTES_PER_MESSAGE`` bytes on a message)."""
    if preview is not None:
        return preview.counts.messages_new
    return int(sum(f["size"] for f in plan.files)) // BYTES_PER_MESSAGE


def _group(plan: ChatPlan) -> tuple[int, bool]:
    chat = plan.chat
    if plan.group_id is not None:
        group = get_group(plan.group_id)
        if chat.chat_id and not group.platform_id and group.platform == chat.platform:
            Group.update(platform_id=chat.chat_id).where(Group.id == group.id).execute()
        return group.id, False
    existing = Group.get_or_none(Group.name == plan.group_name)  # made since the plan
    if existing is not None:
        return existing.id, False
    platform = chat.platform if chat.platform in PLATFORMS else "other"
    return create_group(plan.group_name, platform, platform_id=chat.chat_id).id, True


def _remember(group_id: int, plan: ChatPlan, counts: ChatCounts, now: datetime) -> None:
    chat = plan.chat
    source = _source(group_id, chat)
    entry = {"files": list(plan.files), "at": now.isoformat(" "), "counts": counts.as_dict()}
    if source is None:
        ChatSource.create(
            group=group_id, platform=chat.platform, chat_id=chat.chat_id, name=chat.name,
            format=chat.format, files=json.dumps([entry], ensure_ascii=False),
            first_at=counts.first_at, last_at=counts.last_at, imported_at=now,
        )  # fmt: skip
        return
    firsts = [t for t in (source.first_at, counts.first_at) if t]
    lasts = [t for t in (source.last_at, counts.last_at) if t]
    ChatSource.update(
        name=chat.name or source.name, format=chat.format,
        files=json.dumps([*json.loads(source.files), entry], ensure_ascii=False),
        first_at=min(firsts) if firsts else None, last_at=max(lasts) if lasts else None,
        imported_at=now,
    ).where(ChatSource.id == source.id).execute()  # fmt: skip
