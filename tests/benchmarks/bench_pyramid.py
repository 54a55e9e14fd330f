"""Benchmark of the Pyramid panel's services on the reference load (100,000 members).

Run directly (not part of the test run): ``python tests/benchmarks/bench_pyramid.py``.
On the demo database of ``bench_foundation`` (built once, then reused), it times each service
the panel calls when it opens, each several times, and prints the medians as a Markdown table.
The panel's target: all of them together well under a second.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sized
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.benchmarks.bench_foundation import ensure_database  # noqa: E402 - after sys.path

TARGET_MS = 1000.0


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median and best wall time in ms of ``repeat`` calls, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1e3)
    return statistics.median(times), min(times), result


def describe(result: Any) -> str:
    if isinstance(result, Sized):
        return f"{len(result):,} rows"
    return str(result)


def measure(repeat: int) -> list[tuple[str, float, float, str]]:
    from app.core import candidates, care, pyramid
    from app.store.models import db

    biggest = db.execute_sql(
        "SELECT group_id FROM membership WHERE left_at IS NULL"
        " GROUP BY group_id ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    calls: list[tuple[str, Callable[[], Any]]] = [
        ("pyramid()", pyramid.pyramid),
        (f"pyramid(group) · the largest group (#{biggest})", lambda: pyramid.pyramid(biggest)),
        ("movements()", pyramid.movements),
        ("spans()", pyramid.spans),
        ("care_list()", care.care_list),
        ("promotion_candidates()", candidates.promotion_candidates),
        ("demotion_candidates()", candidates.demotion_candidates),
    ]
    rows = []
    for label, fn in calls:
        fn()  # warm the page cache, as an open panel has
        median, best, result = timed(fn, repeat)
        if label == "movements()":
            this, last = result
            note = f"this month {this}, last month {last}"
        else:
            note = describe(result)
        rows.append((label, median, best, note))
    return rows


def measure_panel(repeat: int) -> tuple[str, float, float, str]:
    """The Pyramid panel as a person opens it: built, refreshed and painted (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.ui.app import make_application
    from app.ui.panels.pyramid import PyramidPanel

    app = make_application()

    def open_panel() -> PyramidPanel:
        panel = PyramidPanel()
        panel.resize(1280, 760)
        panel.refresh()
        panel.show()
        panel.grab()
        app.processEvents()
        panel.close()
        panel.deleteLater()
        return panel

    open_panel()
    median, best, _ = timed(open_panel, repeat)
    return ("the Pyramid panel opening (built, refreshed, painted)", median, best, "offscreen")


def table(rows: list[tuple[str, float, float, str]]) -> str:
    lines = [
        "| service | median (ms) | best (ms) | result |",
        "|---|---:|---:|---|",
    ]
    for label, median, best, note in rows:
        lines.append(f"| {label} | {median:.1f} | {best:.1f} | {note} |")
    services = [r for r in rows if not r[0].startswith("the Pyramid panel")]
    total = sum(r[1] for r in services)
    met = "yes" if total < TARGET_MS else "**no**"
    lines.append(f"| **all services** | **{total:.1f}** | | target < {TARGET_MS:.0f} ms: {met} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--rebuild", action="store_true", help="build the demo database again")
    args = parser.parse_args(argv)

    path, how = ensure_database(args.members, args.groups, args.seed, args.rebuild)
    from app.core.community import open_community
    from app.store.database import close_database

    open_community(path)
    try:
        rows = measure(args.repeat)
        rows.append(measure_panel(max(3, args.repeat // 3)))
    finally:
        close_database()
    print("# Pyramid panel benchmark\n")
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')} · Python {platform.python_version()} · "
        f"SQLite {sqlite3.sqlite_version} · {platform.machine()} · "
        f"medians of {args.repeat} calls after one warm-up.\n"
    )
    print(how + "\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
