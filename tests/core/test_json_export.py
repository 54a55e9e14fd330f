"""The JSON export of all records: every table, every row, readable by any JSON reader."""

from __future__ import annotations

import json
import stat
from datetime import datetime
from pathlib import Path

import pytest

from app.core import groups, members, memberships
from app.core import json_export as json_dump
from app.core.errors import Cancelled
from app.core.json_export import dump_all
from app.sample import demo
from app.store.file_check import known_migrations
from app.store.models import ALL_MODELS, db


@pytest.fixture
def community(now: datetime) -> None:
    demo.build(60, 4, seed=2)
    book = groups.create_group("读书会·北京", "wechat")
    zhang = members.create_member(
        "张伟", tags=["核心"], qq="10001", star=True, notes='引号"与\n换行'
    )
    memberships.add_membership(zhang.id, book.id, nickname="书虫老张")


def _count(table: str) -> int:
    return int(db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def test_every_table_and_row_is_written(
    tmp_path: Path, community: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_dump, "BATCH", 7)  # many batches: the joins between them count
    out = tmp_path / "all.json"
    counts = dump_all(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    tables = [m._meta.table_name for m in ALL_MODELS]
    assert list(data["tables"]) == tables
    assert list(counts) == tables
    for table in tables:
        assert len(data["tables"][table]) == counts[table] == _count(table), table
    assert counts["member"] == 61
    assert counts["membership"] > 60


def test_the_header_says_what_the_file_is(tmp_path: Path, community: None) -> None:
    out = tmp_path / "all.json"
    dump_all(out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "huoqun-json"
    assert data["version"] == 1
    assert data["exported_at"] == "2026-03-14T09:30:00Z"
    assert data["schema"] == known_migrations()[-1]


def test_chinese_text_times_and_flags_round_trip(tmp_path: Path, community: None) -> None:
    out = tmp_path / "all.json"
    dump_all(out)
    assert "张伟".encode() in out.read_bytes()  # written as text, not \\u escapes
    data = json.loads(out.read_text(encoding="utf-8"))
    zhang = next(m for m in data["tables"]["member"] if m["name"] == "张伟")
    assert zhang["star"] is True
    assert zhang["qq"] == "10001"
    assert zhang["phone"] is None
    assert zhang["notes"] == '引号"与\n换行'
    assert zhang["first_seen"] == "2026-03-14T09:30:00Z"
    assert datetime.fromisoformat(zhang["first_seen"]).utcoffset() is not None
    membership = next(r for r in data["tables"]["membership"] if r["member_id"] == zhang["id"])
    assert membership["nickname"] == "书虫老张"
    assert (membership["status"], membership["left_at"]) == ("active", None)
    assert any(g["name"] == "读书会·北京" for g in data["tables"]["chat_group"])
    assert {r["tag"] for r in data["tables"]["member_tag"] if r["member_id"] == zhang["id"]} == {
        "核心"
    }


def test_the_file_is_the_owners_only_and_atomic(tmp_path: Path, community: None) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "all.json"
    dump_all(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = out.read_bytes()

    def cancel(done: int, total: int) -> None:
        if done == 3:
            raise Cancelled

    with pytest.raises(Cancelled):
        dump_all(out, progress=cancel)
    assert out.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["all.json"]


def test_progress_counts_tables(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    counts = dump_all(tmp_path / "empty.json", progress=lambda d, t: calls.append((d, t)))
    assert calls == [(i + 1, len(ALL_MODELS)) for i in range(len(ALL_MODELS))]
    assert counts["member"] == 0
    assert counts["tier"] == 4
    data = json.loads((tmp_path / "empty.json").read_text(encoding="utf-8"))
    assert data["tables"]["member"] == []
