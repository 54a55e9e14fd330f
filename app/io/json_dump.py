"""Records as one JSON file, for archiving or for other tools.

``{...header, "tables": {table: [row, ...]}}``: one object per row, streamed to the file a
batch of rows at a time, written atomically and readable by the owner only. What the records
are (every table of the community, ``app.core.json_export``) is the caller's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from app.io.atomic_file import replacing
from app.io.progress import Progress, report

Batches = Iterable[Sequence[dict[str, Any]]]


def iso(moment: datetime) -> str:
    """A naive-UTC time as ISO 8601 with a ``Z``: ``2026-03-14T09:30:00Z``."""
    return moment.replace(tzinfo=None).isoformat() + "Z"


def write_dump(
    path: Path,
    header: dict[str, Any],
    tables: Sequence[tuple[str, Batches]],
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write ``header`` and each table's batches of records to ``path``; rows per table.

    ``progress(tables done, tables)`` after each table; it may raise (a cancel), and then
    nothing is left at ``path``.
    """
    counts: dict[str, int] = {}
    with replacing(Path(path)) as temp, temp.open("w", encoding="utf-8") as out:
        out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "tables": {')
        for index, (table, batches) in enumerate(tables):
            out.write(("," if index else "") + f"\n{json.dumps(table)}: [")
            count = 0
            for batch in batches:
                parts = [json.dumps(record, ensure_ascii=False) for record in batch]
                out.write(("," if count else "") + "\n" + ",\n".join(parts))
                count += len(batch)
            counts[table] = count
            out.write("]")
            report(progress, index + 1, len(tables))
        out.write("\n}}\n")
    return counts
