"""Roster import and export at the reference load.

Import: a deterministic QQ-export-like CSV (GB18030, one row per member of the reference
load, every QQ number new) goes into an empty new group on a copy of the reference database
through the real service path (``read_roster`` → ``detect_preset``/``auto_mapping`` →
``preview`` → ``apply``, which backs up first), against plain ``sqlite3``: the ``csv`` module
reading the file, then ``executemany`` of the very rows the app wrote (search keys and sort
keys included, taken from the app's result beforehand) into member, membership and
member_search of another copy. The app starts each run with its pinyin caches empty.

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
IMPORT_RATIO = 3.0
CSV_TARGET_S = 3.0
CSV_RATIO = 2.0
GROUP = "基准导入群"
HEADERS = ["序号", "成员", "群名片", "QQ号", "性别", "Q龄", "入群时间", "等级(积分)", "最后发言"]
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "海门", "郑州"]
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕"


def roster_csv(bench: Bench) -> Path:
    """The roster of ``bench.members`` rows, written once into the cache (same seed, same file)."""
    path = bench.cache / f"roster-{bench.members}.csv"
    if path.exists():
        return path
    from app.sample.demo_words import SURNAMES

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
    from app.core import roster_import as ri
    from app.core import undo

    undo.enable()  # the window records an import as an undoable step (PRODUCT.md §9)
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


# What the baseline writes: the app's own rows, column for column.
WRITTEN = {
    "chat_group": "SELECT * FROM chat_group WHERE name = :group",
    "member": "SELECT * FROM member WHERE id IN (SELECT member_id FROM membership"
    " WHERE group_id = (SELECT id FROM chat_group WHERE name = :group)) ORDER BY id",
    "membership": "SELECT * FROM membership"
    " WHERE group_id = (SELECT id FROM chat_group WHERE name = :group) ORDER BY id",
    "member_search": "SELECT * FROM member_search WHERE member_id IN (SELECT member_id FROM"
    " membership WHERE group_id = (SELECT id FROM chat_group WHERE name = :group))"
    " ORDER BY member_id",
}


def rows_written(db_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The rows an import into ``GROUP`` wrote, per table, read back from ``db_path``."""
    with contextlib.closing(sqlite3.connect(db_path)) as conn:
        return {
            table: conn.execute(sql, {"group": GROUP}).fetchall() for table, sql in WRITTEN.items()
        }


def import_with_sqlite(db_path: Path, roster: Path, rows: dict[str, list[tuple[Any, ...]]]) -> int:
    """Plain sqlite3: the csv module reads the file, then one executemany per table writes
    ``rows`` (the app's rows, search keys included) in one transaction."""
    with roster.open(encoding="gb18030", newline="") as fh:
        read = list(csv.reader(fh))[1:]
    with contextlib.closing(sqlite3.connect(db_path)) as conn, conn:
        for table, values in rows.items():
            marks = ", ".join("?" * len(values[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    if len(read) != len(rows["member"]):
        raise AssertionError(f"{len(read):,} rows read, {len(rows['member']):,} written")
    return len(read)


def cold_keys() -> None:
    """Empty the pinyin and search-key caches: every run computes its keys from nothing."""
    from app.core import pinyin, search

    for module in (pinyin, search):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def measure_import(bench: Bench) -> list[Row]:
    repeat = bench.times(3)
    roster = roster_csv(bench)
    ours, base, steps = [], [], []
    for index in range(repeat):
        log(f"import: {roster.name} through the app, run {index + 1} of {repeat}")
        target = copy_database(bench.db, bench.work / "import.db")
        with community(target):
            cold_keys()
            started = time.perf_counter()
            steps.append(import_with_app(roster))
            ours.append((time.perf_counter() - started) * 1e3)
        if index == 0:
            written_rows = rows_written(bench.work / "import.db")
        remove_backups(target)
        log(f"import: plain sqlite3, run {index + 1} of {repeat}")
        target = copy_database(bench.db, bench.work / "import-base.db")
        started = time.perf_counter()
        written = import_with_sqlite(target, roster, written_rows)
        base.append((time.perf_counter() - started) * 1e3)
    mine, theirs = median(ours), median(base)
    step = {key: median([s[key] for s in steps]) for key in ("read_s", "preview_s", "apply_s")}
    counts = steps[0]
    note = (
        f"{written:,} rows, GB18030; new {counts['new']:,}, updated {counts['updated']:,}, "
        f"invalid {counts['invalid']:,}; read_roster {step['read_s']:.2f} s, preview "
        f"{step['preview_s']:.2f} s, apply {step['apply_s']:.2f} s (with its backup); baseline: "
        "csv module + executemany of the same rows, search keys included"
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


def roster_xlsx(bench: Bench) -> Path:
    """The roster of ``roster_csv`` as an XLSX workbook (numbers as numbers), written once."""
    path = bench.cache / f"roster-{bench.members}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    log(f"xlsx: writing the {bench.members:,}-row workbook {path.name} (once)")
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    with roster_csv(bench).open(encoding="gb18030", newline="") as fh:
        for index, row in enumerate(csv.reader(fh)):
            sheet.append(
                row if index == 0 else [int(row[0]), row[1], row[2], int(row[3]), *row[4:]]
            )
    partial = path.with_suffix(".partial")
    book.save(partial)
    partial.replace(path)
    return path


def read_with_openpyxl(path: Path) -> int:
    """openpyxl's fastest reading (read-only, values only) of every row: the alternative."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()
        return sum(1 for _ in sheet.iter_rows(values_only=True))
    finally:
        book.close()


def measure_xlsx_read(bench: Bench) -> list[Row]:
    """``read_roster`` of an XLSX roster (calamine) against openpyxl reading the same sheet."""
    from app.io.rosters.file import read_roster

    path = roster_xlsx(bench)
    repeat = bench.times(3)
    log(f"xlsx: read_roster of {path.name}, {repeat} times; openpyxl once")
    ours, roster = timed(lambda: read_roster(path), repeat, warm=False)
    base, count = timed(lambda: read_with_openpyxl(path), 1, warm=False)
    if count != len(roster.rows) + 1:
        raise AssertionError(f"openpyxl read {count:,} rows, read_roster {len(roster.rows):,}")
    note = (
        f"{len(roster.rows):,} rows, {path.stat().st_size / 2**20:.1f} MB; ours: read_roster "
        "with python-calamine (rows to text included); baseline: openpyxl read-only, values "
        "only, rows not even turned into text"
    )
    size = "100k" if bench.members == 100_000 else f"{len(roster.rows):,}"
    return [Row(f"import: read a {size}-row XLSX roster", ours, base, "", None, note)]


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
    from app.core import roster_export

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
