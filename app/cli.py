"""The ``huoqun`` command: no sub-command opens the window; the rest work without one.

A user error exits 1 with a one-line message on stderr; usage errors exit 2 (argparse).
What a command says is in the interface language (``cli_words``); argparse's help stays English.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from app import __version__, cli_words
from app.cli_words import Cli, error_text, padded, system_language
from app.core.errors import QT_TRANSLATE_NOOP
from app.paths import default_database
from app.shown_errors import is_shown


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="huoqun", description="Huoqun 活群: keep chat communities alive."
    )
    parser.add_argument(
        "--db", type=Path, help="database file (default: %(default)s)", default=default_database()
    )
    parser.add_argument("--version", action="version", version=f"huoqun {__version__}")
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="fill a database with a realistic synthetic community")
    demo.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    demo.add_argument("--members", type=_positive, default=2000)
    demo.add_argument("--groups", type=_positive, default=24)
    demo.add_argument("--seed", type=int, default=1)
    check = sub.add_parser("check", help="verify the database: full integrity and links")
    check.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    backup = sub.add_parser("backup", help="back up the database (to its backups folder or OUT)")
    backup.add_argument(
        "out", nargs="?", type=Path, metavar="OUT", help="a new file, or a folder, to write it to"
    )
    backup.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    imp = sub.add_parser("import", help="import a roster (CSV, TSV or XLSX) into a group")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--group", required=True, help="the group (created if it does not exist)")
    imp.add_argument("--platform", help="platform of a new group (default: from the preset)")
    imp.add_argument("--mark-left", action="store_true", help="mark members not listed as left")
    imp.add_argument("--dry-run", action="store_true", help="show the counts, write nothing")
    imp.add_argument("--skip-invalid", action="store_true", help="import only the valid rows")
    imp.add_argument("--encoding", help="the file's encoding (default: detected)")
    imp.add_argument("--preset", choices=("qq", "wechat", "plain"), help="default: detected")
    imp.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    health = sub.add_parser("health", help="every group's score, status and findings")
    health.add_argument("--json", action="store_true", help="print JSON, worst group first")
    health.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    _add_export_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if os.name == "posix":
        # Every file Huoqun makes (the database, its -wal/-shm, the lock, exports) is its
        # owner's only. Windows has no umask worth the name: files there inherit the ACL of
        # their folder (private under the user's profile).
        os.umask(0o077)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.core.database import start_check

        check = start_check(args.db)  # reads the file while Qt and the window's code load
        from app.ui.app import run_app

        return run_app(args.db, check)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "demo": _demo,
        "check": _check,
        "export": _export,
        "backup": _backup,
        "import": _import,
        "health": _health,
    }
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        print("huoqun: " + Cli.tr("interrupted; nothing was written."), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader stopped reading (`huoqun health --json | head`): the rest is not wanted.
        # Python would report the pipe again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        if is_shown(exc):  # a refusal of core, io or store: its own message, on one line
            print(f"huoqun: {error_text(exc)}", file=sys.stderr)
            return 1
        from app.core.database import busy, disk_full, disk_full_error

        if disk_full(exc):
            print(f"huoqun: {error_text(disk_full_error())}", file=sys.stderr)
        elif busy(exc):
            text = Cli.tr("{path} is busy: another program is writing to it; nothing was written.")
            print("huoqun: " + text.format(path=args.db), file=sys.stderr)
        else:
            raise
        return 1


@contextmanager
def opened(path: Path, create: bool = False) -> Iterator[None]:
    """Hold the database's lock and keep it open for one command; close and unlock after.

    From then on the command speaks the language chosen in Settings, like the window.
    Only a command that makes a database (``demo``, an import that writes) may ``create`` it:
    any other refuses a missing file. A database the command created and then failed in is
    removed again, so a failure leaves nothing behind.
    """
    from app import lock
    from app.core import settings
    from app.core.database import close_database, database_path, open_community, remove_database

    real = database_path(path, create)
    created = not real.exists()
    held = lock.acquire(real)
    try:
        try:
            open_community(path, system_language(), create=create)
            cli_words.choose(str(settings.get("language") or ""))
            yield
        finally:
            close_database()
    except BaseException:
        if created:
            remove_database(real)
        raise
    finally:
        held.unlock()


def _check(args: argparse.Namespace) -> int:
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


def _backup(args: argparse.Namespace) -> int:
    """A "manual" backup in the backups folder, or one written to OUT; prints its path.

    An online backup: it neither locks nor opens the database for writing, so it runs while
    the window has the database open (SQLite's backup API reads beside a writer).
    """
    from app.core.database import back_up_file

    print(back_up_file(args.db, args.out))
    return 0


def _import(args: argparse.Namespace) -> int:
    """Preview a roster import, print its report, then apply it unless ``--dry-run``.

    For the kill test: with ``HUOQUN_IMPORT_STARTED`` set to a path, that file is created when
    the first chunk has been written inside the import's transaction.
    """
    from app.cli_words import sentence
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
            print(Cli.tr("dry run: nothing was written."))
            return 0
        bar, started = _TerminalProgress(), os.environ.get("HUOQUN_IMPORT_STARTED")

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
    return 0


def _health(args: argparse.Namespace) -> int:
    """Print every group's health: a line per group and its findings, or JSON."""
    import json

    from app.cli_words import sentence, translate
    from app.core import health
    from app.core.errors import ValidationError

    if not args.db.is_file():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{path} does not exist; there is no community to check."),
            path=str(args.db),
        )
    with opened(args.db):
        groups = health.all_health()
    if args.json:
        data = [
            {
                "group_id": g.group_id,
                "name": g.name,
                "score": g.score,
                "status": g.status,
                "findings": [
                    {"code": f.code, "severity": f.severity, "message": f.message}
                    for f in g.findings
                ],
            }
            for g in groups
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    statuses = {code: translate("Health", text) for code, text in health.STATUS_WORDS.items()}
    severities = {code: Cli.tr(text) for code, text in SEVERITY_WORDS.items()}
    for g in groups:
        status = statuses.get(g.status, g.status)
        print(f"{g.score:3d} {padded(status, statuses.values())} {g.name}")
        for f in g.findings:
            severity = padded(severities.get(f.severity, f.severity), severities.values())
            print(f"      {severity} {sentence('Health', f.template, f.params)}")
    return 0


SEVERITY_WORDS = {
    "critical": QT_TRANSLATE_NOOP("Cli", "critical"),
    "warning": QT_TRANSLATE_NOOP("Cli", "warning"),
    "info": QT_TRANSLATE_NOOP("Cli", "info"),
    "good": QT_TRANSLATE_NOOP("Cli", "good"),
}


def _demo(args: argparse.Namespace) -> int:
    from app.sample import demo

    with opened(args.db, create=True):
        bar = _TerminalProgress()
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


class _TerminalProgress:
    """A one-line progress bar on stderr, the ``progress(done, total)`` of a long job."""

    def __init__(self) -> None:
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 100
        if percent != self._last and sys.stderr.isatty():
            filled = percent // 4
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (25 - filled)}] {percent:3d}%")
            sys.stderr.flush()
        self._last = percent

    def done(self) -> None:
        if sys.stderr.isatty():
            sys.stderr.write("\n")


def _add_export_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``huoqun export roster OUT …`` (PRODUCT.md §5)."""
    from app.core.choice_codes import EXPORT_FORMATS, LANGUAGES, STATUSES

    export = sub.add_parser("export", help="write records to a file")
    what = export.add_subparsers(dest="export_what", metavar="WHAT", required=True)
    roster = what.add_parser(
        "roster", help="members to CSV, XLSX or PDF (filter by group, tier, status)"
    )
    roster.add_argument("out", type=Path, metavar="OUT", help="the file to write")
    roster.add_argument(
        "--group", action="append", default=[], metavar="NAME", help="only this group (repeatable)"
    )
    roster.add_argument("--tier", type=_positive, metavar="RANK", help="only this tier (1 = top)")
    roster.add_argument("--status", choices=STATUSES, help="only members with this status")
    roster.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        help="default: from OUT's extension (.xlsx, .pdf), else csv",
    )
    roster.add_argument(
        "--full-phones", action="store_true", help="write whole phone numbers (default: masked)"
    )
    roster.add_argument(
        "--columns", type=_columns, help="comma-separated, e.g. name,qq,phone (default: all)"
    )
    roster.add_argument(
        "--language", choices=LANGUAGES, help="header language (default: the interface language)"
    )
    roster.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    _add_meetup_exports(what)


def _add_meetup_exports(what: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``export meetups OUT.ics [--upcoming]`` and ``export plan MEETUP_ID OUT.pdf``."""
    cal = what.add_parser("meetups", help="meetups to an iCalendar (.ics) file")
    cal.add_argument("out", type=Path, metavar="OUT.ics", help="the file to write")
    cal.add_argument("--upcoming", action="store_true", help="only meetups not yet over")
    cal.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    plan = what.add_parser("plan", help="a meetup's printable plan and sign-in sheet (PDF)")
    plan.add_argument("meetup_id", type=_positive, metavar="MEETUP_ID")
    plan.add_argument("out", type=Path, metavar="OUT.pdf", help="the file to write")
    plan.add_argument(
        "--full-phones", action="store_true", help="write whole phone numbers (default: masked)"
    )
    plan.add_argument(
        "--language",
        choices=("zh_CN", "en"),
        help="label language (default: the interface language)",
    )
    plan.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")


def _columns(text: str) -> list[str]:
    from app.core.errors import ValidationError
    from app.core.roster_export import parse_columns

    try:
        return parse_columns(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _refuse_missing_db(path: Path) -> None:
    from app.core.errors import QT_TRANSLATE_NOOP, ValidationError

    if not path.is_file():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{path} does not exist; there is nothing to export."),
            path=str(path),
        )


def _export_meetups(args: argparse.Namespace) -> int:
    """``export meetups``: every meetup (or the upcoming ones) to an .ics file."""
    from app.core import meetup_calendar as ics

    with opened(args.db):
        ids = ics.upcoming_ids() if args.upcoming else ics.all_ids()
        count = ics.export_ics(args.out, ids)
    print(Cli.tr("{path}: {count}").format(path=args.out, count=Cli.tr("%n meetup(s)", "", count)))
    return 0


def _export_plan(args: argparse.Namespace) -> int:
    """``export plan``: one meetup's plan and sign-in sheet as a PDF."""
    from app.reports.meetup_plan import write_plan_pdf
    from app.reports.roster_pdf import ensure_gui_application

    app = ensure_gui_application()  # fonts and text layout need one; kept until written
    with opened(args.db):
        pages = write_plan_pdf(
            args.out,
            args.meetup_id,
            full_phones=args.full_phones,
            language=args.language or cli_words.language(),
        )
    del app
    print(Cli.tr("{path}: {count}").format(path=args.out, count=Cli.tr("%n page(s)", "", pages)))
    return 0


def _export(args: argparse.Namespace) -> int:
    """``export roster``: the members matching the filters, written to OUT (or a meetup export)."""
    from app.core import roster_export
    from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
    from app.core.groups import find_group
    from app.core.member_list import MemberFilter

    _refuse_missing_db(args.db)
    if args.export_what == "meetups":
        return _export_meetups(args)
    if args.export_what == "plan":
        return _export_plan(args)
    suffix = args.out.suffix.lower()
    fmt = args.format or {".xlsx": "xlsx", ".pdf": "pdf"}.get(suffix, "csv")
    app = None
    write_pdf = None
    if fmt == "pdf":  # the printable document: written by reports, chosen here
        from app.reports.roster_pdf import ensure_gui_application, write_roster_pdf

        app = ensure_gui_application()  # fonts and text layout need one; kept until written
        write_pdf = write_roster_pdf
    with opened(args.db):
        group_ids = []
        for name in args.group:
            group = find_group(name)
            if group is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "There is no group named “{name}”."), name=name
                )
            group_ids.append(int(group.id))
        tier_id = roster_export.tier_id_for_rank(args.tier) if args.tier else None
        flt = MemberFilter(status=args.status, tier_id=tier_id)
        ids = roster_export.member_ids_for(flt, group_ids)
        columns = args.columns or roster_export.default_columns(len(group_ids))
        bar = _TerminalProgress()
        count = roster_export.export_roster(
            args.out,
            ids,
            columns,
            fmt,
            full_phones=args.full_phones,
            language=args.language or cli_words.language(),
            progress=bar,
            group_ids=group_ids,
            write_pdf=write_pdf,
        )
        bar.done()
    del app
    print(
        Cli.tr("{path}: {count} ({format})").format(
            path=args.out, count=Cli.tr("%n member(s)", "", count), format=fmt
        )
    )
    return 0
