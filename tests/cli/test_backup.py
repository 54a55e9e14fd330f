"""``huoqun backup [OUT]`` and ``huoqun check``, run as a person runs them."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from app import lock
from app.core import groups, members, memberships
from app.core.database import open_community
from app.store.database import close_database
from tests.cli.test_main import huoqun


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables that hold people and groups."""
    with closing(sqlite3.connect(path)) as conn:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in ("chat_group", "member", "membership", "member_tag", "member_search")
        }


@pytest.fixture
def community(database: Path) -> Path:
    """The per-test database with two groups and three people, closed for the command."""
    run, read = groups.create_group("跑团"), groups.create_group("读书会")
    for i, city in enumerate(("深圳", "广州", "上海")):
        person = members.create_member(f"成员{i}", qq=f"1234567{i}", city=city, tags=["老友"])
        memberships.add_membership(person.id, run.id, nickname=f"跑友{i}")
        if i:
            memberships.add_membership(person.id, read.id)
    close_database()
    return database


def assert_one_line_error(result: object, *fragments: str) -> None:
    assert result.returncode == 1, result.stderr  # type: ignore[attr-defined]
    assert result.stdout == ""  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, lines
    assert lines[0].startswith("huoqun: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_backup_goes_to_the_backups_folder_owner_only(community: Path) -> None:
    result = huoqun("backup", "--db", str(community))
    assert result.returncode == 0, result.stderr
    made = Path(result.stdout.strip())
    assert made.parent == community.parent / "backups"
    assert made.name.startswith("huoqun-") and made.name.endswith("-manual.db")
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    assert rows(made) == rows(community)
    assert len(rows(made)["membership"]) == 5
    with closing(sqlite3.connect(made)) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_backup_to_a_file_or_a_folder(community: Path, tmp_path: Path) -> None:
    out = tmp_path / "U盘" / "活群 备份.db"
    out.parent.mkdir()
    result = huoqun("backup", str(out), "--db", str(community))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert rows(out) == rows(community)
    assert not (community.parent / "backups").exists()  # OUT is not in the retention

    again = huoqun("backup", str(out), "--db", str(community))
    assert_one_line_error(again, str(out), "already exists")
    assert rows(out) == rows(community)

    into_folder = huoqun("backup", str(out.parent), "--db", str(community))
    assert into_folder.returncode == 0, into_folder.stderr
    made = Path(into_folder.stdout.strip())
    assert made.parent == out.parent and made.name.endswith("-manual.db")
    assert sorted(p.name for p in out.parent.iterdir()) == sorted([out.name, made.name])


def test_backup_of_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "missing.db"
    result = huoqun("backup", "--db", str(path))
    assert_one_line_error(result, str(path), "nothing to back up")
    assert not path.parent.exists()


def test_check_reports_counts_and_the_newest_backup(community: Path) -> None:
    first = huoqun("check", "--db", str(community))
    assert first.returncode == 0, first.stderr
    expected = f"{community}: ok — 2 groups, 3 members, 5 memberships; no backup yet"
    assert first.stdout.strip() == expected
    assert huoqun("backup", "--db", str(community)).returncode == 0
    second = huoqun("check", "--db", str(community))
    assert second.stdout.strip().endswith("; newest backup 0 min old")


def test_check_finds_an_index_that_quick_check_misses(community: Path) -> None:
    with closing(sqlite3.connect(community)) as conn:
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            'UPDATE sqlite_master SET sql = \'CREATE INDEX "member_city" ON "member" ("name")\''
            " WHERE name = 'member_city'"
        )
        conn.commit()
    with closing(sqlite3.connect(community)) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    result = huoqun("check", "--db", str(community))
    assert_one_line_error(result, str(community), "is damaged", "member_city")


def test_check_finds_links_that_point_nowhere(community: Path) -> None:
    with closing(sqlite3.connect(community)) as conn:
        conn.execute("INSERT INTO member_tag (member_id, tag) VALUES (999, '孤儿')")
        conn.commit()
    result = huoqun("check", "--db", str(community))
    assert_one_line_error(result, str(community), "point nowhere", "member_tag")


def test_check_refuses_a_damaged_file_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    before = path.read_bytes()
    result = huoqun("check", "--db", str(path))
    assert_one_line_error(result, str(path))
    assert path.read_bytes() == before


def test_backup_runs_while_the_window_has_the_database_open(community: Path) -> None:
    """The window holds the lock and writes; an online backup reads beside it."""
    open_community(community)
    held = lock.acquire(community)
    try:
        groups.create_group("窗口里刚建的群")  # committed, still in the WAL
        result = huoqun("backup", "--db", str(community))
        assert result.returncode == 0, result.stderr
        made = Path(result.stdout.strip())
        assert rows(made) == rows(community)
        assert "窗口里刚建的群" in {row[1] for row in rows(made)["chat_group"]}
        assert lock.lock_path(community).exists()  # still the window's
    finally:
        held.unlock()
        close_database()


def test_backup_of_a_read_only_database_works(community: Path) -> None:
    os.chmod(community, 0o444)
    result = huoqun("backup", "--db", str(community))
    assert result.returncode == 0, result.stderr
    assert rows(Path(result.stdout.strip())) == rows(community)
    assert sorted(p.name for p in community.parent.iterdir()) == ["backups", "huoqun.db"]


def test_backups_through_a_symlink_are_the_real_files(community: Path, tmp_path: Path) -> None:
    link = tmp_path / "elsewhere" / "快捷方式.db"
    link.parent.mkdir()
    link.symlink_to(community)
    result = huoqun("backup", "--db", str(link))
    assert result.returncode == 0, result.stderr
    made = Path(result.stdout.strip())
    assert made.parent == community.parent / "backups"  # where the retention looks
    assert made.name.startswith("huoqun-")  # named after the real file
    assert not (link.parent / "backups").exists()
    check = huoqun("check", "--db", str(link))
    assert check.stdout.strip().endswith("; newest backup 0 min old")


def test_a_backup_dated_in_the_future_is_reported_not_counted(community: Path) -> None:
    folder = community.parent / "backups"
    folder.mkdir()
    future = folder / "huoqun-20991231-235959-daily.db"
    shutil.copy(community, future)
    result = huoqun("check", "--db", str(community))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(
        "; no backup yet; 1 backup dated in the future, not counted: " + future.name
    )
