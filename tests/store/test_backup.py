"""Backups: the online backup API, checks, owner-only files, retention, restore, migrations."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import stat
import threading
from collections.abc import Callable
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.core import clock, groups, members, memberships
from app.core.database import key_functions, open_community
from app.store import backup, file_check
from app.store.backup import (
    BackupError,
    RestoreRefused,
    backup_dir,
    backup_if_stale,
    list_backups,
    make_backup,
    prune,
    restore,
)
from app.store.database import close_database, open_database
from app.store.file_check import APPLICATION_ID, HISTORY_TABLE, DatabaseOpenError, check_file
from app.store.models import Group, Member, db

NOW = datetime(2026, 3, 14, 9, 30)
SHIPPED = file_check.known_migrations()  # the migrations this version ships


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the file at ``path``, as a fresh reader sees it."""
    with closing(sqlite3.connect(path)) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}


def fill(people: int = 30) -> None:
    """A community big enough to span many pages."""
    with db.atomic():
        group = groups.create_group("深圳跑团")
        for i in range(people):
            member = members.create_member(
                f"成员{i:03d}", qq=str(100000 + i), tags=["跑步"], notes="备注" * 50
            )
            memberships.add_membership(member.id, group.id, nickname=f"昵称{i}")


def names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM chat_group ORDER BY name")]


def damage(path: Path, seed: int = 1) -> None:
    """Overwrite three pages in the middle of the file with garbage."""
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    count = len(data) // page_size
    assert count > 20, "the test needs a file of many pages"
    rng = random.Random(seed)
    for page in range(count // 2, count // 2 + 3):
        data[page * page_size : (page + 1) * page_size] = rng.randbytes(page_size)
    path.write_bytes(bytes(data))


# --- making a backup ---------------------------------------------------------------------


def test_a_backup_holds_the_committed_data_while_another_connection_writes(
    database: Path,
) -> None:
    fill()
    committed = snapshot(database)
    with closing(sqlite3.connect(database, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO chat_group (name, sort_key, platform, platform_id, kind, description,"
            " announcement, archived, created_at) VALUES"
            " ('未提交', 'wei ti jiao', 'qq', '', 'other', '', '', 0, '2026-01-01')"
        )
        writer.execute("DELETE FROM member_tag")
        path = make_backup("manual", NOW)
        writer.execute("ROLLBACK")
    assert snapshot(path) == committed
    assert committed["member"] and committed["member_tag"] and committed["membership"]
    assert "未提交" not in names(path)


def test_a_backup_under_way_holds_the_state_of_when_it_began(database: Path) -> None:
    fill()
    committed = snapshot(database)

    class CommitFirst(threading.Event):
        """The worst moment for a commit: the backup's state just fixed, nothing copied."""

        def set(self) -> None:
            if self.is_set():
                return
            with closing(sqlite3.connect(database, isolation_level=None)) as writer:
                writer.execute("DELETE FROM member_tag")
                writer.execute(
                    "INSERT INTO chat_group (name, sort_key, platform, platform_id, kind,"
                    " description, announcement, archived, created_at) VALUES"
                    " ('之后', 'zhi hou', 'qq', '', 'other', '', '', 0, '2026-01-01')"
                )
            super().set()

    under_way = backup.BackupUnderWay("import", NOW)
    under_way._begun = CommitFirst()
    with under_way:
        pass
    assert under_way.path.exists() and snapshot(under_way.path) == committed
    assert committed["member_tag"] and "之后" not in names(under_way.path)
    assert "之后" in names(database)


def test_a_backup_passes_quick_check_is_self_contained_and_owner_only(database: Path) -> None:
    fill(5)
    old_umask = os.umask(0o022)
    try:
        path = make_backup("manual", NOW)
    finally:
        os.umask(old_umask)
    assert path == database.parent / "backups" / "huoqun-20260314-093000-manual.db"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no -wal, no leftovers
    check_file(path)
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert snapshot(path) == snapshot(database)


def test_a_backup_that_fails_its_check_is_deleted_with_a_clear_message(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup, "quick_check", lambda conn: ["row 7 missing from index x"])
    with pytest.raises(BackupError) as caught:
        make_backup("import", NOW)
    message = str(caught.value)
    assert "failed its check (row 7 missing from index x)" in message
    assert "huoqun-20260314-093000-import.db" in message
    assert list((database.parent / "backups").iterdir()) == []


def test_two_backups_in_one_second_both_stay_newest_first(database: Path) -> None:
    first = make_backup("import", NOW)
    second = make_backup("import", NOW)
    third = make_backup("bulk", NOW + timedelta(seconds=1))
    assert second.name == "huoqun-20260314-093000-import-2.db"
    found = list_backups(database)
    assert [b.path for b in found] == [third, second, first]
    assert [(b.made_at, b.reason) for b in found] == [
        (NOW + timedelta(seconds=1), "bulk"),
        (NOW, "import"),
        (NOW, "import"),
    ]
    assert found[0].size == third.stat().st_size > 0


def test_other_files_in_the_backups_folder_are_left_alone(database: Path) -> None:
    folder = backup_dir(database)
    strangers = [
        "notes.txt",
        "other-20200101-000000-daily.db",  # another database's backup
        "huoqun-20209999-000000-daily.db",  # not a time
        "huoqun-20200101-000000-Daily.db",
    ]
    for name in strangers:
        (folder / name).write_bytes(b"x")
    assert list_backups(database) == []
    make_backup("manual", NOW)
    assert prune(database, NOW + timedelta(days=900)) == []
    assert all((folder / name).exists() for name in strangers)


def test_a_reason_must_be_a_plain_word(database: Path) -> None:
    for reason in ("", "../x", "Import", "a b", "x-"):
        with pytest.raises(ValueError):
            make_backup(reason, NOW)


def test_an_unwritable_backups_folder_is_a_clear_error(database: Path) -> None:
    (database.parent / "backups").write_text("a file where the folder should be")
    with pytest.raises(BackupError) as caught:
        make_backup("manual", NOW)
    assert "Backups cannot be written in" in str(caught.value)


# --- retention ---------------------------------------------------------------------------


def touch_backup(folder: Path, moment: datetime, reason: str) -> None:
    (folder / f"huoqun-{moment:%Y%m%d-%H%M%S}-{reason}.db").write_bytes(b"")


def test_retention_over_a_year_keeps_exactly_the_anki_buckets(database: Path) -> None:
    folder = backup_dir(database)
    day = datetime(2025, 3, 14, 9, 0)
    while day <= NOW:
        touch_backup(folder, day, "daily")
        day += timedelta(days=1)
    for d in range(9, 14):  # an import each afternoon of the last days
        touch_backup(folder, datetime(2026, 3, d, 15, 0), "import")

    deleted = prune(database, NOW)

    kept = [(b.made_at, b.reason) for b in list_backups(database)]
    at9, at15 = (9, 0), (15, 0)
    recent = [
        ((2026, 3, 14, *at9), "daily"),
        ((2026, 3, 13, *at15), "import"),
        ((2026, 3, 13, *at9), "daily"),
        ((2026, 3, 12, *at15), "import"),  # 42.5 h old; 03-12 09:00 is 48.5 h old
    ]
    daily = [((2026, 3, d, *at15), "import") for d in (11, 10, 9)]
    daily += [((2026, 3, d, *at9), "daily") for d in range(8, 0, -1)]
    daily += [((2026, 2, 28, *at9), "daily")]  # a Saturday: its week ends 03-01
    weekly = [  # the Sunday ending each earlier ISO week
        ((2026, 2, 22, *at9), "daily"),
        ((2026, 2, 15, *at9), "daily"),
        ((2026, 2, 8, *at9), "daily"),
        ((2026, 2, 1, *at9), "daily"),
        ((2026, 1, 25, *at9), "daily"),
        ((2026, 1, 18, *at9), "daily"),
        ((2026, 1, 11, *at9), "daily"),
        ((2026, 1, 4, *at9), "daily"),
        ((2025, 12, 28, *at9), "daily"),
        ((2025, 12, 21, *at9), "daily"),
    ]
    monthly = [  # the last day of each earlier month
        ((2025, m, d, *at9), "daily")
        for m, d in ((11, 30), (10, 31), (9, 30), (8, 31), (7, 31), (6, 30), (5, 31), (4, 30))
    ] + [((2025, 3, 31, *at9), "daily")]
    expected = [(datetime(*t), r) for t, r in recent + daily + weekly + monthly]
    assert kept == expected
    assert len(kept) == 4 + 12 + 10 + 9
    assert len(deleted) == 366 + 5 - len(kept)
    assert prune(database, NOW) == []  # stable: nothing more to drop at the same moment


def test_retention_counts_local_days(database: Path, zone: Callable[[str], None]) -> None:
    """At UTC+8 a backup made at 23:30 UTC is one of the next day's (07:30 local)."""
    zone("Asia/Shanghai")
    folder = backup_dir(database)
    evening_1st = datetime(2026, 3, 1, 10, 0)  # 18:00 on the 1st, local
    morning_2nd = datetime(2026, 3, 1, 23, 30)  # 07:30 on the 2nd, local
    evening_2nd = datetime(2026, 3, 2, 10, 0)  # 18:00 on the 2nd, local
    for moment in (evening_1st, morning_2nd, evening_2nd):
        touch_backup(folder, moment, "daily")
    prune(database, NOW)
    assert [b.made_at for b in list_backups(database)] == [evening_2nd, evening_1st]


def test_retention_in_use_keeps_a_year_of_history_in_few_files(database: Path) -> None:
    """A backup every start, twice a day for 400 days, pruned as it goes by the real backups."""
    start = datetime(2025, 1, 1, 8, 0)
    for half_days in range(800):
        moment = start + timedelta(hours=12 * half_days)
        backup_if_stale(moment)
        if half_days % 40 == 0:
            make_backup("import", moment + timedelta(hours=1))
    end = start + timedelta(hours=12 * 799)
    kept = list_backups(database)
    older = [b for b in kept if end - b.made_at >= timedelta(days=2)]
    assert len(older) == 12 + 10 + 9
    assert len({clock.local_date(b.made_at) for b in older}) == len(older)
    assert end - kept[-1].made_at > timedelta(days=300)
    assert len(kept) <= 3 + 12 + 10 + 9


def test_backup_if_stale_makes_one_a_day(database: Path) -> None:
    first = backup_if_stale(NOW)
    assert first is not None and first.name.endswith("-daily.db")
    assert backup_if_stale(NOW + timedelta(hours=23)) is None
    make_backup("import", NOW + timedelta(hours=30))
    assert backup_if_stale(NOW + timedelta(hours=50)) is None  # the import counts
    later = backup_if_stale(NOW + timedelta(hours=55))
    assert later is not None and later != first
    assert [b.reason for b in list_backups(database)] == ["daily", "import", "daily"]


# --- restore -----------------------------------------------------------------------------


def test_restore_brings_the_data_back_and_keeps_the_state_it_replaced(database: Path) -> None:
    fill(20)
    saved = make_backup("manual", NOW)
    groups.create_group("后来的群")
    renamed = Member.select().order_by(Member.id).first()
    members.update_member(renamed.id, name="改过的名字")
    changed = snapshot(database)

    before = restore(saved, NOW + timedelta(minutes=5))

    # the models see the restored data at once, through the open connection
    assert [g.name for g in Group.select()] == ["深圳跑团"]
    assert Member.get_by_id(renamed.id).name == "成员000"
    assert members.count_members() == 20
    assert before.name == "huoqun-20260314-093500-before-restore.db"
    assert snapshot(before) == changed
    assert db.execute_sql("PRAGMA quick_check").fetchone()[0] == "ok"
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    # the file itself holds the restored data: it survives a close and a fresh open
    close_database()
    assert snapshot(database) == snapshot(saved)
    open_community(database)
    assert names(database) == ["深圳跑团"]
    groups.create_group("恢复后新建")
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_from_a_file_outside_the_backups_folder(database: Path, tmp_path: Path) -> None:
    fill(3)
    outside = backup.copy_to(tmp_path / "我的 备份 #1.db", NOW)
    groups.create_group("之后")
    restore(outside, NOW)
    assert [g.name for g in Group.select()] == ["深圳跑团"]


@pytest.mark.parametrize(
    ("spoil", "fragment"),
    [
        ("damage", "is damaged"),
        ("truncate", "is damaged"),
        ("empty", "is not a Huoqun backup"),
        ("text", "not an SQLite file"),
        ("foreign", "another program"),
        ("missing", "is not a file"),
    ],
)
def test_a_bad_backup_is_refused_and_the_live_database_is_untouched(
    database: Path, tmp_path: Path, spoil: str, fragment: str
) -> None:
    fill(300)
    bad = tmp_path / "bad.db"
    shutil.copyfile(make_backup("manual", NOW), bad)
    if spoil == "damage":
        damage(bad)
    elif spoil == "truncate":
        bad.write_bytes(bad.read_bytes()[: bad.stat().st_size // 2])
    elif spoil == "empty":
        bad.write_bytes(b"")
    elif spoil == "text":
        bad.write_text("name,phone\n张三,13800138000\n", encoding="utf-8")
    elif spoil == "foreign":
        bad.unlink()
        with closing(sqlite3.connect(bad)) as conn:
            conn.execute("CREATE TABLE notes (text TEXT)")
    else:
        bad.unlink()
    live = snapshot(database)
    backups_before = list_backups(database)

    with pytest.raises((RestoreRefused, DatabaseOpenError)) as caught:
        restore(bad, NOW + timedelta(hours=1))

    message = str(caught.value)
    assert fragment in message and str(bad) in message and "\n" not in message
    assert snapshot(database) == live
    assert list_backups(database) == backups_before  # no before-restore backup either
    assert members.count_members() == 300


def test_a_database_from_a_newer_huoqun_is_not_restored(database: Path) -> None:
    newer = make_backup("manual", NOW)
    with closing(sqlite3.connect(newer)) as conn, conn:
        conn.execute(f"INSERT INTO {HISTORY_TABLE} (name, applied) VALUES ('0099_x', '2030')")
    with pytest.raises(DatabaseOpenError) as caught:
        restore(newer, NOW)
    assert "newer version of Huoqun" in str(caught.value)


def test_the_open_database_cannot_be_restored_onto_itself(database: Path) -> None:
    with pytest.raises(RestoreRefused) as caught:
        restore(database, NOW)
    assert "is the open database itself" in str(caught.value)


# --- migrations --------------------------------------------------------------------------


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped migrations plus a trivial 0002, as a later version of Huoqun would have."""
    folder = tmp_path / "migrations"
    folder.mkdir()
    for source in file_check.MIGRATIONS_DIR.glob("[0-9]*.py"):
        shutil.copy(source, folder / source.name)
    (folder / "0999_extra.py").write_text(
        "def up(migrator, db):\n"
        "    db.execute_sql('CREATE TABLE extra_note (id INTEGER PRIMARY KEY, text TEXT)')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(file_check, "MIGRATIONS_DIR", folder)
    return folder


def applied(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute(f"SELECT name FROM {HISTORY_TABLE} ORDER BY id")]


def test_an_existing_database_is_backed_up_before_a_migration(
    database: Path, newer_migrations: Path
) -> None:
    fill(4)
    close_database()
    open_database(database, clock.now(), derived=key_functions)
    found = list_backups(database)
    assert [b.reason for b in found] == ["migration"]
    assert applied(found[0].path) == SHIPPED
    assert len(snapshot(found[0].path)["member"]) == 4
    assert applied(database) == [*SHIPPED, "0999_extra"]
    close_database()
    open_database(database, clock.now(), derived=key_functions)  # nothing pending: no second backup
    assert len(list_backups(database)) == 1


def test_a_new_database_needs_no_migration_backup(tmp_path: Path, newer_migrations: Path) -> None:
    path = tmp_path / "new" / "fresh.db"
    open_database(path, clock.now(), derived=key_functions)
    assert applied(path) == [*SHIPPED, "0999_extra"]
    assert not (path.parent / "backups").exists()


def test_no_migration_runs_without_its_backup(database: Path, newer_migrations: Path) -> None:
    close_database()
    (database.parent / "backups").write_text("a file where the folder should be")
    with pytest.raises(BackupError):
        open_database(database, clock.now(), derived=key_functions)
    assert db.is_closed()
    assert applied(database) == SHIPPED


def test_restoring_a_backup_from_before_a_migration_migrates_it(
    database: Path, newer_migrations: Path
) -> None:
    fill(2)
    close_database()
    open_database(database, clock.now(), derived=key_functions)
    (old,) = list_backups(database)
    assert applied(old.path) == SHIPPED
    groups.create_group("迁移之后")

    restore(old.path, NOW)

    assert applied(database) == [*SHIPPED, "0999_extra"]
    assert db.execute_sql("SELECT count(*) FROM extra_note").fetchone()[0] == 0
    assert [g.name for g in Group.select()] == ["深圳跑团"]
    assert sorted(b.reason for b in list_backups(database)) == ["before-restore", "migration"]


# --- hostile backups folders ---------------------------------------------------------------


def test_a_backup_dated_in_the_future_does_not_stop_the_daily_backups(database: Path) -> None:
    folder = backup_dir(database)
    touch_backup(folder, NOW + timedelta(days=400), "daily")  # made while the clock was wrong
    daily = backup_if_stale(NOW)
    assert daily is not None and daily.name.endswith("-daily.db")
    assert backup.newest_backup(database, NOW) == list_backups(database)[1]
    assert [b.made_at for b in backup.future_backups(database, NOW)] == [NOW + timedelta(days=400)]
    for days in range(1, 40):  # more than a month of daily backups later, pruned as they go
        assert backup_if_stale(NOW + timedelta(days=days, minutes=days)) is not None
    assert backup.future_backups(database, NOW)  # never dropped: not ours to judge


def test_a_backups_folder_that_is_a_symlink_keeps_its_own_mode(
    database: Path, tmp_path: Path
) -> None:
    chosen = tmp_path / "another disk"
    chosen.mkdir(mode=0o755)
    os.chmod(chosen, 0o755)
    (database.parent / "backups").symlink_to(chosen)
    made = make_backup("manual", NOW)
    assert made.parent.resolve() == chosen
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o755
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
