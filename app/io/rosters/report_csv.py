"""The report of a roster import's problems as a CSV file: line, column, reason."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from app.io.atomic_file import replacing
from app.io.cells import mask_phone


class RowNote(Protocol):
    """Something said about one row of a roster (``app.core.roster_rows.RowNote``)."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> str: ...
    @property
    def template(self) -> str: ...
    @property
    def params(self) -> dict[str, Any]: ...
    @property
    def reason(self) -> str: ...


def _text_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r", "\n") else value


def write_notes_csv(
    notes: Sequence[RowNote], path: Path, phone_header: str | None, full_phones: bool = False
) -> None:
    """``notes`` (line, column, reason) as CSV in UTF-8 with BOM, for Excel and WPS.

    Written like an export: atomically and readable by the owner only; a phone number a
    reason quotes in the ``phone_header`` column is masked (138****1234) unless ``full_phones``.
    """
    with replacing(Path(path)) as temp, temp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["line", "column", "reason"])
        for row in notes:
            reason = row.reason
            if not full_phones and row.column == phone_header and "value" in row.params:
                params = {**row.params, "value": mask_phone(str(row.params["value"]))}
                reason = row.template.format(**params)
            writer.writerow([row.line, _text_cell(row.column), _text_cell(reason)])
