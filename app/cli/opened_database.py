"""A command's hold on the database: its lock, the database open, Settings' language."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.cli import words
from app.cli.words import system_language


@contextmanager
def opened(path: Path, create: bool = False) -> Iterator[None]:
    """Hold the database's lock and keep it open for one command; close and unlock after.

    From then on the command speaks the language chosen in Settings, like the window, and
    the tiers Huoqun named are named in it.
    Only a command that makes a database (``demo``, an import that writes) may ``create`` it:
    any other refuses a missing file. A database the command created and then failed in is
    removed again, so a failure leaves nothing behind.
    """
    from app import lock
    from app.core import settings, tiers
    from app.core.database import close_database, database_path, open_community, remove_database

    real = database_path(path, create)
    created = not real.exists()
    held = lock.acquire(real)
    try:
        try:
            open_community(path, system_language(), create=create)
            words.choose(str(settings.get("language") or ""))
            tiers.show_default_tiers_in(words.translate)  # as the window does at its start
            yield
        finally:
            close_database()
    except BaseException:
        if created:
            remove_database(real)
        raise
    finally:
        held.unlock()
