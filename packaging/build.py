"""Build the one-folder Huoqun app with PyInstaller: ``python3 packaging/build.py``.

The bundle lands in dist/huoqun/ (``--dist``), PyInstaller's work files in build/ (``--work``);
both are git-ignored. Prints the bundle's size and how long the build took.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "huoqun.spec"


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder`` (what ``du -sb`` reports, without links)."""
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work")
    args = parser.parse_args(argv)
    try:
        import PyInstaller.__main__
    except ImportError:
        print("PyInstaller is missing: python3 -m pip install -e '.[package]'", file=sys.stderr)
        return 1
    started = time.monotonic()
    os.chdir(ROOT)
    PyInstaller.__main__.run(
        [
            str(SPEC),
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(args.dist),
            "--workpath",
            str(args.work),
        ]
    )
    seconds = time.monotonic() - started
    bundle = args.dist / "huoqun"
    size = folder_size(bundle)
    print(f"Built {bundle} in {seconds:.0f} s: {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
