"""Every record of the community as one JSON file (written by ``app.io.json_dump``).

``{"format": "huoqun-json", "version": 1, "exported_at": ..., "schema": ..., "tables":
{table: [row, ...]}}``: one object per row keyed by column name, times as ISO 8601 UTC
(``2026-03-14T09:30:00Z``), flags as booleans. Read in one snapshot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from peewee import BooleanField, DateTimeField

from app.core import clock
from app.core.progress import Progress
from app.io.json_dump import iso, write_dump
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
    with db.atomic():
        header = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": iso(clock.now()),
            "schema": _schema(),
        }
        tables = [(m._meta.table_name, _batches(m)) for m in ALL_MODELS]
        return write_dump(Path(path), header, tables, progress)


def _batches(model: type[BaseModel]) -> Iterator[list[dict[str, Any]]]:
    """``model``'s rows as records, in primary-key order, a batch at a time (read when asked)."""
    fields = model._meta.sorted_fields
    names = [f.column_name for f in fields]
    convert = [_converter(f) for f in fields]
    columns = ", ".join(f'"{n}"' for n in names)
    order = model._meta.primary_key.column_name  # type: ignore[union-attr]  # every table has one
    cursor = db.execute_sql(f'SELECT {columns} FROM "{model._meta.table_name}" ORDER BY "{order}"')
    while batch := cursor.fetchmany(BATCH):
        records = []
        for row in batch:
            pairs = zip(names, convert, row, strict=True)
            records.append({n: c(v) if c and v is not None else v for n, c, v in pairs})
        yield records


def _converter(field: Any) -> Callable[[Any], Any] | None:
    if isinstance(field, DateTimeField):
        return _stored_to_iso
    if isinstance(field, BooleanField):
        return bool
    return None


def _stored_to_iso(value: Any) -> str:
    """A stored naive-UTC time (text) as ISO 8601 with a ``Z``."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return iso(moment)


def _schema() -> str:
    """The last migration applied: which shape of tables this file describes."""
    row = db.execute_sql(f"SELECT max(name) FROM {HISTORY_TABLE}").fetchone()
    return str(row[0]) if row and row[0] else ""
