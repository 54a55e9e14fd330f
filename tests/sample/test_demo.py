"""The sample community: its shape, its search rows, determinism, refusal, cancel and the CLI."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.core import groups, members
from app.core.database import open_community
from app.core.errors import Cancelled, ValidationError
from app.core.groups import KINDS, PLATFORMS
from app.core.member_list import MemberFilter, search_ids
from app.core.pinyin import sort_key
from app.core.search import has_cjk, name_keys, normalise_qq, normalise_wechat
from app.sample import demo, demo_words
from app.store.database import close_database
from app.store.models import (
    Group,
    Interaction,
    Member,
    MemberSearch,
    Membership,
    MemberTag,
    Tier,
    TierChange,
    db,
)

REPO = Path(__file__).resolve().parents[2]
TABLES = (
    "chat_group",
    "member",
    "member_search",
    "member_tag",
    "membership",
    "tier_change",
    "interaction",
)


def _rows(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return list(db.execute_sql(sql, params).fetchall())


def _scalar(sql: str, *params: Any) -> Any:
    return _rows(sql, *params)[0][0]


def _dump() -> dict[str, list[tuple[Any, ...]]]:
    return {table: _rows(f"SELECT * FROM {table} ORDER BY 1") for table in TABLES}


@pytest.fixture
def community(now: datetime) -> demo.DemoSummary:
    """A 2,000-member, 24-group sample built at a fixed "now"."""
    return demo.build(2000, 24, seed=3)


def test_counts_match_the_summary_and_the_request(community: demo.DemoSummary) -> None:
    assert (community.members, community.groups) == (2000, 24)
    assert Member.select().count() == 2000
    assert Group.select().count() == 24
    assert Membership.select().count() == community.memberships
    assert MemberSearch.select().count() == 2000
    assert 2.2 <= community.memberships / community.members <= 2.8
    assert community.seconds > 0
    lonely = _scalar(
        "SELECT COUNT(*) FROM member WHERE id NOT IN (SELECT member_id FROM membership)"
    )
    assert lonely == 0


def test_the_pyramid_has_four_levels_narrowing_to_the_top(community: demo.DemoSummary) -> None:
    by_rank = dict(
        _rows("SELECT t.rank, COUNT(*) FROM member m JOIN tier t ON t.id = m.tier_id GROUP BY 1")
    )
    assert by_rank[4] > by_rank[3] > by_rank[2] > by_rank[1] > 0
    assert by_rank[3] == pytest.approx(400, abs=5)  # 20 %
    assert by_rank[2] == pytest.approx(60, abs=2)  # 3 %
    helper_admins = _scalar(
        "SELECT COUNT(DISTINCT ms.member_id) FROM membership ms"
        " JOIN member m ON m.id = ms.member_id JOIN tier t ON t.id = m.tier_id"
        " WHERE ms.role = 'admin' AND t.rank <= 2"
    )
    assert helper_admins >= 5
    contacted = _scalar(
        "SELECT COUNT(*) FROM member m JOIN tier t ON t.id = m.tier_id"
        " WHERE t.rank <= 2 AND m.last_contacted IS NOT NULL"
    )
    assert contacted > 0.6 * (by_rank[1] + by_rank[2])
    assert TierChange.select().count() > by_rank[1] + by_rank[2]


def test_groups_look_like_a_real_operators_groups(community: demo.DemoSummary) -> None:
    rows = list(Group.select())
    platforms = Counter(g.platform for g in rows)
    assert set(platforms) <= set(PLATFORMS)
    assert {g.kind for g in rows} <= set(KINDS)
    assert platforms["wechat"] + platforms["qq"] >= 0.75 * len(rows)
    assert len({g.name for g in rows}) == len(rows)
    assert sum("群" in g.name for g in rows) >= len(rows) // 3
    for group in rows:
        assert group.sort_key == name_keys(group.name)[0]
        assert group.member_cap == {"wechat": 500, "qq": 2000}.get(group.platform, group.member_cap)
    core = [g for g in rows if g.kind == "core"]
    assert len(core) == 24 // 6
    for group in core:
        assert group.parent is not None and group.parent.kind != "core"
    thin = sum(not g.description for g in rows)
    assert 0 < thin < len(rows) // 2
    assert 0 < sum(g.cadence_days is not None for g in rows) < len(rows)


def test_each_group_has_one_owner_and_a_few_admins(community: demo.DemoSummary) -> None:
    owners = dict(
        _rows("SELECT group_id, COUNT(*) FROM membership WHERE role = 'owner' GROUP BY 1")
    )
    assert set(owners) == {g.id for g in Group.select()} and set(owners.values()) == {1}
    admins = Counter(r[0] for r in _rows("SELECT group_id FROM membership WHERE role = 'admin'"))
    assert len(admins) >= 20
    assert max(admins.values()) <= 10


def test_group_sizes_are_skewed_and_keep_to_their_caps(community: demo.DemoSummary) -> None:
    listed = groups.list_groups(include_archived=True)
    sizes = sorted(g.members for g in listed)
    assert sizes[-1] > 4 * sizes[len(sizes) // 2]
    for row in listed:
        cap = Group.get_by_id(row.id).member_cap
        assert cap is None or row.members <= cap
    last = {g.last_interaction.date() for g in listed if g.last_interaction is not None}
    assert len(last) >= 8  # varied "last interaction" dates


def test_members_have_valid_unique_identities(community: demo.DemoSummary) -> None:
    rows = list(Member.select())
    qqs = [m.qq for m in rows if m.qq]
    wechats = [m.wechat_id for m in rows if m.wechat_id]
    phones = [m.phone for m in rows if m.phone]
    assert len(qqs) > 500 and len(wechats) > 500 and len(phones) > 200
    assert len(set(qqs)) == len(qqs) and len(set(wechats)) == len(wechats)
    assert all(normalise_qq(q) == q for q in qqs)
    assert all(normalise_wechat(w) == w for w in wechats)
    assert all(re.fullmatch(r"1[3589]\d{9}", p) for p in phones)
    in_qq_groups = {
        r[0]
        for r in _rows(
            "SELECT ms.member_id FROM membership ms JOIN chat_group g ON g.id = ms.group_id"
            " WHERE g.platform = 'qq'"
        )
    }
    with_qq = sum(1 for m in rows if m.id in in_qq_groups and m.qq)
    assert with_qq > 0.8 * len(in_qq_groups)


def test_members_read_like_a_chinese_community(community: demo.DemoSummary, now: datetime) -> None:
    rows = list(Member.select())
    names = [m.name for m in rows]
    assert sum(map(has_cjk, names)) > 0.85 * len(names)
    assert any(re.fullmatch(r"[A-Za-z_]+", n) for n in names)
    assert any(n[:2] in demo_words.COMPOUND_SURNAMES for n in names)
    assert all(m.sort_key == sort_key(m.name) for m in rows[:300])
    statuses = Counter(m.status for m in rows)
    assert set(statuses) == {"active", "banned"}  # leaving is a membership's
    assert statuses["active"] > 0.8 * len(rows)
    endings = Counter(
        (ms.status, ms.left_at is None)
        for ms in Membership.select(Membership.status, Membership.left_at)
    )
    assert set(endings) == {("active", True), ("left", False), ("removed", False)}
    assert endings[("left", False)] > endings[("removed", False)] > 0
    # a member removed from one group stays in their others
    removed_yet_in = _scalar(
        "SELECT COUNT(DISTINCT member_id) FROM membership ms WHERE status = 'removed'"
        " AND EXISTS (SELECT 1 FROM membership x WHERE x.member_id = ms.member_id"
        " AND x.status = 'active')"
    )
    assert removed_yet_in > 0
    assert 0 < sum(m.star for m in rows) < 0.03 * len(rows)
    assert sum(bool(m.city) for m in rows) > len(rows) // 2
    first_seen = [m.first_seen for m in rows]
    assert max(first_seen) <= now and min(first_seen) < now - timedelta(days=2 * 365)
    tagged = _scalar("SELECT COUNT(DISTINCT member_id) FROM member_tag")
    assert 0.2 * len(rows) < tagged < 0.6 * len(rows)
    assert {"摄影", "志愿者", "老用户"} <= {t.tag for t in MemberTag.select(MemberTag.tag)}
    nicknamed = Membership.select().where(Membership.nickname != "").count()
    assert 0.15 < nicknamed / community.memberships < 0.6
    assert Interaction.select().where(Interaction.group.is_null(False)).count() >= 24


def test_search_rows_equal_what_refresh_search_writes(community: demo.DemoSummary) -> None:
    nicknamed = (
        "SELECT DISTINCT member_id FROM membership WHERE nickname != '' ORDER BY 1 LIMIT 150"
    )
    with_nicknames = [r[0] for r in _rows(nicknamed)]
    sample = sorted(set(with_nicknames) | set(range(1, 2001, 37)))
    marks = ",".join("?" * len(sample))
    query = f"SELECT member_id, text, pinyin, lead FROM member_search WHERE member_id IN ({marks})"
    written = {r[0]: r[1:] for r in _rows(query, *sample)}
    members.refresh_search(sample)
    assert {r[0]: r[1:] for r in _rows(query, *sample)} == written
    assert len(written) == len(sample)


def test_generated_people_are_found_by_pinyin_name_and_number(
    community: demo.DemoSummary,
) -> None:
    hits = search_ids(MemberFilter(text="zs"))
    assert any(name_keys(Member.get_by_id(i).name)[2].startswith("zs") for i in hits)
    person = next(
        m
        for m in Member.select().where(Member.qq.is_null(False)).order_by(Member.id)
        if re.fullmatch(r"[\u4e00-\u9fff]{3}", m.name)
    )
    _, full, initials = name_keys(person.name)
    for query in (person.name[:2], full, initials, person.qq[:5], person.name):
        assert person.id in search_ids(MemberFilter(text=query)), query
    assert search_ids(MemberFilter(text="xqzvk")) == []


def test_the_sample_only_goes_into_an_empty_database() -> None:
    groups.create_group("已有的群")
    with pytest.raises(ValidationError, match="empty database"):
        demo.build(50, 3)
    assert Member.select().count() == 0 and Group.select().count() == 1


def test_a_database_with_only_members_is_refused_too() -> None:
    members.create_member("张三", qq="12345")
    with pytest.raises(ValidationError):
        demo.build(50, 3)
    assert Member.select().count() == 1 and Membership.select().count() == 0


@pytest.mark.parametrize(("members_", "groups_"), [(0, 3), (10, 0)])
def test_sizes_out_of_range_are_refused(members_: int, groups_: int) -> None:
    with pytest.raises(ValidationError):
        demo.build(members_, groups_)


def test_one_seed_and_one_clock_give_one_community(
    now: datetime, tmp_path: Path, database: Path
) -> None:
    demo.build(300, 12, seed=7)
    first = _dump()
    close_database()
    open_community(tmp_path / "second.db")
    demo.build(300, 12, seed=7)
    assert _dump() == first
    close_database()
    open_community(tmp_path / "third.db")
    demo.build(300, 12, seed=8)
    assert _dump()["member"] != first["member"]


@pytest.mark.parametrize("cancel_at", [0, 10, 700, 990])
def test_cancel_rolls_everything_back(cancel_at: int) -> None:
    def progress(done: int, total: int) -> None:
        if done >= cancel_at:
            raise Cancelled()

    with pytest.raises(Cancelled):
        demo.build(800, 12, progress=progress)
    for table in TABLES:
        assert _scalar(f"SELECT COUNT(*) FROM {table}") == 0, table
    assert Tier.select().count() == 4  # what was there before is still there


def test_progress_runs_from_zero_to_done_without_going_back() -> None:
    calls: list[tuple[int, int]] = []
    demo.build(6000, 30, progress=lambda done, total: calls.append((done, total)))
    done = [d for d, _ in calls]
    assert done[0] == 0 and calls[-1] == (1000, 1000)
    assert done == sorted(done)
    assert len(calls) >= 20  # regular reports, so Cancel answers quickly


@pytest.mark.slow
def test_twenty_thousand_members_build_in_a_few_queries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    statements: list[str] = []
    real = db.obj.execute_sql

    def counting(sql: str, *args: Any, **kwargs: Any) -> Any:
        statements.append(sql)
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(db.obj, "execute_sql", counting)
    summary = demo.build(20000, 60)
    assert summary.memberships == pytest.approx(50000, rel=0.08)
    queries = [sql for sql in statements if not sql.startswith("PRAGMA")]
    # the message and daily-count tables' eight indexes dropped and made again once, and the
    # daily counts' six triggers with them (the weekly figures made once after, the last 30
    # days' at the next look)
    remade = [sql for sql in queries if sql.startswith(("DROP ", "CREATE "))]
    assert len([sql for sql in remade if "INDEX" in sql]) == 16
    assert len([sql for sql in remade if "TRIGGER" in sql]) == 12
    assert len(remade) == 28
    # the rows go in with executemany, never one query per row; two statements write the
    # memberships' status (left, removed) after the plan's people; the chat history reads
    # the groups, memberships and violations once, remembers the operator's accounts and
    # makes the weekly figures again (the daily counts' triggers read, two statements)
    assert len(queries) - len(remade) < 37


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_demo_command_fills_a_new_file_and_refuses_a_full_one(tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    first = _cli("demo", "--db", str(path), "--members", "500", "--groups", "10")
    assert first.returncode == 0, first.stderr
    assert "500 members in 10 groups" in first.stdout
    with sqlite3.connect(path) as conn:
        counts = [conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES[:3]]
    assert counts == [10, 500, 500]

    second = _cli("demo", "--db", str(path), "--members", "500", "--groups", "10")
    assert second.returncode == 1
    assert second.stderr.startswith("huoqun: ") and "empty database" in second.stderr
    assert second.stderr.count("\n") == 1 and "Traceback" not in second.stderr
