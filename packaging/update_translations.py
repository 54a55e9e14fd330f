"""Refresh resources/i18n from the sources: lupdate the .ts, then lrelease the .qm.

Run after changing visible strings: ``python packaging/update_translations.py``. New strings
arrive in the .ts as unfinished; translate them (Qt Linguist, or by hand) and run it again.
A test fails while any message is unfinished or the .qm is out of date.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILES = [ROOT / "resources" / "i18n" / "huoqun_zh_CN.ts"]


def sources() -> list[str]:
    """Every Python file of the app, relative to the repo (what lupdate reads)."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run(
        ["pyside6-lupdate", *sources(), "-no-obsolete", "-locations", "none", "-target-language", ts.stem.split("_", 1)[1], "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    for ts in TS_FILES:
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
