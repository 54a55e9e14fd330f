"""The undo log itself: steps, names, how far back, redo, when the history goes, refusals."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest

from app.core import erase, groups, member_bulk, member_merge, members, settings, undo
from app.core.database import back_up_now, close_database, open_community, restore
from app.store.models import Member, db
from tests.core.undo_samples import changed, recording, rows

__all__ = ["recording"]
pytestmark = pytest.mark.usefixtures("recording")


def people(n: int) -> list[int]:
    return [members.create_member(f"成员{i}", qq=str(20000 + i)).id for i in range(n)]


def test_a_step_is_named_and_counted_and_undo_then_redo_puts_back_each_state() -> None:
    ids = people(3)
    before = rows()
    member_bulk.bulk_add_tag(ids, "跑步")
    after = rows()
    assert changed(before, after) == {"member_tag"}
    step = undo.can_undo()
    assert step is not None and (step.kind, step.count) == ("add_tag", 3)
    assert step.tables == {"member_tag"}
    assert undo.undo() is step
    assert rows() == before
    assert undo.can_undo() is None and undo.can_redo() is not None
    undo.redo()
    assert rows() == after
    undo.undo()
    assert rows() == before


def test_thirty_steps_are_kept_and_twenty_five_go_back_in_order() -> None:
    (one,) = people(1)
    states = [rows()]
    for i in range(undo.MAX_STEPS + 5):
        members.set_star([one], i % 2 == 0)
        states.append(rows())
    assert len(undo.history()) == undo.MAX_STEPS
    for back in range(1, 26):
        undo.undo()
        assert rows() == states[-1 - back], back


def test_a_new_step_drops_what_could_be_redone() -> None:
    ids = people(2)
    member_bulk.bulk_add_tag(ids, "跑步")
    undo.undo()
    member_bulk.bulk_add_tag(ids, "读书")
    assert undo.can_redo() is None
    assert db.execute_sql(f"SELECT count(DISTINCT step) FROM {undo.LOG}").fetchone()[0] == 1


def test_outside_a_step_and_before_the_window_records_nothing() -> None:
    ids = people(2)
    undo.enable(False)
    member_bulk.bulk_add_tag(ids, "跑步")
    undo.enable()
    with undo.paused():
        member_bulk.bulk_add_tag(ids, "读书")
    members.tags_of(ids[0])  # reading is no step
    assert undo.can_undo() is None
    assert db.execute_sql(f"SELECT count(*) FROM {undo.LOG}").fetchone()[0] == 0


def test_a_step_inside_another_is_part_of_it() -> None:
    ids = people(2)
    with undo.step("set_status", 2):
        member_bulk.bulk_set_status(ids, "banned")
        member_bulk.bulk_add_tag(ids, "走了")
    assert [s.kind for s in undo.history()] == ["set_status"]


def test_a_step_that_fails_is_not_kept() -> None:
    ids = people(1)
    before = rows()
    with pytest.raises(Exception):  # noqa: B017 - a refusal of any kind
        member_bulk.bulk_add_to_group(ids, 999)
    assert undo.can_undo() is None and rows() == before


def test_a_step_on_a_worker_thread_is_undone_on_the_window_s() -> None:
    ids = people(2)
    before = rows()

    def work() -> None:
        member_bulk.bulk_set_status(ids, "banned")
        db.close()  # as a job's worker does at its end

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert Member.get_by_id(ids[0]).status == "banned"
    undo.undo()
    assert rows() == before


def test_undo_keeps_a_later_edit_of_another_field_of_the_same_row() -> None:
    ids = people(1)
    member_bulk.bulk_set_status(ids, "banned")
    Member.update(notes="见过面").where(Member.id == ids[0]).execute()  # not a step
    undo.undo()
    member = Member.get_by_id(ids[0])
    assert (member.status, member.notes) == ("active", "见过面")


def test_undo_that_can_no_longer_be_put_back_is_refused_and_changes_nothing() -> None:
    keep, drop = people(2)
    member_merge.merge_members(keep, drop)
    # not a step: someone else now has the merged-away record's QQ number
    with undo.paused():
        members.create_member("新人", qq="20001")
    before = rows()
    with pytest.raises(undo.UndoRefused):
        undo.undo()
    assert rows() == before
    assert undo.can_undo() is None  # and nothing older can be undone past it


def test_settings_written_in_a_step_come_back() -> None:
    settings.put("language", "zh_CN")
    before = rows()
    with undo.step("import"):
        settings.put("language", "en")
    undo.undo()
    assert rows() == before and settings.get("language") == "zh_CN"


def test_opening_a_database_restoring_and_erasing_forget_the_history(
    database: Path, tmp_path: Path, now: datetime
) -> None:
    ids = people(3)
    member_bulk.bulk_add_tag(ids, "跑步")
    backup = back_up_now()
    member_bulk.bulk_add_tag(ids, "读书")
    restore(backup)
    assert undo.can_undo() is None
    assert db.execute_sql(f"SELECT count(*) FROM {undo.LOG}").fetchone()[0] == 0

    member_bulk.bulk_add_tag(ids, "读书")
    erase.erase_member(ids[0])
    assert undo.can_undo() is None
    assert db.execute_sql(f"SELECT count(*) FROM {undo.LOG}").fetchone()[0] == 0

    member_bulk.bulk_add_tag(ids[1:], "游泳")
    close_database()
    open_community(tmp_path / "other.db")
    assert undo.can_undo() is None
    close_database()
    open_community(database)
    assert undo.can_undo() is None
    assert db.execute_sql(f"SELECT count(*) FROM {undo.LOG}").fetchone()[0] == 0


def test_erase_leaves_no_trace_of_the_person_in_the_log() -> None:
    (one,) = people(1)
    members.update_member(one, notes="手机 13800138000")
    groups.create_group("读书会")
    erase.erase_member(one)
    texts = db.execute_sql(f"SELECT group_concat(sql) FROM {undo.LOG}").fetchone()[0] or ""
    assert "13800138000" not in texts and "成员0" not in texts
