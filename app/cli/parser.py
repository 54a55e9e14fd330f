"""The ``huoqun`` command's arguments: argparse's parser, its help in English."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import __version__
from app.paths import default_database


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
    _add_chat_parser(sub)
    health = sub.add_parser("health", help="every group's score, status and findings")
    health.add_argument("--json", action="store_true", help="print JSON, worst group first")
    health.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    act = sub.add_parser("activity", help="what each group's chat history says: talk, trend")
    act.add_argument("--group", help="only this group (by name)")
    act.add_argument("--json", action="store_true", help="print JSON, one object per group")
    act.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    today = sub.add_parser("today", help="today's plan, as the window shows it, and the counts")
    today.add_argument("--json", action="store_true", help="print JSON: the items and counts")
    today.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    _add_export_parser(sub)
    return parser


def _add_chat_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``huoqun import-chat FILE... [--group NAME] [--format F] [--me ID] …`` (issue #18)."""
    from app.io.chats import FORMATS

    chat = sub.add_parser("import-chat", help="import chat history exports into groups")
    chat.add_argument("files", type=Path, nargs="+", metavar="FILE")
    chat.add_argument("--group", help="the group (default: by the chat's id or name; new if none)")
    chat.add_argument("--format", choices=FORMATS, help="the export's format (default: detected)")
    chat.add_argument(
        "--me", action="append", metavar="ID", help="your own account id in these chats"
    )
    chat.add_argument(
        "--new-members", action="store_true", help="make ambiguous senders new members"
    )
    chat.add_argument("--dry-run", action="store_true", help="show the counts, write nothing")
    chat.add_argument("--json", action="store_true", help="print JSON, one object per chat")
    chat.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")


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
