"""The XLSX form of a roster: every cell a text cell, a bold frozen header with a filter.

openpyxl turns a string starting with ``=`` into a formula and ``#N/A`` into an error value;
here every value is written as an inline string (``t="inlineStr"``), so ids and phones keep
every digit and no member's text ever becomes a formula. Written with a write-only workbook:
rows stream to disk, memory stays flat. openpyxl streams the sheet to a temporary file of its
own in the system's temp folder, which a killed export would leave there holding the roster;
here that file is an export temporary file beside the target instead (owner-only, removed on
failure, swept after a crash: see ``atomic_file``).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter

from app.io.atomic_file import FILE_MODE, tracked_temp
from app.io.cells import FORMULA_STARTS, display_width, xlsx_text
from app.io.progress import Progress, report

if TYPE_CHECKING:
    from app.io.roster_export import RosterRows


SHEET_TITLES = {"en": "Members", "zh_CN": "成员"}
MIN_WIDTH, MAX_WIDTH = 6, 50


def write_xlsx(path: Path, source: RosterRows, progress: Progress | None = None) -> int:
    """Write ``source`` to the XLSX file ``path``; the number of rows written."""
    with tracked_temp(path, "sheet") as sheet_file:
        os.close(os.open(sheet_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
        return _write_xlsx(path, sheet_file, source, progress)


class _SheetWriter(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's streaming writer of a sheet, into the file it is given."""

    def cleanup(self) -> None:
        os.remove(self.out)  # openpyxl's own also struck it off a list of its temporary files


def _write_xlsx(path: Path, sheet_file: Path, source: RosterRows, progress: Progress | None) -> int:
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Huoqun"
    sheet: WriteOnlyWorksheet = workbook.create_sheet(SHEET_TITLES[source.language])
    pages = source.pages()
    first = next(pages, None)
    # Column widths and the frozen header go before the first row (write-only sheets).
    sample = first[1] if first else []
    for index, width in enumerate(_widths(source.headers, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    written = 0
    try:
        # what openpyxl's first append does, with the sheet's file beside the export's
        sheet._writer = _SheetWriter(sheet, out=str(sheet_file))
        sheet._writer.write_top()
        sheet.append(_header(sheet, source.headers))
        for done, rows in itertools.chain([first] if first else [], pages):
            for row in rows:
                sheet.append([_cell(sheet, value) for value in row])
            written += len(rows)
            report(progress, done, source.total)
        last = get_column_letter(len(source.headers))
        sheet.auto_filter.ref = f"A1:{last}{written + 1}"
        workbook.save(str(path))
    except BaseException:
        _discard(sheet)
        raise
    return written


def _header(sheet: WriteOnlyWorksheet, headers: Sequence[str]) -> list[WriteOnlyCell]:
    bold = Font(bold=True)
    fill = PatternFill("solid", start_color="FFE8E8E8")
    middle = Alignment(vertical="center")
    cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        cell.font, cell.fill, cell.alignment = bold, fill, middle
        cells.append(cell)
    return cells


def _cell(sheet: WriteOnlyWorksheet, text: str) -> str | WriteOnlyCell | None:
    """``text`` as a value openpyxl writes as a string cell (a forced one when it must)."""
    if not text:
        return None
    text = xlsx_text(text)
    if not text.startswith(FORMULA_STARTS) and text not in ERROR_CODES:
        return text  # openpyxl infers a string cell for it
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # never "f" (formula) or "e" (error)
    cell.quotePrefix = True  # and it stays text when someone edits the cell in Excel
    return cell


def _widths(headers: Sequence[str], sample: Sequence[Sequence[str]]) -> list[float]:
    """A width per column from its header and the first page of values, within bounds."""
    widths = []
    for index, header in enumerate(headers):
        longest = max((display_width(row[index]) for row in sample), default=0)
        widths.append(float(min(max(display_width(header), longest, MIN_WIDTH) + 2, MAX_WIDTH)))
    return widths


def _discard(sheet: WriteOnlyWorksheet) -> None:
    """Close a sheet that will not be saved and delete openpyxl's temporary file of it."""
    if sheet.closed:
        return
    sheet.close()
    writer = sheet._writer  # openpyxl keeps the streamed sheet in a temp file until saved
    if writer is not None:
        writer.cleanup()
