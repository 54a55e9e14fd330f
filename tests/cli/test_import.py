"""``huoqun import``: the report, dry runs, refusals, and a kill in the middle of an import."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SHARED_DATA
from tests.io.rosters.samples import qq_export

ROOT = Path(__file__).resolve().parents[2]
ROSTERS = SHARED_DATA / "rosters"
QQ = ROSTERS / "qq-group-export-gbk.csv"


def _env(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
        "LC_ALL": "",
        "TZ": "Asia/Shanghai",
        **extra,
    }


def huoqun(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the database file at ``path``."""
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall() for t in tables}
    conn.close()
    return rows


def counts(path: Path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as conn:
        found = tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("member", "membership", "chat_group")
        )
    conn.close()
    return found  # type: ignore[return-value]


def test_import_prints_the_counts_and_writes(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    result = huoqun("import", str(QQ), "--group", "摄影群", "--db", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("qq-group-export-gbk.csv (csv, gb18030, header on line 1")
    assert "“摄影群” (new group, platform qq)" in lines[0]
    assert lines[1] == (
        "new 300, updated 0, unchanged 0, invalid 0, marked left 0, banned coming back 0"
    )
    assert counts(path) == (300, 300, 1)
    again = huoqun("import", str(QQ), "--group", "摄影群", "--db", str(path))
    assert again.stdout.splitlines()[1].startswith("new 0, updated 0, unchanged 300, invalid 0")


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    assert huoqun("import", str(QQ), "--group", "G", "--db", str(path)).returncode == 0
    before = dump(path)
    later = ROSTERS / "qq-group-export-later-gbk.csv"
    result = huoqun(
        "import", str(later), "--group", "G", "--mark-left", "--dry-run", "--db", str(path)
    )
    assert result.returncode == 0, result.stderr
    assert "new 15, updated 5, unchanged 275, invalid 0, marked left 20" in result.stdout
    assert result.stdout.splitlines()[-1] == "dry run: nothing was written."
    assert dump(path) == before


def test_invalid_rows_are_listed_and_the_import_refused(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    ragged = ROSTERS / "bad" / "ragged.csv"
    result = huoqun("import", str(ragged), "--group", "G", "--db", str(path))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "huoqun: The file has invalid rows (3); nothing was written. Correct them, or choose "
        "to import only the valid rows."
    ]
    assert "line 4, QQ号: QQ number “abc” is not valid" in result.stdout
    assert "line 6, row: The row has 6 cells but the header only 4" in result.stdout
    assert not path.exists()  # the database this import would have made is gone again
    skipping = huoqun("import", str(ragged), "--group", "G", "--skip-invalid", "--db", str(path))
    assert skipping.returncode == 0, skipping.stderr
    assert counts(path) == (1, 1, 1)


def test_left_out_columns_and_cells_left_empty_are_listed(tmp_path: Path) -> None:
    roster = tmp_path / "qq.csv"
    roster.write_text(
        "序号,成员,QQ号,入群时间,最后发言,爱好\n"
        "1,甲,100001,2024/1/1 10:00,-,读书\n"
        "2,乙,100002,昨天,从未发言,\n",
        encoding="gb18030",
    )
    path = tmp_path / "w.db"
    result = huoqun("import", str(roster), "--group", "G", "--preset", "qq", "--db", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("new 2, updated 0, unchanged 0, invalid 0,")
    assert lines[2:4] == [
        "not imported: 序号, 爱好",
        "line 3, 入群时间: “昨天” is not a date; left empty.",
    ]
    assert counts(path) == (2, 2, 1)


@pytest.mark.parametrize("name", ["binary.csv", "empty.csv", "not-really.xlsx"])
def test_a_refused_file_is_one_line_and_no_database(tmp_path: Path, name: str) -> None:
    path = tmp_path / "x.db"
    result = huoqun("import", str(ROSTERS / "bad" / name), "--group", "G", "--db", str(path))
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"huoqun: {name} ")
    assert "Traceback" not in result.stderr
    assert not path.exists()


def test_the_group_and_preset_options(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    result = huoqun(
        "import", str(ROSTERS / "plain-roster-utf8bom.csv"), "--group", "客户", "--platform",
        "wecom", "--preset", "plain", "--db", str(path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "(new group, platform wecom)" in result.stdout
    bad = huoqun("import", str(QQ), "--group", "G2", "--platform", "icq", "--db", str(path))
    assert bad.returncode == 1
    assert "Unknown platform “icq”" in bad.stderr


@pytest.mark.slow
def test_a_killed_import_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    assert huoqun("import", str(QQ), "--group", "老群", "--db", str(path)).returncode == 0
    before = counts(path)
    big = qq_export(tmp_path / "big.csv", 100_000, first_qq=300_000_000)
    marker = tmp_path / "started"
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "import", str(big), "--group", "新群", "--mark-left",
         "--db", str(path)],
        cwd=ROOT,
        env=_env(HUOQUN_IMPORT_STARTED=str(marker)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():  # the first chunk is written inside the transaction
            assert process.poll() is None, "the import ended before it was killed"
            assert time.monotonic() < deadline, "the import never started writing"
            time.sleep(0.005)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM chat_group WHERE name = '新群'").fetchone() == (
            0,
        )
    conn.close()
    assert counts(path) == before
    result = huoqun("check", "--db", str(path))
    assert result.returncode == 0, result.stderr
