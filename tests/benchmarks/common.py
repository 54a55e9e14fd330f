"""What every benchmark shares: the run's settings, the demo database cache, median timing,
the ``Row`` of the results table and its Markdown, and small Qt and process helpers."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CACHE = Path("/tmp/huoqun-bench")


def log(message: str) -> None:
    """A progress line on stderr, so a person sees what the suite is doing."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Row:
    """One line of the results table; ``unit`` says what ``ours`` and ``baseline`` count."""

    what: str
    ours: float | None
    baseline: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""
    unit: str = "ms"
    error: str = ""


@dataclass
class Bench:
    """One run of the suite: sizes, repetitions and where the reference database is."""

    members: int
    groups: int
    seed: int
    repeat: int | None  # None: each measurement's own default
    cache: Path
    db: Path  # the reference database: only ever read (copies are written)

    def times(self, default: int) -> int:
        """Repetitions for a measurement whose default is ``default``."""
        return max(1, self.repeat if self.repeat is not None else default)

    @property
    def work(self) -> Path:
        """Scratch folder for copies and files of this run (emptied at the end)."""
        folder = self.cache / "work"
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def generator_version() -> str:
    """A short hash of ``app/sample/demo*.py``: a changed generator means a new database."""
    digest = hashlib.sha256()
    for source in sorted((REPO / "app" / "sample").glob("demo*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:10]


def database_path(cache: Path, members: int, groups: int, seed: int) -> Path:
    return cache / f"demo-{members}m-{groups}g-seed{seed}-{generator_version()}.db"


def ensure_database(
    cache: Path, members: int, groups: int, seed: int, rebuild: bool = False
) -> tuple[Path, str]:
    """The demo database, built now or reused; returns it and a line saying which."""
    path = database_path(cache, members, groups, seed)
    if path.exists() and not rebuild:
        try:
            with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as c:
                found = c.execute("SELECT COUNT(*) FROM member").fetchone()[0]
        except sqlite3.Error:
            found = -1
        if found == members:
            return path, f"reused {path} ({members:,} members, {groups} groups)"
    prefix = f"demo-{members}m-{groups}g-seed{seed}-"
    for stale in cache.glob(f"{prefix}*"):  # older generator versions, or a rebuild
        if stale.is_file():
            stale.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    log(f"building the demo database {path.name} (once per version of app/sample/demo*.py)…")
    from app.sample import demo

    with community(path):
        summary = demo.build(members, groups, seed=seed)
    return path, (
        f"built {path} ({summary.members:,} members, {summary.groups} groups, "
        f"{summary.memberships:,} memberships) in {summary.seconds:.1f} s"
    )


@contextlib.contextmanager
def community(path: Path) -> Iterator[None]:
    """The app's database bound to ``path`` for the duration (closed after)."""
    from app.core.database import open_community
    from app.store.database import close_database

    open_community(path)
    try:
        yield
    finally:
        close_database()


def copy_database(source: Path, dest: Path) -> Path:
    """A consistent copy through SQLite's backup API (``source`` is only read)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{dest}{suffix}").unlink(missing_ok=True)
    with (
        contextlib.closing(sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)) as src,
        contextlib.closing(sqlite3.connect(dest)) as out,
    ):
        src.backup(out)
    return dest


def remove_backups(db_path: Path) -> None:
    """Delete the ``backups`` folder the app keeps beside ``db_path`` (each is a full copy)."""
    shutil.rmtree(db_path.parent / "backups", ignore_errors=True)


def timed(fn: Callable[[], Any], repeat: int, warm: bool = True) -> tuple[float, Any]:
    """Median milliseconds of ``repeat`` calls of ``fn`` (after one warm-up call), and the
    last result."""
    result = fn() if warm else None
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1e3)
    return statistics.median(times), result


def median(values: list[float]) -> float:
    return statistics.median(values)


def peak_rss_mb() -> float:
    """VmHWM of this process in MB (not ru_maxrss: Linux carries that over across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def qt_app() -> Any:
    """The in-process QApplication the app makes (offscreen under the suite)."""
    from app.ui.app import make_application

    return make_application()


def process_until(done: Callable[[], bool], timeout_s: float = 60.0) -> bool:
    """Process Qt events until ``done()`` holds (True) or the time is up (False)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            return False
        QApplication.processEvents()
    return True


def biggest_group(conn: Any) -> int:
    """The group with most current members (``conn``: sqlite3 or the peewee database)."""
    sql = (
        "SELECT group_id FROM membership WHERE left_at IS NULL"
        " GROUP BY group_id ORDER BY COUNT(*) DESC LIMIT 1"
    )
    run = getattr(conn, "execute_sql", None) or conn.execute
    return int(run(sql).fetchone()[0])


def ratio_met(ours: float, base: float | None, target: float, ratio: float | None) -> bool:
    """Under ``target``, and at most ``ratio`` times the baseline when there is one."""
    if ours >= target:
        return False
    return ratio is None or base is None or ours <= ratio * base


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms" and value >= 1000:
        return f"{value / 1000:,.2f} s"
    return f"{value:,.1f} {unit}"


def table(rows: list[Row]) -> str:
    """The results as one Markdown table."""
    lines = [
        "| measurement | ours | baseline | ratio | target | met | note |",
        "|---|---:|---:|---:|---|---|---|",
    ]
    for row in rows:
        ratio = "—"
        if row.ours is not None and row.baseline:
            ratio = f"{row.ours / row.baseline:.2f}×"
        met = "—" if row.met is None else ("yes" if row.met else "**no**")
        note = f"**error:** {row.error}" if row.error else row.note
        cells = [row.what, _number(row.ours, row.unit), _number(row.baseline, row.unit), ratio]
        cells += [row.target or "—", met, note.replace("|", "\\|").replace("\n", " ")]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
