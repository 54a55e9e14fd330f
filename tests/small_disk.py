"""Real hostile files for tests: a small tmpfs that fills up, a read-only bind mount, devices.

The mounts need Linux and the right to mount (root, as in CI); elsewhere the test is skipped.
The devices are private copies made with ``mknod`` in the test's folder, never the system's
``/dev/null`` or ``/dev/full``: code that wrongly replaces its target must not break the
machine the tests run on.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("needs Linux's mount")
    result = subprocess.run(["mount", *args], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount here: {result.stderr.strip()}")


@contextmanager
def small_disk(folder: Path, kib: int) -> Iterator[Path]:
    """``folder`` as a tmpfs of ``kib`` KiB for the block."""
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={kib}k,mode=0700", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


@contextmanager
def read_only_bind(folder: Path) -> Iterator[Path]:
    """``folder`` mounted over itself read-only for the block: even root cannot write there."""
    _mount("--bind", str(folder), str(folder))
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


def fill(folder: Path, leave_kib: int = 0) -> Path:
    """Fill the disk of ``folder`` until about ``leave_kib`` KiB are left; the filler file."""
    filler = folder / "filler"
    st = os.statvfs(folder)
    size = max(0, st.f_bavail * st.f_frsize - leave_kib * 1024)
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with contextlib.suppress(OSError):  # ENOSPC: full, as wanted
            os.write(fd, b"\0" * size)
            while not leave_kib:
                os.write(fd, b"\0" * 4096)
    finally:
        os.close(fd)
    return filler


DEVICES = {"null": (1, 3), "full": (1, 7)}  # Linux's numbers for /dev/null and /dev/full


def device(folder: Path, name: str) -> Path:
    """A character device in ``folder`` that works like ``/dev/<name>`` ("null" or "full")."""
    path = folder / name
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(*DEVICES[name]))
    except (OSError, AttributeError) as exc:  # not root, or no mknod (Windows)
        pytest.skip(f"cannot make a device here: {exc}")
    return path
