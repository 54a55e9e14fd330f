"""The health thresholds (PRODUCT.md §4): what the operator may tune, and within what range."""

from __future__ import annotations

import json
from typing import Any

from app.core import settings
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.store.models import db

# name: (default from settings.DEFAULTS, lowest, highest)
THRESHOLDS: dict[str, tuple[float, float]] = {
    "group_cadence_days": (1, 365),
    "helper_span_target": (1, 10000),
    "silence_multiplier": (2, 20),
    "open_violation_days": (0, 365),
    "meetup_window_days": (1, 3650),
    "helper_neglect_days": (1, 365),
    "silent_members_share": (0.05, 1.0),
    "silent_members_days": (1, 3650),
    "second_level_min_members": (1, 100000),
}


def thresholds() -> dict[str, Any]:
    """The health thresholds: stored values, else the defaults. One query."""
    values = {key: settings.DEFAULTS[key] for key in THRESHOLDS}
    marks = ", ".join("?" for _ in THRESHOLDS)
    for key, value in db.execute_sql(
        f"SELECT key, value FROM setting WHERE key IN ({marks})", list(THRESHOLDS)
    ):
        values[key] = json.loads(value)
    return values


def set_thresholds(**values: Any) -> None:
    """Store some of the thresholds, each checked against its range; all or nothing."""
    unknown = set(values) - set(THRESHOLDS)
    if unknown:
        raise TypeError(f"unknown thresholds: {sorted(unknown)}")
    clean: dict[str, Any] = {}
    for key, value in values.items():
        low, high = THRESHOLDS[key]
        is_share = key == "silent_members_share"
        number_ok = isinstance(value, int | float) if is_share else isinstance(value, int)
        if isinstance(value, bool) or not number_ok or not low <= value <= high:
            if is_share:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The share of silent members must be from {low} to {high}."
                    ),
                    low=low,
                    high=high,
                )
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "“{name}” must be a whole number from {low} to {high}."
                ),
                name=key,
                low=int(low),
                high=int(high),
            )
        clean[key] = float(value) if is_share else int(value)
    with db.atomic():
        for key, value in clean.items():
            settings.put(key, value)
