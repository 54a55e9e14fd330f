"""Every benchmark of PRODUCT.md §7 (issue #9) on the reference load, in one command.

    python3 -m tests.benchmarks [--members N] [--groups N] [--repeat N] [--only a,b]
                                [--out FILE] [--cache DIR] [--rebuild]

Builds (once per version of ``app/sample/demo*.py``) or reuses the demo database in the cache,
runs each measurement several times and reports medians, side by side with a plain
``sqlite3`` (or bare Qt) baseline, as one Markdown table on stdout and in ``--out``.
Progress goes to stderr. A measurement that fails is reported in its row.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.activity import measure_activity
from tests.benchmarks.chat_import import measure_chat_import
from tests.benchmarks.chat_read import measure_chat_read
from tests.benchmarks.common import (
    DEFAULT_CACHE,
    Bench,
    Row,
    community,
    ensure_database,
    log,
    remove_backups,
    table,
)
from tests.benchmarks.freeze import measure_freeze
from tests.benchmarks.import_memory import measure_import_memory
from tests.benchmarks.member_table import measure_member_table
from tests.benchmarks.panels import measure_health, measure_pyramid
from tests.benchmarks.roster import measure_export, measure_import, measure_xlsx_read
from tests.benchmarks.search import measure_search
from tests.benchmarks.start import measure_memory, measure_start

RESULTS = Path(__file__).with_name("results.md")
MEASUREMENTS: dict[str, Callable[[Bench], list[Row]]] = {
    "start": measure_start,
    "search": measure_search,
    "table": measure_member_table,
    "health": measure_health,
    "pyramid": measure_pyramid,
    "import": measure_import,
    "import-memory": measure_import_memory,
    "xlsx": measure_xlsx_read,
    "export": measure_export,
    "memory": measure_memory,
    "freeze": measure_freeze,
    "chat-read": measure_chat_read,
    "chat-import": measure_chat_import,
    "activity": measure_activity,
}


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python3 -m tests.benchmarks", description=__doc__)
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--repeat", type=int, help="runs per measurement (default: each its own, 3 to 15)"
    )
    parser.add_argument(
        "--only", help=f"comma-separated, of: {', '.join(MEASUREMENTS)} (default: all)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="default: %(default)s")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="default: %(default)s")
    parser.add_argument("--rebuild", action="store_true", help="build the demo database afresh")
    args = parser.parse_args(argv)
    chosen = [n.strip() for n in (args.only or ",".join(MEASUREMENTS)).split(",") if n.strip()]
    unknown = [n for n in chosen if n not in MEASUREMENTS]
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(unknown)}")
    args.chosen = chosen
    return args


def prepare(args: argparse.Namespace) -> tuple[Path, str]:
    """The reference database, built or reused, migrated to the app's schema (its migration
    backup removed), so that the measurements only ever read it."""
    path, how = ensure_database(args.cache, args.members, args.groups, args.seed, args.rebuild)
    with community(path):
        pass
    remove_backups(path)
    return path, how


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    began = time.perf_counter()
    args.cache.mkdir(parents=True, exist_ok=True)
    log(f"reference load: {args.members:,} members / {args.groups} groups, cache {args.cache}")
    path, how = prepare(args)
    log(how)
    bench = Bench(args.members, args.groups, args.seed, args.repeat, args.cache, path)
    rows: list[Row] = []
    try:
        for name in args.chosen:
            log(f"── {name}")
            started = time.perf_counter()
            try:
                found = MEASUREMENTS[name](bench)
            except Exception as exc:  # noqa: BLE001 - one failure is one row, not the suite
                traceback.print_exc(file=sys.stderr)
                found = [Row(name, None, error=f"{type(exc).__name__}: {exc}")]
            rows.extend(found)
            log(f"   {name} done in {time.perf_counter() - started:.1f} s")
    finally:
        shutil.rmtree(bench.cache / "work", ignore_errors=True)
    elapsed = time.perf_counter() - began
    repeats = "each measurement's default (starts 5, searches 15, imports/exports 3, …)"
    if args.repeat is not None:
        repeats = str(args.repeat)
    header = (
        f"{time.strftime('%Y-%m-%d %H:%M')} · Python {platform.python_version()} · SQLite "
        f"{sqlite3.sqlite_version} · {platform.machine()}, {os.cpu_count()} CPUs · "
        f"repetitions: {repeats} (medians) · database: {how} · suite {elapsed:.0f} s"
    )
    report = f"# Benchmarks (PRODUCT.md §7)\n\n{header}\n\n{table(rows)}\n"
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    log(f"written to {args.out} after {elapsed:.0f} s")
    return 1 if any(row.error for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
