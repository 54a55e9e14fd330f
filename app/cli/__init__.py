"""The ``huoqun`` command: no sub-command opens the window; the rest work without one.

A user error exits 1 with a one-line message on stderr; usage errors exit 2 (argparse).
What a command says is in the interface language (``app.cli.words``); argparse's help stays
English. The parser is in ``parser``, each command (or group of commands) in a module of its own.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from app.cli.activity_command import run_activity
from app.cli.chat_command import run_import_chat
from app.cli.database_commands import run_backup, run_check, run_demo
from app.cli.export_commands import run_export
from app.cli.health_command import run_health
from app.cli.import_command import run_import
from app.cli.parser import build_parser
from app.cli.today_command import run_today
from app.cli.words import Cli, error_text
from app.shown_errors import is_shown


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
        "demo": run_demo,
        "check": run_check,
        "export": run_export,
        "backup": run_backup,
        "import": run_import,
        "import-chat": run_import_chat,
        "health": run_health,
        "today": run_today,
        "activity": run_activity,
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
