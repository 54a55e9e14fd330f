"""The ``huoqun`` command: no sub-command opens the window; the rest work without one.

A user error exits 1 with a one-line message on stderr; usage errors exit 2 (argparse).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from app import __version__
from app.core.errors import HuoqunError
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
    check = sub.add_parser("check", help="verify the database")
    check.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.ui.app import run_app

        return run_app(args.db)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "demo": _demo,
        "check": _check,
    }
    try:
        return commands[args.command](args)
    except HuoqunError as exc:
        print(f"huoqun: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("huoqun: interrupted; nothing was written.", file=sys.stderr)
        return 1


def system_language() -> str:
    """zh_CN when the terminal's locale is Chinese (for first-start tier names), else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


@contextmanager
def opened(path: Path) -> Iterator[None]:
    """Hold the database's lock and keep it open for one command; close and unlock after."""
    from app import lock
    from app.core.community import open_community
    from app.store.database import close_database

    held = lock.acquire(path)
    try:
        open_community(path, system_language())
        try:
            yield
        finally:
            close_database()
    finally:
        held.unlock()


def _check(args: argparse.Namespace) -> int:
    from app.core import groups, members

    with opened(args.db):
        print(f"{args.db}: ok — {groups.count_groups()} groups, {members.count_members()} members")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.io import demo

    with opened(args.db):
        bar = _TerminalProgress()
        summary = demo.build(args.members, args.groups, seed=args.seed, progress=bar)
        bar.done()
        print(
            f"{args.db}: {summary.members} members in {summary.groups} groups "
            f"({summary.memberships} memberships) in {summary.seconds:.1f} s"
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
