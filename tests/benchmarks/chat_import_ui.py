"""The window while a chat history is imported (issue #18, PRODUCT.md §7): the Telegram export
of ``chat_read`` (200,000 messages at the reference load) previewed, then imported, each as
the window runs it (``app.ui.jobs.run_job``: a worker thread and a progress dialog), while a
10 ms QTimer ticks on the UI thread (``freeze.probe``); the longest gap between two ticks is
the longest the window stood still. Each run is a fresh process, on a new database, whose
first job is an empty one (its progress dialog loads fonts and styles on the UI thread, as
the window's first dialog did long before).

    python -m tests.benchmarks.chat_import_ui FILE          # the child: prints JSON
    python -m tests.benchmarks.chat_import_ui --messages N   # a table (export cached in /tmp)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.chat_import import _export
from tests.benchmarks.common import REPO, Bench, Row, log, table
from tests.benchmarks.freeze import GAP_TARGET_MS, TICK_MS

UI_MESSAGES = 200_000


def _probe(title: str, fn: Any) -> dict[str, Any]:
    """``fn(progress)`` run as the window runs a job, while a 10 ms timer ticks: the longest
    gap between ticks, the longest once the job's function has begun (the job's own start,
    its progress dialog made on the UI thread, is the same for every job), and where."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QWidget

    from app.ui.jobs import run_job
    from tests.benchmarks.common import qt_app

    app = qt_app()
    parent = QWidget()
    parent.resize(900, 600)
    parent.show()
    app.processEvents()
    ticks: list[float] = []
    reports: list[tuple[float, str]] = []
    outcome: dict[str, Any] = {}

    def reporting(progress: Any) -> Any:
        reports.append((time.perf_counter(), "the job's start"))

        def report(done: int, total: int) -> None:
            reports.append((time.perf_counter(), f"progress {done:,}/{total:,}"))
            progress(done, total)

        return fn(report)

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    ticks.append(time.perf_counter())
    timer.start()
    job = run_job(parent, title, reporting, lambda r: outcome.setdefault("result", r),
                  lambda exc: outcome.setdefault("error", exc))  # fmt: skip
    job.finished.connect(loop.quit)
    loop.exec()
    timer.stop()
    total = time.perf_counter() - ticks[0]
    parent.close()
    app.processEvents()
    if "error" in outcome:
        raise RuntimeError(f"{title}: {outcome['error']!r}")
    gaps = [(b - a, a) for a, b in zip(ticks, ticks[1:], strict=False)]
    began = reports[0][0] if reports else ticks[0]
    inside = [g for g in gaps if g[1] >= began]

    def where(gap: tuple[float, float]) -> str:
        before = [what for at, what in reports if at <= gap[1]]
        return f"after {before[-1]}" if before else "before the job's start"

    worst = max(gaps)
    worst_inside = max(inside, default=(0.0, began))
    return {
        "gap_ms": worst[0] * 1e3, "where": where(worst),
        "work_gap_ms": worst_inside[0] * 1e3, "work_where": where(worst_inside),
        "total_ms": total * 1e3,
    }  # fmt: skip


def _child(path: Path, work: Path) -> dict[str, Any]:
    """Preview and import ``path`` into a new database as two jobs of the window."""
    from app.core import chat_import
    from app.core.database import open_community
    from app.io.chats import detect, list_chats

    open_community(work / "ui.db", "en", create=True)
    (chat,) = list_chats([path], detect([path]))
    plan = chat_import.plan_chat(chat)
    found: dict[str, Any] = {}

    def previewing(progress: Any) -> Any:
        found["preview"] = chat_import.preview(plan, progress=progress)
        return found["preview"]

    def importing(progress: Any) -> Any:
        found["result"] = chat_import.apply(found["preview"], progress=progress)
        return found["result"]

    # the process's first job and progress dialog load fonts and styles on the UI thread; in
    # the window that happened long before anyone imports a chat: an empty job first
    out: dict[str, Any] = {"warm-up": _probe("Warming up…", lambda progress: progress(1, 1))}
    for name, fn, title in (
        ("preview", previewing, "Reading…"),
        ("apply", importing, "Importing…"),
    ):
        out[name] = _probe(title, fn)
    out["messages"] = found["result"].counts.messages_new
    return out


def _run(path: Path) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.chat_import_ui", str(path)],
        cwd=REPO, capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def rows_for(path: Path, messages: int, repeat: int) -> list[Row]:
    runs = []
    for _ in range(repeat):
        log("chat import UI: preview and import as jobs, in a fresh process")
        runs.append(_run(path))
    rows = []
    for name, what in (("preview", "preview (read + match)"), ("apply", "import")):
        worst = max(runs, key=lambda r: r[name]["gap_ms"])[name]
        gaps = ", ".join(f"{r[name]['gap_ms']:.0f}" for r in runs)
        inside = ", ".join(f"{r[name]['work_gap_ms']:.0f}" for r in runs)
        note = (
            f"{runs[0]['messages']:,} messages; job took {worst['total_ms'] / 1000:,.1f} s; "
            f"longest gap {worst['where']}; longest gap of each run (ms): {gaps}; once the "
            f"job's function had begun: {inside} ({worst['work_where']})"
        )
        rows.append(
            Row(f"freeze: chat {what}, {messages:,}-message Telegram export", worst["gap_ms"],
                None, f"longest tick gap < {GAP_TARGET_MS:.0f} ms",
                worst["gap_ms"] < GAP_TARGET_MS, note)
        )  # fmt: skip
    return rows


def measure_chat_import_ui(bench: Bench) -> list[Row]:
    """The longest pause of the window while the export is previewed, then imported."""
    messages = UI_MESSAGES if bench.members >= 100_000 else bench.members
    return rows_for(_export(bench.cache, messages), messages, bench.times(2))


if __name__ == "__main__":
    if sys.argv[1] == "--messages":
        count = int(sys.argv[2])
        cache = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(tempfile.gettempdir())
        print(table(rows_for(_export(cache, count), count, 1)))
    else:
        began = time.perf_counter()
        with tempfile.TemporaryDirectory() as work:
            found = _child(Path(sys.argv[1]), Path(work))
        found["seconds"] = time.perf_counter() - began
        print(json.dumps(found))
