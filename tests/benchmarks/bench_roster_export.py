"""Benchmark of PRODUCT.md §7's export figure: 100,000 members to CSV in under 3 s.

Run directly (not part of the test run): ``python tests/benchmarks/bench_roster_export.py``.
On the reference demo database (built once by ``bench_foundation``'s cache, reused), it times
``roster_export.export_roster`` to CSV side by side with a plain ``sqlite3`` + ``csv`` baseline
writing the same columns (groups and tags joined in SQL), and, for information, GB18030,
XLSX, a 10,000-member PDF and the JSON export of all records. Prints a Markdown table and
writes it to ``tests/benchmarks/results_export.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.benchmarks.bench_foundation import ensure_database  # noqa: E402 - after sys.path

RESULTS = Path(__file__).with_name("results_export.md")
TARGET_S = 3.0
HEADERS = ["Name", "Tier", "Status", "Star", "QQ", "WeChat", "Phone", "Email", "City"]
HEADERS += ["Gender", "Groups", "Tags", "First seen", "Last contacted", "Notes"]
BASELINE_SQL = """
SELECT m.name, t.name, m.status, m.star, m.qq, m.wechat_id, m.phone, m.email, m.city, m.gender,
  (SELECT group_concat(g.name, ';') FROM membership ms JOIN chat_group g ON g.id = ms.group_id
    WHERE ms.member_id = m.id AND ms.left_at IS NULL),
  (SELECT group_concat(tag, ';') FROM member_tag WHERE member_id = m.id),
  substr(m.first_seen, 1, 10), substr(m.last_contacted, 1, 10), m.notes
FROM member m JOIN tier t ON t.id = m.tier_id ORDER BY m.sort_key, m.id
"""


def median_s(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def baseline_csv(db_path: Path, out: Path) -> None:
    """Plain sqlite3 and the csv module: one query, every row straight to the file."""
    conn = sqlite3.connect(db_path)
    try:
        with out.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADERS)
            writer.writerows(conn.execute(BASELINE_SQL))
    finally:
        conn.close()


def baseline_json(db_path: Path, out: Path) -> None:
    """Plain sqlite3 and json: every table's rows as objects, no conversions."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'schema_migration'"
            )
        ]
        with out.open("w", encoding="utf-8") as fh:
            fh.write('{"tables": {')
            for index, table in enumerate(tables):
                cursor = conn.execute(f'SELECT * FROM "{table}"')
                names = [d[0] for d in cursor.description]
                rows = (json.dumps(dict(zip(names, r, strict=True))) for r in cursor)
                fh.write(("," if index else "") + json.dumps(table) + ": [" + ",".join(rows) + "]")
            fh.write("}}")
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    db_path, provenance = ensure_database(args.members, args.groups, 1, args.rebuild)
    from app.core.community import open_community
    from app.io import roster_export
    from app.io.json_dump import dump_all
    from app.reports.roster_pdf import ensure_gui_application
    from app.store.database import close_database

    gui = ensure_gui_application()
    rows: list[tuple[str, float, float | None, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        open_community(db_path)
        try:
            columns = roster_export.default_columns()

            def ours(fmt: str, name: str, ids: list[int] | None = None) -> Callable[[], int]:
                def run() -> int:
                    chosen = roster_export.member_ids_for() if ids is None else ids
                    return roster_export.export_roster(out / name, chosen, columns, fmt)

                return run

            count = ours("csv", "warm.csv")()
            csv_s = median_s(ours("csv", "ours.csv"), args.repeat)
            base_s = median_s(lambda: baseline_csv(db_path, out / "base.csv"), args.repeat)
            rows.append((f"CSV UTF-8 with BOM, {count:,} members", csv_s, base_s, "< 3 s"))
            gb_s = median_s(ours("csv-gb18030", "ours-gb.csv"), args.repeat)
            rows.append(("CSV GB18030 (baseline: UTF-8)", gb_s, base_s, "—"))
            rows.append(
                ("XLSX (write-only openpyxl)", median_s(ours("xlsx", "o.xlsx"), 1), None, "—")
            )
            first = roster_export.member_ids_for()[:10_000]
            pdf_s = median_s(ours("pdf", "o.pdf", first), 1)
            rows.append(("PDF, first 10,000 members", pdf_s, None, "—"))
            json_s = median_s(lambda: dump_all(out / "all.json"), 1)
            json_base = median_s(lambda: baseline_json(db_path, out / "base.json"), 1)
            rows.append(("JSON export of all records", json_s, json_base, "—"))
        finally:
            close_database()
    del gui

    lines = [
        "# Roster export benchmark",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M')} · Python {platform.python_version()} · SQLite "
        f"{sqlite3.sqlite_version} · {platform.machine()}, {os.cpu_count()} CPUs · medians of "
        f"{args.repeat} runs (XLSX, PDF and JSON: one run).",
        "",
        provenance,
        "",
        "| measurement | ours (s) | baseline (s) | ratio | target | met |",
        "|---|---:|---:|---:|---|---|",
    ]
    for what, ours_s, base, target in rows:
        ratio = f"{ours_s / base:.2f}×" if base else "—"
        met = ("yes" if ours_s < TARGET_S else "**no**") if target != "—" else "—"
        base_text = f"{base:.2f}" if base else "—"
        lines.append(f"| {what} | {ours_s:.2f} | {base_text} | {ratio} | {target} | {met} |")
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
