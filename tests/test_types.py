"""``mypy`` as CI runs it (no arguments: pyproject.toml names ``app/core``, ``app/store`` and
``app/io`` and makes it strict, as STYLE.md asks) passes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_core_store_and_io_pass_mypy_strict(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Success: no issues found"), done.stdout
    checked = int(done.stdout.split(" in ")[1].split()[0])
    assert checked > 70  # every module of core, store and io, not an empty target
