"""Peak memory of a roster import at the roster limits (issue #15: "any file under the size
limit imports or is refused within 300 MB").

The worst files the reader accepts: ``ROW_LIMIT`` rows (less a margin) of a QQ export with a
notes column that brings the CSV just under ``SIZE_LIMIT``, as CSV (GB18030) and as the same
sheet in XLSX. Each is imported (read, preview, apply with its backup) into a new database by
a fresh process, which reports its VmHWM after each step; the baseline is the same process
before it reads the file (interpreter, peewee, the database open).

    python -m tests.benchmarks.import_memory FILE DB   # the child: prints JSON
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from tests.benchmarks.common import REPO, Bench, Row, log, peak_rss_mb

MEMORY_TARGET_MB = 300.0
HEADERS = ["序号", "成员", "群名片", "QQ号", "性别", "Q龄", "入群时间", "等级(积分)", "最后发言"]


def worst_files(bench: Bench, rows: int) -> tuple[Path, Path]:
    """The CSV and XLSX of ``rows`` rows, made once into the cache."""
    from app.io.rosters.file import SIZE_LIMIT

    csv_path = bench.cache / f"limits-{rows}.csv"
    xlsx_path = csv_path.with_suffix(".xlsx")
    if csv_path.exists() and xlsx_path.exists():
        return csv_path, xlsx_path
    log(f"import memory: writing the {rows:,}-row rosters at the limits (once)")
    lines = [list(HEADERS)]
    for n in range(rows):
        lines.append([
            str(n + 1), f"张{'伟芳娜秀英'[n % 5]}{'敏静丽'[n % 3]}", f"北京-{n}",
            str(400_000_000 + n),
            "男女"[n % 2], f"{n % 19 + 1}年", f"2020/{n % 12 + 1:02d}/{n % 28 + 1:02d} 10:00",
            f"LV{n % 100}", "" if n % 3 else "2024/05/01 12:00",
        ])  # fmt: skip
    # the notes (2 bytes a character) fill what the other cells leave of 97% of the limit
    used = sum(len(",".join(line).encode("gb18030")) + 3 for line in lines)
    note = max((SIZE_LIMIT * 97 // 100 - used) // rows // 2, 2)
    lines[0].append("备注")
    for n, line in enumerate(lines[1:]):
        line.append(("群友备注" * (note // 4 + 1))[: note - 1] + str(n % 10))
    with csv_path.open("w", encoding="gb18030", newline="") as fh:
        csv.writer(fh).writerows(lines)
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("群成员")
    for line in lines:
        sheet.append(line)
    book.save(xlsx_path)
    return csv_path, xlsx_path


def _child(roster: Path, db_path: Path) -> dict[str, float]:
    from app.core import roster_import as ri
    from app.core import undo
    from app.core.database import open_community

    open_community(db_path)
    undo.enable()  # as in the window: the import is recorded as an undoable step
    peaks = {"opened": peak_rss_mb()}
    read = ri.read_roster(roster)
    peaks["read"] = peak_rss_mb()
    preset = ri.detect_preset(read.headers)
    plan = ri.preview(read, ri.auto_mapping(read.headers, preset), "上限群", preset=preset)
    peaks["preview"] = peak_rss_mb()
    result = ri.apply(plan)
    peaks["apply"] = peak_rss_mb()
    peaks["new"] = result.new
    return peaks


def _run(roster: Path, db_path: Path) -> dict[str, float]:
    for stale in db_path.parent.glob(db_path.name + "*"):
        stale.unlink()
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.import_memory", str(roster), str(db_path)],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_import_memory(bench: Bench) -> list[Row]:
    """VmHWM of one import of each worst file, in a fresh process."""
    from app.io.rosters.file import ROW_LIMIT, SIZE_LIMIT

    rows = ROW_LIMIT - 100 if bench.members >= 100_000 else bench.members
    found: list[Row] = []
    for roster in worst_files(bench, rows):
        log(f"import memory: {roster.name} in a fresh process")
        peaks = _run(roster, bench.work / "limits.db")
        if peaks["new"] != rows:
            raise AssertionError(f"{peaks['new']:,} of {rows:,} rows imported")
        found.append(
            Row(
                f"import memory: {roster.suffix[1:].upper()} at the roster limits (VmHWM)",
                peaks["apply"],
                peaks["opened"],
                f"< {MEMORY_TARGET_MB:.0f} MB",
                peaks["apply"] < MEMORY_TARGET_MB,
                f"{rows:,} rows of 10 columns, {roster.stat().st_size / 2**20:.1f} MB (limit "
                f"{SIZE_LIMIT / 2**20:.0f} MB); after read {peaks['read']:.0f} MB, preview "
                f"{peaks['preview']:.0f} MB, apply {peaks['apply']:.0f} MB; baseline: the same "
                "process with the database open",
                unit="MB",
            )
        )
    return found


if __name__ == "__main__":
    print(json.dumps(_child(Path(sys.argv[1]), Path(sys.argv[2]))))
