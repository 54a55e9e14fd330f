"""Group health, the Today and Pyramid panels, and the services behind them, in process.

``all_health`` runs against plain ``sqlite3`` replaying the very statements it ran (caught
once through the app's connection): what our Python layer costs on top of SQLite. The panels
are built, refreshed and painted offscreen. The other services are kept as extra rows.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections import Counter
from collections.abc import Callable, Sized
from typing import Any

from tests.benchmarks.common import Bench, Row, biggest_group, community, log, qt_app, timed

HEALTH_TARGET_MS = 200.0
PANEL_TARGET_MS = 1000.0


def _statements(fn: Callable[[], Any]) -> list[tuple[str, Any]]:
    """The SQL statements (and parameters) ``fn`` runs through the app's database."""
    from app.store.models import db

    database = db.obj
    seen: list[tuple[str, Any]] = []
    original = database.execute_sql

    def spy(sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        seen.append((sql, params))
        return original(sql, params, *args, **kwargs)

    database.execute_sql = spy
    try:
        fn()
    finally:
        del database.execute_sql
    return seen


def _replay(conn: sqlite3.Connection, statements: list[tuple[str, Any]]) -> int:
    return sum(len(conn.execute(sql, params or ()).fetchall()) for sql, params in statements)


def _describe(result: Any) -> str:
    if isinstance(result, Sized):
        return f"{len(result):,} rows"
    if hasattr(result, "score"):  # a GroupHealth
        return f"{result.members:,} members, score {result.score}, {result.status}"
    return f"{result} tasks" if isinstance(result, int) else str(result)[:80]


def _open_panel(make: Callable[[], Any]) -> Callable[[], None]:
    from PySide6.QtCore import QEventLoop

    def run() -> None:
        app = qt_app()
        panel = make()
        panel.resize(1280, 760)
        panel.refresh()
        while getattr(panel, "busy", False):  # Today fills and gathers off the UI thread
            # asleep until the worker's answer comes, as the window's event loop is: spinning
            # here would take the worker's turns at the interpreter and slow it threefold
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        panel.show()
        panel.grab()
        app.processEvents()
        panel.close()
        panel.deleteLater()
        app.processEvents()

    return run


def measure_health(bench: Bench) -> list[Row]:
    """``all_health`` vs its statements in plain sqlite3, and the Today panel opening."""
    from app.core import health
    from app.ui.today.panel import TodayPanel

    repeat = bench.times(9)
    log(f"health: all_health() and its SQL in plain sqlite3, {repeat} times each")
    with community(bench.db), contextlib.closing(sqlite3.connect(bench.db)) as conn:
        # the day's first look sums the last 30 days of chat (a write): not what is replayed,
        # and a write replayed here would hold the file's lock against the panel's own
        health.all_health()
        statements = _statements(health.all_health)
        ours, result = timed(health.all_health, repeat)
        base, _ = timed(lambda: _replay(conn, statements), repeat)
        statuses = dict(Counter(h.status for h in result))
        rows = [
            Row(
                "health: all_health()",
                ours,
                base,
                f"< {HEALTH_TARGET_MS:.0f} ms",
                ours < HEALTH_TARGET_MS,
                f"{len(result)} groups {statuses}; baseline: its {len(statements)} statements "
                "in plain sqlite3",
            )
        ]
        log("health: the Today panel opening")
        panel, _ = timed(_open_panel(TodayPanel), max(3, repeat // 3))
        rows.append(
            Row(
                "Today panel opening",
                panel,
                None,
                f"< {PANEL_TARGET_MS:.0f} ms",
                panel < PANEL_TARGET_MS,
                "built + refresh() + painted, offscreen",
            )
        )
    return rows


def _suggest_rolled_back() -> int:
    from app.core import suggested_tasks
    from app.store.models import db

    with db.atomic() as txn:
        count = len(suggested_tasks.refresh_suggestions())
        txn.rollback()
    return count


def measure_pyramid(bench: Bench) -> list[Row]:
    """The Pyramid panel opening, and its services and group health's as extra rows."""
    from app.core import candidates, care, health, pyramid
    from app.store.models import db
    from app.ui.pyramid.panel import PyramidPanel

    repeat = bench.times(9)
    with community(bench.db):
        log("pyramid: the Pyramid panel opening")
        panel, _ = timed(_open_panel(PyramidPanel), max(3, repeat // 3))
        rows = [
            Row(
                "Pyramid panel opening",
                panel,
                None,
                f"< {PANEL_TARGET_MS:.0f} ms",
                panel < PANEL_TARGET_MS,
                "built + refresh() + painted, offscreen",
            )
        ]
        biggest = biggest_group(db)
        calls: list[tuple[str, Callable[[], Any], int]] = [
            ("pyramid()", pyramid.pyramid, repeat),
            ("pyramid(largest group)", lambda: pyramid.pyramid(biggest), repeat),
            ("movements()", pyramid.movements, repeat),
            ("spans()", pyramid.spans, repeat),
            ("care_list()", care.care_list, repeat),
            ("promotion_candidates()", candidates.promotion_candidates, repeat),
            ("demotion_candidates()", candidates.demotion_candidates, repeat),
            ("group_health(largest group)", lambda: health.group_health(biggest), repeat),
            ("weekly_activity(largest group)", lambda: health.weekly_activity(biggest), repeat),
            ("refresh_suggestions() (rolled back)", _suggest_rolled_back, max(3, repeat // 3)),
        ]
        log(f"pyramid: {len(calls)} services, {repeat} times each")
        for label, fn, times in calls:
            ours, result = timed(fn, times)
            rows.append(Row(f"service: {label}", ours, note=_describe(result)))
    return rows
