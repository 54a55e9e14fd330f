"""Key/value settings stored in the database as JSON."""

from __future__ import annotations

import json
from typing import Any

from app.store.models import Setting, db

DEFAULTS: dict[str, Any] = {
    "group_cadence_days": 7,
    "helper_span_target": 50,
    "language": "",  # "" follows the system locale
    # who the Pyramid panel suggests for the helper tier (see core/candidates.py)
    "promotion_criteria": {"meetups": 2, "member_days": 90, "strike_free_days": 180, "star": True},
    "demotion_margin": 3,  # a helper is suggested for demotion after this × their cadence
    # the escalation ladder: [strikes, action] steps (see core/strikes.py), and how long a
    # violation counts toward it
    "strike_ladder": [[1, "warned"], [2, "muted"], [3, "removed"]],
    "strike_expiry_days": 180,
    # the highest case number ever given, so an erased violation's number is never reused
    "violation_last_case": 0,
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
