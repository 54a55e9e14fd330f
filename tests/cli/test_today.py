"""``huoqun today [--json]``: today's plan as the window shows it, run as a person would."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.cli.test_export import huoqun


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample community made by ``huoqun demo``."""
    path = tmp_path_factory.mktemp("cli-today") / "sample.db"
    result = huoqun("demo", "--db", str(path), "--members", "300", "--groups", "8")
    assert result.returncode == 0, result.stderr
    return path


def fresh(sample: Path, folder: Path) -> Path:
    copy = folder / "copy.db"
    shutil.copyfile(sample, copy)
    return copy


def open_suggested(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        (count,) = conn.execute(
            "SELECT COUNT(*) FROM task WHERE origin LIKE 'suggested:%' AND status = 'open'"
        ).fetchone()
    return int(count)


def test_today_json_is_the_plan_and_the_counts(sample: Path, tmp_path: Path) -> None:
    db = fresh(sample, tmp_path)
    result = huoqun("today", "--json", "--db", str(db))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    items, counts = data["items"], data["counts"]
    assert 0 < len(items) <= 8  # the default plan size
    assert set(counts) == {"open_tasks", "overdue", "suggestions_available"}
    assert counts["open_tasks"] >= sum(1 for i in items if not i["done"])
    for item in items:
        assert {"kind", "title", "group", "member", "due", "reason", "suggestion"} <= set(item)
        assert item["reason"] and "{" not in item["reason"]
    flags = [i["suggestion"] for i in items]
    assert flags == sorted(flags)  # own tasks first, then suggestions
    assert open_suggested(db) == sum(flags) <= 8  # suggestions stored: only those planned
    again = json.loads(huoqun("today", "--json", "--db", str(db)).stdout)
    assert again["items"] == items  # the plan of the day stays put
    assert open_suggested(db) == sum(flags)


def test_today_text_has_a_line_per_item_and_the_counts(sample: Path, tmp_path: Path) -> None:
    db = fresh(sample, tmp_path)
    data = json.loads(huoqun("today", "--json", "--db", str(db)).stdout)
    result = huoqun("today", "--db", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Today's plan: {len(data['items'])} items"
    for item in data["items"]:
        assert item["title"] in result.stdout and item["reason"] in result.stdout
    counts = data["counts"]
    assert lines[-1].startswith(f"{counts['open_tasks']} open tasks · {counts['overdue']} overdue")


def test_today_speaks_chinese_when_the_terminal_does(sample: Path, tmp_path: Path) -> None:
    db = fresh(sample, tmp_path)
    result = huoqun("today", "--db", str(db), lang="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("今日计划")
    assert "Overdue" not in result.stdout and "Due today" not in result.stdout


def test_today_of_a_missing_database_is_a_user_error(tmp_path: Path) -> None:
    result = huoqun("today", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr
