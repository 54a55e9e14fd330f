"""``huoqun export``: a roster (CSV, XLSX, PDF), the meetups (.ics) or a meetup's plan (PDF)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import words
from app.cli.opened_database import opened
from app.cli.progress import TerminalProgress
from app.cli.words import Cli


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
    from app.reports.pdf_page import ensure_gui_application

    app = ensure_gui_application()  # fonts and text layout need one; kept until written
    with opened(args.db):
        pages = write_plan_pdf(
            args.out,
            args.meetup_id,
            full_phones=args.full_phones,
            language=args.language or words.language(),
        )
    del app
    print(Cli.tr("{path}: {count}").format(path=args.out, count=Cli.tr("%n page(s)", "", pages)))
    return 0


def run_export(args: argparse.Namespace) -> int:
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
        from app.reports.pdf_page import ensure_gui_application
        from app.reports.roster_pdf import write_roster_pdf

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
        bar = TerminalProgress()
        count = roster_export.export_roster(
            args.out,
            ids,
            columns,
            fmt,
            full_phones=args.full_phones,
            language=args.language or words.language(),
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
