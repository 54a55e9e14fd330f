"""Which text encoding a CSV or TSV roster is in: UTF-8 (with or without BOM), UTF-16 or
GB18030, detected or chosen, and the lines that mix two of them."""

from __future__ import annotations

import codecs

from app.io.errors import QT_TRANSLATE_NOOP, RosterError


def decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str, str | None]:
    """``(text, encoding used, encoding detected)``; a chosen encoding wins over detection."""
    if encoding is None:
        found = _detect_encoding(data, name)
        return _decode_as(data, found, name), found, found
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError):
        raise RosterError(
            QT_TRANSLATE_NOOP("Errors", "Unknown encoding “{encoding}”."), encoding=encoding
        ) from None
    if not getattr(info, "_is_text_encoding", True):  # rot-13, hex, base64, zip…
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors", "“{encoding}” is not a text encoding; choose UTF-8 or GB18030."
            ),
            encoding=encoding,
        )
    codec = info.name
    if codec in ("gbk", "gb2312", "cp936"):
        codec = "gb18030"  # the superset: a GBK file reads the same, and rare names survive
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        detected: str | None = _detect_encoding(data, name)
    except RosterError:
        detected = None
    if codec == "gb18030":
        _refuse_mixed(data, name)
    return _decode_as(data, codec, name), codec, detected


def _detect_encoding(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in data:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} looks like a binary file, not a CSV or TSV roster (it contains NUL "
                "bytes). Export the roster as CSV or XLSX.",
            ),
            name=name,
        )
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    _refuse_mixed(data, name)
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} is not in UTF-8, UTF-16 or GB18030 (it may be {guess}). Choose its "
                "encoding, or save it as UTF-8 and import it again.",
            ),
            name=name,
            guess=best.encoding if best is not None else "?",
        ) from None
    return "gb18030"


def _decodes(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _reads_as_utf8(line: bytes) -> bool:
    """The line is UTF-8: it decodes as UTF-8 only, or as both and shows Chinese as UTF-8."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not _decodes(line, "gb18030") or any(_cjk(c) for c in text)


def _refuse_mixed(data: bytes, name: str) -> None:
    """Refuse a file whose lines are partly UTF-8, partly GB18030 (two files pasted together).

    A line that reads as both counts as UTF-8 when that reading has Chinese in it: GB18030
    text is seldom valid UTF-8, and then reads as stray letters (未知 as "δ֪"), never Chinese.
    """
    first = ""
    for number, line in enumerate(data.splitlines(), start=1):
        if line.isascii():
            continue
        kind = "UTF-8" if _reads_as_utf8(line) else "GB18030"
        if not first:
            first = kind
        elif kind != first:
            raise RosterError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} mixes text encodings: it reads as {first}, but line {line} is "
                    "{other}. Save the whole file in one encoding and import it again.",
                ),
                name=name,
                first=first,
                line=number,
                other=kind,
            )


def mixed_lines(data: bytes, delimiter: str) -> dict[int, str]:
    """Lines of a GB18030 file with a cell written in UTF-8: ``{line: that cell}``.

    Read as GB18030, such a cell comes out garbled (张三 → 寮犱笁). A GB18030 cell almost
    never reads as UTF-8 made only of CJK characters, so those are the cells taken for UTF-8.
    """
    found: dict[int, str] = {}
    separator = delimiter.encode("ascii")
    for number, line in enumerate(data.splitlines(), start=1):
        if line.isascii() or _decodes(line, "utf-8"):
            continue
        for cell in line.split(separator):
            if not cell.isascii() and _decodes(cell, "utf-8"):
                text = cell.decode("utf-8").strip().strip('"')
                if all(c.isascii() or _cjk(c) for c in text):
                    found[number] = text
                    break
    return found


def _cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def _decode_as(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeError) as exc:
        if not isinstance(exc, UnicodeDecodeError):  # a codec that cannot decode bytes to text
            raise RosterError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{name} cannot be read as {encoding}. Choose another encoding."
                ),
                name=name,
                encoding=encoding,
            ) from None
        line = data[: exc.start].count(b"\n") + 1
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} cannot be read as {encoding} (line {line}). Choose another encoding.",
            ),
            name=name,
            encoding=encoding,
            line=line,
        ) from None
    if "\x00" in text:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} looks like a binary file, not a CSV or TSV roster (it contains NUL "
                "bytes). Export the roster as CSV or XLSX.",
            ),
            name=name,
        )
    return text
