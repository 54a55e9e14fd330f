"""Opening a community database: the store's checks and migrations, then first-start data."""

from __future__ import annotations

from pathlib import Path

from peewee import SqliteDatabase

from app.core import settings
from app.core.file_temps import list_export_temps
from app.core.tiers import ensure_default_tiers
from app.store.database import open_database
from app.store.file_check import FileCheck


def open_community(
    path: Path, language: str = "en", check: FileCheck | None = None, create: bool = True
) -> SqliteDatabase:
    """Open the database at ``path`` ready for work, creating it unless ``create`` is False.

    ``check``: the file's ``FileCheck``, when one was started earlier (see ``open_database``).
    """
    database = open_database(path, check, create)
    list_export_temps()
    ensure_default_tiers(settings.get("language") or language)
    return database
