"""Writing many rows at once (an import, the sample community): ``executemany`` in chunks
inside one bulk transaction, with no query per row."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from peewee import Field

from app.core.progress import Progress
from app.store import database
from app.store.models import ALL_MODELS, BaseModel, db

CHUNK = 5_000  # rows per executemany, and between progress reports


@contextmanager
def bulk_transaction() -> Iterator[None]:
    """One large write transaction that a full disk cannot leave stuck (see the store's)."""
    with database.bulk_transaction():
        yield


def insert_sql(model: type[BaseModel], fields: Sequence[Field], verb: str = "INSERT") -> str:
    """``INSERT INTO table (columns) VALUES (?, …)`` for ``fields`` of ``model``."""
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" * len(fields))
    return f'{verb} INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'


def insert_rows(
    model: type[BaseModel],
    fields: Sequence[Field],
    rows: Sequence[tuple[Any, ...]],
    report: Progress | None = None,
) -> None:
    """``rows`` (values in the order of ``fields``) into ``model``'s table, ``CHUNK`` at a time;
    ``report(done, total)`` after each chunk."""
    run_many(insert_sql(model, fields), rows, report)


def insert_into(
    table: str,
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    report: Progress | None = None,
) -> None:
    """``rows`` into the table named ``table``, ``CHUNK`` at a time, for callers that do not
    know the store's models (the sample community): ``columns`` are the names of its fields
    (``group`` for a foreign key, not ``group_id``), in the order of each row's values."""
    model = next((m for m in ALL_MODELS if m._meta.table_name == table), None)
    if model is None:
        raise KeyError(f"no table {table!r}")
    fields = model._meta.fields
    missing = [name for name in columns if name not in fields]
    if missing:
        raise KeyError(f"table {table!r} has no fields {missing}")
    insert_rows(model, [fields[name] for name in columns], rows, report)


def run_many(sql: str, rows: Sequence[tuple[Any, ...]], report: Progress | None = None) -> None:
    """``sql`` once for each of ``rows``, ``CHUNK`` rows per ``executemany``."""
    cursor = db.cursor()
    for start in range(0, len(rows), CHUNK):
        cursor.executemany(sql, rows[start : start + CHUNK])
        if report is not None:
            report(min(start + CHUNK, len(rows)), len(rows))


def run(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """``sql`` once; the rows it returns (none for a write)."""
    return list(db.execute_sql(sql, params).fetchall())
