"""Reading the first worksheet of an XLSX roster, after checking it will not explode.

The zip's entries are measured before anything is decompressed, and the worksheet's XML is
scanned for how far it reaches (``xlsx_used_range``): a sheet past the roster's rows or
columns is refused before any cell is built. python-calamine (Rust's calamine) then reads the
sheet: a 100,000-row roster in about a second where openpyxl took twenty. Its XML parser
expands no entities declared in a document. A sheet whose rows or cells do not say where they
are is read by openpyxl's streaming parser instead, row by row as listed, never filled in.
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.io.errors import QT_TRANSLATE_NOOP
from app.io.rosters.file import CELL_LIMIT, COLUMN_LIMIT, MB, ROW_LIMIT, RosterError
from app.io.rosters.xlsx_used_range import first_sheet_path, shared_text_bytes, used_range
from app.memory_release import give_back

XLSX_EXPANDED_LIMIT = 100 * MB  # bytes of all zip entries once uncompressed (memory: #15)
XLSX_RATIO_LIMIT = 200  # uncompressed / compressed, for an entry over XLSX_RATIO_FLOOR
XLSX_RATIO_FLOOR = 10 * MB
SHARED_STRINGS_LIMIT = 40 * MB  # all shared strings are held in memory while the sheet is read


def _check_zip(path: Path) -> None:
    """Refuse a fake XLSX, or one whose entries would expand past the limits, before parsing."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} is not a real XLSX workbook (it is not a zip archive). Open it in Excel "
                "or WPS and save it again as .xlsx or CSV.",
            ),
            name=name,
        ) from None
    _check_expansion(
        name,
        sum(e.file_size for e in entries),
        QT_TRANSLATE_NOOP(
            "Errors",
            "{name} would expand to {size} MB when opened; workbooks over {limit} MB are refused.",
        ),
    )
    for entry in entries:
        if entry.filename.endswith("sharedStrings.xml") and entry.file_size > SHARED_STRINGS_LIMIT:
            raise RosterError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} holds {size} MB of text; workbooks with over {limit} MB are refused.",
                ),
                name=name,
                size=round(entry.file_size / MB),
                limit=SHARED_STRINGS_LIMIT // MB,
            )
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > XLSX_RATIO_FLOOR and ratio > XLSX_RATIO_LIMIT:
            raise RosterError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} is compressed suspiciously tightly ({ratio}:1) and is refused: it "
                    "could be a zip bomb.",
                ),
                name=name,
                ratio=round(ratio),
            )
    if "xl/workbook.xml" not in {e.filename for e in entries}:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors", "{name} is a zip archive but not an Excel workbook; export it as CSV."
            ),
            name=name,
        )


def xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The first worksheet's rows as text (dates in ISO form), numbered from the sheet's
    first row whatever the workbook says its used range is."""
    _check_zip(path)
    try:
        with zipfile.ZipFile(path) as archive:
            entry = first_sheet_path(archive)
            reach = used_range(archive, entry) if entry in archive.namelist() else None
            if reach is not None:
                sheet = archive.getinfo(str(entry)).file_size
                _check_expansion(
                    path.name,
                    sheet + shared_text_bytes(archive, reach.shared_uses),
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{name} repeats its text into {size} MB of cells when opened; workbooks "
                        "over {limit} MB are refused.",
                    ),
                )
    except RosterError:
        raise
    except (
        zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError, SyntaxError
    ) as exc:  # fmt: skip
        raise _unreadable(path, exc) from exc
    if reach is None or not reach.exact:
        return _listed_rows(path)
    _check_reach(path.name, reach.rows, reach.columns, reach.widest_row)
    if reach.rows * reach.columns > CELL_LIMIT:
        return _listed_rows(path)  # a long and wide sheet: no grid, only the cells listed
    return _calamine_rows(path)


def _calamine_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The sheet read by calamine as a grid (its reach was checked first)."""
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        try:
            sheets = [s.name for s in workbook.sheets_metadata if s.typ == SheetTypeEnum.WorkSheet]
            if not sheets:
                raise RosterError(
                    QT_TRANSLATE_NOOP("Errors", "{name} has no worksheet."), name=path.name
                )
            values = workbook.get_sheet_by_name(sheets[0]).to_python(skip_empty_area=False)
        finally:
            workbook.close()
    except RosterError:
        raise
    except (CalamineError, ValueError, TypeError, OSError) as exc:
        raise _unreadable(path, exc) from exc
    rows: list[tuple[int, list[str]]] = []
    for number, row in enumerate(values, start=1):
        cells = [_cell_text(v) for v in row]
        while cells and cells[-1] == "":
            cells.pop()
        rows.append((number, cells))
    del values
    give_back()  # calamine's copy of the sheet, freed into the C heap
    return rows


def _listed_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The sheet read by openpyxl's streaming parser, rows as listed, never filled in; a
    sheet that reaches past the limits is refused as the reach is met."""
    from openpyxl import load_workbook
    from openpyxl.worksheet._reader import WorkSheetParser

    rows: list[tuple[int, list[str]]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of odd cells; we read their text
            workbook = load_workbook(path, read_only=True, data_only=True)
            try:
                if not workbook.worksheets:
                    raise RosterError(
                        QT_TRANSLATE_NOOP("Errors", "{name} has no worksheet."), name=path.name
                    )
                sheet = workbook.worksheets[0]
                with sheet._get_source() as source:
                    parser = WorkSheetParser(
                        source,
                        workbook.shared_strings,
                        data_only=True,
                        epoch=workbook.epoch,
                        date_formats=workbook._date_formats,
                        timedelta_formats=workbook._timedelta_formats,
                    )
                    for number, cells in parser.parse():
                        widest = max((int(cell["column"]) for cell in cells), default=0)
                        _check_reach(path.name, max(number, len(rows) + 1), widest, number)
                        rows.append((number, _row_text(cells)))
            finally:
                workbook.close()
    except RosterError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        KeyError,
        IndexError,
        ValueError,
        TypeError,
        OSError,
        SyntaxError,
    ) as exc:
        raise _unreadable(path, exc) from exc
    return rows


def _unreadable(path: Path, exc: BaseException) -> RosterError:
    return RosterError(
        QT_TRANSLATE_NOOP("Errors", "{name} cannot be read as an Excel workbook ({detail})."),
        name=path.name,
        detail=(str(exc).splitlines() or [""])[0][:200] or type(exc).__name__,
    )


def _check_expansion(name: str, size: int, template: str) -> None:
    """Refuse a workbook that would expand past ``XLSX_EXPANDED_LIMIT`` bytes: its zip entries
    uncompressed, or its sheet with each shared string written out in every cell naming it."""
    if size > XLSX_EXPANDED_LIMIT:
        limit = XLSX_EXPANDED_LIMIT // MB
        raise RosterError(template, name=name, size=round(size / MB), limit=limit)


def _check_reach(name: str, rows: int, columns: int, widest_row: int) -> None:
    """Refuse a sheet whose rows or columns reach past what a roster can hold."""
    if rows > ROW_LIMIT:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} reaches row {row}; a roster holds at most {limit} rows. Delete the "
                "cells below the list (or split it) and import it again.",
            ),
            name=name,
            row=rows,
            limit=ROW_LIMIT,
        )
    if columns > COLUMN_LIMIT:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} has a cell in column {column} (row {row}); a roster has at most {limit} "
                "columns. Delete the cells right of the list and import it again.",
            ),
            name=name,
            column=columns,
            row=widest_row,
            limit=COLUMN_LIMIT,
        )


def _row_text(cells: list[dict[str, Any]]) -> list[str]:
    """A parsed row's cells as text in column order, gaps between them empty."""
    values: dict[int, str] = {}
    for cell in cells:
        text = _cell_text(cell["value"])
        if text != "":
            values[int(cell["column"])] = text
    if not values:
        return []
    return [values.get(column, "") for column in range(1, max(values) + 1)]


def _cell_text(value: Any) -> str:
    """A cell as text: whole numbers without ".0", datetimes to the second in ISO form."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.microsecond >= 500_000:
            value += timedelta(seconds=1)
        moment: datetime = value.replace(microsecond=0, tzinfo=None)
        return moment.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
