"""The health thresholds: their defaults, and each stored only within its range."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.core import health_thresholds
from app.core.errors import ValidationError


def test_thresholds_defaults_and_validation(now: datetime) -> None:
    values = health_thresholds.thresholds()
    assert values["silence_multiplier"] == 3 and values["silent_members_share"] == 0.8
    health_thresholds.set_thresholds(silence_multiplier=4, silent_members_share=0.5)
    assert health_thresholds.thresholds()["silence_multiplier"] == 4
    assert health_thresholds.thresholds()["silent_members_share"] == 0.5
    with pytest.raises(ValidationError):
        health_thresholds.set_thresholds(open_violation_days=-1)
    with pytest.raises(ValidationError, match="from 1 to 365"):
        health_thresholds.set_thresholds(group_cadence_days=0)  # a cadence of 0 days
    with pytest.raises(ValidationError):
        health_thresholds.set_thresholds(silent_members_share=2)
    with pytest.raises(ValidationError):
        health_thresholds.set_thresholds(meetup_window_days="x")
    with pytest.raises(TypeError):
        health_thresholds.set_thresholds(nonsense=1)
    assert health_thresholds.thresholds()["open_violation_days"] == 2
