"""Recurring tasks: RFC 5545 rules, their next occurrence in local time, and the rule in words.

A task stores its rule without DTSTART ("FREQ=WEEKLY;BYDAY=FR"); the anchor is the task's due
time. Occurrences are computed on the local wall clock from the anchor's local time, so "every
Friday 20:00" stays at 20:00 local across a daylight-saving change, and are stored as naive UTC.
A monthly rule on a day some months lack (the 31st) skips those months, as dateutil does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from app.core import clock
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError

PRESETS = ("daily", "weekly", "biweekly", "monthly")
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # index = datetime.weekday()
MAX_RULE = 500
REFUSED_FREQ = ("SECONDLY", "MINUTELY")

# Wording per language; "zh" for Chinese, "en" for everything else.
WORDS: dict[str, dict[str, object]] = {
    "en": {
        "days": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "daily": "every day{at}",
        "weekly": "every {days}{at}",
        "biweekly": "every 2 weeks on {days}{at}",
        "monthly": "every month on day {day}{at}",
        "at": " at {time}",
        "custom": "custom: {rule}",
    },
    "zh": {
        "days": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
        "daily": "每天{at}",
        "weekly": "每{days}{at}",
        "biweekly": "每两周{days}{at}",
        "monthly": "每月 {day} 日{at}",
        "at": " {time}",
        "custom": "自定义：{rule}",
    },
}


def _language(language: str) -> str:
    return "zh" if str(language).lower().startswith("zh") else "en"


def normalise(rule: str) -> str:
    """The rule as stored: trimmed, upper-case, without an "RRULE:" prefix."""
    text = str(rule or "").strip().upper()
    if text.startswith("RRULE:"):
        text = text[len("RRULE:") :].strip()
    return text


def _parts(rule: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for piece in normalise(rule).split(";"):
        key, _, value = piece.partition("=")
        parts[key.strip()] = value.strip()
    return parts


def _bad(rule: str) -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Errors", "“{rule}” is not a repeat rule Huoqun understands."),
        rule=str(rule or "").strip()[:80],
    )


def validate(rrule: str) -> None:
    """Refuse a rule dateutil cannot read, one with DTSTART or COUNT, or one more than hourly."""
    text = normalise(rrule)
    if not text or len(text) > MAX_RULE or "DTSTART" in text or "\n" in text:
        raise _bad(rrule)
    try:
        from dateutil.rrule import rrule as RRule  # noqa: N812 - a class; loaded when used
        from dateutil.rrule import rrulestr

        parsed = rrulestr(text, dtstart=datetime(2026, 1, 1, 12, 0))
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        raise _bad(rrule) from exc
    if not isinstance(parsed, RRule):
        raise _bad(rrule)
    parts = _parts(text)
    if parts.get("FREQ") in REFUSED_FREQ:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A task can repeat at most once an hour.")
        )
    if "COUNT" in parts:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "A repeating task cannot stop after a count; give an end date (UNTIL)."
            )
        )


def rule_for(
    preset: str, start: datetime, weekdays: Sequence[int] = (), month_day: int | None = None
) -> str:
    """The RRULE of a preset; weekdays (0 = Monday) and the month day default to ``start``'s."""
    if preset not in PRESETS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "“{preset}” is not a repeat preset."), preset=preset
        )
    if preset == "daily":
        return "FREQ=DAILY"
    if preset == "monthly":
        day = start.day if month_day is None else month_day
        if not isinstance(day, int) or not 1 <= day <= 31:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A day of the month is from 1 to 31.")
            )
        return f"FREQ=MONTHLY;BYMONTHDAY={day}"
    days = sorted(set(weekdays)) if weekdays else [start.weekday()]
    if any(not isinstance(d, int) or not 0 <= d <= 6 for d in days):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A weekday is from Monday to Sunday."))
    byday = ",".join(DAYS[d] for d in days)
    interval = ";INTERVAL=2" if preset == "biweekly" else ""
    return f"FREQ=WEEKLY{interval};BYDAY={byday}"


def _local(moment_utc: datetime) -> datetime:
    return clock.to_local(moment_utc).replace(tzinfo=None)


def next_after(rrule: str, anchor_utc: datetime, after_utc: datetime) -> datetime | None:
    """The first occurrence strictly after ``after_utc`` (naive UTC), or None when none is left."""
    from dateutil.rrule import rrulestr  # loaded when first used: the window starts sooner

    rule = rrulestr(normalise(rrule), dtstart=_local(anchor_utc).replace(microsecond=0))
    moment = rule.after(_local(after_utc), inc=False)
    while moment is not None:
        found = clock.from_local(moment)
        if found > after_utc:
            return found
        moment = rule.after(moment, inc=False)  # an hour a fall-back makes ambiguous
    return None


def _days_en(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def describe(rrule: str, anchor_utc: datetime | None, language: str) -> str:
    """The rule in words: "every Friday at 20:00" / "每周五 20:00"; else "custom: <RRULE>"."""
    lang = _language(language)
    words = WORDS[lang]
    text = normalise(rrule)
    custom = str(words["custom"]).format(rule=text)
    try:
        validate(text)
    except ValidationError:
        return custom
    parts = _parts(text)
    local = _local(anchor_utc) if anchor_utc is not None else None
    at = str(words["at"]).format(time=local.strftime("%H:%M")) if local is not None else ""
    freq = parts.pop("FREQ", "")
    interval = parts.pop("INTERVAL", "1")
    if interval not in ("1", "2") or parts.keys() - {"BYDAY", "BYMONTHDAY"}:
        return custom
    if freq == "DAILY" and interval == "1" and not parts:
        return str(words["daily"]).format(at=at)
    if freq == "MONTHLY" and interval == "1" and "BYDAY" not in parts:
        day = parts.get("BYMONTHDAY") or (str(local.day) if local is not None else "")
        if not day.isdigit():
            return custom
        return str(words["monthly"]).format(day=int(day), at=at)
    if freq == "WEEKLY" and "BYMONTHDAY" not in parts:
        codes = parts["BYDAY"].split(",") if "BYDAY" in parts else []
        if not codes and local is not None:
            codes = [DAYS[local.weekday()]]
        if not codes or any(code not in DAYS for code in codes):
            return custom
        names = words["days"]
        assert isinstance(names, tuple)
        picked = [names[DAYS.index(code)] for code in sorted(set(codes), key=DAYS.index)]
        days = "、".join(picked) if lang == "zh" else _days_en(picked)
        key = "weekly" if interval == "1" else "biweekly"
        return str(words[key]).format(days=days, at=at)
    return custom
