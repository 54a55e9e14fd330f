"""Every record of the community as one JSON file, for archiving or for other tools.

``{"format": "huoqun-json", "version": 1, "exported_at": ..., "schema": ..., "tables":
{table: [row, ...]}}``: one object per row keyed by column name, times as ISO 8601 UTC
(``2026-03-14T09:30:00Z``), flags as booleans. Read in one snapshot, streamed to the file a
batch of rows at a time, written atomically and readable by the owner only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from peewee import BooleanField, DateTimeField

from app.core import clock
from app.core.progress import Progress, report
from app.io.atomic_file import replacing
from app.store.file_check import HISTORY_TABLE
from app.store.models import ALL_MODELS, BaseModel, db

FORMAT = "huoqun-json"
VERSION = 1
BATCH = 2000


def dump_all(path: Path, progress: Progress | None = None) -> dict[str, int]:
    """Write every table to ``path`` as JSON; the number of rows written per table.

    ``progress(tables done, tables)`` after each table; it may raise ``Cancelled``, and then
    nothing is left at ``path``.
    """
    counts: dict[str, int] = {}
    with db.atomic(), replacing(Path(path)) as temp, temp.open("w", encoding="utf-8") as out:
        header = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": _iso(clock.now()),
            "schema": _schema(),
        }
        out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "tables": {')
        for index, model in enumerate(ALL_MODELS):
            table = model._meta.table_name
            out.write(("," if index else "") + f"\n{json.dumps(table)}: [")
            counts[table] = _dump_table(model, out)
            out.write("]")
            report(progress, index + 1, len(ALL_MODELS))
        out.write("\n}}\n")
    return counts


def _dump_table(model: type[BaseModel], out: TextIO) -> int:
    """Stream ``model``'s rows, in primary-key order, to ``out``; how many there were."""
    fields = model._meta.sorted_fields
    names = [f.column_name for f in fields]
    convert = [_converter(f) for f in fields]
    columns = ", ".join(f'"{n}"' for n in names)
    order = model._meta.primary_key.column_name  # type: ignore[union-attr]  # every table has one
    cursor = db.execute_sql(f'SELECT {columns} FROM "{model._meta.table_name}" ORDER BY "{order}"')
    count = 0
    while batch := cursor.fetchmany(BATCH):
        parts = []
        for row in batch:
            pairs = zip(names, convert, row, strict=True)
            record = {n: c(v) if c and v is not None else v for n, c, v in pairs}
            parts.append(json.dumps(record, ensure_ascii=False))
        out.write(("," if count else "") + "\n" + ",\n".join(parts))
        count += len(batch)
    return count


def _converter(field: Any) -> Callable[[Any], Any] | None:
    if isinstance(field, DateTimeField):
        return _stored_to_iso
    if isinstance(field, BooleanField):
        return bool
    return None


def _stored_to_iso(value: Any) -> str:
    """A stored naive-UTC time (text) as ISO 8601 with a ``Z``."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return _iso(moment)


def _iso(moment: datetime) -> str:
    return moment.replace(tzinfo=None).isoformat() + "Z"


def _schema() -> str:
    """The last migration applied: which shape of tables this file describes."""
    row = db.execute_sql(f"SELECT max(name) FROM {HISTORY_TABLE}").fetchone()
    return str(row[0]) if row and row[0] else ""
