"""The column mappings a person adjusted, remembered per roster preset.

A mapping the person changed is kept by header names and offered again when the same headers
come (``auto_mapping``); otherwise the preset's own aliases choose (``app.io.rosters.presets``).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core import settings
from app.io.rosters import presets
from app.io.rosters.presets import FIELDS, Mapping
from app.store.models import Setting, db


def _setting_key(preset: str) -> str:
    return f"import.mapping.{preset}"


def auto_mapping(headers: Sequence[str], preset: str) -> Mapping:
    """Each field's column for ``preset``: the remembered choice for these headers, else aliases."""
    remembered = settings.get(_setting_key(preset))
    if isinstance(remembered, dict) and remembered.get("headers") == list(headers):
        return presets.auto_mapping(headers, preset, remembered.get("mapping", {}))
    return presets.auto_mapping(headers, preset)


def remember_mapping(preset: str, headers: Sequence[str], mapping: Mapping) -> None:
    """Keep a mapping the person adjusted, to offer it when the same headers come again."""
    by_name = {f: headers[c] for f, c in mapping.items() if c is not None and f in FIELDS}
    settings.put(_setting_key(preset), {"headers": list(headers), "mapping": by_name})


def forget_mapping(preset: str) -> None:
    """Go back to the preset's own mapping."""
    with db.atomic():
        Setting.delete().where(Setting.key == _setting_key(preset)).execute()
