"""Bad input is refused with one line a person can act on, before or while it is read."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

import app.io.chats.files as chat_files
from app.io.chats import ChatExportError, detect, list_chats, read_chat
from app.io.errors import FileRefused
from tests.io.chats.builders import TELEGRAM, qce_chunked
from tests.io.chats.shared import CHATS, ZONE, files_of


def _refusal(paths: list[Path]) -> ChatExportError:
    with pytest.raises(ChatExportError) as caught:
        for chat in list_chats(paths):
            for _ in read_chat(chat, zone=ZONE):
                pass
    error = caught.value
    assert isinstance(error, FileRefused)
    assert error.template and "\n" not in str(error)
    return error


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "files"
    path.mkdir()
    return path


def test_a_file_that_is_no_chat_export_is_refused(folder: Path) -> None:
    notes = folder / "notes.txt"
    notes.write_text("周六骑行，八点集合。\n带好水。\n", encoding="utf-8")
    assert "is not a chat history export" in str(_refusal([notes]))
    # a roster is not a chat history either
    roster = CHATS / "qq" / "开心读书会-成员.csv"
    assert str(_refusal([roster])).startswith("开心读书会-成员.csv is not a chat history export")
    other = folder / "other.json"
    other.write_text(json.dumps({"name": "x", "items": [1, 2]}), encoding="utf-8")
    assert "is not a chat history export" in str(_refusal([other]))


def test_an_empty_file_is_refused(folder: Path) -> None:
    empty = folder / "result.json"
    empty.touch()
    assert str(_refusal([empty])) == "result.json is empty."


@pytest.mark.parametrize("cut", [0.5, 0.999])
def test_a_cut_short_json_export_is_refused_while_it_is_read(folder: Path, cut: float) -> None:
    data = TELEGRAM.read_bytes()
    truncated = folder / "result.json"
    truncated.write_bytes(data[: int(len(data) * cut)])
    error = _refusal([truncated])
    assert str(error).startswith("result.json is damaged or cut short (")
    assert error.params["name"] == "result.json"


def test_a_cut_short_export_of_each_json_reader_is_refused(folder: Path) -> None:
    for key in ("qce/考研互助群.json", "wechat/露营装备群.json", "chatlab/前端技术交流.json"):
        (path,) = files_of(key)
        cut = folder / path.name
        cut.write_bytes(path.read_bytes()[: path.stat().st_size * 2 // 3])
        assert "is damaged or cut short" in str(_refusal([cut]))
    jsonl = CHATS / "chatlab" / "桌游周末局.jsonl"
    cut = folder / jsonl.name
    cut.write_bytes(jsonl.read_bytes()[: jsonl.stat().st_size // 2])
    assert "is damaged or cut short (line" in str(_refusal([cut]))


def test_a_zip_is_refused_with_what_to_do(folder: Path) -> None:
    archive = folder / "Telegram Desktop.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(TELEGRAM, "result.json")
    assert str(_refusal([archive])) == (
        "Telegram Desktop.zip is a zip archive; unpack it and choose the chat export inside."
    )


def test_a_binary_file_is_refused(folder: Path) -> None:
    binary = folder / "msg.db"
    binary.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 10)
    assert str(_refusal([binary])) == "msg.db is a binary file, not a chat history export."


def test_a_folder_is_refused(folder: Path) -> None:
    assert "is not a regular file" in str(_refusal([folder]))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_blocking(folder: Path) -> None:
    fifo = folder / "result.json"
    os.mkfifo(fifo)  # in the test's own folder, never under /dev
    assert str(_refusal([fifo])) == (
        "result.json is not a regular file; choose the exported chat history file."
    )


def test_a_missing_file_is_refused(folder: Path) -> None:
    assert str(_refusal([folder / "gone.json"])).startswith("gone.json cannot be read (")


def test_a_file_over_the_size_limit_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert chat_files.SIZE_LIMIT >= 2 * 1024**3  # a 2 GB export is read (streamed)
    monkeypatch.setattr(chat_files, "SIZE_LIMIT", 1024**3 // 4)
    big = folder / "result.json"
    shutil.copyfile(TELEGRAM, big)
    with big.open("r+b") as fh:
        fh.truncate(1024**3 // 2)  # sparse: no disk is used
    assert str(_refusal([big])) == "result.json is 0.5 GB; chat exports over 0 GB are refused."


def test_files_of_two_exports_are_refused_together() -> None:
    paths = files_of("qq/摄影爱好者.txt") + files_of("wechat/宝妈交流群.csv")
    assert str(_refusal(paths)) == (
        "摄影爱好者.txt and 宝妈交流群.csv are from different exports; import one export at a time."
    )


def test_pywxdump_users_json_alone_is_refused() -> None:
    users = [p for p in files_of("wechat/pywxdump/") if p.suffix == ".json"]
    assert str(_refusal(users)) == (
        "users.json only names the members; choose the exported CSV files with it."
    )


def test_no_files_and_an_unknown_format_are_refused() -> None:
    with pytest.raises(ChatExportError, match="No chat history file was chosen"):
        detect([])
    with pytest.raises(ChatExportError, match="Unknown chat export format “tg”"):
        list_chats(files_of("telegram/result.json"), "tg")


def test_a_chunked_export_missing_a_chunk_is_refused(folder: Path) -> None:
    manifest = qce_chunked(folder / "export")
    (folder / "export" / "chunks" / "chunk_0002.jsonl").unlink()
    assert str(_refusal([manifest])) == (
        "manifest.json lists the part chunks/chunk_0002.jsonl, which is missing; keep the "
        "export's folder as it was written."
    )


def test_a_telegram_account_export_of_private_chats_only_is_refused(folder: Path) -> None:
    account = {
        "personal_information": {"user_id": 1},
        "chats": {"about": "", "list": [{"name": "a", "type": "personal_chat", "id": 2,
                                         "messages": []}]},
    }  # fmt: skip
    path = folder / "result.json"
    path.write_text(json.dumps(account), encoding="utf-8")
    assert str(_refusal([path])) == (
        "result.json holds no group chats (private chats are not imported)."
    )


def test_a_text_file_in_two_encodings_is_refused(folder: Path) -> None:
    (source,) = files_of("qq/开心读书会.txt")
    mixed = folder / "mixed.txt"
    mixed.write_bytes(
        source.read_bytes() + "\r\n2026-12-07 20:00:00 张三(12345)\r\n你好\r\n".encode("gb18030")
    )
    assert "is not in one text encoding (line" in str(_refusal([mixed]))
