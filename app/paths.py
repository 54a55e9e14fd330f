"""Where Huoqun keeps its files."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Huoqun"


def _resources() -> Path:
    """resources/ beside the app package, or inside the PyInstaller bundle when frozen."""
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


RESOURCES = _resources()


def data_dir() -> Path:
    """The user data folder (created on demand by whoever writes there)."""
    return user_data_path(APP_NAME, appauthor=False)


def data_folder(db_path: Path) -> Path:
    """The folder holding ``db_path`` and its backups: the data folder a person is shown.

    Not ``data_dir()``: with ``--db`` elsewhere, that folder may not even exist.
    """
    return db_path.resolve().parent


def default_database() -> Path:
    return data_dir() / "huoqun.db"
