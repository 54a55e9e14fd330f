"""Checking and opening the files of a chat export: what every reader shares.

A file is refused before it is parsed when it is not a regular file (a folder, a FIFO, a
device), empty, over ``SIZE_LIMIT``, a zip archive or binary; while it is read, when it turns
out damaged or cut short. Each refusal is a ``ChatExportError`` with a one-line message.
"""

from __future__ import annotations

import codecs
import csv
import io
import stat
from collections.abc import Iterable, Iterator
from datetime import datetime, tzinfo
from pathlib import Path
from typing import IO, Any

import ijson

from app.io.errors import QT_TRANSLATE_NOOP, ChatExportError

__all__ = [
    "HEAD_BYTES",
    "IJSON_BACKEND",
    "SIZE_LIMIT",
    "check_file",
    "csv_rows",
    "damaged",
    "first_csv_header",
    "head_of",
    "head_text",
    "json_events",
    "json_head",
    "json_items",
    "local_to_utc",
    "text_encoding",
    "text_lines",
]

# Exports are streamed, so the limit is not about memory: it stops a disk image or a video
# chosen by mistake from being read for an hour. A 2 GB export (PRODUCT §5) passes with room.
SIZE_LIMIT = 4 * 1024**3
GB = 1024**3
HEAD_BYTES = 64 * 1024  # what detection looks at
IJSON_BACKEND: str = ijson.backend  # yajl2_c when its C extension is installed
_BUFFER = 256 * 1024
_JSON_BUFFER = 64 * 1024  # ijson's own default: faster than bigger ones (measured)


def check_file(path: Path) -> int:
    """The size of ``path``, or a refusal when it cannot be a chat export."""
    name = path.name
    try:
        status = path.stat()
    except OSError as exc:
        raise ChatExportError(
            QT_TRANSLATE_NOOP("Errors", "{name} cannot be read ({detail})."),
            name=name,
            detail=exc.strerror or str(exc),
        ) from exc
    if not stat.S_ISREG(status.st_mode):
        # a FIFO or a device would block the read forever; a folder cannot be read
        raise ChatExportError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} is not a regular file; choose the exported chat history file."
            ),
            name=name,
        )
    if status.st_size == 0:
        raise ChatExportError(QT_TRANSLATE_NOOP("Errors", "{name} is empty."), name=name)
    if status.st_size > SIZE_LIMIT:
        raise ChatExportError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} is {size} GB; chat exports over {limit} GB are refused."
            ),
            name=name,
            size=round(status.st_size / GB, 1),
            limit=SIZE_LIMIT // GB,
        )
    return status.st_size


def head_of(path: Path) -> bytes:
    """The first bytes of a checked file, refused when they show a zip or a binary file."""
    check_file(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise ChatExportError(
            QT_TRANSLATE_NOOP("Errors", "{name} cannot be read ({detail})."),
            name=path.name,
            detail=exc.strerror or str(exc),
        ) from exc
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        raise ChatExportError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} is a zip archive; unpack it and choose the chat export inside."
            ),
            name=path.name,
        )
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ChatExportError(
            QT_TRANSLATE_NOOP("Errors", "{name} is a binary file, not a chat history export."),
            name=path.name,
        )
    return head


def damaged(path: Path, detail: str) -> ChatExportError:
    """The refusal of a file found damaged or cut short while it was read."""
    return ChatExportError(
        QT_TRANSLATE_NOOP(
            "Errors", "{name} is damaged or cut short ({detail}); export the chat again."
        ),
        name=path.name,
        detail=(detail.strip().splitlines() or ["?"])[0][:200],  # yajl adds a drawing
    )


def json_items(
    path: Path, prefix: str, source: Iterable[tuple[str, str, Any]] | None = None
) -> Iterator[Any]:
    """The values at ``prefix`` of a JSON file (or of ``source``, its parse events), parsed a
    buffer at a time (ijson)."""
    try:
        if source is not None:
            yield from ijson.items(source, prefix, use_float=True)
            return
        with path.open("rb", buffering=0) as fh:
            yield from ijson.items(fh, prefix, use_float=True, buf_size=_JSON_BUFFER)
    except ijson.JSONError as exc:
        raise damaged(path, str(exc)) from None


def json_events(path: Path, fh: IO[bytes]) -> Iterator[tuple[str, str, Any]]:
    """The parse events of a JSON file (ijson), refused when it is damaged."""
    try:
        yield from ijson.parse(fh, use_float=True, buf_size=_BUFFER)
    except ijson.JSONError as exc:
        raise damaged(path, str(exc)) from None


def json_head(path: Path, parts: Iterable[str], stop: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The plain fields (text, numbers) of the top-level objects ``parts``, read until a key of
    ``stop`` begins (the messages): what an export says of its chat, without reading on."""
    found: dict[str, dict[str, Any]] = {part: {} for part in parts}
    ends = set(stop)
    with path.open("rb", buffering=0) as fh:
        for prefix, event, value in json_events(path, fh):
            if prefix in ends:
                break
            part, _, field = prefix.partition(".")
            if part in found and field and "." not in field and event in ("string", "number"):
                found[part][field] = value
    return found


def text_encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 (never GBK: a superset)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def text_lines(path: Path, encoding: str) -> Iterator[tuple[int, str]]:
    """``(line number, line without its end)``, decoded a buffer at a time."""
    number = 0
    try:
        with path.open(encoding=encoding, newline=None, buffering=_BUFFER) as fh:
            for number, line in enumerate(fh, 1):  # noqa: B007 - number is read after
                yield number, line.rstrip("\n")
    except UnicodeDecodeError:
        raise ChatExportError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} is not in one text encoding (line {line} is not {encoding})."
            ),
            name=path.name,
            line=number + 1,
            encoding=encoding,
        ) from None


def csv_rows(path: Path, encoding: str = "utf-8-sig") -> Iterator[tuple[int, dict[str, str]]]:
    """``(line number, row by header)`` of a CSV file, a row at a time."""
    line = 1
    try:
        with path.open(encoding=encoding, newline="", buffering=_BUFFER) as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                yield line, row
                line = reader.line_num + 1
    except csv.Error as exc:
        raise ChatExportError(
            QT_TRANSLATE_NOOP("Errors", "{name} cannot be read as CSV (line {line}: {detail})."),
            name=path.name,
            line=line,
            detail=str(exc),
        ) from None
    except UnicodeDecodeError:
        raise ChatExportError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} is not in one text encoding (line {line} is not {encoding})."
            ),
            name=path.name,
            line=line,
            encoding=encoding,
        ) from None


def head_text(head: bytes, encoding: str) -> str:
    """The decoded head of a file (a character cut at its end dropped)."""
    return codecs.getincrementaldecoder(encoding)(errors="replace").decode(head, final=False)


def local_to_utc(moment: datetime, zone: tzinfo) -> datetime:
    """A wall-clock time in ``zone`` as a naive UTC datetime."""
    offset = moment.replace(tzinfo=zone).utcoffset()
    return moment - offset if offset is not None else moment


def first_csv_header(head: bytes) -> list[str]:
    """The cells of a CSV file's first line, from its head."""
    text = head_text(head, text_encoding(head)).lstrip("\ufeff")
    first = text.split("\n", 1)[0].rstrip("\r")
    try:
        return next(csv.reader(io.StringIO(first)), [])
    except csv.Error:
        return []
