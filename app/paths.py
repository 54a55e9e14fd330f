"""Where Huoqun keeps its files."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Huoqun"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The user data folder (created on demand by whoever writes there)."""
    return user_data_path(APP_NAME, appauthor=False)


def default_database() -> Path:
    return data_dir() / "huoqun.db"
