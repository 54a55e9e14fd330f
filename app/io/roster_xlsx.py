"""Reading the first worksheet of an XLSX roster, after checking the zip will not explode.

openpyxl parses the XML with defusedxml (installed, so it is used); the zip's entries are
measured before anything is decompressed.
"""

from __future__ import annotations

import warnings
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP
from app.io.roster_file import MB, RosterError

XLSX_EXPANDED_LIMIT = 200 * MB  # bytes of all zip entries once uncompressed
XLSX_RATIO_LIMIT = 200  # uncompressed / compressed, for an entry over XLSX_RATIO_FLOOR
XLSX_RATIO_FLOOR = 10 * MB
SHARED_STRINGS_LIMIT = 40 * MB  # all shared strings are held in memory while the sheet is read
ROW_LIMIT = 200_000  # rows of a roster sheet (the largest operator has 100,000 members)
COLUMN_LIMIT = 200  # columns of a roster sheet


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
    total = sum(e.file_size for e in entries)
    if total > XLSX_EXPANDED_LIMIT:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} would expand to {size} MB when opened; workbooks over {limit} MB are "
                "refused.",
            ),
            name=name,
            size=round(total / MB),
            limit=XLSX_EXPANDED_LIMIT // MB,
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
    """The first worksheet's rows as text (dates in ISO form); parsed with defusedxml.

    Rows are read as the sheet lists them, never filled in: one cell at row 30,000,000 or at
    column XFD would otherwise make openpyxl build millions of empty cells. A sheet that
    reaches past ``ROW_LIMIT`` rows or ``COLUMN_LIMIT`` columns is refused as it is met.
    """
    _check_zip(path)
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
                with sheet._get_source() as source:  # type: ignore[union-attr]
                    parser = WorkSheetParser(
                        source,
                        workbook.shared_strings,
                        data_only=True,
                        epoch=workbook.epoch,
                        date_formats=workbook._date_formats,
                        timedelta_formats=workbook._timedelta_formats,
                    )
                    for number, cells in parser.parse():
                        _check_reach(path.name, number, cells, len(rows))
                        rows.append((number, _row_text(cells)))
            finally:
                workbook.close()
    except RosterError:
        raise
    except (
        zipfile.BadZipFile,
        KeyError,
        IndexError,
        ValueError,
        TypeError,
        OSError,
        SyntaxError,
    ) as exc:
        raise RosterError(
            QT_TRANSLATE_NOOP("Errors", "{name} cannot be read as an Excel workbook ({detail})."),
            name=path.name,
            detail=(str(exc).splitlines() or [""])[0][:200] or type(exc).__name__,
        ) from exc
    return rows


def _check_reach(name: str, number: int, cells: list[dict[str, Any]], read: int) -> None:
    """Refuse a sheet whose rows or columns reach past what a roster can hold."""
    widest = max((int(cell["column"]) for cell in cells), default=0)
    if number > ROW_LIMIT or read >= ROW_LIMIT:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} reaches row {row}; a roster holds at most {limit} rows. Delete the "
                "cells below the list (or split it) and import it again.",
            ),
            name=name,
            row=number,
            limit=ROW_LIMIT,
        )
    if widest > COLUMN_LIMIT:
        raise RosterError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{name} has a cell in column {column} (row {row}); a roster has at most {limit} "
                "columns. Delete the cells right of the list and import it again.",
            ),
            name=name,
            column=widest,
            row=number,
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
