"""Activity from chat history at scale (issue #19, PRODUCT.md §4b and §7): 200 groups and
5,000,000 messages over 26 weeks, generated here into a copy of the reference database,
then what the window reads (``activity.group_activity(detail=False)`` of every group, for
the Groups panel and Today; ``group_activity([one group])`` with its lists, for a group's
page; ``health.all_health()``, which reads it for the activity findings), and the CLI's
report of every group with every list, each against its own statements replayed in plain
sqlite3. The database is left as the app leaves it: no ``ANALYZE`` statistics.

The chat is shaped like real groups: in each, a few talkers carry most of the talk, a few
hundred speak now and then, everyone else never; the operator writes a little; some groups
fall, one hangs on one voice, one is the operator's monologue; newcomers join; a few ad-like
messages. Rows are written straight with sqlite3 as the import leaves them (``message``,
``chat_day``, ``chat_source``, memberships' last spoke and joined dates).

    python -m tests.benchmarks --only activity [--members N --groups N]
    python -m tests.benchmarks.activity [--messages N]   # on the reference database
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.benchmarks.common import Bench, Row, community, copy_database, log, timed
from tests.benchmarks.panels import _replay, _statements

TARGET_MS = 200.0
MESSAGES = 5_000_000
DAYS = 26 * 7
BATCH = 50_000


def _profiles(groups: list[int], rng: random.Random) -> dict[int, str]:
    """How each group's talk goes over the 26 weeks."""
    kinds = ["steady"] * 6 + ["falling"] * 2 + ["collapsing", "rising"]
    out = {g: rng.choice(kinds) for g in groups}
    if len(groups) >= 3:
        out[groups[0]], out[groups[1]], out[groups[2]] = "one_voice", "monologue", "collapsing"
    return out


def _volume(kind: str, age: int) -> float:
    """The relative daily volume ``age`` days before today."""
    if kind in ("falling", "collapsing") and age < 28:
        return 0.4 if kind == "falling" else 0.15
    if kind == "rising":
        return 0.5 + (DAYS - age) / DAYS
    return 1.0


def generate(conn: sqlite3.Connection, messages: int, seed: int, today: date) -> dict[str, Any]:
    """Write ``messages`` messages of every group of ``conn`` (its chat tables emptied first),
    their daily counts and sources; what was written."""
    rng = random.Random(seed)
    for table in ("message", "chat_day", "chat_event", "chat_source"):
        conn.execute(f"DELETE FROM {table}")
    groups = [g for (g,) in conn.execute("SELECT id FROM chat_group ORDER BY id")]
    roster: dict[int, list[int]] = {}
    for group, member in conn.execute(
        "SELECT group_id, member_id FROM membership WHERE left_at IS NULL ORDER BY group_id, id"
    ):
        roster.setdefault(group, []).append(member)
    profiles = _profiles(groups, rng)
    per_group = messages // len(groups)
    days_rows: list[tuple[Any, ...]] = []
    message_rows: list[tuple[Any, ...]] = []
    written = 0
    first_day = today - timedelta(days=DAYS - 1)
    for index, group in enumerate(groups):
        people = roster.get(group, [])
        rng.shuffle(people)
        talkers = people[: rng.randint(3, 8)]
        # a few hundred who speak now and then (the sample community's groups have ~400
        # senders a month each): the last 30 days' per-sender figures are the cost
        occasional = people[len(talkers) : len(talkers) + 600]
        kind = profiles[group]
        weights = [_volume(kind, DAYS - 1 - d) for d in range(DAYS)]
        scale = (per_group + (messages % len(groups) if index == 0 else 0)) / sum(weights)
        left = per_group + (messages % len(groups) if index == 0 else 0)
        for d in range(DAYS):
            day = first_day + timedelta(days=d)
            total = left if d == DAYS - 1 else min(left, round(weights[d] * scale))
            left -= total
            split = _split(total, kind, talkers, occasional, rng)
            for member, operator, count in split:
                days_rows.append((group, member, day.isoformat(), operator, count))
                for i in range(count):
                    written += 1
                    ad = rng.random() < 0.0002 and not operator
                    message_rows.append(
                        (
                            group, member, f"{day.isoformat()} {8 + i % 14:02d}:{i % 60:02d}:00",
                            (2 if ad else 0) | (16 if operator else 0), f"k{written}",
                            "加微信 abc12345 领取优惠券" if ad else None,
                        )
                    )  # fmt: skip
            if len(message_rows) >= BATCH:
                _flush(conn, days_rows, message_rows)
        conn.execute(
            "INSERT INTO chat_source (group_id, platform, chat_id, name, format, files,"
            " first_at, last_at, imported_at) VALUES (?, 'qq', ?, '', 'chatlab-jsonl', '[]',"
            " ?, ?, ?)",
            (group, str(group), f"{first_day} 08:00:00", f"{today} 20:00:00", f"{today} 21:00:00"),
        )
        for member in people[-20:]:  # newcomers: some speak, most not
            joined = today - timedelta(days=rng.randint(0, 89))
            conn.execute(
                "UPDATE membership SET joined_at = ? WHERE group_id = ? AND member_id = ?",
                (f"{joined} 09:00:00", group, member),
            )
    _flush(conn, days_rows, message_rows)
    conn.execute(
        "UPDATE membership SET last_spoke_at = (SELECT max(day) || ' 20:00:00' FROM chat_day d"
        " WHERE d.group_id = membership.group_id AND d.member_id = membership.member_id)"
    )
    conn.commit()
    day_count = conn.execute("SELECT count(*) FROM chat_day").fetchone()[0]
    memberships = conn.execute("SELECT count(*) FROM membership").fetchone()[0]
    return {"messages": written, "chat_days": day_count, "groups": len(groups),
            "memberships": memberships}  # fmt: skip


def _split(
    total: int, kind: str, talkers: list[int], occasional: list[int], rng: random.Random
) -> list[tuple[int | None, int, int]]:
    """A day's messages among the operator, the talkers and a few occasional speakers."""
    operator_share = 0.6 if kind == "monologue" else 0.05
    mine = round(total * operator_share)
    rest = total - mine
    out: list[tuple[int | None, int, int]] = []
    if mine:
        out.append((None, 1, mine))
    if kind == "one_voice" and talkers:
        first = round(rest * 0.7)
        out.append((talkers[0], 0, first))
        rest -= first
    few = rng.sample(occasional, min(len(occasional), rng.randint(0, 30)))
    for member in few:
        n = min(rest, rng.randint(1, 3))
        if n:
            out.append((member, 0, n))
            rest -= n
    speaking = [t for t in talkers if rng.random() < 0.8] or talkers[:1]
    if not speaking:  # a group without members: the operator alone
        return [(None, 1, total)] if total else []
    counts = [0] * len(speaking)
    for _ in range(rest):
        counts[rng.randrange(len(speaking))] += 1
    out.extend((m, 0, c) for m, c in zip(speaking, counts, strict=True) if c)
    merged: dict[tuple[int | None, int], int] = {}
    for member, operator, count in out:
        merged[(member, operator)] = merged.get((member, operator), 0) + count
    return [(m, op, c) for (m, op), c in merged.items() if c]


def _flush(
    conn: sqlite3.Connection, days: list[tuple[Any, ...]], messages: list[tuple[Any, ...]]
) -> None:
    conn.executemany(
        "INSERT INTO chat_day (group_id, member_id, day, operator, messages) VALUES (?,?,?,?,?)",
        days,
    )
    conn.executemany(
        "INSERT INTO message (group_id, member_id, sender_id, sender_name, sent_at, kind, flags,"
        " key, excerpt) VALUES (?, ?, '', '', ?, 'text', ?, ?, ?)",
        messages,
    )
    days.clear()
    messages.clear()


def _summary(path: Path) -> dict[str, Any]:
    with community(path):
        pass  # migrated to this version's schema
    with contextlib.closing(sqlite3.connect(path)) as conn:
        count = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("message", "chat_day", "membership", "chat_group")}  # fmt: skip
    return {"messages": count["message"], "chat_days": count["chat_day"],
            "memberships": count["membership"], "groups": count["chat_group"],
            "seconds": 0.0}  # fmt: skip


def prepare(source: Path, work: Path, messages: int, seed: int) -> tuple[Path, dict[str, Any]]:
    """A copy of ``source`` (migrated to the app's schema) carrying the generated chat."""
    from app.core import clock

    path = copy_database(source, work / "activity.db")
    with community(path):  # migrated as the app would
        pass
    started = time.perf_counter()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = OFF")
        summary = generate(conn, messages, seed, clock.local_today())
        conn.commit()
    summary["seconds"] = time.perf_counter() - started
    return path, summary


def _fill_again() -> None:
    """What the first look at activity of a new local day does before it reads."""
    from app.core import activity, chat_recent, clock, health_thresholds
    from app.store.models import db

    w = activity.windows(clock.now(), health_thresholds.thresholds())
    with db.atomic():
        chat_recent.forget()
    chat_recent.hold(w["since"], w["today"])


def measure_activity(
    bench: Bench, messages: int = MESSAGES, reuse: Path | None = None
) -> list[Row]:
    """``group_activity()`` and ``all_health()`` on 200 groups' chat, vs their SQL.
    ``reuse``: a database this benchmark generated before (kept from an earlier run)."""
    from app.core import activity, health

    messages = messages if bench.members >= 100_000 else min(messages, 50 * bench.members)
    if reuse is not None:
        path, made = reuse, _summary(reuse)
    else:
        log(f"activity: generating {messages:,} messages in a copy of the reference database")
        path, made = prepare(bench.db, bench.work, messages, bench.seed)
    log(
        f"activity: {made['messages']:,} messages, {made['chat_days']:,} daily counts,"
        f" {made['groups']} groups in {made['seconds']:.0f} s"
    )
    repeat = bench.times(9)
    rows: list[Row] = []
    with community(path), contextlib.closing(sqlite3.connect(path)) as conn:
        largest = conn.execute(
            "SELECT group_id FROM membership WHERE left_at IS NULL GROUP BY group_id"
            " ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        activity.group_activity(detail=False)  # the day's first look: measured on its own
        # what the window reads (the Groups panel and Today: every group without the lists of
        # newcomers; a group's page: one group with them) has the target; the CLI's report
        # of every group with every newcomer named is measured beside them
        for label, fn, target in (
            (
                "activity: group_activity(detail=False) of every group",
                lambda: activity.group_activity(detail=False),
                True,
            ),
            (
                "activity: group_activity([largest group]) with its lists",
                lambda: activity.group_activity([largest]),
                True,
            ),
            ("activity: all_health() with the activity findings", health.all_health, True),
            ("activity: group_activity() of every group, every list", activity.group_activity,
             False),
        ):  # fmt: skip
            statements = _statements(fn)
            ours, result = timed(fn, repeat)
            base, _ = timed(lambda s=statements: _replay(conn, s), repeat)
            found = list(result.values() if isinstance(result, dict) else result)
            newcomers = sum(len(a.newcomers_90d) for a in found if hasattr(a, "newcomers_90d"))
            rows.append(
                Row(
                    label,
                    ours,
                    base,
                    f"< {TARGET_MS:.0f} ms" if target else "",
                    ours < TARGET_MS if target else None,
                    f"{len(found)} groups, {made['messages']:,} messages"
                    f" ({made['chat_days']:,} daily counts, {made['memberships']:,}"
                    f" memberships{f', {newcomers:,} newcomers listed' if newcomers else ''});"
                    f" baseline: its {len(statements)} statements in plain sqlite3",
                )
            )
        ours, _ = timed(_fill_again, repeat)
        rows.append(
            Row(
                "activity: the last 30 days summed again (the first look of a day)",
                ours,
                note=f"{conn.execute('SELECT count(*) FROM chat_recent').fetchone()[0]:,} senders"
                " of a group in the window, from the daily counts",
            )
        )
        biggest = conn.execute(
            "SELECT member_id FROM chat_day WHERE member_id IS NOT NULL GROUP BY member_id"
            " ORDER BY sum(messages) DESC LIMIT 1"
        ).fetchone()[0]
        ours, result = timed(lambda: activity.member_activity(biggest), repeat)
        rows.append(
            Row("activity: member_activity(most talkative)", ours, note=f"{len(result)} groups")
        )
    return rows


if __name__ == "__main__":
    import argparse

    from tests.benchmarks.common import DEFAULT_CACHE, ensure_database, table

    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=MESSAGES)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--repeat", type=int)
    parser.add_argument("--reuse", type=Path, help="a database generated by an earlier run")
    args = parser.parse_args()
    db_path, how = ensure_database(args.cache, 100_000, 200, 1)
    log(how)
    found_rows = measure_activity(
        Bench(100_000, 200, 1, args.repeat, args.cache, db_path), args.messages, args.reuse
    )
    print(table(found_rows))
    print(datetime.now().isoformat(" ", "seconds"))
