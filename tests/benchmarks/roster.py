"""Roster import and export at the reference load.

Import: a deterministic QQ-export-like CSV (GB18030, one row per member of the reference
load, every QQ number new) goes into an empty new group on a copy of the reference database
through the real service path (``read_roster`` → ``detect_preset``/``auto_mapping`` →
``preview`` → ``apply``, which backs up first), against plain ``sqlite3``: the ``csv`` module
and ``executemany`` into member, membership and member_search of another copy.

Export: ``roster_export.export_roster`` of every member to CSV and to XLSX, against plain
``sqlite3`` with the ``csv`` module (and with openpyxl's write-only workbook for XLSX).
"""

from __future__ import annotations

import contextlib
import csv
import random
import sqlite3
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.common import (
    Bench,
    Row,
    community,
    copy_database,
    log,
    median,
    remove_backups,
    timed,
)

IMPORT_TARGET_S = 10.0
IMPORT_RATIO = 5.0
CSV_TARGET_S = 3.0
CSV_RATIO = 3.0
GROUP = "基准导入群"
HEADERS = ["序号", "成员", "群名片", "QQ号", "性别", "Q龄", "入群时间", "等级(积分)", "最后发言"]
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "海门", "郑州"]
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕"


def roster_csv(bench: Bench) -> Path:
    """The roster of ``bench.members`` rows, written once into the cache (same seed, same file)."""
    path = bench.cache / f"roster-{bench.members}.csv"
    if path.exists():
        return path
    from app.io.demo_words import SURNAMES

    log(f"import: writing the {bench.members:,}-row roster {path.name} (once)")
    rng = random.Random(20260101)
    numbers = rng.sample(range(4_000_000_000, 4_300_000_000), bench.members)
    partial = path.with_suffix(".partial")
    with partial.open("w", encoding="gb18030", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        for index, qq in enumerate(numbers, 1):
            name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
            card = rng.choice(("", name, f"{rng.choice(CITIES)}-{name}", f"[管理]{name}"))
            if rng.random() < 0.9 and card.startswith("[管理]"):
                card = name  # few admins
            joined = f"20{rng.randint(18, 25)}/{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}"
            spoke = (
                ""
                if rng.random() < 0.3
                else f"{joined} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
            )
            writer.writerow([
                index, rng.choice((name, f"qq{index}")), card, qq,
                rng.choice(("男", "女", "未知")), f"{rng.randint(1, 18)}年",
                f"{joined} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
                f"LV{rng.randint(1, 100)}", spoke,
            ])  # fmt: skip
    partial.replace(path)
    return path


def import_with_app(path: Path, progress: Any = None) -> dict[str, Any]:
    """The service path of the import wizard (and ``huoqun import``) into the bound database;
    the seconds of each step and the counts."""
    from app.io import roster_import as ri

    started = time.perf_counter()
    roster = ri.read_roster(path)
    read = time.perf_counter()
    preset = ri.detect_preset(roster.headers)
    mapping = ri.auto_mapping(roster.headers, preset)
    plan = ri.preview(roster, mapping, GROUP, None, False, False, preset)
    previewed = time.perf_counter()
    result = ri.apply(plan, progress)
    ri.let_go_of(plan)  # as the wizard does once the import is written
    ended = time.perf_counter()
    return {
        "read_s": read - started,
        "preview_s": previewed - read,
        "apply_s": ended - previewed,
        "new": result.new,
        "updated": result.updated,
        "invalid": result.invalid,
    }


def import_with_sqlite(db_path: Path, roster: Path) -> int:
    """Plain sqlite3: the csv module, then executemany into member, membership, member_search."""
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    with roster.open(encoding="gb18030", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    with contextlib.closing(sqlite3.connect(db_path)) as conn, conn:
        tier = conn.execute('SELECT id FROM tier ORDER BY "rank" DESC LIMIT 1').fetchone()[0]
        group = conn.execute(
            "INSERT INTO chat_group (name, sort_key, platform, platform_id, kind, description,"
            " announcement, archived, created_at) VALUES (?, ?, 'qq', '', 'chat', '', '', 0, ?)",
            (GROUP, GROUP, now),
        ).lastrowid
        first = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM member").fetchone()[0]
        ids = range(first, first + len(rows))
        conn.executemany(
            "INSERT INTO member (id, name, sort_key, qq, email, city, gender, notes, star,"
            " tier_id, status, status_reason, first_seen) VALUES"
            " (?, ?, ?, ?, '', '', ?, '', 0, ?, 'active', '', ?)",
            [(i, r[1], r[1], r[3], r[4], tier, now) for i, r in zip(ids, rows, strict=True)],
        )
        conn.executemany(
            "INSERT INTO membership (member_id, group_id, nickname, role, joined_at,"
            " last_spoke_at) VALUES (?, ?, ?, 'member', ?, ?)",
            [(i, group, r[2], r[6], r[8] or None) for i, r in zip(ids, rows, strict=True)],
        )
        conn.executemany(
            "INSERT INTO member_search (member_id, text, pinyin) VALUES (?, ?, '')",
            [(i, f"{r[1]} {r[2]} {r[3]}".lower()) for i, r in zip(ids, rows, strict=True)],
        )
    return len(rows)


def measure_import(bench: Bench) -> list[Row]:
    repeat = bench.times(3)
    roster = roster_csv(bench)
    ours, base, steps = [], [], []
    for index in range(repeat):
        log(f"import: {roster.name} through the app, run {index + 1} of {repeat}")
        target = copy_database(bench.db, bench.work / "import.db")
        with community(target):
            started = time.perf_counter()
            steps.append(import_with_app(roster))
            ours.append((time.perf_counter() - started) * 1e3)
        remove_backups(target)
        log(f"import: plain sqlite3, run {index + 1} of {repeat}")
        target = copy_database(bench.db, bench.work / "import-base.db")
        started = time.perf_counter()
        written = import_with_sqlite(target, roster)
        base.append((time.perf_counter() - started) * 1e3)
    mine, theirs = median(ours), median(base)
    step = {key: median([s[key] for s in steps]) for key in ("read_s", "preview_s", "apply_s")}
    counts = steps[0]
    note = (
        f"{written:,} rows, GB18030; new {counts['new']:,}, updated {counts['updated']:,}, "
        f"invalid {counts['invalid']:,}; read_roster {step['read_s']:.2f} s, preview "
        f"{step['preview_s']:.2f} s, apply {step['apply_s']:.2f} s (with its backup); baseline "
        "writes no pinyin"
    )
    return [
        Row(
            "import: 100k-row roster into a new group"
            if bench.members == 100_000
            else f"import: {written:,}-row roster into a new group",
            mine,
            theirs,
            f"< {IMPORT_TARGET_S:.0f} s and ≤ {IMPORT_RATIO:.0f}×",
            mine < IMPORT_TARGET_S * 1e3 and mine <= IMPORT_RATIO * theirs,
            note,
        )
    ]


EXPORT_SQL = """
SELECT m.name, t.name, m.status, m.star, m.qq, m.wechat_id, m.phone, m.email, m.city, m.gender,
  (SELECT group_concat(g.name, ';') FROM membership ms JOIN chat_group g ON g.id = ms.group_id
    WHERE ms.member_id = m.id AND ms.left_at IS NULL),
  (SELECT group_concat(tag, ';') FROM member_tag WHERE member_id = m.id),
  substr(m.first_seen, 1, 10), substr(m.last_contacted, 1, 10), m.notes
FROM member m JOIN tier t ON t.id = m.tier_id ORDER BY m.sort_key, m.id
"""
EXPORT_HEADERS = ["Name", "Tier", "Status", "Star", "QQ", "WeChat", "Phone", "Email", "City"]
EXPORT_HEADERS += ["Gender", "Groups", "Tags", "First seen", "Last contacted", "Notes"]


def export_with_sqlite(db_path: Path, out: Path, fmt: str) -> None:
    """Plain sqlite3: one query, every row straight to the CSV writer or the workbook."""
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        rows = conn.execute(EXPORT_SQL)
        if fmt == "csv":
            with out.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(EXPORT_HEADERS)
                writer.writerows(rows)
            return
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(EXPORT_HEADERS)
        for row in rows:
            sheet.append(row)
        book.save(out)


def export_with_app(out: Path, fmt: str, progress: Any = None) -> int:
    """What the export dialog runs: every member, the default columns, into ``out``."""
    from app.io import roster_export

    ids = roster_export.member_ids_for()
    columns = roster_export.default_columns()
    return int(roster_export.export_roster(out, ids, columns, fmt, progress=progress))


def measure_export(bench: Bench) -> list[Row]:
    rows = []
    with community(bench.db):
        for fmt, suffix in (("csv", "csv"), ("xlsx", "xlsx")):
            repeat = bench.times(3)
            log(f"export: {fmt.upper()}, {repeat} times each way")
            out = bench.work / f"export.{suffix}"
            ours, count = timed(lambda f=fmt, o=out: export_with_app(o, f), repeat, warm=False)
            size = out.stat().st_size / 2**20
            base_out = bench.work / f"export-base.{suffix}"
            base, _ = timed(
                lambda f=fmt, o=base_out: export_with_sqlite(bench.db, o, f), repeat, warm=False
            )
            if fmt == "csv":
                target = f"< {CSV_TARGET_S:.0f} s and ≤ {CSV_RATIO:.0f}×"
                met: bool | None = ours < CSV_TARGET_S * 1e3 and ours <= CSV_RATIO * base
                note = f"{count:,} members, UTF-8 with BOM, {size:.1f} MB; baseline: csv module"
            else:
                target, met = "", None
                note = f"{count:,} members, {size:.1f} MB; baseline: openpyxl write-only"
            rows.append(
                Row(f"export: every member to {fmt.upper()}", ours, base, target, met, note)
            )
            out.unlink(missing_ok=True)
            base_out.unlink(missing_ok=True)
    return rows
