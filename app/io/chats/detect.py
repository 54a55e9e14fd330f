"""Which export a set of files is, from their content (never their names), and its readers.

Each file's first bytes are checked and sniffed: a JSON object's first keys, a CSV header
row, the QQ TXT title block or sender lines. Files of one export (Discord partitions,
PyWxDump parts and its ``users.json``) are one format; a mix of formats is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from app.io.chats import chatlab, discord, qce, qq_txt, telegram, wechat
from app.io.chats.files import first_csv_header, head_of, head_text, text_encoding
from app.io.chats.records import ChatInfo, Record
from app.io.errors import QT_TRANSLATE_NOOP, ChatExportError

COMPANION = "pywxdump-users"  # PyWxDump's users.json: read with its CSV files, never alone

Lister = Callable[[list[Path]], list[ChatInfo]]
Reader = Callable[[ChatInfo, frozenset[str], tzinfo], Iterator[Record]]


@dataclass(frozen=True, slots=True)
class Format:
    """A reader: how to list the chats of its files and how to read one."""

    name: str
    chats: Lister
    records: Reader


def _each(lister: Callable[[Path], list[ChatInfo]]) -> Lister:
    return lambda paths: [chat for path in paths for chat in lister(path)]


def _qq_chats(paths: list[Path]) -> list[ChatInfo]:
    return [chat for path in paths for chat in qq_txt.chats(path, head_of(path))]


def _qq_records(chat: ChatInfo, operators: frozenset[str], zone: tzinfo) -> Iterator[Record]:
    return qq_txt.records(chat, operators, zone, head_of(chat.files[0]))


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(telegram.FORMAT, _each(telegram.chats), telegram.records),
        Format(discord.JSON_FORMAT, discord.json_chats, discord.json_records),
        Format(discord.CSV_FORMAT, discord.csv_chats, discord.csv_records),
        Format(qq_txt.FORMAT, _qq_chats, _qq_records),
        Format(qce.JSON_FORMAT, _each(qce.json_chats), qce.json_records),
        Format(qce.CHUNKED_FORMAT, _each(qce.chunked_chats), qce.chunked_records),
        Format(wechat.MEMOTRACE, wechat.memotrace_chats, wechat.memotrace_records),
        Format(wechat.PYWXDUMP, wechat.pywxdump_chats, wechat.pywxdump_records),
        Format(wechat.WEFLOW, _each(wechat.weflow_chats), wechat.weflow_records),
        Format(chatlab.JSON_FORMAT, _each(chatlab.json_chats), chatlab.json_records),
        Format(chatlab.JSONL_FORMAT, _each(chatlab.jsonl_chats), chatlab.jsonl_records),
    )
}


def sniff(path: Path) -> str | None:
    """The format of one file from its first bytes (``COMPANION`` for a users.json), or None;
    refuses a file that is no regular file, empty, too large, a zip or binary."""
    head = head_of(path)
    text = head_text(head, text_encoding(head))
    start = text.lstrip("\ufeff \r\n\t")
    if start.startswith("{"):
        checks: tuple[tuple[Callable[[str], bool], str], ...] = (
            (chatlab.is_jsonl, chatlab.JSONL_FORMAT),
            (chatlab.is_json, chatlab.JSON_FORMAT),
            (qce.is_chunked, qce.CHUNKED_FORMAT),
            (qce.is_export, qce.JSON_FORMAT),
            (discord.is_json_export, discord.JSON_FORMAT),
            (wechat.is_weflow, wechat.WEFLOW),
            (telegram.is_export, telegram.FORMAT),
            (wechat.is_pywxdump_users, COMPANION),
        )
        return next((name for check, name in checks if check(text)), None)
    header = {cell.strip().lstrip("\ufeff") for cell in first_csv_header(head)}
    if discord.is_csv_header(first_csv_header(head)):
        return discord.CSV_FORMAT
    if header >= wechat.MEMOTRACE_COLUMNS:
        return wechat.MEMOTRACE
    if header >= wechat.PYWXDUMP_COLUMNS:
        return wechat.PYWXDUMP
    if qq_txt.is_export(text):
        return qq_txt.FORMAT
    return None


def detect(paths: Sequence[Path]) -> str:
    """The one format of ``paths`` (files of one export), or a refusal."""
    if not paths:
        raise ChatExportError(QT_TRANSLATE_NOOP("Errors", "No chat history file was chosen."))
    found: dict[str, Path] = {}
    for path in map(Path, paths):
        name = sniff(path)
        if name is None:
            raise ChatExportError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} is not a chat history export Huoqun can read (Telegram, Discord, "
                    "QQ, WeChat or ChatLab).",
                ),
                name=path.name,
            )
        found.setdefault(name, path)
    formats = [name for name in found if name != COMPANION]
    if formats == [wechat.PYWXDUMP] or (not formats and COMPANION in found):
        if not formats:
            raise ChatExportError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} only names the members; choose the exported CSV files with it.",
                ),
                name=found[COMPANION].name,
            )
        return wechat.PYWXDUMP
    if COMPANION in found or len(formats) > 1:
        first, other = (found[name] for name in list(found)[:2])
        raise ChatExportError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{first} and {other} are from different exports; import one export at a time.",
            ),
            first=first.name,
            other=other.name,
        )
    return formats[0]
