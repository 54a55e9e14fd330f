"""Key/value settings stored in the database as JSON."""

from __future__ import annotations

import json
from typing import Any

from app.store.models import Setting, db

DEFAULTS: dict[str, Any] = {
    "group_cadence_days": 7,
    "helper_span_target": 50,
    "language": "",  # "" follows the system locale
}


def get(key: str) -> Any:
    """The stored value of ``key``, or its default."""
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value)


def put(key: str, value: Any) -> None:
    """Store ``value`` (anything JSON can hold) under ``key``."""
    with db.atomic():
        Setting.replace(key=key, value=json.dumps(value, ensure_ascii=False)).execute()
