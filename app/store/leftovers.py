"""Huoqun's own temporary files, and removing those a killed process left behind.

A backup is written to ``.<name>.partial`` beside it (in the backups folder, or wherever
``huoqun backup OUT`` writes); an export to ``.<name>.<random>.part`` beside its target. A
failure removes them at once; a process that is killed cannot, so each temporary file is
listed before it is created and taken off when it is renamed or removed: an export's (by
the process holding the database) in ``<database>.pending``, a backup's to OUT (which runs
without the database's lock, beside a running window) in a list of its own,
``<database>.<random>.pending``. ``sweep`` removes every file those lists still name and every
backup ``.partial`` in the backups folder (by its name pattern): it runs when the database is
opened and after a person is erased.

What is still being written is spared: this process's files, and a backup whose writer is
alive. A backup's ``.partial`` has an ``.owner`` beside it on which its writer holds SQLite's
exclusive lock (a real file lock on every system, released by the system when the process
ends), so a sweep in another process can tell a running backup from a killed one.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
PENDING_SUFFIX = ".pending"
# ".roster.xlsx.3fa9c1d2e4b5.part", and for an XLSX the sheet streamed beside it
EXPORT_TEMP = re.compile(r"\..+\.[0-9a-f]{12}(?:\.sheet)?\.part", re.DOTALL)
# ".huoqun-20260314-093000-daily.db.partial", with SQLite's companions of it
BACKUP_PARTIAL = re.compile(r"\..+\.db\.partial(?:\.owner)?(?:-journal|-wal|-shm)?", re.DOTALL)
# a backup's partial copy wherever it is written (only ever removed when a list names it)
LISTED_PARTIAL = re.compile(r"\..+\.partial", re.DOTALL)
OWNER_SUFFIX = ".owner"
_COMPANION = re.compile(r"(?:\.owner)?(?:-journal|-wal|-shm)?$")

_guard = threading.Lock()
_live: set[Path] = set()  # temporary files this process is writing now
_listed: dict[Path, set[Path]] = {}  # registry → the files of this process it lists


def temp_path(beside: Path, kind: str = "") -> Path:
    """A new hidden name for a temporary file beside ``beside`` (``kind``: "" or "sheet").

    Beside a temporary file, a ``kind`` file shares its name: ``.roster.xlsx.<hex>.sheet.part``.
    """
    if kind and EXPORT_TEMP.fullmatch(beside.name):
        return beside.with_name(beside.name.removesuffix(".part") + f".{kind}.part")
    middle = f".{kind}" if kind else ""
    return beside.with_name(f".{beside.name}.{secrets.token_hex(6)}{middle}.part")


def registry_for(db_path: Path) -> Path:
    """The list of temporary files in use beside ``db_path``."""
    return db_path.with_name(db_path.name + PENDING_SUFFIX)


def own_registry_for(db_path: Path) -> Path:
    """A new list of its own beside ``db_path``, for a process without the database's lock."""
    return db_path.with_name(f"{db_path.name}.{secrets.token_hex(6)}{PENDING_SUFFIX}")


def _own_registries(db_path: Path) -> list[Path]:
    pattern = re.compile(re.escape(db_path.name) + r"\.[0-9a-f]{12}" + re.escape(PENDING_SUFFIX))
    try:
        return [p for p in db_path.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return []


def owner_of(path: Path) -> Path:
    return path.with_name(path.name + OWNER_SUFFIX)


@contextmanager
def owned(path: Path) -> Iterator[None]:
    """Hold the lock of ``path``'s ``.owner`` while the block runs (see the module's note)."""
    owner = owner_of(path)
    connection = sqlite3.connect(owner, timeout=5, isolation_level=None)  # a sweep may test it
    try:
        connection.execute("PRAGMA journal_mode = MEMORY")  # the lock needs no journal file
        connection.execute("BEGIN EXCLUSIVE")
        yield
    finally:
        connection.close()
        owner.unlink(missing_ok=True)


def _written_now(path: Path) -> bool:
    """Whether a live process holds the ``.owner`` of the partial copy ``path`` is or belongs
    to (its journal, its owner); this process's own count."""
    owner = owner_of(path.with_name(_COMPANION.sub("", path.name)))
    if not owner.is_file():
        return False
    try:
        connection = sqlite3.connect(owner, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        connection.execute("BEGIN EXCLUSIVE")
        connection.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc)
    finally:
        connection.close()


@contextmanager
def tracked(path: Path, registry: Path | None = None) -> Iterator[Path]:
    """While the block runs ``path`` is this process's temporary file: ``sweep`` spares it.

    With a ``registry`` (the open database's), ``path`` is listed there first, so a process
    killed in the block leaves its name for the next ``sweep``. Whatever is at ``path``
    afterwards is removed; a file renamed away in the block is not touched.
    """
    path = Path(path)
    with _guard:
        _live.add(path)
        if registry is not None:
            _listed.setdefault(registry, set()).add(path)
            _write_registry(registry)
    try:
        yield path
    finally:
        try:
            path.unlink(missing_ok=True)
        finally:
            with _guard:
                _live.discard(path)
                if registry is not None:
                    _listed.get(registry, set()).discard(path)
                    _write_registry(registry)


def _write_registry(registry: Path) -> None:
    """Write the list of ``registry`` (or remove it when nothing is in use); under ``_guard``."""
    paths = _listed.get(registry)
    if not paths:
        _listed.pop(registry, None)
        registry.unlink(missing_ok=True)
        return
    # a name can hold any character but NUL: one JSON string per line (surrogates kept)
    text = "".join(json.dumps(os.fsdecode(p)) + "\n" for p in sorted(paths))
    temp = registry.with_name(registry.name + ".new")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, text.encode("utf-8", "surrogatepass"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, registry)


def _listed_in(registry: Path) -> list[Path]:
    try:
        data = registry.read_bytes().decode("utf-8", "surrogatepass")
    except FileNotFoundError:
        return []
    found = []
    for line in data.splitlines():
        try:
            name = json.loads(line)
        except ValueError:
            continue  # a line cut short by the kill
        if isinstance(name, str):
            found.append(Path(name))
    return found


def sweep(db_path: Path) -> list[Path]:
    """Remove what a killed Huoqun left beside ``db_path``'s files; returns what was removed.

    Only Huoqun's own names are removed: an export's temporary file the list names, and a
    backup's ``.partial`` in the backups folder. Files this process is writing are spared.
    """
    db_path = Path(db_path)
    registry = registry_for(db_path)
    removed: list[Path] = []
    with _guard:
        candidates = [p for p in _listed_in(registry) if EXPORT_TEMP.fullmatch(p.name)]
        stem = db_path.stem
        folder = db_path.parent / BACKUP_FOLDER
        try:
            if folder.is_dir():
                candidates += [
                    p
                    for p in folder.iterdir()
                    if p.name.startswith(f".{stem}-") and BACKUP_PARTIAL.fullmatch(p.name)
                ]
        except OSError as exc:  # an unreadable folder must not keep the database closed
            log.warning("cannot look for leftovers in %s: %s", folder, exc)
        spent: list[Path] = []  # lists of backups whose writer is gone
        for own in _own_registries(db_path):
            listed = [p for p in _listed_in(own) if LISTED_PARTIAL.fullmatch(p.name)]
            if own not in _listed and not any(_written_now(p) for p in listed):
                ends = ("", OWNER_SUFFIX, "-journal")
                candidates += [p.with_name(p.name + end) for p in listed for end in ends]
                spent.append(own)
        for path in candidates:
            if path in _live or _written_now(path):
                continue
            try:
                if stat.S_ISREG(path.lstat().st_mode):
                    path.unlink()
                    removed.append(path)
            except FileNotFoundError:
                continue
            except OSError as exc:  # opening the database matters more than this file
                log.warning("cannot remove the leftover %s: %s", path, exc)
        for own in spent:
            own.unlink(missing_ok=True)
        if registry.exists() or registry.with_name(registry.name + ".new").exists():
            registry.with_name(registry.name + ".new").unlink(missing_ok=True)
            _write_registry(registry)  # now only this process's files, or none
    return removed
