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


def test_activity_thresholds_and_the_ad_word_list(now: datetime) -> None:
    from app.core.ad_like import AD_WORDS

    values = health_thresholds.thresholds()
    assert (values["activity_falling_trend"], values["activity_collapse_trend"]) == (0.5, 0.25)
    assert (values["soul_share"], values["soul_messages"], values["soul_days"]) == (0.15, 20, 8)
    assert (values["newcomers_min"], values["newcomers_speaking_share"]) == (10, 0.2)
    assert (values["ads_standing_days"], values["quiet_before_messages"]) == (14, 10)
    health_thresholds.set_thresholds(one_voice_share=0.6, soul_days=10)
    assert health_thresholds.thresholds()["one_voice_share"] == 0.6
    with pytest.raises(ValidationError, match="falling trend"):
        health_thresholds.set_thresholds(activity_collapse_trend=0.7)
    with pytest.raises(ValidationError, match="regular"):
        health_thresholds.set_thresholds(activity_occasional_days=9)
    with pytest.raises(ValidationError, match="soul_days"):
        health_thresholds.set_thresholds(soul_days=31)
    assert health_thresholds.ad_words() == AD_WORDS
    health_thresholds.set_ad_words([" 招聘 ", "", "VX", "vx"])
    assert health_thresholds.ad_words() == ("招聘", "VX")
    with pytest.raises(ValidationError, match="at most 40"):
        health_thresholds.set_activity_settings(["长" * 41], soul_days=12)
    assert health_thresholds.thresholds()["soul_days"] == 10  # all or nothing
