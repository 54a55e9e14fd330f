"""Migration 0006: the titles and tier names Huoqun wrote become a code and parameters."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from playhouse.schema_diff import diff_models

from app.core import clock
from app.core.database import key_functions
from app.store.database import close_database, open_database
from app.store.file_check import known_migrations
from app.store.models import ALL_MODELS, Task, Tier, db
from tests.store.migrating import database_at, undo

# (id, title, origin, group id, member id), as earlier versions wrote them
TASKS = (
    (1, "在 读书会 发起一次话题讨论", "suggested:silent:critical", 1, None),
    (2, "Write rules for 爬山群", "suggested:no_rules:warning", 2, None),
    (3, "和 张三 沟通", "suggested:checkin", None, 1),
    (4, "Check in with 李四", "suggested:checkin", None, 2),
    (5, "为 读书会 策划一次线下活动", "health:meetup", 1, None),
    (6, "再办一次读书会", "health:meetup", 1, None),  # the operator typed it
    (7, "将 张三 移出 读书会", "ban", 1, 1),
    (8, "把李四移出爬山群", "ban", 2, 2),  # the sample community's wording
    (9, "Remove 张三 from 爬山群", "ban", 2, 1),
    (10, "筹备线下活动“三月读书会”", "meetup", 1, None),
    (11, "Prepare the meetup “Spring hike”", "meetup", 2, None),
    (12, "Write rules for 读书会", "manual", 1, None),  # typed by the operator: stays
    (13, "将 张三 移出 老群名", "ban", 1, 1),  # the group was renamed since
)
EXPECTED = {
    1: ("Start a topic discussion in 读书会", "health.silent", {"group": "读书会"}),
    2: ("Write rules for 爬山群", "health.no_rules", {"group": "爬山群"}),
    3: ("Check in with 张三", "health.helper", {"member": "张三"}),
    4: ("Check in with 李四", "health.helper", {"member": "李四"}),
    5: ("Plan a meetup with 读书会", "health.meetup", {"group": "读书会"}),
    6: ("再办一次读书会", "", {}),
    7: ("Remove 张三 from 读书会", "ban.remove", {"member": "张三", "group": "读书会"}),
    8: ("Remove 李四 from 爬山群", "ban.remove", {"member": "李四", "group": "爬山群"}),
    9: ("Remove 张三 from 爬山群", "ban.remove", {"member": "张三", "group": "爬山群"}),
    10: ("Prepare the meetup “三月读书会”", "meetup.prep", {"title": "三月读书会"}),
    11: ("Prepare the meetup “Spring hike”", "meetup.prep", {"title": "Spring hike"}),
    12: ("Write rules for 读书会", "", {}),
    13: ("Remove 张三 from 老群名", "ban.remove", {"member": "张三", "group": "老群名"}),
}


def make_old_database(path: Path) -> None:
    """A database as earlier versions left it: titles and tier names as words (at 0004: 0005
    computes keys, which only a database opened through app.core can)."""
    with database_at(path, "0004_membership_health_index") as database:
        for rank, name, description in (
            (1, "核心", "最核心的伙伴"),
            (2, "Helpers", "Admins, moderators, core members"),
            (3, "活跃的朋友", "经常参与的成员"),  # renamed by the operator
            (4, "普通", "我们的群友"),  # a description of the operator's
        ):
            database.execute_sql(
                "INSERT INTO tier (id, rank, name, description, colour)"
                " VALUES (?, ?, ?, ?, '#888')",
                (rank, rank, name, description),
            )
        for number, name in ((1, "读书会"), (2, "爬山群")):
            database.execute_sql(
                "INSERT INTO chat_group (id, name, sort_key, platform, platform_id, kind,"
                " description, announcement, archived, created_at) VALUES (?, ?, '', 'qq', '',"
                " 'interest', '', '', 0, '2026-01-01 00:00:00')",
                (number, name),
            )
        for number, name in ((1, "张三"), (2, "李四")):
            database.execute_sql(
                "INSERT INTO member (id, name, sort_key, email, city, gender, notes, star,"
                " tier_id, status, status_reason, first_seen) VALUES"
                " (?, ?, '', '', '', '', '', 0, 2, 'active', '', '2026-01-01 00:00:00')",
                (number, name),
            )
        for task_id, title, origin, group_id, member_id in TASKS:
            database.execute_sql(
                "INSERT INTO task (id, title, kind, group_id, member_id, rrule, priority, status,"
                " notes, outcome, origin, created_at) VALUES (?, ?, 'custom', ?, ?, '', 2,"
                " 'open', '', '', ?, '2026-01-01 00:00:00')",
                (task_id, title, group_id, member_id, origin),
            )


def test_0006_is_shipped_after_0005() -> None:
    names = known_migrations()
    assert names.index("0006_generated_text") == names.index("0005_member_search_readings") + 1


def test_titles_in_either_language_become_codes_and_the_rest_stays_as_typed(
    tmp_path: Path,
) -> None:
    close_database()
    path = tmp_path / "old.db"
    make_old_database(path)
    open_database(path, clock.now(), derived=key_functions)
    assert not diff_models(db.obj, ALL_MODELS)
    found = {
        t.id: (t.title, t.title_key, json.loads(t.title_args) if t.title_args else {})
        for t in Task.select()
    }
    assert found == EXPECTED
    tiers = [(t.name, t.name_key, t.description_key) for t in Tier.select().order_by(Tier.rank)]
    assert tiers == [
        ("核心", "tier.core", "tier.core.about"),
        ("Helpers", "tier.helpers", "tier.helpers.about"),
        ("活跃的朋友", "", "tier.active.about"),
        ("普通", "tier.members", ""),
    ]


def test_0006_can_be_undone_and_applied_again(tmp_path: Path) -> None:
    close_database()
    path = tmp_path / "old.db"
    make_old_database(path)
    open_database(path, clock.now(), derived=key_functions)
    close_database()
    later = known_migrations()[known_migrations().index("0006_generated_text") :]
    assert undo(path, "0006_generated_text") == later[::-1]
    with closing(sqlite3.connect(path)) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(task)")]
    assert "title_key" not in columns and "title_args" not in columns
    open_database(path, clock.now(), derived=key_functions)
    assert not diff_models(db.obj, ALL_MODELS)
    assert Task.get_by_id(7).title_key == "ban.remove"
