"""How far an XLSX worksheet reaches, read from its XML before any cell is built.

A reader that builds the sheet as a grid (calamine does) would fill in every row and column
up to the farthest cell: one cell at row 30,000,000 or at column XFD costs gigabytes. This
scan reads the worksheet's XML as a stream, a chunk at a time, and finds the farthest row
and column named by its ``<row r=…>`` and ``<c r=…>`` tags without parsing anything else.

It also counts how often each shared string is used: a reader copies a shared string into
every cell that names it, so one long string named by every cell of a 50 KB file would become
gigabytes (``shared_text_bytes``).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from defusedxml import ElementTree

CHUNK = 4 * 1024 * 1024
_ATTRIBUTES = rb"((?:\s+[\w:.-]+\s*=\s*(?:\"[^\"<]*\"|'[^'<]*'))*)\s*/?>"
_TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)" + _ATTRIBUTES)
_ANY_TAG = re.compile(rb"<(?:[\w.-]+:)?(?:row|c)[\s/>]")
_R = re.compile(rb"(?:^|\s)r\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_CELL = re.compile(rb"([A-Z]{1,3})(\d{1,10})")
# a cell of type "s" and its value, the index of a shared string
_SHARED_CELL = re.compile(
    rb"<(?:[\w.-]+:)?c\b[^>]*?\st\s*=\s*[\"']s[\"'][^>]*>\s*<(?:[\w.-]+:)?v>\s*(\d{1,10})\s*<"
)
_SI = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}si"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(frozen=True)
class UsedRange:
    """The farthest row and column a sheet names; ``exact`` is False when some row or cell
    does not say where it is (or says it in a way this scan does not read), so a reader
    that numbers them itself must be used."""

    rows: int
    columns: int
    widest_row: int  # a row holding the farthest column
    exact: bool
    shared_uses: Counter[int] = field(default_factory=Counter)  # shared string → cells naming it


def first_sheet_path(archive: zipfile.ZipFile) -> str | None:
    """The zip entry of the workbook's first worksheet, as workbook.xml and its rels say."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, ValueError):
        return None
    worksheets: dict[str | None, str] = {
        r.get("Id"): r.get("Target", "")
        for r in rels.iter(_RELS)
        if r.get("Type", "").endswith("/worksheet")  # not a chartsheet: calamine skips those
    }
    ids = [e.get(_ID) for e in book.iter() if e.tag.endswith("}sheet")]
    target = next((worksheets[i] for i in ids if i in worksheets), None)
    if not target:
        return None
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("xl", target))


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def used_range(archive: zipfile.ZipFile, entry: str) -> UsedRange:
    """Scan ``entry`` of ``archive`` (a worksheet's XML) for its farthest row and column."""
    rows = columns = widest_row = row = column = 0
    exact = True
    shared_uses: Counter[int] = Counter()
    carry = b""
    with archive.open(entry) as stream:
        while True:
            chunk = stream.read(CHUNK)
            data = carry + chunk
            if chunk:
                # a row or cell (its value included) may run on into the next chunk
                cut = data.rfind(b"<")
                for tag in _ANY_TAG.finditer(data):
                    cut = tag.start()
                data, carry = (data[:cut], data[cut:]) if cut > 0 else (b"", data)
            else:
                carry = b""
            tags = 0
            for match in _TAG.finditer(data):
                tags += 1
                found = _R.search(match.group(2))
                place = (found.group(1) or found.group(2)) if found else None
                if match.group(1) == b"row":
                    row = int(place) if place is not None and place.isdigit() else row + 1
                    exact = exact and place is not None and place.isdigit()
                    column = 0
                else:
                    cell = _CELL.fullmatch(place) if place is not None else None
                    if cell is None:
                        exact = False
                        column += 1
                    else:
                        column = _column_number(cell.group(1))
                        row = max(row, int(cell.group(2)))
                if row > rows:
                    rows = row
                if column > columns:
                    columns, widest_row = column, row
            if len(_ANY_TAG.findall(data)) != tags:
                exact = False  # a row or cell tag this scan could not read
            shared_uses.update(int(m.group(1)) for m in _SHARED_CELL.finditer(data))
            if not chunk:
                break
    return UsedRange(rows, columns, widest_row, exact, shared_uses)


def shared_text_bytes(archive: zipfile.ZipFile, uses: Counter[int]) -> int:
    """The bytes of text (UTF-8) the shared strings put into the cells that name them, each
    counted at every use. The strings are read one at a time, their text never kept."""
    if not uses or "xl/sharedStrings.xml" not in archive.namelist():
        return 0
    total = index = 0
    root = None
    with archive.open("xl/sharedStrings.xml") as stream:
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            if root is None:
                root = element
            elif event == "end" and element.tag == _SI:
                if index in uses:
                    size = sum(len(t.encode("utf-8")) for t in element.itertext())
                    total += size * uses[index]
                index += 1
                root.clear()  # the strings read so far: none is kept
    return total
