"""Window start and peak memory, each in a fresh process started with ``python -c DRIVER``.

The driver makes the QApplication, watches for the first paint of a QMainWindow (or a child),
then runs the real app path, ``app.cli.main(["--db", path])`` (``run_app`` reuses the
QApplication). ``bare`` is a QMainWindow with a QTableView over a 100×10 QStandardItemModel.
The driver prints JSON lines (``paint``, then ``done``) and leaves with ``os._exit(0)``: the
lock file it leaves is taken over as stale by the next start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.common import (
    REPO,
    Bench,
    Row,
    copy_database,
    log,
    median,
    remove_backups,
)

START_TARGET_S = 2.0
START_RATIO = 3.0
MEMORY_TARGET_MB = 400.0

DRIVER = r"""
import time
started = time.perf_counter()
import json, os, sys
from pathlib import Path
mode, db_path = sys.argv[1], sys.argv[2]
result = {}


def peak_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def finish(**extra):
    result.update(extra, rss_mb=peak_mb())
    print(json.dumps({"done": True, **result}), flush=True)
    os._exit(0)


try:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    qapp = QApplication(sys.argv)
    state = {"window": None}

    def since():
        return time.perf_counter() - started

    def poll(check, then, timeout_s=60.0):
        deadline = time.perf_counter() + timeout_s

        def tick():
            if check():
                then()
            elif time.perf_counter() > deadline:
                finish(error=f"timed out waiting in {then.__name__}")
            else:
                QTimer.singleShot(2, tick)

        tick()

    def filled():
        return bool(getattr(getattr(state["window"], "today_panel", None), "loaded", True))

    def today_filled():
        result["filled_s"] = since()
        if mode != "memory":
            finish()
        window = state["window"]
        window.navigation.setCurrentRow(2)  # the Members panel
        panel = window.members_panel
        poll(lambda: panel.model.searched and panel.isVisible(), members_shown)

    def members_shown():
        panel = state["window"].members_panel
        qapp.processEvents()
        result["members_shown_s"] = since()
        result["rows"] = panel.model.rowCount()
        panel.table.scrollToBottom()
        poll(lambda: last_row_loaded(panel.model), scrolled)

    def last_row_loaded(model):
        last = model.rowCount() - 1
        pages = getattr(model, "_pages", None)
        if last < 0:
            return True
        if isinstance(pages, dict):
            from app.ui.widgets.member_table import PAGE
            return last // PAGE in pages
        return model.data(model.index(last, 0)) is not None

    def scrolled():
        qapp.processEvents()
        result["scrolled_s"] = since()
        finish()

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):
            if state["window"] is None and event.type() == QEvent.Type.Paint:
                top = obj.window() if obj.isWidgetType() else None
                if isinstance(top, QMainWindow):
                    state["window"] = top
                    result["painted_s"] = since()
                    print(json.dumps({"paint": True}), flush=True)
                    QTimer.singleShot(0, lambda: poll(filled, today_filled))
            return False

    watch = PaintWatch()
    qapp.installEventFilter(watch)
    QTimer.singleShot(90_000, lambda: finish(error="no paint within 90 s"))
    if mode == "bare":
        from PySide6.QtGui import QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QTableView

        window = QMainWindow()
        model = QStandardItemModel(100, 10, window)
        for row in range(100):
            for column in range(10):
                model.setItem(row, column, QStandardItem(f"{row}:{column}"))
        view = QTableView()
        view.setModel(model)
        window.setCentralWidget(view)
        window.resize(1200, 780)
        window.show()
        qapp.exec()
        finish(error="the event loop ended before a paint")
    else:
        from app import cli

        code = cli.main(["--db", db_path])
        finish(error=f"app.cli.main returned {code} before a paint")
except Exception as exc:
    finish(error=f"{type(exc).__name__}: {exc}")
"""


def run_driver(mode: str, db_path: Path, timeout_s: float = 120.0) -> dict[str, Any]:
    """One fresh process; adds ``wall_paint_s`` and ``wall_done_s``, measured from spawning."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    # An installed app starts from .pyc files (pip writes them): this machine's
    # PYTHONDONTWRITEBYTECODE would make every start compile our sources again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    spawned = time.perf_counter()
    walls: dict[str, float] = {}
    result: dict[str, Any] = {}
    with subprocess.Popen(
        [sys.executable, "-c", DRIVER, mode, str(db_path)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue  # something else the app printed
            if message.get("paint"):
                walls["wall_paint_s"] = time.perf_counter() - spawned
            if message.get("done"):
                walls["wall_done_s"] = time.perf_counter() - spawned
                result = message
                break
        try:
            _, errors = process.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            _, errors = process.communicate()
    if not result:
        return {"error": f"no result; stderr: {errors.strip()[-400:]}"}
    result.update(walls)
    return result


def _runs(mode: str, db_path: Path, count: int) -> list[dict[str, Any]]:
    """``count`` runs after one warm-up (file cache, .pyc files); the backups folder beside
    the database is emptied before each, so every start makes its daily backup as the first
    start of a day does (and no partial backup of a killed process piles up)."""
    runs = []
    for index in range(count + 1):
        remove_backups(db_path)
        result = run_driver(mode, db_path)
        if "error" in result:
            raise RuntimeError(f"{mode} start: {result['error']}")
        if index:
            runs.append(result)
    remove_backups(db_path)
    return runs


def measure_start(bench: Bench) -> list[Row]:
    """A fresh process to the first painted window and to a filled Today panel, vs bare Qt."""
    count = bench.times(5)
    work = copy_database(bench.db, bench.work / "start.db")  # starts write (suggestions)
    log(f"start: {count} + 1 starts of the app and of a bare Qt window, one process each")
    ours = _runs("huoqun", work, count)
    bare = _runs("bare", work, count)

    def med(runs: list[dict[str, Any]], key: str) -> float:
        return median([r[key] * 1e3 for r in runs])

    # Issue #9: the first painted window within 3× a bare one. The Today panel then fills
    # from a worker thread (the window answers meanwhile); for it, PRODUCT.md §7's "a usable
    # window in under 2 s" is the target.
    paint_target = f"< {START_TARGET_S:.0f} s and ≤ {START_RATIO:.0f}× bare"
    filled_target = f"< {START_TARGET_S:.0f} s"
    has_loaded = _has_loaded_flag()
    filled_note = (
        "until `today_panel.loaded` is True: its data gathered in a worker thread"
        if has_loaded
        else "`today_panel.loaded` does not exist yet: taken as the first paint"
    )
    rows = []
    for key, what, note, ratio_counts in (
        ("painted_s", "start: first line → first paint", "in process, `app.cli.main`", True),
        ("filled_s", "start: first line → Today filled", filled_note, False),
        ("wall_paint_s", "start: spawn → first paint (wall)", "includes interpreter start", True),
        ("wall_done_s", "start: spawn → Today filled (wall)", "includes interpreter start", False),
    ):
        mine, base_key = med(ours, key), "filled_s" if key == "filled_s" else key
        base = med(bare, base_key)
        met = mine < START_TARGET_S * 1e3 and (mine <= START_RATIO * base or not ratio_counts)
        target = paint_target if ratio_counts else filled_target
        rows.append(Row(what, mine, base, target, met, note))
    rss = median([r["rss_mb"] for r in ours])
    bare_rss = median([r["rss_mb"] for r in bare])
    rows.append(
        Row(
            "start: peak memory (VmHWM)",
            rss,
            bare_rss,
            f"< {MEMORY_TARGET_MB:.0f} MB",
            rss < MEMORY_TARGET_MB,
            "at Today filled; every start made its daily backup (backups/ emptied before each)",
            unit="MB",
        )
    )
    return rows


def measure_memory(bench: Bench) -> list[Row]:
    """Peak memory of the real window with the Members panel open and scrolled to the end."""
    count = bench.times(3)
    work = copy_database(bench.db, bench.work / "memory.db")
    log(f"memory: {count} + 1 app processes opening Members and scrolling to the end")
    runs = _runs("memory", work, count)
    rss = median([r["rss_mb"] for r in runs])
    shown = median([(r["members_shown_s"] - r["filled_s"]) * 1e3 for r in runs])
    scrolled = median([(r["scrolled_s"] - r["members_shown_s"]) * 1e3 for r in runs])
    note = (
        f"{runs[0]['rows']:,} rows; in that process: Members shown {shown:,.0f} ms after "
        f"Today, scrolled to the end in {scrolled:,.0f} ms"
    )
    return [
        Row(
            "memory: window + Members scrolled to the end (VmHWM)",
            rss,
            None,
            f"< {MEMORY_TARGET_MB:.0f} MB",
            rss < MEMORY_TARGET_MB,
            note,
            unit="MB",
        )
    ]


def _has_loaded_flag() -> bool:
    source = (REPO / "app" / "ui" / "today" / "panel.py").read_text(encoding="utf-8")
    return "self.loaded" in source
