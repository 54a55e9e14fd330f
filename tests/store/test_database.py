"""Opening the database: pragmas, the migrated schema, and files that must be refused untouched."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import stat
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from peewee import Field, ForeignKeyField, IntegrityError
from playhouse.schema_diff import diff_models

from app.core import clock, groups, members, memberships
from app.core.database import key_functions, open_community
from app.store.database import (
    PRAGMAS,
    DiskFull,
    bulk_transaction,
    close_database,
    database_path,
    open_database,
)
from app.store.file_check import (
    APPLICATION_ID,
    HISTORY_TABLE,
    DatabaseOpenError,
    check_file,
    known_migrations,
)
from app.store.models import ALL_MODELS, Group, Member, UndoLog, db
from tests.small_disk import device, read_only_bind

SIDECARS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class FileState:
    """Everything about a file that a refused open must leave as it was."""

    data: bytes
    mtime_ns: int
    mode: int
    siblings: tuple[str, ...]


def state_of(path: Path) -> FileState:
    info = path.stat()
    return FileState(
        path.read_bytes(),
        info.st_mtime_ns,
        stat.S_IMODE(info.st_mode),
        tuple(sorted(p.name for p in path.parent.iterdir())),
    )


def assert_refused_untouched(path: Path, *fragments: str) -> str:
    """Open ``path`` the way the app does: refused, one-line message, file unchanged."""
    before = state_of(path)
    with pytest.raises(DatabaseOpenError) as caught:
        open_community(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message
    assert state_of(path) == before
    for suffix in SIDECARS:
        assert not path.with_name(path.name + suffix).exists()
    return message


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A folder of its own (the per-test database lives beside it) with nothing open."""
    close_database()
    path = tmp_path / "files"
    path.mkdir()
    yield path
    close_database()


def make_huoqun_db(path: Path, people: int = 0) -> None:
    """A real, closed Huoqun database with ``people`` members spread over many pages."""
    open_community(path)
    with db.atomic():
        group = groups.create_group("深圳跑团")
        for i in range(people):
            member = members.create_member(f"成员{i:04d} " + "长" * 40, notes="备注" * 100)
            memberships.add_membership(member.id, group.id, nickname=f"昵称{i}")
    close_database()
    assert not path.with_name(path.name + "-wal").exists()


# --- pragmas -----------------------------------------------------------------------------


def pragma(name: str) -> object:
    return db.execute_sql(f"PRAGMA {name}").fetchone()[0]


def test_connection_pragmas() -> None:
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == PRAGMAS["busy_timeout"] >= 1000
    assert pragma("secure_delete") == 1
    assert pragma("application_id") == APPLICATION_ID


def test_pragmas_apply_to_every_connection() -> None:
    """A worker thread gets its own connection; it must be set up the same way."""
    seen: dict[str, object] = {}

    def work() -> None:
        for name in ("foreign_keys", "synchronous", "secure_delete", "busy_timeout"):
            seen[name] = pragma(name)
        db.close()

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert seen == {"foreign_keys": 1, "synchronous": 2, "secure_delete": 1, "busy_timeout": 5000}


def test_foreign_keys_are_enforced() -> None:
    with pytest.raises(IntegrityError) as caught:
        Member.create(name="x", sort_key="x", tier=9999, first_seen="2026-01-01")
    assert "FOREIGN KEY" in str(caught.value)


# --- schema ------------------------------------------------------------------------------


def test_every_migration_is_applied_once() -> None:
    applied = [r[0] for r in db.execute_sql(f"SELECT name FROM {HISTORY_TABLE} ORDER BY id")]
    assert applied == known_migrations()
    assert applied[0] == "0001_initial"


def test_models_match_the_migrated_schema() -> None:
    models = [*ALL_MODELS, UndoLog]
    assert not diff_models(db.obj, models), str(diff_models(db.obj, models))
    tables = {
        r[0]
        for r in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    assert tables == {m._meta.table_name for m in models} | {HISTORY_TABLE}
    for model in models:
        table = model._meta.table_name
        info = {r[1]: r for r in db.execute_sql(f"PRAGMA table_info({table})")}
        fields = {f.column_name: f for f in model._meta.sorted_fields}
        assert set(info) == set(fields), table
        for column, field in fields.items():
            not_null, primary = info[column][3], info[column][5]
            if not primary:
                assert bool(not_null) == (not field.null), f"{table}.{column} NOT NULL"
            assert bool(primary) == (field is model._meta.primary_key), f"{table}.{column} PK"


def test_foreign_keys_match_the_models() -> None:
    for model in ALL_MODELS:
        table = model._meta.table_name
        actual = {
            (r[3], r[2], r[4], r[6])  # from, table, to, on_delete
            for r in db.execute_sql(f"PRAGMA foreign_key_list({table})")
        }
        expected = {
            (
                f.column_name,
                f.rel_model._meta.table_name,
                f.rel_field.column_name,
                (f.on_delete or "NO ACTION").upper(),
            )
            for f in model._meta.sorted_fields
            if isinstance(f, ForeignKeyField)
        }
        assert actual == expected, table


def _indexes(table: str) -> set[tuple[tuple[str, ...], bool]]:
    found = set()
    for _, name, unique, *_ in db.execute_sql(f"PRAGMA index_list({table})"):
        columns = tuple(r[2] for r in db.execute_sql(f"PRAGMA index_info('{name}')"))
        found.add((columns, bool(unique)))
    return found


def test_declared_indexes_exist() -> None:
    for model in ALL_MODELS:
        table = model._meta.table_name
        actual = _indexes(table)
        names = {r[1] for r in db.execute_sql(f"PRAGMA index_list({table})")}
        for index in model._meta.fields_to_index():
            if not all(isinstance(part, Field) for part in index._expressions):
                assert index._name in names, (table, index._name)  # on expressions
                continue
            columns = tuple(part.column_name for part in index._expressions)
            assert (columns, bool(index._unique)) in actual, (table, columns)
    # the hot paths of the member table and the groups list
    # covers health and activity
    membership = ("group_id", "left_at", "member_id", "role", "last_spoke_at", "joined_at")
    assert (membership, False) in _indexes("membership")
    assert (("tag", "member_id"), False) in _indexes("member_tag")
    assert (("sort_key",), False) in _indexes("member")
    for column in ("qq", "wechat_id", "phone"):
        assert ((column,), True) in _indexes("member")


# --- files that are not ours -------------------------------------------------------------


def test_random_bytes_are_refused(folder: Path) -> None:
    path = folder / "random.db"
    path.write_bytes(random.Random(7).randbytes(64 * 1024))
    assert_refused_untouched(path, "not a Huoqun database", "not an SQLite file")


def test_a_text_file_is_refused(folder: Path) -> None:
    path = folder / "roster.csv"
    path.write_text("昵称,QQ号\n张三,123456789\n", encoding="utf-8")
    assert_refused_untouched(path, "not an SQLite file")


def test_a_tiny_file_is_refused(folder: Path) -> None:
    path = folder / "tiny.db"
    path.write_bytes(b"SQLite")
    assert_refused_untouched(path, "not an SQLite file")


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_an_sqlite_file_of_another_program_is_refused(folder: Path, journal: str) -> None:
    path = folder / "notes.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO note (body) VALUES (?)", [(f"note {i}",) for i in range(50)])
    conn.commit()
    conn.close()
    assert_refused_untouched(path, "another program")


def test_a_folder_is_refused(folder: Path) -> None:
    path = folder / "a-folder.db"
    path.mkdir()
    with pytest.raises(DatabaseOpenError) as caught:
        open_community(path)
    assert str(path) in str(caught.value)
    assert list(path.iterdir()) == []


# --- damaged files -----------------------------------------------------------------------


def damage(path: Path, pages: int = 3, seed: int = 1) -> None:
    """Overwrite whole pages in the middle of the file with garbage (a bad disk, a bad copy)."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    count = len(data) // page_size
    assert count > 20, "the test needs a file of many pages"
    rng = random.Random(seed)
    for page in range(count // 2, count // 2 + pages):
        data[page * page_size : (page + 1) * page_size] = rng.randbytes(page_size)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_damaged_database_is_refused_untouched(folder: Path, seed: int) -> None:
    path = folder / "damaged.db"
    make_huoqun_db(path, people=400)
    damage(path, seed=seed)
    message = assert_refused_untouched(path, "is damaged", "Restore it from a backup")
    assert "***" not in message


def test_a_truncated_database_is_refused_untouched(folder: Path) -> None:
    path = folder / "truncated.db"
    make_huoqun_db(path, people=400)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert_refused_untouched(path, "is damaged")


def test_check_file_reads_committed_data_still_in_the_wal(folder: Path) -> None:
    """After a crash the newest commits may exist only in the -wal file; the check sees them."""
    path = folder / "live.db"
    make_huoqun_db(path)
    open_database(path, clock.now(), derived=key_functions)
    db.execute_sql("PRAGMA wal_autocheckpoint = 0")
    check_file(path)  # our own open file is fine
    db.execute_sql(f"INSERT INTO {HISTORY_TABLE} (name, applied) VALUES ('0099_future', '2030')")
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    with pytest.raises(DatabaseOpenError) as caught:
        check_file(path)
    assert "0099_future" in str(caught.value)


# --- newer and older -------------------------------------------------------------------


def test_a_database_from_a_newer_huoqun_is_refused_untouched(folder: Path) -> None:
    path = folder / "newer.db"
    make_huoqun_db(path, people=3)
    conn = sqlite3.connect(path)
    conn.execute(
        f"INSERT INTO {HISTORY_TABLE} (name, applied) VALUES ('0099_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    message = assert_refused_untouched(path, "newer version of Huoqun", "0099_future")
    assert "Install the newer version" in message


def test_reopening_keeps_data_and_migrates_nothing_twice(folder: Path) -> None:
    path = folder / "mine.db"
    open_community(path)
    group = groups.create_group("读书会")
    member = members.create_member("张三", qq="123456789")
    memberships.add_membership(member.id, group.id, nickname="三哥")
    close_database()
    assert not path.with_name(path.name + "-wal").exists()

    for _ in range(2):
        open_community(path)
        assert [g.name for g in Group.select()] == ["读书会"]
        assert Member.get(Member.qq == "123456789").name == "张三"
        assert memberships.memberships_of(member.id)[0].nickname == "三哥"
        history = [r[0] for r in db.execute_sql(f"SELECT name FROM {HISTORY_TABLE}")]
        assert history == known_migrations()
        assert db.execute_sql("SELECT COUNT(*) FROM tier").fetchone()[0] == 4
        close_database()


def test_an_empty_file_is_a_new_database(folder: Path) -> None:
    path = folder / "empty.db"
    path.touch()
    open_community(path)
    assert pragma("application_id") == APPLICATION_ID
    assert groups.count_groups() == 0


# --- permissions -------------------------------------------------------------------------


def test_new_database_is_readable_by_the_owner_only(folder: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        path = folder / "new" / "deeper" / "huoqun.db"
        open_community(path)
        groups.create_group("G")  # a write, so the -wal and -shm exist
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        for suffix in ("-wal", "-shm"):
            sidecar = path.with_name(path.name + suffix)
            assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600, suffix
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        os.umask(old_umask)


def test_the_per_test_database_is_owner_only(database: Path) -> None:
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_a_path_with_cjk_spaces_and_uri_characters(folder: Path) -> None:
    path = folder / "我的 社群 #1?%.db"
    open_community(path)
    groups.create_group("读书会")
    close_database()
    check_file(path)
    open_community(path)
    assert [g.name for g in Group.select()] == ["读书会"]


def test_an_existing_database_and_its_companions_become_owner_only(folder: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        path = folder / "shared.db"
        make_huoqun_db(path)
        os.chmod(path, 0o644)  # copied in, or made by an older Huoqun
        open_community(path)
        groups.create_group("G")  # a write, so the -wal and -shm exist
        for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    finally:
        os.umask(old_umask)


# --- paths that name no database to open --------------------------------------------------


def test_a_missing_file_is_created_only_when_asked(folder: Path) -> None:
    path = folder / "typo" / "huoqun.db"
    with pytest.raises(DatabaseOpenError) as caught:
        open_community(path, create=False)
    assert str(caught.value) == f"{path} does not exist; check the path. Nothing was created."
    assert list(folder.iterdir()) == []
    open_community(path)  # the window, demo, an import that writes
    assert path.is_file()


@pytest.mark.parametrize("name", ["", ".", "..", "null", "full", "pipe"])
def test_a_name_that_is_no_file_is_refused_in_one_line(folder: Path, name: str) -> None:
    if name == "pipe":
        name = str(folder / "pipe.db")
        os.mkfifo(name)  # reading it would wait forever
    elif name in ("null", "full"):
        name = str(device(folder, name))
    path = Path(name)
    for create in (False, True):
        with pytest.raises(DatabaseOpenError) as caught:
            database_path(path, create)
        assert "\n" not in str(caught.value)
        assert "folder" in str(caught.value)
    with pytest.raises(DatabaseOpenError):
        check_file(path.resolve())  # the check that starts with the window refuses it too
    if path.is_absolute():
        assert not stat.S_ISREG(os.stat(path).st_mode)


def test_a_read_only_file_is_refused_before_anything_is_written(folder: Path) -> None:
    """Mode 0444: refused even for root, who could write to it; no 0444 -wal/-shm appear."""
    path = folder / "readonly.db"
    make_huoqun_db(path)
    os.chmod(path, 0o444)
    message = assert_refused_untouched(path, "is read-only")
    assert message.endswith("nothing was written.")


@pytest.fixture
def immutable(folder: Path) -> Iterator[Path]:
    """A database file with the immutable attribute: its mode says writable, yet nobody may
    write it, root included (``os.access`` sees it)."""
    path = folder / "immutable.db"
    make_huoqun_db(path)
    if shutil.which("chattr") is None:
        pytest.skip("needs chattr")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("this filesystem has no immutable attribute")
    yield path
    subprocess.run(["chattr", "-i", str(path)], check=True)


def test_an_immutable_file_is_refused(immutable: Path) -> None:
    assert stat.S_IMODE(immutable.stat().st_mode) & 0o200
    assert_refused_untouched(immutable, "is read-only")


def test_a_database_on_a_read_only_mount_is_refused(folder: Path) -> None:
    path = folder / "huoqun.db"
    make_huoqun_db(path)
    with read_only_bind(folder):
        assert_refused_untouched(path, "is read-only")


# --- a full disk ---------------------------------------------------------------------------


def test_a_full_disk_in_a_bulk_write_is_one_line_and_gives_the_space_back(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own cap on the file's size is the full disk here: the same SQLITE_FULL."""
    path = folder / "capped.db"
    make_huoqun_db(path, people=3)
    before = path.read_bytes()
    pages = len(before) // 4096
    monkeypatch.setitem(PRAGMAS, "max_page_count", pages + 30)
    open_community(path)
    groups.create_group("提交了的")  # committed, still in the WAL when the import begins
    with pytest.raises(DiskFull) as caught, bulk_transaction():
        for i in range(3000):
            members.create_member(f"新成员{i:04d}", notes="很长的备注" * 40)
    assert str(caught.value) == "The disk is full; nothing was written."
    assert path.with_name(path.name + "-wal").stat().st_size == 0  # emptied, space given back
    assert Member.select().count() == 3
    assert [g.name for g in Group.select().order_by(Group.id)] == ["深圳跑团", "提交了的"]
