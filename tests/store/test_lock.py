"""One running copy per database, seen from a second process: ``python -m app check``."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import lock
from app.core import groups
from app.core.database import open_community
from app.store.database import close_database
from tests.small_disk import fill, small_disk

REPO = Path(__file__).resolve().parents[2]


def run_check(path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "app", "check", "--db", str(path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The command failed as a person should see it: exit 1, one line on stderr."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert result.stdout == ""
    return lines[0]


def make_database(path: Path) -> Path:
    open_community(path)
    close_database()
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    close_database()
    path = tmp_path / "locking"
    path.mkdir()
    yield path
    close_database()


def test_a_second_copy_is_refused_and_names_the_first(folder: Path) -> None:
    path = make_database(folder / "huoqun.db")
    held = lock.acquire(path)
    try:
        message = one_line_error(run_check(path))
    finally:
        held.unlock()
    assert message.startswith("huoqun: ")
    assert str(path) in message
    assert f"process {os.getpid()}" in message
    assert "already open" in message


def test_a_locked_database_is_not_touched(folder: Path) -> None:
    path = folder / "huoqun.db"
    open_community(path)
    groups.create_group("G")
    close_database()
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    held = lock.acquire(path)
    try:
        one_line_error(run_check(path))
    finally:
        held.unlock()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert not path.with_name(path.name + "-wal").exists()


def test_in_process_second_lock_is_refused(folder: Path) -> None:
    path = folder / "huoqun.db"
    held = lock.acquire(path)
    try:
        with pytest.raises(lock.DatabaseInUse) as caught:
            lock.acquire(path)
        assert f"process {os.getpid()}" in str(caught.value)
    finally:
        held.unlock()
    lock.acquire(path).unlock()  # free again once released
    assert not lock.lock_path(path).exists()


def test_the_lock_is_released_after_a_check(folder: Path) -> None:
    path = make_database(folder / "huoqun.db")
    result = run_check(path)
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout
    assert not lock.lock_path(path).exists()
    lock.acquire(path).unlock()


def test_a_lock_left_by_a_killed_process_is_taken_over(folder: Path) -> None:
    path = make_database(folder / "huoqun.db")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from app import lock; "
            f"held = lock.acquire(Path({str(path)!r})); print('locked', flush=True); "
            "sys.stdin.read()",
        ],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        one_line_error(run_check(path))  # alive: refused
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        assert holder.stdin is not None and holder.stdout is not None
        holder.stdin.close()
        holder.stdout.close()
    assert lock.lock_path(path).exists()  # the crash left its lock behind
    result = run_check(path)
    assert result.returncode == 0, result.stderr
    assert f"{path}: ok" in result.stdout
    assert not lock.lock_path(path).exists()


def _dead_pid() -> int:
    """The id of a process that has exited (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait(timeout=30)
    return proc.pid


def _lock_lines(folder: Path) -> list[str]:
    """The lines QLockFile writes here after the pid: app name, host, machine id, boot id."""
    probe = lock.acquire(folder / "probe.db")
    _pid, *lines = lock.lock_path(folder / "probe.db").read_text().splitlines()
    probe.unlock()
    return lines


def test_a_hand_written_stale_lock_file_is_taken_over(folder: Path) -> None:
    path = make_database(folder / "huoqun.db")
    app_name, host, *_ = _lock_lines(folder)
    pid = _dead_pid()
    lock.lock_path(path).write_text(f"{pid}\n{app_name}\n{host}\n")
    result = run_check(path)
    assert result.returncode == 0, result.stderr
    assert not lock.lock_path(path).exists()


@pytest.mark.parametrize("program", ["sleep", "python"])
def test_a_lock_whose_process_id_now_runs_another_program_is_taken_over(
    folder: Path, program: str
) -> None:
    """The lock's process died and its id went to another program; this machine, this boot.

    Qt itself sees through ``sleep`` (another executable), not through another Python
    program: the lock names "python3.x", which Huoqun run from Python is too. That program
    does not hold the lock file open and locked, so the lock is stale all the same.
    """
    path = make_database(folder / "huoqun.db")
    lines = _lock_lines(folder)  # app name, host, machine id, boot id: all as Huoqun's own
    command = {
        "sleep": ["sleep", "600"],
        "python": [sys.executable, "-c", "import sys; sys.stdin.read()"],
    }[program]
    other = subprocess.Popen(command, stdin=subprocess.PIPE)
    try:
        lock.lock_path(path).write_text("\n".join([str(other.pid), *lines]) + "\n")
        result = run_check(path)
        assert other.poll() is None  # still running: its process id is taken
    finally:
        other.kill()
        other.communicate(timeout=30)
    assert result.returncode == 0, result.stderr
    assert f"{path}: ok" in result.stdout
    assert not lock.lock_path(path).exists()


def test_a_lock_naming_this_live_process_without_holding_it_is_taken_over(folder: Path) -> None:
    path = make_database(folder / "huoqun.db")
    lines = _lock_lines(folder)
    lock.lock_path(path).write_text("\n".join([str(os.getpid()), *lines]) + "\n")
    lock.acquire(path).unlock()  # this process is alive, and not holding that file
    assert not lock.lock_path(path).exists()


def test_every_name_of_one_database_leads_to_one_lock(folder: Path, tmp_path: Path) -> None:
    path = make_database(folder / "huoqun.db")
    link = folder / "link.db"
    link.symlink_to(path.name)
    linked_folder = tmp_path / "elsewhere"
    linked_folder.symlink_to(folder)
    spellings = [link, linked_folder / "huoqun.db", Path(os.path.relpath(path))]
    held = lock.acquire(path)
    try:
        for other in spellings:
            assert lock.lock_path(other) == lock.lock_path(path)
            with pytest.raises(lock.DatabaseInUse):
                lock.acquire(other)
        message = one_line_error(run_check(link))  # another process, through the symlink
        assert "already open" in message
        assert f"process {os.getpid()}" in message
    finally:
        held.unlock()
    assert not lock.lock_path(path).exists()
    for other in spellings:
        lock.acquire(other).unlock()


def test_a_lock_file_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    close_database()
    with small_disk(tmp_path / "disk", 2048) as disk:
        path = make_database(disk / "huoqun.db")
        fill(disk)
        message = one_line_error(run_check(path))
    assert message == (
        f"huoqun: Cannot create the lock file {path}.lock (No space left on device)."
    )


def test_check_on_a_damaged_file_is_one_line(folder: Path) -> None:
    path = folder / "huoqun.db"
    open_community(path)
    for i in range(300):
        groups.create_group(f"群{i:03d} " + "很长的名字" * 10, description="介绍" * 200)
    close_database()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    middle = len(data) // page_size // 2
    rng = random.Random(5)
    for page in range(middle, middle + 3):
        data[page * page_size : (page + 1) * page_size] = rng.randbytes(page_size)
    path.write_bytes(bytes(data))
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    message = one_line_error(run_check(path))
    assert "is damaged" in message
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert not path.with_name(path.name + "-wal").exists()


def test_check_on_a_file_that_is_not_a_database(folder: Path) -> None:
    path = folder / "notes.txt"
    path.write_text("not a database\n")
    message = one_line_error(run_check(path))
    assert "not an SQLite file" in message
    assert path.read_text() == "not a database\n"
