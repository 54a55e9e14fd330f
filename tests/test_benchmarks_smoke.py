"""The benchmark suite (``python3 -m tests.benchmarks``) runs end to end on a small load.

At 2,000 members every measurement runs once; the table must have a row of each kind and no
row may carry an error. The figures themselves are not checked here: the full suite at the
reference load is run by hand.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KINDS = [
    "start: first line → first paint",
    "start: first line → Today filled",
    "start: peak memory",
    "search: Chinese name fragment",
    "search: pinyin initials",
    "search: full pinyin",
    "search: QQ number prefix",
    "search: no match",
    "member table: first page shown",
    "member table: scroll to the end",
    "health: all_health()",
    "Today panel opening",
    "Pyramid panel opening",
    "service: refresh_suggestions()",
    "import: 2,000-row roster",
    "import: read a 2,000-row XLSX roster",
    "export: every member to CSV",
    "export: every member to XLSX",
    "memory: window + Members scrolled to the end",
    "freeze: import of the roster",
    "freeze: CSV export",
    "freeze: XLSX export",
    "freeze: backup",
    "freeze: demo generation",
    "chat read: 10,000-message Telegram export",
    "chat read: peak memory (VmHWM)",
    "chat import: 10,000-message Telegram export",
    "chat import: the same export again",
    "chat import: peak memory (VmHWM)",
    "activity: group_activity() of every group",
    "activity: all_health() with the activity findings",
]


def test_the_benchmark_suite_runs_on_a_small_load(tmp_path: Path) -> None:
    out = tmp_path / "results.md"
    command = [sys.executable, "-m", "tests.benchmarks", "--members", "2000", "--groups", "12"]
    command += ["--repeat", "1", "--out", str(out), "--cache", str(tmp_path)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    assert "| measurement | ours | baseline | ratio | target | met | note |" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")][1:]
    for kind in KINDS:
        assert any(row.startswith(f"| {kind}") for row in rows), f"no row for {kind!r}"
    assert not [row for row in rows if "**error:**" in row]
    assert "| measurement |" in done.stdout  # the table is printed too
    assert not (tmp_path / "work").exists()  # scratch copies removed
