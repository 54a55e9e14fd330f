"""Recurrence rules: presets, validation, next occurrences across DST and month ends, words."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest

from app.core import clock, recurrence
from app.core.errors import ValidationError
from app.core.recurrence import describe, next_after, rule_for, validate


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The system zone is Europe/Berlin (DST starts 29 March 2026) for the test."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_presets_build_rules() -> None:
    friday = datetime(2026, 3, 13, 20, 0)
    assert rule_for("daily", friday) == "FREQ=DAILY"
    assert rule_for("weekly", friday) == "FREQ=WEEKLY;BYDAY=FR"
    assert rule_for("weekly", friday, weekdays=(3, 0)) == "FREQ=WEEKLY;BYDAY=MO,TH"
    assert rule_for("biweekly", friday, weekdays=(0,)) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"
    assert rule_for("monthly", friday) == "FREQ=MONTHLY;BYMONTHDAY=13"
    assert rule_for("monthly", friday, month_day=31) == "FREQ=MONTHLY;BYMONTHDAY=31"
    for preset in recurrence.PRESETS:
        validate(rule_for(preset, friday))


@pytest.mark.parametrize(
    ("preset", "kwargs"),
    [("yearly", {}), ("weekly", {"weekdays": (7,)}), ("monthly", {"month_day": 0})],
)
def test_bad_presets_are_refused(preset: str, kwargs: dict) -> None:
    with pytest.raises(ValidationError):
        rule_for(preset, datetime(2026, 3, 13), **kwargs)


@pytest.mark.parametrize(
    "rule",
    ["", "FREQ=NEVER", "BYDAY=FR", "FREQ=WEEKLY;BYDAY=XX", "FREQ=MINUTELY",
     "FREQ=DAILY;COUNT=3", "DTSTART:20260101T000000\nRRULE:FREQ=DAILY"],
)  # fmt: skip
def test_validate_refuses_bad_rules(rule: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate(rule)
    assert caught.value.template


def test_validate_accepts_prefix_and_until() -> None:
    validate("RRULE:FREQ=WEEKLY;BYDAY=FR")
    validate("FREQ=DAILY;UNTIL=20270101T000000")


def test_weekly_keeps_local_time_and_weekday_across_dst(berlin: None) -> None:
    # Friday 20 March 2026, 20:00 Berlin (CET, UTC+1) = 19:00 UTC
    anchor = datetime(2026, 3, 20, 19, 0)
    following = next_after("FREQ=WEEKLY;BYDAY=FR", anchor, anchor)
    # 27 March is still CET; the one after the change (3 April, CEST UTC+2) is 18:00 UTC
    assert following == datetime(2026, 3, 27, 19, 0)
    after_change = next_after("FREQ=WEEKLY;BYDAY=FR", following, following)
    assert after_change == datetime(2026, 4, 3, 18, 0)
    assert after_change.weekday() == 4


def test_daily_across_the_change_night(berlin: None) -> None:
    anchor = datetime(2026, 3, 28, 7, 0)  # 08:00 CET
    assert next_after("FREQ=DAILY", anchor, anchor) == datetime(2026, 3, 29, 6, 0)  # 08:00 CEST


def test_next_after_is_strictly_after_and_skips_ahead(utc_zone: None) -> None:
    anchor = datetime(2026, 3, 6, 20, 0)  # a Friday
    assert next_after("FREQ=WEEKLY;BYDAY=FR", anchor, datetime(2026, 3, 13, 20, 0)) == datetime(
        2026, 3, 20, 20, 0
    )
    assert next_after("FREQ=WEEKLY;BYDAY=FR", anchor, datetime(2026, 3, 13, 19, 59)) == datetime(
        2026, 3, 13, 20, 0
    )


def test_monthly_on_the_31st_skips_short_months(utc_zone: None) -> None:
    """dateutil's behaviour, kept: a month without a 31st has no occurrence."""
    anchor = datetime(2026, 1, 31, 20, 0)
    feb = next_after("FREQ=MONTHLY;BYMONTHDAY=31", anchor, anchor)
    assert feb == datetime(2026, 3, 31, 20, 0)
    assert next_after("FREQ=MONTHLY;BYMONTHDAY=31", feb, feb) == datetime(2026, 5, 31, 20, 0)
    # the 15th rolls over a month end normally
    assert next_after("FREQ=MONTHLY;BYMONTHDAY=15", datetime(2026, 1, 15, 12), datetime(
        2026, 1, 31)) == datetime(2026, 2, 15, 12)  # fmt: skip


def test_until_ends_the_series(utc_zone: None) -> None:
    anchor = datetime(2026, 3, 13, 20, 0)
    assert next_after("FREQ=DAILY;UNTIL=20260314T000000", anchor, anchor) is None


@pytest.mark.parametrize(
    ("rule", "anchor", "en", "zh"),
    [
        ("FREQ=WEEKLY;BYDAY=FR", datetime(2026, 3, 13, 20, 0), "every Friday at 20:00",
         "每周五 20:00"),
        ("FREQ=DAILY", datetime(2026, 3, 13, 8, 0), "every day at 08:00", "每天 08:00"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", datetime(2026, 3, 16, 19, 30),
         "every 2 weeks on Monday at 19:30", "每两周周一 19:30"),
        ("FREQ=MONTHLY;BYMONTHDAY=15", datetime(2026, 3, 15, 20, 0),
         "every month on day 15 at 20:00", "每月 15 日 20:00"),
        ("FREQ=WEEKLY;BYDAY=TH,MO", datetime(2026, 3, 16, 20, 0),
         "every Monday and Thursday at 20:00", "每周一、周四 20:00"),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", datetime(2026, 3, 16, 20, 0),
         "every Monday, Wednesday and Friday at 20:00", "每周一、周三、周五 20:00"),
        ("FREQ=WEEKLY", datetime(2026, 3, 13, 20, 0), "every Friday at 20:00", "每周五 20:00"),
        ("FREQ=MONTHLY", datetime(2026, 3, 15, 20, 0), "every month on day 15 at 20:00",
         "每月 15 日 20:00"),
        ("FREQ=DAILY", None, "every day", "每天"),
        ("FREQ=WEEKLY;BYDAY=1FR", datetime(2026, 3, 13, 20, 0),
         "custom: FREQ=WEEKLY;BYDAY=1FR", "自定义：FREQ=WEEKLY;BYDAY=1FR"),
        ("FREQ=YEARLY", datetime(2026, 3, 13, 20, 0), "custom: FREQ=YEARLY",
         "自定义：FREQ=YEARLY"),
        ("FREQ=DAILY;INTERVAL=3", None, "custom: FREQ=DAILY;INTERVAL=3",
         "自定义：FREQ=DAILY;INTERVAL=3"),
    ],
)  # fmt: skip
def test_describe_in_both_languages(
    utc_zone: None, rule: str, anchor: datetime | None, en: str, zh: str
) -> None:
    assert describe(rule, anchor, "en") == en
    assert describe(rule, anchor, "zh_CN") == zh


def test_describe_uses_local_time(berlin: None) -> None:
    assert describe("FREQ=DAILY", datetime(2026, 4, 1, 6, 0), "en") == "every day at 08:00"


def test_weekdays_are_local_where_the_utc_day_differs(
    zone: Callable[[str], None],
) -> None:
    zone("Asia/Shanghai")
    anchor = datetime(2026, 3, 13, 23, 0)  # Saturday 14 March, 07:00 in Shanghai; Friday in UTC
    assert rule_for("weekly", clock.to_local(anchor)) == "FREQ=WEEKLY;BYDAY=SA"
    assert next_after("FREQ=WEEKLY;BYDAY=SA", anchor, anchor) == datetime(2026, 3, 20, 23, 0)
    assert describe("FREQ=WEEKLY;BYDAY=SA", anchor, "en") == "every Saturday at 07:00"
