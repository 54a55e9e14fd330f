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
import inspect
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from peewee import DatabaseError, IntegrityError

from app.core import undo_log
from app.core.errors import QT_TRANSLATE_NOOP, HuoqunError
from app.core.generated_text import from_stored
from app.core.undo_log import LOG
from app.store.models import db

MAX_STEPS = 30  # at least 20 steps back (PRODUCT.md §9)

P = ParamSpec("P")
R = TypeVar("R")


class UndoRefused(HuoqunError):
    """The step cannot be put back: the records it changed were changed since."""


@dataclass
class Step:
    """One undoable change: ``kind`` names it (a code the window translates), ``count`` how
    many records it was about, ``detail`` what it was about (a member, a task's title: a
    ``Generated`` when Huoqun wrote it) and ``place`` where (a group, a meetup)."""

    id: int
    kind: str
    count: int = 0
    detail: str = ""
    tables: frozenset[str] = field(default_factory=frozenset)
    place: str = ""


_lock = threading.Lock()
_done: list[Step] = []  # undo stack, newest last
_undone: list[Step] = []  # redo stack, newest last
_next_id = 1
_local = threading.local()  # per thread: the step open on this thread's connection
_enabled = False  # only the window records: not the CLI, nor the sample community's build
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
        _next_id = 1
    undo_log.clear()
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
def step(kind: str, count: int = 0, detail: str = "", place: str = "") -> Iterator[Step | None]:
    """Record what the body changes as one undoable step named ``kind``.

    Inside another step the body belongs to that one (a bulk change calling a single one).
    A step that changed nothing is not kept; one whose body raised is not either (its
    transaction rolled back its log with its changes).
    """
    if not _records():
        yield None
        return
    current = Step(_new_id(), kind, count, detail, place=place)
    _local.step = current
    try:
        with undo_log.recording(current.id):
            yield current
    finally:
        _local.step = None
    _keep(current)


def undoable(
    kind: str,
    count: Callable[..., int] | None = None,
    detail: Callable[..., str] | None = None,
    place: Callable[..., str] | None = None,
    result_count: Callable[[Any], int] | None = None,
    result_detail: Callable[[Any], str] | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a service so each call is one undoable step, named by what it was about.

    ``count``, ``detail`` and ``place`` get the call's arguments, in the service's order
    (those given by keyword too), and say how many records, what and where the step is
    about; ``result_count`` and ``result_detail`` say it from what the service returned (an
    import's new members, the task a suggestion became).
    """

    def decorate(service: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(service)

        @functools.wraps(service)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            if not _records():  # the CLI, the sample's build, a step around this one
                return service(*args, **kwargs)
            try:
                call = signature.bind(*args, **kwargs)
                call.apply_defaults()
                given: tuple[Any, ...] = call.args
            except TypeError:  # the service refuses these arguments itself
                given = args
            n = count(*given) if count is not None else 0
            name = detail(*given) if detail is not None else ""
            where = place(*given) if place is not None else ""
            with step(kind, n, name, where) as current:
                result = service(*args, **kwargs)
                if current is not None and result_count is not None:
                    current.count = result_count(result)
                if current is not None and result_detail is not None:
                    current.detail = result_detail(result)
                return result

        return run

    return decorate


def undo() -> Step:
    """Undo the newest step; it becomes the one to redo. Raises ``UndoRefused``."""
    return _replay_last(_done, _undone, QT_TRANSLATE_NOOP("Errors", "There is nothing to undo."))


def redo() -> Step:
    """Redo the step undone last; it can be undone again. Raises ``UndoRefused``."""
    return _replay_last(_undone, _done, QT_TRANSLATE_NOOP("Errors", "There is nothing to redo."))


def _replay_last(source: list[Step], target: list[Step], nothing: str) -> Step:
    """Replay the last step of ``source``; what reverses it goes to ``target``."""
    with _lock:
        if not source:
            raise UndoRefused(nothing)
        last = source[-1]
    reverse = _replay(last)
    with _lock:
        source.remove(last)
        target.append(reverse)
    _tell()
    return last


def first_count(*args: object, **kwargs: object) -> int:
    """How many different ids the first argument holds (a bulk change's members)."""
    ids = args[0] if args else next(iter(kwargs.values()), ())
    return len(set(ids)) if isinstance(ids, list | tuple | set | frozenset) else 1


def member_name(*args: object, **kwargs: object) -> str:
    """The name of the member the first argument is (a ban, a promotion, a merge)."""
    member_id = args[0] if args else next(iter(kwargs.values()), None)
    row = db.execute_sql("SELECT name FROM member WHERE id = ?", (member_id,)).fetchone()
    return str(row[0]) if row else ""


# the name each kind of record is shown by in a step's name
_NAMES = {"member": "name", "chat_group": "name", "meetup": "title", "violation": "case_number"}


def name_of(table: str, position: int = 0) -> Callable[..., str]:
    """A ``detail`` or ``place``: the name of the ``table`` row whose id is argument
    ``position`` (a member, a group, a meetup; a violation's case number)."""

    def read(*args: object) -> str:
        row_id = args[position] if len(args) > position else None
        row = db.execute_sql(
            f"SELECT {_NAMES[table]} FROM {table} WHERE id = ?", (row_id,)
        ).fetchone()
        return str(row[0]) if row else ""

    return read


def task_title(*args: object) -> str:
    """A ``detail``: the title of the task whose id is the first argument; Huoqun's own as a
    ``Generated``, shown in the interface language."""
    row = db.execute_sql(
        "SELECT title, title_key, title_args FROM task WHERE id = ?", (args[0] if args else None,)
    ).fetchone()
    if row is None:
        return ""
    title, key, params = row
    return from_stored(key or "", params or "", title)


# --- recording ------------------------------------------------------------------------


def _keep(current: Step) -> None:
    """Keep a step that logged something; a new step makes the redo stack stale."""
    tables = undo_log.tables_of(current.id)
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
    undo_log.delete_steps([s.id for s in steps])


# --- replaying ------------------------------------------------------------------------


def _replay(target: Step) -> Step:
    """Reverse ``target`` in one transaction, recording the reversal as a new step."""
    reverse = Step(_new_id(), target.kind, target.count, target.detail, target.tables, target.place)
    try:
        with db.atomic():
            # a row put back may name one put back after it (a member's memberships)
            db.execute_sql("PRAGMA defer_foreign_keys = ON")
            with undo_log.recording(reverse.id):
                undo_log.reverse(target.id)
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


def recording() -> bool:
    """Whether a step is open on this thread."""
    return getattr(_local, "step", None) is not None
