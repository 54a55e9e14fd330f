"""The sample's chat history: every story of PRODUCT.md §4b, read straight from the daily
counts and the messages with SQL, and the tables as an import of each group's export leaves
them."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from app.core import activity, clock, health
from app.core.ad_like import EXCERPT_LIMIT, is_ad_like
from app.core.chat_weeks import WEEK_OF
from app.core.erase import erase_member
from app.core.health_thresholds import thresholds
from app.sample import demo
from app.sample.demo_chat_plan import MESSAGES_PER_MEMBER
from app.sample.demo_chat_words import OPERATOR_IDS
from app.store.models import db

MEMBERS, GROUPS = 3000, 24  # the sample the welcome page makes


def _rows(sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return list(db.execute_sql(sql, params).fetchall())


def _scalar(sql: str, *params: Any) -> Any:
    return _rows(sql, *params)[0][0]


def _sum(sql: str, *params: Any) -> int:
    return int(_scalar(sql, *params) or 0)


@pytest.fixture
def sample(now: datetime) -> demo.DemoSummary:
    return demo.build(MEMBERS, GROUPS, seed=1)


def _figures(now: datetime) -> dict[int, dict[str, Any]]:
    """§4b's figures of every group, from ``chat_day`` and the memberships."""
    today = clock.local_today(now)
    monday = today - timedelta(days=today.weekday())
    recent = (monday - timedelta(weeks=4)).isoformat()
    earlier = (monday - timedelta(weeks=16)).isoformat()
    since = (today - timedelta(days=29)).isoformat()
    before = (today - timedelta(days=119)).isoformat()
    joined = str(now - timedelta(days=90))
    out = {}
    for (gid,) in _rows("SELECT id FROM chat_group ORDER BY id"):
        per_day = "SELECT SUM(messages) FROM chat_day WHERE group_id = ? AND day >= ?"
        last4 = _sum(per_day + " AND day < ?", gid, recent, monday.isoformat())
        first12 = _sum(per_day + " AND day < ?", gid, earlier, recent)
        last30 = _sum(per_day, gid, since)
        operator = _sum(per_day + " AND operator", gid, since)
        speakers = _rows(
            "SELECT member_id, SUM(messages), COUNT(*) FROM chat_day WHERE group_id = ?"
            " AND day >= ? AND member_id IS NOT NULL GROUP BY member_id ORDER BY 2 DESC",
            gid, since,
        )  # fmt: skip
        quiet = _rows(
            "SELECT d.member_id FROM chat_day d JOIN membership ms ON ms.group_id = d.group_id"
            " AND ms.member_id = d.member_id WHERE d.group_id = ? AND d.day >= ?"
            " AND ms.left_at IS NULL AND NOT d.operator GROUP BY d.member_id"
            " HAVING MAX(d.day) < ? AND SUM(d.messages) >= 10",
            gid, before, since,
        )  # fmt: skip
        newcomers, spoke = _rows(
            "SELECT COUNT(*), SUM(last_spoke_at IS NOT NULL) FROM membership"
            " WHERE group_id = ? AND joined_at >= ? AND left_at IS NULL",
            gid, joined,
        )[0]  # fmt: skip
        out[gid] = {
            "enough": first12 / 12 >= 20 or last30 >= 50,
            "trend": (last4 / 4) / (first12 / 12) if first12 else None,
            "top_share": speakers[0][1] / last30 if speakers else 0.0,
            "operator_share": operator / last30 if last30 else 0.0,
            "souls": [m for m, n, days in speakers if n >= 0.15 * last30 and n >= 20 and days >= 8],
            "quiet": len(quiet),
            "newcomers": newcomers,
            "newcomers_spoke": (spoke or 0) / newcomers if newcomers else None,
        }
    return out


def _ads_standing(now: datetime) -> list[tuple[Any, ...]]:
    return _rows(
        "SELECT m.group_id, m.member_id, m.excerpt, ms.role FROM message m"
        " JOIN membership ms ON ms.member_id = m.member_id AND ms.group_id = m.group_id"
        " WHERE m.flags & 2 AND m.sent_at >= ? AND NOT EXISTS (SELECT 1 FROM violation v"
        " WHERE v.member_id = m.member_id AND v.group_id = m.group_id AND v.at >= m.sent_at)",
        str(now - timedelta(days=14)),
    )


def test_every_story_of_activity_shows_in_the_sample(
    sample: demo.DemoSummary, now: datetime
) -> None:
    figures = _figures(now)
    enough = {gid: f for gid, f in figures.items() if f["enough"]}
    assert len(enough) >= 0.75 * GROUPS  # most groups have enough data for findings
    trends = {gid: f["trend"] for gid, f in enough.items() if f["trend"] is not None}
    falling = [gid for gid, trend in trends.items() if trend <= 0.5]
    assert len(falling) >= 2, trends
    assert min(trends.values()) <= 0.25  # one collapsing
    assert len(falling) <= GROUPS // 4  # the others hold steady or grow
    voices = [gid for gid, f in enough.items() if f["top_share"] > 0.5]
    assert len(voices) == 1  # one group hangs on one member
    monologues = [gid for gid, f in enough.items() if f["operator_share"] > 0.5]
    assert len(monologues) == 1 and monologues != voices  # in one only the operator talks
    silent = [gid for gid, f in figures.items()
              if f["newcomers"] >= 10 and f["newcomers_spoke"] < 0.2]  # fmt: skip
    assert len(silent) == 1
    souls = [gid for gid, f in enough.items() if f["souls"] and gid not in voices]
    assert len(souls) >= 2
    assert sum(f["quiet"] > 0 for f in enough.values()) >= 3  # members who went quiet
    ads = _ads_standing(now)
    assert len({gid for gid, *_ in ads}) >= 2
    for _gid, _member, excerpt, role in ads:
        assert role == "member"
        assert excerpt and len(excerpt) <= EXCERPT_LIMIT and is_ad_like(excerpt)


def test_the_samples_stories_show_as_the_apps_findings_and_figures(
    sample: demo.DemoSummary, now: datetime
) -> None:
    figures = _figures(now)
    measured = activity.group_activity(now=now)
    joined = activity.windows(now, thresholds())["joined"]  # local days, unlike _figures
    for gid, f in figures.items():
        got = measured[gid]
        assert got.has_history and got.enough_data == f["enough"]
        assert len(got.went_quiet) == f["quiet"]
        newcomers = _scalar(
            "SELECT COUNT(*) FROM membership WHERE group_id = ? AND joined_at >= ?"
            " AND left_at IS NULL", gid, joined,
        )  # fmt: skip
        assert got.newcomers_count == newcomers == len(got.newcomers_90d)
        if f["enough"] and f["trend"] is not None:
            assert got.trend == pytest.approx(f["trend"])
        assert {s.member_id for s in got.soul_figures} == set(f["souls"])
    found = {h.group_id: {x.code for x in h.findings} for h in health.all_health(now)}
    codes = Counter(code for group in found.values() for code in group)
    for code in ("activity_falling", "one_voice", "operator_monologue", "newcomers_silent",
                 "ads_standing", "soul_figure"):  # fmt: skip
        assert codes[code] >= 1, (code, codes)
    voices = [gid for gid, f in figures.items() if f["enough"] and f["top_share"] > 0.5]
    assert [gid for gid, group in found.items() if "one_voice" in group] == voices
    ads = {gid for gid, *_ in _ads_standing(now)}
    assert {gid for gid, group in found.items() if "ads_standing" in group} == ads


def test_the_ads_behind_violations_were_logged(sample: demo.DemoSummary) -> None:
    """Ads of the groups without a story of ads are each followed by a violation."""
    logged = _rows(
        "SELECT m.sent_at, (SELECT MIN(v.at) FROM violation v WHERE v.member_id = m.member_id"
        " AND v.group_id = m.group_id AND v.at >= m.sent_at) FROM message m WHERE m.flags & 2"
    )
    followed = [at for at, violation in logged if violation is not None]
    assert len(followed) >= 10
    assert _scalar("SELECT COUNT(*) FROM message WHERE excerpt IS NOT NULL") == len(logged)


def _local_day(text: str) -> str:
    return clock.local_date(datetime.fromisoformat(text)).isoformat()


def test_the_history_is_as_an_import_leaves_it(sample: demo.DemoSummary, now: datetime) -> None:
    assert _scalar("SELECT COUNT(*) FROM message") == MESSAGES_PER_MEMBER * MEMBERS
    messages = _rows("SELECT group_id, member_id, sent_at, flags, sender_id FROM message")
    start = clock.local_day_start(date(2025, 9, 15))  # the Monday 25 weeks before this week's
    assert min(m[2] for m in messages) >= str(start) and max(m[2] for m in messages) <= str(now)
    # daily counts: per group, member, local day and operator, bots left out
    counted = Counter(
        (gid, member, _local_day(at), bool(flags & 16))
        for gid, member, at, flags, _ in messages if not flags & 8
    )  # fmt: skip
    days = {(gid, member, day, bool(op)): n
            for gid, member, day, op, n in _rows("SELECT group_id, member_id, day, operator,"
                                                  " messages FROM chat_day")}  # fmt: skip
    assert days == dict(counted)
    operator = [m for m in messages if m[3] & 16]
    assert operator and all(m[1] is None and m[4] == "" for m in operator)
    assert all(m[1] is not None for m in messages if not m[3] & (8 | 16))
    # last spoke: the last message, or a date before the history began
    last = {(gid, member): at for gid, member, at in _rows(
        "SELECT group_id, member_id, MAX(sent_at) FROM message WHERE member_id IS NOT NULL"
        " GROUP BY 1, 2")}  # fmt: skip
    for gid, member, spoke in _rows("SELECT group_id, member_id, last_spoke_at FROM membership"):
        if (gid, member) in last:
            assert spoke == last[(gid, member)]
        else:
            assert spoke is None or spoke < str(start)
    # the operator's days are their interactions with the group, at their last message
    mine: dict[tuple[int, str], str] = {}
    for gid, _member, at, _flags, _ in operator:
        key = (gid, _local_day(at))
        mine[key] = max(mine.get(key, at), at)
    chats = _rows("SELECT group_id, at FROM interaction WHERE kind = 'chat'")
    assert sorted(chats) == sorted((gid, at) for (gid, _day), at in mine.items())
    # joins and leaves match the memberships
    for gid, member, kind, at in _rows("SELECT group_id, member_id, kind, at FROM chat_event"):
        joined, left, status = _rows(
            "SELECT joined_at, left_at, status FROM membership WHERE group_id = ?"
            " AND member_id = ?", gid, member)[0]  # fmt: skip
        assert at == (joined if kind == "join" else left)
        assert kind in ("join", "leave" if status != "removed" else "removed")
    assert _scalar("SELECT COUNT(*) FROM chat_event WHERE kind = 'join'") > 100
    # one source per group, on the group's platform, covering its messages
    sources = _rows(
        "SELECT s.group_id, s.platform, g.platform, s.chat_id, g.platform_id, s.first_at,"
        " s.last_at, (SELECT MIN(sent_at) FROM message WHERE group_id = g.id),"
        " (SELECT MAX(sent_at) FROM message WHERE group_id = g.id)"
        " FROM chat_source s JOIN chat_group g ON g.id = s.group_id"
    )
    assert len(sources) == GROUPS
    for _gid, platform, group_platform, chat_id, platform_id, first, last_at, low, high in sources:
        assert (platform, chat_id, first, last_at) == (group_platform, platform_id, low, high)
    accounts = set(_rows("SELECT platform, account_id FROM my_account"))
    assert ("wechat", OPERATOR_IDS["wechat"]) in accounts and ("qq", OPERATOR_IDS["qq"]) in accounts


def test_the_chat_tables_keep_their_indexes(sample: demo.DemoSummary) -> None:
    indexes = {name for (name,) in _rows(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN"
        " ('message', 'chat_day')")}  # fmt: skip
    assert {"message_group_id_key", "message_member_id", "chatday_group_id_member_id_day",
            "chatday_group_id_day", "chatday_day_group_id_member_id_operator_messages",
            "chatday_member_id_day"} <= indexes  # fmt: skip
    plan = _rows("EXPLAIN QUERY PLAN SELECT * FROM chat_day WHERE member_id = 5 AND day > ''")
    assert "chatday_member_id_day" in str(plan)


def test_the_weekly_figures_follow_the_daily_counts(sample: demo.DemoSummary) -> None:
    week = WEEK_OF.format(d="day")
    made = set(_rows(
        f"SELECT group_id, {week} AS w, SUM(messages),"
        " SUM(CASE WHEN operator THEN messages ELSE 0 END),"
        " COUNT(DISTINCT CASE WHEN NOT operator THEN member_id END)"
        " FROM chat_day GROUP BY group_id, w"))  # fmt: skip
    kept = set(_rows("SELECT group_id, week, messages, operator_messages, speakers FROM chat_week"))
    assert len(made) > 100 and kept == made
    triggers = {name for (name,) in _rows("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"chat_day_week_insert", "chat_day_week_delete", "chat_day_week_update"} <= triggers


def test_erasing_a_sample_member_removes_their_messages(sample: demo.DemoSummary) -> None:
    member, count = _rows(
        "SELECT member_id, COUNT(*) FROM message WHERE member_id IS NOT NULL"
        " GROUP BY member_id ORDER BY 2 DESC LIMIT 1"
    )[0]
    assert count >= 20
    total = _scalar("SELECT COUNT(*) FROM message")
    erase_member(member)
    assert _scalar("SELECT COUNT(*) FROM message WHERE member_id = ?", member) == 0
    assert _scalar("SELECT COUNT(*) FROM chat_day WHERE member_id = ?", member) == 0
    assert _scalar("SELECT COUNT(*) FROM chat_event WHERE member_id = ?", member) == 0
    assert _scalar("SELECT COUNT(*) FROM message") == total - count
    left = _rows(
        "SELECT g.id, (SELECT COUNT(*) FROM message m WHERE m.group_id = g.id AND NOT m.flags & 8),"
        " (SELECT IFNULL(SUM(messages), 0) FROM chat_day d WHERE d.group_id = g.id)"
        " FROM chat_group g"
    )
    assert all(messages == counted for _gid, messages, counted in left)
