"""The SQL of ``core/undo``: the TEMP triggers that log a step's changes into ``undo_log``,
and the replay of a step's log backwards (see ``undo.py`` for the technique and its limits).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.store.file_check import HISTORY_TABLE
from app.store.models import UndoLog, db

LOG = UndoLog._meta.table_name
TRIGGER_PREFIX = "undo_trigger_"
_columns: dict[str, tuple[str, list[str]]] = {}  # table → (row key, columns), per schema
# Figures that triggers keep from the daily chat counts (and the window of the last 30
# days): never logged. Undoing the counts' changes keeps them again through those triggers;
# logged too, each change would be taken back twice.
KEPT_BY_TRIGGERS = ("chat_week", "chat_recent", "chat_recent_window")


def clear() -> None:
    """Empty the log and forget the tables' columns (another file, another schema)."""
    _columns.clear()
    if db.obj is not None and not db.is_closed():
        db.execute_sql(f"DELETE FROM {LOG}")


def delete_steps(step_ids: list[int]) -> None:
    """Remove these steps' rows from the log."""
    if step_ids:
        marks = ", ".join("?" * len(step_ids))
        with db.atomic():
            db.execute_sql(f"DELETE FROM {LOG} WHERE step IN ({marks})", step_ids)


def tables_of(step_id: int) -> frozenset[str]:
    """The tables step ``step_id`` changed (none: it changed nothing)."""
    query = f"SELECT DISTINCT tbl FROM {LOG} WHERE step = ?"
    return frozenset(r[0] for r in db.execute_sql(query, (step_id,)))


def _tables() -> dict[str, tuple[str, list[str]]]:
    """Every table a step may change, with its row key and its columns."""
    if not _columns:
        names = [
            r[0]
            for r in db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT IN (?, ?, ?, ?, ?)",
                (LOG, HISTORY_TABLE, *KEPT_BY_TRIGGERS),
            )
        ]
        for name in names:
            info = db.execute_sql(f'PRAGMA table_info("{name}")').fetchall()
            keys = [r for r in info if r[5]]
            alias = len(keys) == 1 and keys[0][2].upper() == "INTEGER"
            columns = [r[1] for r in info]
            _columns[name] = (keys[0][1] if alias else "rowid", columns)
    return _columns


def _trigger_sql(step_id: int, table: str, key: str, columns: list[str]) -> list[str]:
    """The three TEMP triggers that log the reversal of ``table``'s changes for ``step_id``."""
    t = f'main."{table}"'
    log = f"INSERT INTO {LOG} (step, tbl, op, rid, sql) VALUES ({step_id}, '{table}'"
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)
    sets = " || ".join(
        f"""CASE WHEN OLD."{c}" IS NOT NEW."{c}" THEN ',"{c}"=' || quote(OLD."{c}") ELSE '' END"""
        for c in columns
    )
    row = ", ".join(f'OLD."{c}"' for c in (["rowid", *columns] if key == "rowid" else columns))
    name = f"{TRIGGER_PREFIX}{table}"
    return [
        f"CREATE TEMP TRIGGER {name}_i AFTER INSERT ON {t} BEGIN {log}, 'I', NEW.rowid, NULL); END",
        f"CREATE TEMP TRIGGER {name}_u AFTER UPDATE ON {t} WHEN {changed} BEGIN"
        f""" {log}, 'U', NEW.rowid, 'UPDATE "{table}" SET ' || substr({sets}, 2)"""
        " || ' WHERE rowid = ' || NEW.rowid); END",
        f"CREATE TEMP TRIGGER {name}_d AFTER DELETE ON {t} BEGIN"
        f" {log}, 'D', OLD.rowid, json_array({row})); END",
    ]


@contextmanager
def recording(step_id: int) -> Iterator[None]:
    """Log every change this thread's connection makes meanwhile as step ``step_id``."""
    tables = _tables()
    # With triggers, each row written keeps a statement journal; in a file, that doubles the
    # time of an import. Only outside a transaction may it move to memory (a row's pages).
    in_memory = not db.connection().in_transaction
    if in_memory:
        db.execute_sql("PRAGMA temp_store = MEMORY")
    # A REPLACE that removes a conflicting row fires its delete trigger only so.
    db.execute_sql("PRAGMA recursive_triggers = ON")
    try:
        for table, (key, columns) in tables.items():
            for sql in _trigger_sql(step_id, table, key, columns):
                db.execute_sql(sql)
        yield
    finally:
        for table in tables:
            for suffix in ("i", "u", "d"):
                db.execute_sql(f"DROP TRIGGER IF EXISTS temp.{TRIGGER_PREFIX}{table}_{suffix}")
        db.execute_sql("PRAGMA recursive_triggers = OFF")
        if in_memory and not db.connection().in_transaction:
            db.execute_sql("PRAGMA temp_store = DEFAULT")


def reverse(step_id: int) -> None:
    """Run the step's reversals newest first. A run of rows the step inserted goes in one
    DELETE, a run it deleted comes back in one INSERT; an update is reversed on its own."""
    run: tuple[str, str, int, int] | None = None  # table, op, lowest and highest seq

    def flush() -> None:
        if run is None:
            return
        table, op, low, high = run
        where = f"FROM {LOG} WHERE step = ? AND seq BETWEEN ? AND ?"
        if op == "I":
            db.execute_sql(
                f'DELETE FROM "{table}" WHERE rowid IN (SELECT rid {where})', (step_id, low, high)
            )
            return
        names = _row_columns(table)
        values = ", ".join(f"json_extract(sql, '$[{i}]')" for i in range(len(names)))
        columns = ", ".join(f'"{c}"' for c in names)
        db.execute_sql(
            f'INSERT INTO "{table}" ({columns}) SELECT {values} {where} ORDER BY seq DESC',
            (step_id, low, high),
        )

    cursor = db.execute_sql(
        f"SELECT seq, tbl, op, sql FROM {LOG} WHERE step = ? ORDER BY seq DESC", (step_id,)
    )
    for seq, table, op, sql in cursor:
        if op in ("I", "D"):
            if run is not None and run[:2] == (table, op):
                run = (table, op, seq, run[3])
                continue
            flush()
            run = (table, op, seq, seq)
            continue
        flush()
        run = None
        db.execute_sql(sql)
    flush()


def _row_columns(table: str) -> list[str]:
    """The columns a deleted row is logged with: its rowid first unless a column is it."""
    key, columns = _tables()[table]
    return ["rowid", *columns] if key == "rowid" else columns


def log_rows(step_id: int) -> int:
    """How many rows step ``step_id`` logged (for tests and the benchmark)."""
    return int(
        db.execute_sql(f"SELECT count(*) FROM {LOG} WHERE step = ?", (step_id,)).fetchone()[0]
    )
