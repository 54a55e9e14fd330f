"""The violation log: each broken rule with its case number, evidence and the action taken.

"Delete spam and remove violators every time" (PRODUCT.md §1 point 4). A violation's case
number (#1, #2, …) is given when it is logged and never changes; numbers are never reused, even
after a member is erased with their violations: the highest number ever given is kept in the
setting ``violation_last_case``, and a new case gets one more than that or than any stored
case, whichever is higher. The strike ladder lives in ``core/strikes.py`` and is re-exported
here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from peewee import fn

from app.core import clock, settings
from app.core.bans import ban_member, mark_removed
from app.core.care import parse_time
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.members import chunks
from app.core.strikes import (
    ACTIONS,
    NO_RULE_POINTS,
    LadderStep,
    Suggestion,
    action_for,
    check_action,
    expiry_days,
    ladder,
    set_ladder,
    strikes,
    suggest,
)
from app.core.undo import first_count, member_name, name_of, undoable
from app.store.models import Group, Member, Rule, Violation, db

__all__ = [
    "ACTIONS",
    "LadderStep",
    "Suggestion",
    "ViolationFilter",
    "ViolationRow",
    "action_for",
    "expiry_days",
    "ladder",
    "list_violations",
    "log_violation",
    "open_count",
    "set_handled",
    "set_ladder",
    "strikes",
    "suggest",
    "update_violation",
    "violation_row",
    "violations_of",
]

EDITABLE = ("member_id", "group_id", "rule_id", "at", "evidence", "action")
MAX_EVIDENCE = 2000
LAST_CASE = "violation_last_case"


@dataclass(frozen=True)
class ViolationFilter:
    """Which violations to list: all of the given conditions hold.

    ``open``: True for unhandled ones, False for handled ones, None for both.
    ``since`` is inclusive and ``until`` exclusive (naive UTC).
    """

    group_id: int | None = None
    member_id: int | None = None
    rule_id: int | None = None
    open: bool | None = None
    since: datetime | None = None
    until: datetime | None = None


ALL = ViolationFilter()


@dataclass(frozen=True)
class ViolationRow:
    """A line of the violation log; ``points`` are the strikes it counts (its rule's points)."""

    id: int
    case_number: int
    at: datetime
    member_id: int
    member_name: str
    group_id: int | None
    group_name: str
    rule_id: int | None
    rule_title: str
    points: int
    evidence: str
    action: str
    handled_at: datetime | None


# --- validation ------------------------------------------------------------------------------


def _clean(fields: dict[str, Any], current: Violation | None = None) -> dict[str, Any]:
    """Checked ``fields`` as model columns; ``current`` is the violation being edited."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown violation fields: {sorted(unknown)}")
    out: dict[str, Any] = {}
    if "member_id" in fields:
        member_id = fields["member_id"]
        if member_id is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Choose the member who broke the rule.")
            )
        if not Member.select().where(Member.id == member_id).exists():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Member #{id} no longer exists."), id=member_id
            )
        out["member"] = member_id
    if fields.get("group_id") is not None:
        group_id = fields["group_id"]
        if not Group.select().where(Group.id == group_id).exists():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Group #{id} no longer exists."), id=group_id
            )
    if "group_id" in fields:
        out["group"] = fields["group_id"]
    if "rule_id" in fields:
        out["rule"] = _clean_rule(fields["rule_id"], current)
    if "at" in fields:
        out["at"] = _clean_at(fields["at"])
    if "evidence" in fields:
        evidence = str(fields["evidence"] or "").strip()
        if len(evidence) > MAX_EVIDENCE:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The evidence can have at most {max} characters."),
                max=MAX_EVIDENCE,
            )
        out["evidence"] = evidence
    if "action" in fields:
        out["action"] = check_action(fields["action"])
    return out


def _clean_rule(rule_id: int | None, current: Violation | None) -> int | None:
    """A rule in use; a retired rule only when the violation being edited already has it."""
    if rule_id is None:
        return None
    rule = Rule.get_or_none(Rule.id == rule_id)
    if rule is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Rule #{id} no longer exists."), id=rule_id
        )
    keeps_its_rule = current is not None and current.rule_id == rule_id
    if rule.retired_at is not None and not keeps_its_rule:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The rule “{title}” is retired; choose a rule in use."),
            title=rule.title,
        )
    return int(rule_id)


def _clean_at(at: object) -> datetime:
    if not isinstance(at, datetime):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A date is not valid."))
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    if at >= clock.local_day_end(clock.now()):  # later today (local) is fine
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A violation cannot be dated after today.")
        )
    return at


# --- writing ---------------------------------------------------------------------------------


def _next_case_number() -> int:
    """One more than the highest case number ever given (kept, or stored); remembers it."""
    kept = settings.get(LAST_CASE)
    stored = Violation.select(fn.MAX(Violation.case_number)).scalar() or 0
    number = max(int(kept) if isinstance(kept, int) else 0, stored) + 1
    settings.put(LAST_CASE, number)
    return number


def _ban_reason(rule_id: int | None, evidence: str, case_number: int) -> str:
    if rule_id is not None:
        return str(Rule.get_by_id(rule_id).title)
    return evidence[:500] or f"#{case_number}"


def _side_effects(violation: Violation) -> None:
    """Ban or remove the member as the action says, when it happens."""
    when = min(violation.at, clock.now())
    if violation.action == "banned":
        reason = _ban_reason(violation.rule_id, violation.evidence, violation.case_number)
        ban_member(violation.member_id, reason, now=when)
    elif violation.action == "removed" and violation.group_id is not None:
        mark_removed(violation.member_id, violation.group_id, now=when)


@undoable("log_violation", detail=member_name)
def log_violation(
    member_id: int,
    group_id: int | None,
    rule_id: int | None,
    at: datetime | None = None,
    evidence: str = "",
    action: str | None = None,
) -> Violation:
    """Record a violation with the next case number; ``action`` None takes the ladder's suggestion.

    "banned" also bans the member (the rule's title is the reason; removal tasks are made, see
    ``bans.ban_member``); "removed" with a group marks them removed from it.
    All in one transaction: a refusal writes nothing.
    """
    fields: dict[str, Any] = {
        "member_id": member_id,
        "group_id": group_id,
        "rule_id": rule_id,
        "at": at or clock.now(),
        "evidence": evidence,
    }
    if action is not None:
        fields["action"] = action
    data = _clean(fields)
    with db.atomic():
        if action is None:
            data["action"] = suggest(member_id, rule_id).action
        violation: Violation = Violation.create(case_number=_next_case_number(), **data)
        _side_effects(violation)
    return violation


def _get(violation_id: int) -> Violation:
    violation = Violation.get_or_none(Violation.id == violation_id)
    if violation is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That violation no longer exists."))
    return violation


@undoable("edit_violation", detail=name_of("violation"))
def update_violation(violation_id: int, **fields: Any) -> Violation:
    """Correct a violation (any of ``EDITABLE``); its case number stays.

    Changing the action to "banned" or "removed" bans or removes as ``log_violation`` does;
    changing it away from them undoes nothing (unban with ``bans.unban_member``).
    """
    current = _get(violation_id)
    data = _clean(fields, current)
    with db.atomic():
        if data:
            Violation.update(**data).where(Violation.id == violation_id).execute()
        updated = _get(violation_id)
        if updated.action != current.action:
            _side_effects(updated)
    return updated


@undoable("handle_violation", first_count)
def set_handled(
    violation_ids: Sequence[int], handled: bool = True, now: datetime | None = None
) -> None:
    """Mark violations handled (those already handled keep their time), or reopen them."""
    moment = now or clock.now()
    with db.atomic():
        for part in chunks(list(dict.fromkeys(violation_ids))):
            if handled:
                Violation.update(handled_at=moment).where(
                    Violation.id.in_(part), Violation.handled_at.is_null()
                ).execute()
            else:
                Violation.update(handled_at=None).where(Violation.id.in_(part)).execute()


# --- reading ---------------------------------------------------------------------------------

_SELECT = """
    SELECT v.id, v.case_number, v.at, v.member_id, m.name, v.group_id, g.name, v.rule_id,
           r.title, COALESCE(r.strike_points, :no_rule), v.evidence, v.action, v.handled_at
    FROM violation v
    JOIN member m ON m.id = v.member_id
    LEFT JOIN chat_group g ON g.id = v.group_id
    LEFT JOIN rule r ON r.id = v.rule_id
"""


def _row(r: Sequence[Any]) -> ViolationRow:
    return ViolationRow(
        id=r[0],
        case_number=r[1],
        at=parse_time(r[2]) or datetime.min,
        member_id=r[3],
        member_name=r[4],
        group_id=r[5],
        group_name=r[6] or "",
        rule_id=r[7],
        rule_title=r[8] or "",
        points=r[9],
        evidence=r[10] or "",
        action=r[11],
        handled_at=parse_time(r[12]),
    )


def list_violations(flt: ViolationFilter = ALL, limit: int | None = None) -> list[ViolationRow]:
    """The violations matching ``flt``, newest first. One query."""
    where = []
    params: dict[str, Any] = {"no_rule": NO_RULE_POINTS}
    for key, column in (("group_id", "v.group_id"), ("member_id", "v.member_id")):
        value = getattr(flt, key)
        if value is not None:
            where.append(f"{column} = :{key}")
            params[key] = value
    if flt.rule_id is not None:
        where.append("v.rule_id = :rule_id")
        params["rule_id"] = flt.rule_id
    if flt.open is True:
        where.append("v.handled_at IS NULL")
    elif flt.open is False:
        where.append("v.handled_at IS NOT NULL")
    if flt.since is not None:
        where.append("v.at >= :since")
        params["since"] = str(flt.since)
    if flt.until is not None:
        where.append("v.at < :until")
        params["until"] = str(flt.until)
    sql = _SELECT
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY v.at DESC, v.id DESC"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = max(0, int(limit))
    return [_row(r) for r in db.execute_sql(sql, params)]


def violations_of(member_id: int) -> list[ViolationRow]:
    """A member's violations in every group, newest first."""
    return list_violations(ViolationFilter(member_id=member_id))


def violation_row(violation_id: int) -> ViolationRow:
    """One violation as a line of the log (for an edit dialog), or ``NotFound``."""
    found = db.execute_sql(
        f"{_SELECT} WHERE v.id = :id", {"no_rule": NO_RULE_POINTS, "id": violation_id}
    )
    row = found.fetchone()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "That violation no longer exists."))
    return _row(row)


def open_count(group_id: int | None = None) -> int:
    """How many violations are still open, in one group or everywhere."""
    query = Violation.select().where(Violation.handled_at.is_null())
    if group_id is not None:
        query = query.where(Violation.group == group_id)
    return int(query.count())
