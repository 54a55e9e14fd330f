"""Importing a big chat export (issue #18, PRODUCT.md §7): the Telegram ``result.json`` of
``chat_read`` (1,000,000 messages from 5,000 senders at the reference load) into a new
database, against the baseline: stream-parse the same file with ijson and ``executemany``
one row per message into plain ``sqlite3``, in one transaction.

Each side runs in a fresh process that reports its times and VmHWM. Ours opens (and migrates)
a new database first, untimed; then ``plan_chat`` + ``apply`` are timed (fingerprinting,
matching, writing, the daily counts and the other effects), then the same again: the
re-import, which must take under a quarter of the first import.

    python -m tests.benchmarks.chat_import FILE baseline|ours   # the child: prints JSON
    python -m tests.benchmarks.chat_import --messages N          # both sides, a table
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.chat_read import MEMORY_TARGET_MB, telegram_export
from tests.benchmarks.common import REPO, Bench, Row, log, median, peak_rss_mb, table

RATIO_TARGET = 2.0
AGAIN_TARGET = 0.25


def _baseline(path: Path, work: Path) -> dict[str, float]:
    """The same work done plainly: every message a row of the same columns as ours, into a
    table with the same unique key (group, key), ``INSERT OR IGNORE`` as ours."""
    import ijson

    began, cpu = time.perf_counter(), time.process_time()
    conn = sqlite3.connect(work / "baseline.db")
    conn.execute(
        "CREATE TABLE message (id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL,"
        " member_id INTEGER, sender_id TEXT NOT NULL, sender_name TEXT NOT NULL,"
        " sent_at TEXT NOT NULL, kind TEXT NOT NULL, flags INTEGER NOT NULL, key TEXT NOT NULL,"
        " excerpt TEXT)"
    )
    conn.execute("CREATE UNIQUE INDEX message_key ON message (group_id, key)")
    insert = (
        "INSERT OR IGNORE INTO message (group_id, member_id, sender_id, sender_name, sent_at,"
        " kind, flags, key, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    rows: list[tuple[object, ...]] = []
    count = 0
    with path.open("rb") as fh, conn:
        for m in ijson.items(fh, "messages.item"):
            if m.get("type") != "message":
                continue
            kind = "image" if "photo" in m else "sticker" if "sticker_emoji" in m else "text"
            rows.append((1, None, m.get("from_id"), m.get("from"), m["date_unixtime"], kind,
                         "reply_to_message_id" in m, str(m["id"]), None))  # fmt: skip
            count += 1
            if len(rows) >= 2000:
                conn.executemany(insert, rows)
                rows.clear()
        conn.executemany(insert, rows)
    conn.close()
    return {
        "seconds": time.perf_counter() - began,
        "cpu": time.process_time() - cpu,
        "messages": count,
        "peak_mb": peak_rss_mb(),
    }


def _ours(path: Path, work: Path) -> dict[str, float]:
    from app.core import chat_import
    from app.core.database import open_community
    from app.io.chats import detect, list_chats

    open_community(work / "ours.db", "en", create=True)
    began, cpu = time.perf_counter(), time.process_time()
    (chat,) = list_chats([path], detect([path]))
    result = chat_import.apply(chat_import.plan_chat(chat))
    first, cpu = time.perf_counter() - began, time.process_time() - cpu
    began = time.perf_counter()
    (chat,) = list_chats([path], detect([path]))
    again = chat_import.apply(chat_import.plan_chat(chat))
    second = time.perf_counter() - began
    if again.counts.messages_new:
        raise AssertionError(f"the re-import added {again.counts.messages_new} messages")
    return {
        "seconds": first,
        "cpu": cpu,
        "again": second,
        "messages": result.counts.messages_new,
        "senders": result.counts.senders_new,
        "peak_mb": peak_rss_mb(),
    }


def _run(path: Path, side: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.chat_import", str(path), side],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _export(cache: Path, messages: int) -> Path:
    path = cache / f"telegram-{messages}.json"
    if not path.exists():
        log(f"chat import: writing a {messages:,}-message Telegram export (once)")
        telegram_export(path.with_suffix(".tmp"), messages).rename(path)
    return path


def rows_for(path: Path, messages: int, repeat: int) -> list[Row]:
    runs: dict[str, list[dict[str, float]]] = {"baseline": [], "ours": []}
    for _ in range(repeat):
        for side in runs:
            log(f"chat import: {side} in a fresh process")
            runs[side].append(_run(path, side))
    ours, base = runs["ours"], runs["baseline"]
    if ours[0]["messages"] != base[0]["messages"]:
        raise AssertionError(f"{ours[0]['messages']:,} imported of {base[0]['messages']:,}")
    seconds = median([r["seconds"] for r in ours]) * 1000
    base_seconds = median([r["seconds"] for r in base]) * 1000
    again = median([r["again"] for r in ours]) * 1000
    peak = max(r["peak_mb"] for r in ours)
    size_mb = path.stat().st_size / 2**20
    cpu, base_cpu = median([r["cpu"] for r in ours]), median([r["cpu"] for r in base])
    note = (
        f"{ours[0]['messages']:,} messages from {ours[0]['senders']:,} senders, {size_mb:.0f} MB;"
        " baseline: ijson + executemany of the same columns into plain sqlite3, under the same"
        f" unique key; each run ours {_each(ours, 'seconds')} s, baseline {_each(base, 'seconds')}"
        f" s; CPU time ours {cpu:.1f} s, baseline {base_cpu:.1f} s ({cpu / base_cpu:.2f}×)"
    )
    return [
        Row(f"chat import: {messages:,}-message Telegram export", seconds, base_seconds,
            f"≤ {RATIO_TARGET:g}× baseline", seconds <= RATIO_TARGET * base_seconds, note),
        Row("chat import: the same export again", again, seconds,
            f"< {AGAIN_TARGET:.0%} of the first import", again < AGAIN_TARGET * seconds,
            f"baseline column: the first import; each run {_each(ours, 'again')} s"),
        Row("chat import: peak memory (VmHWM)", peak, max(r["peak_mb"] for r in base),
            f"< {MEMORY_TARGET_MB:.0f} MB", peak < MEMORY_TARGET_MB,
            "both imports, in a fresh process", unit="MB"),
    ]  # fmt: skip


def _each(runs: list[dict[str, float]], key: str) -> str:
    return " / ".join(f"{r[key]:.1f}" for r in runs)


def measure_chat_import(bench: Bench) -> list[Row]:
    """Import time, re-import time and peak memory of the big export, medians."""
    messages = 1_000_000 if bench.members >= 100_000 else bench.members * 5
    return rows_for(_export(bench.cache, messages), messages, bench.times(3))


def _child(path: Path, side: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as work:
        return (_baseline if side == "baseline" else _ours)(path, Path(work))


if __name__ == "__main__":
    if sys.argv[1] == "--messages":
        count = int(sys.argv[2])
        cache = Path(sys.argv[3]) if len(sys.argv) > 3 else Path(tempfile.gettempdir())
        print(table(rows_for(_export(cache, count), count, 1)))
    else:
        print(json.dumps(_child(Path(sys.argv[1]), sys.argv[2])))
