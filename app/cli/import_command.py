"""``huoqun import``: a roster file into a group, previewed, then written."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.opened_database import opened
from app.cli.progress import TerminalProgress
from app.cli.words import Cli

if TYPE_CHECKING:
    from app.core.roster_changes import RosterChanges


def run_import(args: argparse.Namespace) -> int:
    """Preview a roster import, print its report, then apply it unless ``--dry-run``.

    For the kill test: with ``HUOQUN_IMPORT_STARTED`` set to a path, that file is created when
    the first chunk has been written inside the import's transaction.
    """
    from app.cli.words import sentence
    from app.core import roster_import as ri
    from app.core.errors import ERRORS_CONTEXT

    roster = ri.read_roster(args.file, encoding=args.encoding)
    with opened(args.db, create=not args.dry_run):
        preset = args.preset or ri.detect_preset(roster.headers)
        mapping = ri.auto_mapping(roster.headers, preset)
        plan = ri.preview(
            roster, mapping, args.group, args.platform, args.mark_left, args.skip_invalid, preset
        )
        group = (
            Cli.tr("existing group")
            if plan.group_exists
            else Cli.tr("new group, platform {platform}").format(platform=plan.platform)
        )
        read = ", ".join(filter(None, (roster.kind, roster.encoding)))
        print(
            Cli.tr(
                "{file} ({read}, header on line {line}, preset {preset}) → “{group}” ({what})"
            ).format(
                file=args.file.name,
                read=read,
                line=roster.header_line,
                preset=preset,
                group=plan.group_name,
                what=group,
            )
        )
        print(
            Cli.tr(
                "new {new}, updated {updated}, unchanged {unchanged}, invalid {invalid}, "
                "marked left {left}, banned coming back {banned}"
            ).format(
                new=plan.new,
                updated=plan.updated,
                unchanged=plan.unchanged,
                invalid=plan.invalid,
                left=len(plan.marked_left),
                banned=len(plan.banned_returning),
            )
        )
        if plan.unmapped:
            print(Cli.tr("not imported: {columns}").format(columns=", ".join(plan.unmapped)))
        for note in [*plan.invalid_rows, *plan.warnings]:  # rows refused, then cells left empty
            print(
                Cli.tr("line {line}, {column}: {reason}").format(
                    line=note.line,
                    column=note.column or Cli.tr("row"),
                    reason=sentence(ERRORS_CONTEXT, note.template, note.params),
                )
            )
        for ref in plan.banned_returning:
            print(Cli.tr("banned, coming back: {name} (#{id})").format(name=ref.name, id=ref.id))
        if not plan.can_apply:
            ri.apply(plan)  # refuses with the one-line reason: invalid rows, nothing written
        if args.dry_run:
            print_changes(plan.changes)
            print(Cli.tr("dry run: nothing was written."))
            return 0
        bar, started = TerminalProgress(), os.environ.get("HUOQUN_IMPORT_STARTED")

        def progress(done: int, total: int) -> None:
            if started and not os.path.exists(started):
                Path(started).touch()
            bar(done, total)

        result = ri.apply(plan, progress)
        bar.done()
        print(
            Cli.tr("written in {seconds} s; backup: {backup}").format(
                seconds=f"{result.seconds:.1f}", backup=result.backup or Cli.tr("none")
            )
        )
        if result.changes is not None:
            print_changes(result.changes)
    return 0


SHOWN = 50  # names printed per list; the rest are counted


def print_changes(changes: RosterChanges) -> None:
    """What changed since the group's last roster: a line of counts, then each list."""
    from app.core import clock

    quiet = len(changes.went_quiet)
    if changes.first or changes.previous_at is None:
        print(Cli.tr("first roster of this group; went quiet {quiet}").format(quiet=quiet))
    else:
        print(
            Cli.tr(
                "since the roster of {date}: joined {joined}, left {left}, came back {back}, "
                "went quiet {quiet}"
            ).format(
                date=clock.to_local(changes.previous_at).strftime("%Y-%m-%d %H:%M"),
                joined=len(changes.joined),
                left=len(changes.left),
                back=len(changes.came_back),
                quiet=quiet,
            )
        )
    lists = (
        (Cli.tr("joined"), changes.joined),
        (Cli.tr("left"), changes.left),
        (Cli.tr("came back"), changes.came_back),
        (Cli.tr("went quiet"), changes.went_quiet),
    )
    for title, refs in lists:
        if not refs:
            continue
        names = [
            Cli.tr("{name} (#{id})").format(name=r.name, id=r.id)
            if r.id
            else Cli.tr("{name} (new)").format(name=r.name)
            for r in refs[:SHOWN]
        ]
        more = len(refs) - SHOWN
        if more > 0:
            names.append(Cli.tr("… and {count} more").format(count=more))
        separator = Cli.tr(", ")
        print(Cli.tr("{title}: {names}").format(title=title, names=separator.join(names)))
