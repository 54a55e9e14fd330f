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
I18N = ROOT / "resources" / "i18n"
# Chinese translates everything; English only needs the plural forms of "%n" messages.
TS_FILES = {I18N / "huoqun_zh_CN.ts": [], I18N / "huoqun_en.ts": ["-pluralonly"]}


def sources() -> list[str]:
    """Every Python file of the app, relative to the repo (what lupdate reads)."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def lupdate(ts: Path, options: list[str]) -> None:
    language = ts.stem.split("_", 1)[1]
    subprocess.run(
        ["pyside6-lupdate", *sources(), "-no-obsolete", "-locations", "none", *options]
        + ["-target-language", language, "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    for ts, options in TS_FILES.items():
        lupdate(ts, options)
        lrelease(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
