"""A PDF's text layer that says what was drawn: 心 copies and searches as 心, not as ⼼.

Qt's PDF engine writes each font's ToUnicode map (the characters a glyph stands for) by
asking, for every glyph it embedded, which is the lowest code point the font's cmap gives that
glyph. Fonts share one glyph between characters that look alike: Noto Sans CJK draws 心 and the
Kangxi radical ⼼ (U+2F3C), 马 and ⻢ (U+2EE2), 肉 and ⾁ (U+2F81), ～ and 〜 with one glyph
each, so the PDF said ⼼ where the page shows 心, and a search for a name found nothing.

A report records the characters it draws (``DrawnText``); ``fix_text_layer`` then maps every
glyph named by a character that was never drawn to the drawn character the same font draws with
that glyph, and appends the corrected maps to the file as an incremental update (the standard
way to amend a PDF; every reader takes the newest version of an object).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QFont, QRawFont

_TO_UNICODE = re.compile(rb"/ToUnicode\s+(\d+)\s+0\s+R")
_HEX = rb"<([0-9A-Fa-f]+)>"
_RANGE = re.compile(_HEX + rb"\s*" + _HEX + rb"\s*(\[[^\]]*\]|" + _HEX + rb")")
_CHAR = re.compile(_HEX + rb"\s*" + _HEX)
_PER_BLOCK = 100  # a CMap block holds at most 100 entries


class DrawnText:
    """The characters a report drew and the fonts it drew them in."""

    def __init__(self, fonts: Iterable[QFont]) -> None:
        self.chars: set[str] = set()
        self.fonts = list(fonts)

    def add(self, text: str) -> None:
        self.chars.update(text)


def fix_text_layer(path: Path, drawn: DrawnText) -> int:
    """Correct the ToUnicode maps of the PDF at ``path``; how many glyphs were renamed."""
    data = Path(path).read_bytes()
    numbers = sorted({int(n) for n in _TO_UNICODE.findall(data)})
    maps = {n: _read_cmap(data, n) for n in numbers}
    names = {v for cmap in maps.values() for v in cmap.values() if v not in drawn.chars}
    twins = _twins(drawn, names)
    changed: dict[int, bytes] = {}
    renamed = 0
    for number, cmap in maps.items():
        fixed = {cid: _meant(text, drawn.chars, twins) for cid, text in cmap.items()}
        count = sum(fixed[cid] != text for cid, text in cmap.items())
        if count:
            changed[number] = _write_cmap(fixed)
            renamed += count
    if changed:
        Path(path).write_bytes(_with_update(data, changed))
    return renamed


def _meant(text: str, drawn: set[str], twins: dict[str, str]) -> str:
    """The drawn text a glyph named ``text`` stands for (``text`` itself when it was drawn)."""
    if text in drawn or len(text) != 1:
        return text
    if text in twins:
        return twins[text]
    plain = unicodedata.normalize("NFKC", text)  # a ligature (ﬁ → fi), a radical without twin
    return plain if plain != text and set(plain) <= drawn else text


def _twins(drawn: DrawnText, names: set[str]) -> dict[str, str]:
    """For each character in ``names``, a drawn one that a report font gives the same glyph."""
    twins: dict[str, str] = {}
    if not names:
        return twins
    seen: set[tuple[str, bool, bool]] = set()
    for font in drawn.fonts:
        for family in font.families() or [font.family()]:
            key = (family, font.bold(), font.italic())
            if key in seen:
                continue
            seen.add(key)
            one = QFont(font)
            one.setFamilies([family])
            raw = QRawFont.fromFont(one)
            if not raw.isValid():
                continue
            by_glyph: dict[int, str] = {}
            for char in sorted(drawn.chars):
                by_glyph.setdefault(_glyph(raw, char), char)
            by_glyph.pop(0, None)
            for name in names - twins.keys():
                twin = by_glyph.get(_glyph(raw, name))
                if twin is not None:
                    twins[name] = twin
    return twins


def _glyph(raw: QRawFont, char: str) -> int:
    glyphs = raw.glyphIndexesForString(char)
    return glyphs[0] if len(glyphs) == 1 else 0


def _read_cmap(data: bytes, number: int) -> dict[int, str]:
    """The ToUnicode CMap in object ``number``: glyph id → text."""
    pattern = rb"(?<![0-9])%d\s+0\s+obj\s*<<(.*?)>>\s*stream\r?\n" % number
    heads = list(re.finditer(pattern, data, re.S))
    if not heads:
        return {}
    head = heads[-1]  # the newest version of the object
    end = data.find(b"endstream", head.end())
    body = data[head.end() : end].rstrip(b"\r\n")
    if b"/FlateDecode" in head.group(1):
        body = zlib.decompress(body)
    cmap: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", body, re.S):
        for first, last, target, single in _RANGE.findall(block):
            start, stop = int(first, 16), int(last, 16)
            if single:
                code = _text(single)
                for offset in range(stop - start + 1):
                    cmap[start + offset] = code[:-1] + chr(ord(code[-1]) + offset)
            else:
                targets = re.findall(_HEX, target)
                for offset, value in enumerate(targets[: stop - start + 1]):
                    cmap[start + offset] = _text(value)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", body, re.S):
        for code, value in _CHAR.findall(block):
            cmap[int(code, 16)] = _text(value)
    return {cid: text for cid, text in cmap.items() if text and text != "\0"}


def _text(hex_value: bytes) -> str:
    return bytes.fromhex(hex_value.decode("ascii")).decode("utf-16-be", "replace")


def _write_cmap(cmap: dict[int, str]) -> bytes:
    lines = [
        b"/CIDInit /ProcSet findresource begin",
        b"12 dict begin",
        b"begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def",
        b"/CMapType 2 def",
        b"1 begincodespacerange",
        b"<0000> <FFFF>",
        b"endcodespacerange",
    ]
    entries = sorted(cmap.items())
    for start in range(0, len(entries), _PER_BLOCK):
        chunk = entries[start : start + _PER_BLOCK]
        lines.append(b"%d beginbfchar" % len(chunk))
        for cid, text in chunk:
            lines.append(b"<%04X> <%s>" % (cid, text.encode("utf-16-be").hex().upper().encode()))
        lines.append(b"endbfchar")
    lines += [
        b"endcmap",
        b"CMapName currentdict /CMap defineresource pop",
        b"end",
        b"end",
    ]
    return b"\n".join(lines) + b"\n"


def _with_update(data: bytes, objects: dict[int, bytes]) -> bytes:
    """``data`` with ``objects`` (number → stream content) replaced by an incremental update."""
    previous = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", data, re.S)[-1]
    trailer = re.sub(rb"/Prev\s+\d+", b"", trailer)
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number, stream in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n<< /Length %d >>\nstream\n" % (number, len(stream))
        out += stream + b"\nendstream\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"  # the free list's head, as in a full table
    for number, offset in offsets.items():
        out += b"%d 1\n%010d 00000 n \n" % (number, offset)
    out += b"trailer\n<<" + trailer.rstrip() + b"\n/Prev %d\n>>\n" % previous
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
