"""Each sender's last 30 days (``chat_recent``, migration 0017): always what the daily counts
of the window hold, whoever changes them (an import, a merge and its undo and redo, an
erasure, a group deleted, the sample community's bulk write), filled again when the local
day moves on, and summed on the side while another connection writes."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

from app.core import activity, chat_recent, clock, erase, member_merge, undo
from app.core.chat_weeks import REFILL, weeks_made_after
from app.store.models import Member, db
from tests.core.chat_samples import ME, ChatLog

KEPT = "SELECT group_id, member_id, operator, messages, days FROM chat_recent"
WEEKS = "SELECT group_id, week, messages, operator_messages, speakers FROM chat_week"


def kept() -> list[tuple[object, ...]]:
    return sorted(tuple(r) for r in db.execute_sql(KEPT))


def counted() -> list[tuple[object, ...]]:
    """What the daily counts of the window held give, summed afresh."""
    since, until = db.execute_sql("SELECT since, until FROM chat_recent_window").fetchone()
    found = db.execute_sql(chat_recent.SUMMED, {"since": since, "until": until})
    return sorted(tuple(r) for r in found)


def weeks() -> list[tuple[object, ...]]:
    return sorted(tuple(r) for r in db.execute_sql(WEEKS))


def weeks_counted() -> list[tuple[object, ...]]:
    return sorted(tuple(r) for r in db.execute_sql("SELECT " + REFILL[1].split(" SELECT ", 1)[1]))


def today() -> date:
    return clock.local_today()


def member_id(name: str) -> int:
    return int(Member.get(Member.name == name).id)


def test_the_first_look_fills_the_window_and_imports_keep_it(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    log.say("20001", "王芳", today(), 3)
    log.say("20001", "王芳", today() - timedelta(days=1), 2)
    log.say("20002", "李雷", today() - timedelta(days=40), 5)  # before the window
    log.say(ME, "群主", today(), 4)
    group = log.imported(tmp_path)
    assert kept() == []  # nothing held before the first look
    found = activity.group_activity(now=now)[group]
    assert (found.messages_30d, found.operator_messages_30d, found.speakers_30d) == (9, 4, 1)
    wang = member_id("王芳")
    assert kept() == [(group, 0, 1, 4, 1), (group, wang, 0, 5, 2)] == counted()
    more = ChatLog(group_id=log.group_id)
    more.say("20002", "李雷", today(), 6)  # a later export of the same group
    more.say("20003", "韩梅梅", today() - timedelta(days=45), 1)
    more.imported(tmp_path / "more")
    assert kept() == counted() and len(kept()) == 3
    found = activity.group_activity(now=now)[group]
    assert (found.messages_30d, found.speakers_30d) == (15, 2)
    assert [s.name for s in found.top_speakers] == ["李雷", "王芳"]


def test_the_window_moves_on_with_the_local_day(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    log.say("20001", "王芳", today() - timedelta(days=29), 7)
    group = log.imported(tmp_path)
    assert activity.group_activity(now=now)[group].messages_30d == 7
    assert activity.group_activity(now=now + timedelta(days=1))[group].messages_30d == 0
    assert kept() == [] and counted() == []
    assert activity.group_activity(now=now)[group].messages_30d == 7
    assert kept() == counted() != []


def test_a_merge_its_undo_and_redo_keep_the_figures(now: datetime, tmp_path: Path) -> None:
    log = ChatLog()
    for day in (today(), today() - timedelta(days=1)):
        log.say("20001", "王芳", day, 5)
        log.say("20002", "芳芳", day, 2)
    group = log.imported(tmp_path)
    activity.group_activity(now=now)
    keep, drop = member_id("王芳"), member_id("芳芳")
    before, weeks_before = kept(), weeks()
    undo.forget()
    undo.enable()
    try:
        member_merge.merge_members(keep, drop)
        assert kept() == counted() == [(group, keep, 0, 14, 2)]
        assert weeks() == weeks_counted()
        assert activity.group_activity(now=now)[group].speakers_30d == 1
        undo.undo()
        assert kept() == counted() == before and weeks() == weeks_counted() == weeks_before
        undo.redo()
        assert kept() == counted() == [(group, keep, 0, 14, 2)]
        assert weeks() == weeks_counted()
    finally:
        undo.enable(False)
        undo.forget()


def test_erasing_a_member_and_a_group_gone_leave_nothing_behind(
    now: datetime, tmp_path: Path
) -> None:
    log = ChatLog()
    log.say("20001", "王芳", today(), 5)
    log.say("20002", "李雷", today(), 2)
    group = log.imported(tmp_path)
    other = ChatLog(name="二群", group_id="2")
    other.say("20003", "韩梅梅", today(), 1)
    second = other.imported(tmp_path / "2")
    activity.group_activity(now=now)
    erase.erase_member(member_id("李雷"))
    assert kept() == counted() and {r[1] for r in kept() if r[0] == group} == {member_id("王芳")}
    with db.atomic():  # no window deletes a group; the cascade of the database does
        db.execute_sql("DELETE FROM chat_group WHERE id = ?", (second,))
    assert kept() == counted() and {r[0] for r in kept()} == {group}


def test_a_bulk_write_without_triggers_is_summed_again_at_the_next_look(
    now: datetime, tmp_path: Path
) -> None:
    log = ChatLog()
    log.say("20001", "王芳", today(), 5)
    group = log.imported(tmp_path)
    activity.group_activity(now=now)
    with db.atomic(), weeks_made_after():
        db.execute_sql(
            "INSERT INTO chat_day (group_id, member_id, day, operator, messages)"
            " VALUES (?, NULL, ?, 1, 8)",
            (group, today().isoformat()),
        )
    assert kept() == []
    assert activity.group_activity(now=now)[group].operator_messages_30d == 8
    assert kept() == counted() and len(kept()) == 2


def test_a_look_while_another_connection_writes_sums_its_own_copy(
    now: datetime, tmp_path: Path, database: Path
) -> None:
    log = ChatLog()
    log.say("20001", "王芳", today(), 5)
    log.say("20002", "李雷", today() - timedelta(days=1), 2)
    group = log.imported(tmp_path)
    with closing(sqlite3.connect(database, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # an import on a worker thread, say
        started = time.perf_counter()
        found = activity.group_activity(now=now)[group]
        waited = time.perf_counter() - started
        other.execute("ROLLBACK")
    assert waited < 2  # never the busy timeout's 5 s
    assert (found.messages_30d, found.speakers_30d) == (7, 2)
    assert [s.name for s in found.top_speakers] == ["王芳", "李雷"]
    assert db.execute_sql("SELECT count(*) FROM chat_recent_window").fetchone()[0] == 0
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
    activity.group_activity(now=now)  # the file's free again: filled there
    assert kept() == counted() != []
