"""Importing a roster into a group: a preview that writes nothing, then all or nothing.

``read_roster`` reads the file, ``detect_preset`` and ``auto_mapping`` choose the columns,
``preview`` counts what would be new, updated, unchanged and invalid (each invalid row with its
line, column and reason), and ``apply`` writes it in one transaction after a backup: a failure,
a cancel or a killed process leaves the database as it was. Importing a file twice changes
nothing the second time.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.core import clock
from app.core.bans import sweep_returned
from app.core.errors import QT_TRANSLATE_NOOP
from app.core.groups import PLATFORMS, create_group, find_group
from app.core.progress import Progress, report
from app.core.roster_changes import RosterChanges, compare, remember
from app.core.roster_mappings import auto_mapping, forget_mapping, remember_mapping
from app.core.roster_match import MemberRef, Plan, plan_import
from app.core.roster_rows import CellWarning, CleanRow, InvalidRow, clean_rows
from app.core.roster_write import write_plan
from app.core.undo import undoable
from app.io.rosters.file import RosterError, RosterFile, group_name_for, read_roster
from app.io.rosters.presets import (
    FIELD_LABELS,
    FIELDS,
    IDENTITY_FIELDS,
    PRESETS,
    Mapping,
    detect_preset,
)
from app.io.rosters.report_csv import write_notes_csv
from app.memory_release import gc_paused, let_go
from app.store.database import bulk_transaction
from app.store.models import db

if TYPE_CHECKING:
    from app.store.backup import BackupUnderWay

__all__ = [
    "CellWarning",
    "FIELDS",
    "FIELD_LABELS",
    "PRESETS",
    "ImportPreview",
    "ImportResult",
    "InvalidRow",
    "MemberRef",
    "RosterError",
    "RosterFile",
    "apply",
    "auto_mapping",
    "backup_before_import",
    "detect_preset",
    "forget_mapping",
    "group_name_for",
    "let_go_of",
    "preview",
    "read_roster",
    "remember_mapping",
    "write_report_csv",
]


@dataclass(frozen=True)
class ImportPreview:
    """What importing ``roster`` into the group would do; nothing has been written."""

    roster: RosterFile
    mapping: Mapping
    preset: str
    group_name: str
    group_id: int | None  # None: the group will be created with ``platform``
    platform: str
    mark_left: bool
    skip_invalid: bool
    new: int
    updated: int
    unchanged: int
    invalid: int  # rows (lines) with at least one problem
    invalid_rows: list[InvalidRow]  # every problem: line, column, reason
    warnings: list[CellWarning]  # every cell left empty because it could not be read
    unmapped: list[str]  # the headers of the columns no field takes: they are not imported
    marked_left: list[MemberRef]
    banned_returning: list[MemberRef]
    changes: RosterChanges  # what would change since the group's last roster
    rows: list[CleanRow] = field(repr=False)
    plan: Plan = field(repr=False)
    written_state: tuple[object, int, int] = field(repr=False)  # see _written_state

    @property
    def group_exists(self) -> bool:
        return self.group_id is not None

    @property
    def can_apply(self) -> bool:
        """False when invalid rows would refuse the import (unless only valid rows are asked)."""
        return self.invalid == 0 or self.skip_invalid


@dataclass(frozen=True)
class ImportResult:
    """What ``apply`` wrote."""

    new: int
    updated: int
    unchanged: int
    invalid: int  # rows skipped as invalid
    marked_left: int
    banned_returning: list[MemberRef]
    group_id: int | None  # None only when nothing was written into a group that did not exist
    group_created: bool
    backup: Path | None
    seconds: float
    changes: RosterChanges | None = None  # since the group's last roster (None: no group)


def _written_state() -> tuple[object, int, int]:
    """Changes to the database so far: by other connections (``data_version``) and by ours
    (``total_changes``). Equal values mean nothing was written in between.

    Both counters belong to one connection (a fresh one always starts at the same values), and
    each thread has its own: the connection is part of the state, so a preview made in one
    thread (the wizard's dry run) and applied in another is always matched again.
    """
    connection = db.connection()
    version = db.execute_sql("PRAGMA data_version").fetchone()[0]
    return connection, version, connection.total_changes


def _platform(preset: str, mapping: Mapping, platform: str | None) -> str:
    chosen = platform or PRESETS[preset].platform
    if chosen is None:
        if mapping.get("qq") is not None and mapping.get("wechat_id") is None:
            chosen = "qq"
        elif mapping.get("wechat_id") is not None:
            chosen = "wechat"
        else:
            chosen = "other"
    if chosen not in PLATFORMS:
        raise RosterError(
            QT_TRANSLATE_NOOP("Errors", "Unknown platform “{value}”; use one of: {choices}."),
            value=chosen,
            choices=", ".join(PLATFORMS),
        )
    return chosen


def _check_mapping(roster: RosterFile, mapping: Mapping) -> Mapping:
    full: Mapping = dict.fromkeys(FIELDS)
    for key, column in mapping.items():
        if key not in full:
            raise ValueError(f"unknown import field {key!r}")
        if column is not None and not 0 <= column < len(roster.headers):
            raise ValueError(f"column {column} of {key!r} is not in the header")
        full[key] = column
    if all(full[key] is None for key in IDENTITY_FIELDS):
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Choose the column of the QQ number, the WeChat id, the phone, or the Telegram "
                "or Discord user id: members are matched on them, and without one every import "
                "would add everyone again.",
            )
        )
    return full


def unmapped_columns(roster: RosterFile, mapping: Mapping) -> list[str]:
    """The columns ``mapping`` leaves out, by header ("#5" for one without): every column that
    has a header or holds anything, so that no column is dropped without a word."""
    left = [c for c in range(len(roster.headers)) if c not in set(mapping.values())]
    return [
        roster.column_name(c)
        for c in left
        if roster.headers[c] or any(c < len(cells) and cells[c].strip() for _, cells in roster.rows)
    ]


def preview(
    roster: RosterFile,
    mapping: Mapping,
    group_name: str,
    platform: str | None = None,
    mark_left: bool = False,
    skip_invalid: bool = False,
    preset: str | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Count what importing ``roster`` into ``group_name`` would do. Writes nothing.

    ``progress(done, total)`` is called every few thousand rows, cleaning then matching; it
    may raise ``Cancelled``, which ends the dry run.
    """
    preset = preset or detect_preset(roster.headers)
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}")
    full = _check_mapping(roster, mapping)
    name = group_name.strip()
    if not name:
        raise RosterError(QT_TRANSLATE_NOOP("Errors", "A group needs a name."))
    if len(name) > 100:
        raise RosterError(
            QT_TRANSLATE_NOOP("Errors", "A group name can have at most 100 characters.")
        )
    group = find_group(name)
    chosen = _platform(preset, full, platform)  # checked even when the group exists
    if group is not None:
        chosen = group.platform
    count = len(roster.rows)
    total = 2 * count  # each row is cleaned, then matched

    def cleaning(done: int, _count: int) -> None:
        report(progress, done, total)

    def matching(done: int, _count: int) -> None:
        report(progress, count + done, total)

    with gc_paused():
        rows = clean_rows(roster, full, preset in ("qq", "wechat"), cleaning)
        plan = plan_import(rows, name, mark_left, matching)
    report(progress, total, total)
    new_names = [row.member.get("name") or row.nickname for row in plan.new_rows]
    changes = compare(
        plan.group_id, plan.listed, plan.returning, roster.path.name, new_names=new_names
    )
    return ImportPreview(
        roster=roster,
        mapping=full,
        preset=preset,
        group_name=name,
        group_id=plan.group_id,
        platform=chosen,
        mark_left=mark_left,
        skip_invalid=skip_invalid,
        new=len(plan.new_rows),
        updated=len(plan.touched),
        unchanged=plan.unchanged,
        invalid=plan.invalid_lines,
        invalid_rows=plan.invalid_rows,
        warnings=[w for row in rows for w in row.warnings],
        unmapped=unmapped_columns(roster, full),
        marked_left=[ref for _, ref in plan.marked_left],
        banned_returning=plan.banned_returning,
        changes=changes,
        rows=rows,
        plan=plan,
        written_state=_written_state(),
    )


def _refusal(count: int) -> RosterError:
    return RosterError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The file has invalid rows ({count}); nothing was written. Correct them, or choose "
            "to import only the valid rows.",
        ),
        count=count,
    )


def backup_before_import() -> BackupUnderWay:
    """The backup of an import: of the state before it writes, written while it writes
    (``with backup_before_import() as backup:``, in the import's transaction)."""
    from app.core.database import backup_under_way

    return backup_under_way("import")


@undoable("import", place=lambda p, *_a: p.group_name, result_count=lambda r: r.new)
def apply(
    preview: ImportPreview,
    progress: Progress | None = None,
) -> ImportResult:
    """Write ``preview`` in one transaction, after a backup; ``progress`` may raise Cancelled.

    If anything was written since the preview, the rows are matched again inside the
    transaction, so the import never works from a stale picture.
    """
    if not preview.can_apply:
        raise _refusal(preview.invalid)
    started = time.perf_counter()
    backup = None
    with gc_paused(), bulk_transaction():
        plan = preview.plan
        if _written_state() != preview.written_state:  # the database changed: match again
            plan = plan_import(preview.rows, preview.group_name, preview.mark_left)
        if plan.invalid_rows and not preview.skip_invalid:
            raise _refusal(plan.invalid_lines)
        group_id = plan.group_id
        created = False
        now = clock.now()
        new_ids: Sequence[int] = ()
        if plan.new_rows or plan.touched or plan.marked_left:
            # read by its own connection: the last committed state, which is what was matched
            with backup_before_import() as backup_job:
                backup = backup_job.path
                if group_id is None:
                    group_id = create_group(preview.group_name, preview.platform).id
                    created = True
                new_ids = write_plan(plan, group_id, now, progress)
                # a banned member the file brings back gets a removal task again (PRODUCT §3.5)
                sweep_returned(now)
        else:
            report(progress, 1, 1)
        changes = None
        if group_id is not None:
            listed = [*plan.listed, *new_ids]
            name = preview.roster.path.name
            changes = remember(group_id, listed, plan.returning, name, now)
    return ImportResult(
        new=len(plan.new_rows),
        updated=len(plan.touched),
        unchanged=plan.unchanged,
        invalid=plan.invalid_lines,
        marked_left=len(plan.marked_left),
        banned_returning=plan.banned_returning,
        group_id=group_id,
        group_created=created,
        backup=backup,
        seconds=time.perf_counter() - started,
        changes=changes,
    )


def let_go_of(preview: ImportPreview) -> None:
    """After a successful ``apply``, in the job: empty the spent preview's rows a slice at a
    time, rather than have 100,000 rows freed at once wherever the preview is dropped."""
    plan = preview.plan
    let_go(preview.roster.rows, preview.rows, preview.invalid_rows, preview.warnings,
           plan.new_rows, plan.membership_adds, plan.membership_changes, plan.tag_adds,
           plan.touched)  # fmt: skip
    plan.member_changes.clear()


def write_report_csv(preview: ImportPreview, path: Path, full_phones: bool = False) -> None:
    """The invalid rows, then the cells left empty (line, column, reason) as CSV for Excel and
    WPS; a phone number a reason quotes is masked unless ``full_phones``."""
    column = preview.mapping.get("phone")
    phone_header = None if column is None else preview.roster.column_name(column)
    notes = [*preview.invalid_rows, *preview.warnings]
    write_notes_csv(notes, Path(path), phone_header, full_phones)
