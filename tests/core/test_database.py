"""The database file as the window and the CLI reach it: open, check, close, back up, restore."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.core import clock, groups, members
from app.core import database as files
from app.core.errors import HuoqunError
from app.store.models import Group, db

REPO = Path(__file__).resolve().parents[2]


def test_the_service_the_window_calls_uses_the_clock(database: Path, now: datetime) -> None:
    assert files.backups() == [] and files.newest_age() is None
    made = files.back_up_now()
    assert made.name == "huoqun-20260314-093000-manual.db"
    clock.fix(now + timedelta(hours=3))
    assert files.newest_age() == timedelta(hours=3)
    assert files.backup_if_stale() is None
    groups.create_group("导入前")
    assert files.backup_before("import").name == "huoqun-20260314-123000-import.db"
    groups.create_group("导入后")
    before = files.restore(made)
    assert before.name == "huoqun-20260314-123000-before-restore.db"
    assert Group.select().count() == 0
    assert [b.reason for b in files.backups()] == ["before-restore", "import", "manual"]


def test_the_cli_backup_age_uses_the_clock_and_sets_future_backups_aside(
    database: Path, now: datetime
) -> None:
    made = files.back_up_file(database)
    assert made.name == "huoqun-20260314-093000-manual.db"
    clock.fix(now - timedelta(hours=1))  # the clock went back: that backup is "in the future"
    assert files.newest_backup(database) is None
    assert [b.path for b in files.future_backups(database)] == [made]
    clock.fix(now + timedelta(hours=1))
    newest = files.newest_backup(database)
    assert newest is not None and newest.path == made
    assert files.future_backups(database) == []


def test_a_backup_written_elsewhere_by_the_cli(database: Path, tmp_path: Path) -> None:
    out = files.back_up_file(database, tmp_path / "copy.db")
    assert out == tmp_path / "copy.db"
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT count(*) FROM tier").fetchone()[0] > 0


def test_the_check_counts_and_verifies_the_open_database() -> None:
    reading = groups.create_group("读书会")
    members.create_member("张三", group_id=reading.id)
    members.create_member("李四")
    assert files.count_memberships() == 1
    files.verify()  # a sound file: no error


def test_a_check_started_early_is_used_by_the_open(tmp_path: Path) -> None:
    files.close_database()
    path = tmp_path / "early.db"
    files.open_community(path)
    files.close_database()
    check = files.start_check(path)
    files.open_community(path, check=check)
    assert Path(db.obj.database) == path
    assert Group.select().count() == 0


def test_a_folder_is_refused_and_a_half_made_database_removed(tmp_path: Path) -> None:
    with pytest.raises(HuoqunError) as caught:
        files.database_path(tmp_path, create=True)
    assert "is a folder" in caught.value.message
    folder = tmp_path / "half"
    folder.mkdir()
    for name in ("half.db", "half.db-wal", "half.db-shm", "other.db"):
        (folder / name).write_bytes(b"x")
    files.remove_database(folder / "half.db")
    assert sorted(p.name for p in folder.iterdir()) == ["other.db"]


def test_full_and_busy_disks_are_told_apart() -> None:
    full = sqlite3.OperationalError("database or disk is full")
    busy = sqlite3.OperationalError("database is locked")
    assert files.disk_full(full) and not files.disk_full(busy)
    assert files.busy(busy) and not files.busy(full)
    assert str(files.disk_full_error()) == "The disk is full; nothing was written."


def test_a_worker_thread_closes_its_own_connection() -> None:
    seen: list[bool] = []

    def work() -> None:
        groups.count_groups()
        seen.append(db.is_closed())
        files.close_thread_connection()
        seen.append(db.is_closed())

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [False, True]
    assert not db.is_closed()  # this thread's connection is untouched


def test_the_early_file_check_loads_no_peewee() -> None:
    """``huoqun`` starts the file check before the rest loads: the service must stay light."""
    code = (
        "import sys\n"
        "from app.core import database\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('peewee', 'playhouse')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
