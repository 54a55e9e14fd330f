"""A roster's rows as a CSV file: UTF-8 with BOM (Excel, WPS) or GB18030 (older Excel).

The rows come page by page from whoever gathered them (``app.core.roster_export``); no cell a
member typed can become a spreadsheet formula.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Protocol

from app.io.cells import neutralise_rows
from app.io.progress import Progress, report


class RosterRows(Protocol):
    """The rows of a roster, page by page, as the text each cell shows."""

    columns: list[str]
    headers: list[str]
    language: str

    @property
    def total(self) -> int: ...

    def pages(self) -> Iterator[tuple[int, list[list[str]]]]: ...


def write_csv(
    path: Path,
    source: RosterRows,
    encoding: str,
    progress: Progress | None = None,
    own_text: Collection[str] = (),
) -> int:
    """Write ``source`` to ``path`` as CSV; the number of rows. Columns in ``own_text`` hold
    only our words and dates, so they skip the formula check."""
    written = 0
    user_columns = [i for i, c in enumerate(source.columns) if c not in own_text]
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(source.headers)
        for done, rows in source.pages():
            writer.writerows(neutralise_rows(rows, user_columns))
            written += len(rows)
            report(progress, done, source.total)
    return written
