"""``huoqun import-chat``: chat history exports into groups, previewed or written."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from app.cli.opened_database import opened
from app.cli.progress import TerminalProgress
from app.cli.words import Cli


def run_import_chat(args: argparse.Namespace) -> int:
    """Import each chat in the files (one transaction per chat), or count it (``--dry-run``).

    The files are detected and listed before the database is opened: a file that is not a
    chat export is refused with nothing opened or written. For the kill test: with
    ``HUOQUN_IMPORT_STARTED`` set to a path, that file is created once messages have been
    written inside the import's transaction.
    """
    from app.core import chat_import as ci
    from app.core import clock
    from app.io.chats import detect, list_chats

    paths = [Path(p) for p in args.files]
    fmt = args.format or detect(paths)
    chats = list_chats(paths, fmt)
    out: list[dict[str, Any]] = []
    with opened(args.db, create=not args.dry_run):
        for chat in chats:
            plan = ci.plan_chat(chat, args.group, args.me or ())
            if args.dry_run:
                counts = ci.preview(plan, new_members=args.new_members).counts
                group = plan.group_name
            else:
                result = ci.apply(plan, new_members=args.new_members, progress=_progress())
                counts, group = result.counts, result.group_name

            def local(moment: Any) -> str | None:
                return None if moment is None else clock.to_local(moment).isoformat()

            out.append(
                {
                    "format": chat.format,
                    "chat": chat.name or chat.chat_id,
                    "group": group,
                    "messages_new": counts.messages_new,
                    "messages_known": counts.messages_known,
                    "senders_matched": counts.senders_matched,
                    "senders_new": counts.senders_new,
                    "senders_ambiguous": counts.senders_ambiguous,
                    "joins": counts.joins,
                    "leaves": counts.leaves,
                    "first_message_at": local(counts.first_at),
                    "last_message_at": local(counts.last_at),
                }
            )
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for row in out:
        print(
            Cli.tr("{chat} ({format}) → “{group}”").format(
                chat=row["chat"], format=row["format"], group=row["group"]
            )
        )
        print(
            Cli.tr(
                "messages new {new}, already imported {known}; senders matched {matched}, "
                "new {senders_new}, ambiguous {ambiguous}; joins {joins}, leaves {leaves}"
            ).format(
                new=row["messages_new"],
                known=row["messages_known"],
                matched=row["senders_matched"],
                senders_new=row["senders_new"],
                ambiguous=row["senders_ambiguous"],
                joins=row["joins"],
                leaves=row["leaves"],
            )
        )
        print(
            Cli.tr("first message {first}, last message {last}").format(
                first=row["first_message_at"] or "-", last=row["last_message_at"] or "-"
            )
        )
    if args.dry_run:
        print(Cli.tr("dry run: nothing was written."))
    return 0


def _progress() -> Any:
    bar, started = TerminalProgress(), os.environ.get("HUOQUN_IMPORT_STARTED")

    def progress(done: int, total: int) -> None:
        if started and not os.path.exists(started):
            Path(started).touch()
        bar(done, total)

    return progress
