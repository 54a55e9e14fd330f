"""The strike ladder: how many strikes a member has, and the step the operator should take next.

Strikes are counted per member across all groups, from the violations of the last
``expiry_days`` days, each weighing its rule's strike points (1 without a rule). The ladder is
the operator's escalation policy (default: 1st strike warn, 2nd mute, 3rd remove), so the app
suggests the next step instead of the operator remembering it (PRODUCT.md §3 panel 5).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.core import clock, settings
from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.rules import get_rule
from app.store.models import db

ACTIONS = ("warned", "deleted", "muted", "removed", "banned")
MAX_STEPS = 10
MAX_STEP_STRIKES = 100
EXPIRY_RANGE = (1, 3650)
NO_RULE_POINTS = 1  # a violation logged without a rule counts one strike


@dataclass(frozen=True)
class LadderStep:
    """From ``strikes`` strikes on, the action to take."""

    strikes: int
    action: str


@dataclass(frozen=True)
class Suggestion:
    """The strike a new violation would be, and the ladder's action for it."""

    strike: int
    action: str


def _default_ladder() -> list[LadderStep]:
    return [LadderStep(int(s), str(a)) for s, a in settings.DEFAULTS["strike_ladder"]]


def ladder() -> list[LadderStep]:
    """The stored ladder, lowest step first (the default if none, or if it was damaged)."""
    stored = settings.get("strike_ladder")
    try:
        steps = [LadderStep(int(s), str(a)) for s, a in stored]
        _check_steps(steps)
    except (TypeError, ValueError, ValidationError):
        return _default_ladder()
    return steps


def expiry_days() -> int:
    """How many days a violation counts toward the ladder."""
    value = settings.get("strike_expiry_days")
    low, high = EXPIRY_RANGE
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        return int(settings.DEFAULTS["strike_expiry_days"])
    return value


def _check_steps(steps: Sequence[LadderStep]) -> None:
    if not 1 <= len(steps) <= MAX_STEPS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The strike ladder needs 1 to {max} steps."),
            max=MAX_STEPS,
        )
    previous = 0
    for step in steps:
        what = QT_TRANSLATE_NOOP("Errors", "number of strikes of a ladder step")
        settings.whole_number(step.strikes, 1, MAX_STEP_STRIKES, what)
        if step.strikes <= previous:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Each step of the ladder needs more strikes than the step before it."
                )
            )
        previous = step.strikes
        check_action(step.action)


def check_action(action: object) -> str:
    """``action`` if it is one of ``ACTIONS``, else a ``ValidationError``."""
    if action not in ACTIONS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown action “{value}”; use one of: {choices}."),
            value=str(action),
            choices=", ".join(ACTIONS),
        )
    return str(action)


def set_ladder(steps: Sequence[LadderStep], expiry_days: int) -> None:
    """Store the ladder (1–10 steps, strikes rising from 1) and the expiry (1–3650 days)."""
    steps = list(steps)
    _check_steps(steps)
    low, high = EXPIRY_RANGE
    settings.whole_number(
        expiry_days, low, high, QT_TRANSLATE_NOOP("Errors", "strike expiry in days")
    )
    with db.atomic():
        settings.put("strike_ladder", [[s.strikes, s.action] for s in steps])
        settings.put("strike_expiry_days", expiry_days)


def strikes(member_id: int, now: datetime | None = None) -> int:
    """The member's unexpired strikes in all groups: rule points of violations since the expiry.

    Counted from violations dated from ``now`` − expiry to the end of ``now``'s local day (one
    may be dated later on the day it is logged), whether handled or not, retired rules' too.
    Two queries (the expiry setting, the sum).
    """
    now = now or clock.now()
    since = now - timedelta(days=expiry_days())
    row = db.execute_sql(
        "SELECT COALESCE(SUM(COALESCE(r.strike_points, ?)), 0) FROM violation v"
        " LEFT JOIN rule r ON r.id = v.rule_id"
        " WHERE v.member_id = ? AND v.at >= ? AND v.at < ?",
        (NO_RULE_POINTS, member_id, str(since), str(clock.local_day_end(now))),
    ).fetchone()
    return int(row[0])


def action_for(strike: int) -> str:
    """The action of the highest ladder step reached by ``strike``; "warned" below the first."""
    action = "warned"
    for step in ladder():
        if step.strikes <= strike:
            action = step.action
    return action


def suggest(member_id: int, rule_id: int | None, now: datetime | None = None) -> Suggestion:
    """The strike a new violation of ``rule_id`` would bring the member to, and what to do.

    A rule worth 0 points adds no strike, and its suggestion is a warning.
    """
    points = NO_RULE_POINTS
    if rule_id is not None:
        points = get_rule(rule_id).strike_points
    strike = strikes(member_id, now) + points
    return Suggestion(strike, action_for(strike) if points > 0 else "warned")
