"""Migration 0012: the remembered roster imports (issue #19), and the search rows of members
with a Telegram or Discord id written again so the member search finds them by it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from playhouse.schema_diff import diff_models

from app.core import clock
from app.core.database import key_functions, open_community
from app.core.member_list import MemberFilter, search_ids
from app.store.database import close_database, open_database
from app.store.file_check import known_migrations
from app.store.models import ALL_MODELS, db
from tests.store.migrating import undo


def tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_members_with_a_telegram_or_discord_id_are_found_by_it_after_0012(
    database: Path,
) -> None:
    close_database()
    undo(database, "0012_roster_import")  # back to 0011, as the last version left it
    with closing(sqlite3.connect(database)) as old:
        old.execute(
            "INSERT INTO member (id, name, sort_key, email, city, gender, notes, star, tier_id,"
            " status, status_reason, telegram_id, discord_id, first_seen)"
            " VALUES (7, '张三', 'zhang san', '', '', '', '', 0, 4, 'active', '', '6232865096',"
            " '822222222722609098', '2026-01-01 00:00:00')"
        )
        old.execute(  # as 0011's chat import left it: the ids not in the search text
            "INSERT INTO member_search (member_id, text, pinyin, lead) VALUES (7, '张三', '', '')"
        )
        old.commit()
    path = database
    open_community(path)
    assert "roster_import" in tables(path)
    assert not diff_models(db.obj, ALL_MODELS)
    assert search_ids(MemberFilter(text="6232865096")) == [7]
    assert search_ids(MemberFilter(text="822222222722609098")) == [7]


def test_0012_can_be_undone_and_applied_again(database: Path) -> None:
    close_database()
    later = known_migrations()[known_migrations().index("0012_roster_import") :]
    assert undo(database, "0012_roster_import") == later[::-1]  # the later ones first
    assert "roster_import" not in tables(database) and "member" in tables(database)
    open_database(database, clock.now(), derived=key_functions)
    assert "roster_import" in tables(database)
    assert not diff_models(db.obj, ALL_MODELS)
