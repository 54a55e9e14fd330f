"""The health thresholds (PRODUCT.md §4): what the operator may tune, and within what range."""

from __future__ import annotations

import json
from typing import Any

from app.core import settings
from app.core.ad_like import AD_WORDS
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
    # activity from chat history (PRODUCT.md §4b)
    "activity_regular_days": (2, 30),
    "activity_occasional_days": (2, 30),
    "activity_falling_trend": (0.05, 1.0),
    "activity_collapse_trend": (0.0, 1.0),
    "activity_enough_weekly": (1, 100000),
    "activity_enough_30d": (1, 1000000),
    "one_voice_share": (0.05, 1.0),
    "operator_monologue_share": (0.05, 1.0),
    "soul_share": (0.01, 1.0),
    "soul_messages": (1, 100000),
    "soul_days": (1, 30),
    "quiet_before_messages": (1, 100000),
    "newcomers_min": (1, 100000),
    "newcomers_speaking_share": (0.01, 1.0),
    "ads_standing_days": (1, 365),
}
# the thresholds that are shares (0.5 is 50 %) or ratios, not whole numbers
SHARES = frozenset(
    {
        "silent_members_share",
        "activity_falling_trend",
        "activity_collapse_trend",
        "one_voice_share",
        "operator_monologue_share",
        "soul_share",
        "newcomers_speaking_share",
    }
)


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
        is_share = key in SHARES
        number_ok = isinstance(value, int | float) if is_share else isinstance(value, int)
        if isinstance(value, bool) or not number_ok or not low <= value <= high:
            if key == "silent_members_share":
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The share of silent members must be from {low} to {high}."
                    ),
                    low=low,
                    high=high,
                )
            if is_share:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "“{name}” must be a number from {low} to {high}."),
                    name=key,
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
    merged = {**thresholds(), **clean}
    if merged["activity_collapse_trend"] > merged["activity_falling_trend"]:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "A collapsing trend must be at most the falling trend ({falling})."
            ),
            falling=merged["activity_falling_trend"],
        )
    if merged["activity_occasional_days"] > merged["activity_regular_days"]:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "An occasional presence needs at most a regular one's days ({days})."
            ),
            days=merged["activity_regular_days"],
        )
    with db.atomic():
        for key, value in clean.items():
            settings.put(key, value)


AD_WORD_LIMIT = 40  # characters of one ad word


def ad_words() -> tuple[str, ...]:
    """The ad-word list the chat import flags messages with: the stored one, else the default
    (PRODUCT.md §4b)."""
    stored = settings.get("ad_words")
    return AD_WORDS if stored is None else tuple(str(word) for word in stored)


def clean_ad_words(words: list[str]) -> list[str]:
    """The ad-word list as it would be stored: blank and repeated words dropped; refused when
    a word is longer than ``AD_WORD_LIMIT`` characters."""
    clean: list[str] = []
    for word in words:
        word = str(word).strip()
        if word and word.casefold() not in {w.casefold() for w in clean}:
            clean.append(word)
    if any(len(word) > AD_WORD_LIMIT for word in clean):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "An ad word has at most {limit} characters."),
            limit=AD_WORD_LIMIT,
        )
    return clean


def set_ad_words(words: list[str]) -> None:
    """Store the ad-word list (``clean_ad_words``). It applies to chat imports from now on."""
    settings.put("ad_words", clean_ad_words(words))


def set_activity_settings(words: list[str], **values: Any) -> None:
    """Store the ad-word list and some thresholds together: all or nothing."""
    clean = clean_ad_words(words)
    with db.atomic():
        set_thresholds(**values)
        settings.put("ad_words", clean)
