"""Undo and redo of the window's changes, each a named step (PRODUCT.md §9).

SQLite's own technique (https://www.sqlite.org/undoredo.html): while a step runs, TEMP
triggers on every table of the connection it runs on write, for each row it inserts, updates
or deletes, how to reverse that change into ``undo_log``; undoing replays the step's log
backwards in one transaction, and the triggers, recording meanwhile, write the redo. The log
is a real table, so a step that runs on a worker thread (an import, a bulk change) is logged
in its own transaction, and rolled back with it. Outside a step nothing is recorded.

A row the step inserted is logged by its rowid only (an import of 100,000 members is undone
by one DELETE per table); a row it deleted by its values (a JSON array: one INSERT puts a run
of them back); an update by the columns it changed, so undo restores those and leaves any
other column as it is now. A later change to the same rows outside any step is
overwritten by the undo (last writer: the undo); what can no longer be put back (a reused id
or unique key, a link to a row gone since) fails a constraint, and the whole undo is rolled
back and refused (``UndoRefused``), together with the older steps, which lie behind it.

Steps are kept in memory, at most ``MAX_STEPS``; the history is forgotten when a database is
opened (another file, a restore, a migration) and when a person is erased (it holds them).
Only the window records (``enable``): the CLI and the sample community's build do not.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar

from peewee import DatabaseError, IntegrityError

from app.core.errors import QT_TRANSLATE_NOOP, HuoqunError
from app.store.file_check import HISTORY_TABLE
from app.store.models import UndoLog, db

MAX_STEPS = 30  # at least 20 steps back (PRODUCT.md §9)
LOG = UndoLog._meta.table_name
TRIGGER_PREFIX = "undo_trigger_"

P = ParamSpec("P")
R = TypeVar("R")


class UndoRefused(HuoqunError):
    """The step cannot be put back: the records it changed were changed since."""


@dataclass
class Step:
    """One undoable change: ``kind`` names it (a code the window translates), ``count`` how
    many records it was about, ``detail`` a name it was about (a group, a member)."""

    id: int
    kind: str
    count: int = 0
    detail: str = ""
    tables: frozenset[str] = field(default_factory=frozenset)


_lock = threading.Lock()
_done: list[Step] = []  # undo stack, newest last
_undone: list[Step] = []  # redo stack, newest last
_next_id = 1
_local = threading.local()  # per thread: the step open on this thread's connection
_enabled = False  # only the window records: not the CLI, nor the sample community's build
_columns: dict[str, tuple[str, list[str]]] = {}  # table → (row key, columns), per schema
_listeners: list[Callable[[], None]] = []  # told when what can be undone or redone changes


def listen(callback: Callable[[], None]) -> None:
    """Call ``callback`` (on the thread that made it) whenever the steps change."""
    _listeners.append(callback)


def unlisten(callback: Callable[[], None]) -> None:
    if callback in _listeners:
        _listeners.remove(callback)


def _tell() -> None:
    for callback in list(_listeners):
        callback()


def can_undo() -> Step | None:
    """The step Ctrl+Z would undo, or None."""
    with _lock:
        return _done[-1] if _done else None


def can_redo() -> Step | None:
    """The step Ctrl+Shift+Z would redo, or None."""
    with _lock:
        return _undone[-1] if _undone else None


def history() -> list[Step]:
    """The steps that can be undone, newest first."""
    with _lock:
        return list(reversed(_done))


def forget() -> None:
    """Forget every step and empty the log (a database opened, a person erased)."""
    global _next_id
    with _lock:
        _done.clear()
        _undone.clear()
        _columns.clear()
        _next_id = 1
    if db.obj is not None and not db.is_closed():
        db.execute_sql(f"DELETE FROM {LOG}")
    _tell()


def enable(on: bool = True) -> None:
    """Record steps from now on (the window, as it opens) or no longer."""
    global _enabled
    _enabled = on


@contextmanager
def paused() -> Iterator[None]:
    """Record nothing on this thread meanwhile (the sample community written in the window)."""
    before = getattr(_local, "paused", False)
    _local.paused = True
    try:
        yield
    finally:
        _local.paused = before


def _records() -> bool:
    """Whether a step opened on this thread now would record."""
    return _enabled and not getattr(_local, "paused", False) and not recording()


def _new_id() -> int:
    global _next_id
    with _lock:
        step_id = _next_id
        _next_id += 1
        return step_id


@contextmanager
def step(kind: str, count: int = 0, detail: str = "") -> Iterator[Step | None]:
    """Record what the body changes as one undoable step named ``kind``.

    Inside another step the body belongs to that one (a bulk change calling a single one).
    A step that changed nothing is not kept; one whose body raised is not either (its
    transaction rolled back its log with its changes).
    """
    if not _records():
        yield None
        return
    current = Step(_new_id(), kind, count, detail)
    _local.step = current
    try:
        with _recording(current.id):
            yield current
    finally:
        _local.step = None
    _keep(current)


def undoable(
    kind: str,
    count: Callable[..., int] | None = None,
    detail: Callable[..., str] | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a service so each call is one undoable step; ``count`` and ``detail`` get the
    call's arguments and say how many records and which name the step is about."""

    def decorate(service: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(service)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            if not _records():  # the CLI, the sample's build, a step around this one
                return service(*args, **kwargs)
            n = count(*args, **kwargs) if count is not None else 0
            name = detail(*args, **kwargs) if detail is not None else ""
            with step(kind, n, name):
                return service(*args, **kwargs)

        return run

    return decorate


def undo() -> Step:
    """Undo the newest step; it becomes the one to redo. Raises ``UndoRefused``."""
    with _lock:
        if not _done:
            raise UndoRefused(QT_TRANSLATE_NOOP("Errors", "There is nothing to undo."))
        target = _done[-1]
    reverse = _replay(target)
    with _lock:
        _done.remove(target)
        _undone.append(reverse)
    _tell()
    return target


def redo() -> Step:
    """Redo the step undone last; it can be undone again. Raises ``UndoRefused``."""
    with _lock:
        if not _undone:
            raise UndoRefused(QT_TRANSLATE_NOOP("Errors", "There is nothing to redo."))
        target = _undone[-1]
    reverse = _replay(target)
    with _lock:
        _undone.remove(target)
        _done.append(reverse)
    _tell()
    return target


def first_count(*args: object, **kwargs: object) -> int:
    """How many different ids the first argument holds (a bulk change's members)."""
    ids = args[0] if args else next(iter(kwargs.values()), ())
    return len(set(ids)) if isinstance(ids, list | tuple | set | frozenset) else 1


def member_name(*args: object, **kwargs: object) -> str:
    """The name of the member the first argument is (a ban, a promotion, a merge)."""
    member_id = args[0] if args else next(iter(kwargs.values()), None)
    row = db.execute_sql("SELECT name FROM member WHERE id = ?", (member_id,)).fetchone()
    return str(row[0]) if row else ""


# --- recording ------------------------------------------------------------------------


def _keep(current: Step) -> None:
    """Keep a step that logged something; a new step makes the redo stack stale."""
    tables = frozenset(
        r[0]
        for r in db.execute_sql(f"SELECT DISTINCT tbl FROM {LOG} WHERE step = ?", (current.id,))
    )
    if not tables:
        return
    current.tables = tables
    with _lock:
        dropped = list(_undone)
        _undone.clear()
        _done.append(current)
        while len(_done) > MAX_STEPS:
            dropped.append(_done.pop(0))
    _delete_logs(dropped)
    _tell()


def _delete_logs(steps: list[Step]) -> None:
    if steps:
        marks = ", ".join("?" * len(steps))
        with db.atomic():
            db.execute_sql(f"DELETE FROM {LOG} WHERE step IN ({marks})", [s.id for s in steps])


def _tables() -> dict[str, tuple[str, list[str]]]:
    """Every table a step may change, with its row key and its columns."""
    if not _columns:
        names = [
            r[0]
            for r in db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT IN (?, ?)",
                (LOG, HISTORY_TABLE),
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
def _recording(step_id: int) -> Iterator[None]:
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


# --- replaying ------------------------------------------------------------------------


def _replay(target: Step) -> Step:
    """Reverse ``target`` in one transaction, recording the reversal as a new step."""
    reverse = Step(_new_id(), target.kind, target.count, target.detail, target.tables)
    try:
        with db.atomic():
            # a row put back may name one put back after it (a member's memberships)
            db.execute_sql("PRAGMA defer_foreign_keys = ON")
            with _recording(reverse.id):
                _reverse(target.id)
            db.execute_sql(f"DELETE FROM {LOG} WHERE step = ?", (target.id,))
    except (IntegrityError, DatabaseError) as exc:
        if not _constraint(exc):
            raise
        with _lock:  # it, and the older steps behind it, can no longer be undone
            stale = list(_done) if target in _done else list(_undone)
            (_done if target in _done else _undone).clear()
        _delete_logs(stale)
        _tell()
        raise UndoRefused(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This change can no longer be undone: the records it changed were changed "
                "since. Nothing was changed.",
            )
        ) from exc
    return reverse


def _constraint(exc: BaseException) -> bool:
    return isinstance(exc, IntegrityError) or "constraint" in str(exc).lower()


def _reverse(step_id: int) -> None:
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


def recording() -> bool:
    """Whether a step is open on this thread."""
    return getattr(_local, "step", None) is not None


def log_rows(step_id: int) -> int:
    """How many rows step ``step_id`` logged (for tests and the benchmark)."""
    return int(
        db.execute_sql(f"SELECT count(*) FROM {LOG} WHERE step = ?", (step_id,)).fetchone()[0]
    )
