"""``huoqun check``, ``huoqun backup`` and ``huoqun demo``: the database as a whole."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.opened_database import opened
from app.cli.progress import TerminalProgress
from app.cli.words import Cli


def run_check(args: argparse.Namespace) -> int:
    """Full ``integrity_check`` and ``foreign_key_check``, then counts and the newest backup."""
    from app.core import groups, members
    from app.core.database import count_memberships, verify

    with opened(args.db):
        verify()
        counts = Cli.tr("{groups}, {members}, {memberships}").format(
            groups=Cli.tr("%n group(s)", "", groups.count_groups()),
            members=Cli.tr("%n member(s)", "", members.count_members()),
            memberships=Cli.tr("%n membership(s)", "", count_memberships()),
        )
    print(
        Cli.tr("{path}: ok — {counts}; {backup}").format(
            path=args.db, counts=counts, backup=_backup_age(args.db)
        )
    )
    return 0


def _backup_age(db_path: Path) -> str:
    """How old the newest backup of ``db_path`` is, in words, and any dated in the future."""
    from app.core import clock
    from app.core.database import future_backups, newest_backup

    db_path, now = db_path.resolve(), clock.now()  # the backups are the real file's
    future = future_backups(db_path)
    ahead = (
        Cli.tr("; %n backup(s) dated in the future, not counted: {name}", "", len(future)).format(
            name=future[0].path.name
        )
        if future
        else ""
    )
    newest = newest_backup(db_path)
    if newest is None:
        return Cli.tr("no backup yet") + ahead
    minutes = int((now - newest.made_at).total_seconds() // 60)
    if minutes < 120:
        return Cli.tr("newest backup {count} min old").format(count=minutes) + ahead
    if minutes < 48 * 60:
        return Cli.tr("newest backup {count} h old").format(count=minutes // 60) + ahead
    return Cli.tr("newest backup %n day(s) old", "", minutes // (24 * 60)) + ahead


def run_backup(args: argparse.Namespace) -> int:
    """A "manual" backup in the backups folder, or one written to OUT; prints its path.

    An online backup: it neither locks nor opens the database for writing, so it runs while
    the window has the database open (SQLite's backup API reads beside a writer).
    """
    from app.core.database import back_up_file

    print(back_up_file(args.db, args.out))
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from app.sample import demo

    with opened(args.db, create=True):
        bar = TerminalProgress()
        summary = demo.build(args.members, args.groups, seed=args.seed, progress=bar)
        bar.done()
        print(
            Cli.tr("{path}: {members} in {groups} ({memberships}) in {seconds} s").format(
                path=args.db,
                members=Cli.tr("%n member(s)", "", summary.members),
                groups=Cli.tr("%n group(s)", "", summary.groups),
                memberships=Cli.tr("%n membership(s)", "", summary.memberships),
                seconds=f"{summary.seconds:.1f}",
            )
        )
    return 0
