"""Build the PyInstaller bundle once and run it: the CLI, the window offscreen, the files.

Slow (a build takes under a minute on two cores) but part of the default run, as in CI.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.packaging.conftest import REPORT

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
MAX_MB = 300

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built app's executable (dist/huoqun/huoqun in a temporary folder)."""
    pytest.importorskip("PyInstaller", reason="pip install -e '.[package]'")
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("work")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--dist", str(dist), "--work", str(work)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    print(f"\nbundle built in {time.monotonic() - started:.0f} s")
    REPORT.append(f"bundle built in {time.monotonic() - started:.0f} s")
    name = "huoqun.exe" if sys.platform == "win32" else "huoqun"
    executable = dist / "huoqun" / name
    assert executable.is_file()
    return executable


def _run(executable: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(executable), *args], capture_output=True, text=True, timeout=120, env=env
    )


def _megabytes(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def test_bundle_size(bundle: Path, record_property: pytest.RecordProperty) -> None:
    size = _megabytes(bundle.parent)
    print(f"\nbundle size: {size:.0f} MB")
    REPORT.append(f"bundle size: {size:.0f} MB (aim: under 200 MB)")
    record_property("bundle_mb", round(size))
    assert size < MAX_MB, f"bundle size {size:.0f} MB is over {MAX_MB} MB"


def test_cli_commands(bundle: Path, tmp_path: Path) -> None:
    from app import __version__

    version = _run(bundle, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"huoqun {__version__}"
    db = str(tmp_path / "demo.db")
    demo = _run(bundle, "demo", "--db", db, "--members", "200", "--groups", "5")
    assert demo.returncode == 0, demo.stderr
    check = _run(bundle, "check", "--db", db)
    assert check.returncode == 0, check.stderr
    assert "5 groups, 200 members" in check.stdout
    for suffix in ("csv", "xlsx", "pdf"):
        out = tmp_path / f"roster.{suffix}"
        export = _run(bundle, "export", "roster", str(out), "--db", db)
        assert export.returncode == 0, export.stderr
        assert out.stat().st_size > 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_window_starts_and_quits_offscreen(bundle: Path, tmp_path: Path) -> None:
    db = tmp_path / "window.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [str(bundle), "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        lock, wal = db.with_name(db.name + ".lock"), db.with_name(db.name + "-wal")
        while not (lock.exists() and wal.exists()):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the window did not open within 60 s"
            time.sleep(0.1)
        time.sleep(1)  # the window is up once the database is open; let it settle
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, out + err
    assert not lock.exists()


@pytest.mark.parametrize(
    ("tool", "args", "pattern"),
    [
        ("desktop-file-validate", [], "*.desktop"),
        ("appstreamcli", ["validate", "--no-net"], "*.metainfo.xml"),
    ],
)
def test_desktop_files_validate(tool: str, args: list[str], pattern: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (.ci/run installs it)")
    files = sorted(str(p) for p in PACKAGING.glob(pattern))
    assert files
    done = subprocess.run([tool, *args, *files], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_icons_ship_in_every_size() -> None:
    from PySide6.QtGui import QImage

    icons = ROOT / "resources" / "icons"
    assert (icons / "huoqun.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(icons / f"huoqun-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
