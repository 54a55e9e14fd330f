"""Benchmark of group health on the reference load (100,000 members, 200 groups).

Run directly (not part of the test run): ``python tests/benchmarks/bench_health.py``.
On the demo database of ``bench_foundation`` (built once, then reused), it times
``all_health()`` (target: median under 200 ms), ``group_health`` of the largest group,
``weekly_activity`` and ``refresh_suggestions`` in a rolled-back transaction.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.benchmarks.bench_foundation import ensure_database  # noqa: E402 - after sys.path

TARGET_MS = 200.0


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Median and best wall time in ms of ``repeat`` calls after one warm-up, and the result."""
    result = fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1e3)
    return statistics.median(times), min(times), result


def _suggest_rolled_back() -> int:
    from app.core import suggestions
    from app.store.models import db

    with db.atomic() as txn:
        count = len(suggestions.refresh_suggestions())
        txn.rollback()
    return count


def _open_today_panel() -> None:
    """The Today panel as a person opens it: built, refreshed and painted (offscreen)."""
    from PySide6.QtWidgets import QApplication

    from app.ui.panels.today import TodayPanel

    panel = TodayPanel()
    panel.resize(1280, 760)
    panel.refresh()
    panel.show()
    panel.grab()
    QApplication.processEvents()
    panel.close()
    panel.deleteLater()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--rebuild", action="store_true", help="build the demo database again")
    args = parser.parse_args(argv)

    path, how = ensure_database(args.members, args.groups, args.seed, args.rebuild)
    from app.core import health
    from app.core.community import open_community
    from app.store.database import close_database
    from app.store.models import db

    open_community(path)
    try:
        biggest = db.execute_sql(
            "SELECT group_id FROM membership WHERE left_at IS NULL"
            " GROUP BY group_id ORDER BY COUNT(*) DESC LIMIT 1"
        ).fetchone()[0]
        rows = []
        median, best, result = timed(health.all_health, args.repeat)
        statuses = Counter(h.status for h in result)
        rows.append(("all_health()", median, best, f"{len(result)} groups · {dict(statuses)}"))
        median, best, _ = timed(lambda: health.group_health(biggest), args.repeat)
        rows.append((f"group_health(#{biggest}, the largest)", median, best, ""))
        median, best, _ = timed(lambda: health.weekly_activity(biggest), args.repeat)
        rows.append(("weekly_activity(largest)", median, best, "12 weeks"))
        median, best, made = timed(_suggest_rolled_back, max(3, args.repeat // 3))
        rows.append(("refresh_suggestions() (rolled back)", median, best, f"{made} tasks"))
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from app.ui.app import make_application

        make_application()
        median, best, _ = timed(_open_today_panel, max(3, args.repeat // 3))
        rows.append(("the Today panel opening (built, refreshed, painted)", median, best, ""))
    finally:
        close_database()
    print("# Group health benchmark\n")
    print(
        f"{time.strftime('%Y-%m-%d %H:%M')} · Python {platform.python_version()} · "
        f"SQLite {sqlite3.sqlite_version} · {platform.machine()} · "
        f"medians of {args.repeat} calls after one warm-up.\n"
    )
    print(how + "\n")
    print("| call | median ms | best ms | result |\n|---|---:|---:|---|")
    for name, median, best, note in rows:
        print(f"| {name} | {median:.1f} | {best:.1f} | {note} |")
    verdict = "meets" if rows[0][1] < TARGET_MS else "MISSES"
    print(f"\nall_health() {verdict} the {TARGET_MS:.0f} ms target.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
