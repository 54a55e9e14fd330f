"""The temporary files of exports, listed beside the open database so a killed one is swept.

``app.io`` writes files without knowing of any database; here the open database's list of
temporary files (``app.store.leftovers``) is handed to it once the database opens.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from app.io import atomic_file
from app.store import leftovers
from app.store.models import db


def _tracked(beside: Path, kind: str) -> AbstractContextManager[Path]:
    database = db.obj
    registry = None if database is None else leftovers.registry_for(Path(database.database))
    return leftovers.tracked(leftovers.temp_path(beside, kind), registry)


def list_export_temps() -> None:
    """From now on, every export's temporary file is listed beside the open database."""
    atomic_file.track_temps_with(_tracked)
