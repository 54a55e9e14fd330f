"""The sample community's rules, violations and bans: their shape, the ladder, determinism."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core import bans, rules, violations
from app.core.database import open_community
from app.core.violations import ViolationFilter
from app.sample import demo, demo_rules
from app.store.database import close_database
from app.store.models import Group, GroupRule, Interaction, Member, Rule, Task, Violation, db

MODERATION_TABLES = ("rule", "group_rule", "violation", "task", "interaction", "membership")


def _rows(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return list(db.execute_sql(sql, params).fetchall())


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


@pytest.fixture
def community(now: datetime) -> demo.DemoSummary:
    """A 2,000-member, 24-group sample built at a fixed "now"."""
    return demo.build(2000, 24, seed=3)


def test_a_library_of_realistic_rules_one_retired(community: demo.DemoSummary) -> None:
    in_use = rules.list_rules()
    assert 8 <= len(in_use) <= 12
    assert {"禁止广告和拉人", "不刷屏", "禁止诈骗和违法内容"} <= {r.title for r in in_use}
    assert {r.severity for r in in_use} == set(rules.SEVERITIES)
    assert {r.strike_points for r in in_use} >= {0, 1, 2, 3}
    assert all(r.text for r in in_use)
    retired = [r for r in rules.list_rules(include_retired=True) if r.retired]
    assert len(retired) == 1 and retired[0].violations > 0
    assert "禁止发红包接龙" not in rules.library_markdown()


def test_most_groups_but_not_all_adopt_rules_in_varying_orders(
    community: demo.DemoSummary,
) -> None:
    adopting = {g for (g,) in _rows("SELECT DISTINCT group_id FROM group_rule")}
    assert 0.6 * 24 <= len(adopting) < 24
    orders = {tuple(r.id for r in rules.group_rules(g)) for g in adopting}
    assert len(orders) > len(adopting) // 2
    for group_id in adopting:
        positions = [
            r.position
            for r in GroupRule.select()
            .where(GroupRule.group == group_id)
            .order_by(GroupRule.position)
        ]
        assert positions == list(range(len(positions)))
        text = rules.announcement_text(group_id)
        assert text.startswith("群规\n1. ")
    plain = next(g.id for g in Group.select() if g.id not in adopting)
    assert rules.announcement_text(plain) == ""


def test_about_one_violation_per_five_members_over_the_last_year(
    community: demo.DemoSummary, now: datetime
) -> None:
    rows = violations.list_violations()
    assert len(rows) == pytest.approx(400, abs=10)
    assert sorted(r.case_number for r in rows) == list(range(1, len(rows) + 1))
    by_case = sorted(rows, key=lambda r: r.case_number)
    assert [r.at for r in by_case] == sorted(r.at for r in rows)  # numbered as they happened
    assert all(r.at <= now for r in rows)
    last_year = sum(r.at >= now - timedelta(days=365) for r in rows)
    assert last_year > 0.85 * len(rows)
    assert all(r.handled_at is None or r.at <= r.handled_at <= now for r in rows)
    assert len({r.group_id for r in rows}) > 12
    assert sum(r.rule_id is None for r in rows) < 0.15 * len(rows)
    assert sum(bool(r.evidence) for r in rows) > 0.6 * len(rows)
    for r in rows:  # inside a group they were in at the time
        joined, left = _rows(
            "SELECT joined_at, left_at FROM membership WHERE member_id = ? AND group_id = ?",
            r.member_id,
            r.group_id,
        )[0]
        assert _time(joined) <= r.at  # type: ignore[operator]
        assert left is None or r.at <= _time(left)  # type: ignore[operator]


def test_some_are_still_open_recent_ones_mostly(community: demo.DemoSummary, now: datetime) -> None:
    still_open = violations.list_violations(ViolationFilter(open=True))
    assert 3 <= len(still_open) <= 60
    recent = sum(r.at >= now - timedelta(days=30) for r in still_open)
    assert recent > len(still_open) / 2
    assert violations.open_count() == len(still_open)


def test_actions_follow_the_default_ladder(community: demo.DemoSummary) -> None:
    """Active members' violations: the ladder's action for their strikes at the time."""
    history: dict[int, list[tuple[datetime, int]]] = {}
    checked = Counter[str]()
    # those with a status reason were removed or banned by the operator's word, not the ladder
    status = {m: (s if not why else "by word") for m, s, why in _rows(
        "SELECT id, status, status_reason FROM member")}  # fmt: skip
    for r in sorted(violations.list_violations(), key=lambda r: r.case_number):
        history.setdefault(r.member_id, []).append((r.at, r.points))
        if status[r.member_id] != "active":
            continue
        strikes = sum(p for at, p in history[r.member_id] if at > r.at - timedelta(days=180))
        expected = "warned" if r.points == 0 else violations.action_for(strikes)
        assert r.action in ({expected, "deleted"} if expected == "warned" else {expected}), r
        checked[r.action] += 1
    assert set(checked) == {"warned", "deleted", "muted", "removed"}
    for r in violations.list_violations():  # removed as the ladder said: out of that group
        if r.action == "removed":
            left = _rows(
                "SELECT left_at FROM membership WHERE member_id = ? AND group_id = ?",
                r.member_id,
                r.group_id,
            )[0][0]
            assert _time(left) == r.at


def test_removed_and_banned_members_got_there_through_a_violation(
    community: demo.DemoSummary,
) -> None:
    banned = list(Member.select().where(Member.status == "banned"))
    assert banned
    for member in banned:
        assert "banned" in {r.action for r in violations.violations_of(member.id)}, member.name
    # removal is a membership's: every one removed from a group got there through a violation
    # (removed, or banned and then swept out)
    removed = _rows("SELECT DISTINCT member_id FROM membership WHERE status = 'removed'")
    assert removed
    for (member_id,) in removed:
        actions = {r.action for r in violations.violations_of(member_id)}
        assert actions & {"removed", "banned"}, member_id


def test_bans_are_recorded_with_open_removal_tasks_where_they_remain(
    community: demo.DemoSummary,
) -> None:
    listed = bans.ban_list()
    banned = Member.select().where(Member.status == "banned")
    assert {r.member_id for r in listed} == {m.id for m in banned}
    assert all(r.banned_at is not None and r.reason for r in listed)
    notes = dict(_rows("SELECT member_id, note FROM interaction WHERE kind = 'ban'"))
    assert notes == {m.id: m.status_reason for m in banned}
    still = [(r.member_id, g) for r in listed for g, _ in r.still_in]
    assert still  # some banned members are still in a group…
    open_tasks = {
        (t.member_id, t.group_id): t
        for t in Task.select().where(Task.kind == "spam_sweep", Task.status == "open")
    }
    assert set(open_tasks) == set(still)  # …each with exactly one open task to remove them
    for task in open_tasks.values():  # Huoqun's words: a code, shown in the interface language
        args = json.loads(task.title_args)
        assert (task.title_key, set(args)) == ("ban.remove", {"member", "group"})
        assert task.title == f"Remove {args['member']} from {args['group']}"
    assert (task.priority, task.origin) == (1, "ban")
    done = Task.select().where(Task.kind == "spam_sweep", Task.status == "done")
    assert done.count() > 0 and all(t.outcome == "removed" and t.done_at for t in done)
    assert Interaction.select().where(Interaction.kind == "ban").count() == len(listed)


def test_new_violations_continue_the_case_numbers(community: demo.DemoSummary) -> None:
    member = Member.get(Member.status == "active")
    highest = Violation.select().count()
    case = violations.log_violation(member.id, None, None, action="warned")
    assert case.case_number == highest + 1


def test_one_seed_and_one_clock_give_one_moderation(now: datetime, tmp_path: Path) -> None:
    def dump() -> dict[str, list[tuple[Any, ...]]]:
        return {t: _rows(f"SELECT * FROM {t} ORDER BY 1") for t in MODERATION_TABLES}

    close_database()
    open_community(tmp_path / "first.db")
    demo.build(400, 10, seed=5)
    first = dump()
    close_database()
    open_community(tmp_path / "second.db")
    demo.build(400, 10, seed=5)
    assert dump() == first
    assert len(first["violation"]) == 80 and len(first["rule"]) == len(demo_rules.RULES)


def test_a_tiny_community_still_gets_a_library() -> None:
    demo.build(5, 1, seed=1)
    assert Rule.select().count() == len(demo_rules.RULES)
    assert Violation.select().count() == 1
