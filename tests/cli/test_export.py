"""``huoqun export roster``: run as a person would, on a sample community, files read back."""

from __future__ import annotations

import csv
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]


def huoqun(
    *args: str, lang: str = "C.UTF-8", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    base = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": lang, "LC_ALL": ""}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        env=env if env is not None else base,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with 300 members in 5 groups, made by ``huoqun demo``."""
    path = tmp_path_factory.mktemp("cli-export") / "sample.db"
    result = huoqun("demo", "--db", str(path), "--members", "300", "--groups", "5")
    assert result.returncode == 0, result.stderr
    return path


def _query(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _group_names(path: Path) -> list[str]:
    return [str(r[0]) for r in _query(path, "SELECT name FROM chat_group ORDER BY id")]


def _empty_folder(tmp_path: Path) -> Path:
    """A folder of its own (the test's database lives in ``tmp_path``)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_all_members_to_csv(tmp_path: Path, sample: Path) -> None:
    out = tmp_path / "all.csv"
    result = huoqun("export", "roster", str(out), "--db", str(sample))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{out}: 300 members (csv)"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = _read_csv(out)
    assert len(rows) == 301
    assert rows[0][:3] == ["Name", "Tier", "Status"]
    phones = [r[rows[0].index("Phone")] for r in rows[1:] if r[rows[0].index("Phone")]]
    assert phones and all("****" in p for p in phones)


def test_a_filtered_xlsx_with_full_phones(tmp_path: Path, sample: Path) -> None:
    group = _group_names(sample)[0]
    out = tmp_path / "group.xlsx"
    result = huoqun(
        "export",
        "roster",
        str(out),
        "--group",
        group,
        "--tier",
        "4",
        "--status",
        "active",
        "--full-phones",
        "--columns",
        "name,phone,qq",
        "--db",
        str(sample),
    )
    assert result.returncode == 0, result.stderr
    expected = _query(
        sample,
        "SELECT m.name, ifnull(m.phone, ''), ifnull(m.qq, '') FROM member m"
        " JOIN membership ms ON ms.member_id = m.id JOIN chat_group g ON g.id = ms.group_id"
        " JOIN tier t ON t.id = m.tier_id"
        " WHERE g.name = ? AND ms.left_at IS NULL AND t.rank = 4 AND m.status = 'active'",
        group,
    )
    assert result.stdout.strip() == f"{out}: {len(expected)} members (xlsx)"
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == ["Name", "Phone", "QQ"]
    rows = [tuple(c.value or "" for c in r) for r in sheet.iter_rows(2)]
    assert sorted(rows) == sorted(expected)
    phone_cells = [r[1] for r in sheet.iter_rows(2) if r[1].value]
    assert phone_cells
    assert all(c.data_type == "s" and len(c.value) == 11 for c in phone_cells)


def test_several_groups_in_chinese(tmp_path: Path, sample: Path) -> None:
    first, second = _group_names(sample)[:2]
    out = tmp_path / "two.csv"
    result = huoqun(
        "export", "roster", str(out), "--group", first, "--group", second, "--db", str(sample)
    )
    assert result.returncode == 0, result.stderr
    expected = _query(
        sample,
        "SELECT DISTINCT ms.member_id FROM membership ms JOIN chat_group g ON g.id = ms.group_id"
        " WHERE g.name IN (?, ?) AND ms.left_at IS NULL",
        first,
        second,
    )
    assert result.stdout.strip() == f"{out}: {len(expected)} members (csv)"
    zh = tmp_path / "zh.csv"
    result = huoqun("export", "roster", str(zh), "--db", str(sample), lang="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    assert _read_csv(zh)[0][:3] == ["姓名", "层级", "状态"]


def test_gb18030_and_pdf(tmp_path: Path, sample: Path) -> None:
    out = tmp_path / "roster.csv"
    result = huoqun(
        "export", "roster", str(out), "--format", "csv-gb18030", "--language", "zh_CN",
        "--db", str(sample),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().decode("gb18030").startswith("姓名,")
    pdf = tmp_path / "roster.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env.update(LANG="C.UTF-8", LC_ALL="")
    result = huoqun("export", "roster", str(pdf), "--db", str(sample), env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{pdf}: 300 members (pdf)"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--group", "没有这个群"], "huoqun: There is no group named “没有这个群”."),
        (["--tier", "9"], "huoqun: There is no tier with rank 9."),
    ],
)
def test_user_errors_are_one_line_and_write_nothing(
    tmp_path: Path, sample: Path, args: list[str], message: str
) -> None:
    folder = _empty_folder(tmp_path)
    result = huoqun("export", "roster", str(folder / "x.csv"), *args, "--db", str(sample))
    assert result.returncode == 1
    assert result.stderr.strip() == message
    assert result.stdout == ""
    assert list(folder.iterdir()) == []


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    folder = _empty_folder(tmp_path)
    db = folder / "none.db"
    result = huoqun("export", "roster", str(folder / "x.csv"), "--db", str(db))
    assert result.returncode == 1
    assert result.stderr.strip() == f"huoqun: {db} does not exist; there is nothing to export."
    assert list(folder.iterdir()) == []


def test_usage_errors_exit_2(tmp_path: Path, sample: Path) -> None:
    folder = _empty_folder(tmp_path)
    for args in (["--columns", "name,shoe_size"], ["--format", "docx"], ["--status", "asleep"]):
        result = huoqun("export", "roster", str(folder / "x.csv"), *args, "--db", str(sample))
        assert result.returncode == 2, args
        assert "usage:" in result.stderr
    assert huoqun("export", "--db", str(sample)).returncode == 2
    assert list(folder.iterdir()) == []
