"""``huoqun import-chat``: the report (lines and JSON), dry runs, --me and --group, refusals with
the database unchanged, and a kill in the middle of an import."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.benchmarks.chat_read import telegram_export
from tests.cli.test_import import ROOT, _env, dump, huoqun
from tests.conftest import SHARED_DATA

CHATS = SHARED_DATA / "chats"
EXPECTED = json.loads((CHATS / "expected.json").read_text(encoding="utf-8"))
KEYS = [
    "format", "chat", "group", "messages_new", "messages_known", "senders_matched",
    "senders_new", "senders_ambiguous", "joins", "leaves", "first_message_at", "last_message_at",
]  # fmt: skip


def test_json_report_then_nothing_new_the_second_time(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    qce = str(CHATS / "qce" / "考研互助群.json")
    result = huoqun("import-chat", qce, "--json", "--db", str(path))
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert list(row) == KEYS
    expected = EXPECTED["qce/考研互助群.json"]
    assert row["format"] == "qq-chat-exporter-json"
    assert row["chat"] == row["group"] == "考研互助群"
    assert (row["messages_new"], row["messages_known"]) == (expected["messages"], 0)
    assert row["senders_new"] == expected["distinct_speakers"]
    assert (row["joins"], row["leaves"]) == (expected["joins"], expected["leaves"])
    assert row["first_message_at"] == expected["first_message_at"]  # TZ=Asia/Shanghai
    assert row["last_message_at"] == expected["last_message_at"]
    again = huoqun("import-chat", qce, "--json", "--db", str(path))
    (second,) = json.loads(again.stdout)
    assert (second["messages_new"], second["messages_known"]) == (0, expected["messages"])
    assert second["senders_new"] == 0


def test_lines_me_group_and_a_dry_run(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    expected = EXPECTED["telegram/result.json"]
    (me,) = [
        k
        for k, v in expected["per_speaker"].items()
        if v["messages"] == expected["operator_messages"]
    ]
    export = str(CHATS / "telegram" / "result.json")
    other = huoqun("import-chat", str(CHATS / "qq" / "摄影爱好者.txt"), "--db", str(path))
    assert other.returncode == 0, other.stderr
    untouched = dump(path)
    dry = huoqun(
        "import-chat", export, "--group", "骑行", "--me", me, "--dry-run", "--db", str(path)
    )
    assert dry.returncode == 0, dry.stderr
    assert dump(path) == untouched
    lines = dry.stdout.splitlines()
    assert lines[0] == "城市骑行俱乐部 (telegram-json) → “骑行”"
    assert lines[1] == (
        f"messages new {expected['messages']}, already imported 0; senders matched 0, new "
        f"{expected['distinct_speakers']}, ambiguous 0; joins 8, leaves 8"
    )
    assert lines[-1] == "dry run: nothing was written."
    done = huoqun("import-chat", export, "--group", "骑行", "--me", me, "--db", str(path))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(path) as conn:
        assert conn.execute(
            "SELECT name, platform_id FROM chat_group WHERE platform = 'telegram'"
        ).fetchall() == [("骑行", expected["chat_id"])]
        assert conn.execute("SELECT platform, account_id FROM my_account").fetchall() == [
            ("telegram", me)
        ]
        mine = conn.execute("SELECT count(*) FROM message WHERE flags & 16").fetchone()[0]
    conn.close()
    assert mine == expected["operator_messages"]
    before = dump(path)
    dry_again = huoqun("import-chat", export, "--dry-run", "--json", "--db", str(path))
    assert json.loads(dry_again.stdout)[0]["group"] == "骑行"  # found by the chat's id
    assert dump(path) == before


def _bad_inputs(folder: Path) -> dict[str, Path]:
    text = (CHATS / "telegram" / "result.json").read_bytes()
    files = {
        "not a chat export": CHATS / "README.md",
        "truncated JSON": folder / "cut.json",
        "an empty file": folder / "empty.json",
        "a zip": folder / "export.zip",
        "a binary": folder / "blob.bin",
        "a directory": folder / "folder",
        "a FIFO": folder / "pipe",
    }
    files["truncated JSON"].write_bytes(text[: len(text) // 2])
    files["an empty file"].write_bytes(b"")
    with zipfile.ZipFile(files["a zip"], "w") as archive:
        archive.writestr("result.json", text)
    files["a binary"].write_bytes(bytes(range(256)) * 64)
    files["a directory"].mkdir()
    os.mkfifo(files["a FIFO"])
    return files


def test_bad_input_is_one_line_exit_1_and_the_database_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    good = huoqun("import-chat", str(CHATS / "qq" / "摄影爱好者.txt"), "--db", str(path))
    assert good.returncode == 0, good.stderr
    before = dump(path)
    for what, bad in _bad_inputs(tmp_path).items():
        result = huoqun("import-chat", str(bad), "--db", str(path))
        assert result.returncode == 1, what
        assert len(result.stderr.splitlines()) == 1, (what, result.stderr)
        assert result.stderr.startswith("huoqun: "), what
        assert "Traceback" not in result.stderr
        assert dump(path) == before, what
    missing = tmp_path / "none.db"
    assert huoqun("import-chat", str(CHATS / "README.md"), "--db", str(missing)).returncode == 1
    assert not missing.exists()


@pytest.mark.slow
def test_a_killed_chat_import_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    small = huoqun("import-chat", str(CHATS / "wechat" / "宝妈交流群.csv"), "--db", str(path))
    assert small.returncode == 0, small.stderr
    before = dump(path)
    big = telegram_export(tmp_path / "result.json", 60_000)
    marker = tmp_path / "started"
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "import-chat", str(big), "--db", str(path)],
        cwd=ROOT,
        env=_env(HUOQUN_IMPORT_STARTED=str(marker)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():  # messages are being written inside the transaction
            assert process.poll() is None, "the import ended before it was killed"
            assert time.monotonic() < deadline, "the import never started writing"
            time.sleep(0.005)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    assert dump(path) == before
    result = huoqun("check", "--db", str(path))
    assert result.returncode == 0, result.stderr
