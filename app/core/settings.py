"""Key/value settings stored in the database as JSON."""

from __future__ import annotations

import json
import os
from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.store.models import Setting, db

DEFAULTS: dict[str, Any] = {
    "group_cadence_days": 7,
    "helper_span_target": 50,
    # group health (core/health.py, PRODUCT.md §4): silent after this × the cadence, ...
    "silence_multiplier": 3,
    "open_violation_days": 2,
    "meetup_window_days": 180,
    "helper_neglect_days": 14,
    "silent_members_share": 0.8,
    "silent_members_days": 30,
    "second_level_min_members": 50,
    # activity from chat history (core/activity.py, PRODUCT.md §4b)
    "activity_regular_days": 8,  # presence: days with a message in 30 days to be regular
    "activity_occasional_days": 2,  # ... to be occasional (1: once, 0: silent)
    "activity_falling_trend": 0.5,  # activity falling at this trend or below
    "activity_collapse_trend": 0.25,  # ... and critical at this one or below
    "activity_enough_weekly": 20,  # enough data: the 12 earlier weeks averaged this many
    "activity_enough_30d": 50,  # ... or this many messages in 30 days
    "one_voice_share": 0.5,  # one member sent more than this share of 30 days' messages
    "operator_monologue_share": 0.5,  # the operator sent more than this share
    "soul_share": 0.15,  # a soul figure sends at least this share of 30 days' messages,
    "soul_messages": 20,  # at least this many,
    "soul_days": 8,  # on at least this many days
    "quiet_before_messages": 10,  # went quiet: this many messages in the 90 days before
    "newcomers_min": 10,  # newcomers silent: at least this many joined in 90 days
    "newcomers_speaking_share": 0.2,  # ... and fewer than this share of them spoke
    "ads_standing_days": 14,  # an ad-like message this recent with no violation since
    "ad_words": None,  # None: the default list (core/ad_like.AD_WORDS)
    "language": "",  # "" follows the system locale
    # who the Pyramid panel suggests for the helper tier (see core/candidates.py)
    "promotion_criteria": {"meetups": 2, "member_days": 90, "strike_free_days": 180, "star": True},
    "demotion_margin": 3,  # a helper is suggested for demotion after this × their cadence
    # no flapping: a member moved up or down this recently is no candidate for the other way
    "tier_margin_days": 60,
    # from chat history (§4b; 0: not used): a member who spoke on this many of the last 30
    # days qualifies for promotion; a helper silent in the chat this many days, for demotion
    "promotion_spoke_days": 15,
    "demotion_silent_days": 30,
    # the escalation ladder: [strikes, action] steps (see core/strikes.py), and how long a
    # violation counts toward it
    "strike_ladder": [[1, "warned"], [2, "muted"], [3, "removed"]],
    "strike_expiry_days": 180,
    # the highest case number ever given, so an erased violation's number is never reused
    "violation_last_case": 0,
    # a new meetup's checklist (core/meetups.py); None means the built-in list in the
    # interface language: CHECKLIST_ZH when "language" (or, when it is "", $LANG) starts
    # with "zh", else CHECKLIST_EN. Once edited in Settings, the stored list is used as is.
    "checklist_template": None,
    # a random token making calendar UIDs unique to this community (io/ics.py); set once
    "calendar_uid_seed": None,
    # today's plan (core/daily_plan.py): how many items, and when suggestions fall due (local)
    "daily_plan_size": 8,
    "working_hour": "20:00",
}

CHECKLIST_EN = [
    "Venue booked",
    "Announcement posted in the groups",
    "Reminder sent the day before",
    "Sign-in sheet printed",
    "Photos taken",
    "Thank-you post in the groups",
]
CHECKLIST_ZH = [
    "预订场地",
    "在群里发布通知",
    "提前一天发提醒",
    "打印签到表",
    "活动拍照",
    "在群里发感谢帖",
]


def whole_number(value: object, low: int, high: int, what: str) -> int:
    """``value`` if a whole number from ``low`` to ``high``; else a message naming ``what``."""
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The {what} must be a whole number from {low} to {high}."),
            what=what,
            low=low,
            high=high,
        )
    return value


def get(key: str) -> Any:
    """The stored value of ``key``, or its default."""
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return DEFAULTS.get(key)
    return json.loads(row.value)


def put(key: str, value: Any) -> None:
    """Store ``value`` (anything JSON can hold) under ``key``."""
    with db.atomic():
        # peewee's stub leaves replace() unannotated; untyped_calls_exclude misses a subclass
        Setting.replace(key=key, value=json.dumps(value, ensure_ascii=False)).execute()  # type: ignore[no-untyped-call]


def interface_is_chinese() -> bool:
    """Whether the stored interface language (or, when unset, the locale) is Chinese."""
    language = get("language") or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return str(language).lower().startswith("zh")


def checklist_template() -> list[str]:
    """The checklist a new meetup starts with: the stored one, else the built-in one."""
    stored = get("checklist_template")
    if stored is not None:
        return [str(item) for item in stored]
    return list(CHECKLIST_ZH if interface_is_chinese() else CHECKLIST_EN)


def set_checklist_template(items: list[str]) -> None:
    """Store the checklist template: blank items dropped, each at most 200 characters."""
    clean = [str(item).strip() for item in items if str(item).strip()]
    if any(len(item) > 200 for item in clean):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A checklist item has at most {limit} characters."),
            limit=200,
        )
    put("checklist_template", clean)
