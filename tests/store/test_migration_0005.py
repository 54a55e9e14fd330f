"""Migration 0005: search keys with every reading of the surname, surname sort keys, QQ order."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from playhouse.schema_diff import diff_models

from app.core import clock
from app.core.database import key_functions, open_community
from app.core.member_list import RELEVANCE, MemberFilter, rows_for, search_ids
from app.store.database import close_database, open_database
from app.store.file_check import known_migrations
from app.store.models import ALL_MODELS, Member, MemberSearch, db
from tests.store.migrating import applied, database_at, undo

QQ_INDEXES = {"member_qq_number_ascending", "member_qq_number_descending"}


def make_0004_database(path: Path) -> None:
    """A database as the version before 0005 left it: keys with one reading per character."""
    with database_at(path, "0004_membership_health_index") as database:
        database.execute_sql(
            "INSERT INTO tier (id, rank, name, description, colour)"
            " VALUES (1, 1, '成员', '', '#888')"
        )
        database.execute_sql(
            "INSERT INTO chat_group (id, name, sort_key, platform, platform_id, kind, description,"
            " announcement, archived, created_at) VALUES (1, '读书会', 'du shu hui', 'qq', '',"
            " 'interest', '', '', 0, '2026-01-01 00:00:00')"
        )
        members = (
            (1, "曾小悦", "ceng xiao yue", "9999999", "\x1ecengxiaoyue\x1ecxy\x1exiaoyue\x1exy"),
            (2, "张晓燕", "zhang xiao yan", "123456", "\x1ezhangxiaoyan\x1ezxy\x1exiaoyan\x1exy"),
            (3, "Amy", "amy", None, ""),
        )
        for number, name, sort_key, qq, pinyin in members:
            database.execute_sql(
                "INSERT INTO member (id, name, sort_key, qq, email, city, gender, notes, star,"
                " tier_id, status, status_reason, first_seen) VALUES"
                " (?, ?, ?, ?, '', '', '', '', 0, 1, 'active', '', '2026-01-01 00:00:00')",
                (number, name, sort_key, qq),
            )
            database.execute_sql(
                "INSERT INTO member_search (member_id, text, pinyin) VALUES (?, ?, ?)",
                (number, name.lower(), pinyin),
            )
        database.execute_sql(
            "INSERT INTO membership (member_id, group_id, nickname, role)"
            " VALUES (3, 1, '小悦的朋友', 'member')"
        )


def indexes(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[1] for r in conn.execute("PRAGMA index_list(member)")}


def names(ids: list[int]) -> list[str]:
    by_id = {m.id: m.name for m in Member.select()}
    return [by_id[i] for i in ids]


def test_0005_is_shipped_after_0004() -> None:
    assert known_migrations()[:5] == [
        "0001_initial",
        "0002_suggestion_dismissal",
        "0003_task_reminded_for",
        "0004_membership_health_index",
        "0005_member_search_readings",
    ]


def test_a_0004_database_gets_keys_for_every_reading_and_surname_sort_keys(
    tmp_path: Path,
) -> None:
    close_database()
    path = tmp_path / "old.db"
    make_0004_database(path)
    assert not indexes(path) & QQ_INDEXES
    open_community(path)
    assert applied(path) == known_migrations()
    assert not diff_models(db.obj, ALL_MODELS)
    assert indexes(path) >= QQ_INDEXES
    assert Member.get_by_id(1).sort_key == "zeng xiao yue"  # 曾 as a surname
    assert MemberSearch.get_by_id(1).lead.split("\x1e")[1:] == [
        "zengxiaoyue",
        "zxy",
        "cengxiaoyue",
        "cxy",
    ]
    assert "xiaoyuedepengyou" in MemberSearch.get_by_id(3).pinyin  # a nickname's pinyin
    # found by the surname reading, the whole name in pinyin first, zeng before zhang
    assert names(search_ids(MemberFilter(text="zxy"), RELEVANCE)) == ["曾小悦", "张晓燕"]
    assert names(search_ids(MemberFilter(text="zengxiaoyue"))) == ["曾小悦"]
    # the middle of a name and a nickname rank the same: name order
    assert names(search_ids(MemberFilter(text="xiaoyue"), RELEVANCE)) == ["Amy", "曾小悦"]
    assert rows_for([3], "xiaoyue")[3].matched == "nickname"
    assert names(search_ids(MemberFilter(), "qq")) == ["张晓燕", "曾小悦", "Amy"]


def test_0005_can_be_undone_and_applied_again(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    make_0004_database(path)
    open_database(path, clock.now(), derived=key_functions)
    close_database()
    assert undo(path, "0005_member_search_readings")[-1] == "0005_member_search_readings"
    assert not indexes(path) & QQ_INDEXES
    with closing(sqlite3.connect(path)) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(member_search)")]
    assert columns == ["member_id", "text", "pinyin"]
    open_database(path, clock.now(), derived=key_functions)
    assert indexes(path) >= QQ_INDEXES
    assert not diff_models(db.obj, ALL_MODELS)
    assert MemberSearch.get_by_id(2).lead.startswith("\x1ezhangxiaoyan")
