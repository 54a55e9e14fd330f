"""Reading a roster file (CSV, TSV or XLSX) into a header and rows of text.

Files are checked before they are parsed: too large, binary, empty, a fake or explosive XLSX,
mixed encodings are refused with a message a person can act on. The encoding, the delimiter
and the header row are detected and can be overridden (the wizard shows what was detected).
"""

from __future__ import annotations

import csv
import io
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.io.errors import QT_TRANSLATE_NOOP, RosterError
from app.io.rosters.encoding import decode, mixed_lines
from app.io.rosters.presets import KNOWN_HEADERS, normalise_header

__all__ = ["RosterError", "RosterFile", "group_name_for", "read_roster"]

SIZE_LIMIT = 25 * 1024 * 1024  # bytes of a roster file
ROW_LIMIT = 110_000  # rows of a roster (the largest operator has 100,000 members)
COLUMN_LIMIT = 200  # columns of a roster
CELL_LIMIT = 1_100_000  # cells held in memory (110,000 rows of 10 columns)
SHORT_CELL = 6  # cells up to this length are shared between rows (see _share_short_cells)
HEADER_SCAN = 10  # non-blank rows searched for the header
DELIMITERS = (",", "\t", ";")
_SNIFF_ROWS = 30
MB = 1024 * 1024
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
GROUP_NAME_LIMIT = 100  # characters of a group's name
# what a title or a file name says beside the chat's name: "(导出时间 …)", dates, "成员列表"
_ASIDE = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_TRAILING = re.compile(
    r"(?:[\s_\-—–·:：,，]+|群?成员列表|群?成员名单|群成员|成员|名单|花名册|通讯录|导出|"
    r"members?(?: list)?|roster|export(?:ed)?|\d{4}[-./年]\d{1,2}(?:[-./月]\d{1,2}日?)?"
    r"(?:[\sT_]*\d{1,2}[:：.]\d{2}(?:[:：.]\d{2})?)?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RosterFile:
    """A roster's header and rows as text, and how the file was read."""

    path: Path
    kind: str  # "csv" | "tsv" | "xlsx"
    encoding: str | None
    delimiter: str | None
    header_line: int  # 1-based line (CSV) or row (XLSX) of the header
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (line or row number, cells) after the header
    detected_encoding: str | None = None
    detected_delimiter: str | None = None
    # GB18030 lines with a cell in UTF-8 ({line: the cell}): their rows are refused
    mixed_lines: dict[int, str] = field(default_factory=dict)

    def column_name(self, column: int) -> str:
        """How a column is named to a person: its header, or "#5" for one without."""
        if column < len(self.headers) and self.headers[column]:
            return self.headers[column]
        return f"#{column + 1}"

    title: str = ""  # a title row above the header ("读书会3群 成员列表（导出时间 …）"), if any


def group_name_for(path: Path, title: str = "") -> str:
    """The name a new group gets from a roster: its chat's name from the title row, else the
    file's name, without what such names say besides (a list word, a date, an aside)."""
    for text in (title, Path(path).stem):
        name = _ASIDE.sub(" ", text).strip()
        while True:
            shorter = _TRAILING.sub("", name).strip()
            if shorter == name:
                break
            name = shorter
        if name:
            return name[:GROUP_NAME_LIMIT]
    return Path(path).stem[:GROUP_NAME_LIMIT]


def read_roster(
    path: Path,
    encoding: str | None = None,
    delimiter: str | None = None,
    header_line: int | None = None,
) -> RosterFile:
    """Read ``path``; ``encoding``, ``delimiter`` and ``header_line`` override the detection."""
    path = Path(path)
    name = path.name
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # a FIFO or a device would block the read forever; a folder cannot be read
            raise RosterError(
                QT_TRANSLATE_NOOP(
                    "Errors", "{name} is not a regular file; choose the exported roster file."
                ),
                name=name,
            )
        size = status.st_size
        if size > SIZE_LIMIT:
            raise RosterError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} is {size} MB; roster files over {limit} MB are refused. "
                    "Split it and import the parts.",
                ),
                name=name,
                size=round(size / MB, 1),
                limit=SIZE_LIMIT // MB,
            )
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise RosterError(
            QT_TRANSLATE_NOOP("Errors", "{name} cannot be read ({detail})."),
            name=name,
            detail=exc.strerror or str(exc),
        ) from exc
    if size == 0:
        raise RosterError(QT_TRANSLATE_NOOP("Errors", "{name} is empty."), name=name)
    if head.startswith(b"\xd0\xcf\x11\xe0") or path.suffix.lower() == ".xls":
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} is an old Excel .xls workbook; save it as .xlsx or CSV and import that.",
            ),
            name=name,
        )
    if path.suffix.lower() in (".xlsx", ".xlsm") or head.startswith(b"PK\x03\x04"):
        from app.io.rosters.xlsx import xlsx_rows  # openpyxl loads only for a workbook

        lines = xlsx_rows(path)
        return _build(path, "xlsx", None, None, None, None, lines, header_line)
    data = path.read_bytes()
    text, used, detected = decode(data, name, encoding)
    sniffed = _sniff_delimiter(text)
    if delimiter is not None and len(delimiter) != 1:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors", "The delimiter must be one character, like a comma, a semicolon or a tab."
            )
        )
    chosen = delimiter or sniffed
    kind = "tsv" if chosen == "\t" else "csv"
    mixed = mixed_lines(data, chosen) if used == "gb18030" else {}
    del data  # the bytes are not needed beside the text and its rows
    lines = _csv_rows(text, chosen, name)
    del text
    roster = _build(path, kind, used, detected, chosen, sniffed, lines, header_line)
    return replace(roster, mixed_lines=mixed) if mixed else roster


# --- CSV -------------------------------------------------------------------------------


def _sniff_delimiter(text: str) -> str:
    """The candidate that splits the first rows into most multi-cell rows of one width."""
    sample = "\n".join(text[:65536].splitlines()[:_SNIFF_ROWS])
    best, best_score = ",", (0, 0)
    for candidate in DELIMITERS:
        widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=candidate) if r]
        wide = [w for w in widths if w >= 2]
        common = max((wide.count(w) for w in set(wide)), default=0)
        score = (len(wide), common)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _csv_rows(text: str, delimiter: str, name: str) -> list[tuple[int, list[str]]]:
    """Every row with the line it starts on (a quoted cell may span lines)."""
    # Lines are sliced from the text one at a time: a StringIO would hold a second copy of
    # the whole file, four bytes a character.
    reader = csv.reader((m.group() for m in _LINE.finditer(text)), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    cells_read = 0
    try:
        for cells in reader:
            rows.append((start, cells))
            cells_read += len(cells)
            if len(rows) > ROW_LIMIT or cells_read > CELL_LIMIT or len(cells) > COLUMN_LIMIT:
                raise _too_big(name, start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise RosterError(
            QT_TRANSLATE_NOOP("Errors", "{name} cannot be read as CSV (line {line}: {detail})."),
            name=name,
            line=start,
            detail=str(exc),
        ) from None
    return rows


def _too_big(name: str, line: int) -> RosterError:
    return RosterError(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{name} is too large to be one roster (line {line}): at most {rows} rows of up to "
            "{columns} columns, {cells} cells in all. Split it and import the parts.",
        ),
        name=name,
        line=line,
        rows=ROW_LIMIT,
        columns=COLUMN_LIMIT,
        cells=CELL_LIMIT,
    )


# --- header ----------------------------------------------------------------------------


def _blank(cells: list[str]) -> bool:
    return not any(c.strip() for c in cells)


def _find_header(rows: list[tuple[int, list[str]]]) -> int:
    """Index in ``rows`` of the header: most known names within the first rows, else the
    first row of two or more cells followed by data, else the first row."""
    candidates = [i for i, (_, cells) in enumerate(rows) if not _blank(cells)][:HEADER_SCAN]
    best, best_score = -1, 0
    for i in candidates:
        score = sum(1 for c in rows[i][1] if c.strip() and normalise_header(c) in KNOWN_HEADERS)
        if score > best_score:
            best, best_score = i, score
    if best >= 0:
        return best
    for position, i in enumerate(candidates[:-1]):
        if sum(1 for c in rows[i][1] if c.strip()) >= 2 and candidates[position + 1] > i:
            return i
    return candidates[0]


def _share_short_cells(rows: list[tuple[int, list[str]]]) -> None:
    """Hold one copy of each short cell (男, LV12, 3年, a date's day): a roster repeats them
    on every row, and 100,000 rows would otherwise hold each of them 100,000 times."""
    seen: dict[str, str] = {}
    for _, cells in rows:
        cells[:] = [seen.setdefault(c, c) if len(c) <= SHORT_CELL else c for c in cells]


def _build(
    path: Path,
    kind: str,
    encoding: str | None,
    detected_encoding: str | None,
    delimiter: str | None,
    detected_delimiter: str | None,
    rows: list[tuple[int, list[str]]],
    header_line: int | None,
) -> RosterFile:
    name = path.name
    if all(_blank(cells) for _, cells in rows):
        raise RosterError(QT_TRANSLATE_NOOP("Errors", "{name} is empty."), name=name)
    if header_line is None:
        index = _find_header(rows)
    else:
        found = [i for i, (line, cells) in enumerate(rows) if line == header_line]
        if not found or _blank(rows[found[0]][1]):
            raise RosterError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Line {line} of {name} is empty or missing; choose another header."
                ),
                line=header_line,
                name=name,
            )
        index = found[0]
    line, header_cells = rows[index]
    titles = [[c.strip() for c in cells if c.strip()] for _, cells in rows[:index]]
    title = next((cells[0] for cells in titles if len(cells) == 1), "")
    headers = [h.strip().lstrip("\ufeff") for h in header_cells]
    while headers and headers[-1] == "":
        headers.pop()
    data = [(n, cells) for n, cells in rows[index + 1 :] if not _blank(cells)]
    _share_short_cells(data)
    if not data:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} has a header row but no members under it; nothing to import."
            ),
            name=name,
        )
    return RosterFile(
        path=path,
        kind=kind,
        encoding=encoding,
        delimiter=delimiter,
        header_line=line,
        headers=headers,
        rows=data,
        detected_encoding=detected_encoding,
        detected_delimiter=detected_delimiter,
        title=title,
    )
