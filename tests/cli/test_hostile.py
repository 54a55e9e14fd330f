"""The command line on hostile paths and disks: one line, exit 1, nothing made or left behind."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli
from app.core import groups, members, memberships
from app.core.database import open_community
from app.store.database import PRAGMAS, close_database
from tests.cli.test_backup import assert_one_line_error
from tests.cli.test_main import huoqun
from tests.conftest import SHARED_DATA
from tests.small_disk import device, fill, small_disk

QQ = SHARED_DATA / "rosters" / "qq-group-export-gbk.csv"
LATER = SHARED_DATA / "rosters" / "qq-group-export-later-gbk.csv"


def commands(db: str, out: Path) -> dict[str, list[str]]:
    return {
        "check": ["check", "--db", db],
        "health": ["health", "--db", db],
        "backup": ["backup", "--db", db],
        "export": ["export", "roster", str(out), "--db", db],
        "dry-run": ["import", str(QQ), "--group", "G", "--dry-run", "--db", db],
    }


@pytest.mark.parametrize("command", ["check", "health", "backup", "export", "dry-run"])
def test_a_mistyped_path_is_refused_and_nothing_is_made(tmp_path: Path, command: str) -> None:
    space = tmp_path / "space"
    space.mkdir()
    typo = space / "typo" / "huoqun.db"
    result = huoqun(*commands(str(typo), space / "out.csv")[command])
    assert_one_line_error(result, str(typo), "does not exist")
    assert list(space.iterdir()) == []


@pytest.mark.parametrize("command", ["check", "health", "backup", "export", "dry-run", "demo"])
def test_an_empty_db_path_is_one_line(tmp_path: Path, command: str) -> None:
    argv = {**commands("", tmp_path / "out.csv"), "demo": ["demo", "--db", ""]}[command]
    result = huoqun(*argv)
    assert_one_line_error(result)
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.csv").exists()


@pytest.fixture
def community(database: Path) -> Path:
    group = groups.create_group("读书会")
    for i in range(3):
        person = members.create_member(f"成员{i}", phone=f"1380013800{i}")
        memberships.add_membership(person.id, group.id)
    close_database()
    return database


def sidecars(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def test_a_read_only_database_is_refused_in_one_line(community: Path) -> None:
    os.chmod(community, 0o444)
    before = community.read_bytes()
    for argv in (["check"], ["import", str(QQ), "--group", "G"], ["demo"]):
        result = huoqun(*argv, "--db", str(community))
        assert_one_line_error(result, str(community), "is read-only")
    assert community.read_bytes() == before
    assert sidecars(community) == []  # no 0444 -wal/-shm left behind
    assert stat.S_IMODE(community.stat().st_mode) == 0o444


def test_a_mode_0644_database_becomes_owner_only(community: Path) -> None:
    os.chmod(community, 0o644)
    assert huoqun("check", "--db", str(community)).returncode == 0
    assert stat.S_IMODE(community.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", ["full", "null", "folder"])
def test_an_export_never_replaces_a_device_or_a_folder(
    community: Path, tmp_path: Path, kind: str
) -> None:
    if kind == "folder":
        target = str(tmp_path / "a folder")
        os.mkdir(target)
    else:
        target = str(device(tmp_path, kind))
    before = os.stat(target)
    result = huoqun("export", "roster", target, "--db", str(community))
    assert_one_line_error(result, target, "is not a regular file")
    after = os.stat(target)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (
        before.st_mode,
        before.st_ino,
        before.st_rdev,
    )


def test_an_export_writes_through_a_symlink(community: Path, tmp_path: Path) -> None:
    real = tmp_path / "real roster.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real.name)
    result = huoqun("export", "roster", str(link), "--db", str(community))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert "成员0" in real.read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith((".csv", ".part"))) == [
        "link.csv",
        "real roster.csv",
    ]


# --- a full disk ---------------------------------------------------------------------------


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    close_database()
    with small_disk(tmp_path / "disk", 3072) as folder:
        yield folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_demo_on_a_full_disk_is_one_line_and_leaves_nothing(disk: Path) -> None:
    path = disk / "huoqun.db"
    result = huoqun("demo", "--members", "20000", "--groups", "20", "--db", str(path))
    assert_one_line_error(result)
    assert result.stderr == "huoqun: The disk is full; nothing was written.\n"
    assert list(disk.iterdir()) == []  # the new database is gone, and its WAL with it


def test_an_import_on_a_full_disk_gives_the_space_back(disk: Path) -> None:
    path = disk / "huoqun.db"
    assert huoqun("import", str(QQ), "--group", "G", "--db", str(path)).returncode == 0
    before = digest(path)
    # room for the import's backup (the size of the database, and a little), not for the import
    fill(disk, leave_kib=path.stat().st_size // 1024 + 80)
    result = huoqun("import", str(LATER), "--group", "G2", "--db", str(path))
    assert result.returncode == 1
    assert result.stderr == "huoqun: The disk is full; nothing was written.\n"
    assert digest(path) == before
    assert sidecars(path) == []  # no WAL left filling the disk
    after = huoqun("check", "--db", str(path))  # and the next command can take the lock
    assert after.returncode == 0, after.stderr


def test_a_capped_import_in_process_is_one_line(
    community: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same through SQLite's own size cap, where no small disk can be mounted."""
    before = digest(community)
    monkeypatch.setitem(PRAGMAS, "max_page_count", len(community.read_bytes()) // 4096 + 20)
    old_umask = os.umask(0o022)
    try:
        code = cli.main(["import", str(QQ), "--group", "新群", "--db", str(community)])
    finally:
        os.umask(old_umask)
    assert code == 1
    assert capsys.readouterr().err == "huoqun: The disk is full; nothing was written.\n"
    assert digest(community) == before
    open_community(community)  # what the import wrote was rolled back, the rest is there
    assert [g.name for g in groups.list_groups()] == ["读书会"]


def test_another_program_writing_to_the_file_is_one_line(community: Path) -> None:
    """A database browser holds a write lock past the busy timeout: no traceback."""
    before = digest(community)
    other = sqlite3.connect(community, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        result = huoqun("import", str(QQ), "--group", "G", "--db", str(community))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.returncode == 1
    assert result.stderr == (
        f"huoqun: {community} is busy: another program is writing to it; nothing was written.\n"
    )
    assert digest(community) == before
