"""Reading the first worksheet of an XLSX roster, after checking the zip will not explode.

The zip's entries are measured before anything is decompressed. python-calamine (Rust's
calamine) reads the sheet: a 100,000-row roster in about a second where openpyxl took twenty,
which made reading most of an XLSX import. Its XML parser expands no entities declared in a
document, so a workbook cannot blow up in memory that way either.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP
from app.io.roster_file import MB, RosterError

XLSX_EXPANDED_LIMIT = 200 * MB  # bytes of all zip entries once uncompressed
XLSX_RATIO_LIMIT = 200  # uncompressed / compressed, for an entry over XLSX_RATIO_FLOOR
XLSX_RATIO_FLOOR = 10 * MB


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
        raise RosterError(
            QT_TRANSLATE_NOOP("Errors", "{name} cannot be read as an Excel workbook ({detail})."),
            name=path.name,
            detail=str(exc)[:200] or type(exc).__name__,
        ) from exc
    rows: list[tuple[int, list[str]]] = []
    for number, row in enumerate(values, start=1):
        cells = [_cell_text(v) for v in row]
        while cells and cells[-1] == "":
            cells.pop()
        rows.append((number, cells))
    return rows


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
