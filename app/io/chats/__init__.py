"""Chat-history exports: bytes → plain records, streamed (PRODUCT.md §5, issue #18).

Reading an export takes three calls::

    fmt = detect(paths)                   # the format, from content; or ChatExportError
    chats = list_chats(paths, fmt)        # the chat(s) in the files: ChatInfo
    for record in read_chat(chat, zone=ZoneInfo("Asia/Shanghai"), me={"123"}):
        ...                               # ChatMessage or ChatEvent, one at a time

- ``detect(paths)``: one of ``FORMATS`` (``telegram-json``, ``discordchatexporter-json`` and
  ``-csv``, ``qq-txt``, ``qq-chat-exporter-json`` and ``-chunked``, ``memotrace-csv``,
  ``pywxdump-csv``, ``weflow-json``, ``chatlab-json`` and ``-jsonl``). Several files of one
  export (Discord partitions or channels, PyWxDump parts with their ``users.json``) are one
  format; a mix is refused.
- ``list_chats(paths, fmt=None)``: the chats, each a ``ChatInfo`` (format, platform, the
  platform's chat id where the export has one, name, the files, the operator's own id where
  the export says). Files of one chat (Discord partitions, PyWxDump parts) are one chat; a
  whole-account Telegram export lists its group chats (private chats are never listed) and
  the caller picks. Listing reads headers only, except for a whole-account Telegram export
  and a QQ TXT (one pass over the text to find its sections) and MemoTrace (its first rows).
- ``read_chat(chat, zone=None, me=())``: its ``ChatMessage``s and ``ChatEvent``s in file
  order, streamed: big JSON through ijson (``IJSON_BACKEND`` says which: ``yajl2_c`` when
  its C extension is installed), CSV and TXT a line at a time; memory does not grow with
  the file. ``zone`` is the exporting machine's zone for formats that write local times
  (QQ TXT, Discord CSV, PyWxDump; default: this machine's); every ``sent_at`` comes out as
  naive UTC. ``me`` are the operator's own ids on the platform (My accounts): their
  messages are ``from_operator``, like those the export itself marks (MemoTrace
  ``IsSender``, PyWxDump "我", WeFlow ``isSend``, QQ Chat Exporter ``selfUin``, ChatLab
  ``ownerId``, a whole-account Telegram export's user id).

Records (``records.py``), slotted; the caller keeps no message text:

- ``ChatMessage``: ``message_id`` (the platform's id where the export has one: Telegram,
  Discord JSON, QQ Chat Exporter, PyWxDump ``MsgSvrID``, ChatLab; else empty and the caller
  hashes chat, time, sender and text), ``sent_at``, ``sender_id`` (QQ number, wxid,
  Telegram user id, Discord id), ``sender_name``, ``group_nickname``, ``sender_role``
  (owner/admin where the export says), ``kind`` (text, image, sticker, file, link, other),
  ``has_link``, ``is_reply``, ``from_bot``, ``from_operator``, and ``text`` cut to
  ``TEXT_LIMIT`` characters so that the caller can judge ad-likeness
  (``app.core.ad_like``).
- ``ChatEvent``: ``kind`` (join, leave, removed, recall, pin), ``at``, who
  (``member_id``/``member_name``) and by whom (``by_id``/``by_name``/``by_operator``) where
  given; system lines mostly name people by display name only.

Refusals are ``ChatExportError`` (an ``app.io.errors.FileRefused``) with a one-line message:
not a chat export, a folder or a FIFO, an empty file, a zip, a binary, a file over
``SIZE_LIMIT`` (4 GB: exports are streamed, the limit only stops a wrong file from being
read for an hour), before reading; a damaged or cut-short file while reading (the caller's
transaction then writes nothing).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import tzinfo
from pathlib import Path

from dateutil.tz import tzlocal

from app.io.chats.detect import FORMATS as READERS
from app.io.chats.detect import detect, sniff
from app.io.chats.files import IJSON_BACKEND, SIZE_LIMIT, damaged
from app.io.chats.records import (
    EVENT_KINDS,
    FORMATS,
    MESSAGE_KINDS,
    PLATFORMS,
    TEXT_LIMIT,
    ChatEvent,
    ChatInfo,
    ChatMessage,
    Record,
)
from app.io.errors import QT_TRANSLATE_NOOP, ChatExportError

__all__ = [
    "EVENT_KINDS",
    "FORMATS",
    "IJSON_BACKEND",
    "MESSAGE_KINDS",
    "PLATFORMS",
    "SIZE_LIMIT",
    "TEXT_LIMIT",
    "ChatEvent",
    "ChatExportError",
    "ChatInfo",
    "ChatMessage",
    "Record",
    "detect",
    "list_chats",
    "read_chat",
    "sniff",
]


def list_chats(paths: Sequence[Path], fmt: str | None = None) -> list[ChatInfo]:
    """The chats in ``paths``, of format ``fmt`` (detected when None)."""
    paths = [Path(p) for p in paths]
    if fmt is None:
        fmt = detect(paths)
    elif fmt not in READERS:
        raise ChatExportError(
            QT_TRANSLATE_NOOP(
                "Errors", "Unknown chat export format “{format}”; use one of {known}."
            ),
            format=fmt,
            known=", ".join(FORMATS),
        )
    try:
        return READERS[fmt].chats(paths)
    except _MISSHAPEN as exc:
        raise damaged(paths[0], f"{type(exc).__name__}: {exc}") from None


def read_chat(
    chat: ChatInfo, zone: tzinfo | None = None, me: Iterable[str] = ()
) -> Iterator[Record]:
    """The messages and events of ``chat``, one at a time (see the module's docstring)."""
    operators = frozenset(str(i) for i in me if str(i)) | ({chat.self_id} - {""})
    return _refusing(
        chat.files[0], READERS[chat.format].records(chat, operators, zone or tzlocal())
    )


# what a value of an unexpected type or shape raises in a reader: the file is damaged
_MISSHAPEN = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError)


def _refusing(path: Path, records: Iterator[Record]) -> Iterator[Record]:
    """``records``, a value the reader cannot take refused as a damaged file."""
    try:
        yield from records
    except _MISSHAPEN as exc:
        raise damaged(path, f"{type(exc).__name__}: {exc}") from None
