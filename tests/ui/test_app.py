"""Starting the window on a bad or busy database: one clear message, exit 1, nothing written."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from app import lock
from app.core import clock
from app.core.database import key_functions
from app.ui.app import run_app


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


@pytest.mark.usefixtures("qapp")
def test_not_a_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "alone" / "roster.db"
    path.parent.mkdir()
    path.write_bytes(b"\x89PNG not a database at all" * 100)
    before, names = digest(path), siblings(path)
    assert run_app(path) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "is not a Huoqun database" in err[0]
    assert digest(path) == before
    assert siblings(path) == names


@pytest.mark.usefixtures("qapp")
def test_newer_schema_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "newer.db"
    from app.store.database import close_database, open_database

    open_database(path, clock.now(), derived=key_functions)
    close_database()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migration (name, applied) VALUES ('0099_future', '')")
    conn.close()
    before = digest(path)
    assert run_app(path) == 1
    err = capsys.readouterr().err
    assert "newer version of Huoqun" in err
    assert "0099_future" in err
    assert digest(path) == before


@pytest.mark.usefixtures("qapp")
def test_second_copy_names_the_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "busy.db"
    held = lock.acquire(path)
    try:
        assert run_app(path) == 1
    finally:
        held.unlock()
    err = capsys.readouterr().err
    assert f"process {os.getpid()}" in err
    assert not path.exists()


@pytest.mark.usefixtures("qapp")
def test_app_opens_its_window_and_quits_cleanly(tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.main_window import MainWindow

    path = tmp_path / "fresh" / "huoqun.db"
    seen: list[str] = []

    def close_when_shown() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not windows[0].isVisible():
            QTimer.singleShot(20, close_when_shown)
            return
        seen.append(windows[0].windowTitle())
        windows[0].close()

    QTimer.singleShot(0, close_when_shown)
    assert run_app(path) == 0
    assert seen == ["huoqun.db — Huoqun 活群"]  # the app's name once, where the desktop puts it
    assert path.exists()
    assert not lock.lock_path(path).exists()  # the lock is released on quit
    assert not Path(f"{path}-wal").exists()  # checkpointed and closed


def test_the_application_keeps_worker_threads_from_starving_the_window() -> None:
    import gc
    import sys

    from app.ui.app import GIL_SWITCH_S, make_application

    before = sys.getswitchinterval()
    try:
        make_application()
        assert sys.getswitchinterval() == pytest.approx(GIL_SWITCH_S)
        assert not gc.isenabled()  # collected on the UI thread (gc_collector), not by any thread
    finally:
        sys.setswitchinterval(before)


@pytest.mark.usefixtures("qapp")
def test_a_disk_too_full_to_open_on_is_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.store.database import close_database
    from tests.small_disk import fill, small_disk

    close_database()
    with small_disk(tmp_path / "disk", 1024) as folder:
        fill(folder, leave_kib=12)  # room for the lock file, not for a new database
        assert run_app(folder / "huoqun.db") == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert err == ["huoqun: The disk is full; nothing was written."], err
        assert not (folder / "huoqun.db").exists()  # the half-made database is gone
        assert not (folder / "huoqun.db-wal").exists()
