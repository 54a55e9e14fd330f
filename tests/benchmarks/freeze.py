"""UI freeze probe: long jobs through ``app.ui.jobs.run_job`` (worker thread + progress
dialog) while a 10 ms QTimer ticks on the UI thread; the longest gap between ticks is how
long the window stood still."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmarks.common import (
    Bench,
    Row,
    community,
    copy_database,
    log,
    qt_app,
    remove_backups,
)

TICK_MS = 10
GAP_TARGET_MS = 100.0


def probe(
    title: str, fn: Callable[[Any], Any], timeout_s: float = 600.0
) -> tuple[float, float, int, str]:
    """Run ``fn(progress)`` as the app runs a long job: the longest tick gap and the total in
    ms, how many objects the garbage collector tracked before (its full collections, which
    hold the GIL, take longer the more there are), and where in the job the longest gap
    began (the last progress report before it)."""
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QWidget

    from app.ui.jobs import run_job

    app = qt_app()
    # Widgets of earlier measurements wait for the event loop to delete them (deleteLater):
    # that work, and their garbage, are not this job's.
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    objects = len(gc.get_objects())
    parent = QWidget()
    parent.resize(900, 600)
    parent.show()
    app.processEvents()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}
    started = time.perf_counter()
    last[0] = started
    timer.start()
    reports: list[tuple[float, str]] = []

    def reporting(progress: Any) -> Any:
        def report(done: int, total: int) -> None:
            reports.append((time.perf_counter(), f"{done:,}/{total:,}"))
            progress(done, total)

        result = fn(report)
        reports.append((time.perf_counter(), "returned"))
        return result

    job = run_job(
        parent,
        title,
        reporting,
        lambda result: outcome.setdefault("result", result),
        lambda exc: outcome.setdefault("error", exc),
    )
    job.finished.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    total = time.perf_counter() - started
    timer.stop()
    app.processEvents()  # the job's on_success / on_failure
    parent.close()
    parent.deleteLater()
    app.processEvents()
    if "error" in outcome:
        raise RuntimeError(f"{title}: {outcome['error']!r}")
    if "result" not in outcome:
        raise RuntimeError(f"{title}: did not finish within {timeout_s:.0f} s")
    where = "no tick"
    if gaps:
        longest = max(range(len(gaps)), key=gaps.__getitem__)
        begin = started + sum(gaps[:longest])  # when the tick before the longest gap came
        before = [what for at, what in reports if at <= begin]
        where = f"after progress {before[-1]}" if before else "before the first progress report"
    return max(gaps, default=total) * 1e3, total * 1e3, objects, where


def _row(what: str, gap: float, total: float, objects: int, where: str, note: str) -> Row:
    return Row(
        f"freeze: {what}",
        gap,
        None,
        f"longest tick gap < {GAP_TARGET_MS:.0f} ms",
        gap < GAP_TARGET_MS,
        f"job took {total / 1000:,.1f} s; {note}; longest gap {where}; "
        f"{objects:,} objects tracked by gc before",
    )


def measure_freeze(bench: Bench) -> list[Row]:
    from app.core import clock
    from app.sample import demo
    from app.store.backup import make_backup
    from tests.benchmarks.roster import export_with_app, import_with_app, roster_csv

    rows = []
    roster = roster_csv(bench)
    log("freeze: import (read_roster + preview + apply) in a job")
    target = copy_database(bench.db, bench.work / "freeze-import.db")
    with community(target):
        gap, total, objects, where = probe(
            "Importing…", lambda progress: import_with_app(roster, progress)
        )
    remove_backups(target)
    rows.append(
        _row(
            "import of the roster",
            gap,
            total,
            objects,
            where,
            "read, preview and apply in the worker",
        )
    )
    with community(bench.db):
        for fmt in ("csv", "xlsx"):
            log(f"freeze: {fmt.upper()} export in a job")
            out = bench.work / f"freeze.{fmt}"
            gap, total, objects, where = probe(
                "Exporting…", lambda p, f=fmt, o=out: export_with_app(o, f, p)
            )
            out.unlink(missing_ok=True)
            rows.append(_row(f"{fmt.upper()} export", gap, total, objects, where, "every member"))
        log("freeze: backup in a job")
        gap, total, objects, where = probe(
            "Backing up…", lambda _progress: make_backup("manual", clock.now())
        )
        remove_backups(bench.db)
        rows.append(
            _row("backup of the reference database", gap, total, objects, where, "make_backup")
        )
    fresh: Path = bench.work / "freeze-demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{fresh}{suffix}").unlink(missing_ok=True)
    log(f"freeze: demo generation ({bench.members:,} members / {bench.groups} groups) in a job")
    with community(fresh):
        gap, total, objects, where = probe(
            "Loading a sample community…",
            lambda progress: demo.build(bench.members, bench.groups, progress=progress),
        )
    rows.append(
        _row(
            "demo generation",
            gap,
            total,
            objects,
            where,
            f"{bench.members:,} members / {bench.groups} groups into a new file",
        )
    )
    return rows
