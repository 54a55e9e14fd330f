"""Each kind of undoable change: the database before, after, and after undo (redo for some)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.core import (
    bans,
    candidates,
    groups,
    member_bulk,
    member_merge,
    members,
    memberships,
    rsvp,
    rules,
    suggested_tasks,
    suggestions,
    tasks,
    undo,
    violations,
)
from app.core import roster_import as ri
from app.store.models import Tier
from tests.conftest import SHARED_DATA
from tests.core.meetup_samples import meetup
from tests.core.undo_samples import changed, recording, rows

__all__ = ["recording"]
pytestmark = pytest.mark.usefixtures("recording", "now")


@pytest.fixture
def club() -> int:
    return groups.create_group("读书会").id


@pytest.fixture
def ids(club: int) -> list[int]:
    made = [members.create_member(f"成员{i}", qq=str(30000 + i)).id for i in range(3)]
    for member_id in made:
        memberships.add_membership(member_id, club, nickname="书友")
    return made


def check(change: Callable[[], object], kind: str, tables: set[str], redo: bool = False) -> None:
    """``change`` writes ``tables`` (and no other) as one step ``kind``; undo puts every row
    back as it was; redo (when asked) writes them again."""
    before = rows()
    change()
    after = rows()
    assert changed(before, after) == tables
    step = undo.can_undo()
    assert step is not None and step.kind == kind and len(undo.history()) == 1
    undo.undo()
    assert rows() == before
    if redo:
        undo.redo()
        assert rows() == after
        undo.undo()
        assert rows() == before


def test_bulk_add_to_a_group(ids: list[int]) -> None:
    other = groups.create_group("跑团").id
    check(lambda: member_bulk.bulk_add_to_group(ids, other), "add_to_group", {"membership"}, True)


def test_bulk_status(ids: list[int]) -> None:
    left = lambda: member_bulk.bulk_set_membership_status(ids, "left")  # noqa: E731
    check(left, "set_status", {"membership"}, True)
    assert undo.can_redo() is not None and undo.can_redo().count == 3  # type: ignore[union-attr]


def test_bulk_status_banned(ids: list[int]) -> None:
    tables = {"member", "task", "interaction"}
    check(lambda: bans.set_status(ids[:2], "banned", "广告"), "set_status", tables)


def test_tags(ids: list[int]) -> None:
    check(lambda: member_bulk.bulk_add_tag(ids, "跑步"), "add_tag", {"member_tag"})
    with undo.paused():
        member_bulk.bulk_add_tag(ids, "跑步")
    check(lambda: member_bulk.bulk_remove_tag(ids, "跑步"), "remove_tag", {"member_tag"})


def test_star(ids: list[int]) -> None:
    check(lambda: members.set_star(ids, True), "set_star", {"member"})


def test_tier_change(ids: list[int]) -> None:
    top = Tier.get(Tier.rank == 2).id
    check(lambda: members.set_tier(ids, top, "带队"), "set_tier", {"member", "tier_change"}, True)


def test_promotion(ids: list[int]) -> None:
    check(lambda: candidates.accept_promotion(ids[0], "常来"), "promote", {"member", "tier_change"})
    assert undo.can_redo().detail == "成员0"  # type: ignore[union-attr]


def test_member_edit(ids: list[int]) -> None:
    change = lambda: members.update_member(ids[0], name="新名字", tags=["读书"])  # noqa: E731
    check(change, "edit_member", {"member", "member_search", "member_tag"})


def test_merge(ids: list[int]) -> None:
    tables = {"member", "member_search", "membership"}
    check(lambda: member_merge.merge_members(ids[0], ids[1]), "merge", tables, True)


def test_leaving_a_group(ids: list[int], club: int) -> None:
    check(lambda: memberships.leave_group(ids[0], club), "leave_group", {"membership"})


def test_task_complete_skip_snooze(ids: list[int], now: datetime) -> None:
    task = tasks.create_task("问候", member_id=ids[0], due_at=now).id
    weekly = tasks.create_task("周报", due_at=now, rrule="FREQ=WEEKLY").id
    tables = {"task", "interaction", "member"}
    check(lambda: tasks.complete_task(task, "聊了"), "complete_task", tables, True)
    check(lambda: tasks.complete_task(weekly, "发了"), "complete_task", {"task", "interaction"})
    check(lambda: tasks.skip_task(task), "skip_task", {"task"})
    check(lambda: tasks.skip_task(weekly), "skip_task", {"task"})
    later = now + timedelta(days=2)
    check(lambda: tasks.snooze_task(task, later), "snooze_task", {"task"})


def test_violations(ids: list[int], club: int, now: datetime) -> None:
    rule = rules.create_rule("禁止广告").id
    check(
        lambda: violations.log_violation(ids[0], club, rule, action="warned"),
        "log_violation",
        {"violation", "setting"},  # the case number counts on
        True,
    )
    with undo.paused():
        logged = violations.log_violation(ids[0], club, rule, action="warned").id
    check(lambda: violations.set_handled([logged]), "handle_violation", {"violation"})
    check(
        lambda: violations.update_violation(logged, evidence="截图"),
        "edit_violation",
        {"violation"},
    )


def test_a_violation_that_bans(ids: list[int], club: int) -> None:
    tables = {"violation", "setting", "member", "task", "interaction"}
    check(
        lambda: violations.log_violation(ids[0], club, None, action="banned"),
        "log_violation",
        tables,
    )


def test_bans(ids: list[int], club: int) -> None:
    check(lambda: bans.ban_member(ids[0], "广告"), "ban", {"member", "task", "interaction"}, True)
    with undo.paused():
        bans.ban_member(ids[0], "广告")
    check(lambda: bans.mark_removed(ids[0], club), "mark_removed", {"membership", "task"})
    check(
        lambda: bans.unban_member(ids[0], "误会"), "unban", {"member", "interaction", "task"}
    )  # its removal tasks close


def test_rsvps(ids: list[int]) -> None:
    one = meetup(capacity=1)
    check(lambda: rsvp.set_rsvp(one, ids[0], "going"), "rsvp", {"attendance"}, True)
    with undo.paused():
        rsvp.set_rsvp(one, ids[0], "going")
        rsvp.set_rsvp(one, ids[1], "going")  # the waitlist
    # declining moves the first on the waitlist up: undo puts both back
    check(lambda: rsvp.set_rsvp(one, ids[0], "declined"), "rsvp", {"attendance"})
    check(lambda: rsvp.remove_rsvp(one, ids[0]), "remove_rsvp", {"attendance"})


def test_suggestions_accepted_and_dismissed(club: int, now: datetime) -> None:
    found = suggestions.candidates()
    assert len(found) >= 2  # a new group without rules, profile or helpers
    accept = lambda: suggested_tasks.accept_suggestion(found[0].key)  # noqa: E731
    check(accept, "accept_suggestion", {"task"}, True)
    turn_down = lambda: suggested_tasks.dismiss_candidate(found[1].key)  # noqa: E731
    check(turn_down, "dismiss_suggestion", {"task"})
    with undo.paused():
        suggestion = tasks.create_task("沉默了", group_id=club, origin="suggested:silent:critical")
    dismiss = lambda: suggested_tasks.dismiss_suggestion(suggestion.id)  # noqa: E731
    check(dismiss, "dismiss_suggestion", {"task"})


def load(path: Path, group: str, mark_left: bool = False) -> ri.ImportPreview:
    roster = ri.read_roster(path)
    preset = ri.detect_preset(roster.headers)
    mapping = ri.auto_mapping(roster.headers, preset)
    return ri.preview(roster, mapping, group, preset=preset, mark_left=mark_left)


ROSTERS = SHARED_DATA / "rosters"


def test_an_import_into_a_new_group_goes_entirely(database: Path) -> None:
    tables = {"chat_group", "member", "member_search", "membership", "roster_import"}
    preview = load(ROSTERS / "qq-group-export-gbk.csv", "摄影群")
    check(lambda: ri.apply(preview), "import", tables, True)


def test_an_import_s_updated_fields_return_and_its_new_rows_go(database: Path) -> None:
    with undo.paused():
        ri.apply(load(ROSTERS / "qq-group-export-gbk.csv", "摄影群"))
    later = load(ROSTERS / "qq-group-export-later-gbk.csv", "摄影群", mark_left=True)
    step_tables = {"member", "member_search", "membership", "roster_import"}
    before = rows()
    result = ri.apply(later)
    assert result.new and result.updated and result.marked_left
    assert changed(before, rows()) <= step_tables
    step = undo.can_undo()
    assert step is not None and (step.kind, step.place) == ("import", "摄影群")
    undo.undo()
    assert rows() == before
