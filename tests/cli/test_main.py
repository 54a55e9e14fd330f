"""The command line: first-start tiers in the terminal's language, usage errors exit 2."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from app.core.database import open_community
from app.store.database import close_database

ROOT = Path(__file__).resolve().parents[2]


def huoqun(*args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": lang, "LC_ALL": ""}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def tier_names(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM tier ORDER BY rank").fetchall()
    conn.close()
    return [r[0] for r in rows]


def test_first_start_names_tiers_in_the_terminal_language(tmp_path: Path) -> None:
    chinese, english = tmp_path / "zh.db", tmp_path / "en.db"
    small = ("--members", "3", "--groups", "1")
    assert huoqun("demo", "--db", str(chinese), *small, lang="zh_CN.UTF-8").returncode == 0
    assert huoqun("demo", "--db", str(english), *small, lang="en_GB.UTF-8").returncode == 0
    assert tier_names(chinese) == ["核心", "管理/骨干", "活跃", "普通"]
    assert tier_names(english) == ["Core", "Helpers", "Active", "Members"]


def test_check_reports_counts_and_leaves_no_wal(tmp_path: Path) -> None:
    path = tmp_path / "alone" / "c.db"
    close_database()  # the test's own database
    open_community(path)
    close_database()
    result = huoqun("check", "--db", str(path))
    assert result.returncode == 0
    expected = f"{path}: ok — 0 groups, 0 members, 0 memberships; no backup yet"
    assert result.stdout.strip() == expected
    assert sorted(p.name for p in path.parent.iterdir()) == ["c.db"]


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = huoqun("demo", "--db", str(tmp_path / "d.db"), "--members", "0")
    assert result.returncode == 2
    assert "must be at least 1" in result.stderr
    assert not (tmp_path / "d.db").exists()


def test_the_window_closes_cleanly_on_sigterm(tmp_path: Path) -> None:
    import signal
    import time

    path = tmp_path / "alone" / "huoqun.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lock = path.with_name("huoqun.db.lock")
    deadline = time.monotonic() + 60
    while not (lock.exists() and Path(f"{path}-wal").exists()) and time.monotonic() < deadline:
        time.sleep(0.05)  # waiting for another process to start, not for time itself
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert sorted(p.name for p in path.parent.iterdir()) == ["huoqun.db"]
