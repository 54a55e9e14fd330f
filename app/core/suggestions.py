"""Suggestions from group health and helper care, ranked by impact; the tasks they become.

A suggestion is every finding of warning or critical weight that has an action (origin
``"suggested:<code>:<severity>"``), and every helper overdue for a check-in, one per helper
across all their groups, naming the groups (origin ``"suggested:checkin"``). The per-group
"helpers_neglected" finding is never also suggested: the per-helper check-ins cover the same
people, one task each (PRODUCT.md §3, Queue). Suggestions are ranked by impact (``impact``).

Suggestions are computed on demand and stored as tasks only when they enter today's plan
(``refresh_suggestions``: at most the plan's free places, never more than ``daily_plan_size``
a day) or the operator accepts one; they fall due at the working hour, never "now". No
duplicates: nothing is suggested while an open task with the same code (any severity) for the
same group or member exists, an open task from the finding's button in the group, or an open
check-in task with the helper. A dismissed suggestion, or one done while its finding stays
(the violations still open after "Clear the open violations"), stays away for
``DISMISS_DAYS`` days, unless the finding's severity is now higher than the one written in
the task's origin. "quiet" and "silent" count as one finding (quiet getting worse becomes silent);
so does "activity_falling" (both ask for a topic: one suggestion per group).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from app.core import clock, daily_plan, health, health_findings, violations
from app.core.activity import falling_factor
from app.core.care import CareRow, care_list, parse_time
from app.core.errors import QT_TRANSLATE_NOOP
from app.core.generated_text import HEALTH, Generated
from app.core.health import GroupHealth
from app.core.health_findings import Finding
from app.store.models import Task, db

DISMISS_DAYS = 14
HELPER_ORIGIN = "suggested:checkin"
# a finding's action → the task kind it creates
ACTION_KINDS = {
    "topic": "topic",
    "profile": "profile",
    "checkin": "checkin",
    "meetup": "meetup_prep",
    "clear_violations": "spam_sweep",
    "rules": "custom",
    "appoint_helper": "custom",
}
# Titles by finding code, action, or "helper" (a helper's check-in): a task stores the key
# ("health.<key>", see core.generated_text) and its parameters, and is shown in the interface
# language (context "Health"). A key added here needs nothing else.
TITLES = {
    "silent": QT_TRANSLATE_NOOP("Health", "Start a topic discussion in {group}"),
    "quiet": QT_TRANSLATE_NOOP("Health", "Start a topic discussion in {group}"),
    "mostly_silent": QT_TRANSLATE_NOOP("Health", "Wake up the silent members of {group}"),
    "broken_windows": QT_TRANSLATE_NOOP("Health", "Clear the open violations in {group}"),
    "no_rules": QT_TRANSLATE_NOOP("Health", "Write rules for {group}"),
    "thin_profile": QT_TRANSLATE_NOOP("Health", "Fill in the profile of {group}"),
    "no_second_level": QT_TRANSLATE_NOOP("Health", "Appoint a helper in {group}"),
    "helpers_stretched": QT_TRANSLATE_NOOP("Health", "Appoint another helper in {group}"),
    "helpers_neglected": QT_TRANSLATE_NOOP("Health", "Check in with the helpers of {group}"),
    "no_meetup": QT_TRANSLATE_NOOP("Health", "Plan a meetup with {group}"),
    "topic": QT_TRANSLATE_NOOP("Health", "Start a topic discussion in {group}"),
    "rules": QT_TRANSLATE_NOOP("Health", "Write rules for {group}"),
    "profile": QT_TRANSLATE_NOOP("Health", "Fill in the profile of {group}"),
    "appoint_helper": QT_TRANSLATE_NOOP("Health", "Appoint a helper in {group}"),
    "checkin": QT_TRANSLATE_NOOP("Health", "Check in with the helpers of {group}"),
    "meetup": QT_TRANSLATE_NOOP("Health", "Plan a meetup with {group}"),
    "clear_violations": QT_TRANSLATE_NOOP("Health", "Clear the open violations in {group}"),
    # from chat history (issue #19)
    "activity_falling": QT_TRANSLATE_NOOP("Health", "Start a topic discussion in {group}"),
    "one_voice": QT_TRANSLATE_NOOP("Health", "Bring more voices into {group}"),
    "operator_monologue": QT_TRANSLATE_NOOP(
        "Health", "Appoint a helper to carry the talk in {group}"
    ),
    "helper": QT_TRANSLATE_NOOP("Health", "Check in with {member}"),
    "helper_groups": QT_TRANSLATE_NOOP("Health", "Check in with {member} ({groups})"),
}
# why a helper's check-in is suggested: the reason line of the plan (context "Health")
T_HELPER_LATE = QT_TRANSLATE_NOOP(
    "Health", "Last contacted {days} days ago — the rhythm for {tier} is every {cadence} days."
)
T_HELPER_NEVER = QT_TRANSLATE_NOOP(
    "Health",
    "Never contacted (helper since {since}) — the rhythm for {tier} is every {cadence} days.",
)
NOT_SUGGESTED = {"helpers_neglected"}  # the per-helper check-ins stand for it
GROUPS_NAMED = 3  # a helper's check-in names this many groups, then "…"
PRIORITY = {"critical": 1, "warning": 2}
# codes that are one finding at two severities (a dismissed "quiet" comes back as "silent"),
# or the same advice from the chat history (a falling group needs the topic a silent one
# does): one suggestion per group and family, dismissed together
FAMILY = {"quiet": "silent", "activity_falling": "silent"}


def title_for(key: str, **params: str) -> Generated:
    """The title of ``TITLES[key]``: English, carrying the key and ``params`` that the task
    stores; the window shows it in its language."""
    return Generated(f"{HEALTH}.{key}", **params)


def _origin_code(origin: str) -> tuple[str, str]:
    """(code, severity) of a ``suggested:`` origin; severity is "" when not written."""
    parts = origin.removesuffix(daily_plan.DISMISSED_SUFFIX).split(":")
    code = parts[1] if len(parts) > 1 else ""
    return FAMILY.get(code, code), (parts[2] if len(parts) > 2 else "")


@dataclass(frozen=True)
class Suggestion:
    """A task Huoqun would suggest, with why and how much it matters; a task only once it is
    planned or accepted."""

    code: str  # the finding's code, or "checkin" for a helper's check-in
    severity: str
    group_id: int | None
    group_name: str
    member_id: int | None
    member_name: str
    title: str  # a ``Generated``: English, carrying ``title_key`` and ``title_params``
    title_key: str  # a key of TITLES
    title_params: dict[str, str]
    kind: str
    priority: int
    origin: str
    reason: Finding  # the one-line why, translated in context "Health"
    impact: float

    @property
    def key(self) -> str:
        """The same for every suggestion of this finding for this group (or this helper)."""
        return _key_text((self.group_id, self.member_id, FAMILY.get(self.code, self.code)))


Key = tuple[int | None, int | None, str]


def _key_text(key: Key) -> str:
    group_id, member_id, code = key
    return f"{group_id or ''}:{member_id or ''}:{code}"


def task_key(group_id: int | None, member_id: int | None, origin: str) -> str:
    """The ``Suggestion.key`` a suggested task of this origin, group and member was made from."""
    code, _severity = _origin_code(origin)
    return _key_text((group_id, member_id, code))


def steady(_group_id: int | None) -> float:
    """How fast a group is falling, as a factor of its impact: 1 until chat history shows its
    activity trend (a later issue replaces this hook)."""
    return 1.0


def impact(severity: str, members: int, trend: float = 1.0) -> float:
    """Severity weight × the group's size on a log scale × how fast it is falling."""
    return health_findings.WEIGHTS[severity] * math.log10(members + 10) * trend


def ranked(
    now: datetime | None = None,
    trend: Callable[[int | None], float] = steady,
    groups: list[GroupHealth] | None = None,
    helpers: list[CareRow] | None = None,
) -> list[Suggestion]:
    """Every suggestion the data calls for, open or not, most impact first.

    ``groups`` and ``helpers`` are ``health.all_health`` and ``care.care_list`` when the
    caller has them already.
    """
    now = now or clock.now()
    found: list[Suggestion] = []
    sizes: dict[int, int] = {}
    groups = health.all_health(now) if groups is None else groups
    if trend is steady:  # how fast each group's chat is falling (issue #19)
        factors = {
            g.group_id: falling_factor(g.activity.trend if g.activity else None) for g in groups
        }
        trend = lambda gid: factors.get(gid or 0, 1.0)  # noqa: E731
    for group in groups:
        sizes[group.group_id] = group.members
        for finding in group.findings:
            if (
                finding.severity not in PRIORITY
                or finding.action not in ACTION_KINDS
                or finding.code in NOT_SUGGESTED
            ):
                continue
            found.append(
                Suggestion(
                    code=finding.code,
                    severity=finding.severity,
                    group_id=group.group_id,
                    group_name=group.name,
                    member_id=None,
                    member_name="",
                    title=title_for(finding.code, group=group.name),
                    title_key=finding.code,
                    title_params={"group": group.name},
                    kind=ACTION_KINDS[finding.action],
                    priority=PRIORITY[finding.severity],
                    origin=f"suggested:{finding.code}:{finding.severity}",
                    reason=finding,
                    impact=impact(finding.severity, group.members, trend(group.group_id)),
                )
            )
    for helper in care_list(now) if helpers is None else helpers:
        if helper.days_overdue > 0:
            found.append(_helper_suggestion(helper, sizes, trend))
    found.sort(key=lambda s: (-s.impact, health_findings.RANK[s.severity], s.title))
    return found


def _helper_suggestion(
    helper: CareRow,
    sizes: dict[int, int],
    trend: Callable[[int | None], float],
) -> Suggestion:
    """A helper's one check-in, weighed by the largest of their groups."""
    names = helper.groups.split("、") if helper.groups else []
    shown = "、".join(names[:GROUPS_NAMED]) + ("…" if len(names) > GROUPS_NAMED else "")
    key = "helper_groups" if shown else "helper"
    title_params = {"member": helper.name, "groups": shown} if shown else {"member": helper.name}
    params: dict[str, Any] = {"cadence": helper.cadence_days, "tier": helper.tier}
    if helper.last_contacted is None and helper.helper_since is not None:
        reason = Finding("checkin", "warning", T_HELPER_NEVER, params, "checkin")
        params["since"] = clock.to_local(helper.helper_since).strftime("%m-%d")
    else:
        reason = Finding("checkin", "warning", T_HELPER_LATE, params, "checkin")
        params["days"] = helper.cadence_days + helper.days_overdue
    biggest = max((sizes.get(g, 0) for g in helper.group_ids), default=0)
    largest = max(helper.group_ids, key=lambda g: sizes.get(g, 0), default=None)
    return Suggestion(
        code="checkin",
        severity="warning",
        group_id=None,
        group_name=shown,
        member_id=helper.member_id,
        member_name=helper.name,
        title=title_for(key, **title_params),
        title_key=key,
        title_params=title_params,
        kind="checkin",
        priority=2,
        origin=HELPER_ORIGIN,
        reason=reason,
        impact=impact("warning", biggest, trend(largest)) + helper.days_overdue / 1000,
    )


def available(found: list[Suggestion], now: datetime | None = None) -> list[Suggestion]:
    """Those of ``found`` not open already, nor dismissed or done lately (unless worse). One
    query."""
    now = now or clock.now()
    since = now - timedelta(days=DISMISS_DAYS)
    open_keys: set[Key] = set()
    dismissed: dict[Key, int] = {}
    for group_id, member_id, origin, status, done_at, kind in db.execute_sql(
        "SELECT group_id, member_id, origin, status, done_at, kind FROM task"
        " WHERE (status = 'open' AND (origin LIKE 'suggested:%' OR origin LIKE 'health:%'"
        "  OR (kind = 'checkin' AND member_id IS NOT NULL)))"
        " OR (status IN ('skipped', 'done') AND origin LIKE 'suggested:%')"
    ):
        if status == "open" and origin.startswith("health:"):
            open_keys.add((group_id, None, "action:" + origin.removeprefix("health:")))
            continue
        if status == "open" and kind == "checkin" and member_id is not None:
            open_keys.add((None, member_id, "checkin"))
        if not origin.startswith("suggested:"):
            continue
        code, severity = _origin_code(origin)
        key = (group_id, member_id, code)
        if status == "open":
            open_keys.add(key)
        elif (parse_time(done_at) or datetime.min) >= since:
            rank = health_findings.RANK.get(severity, health_findings.RANK["critical"])
            dismissed[key] = min(rank, dismissed.get(key, rank))
    out = []
    taken: set[Key] = set()
    for suggestion in found:
        key = (
            suggestion.group_id,
            suggestion.member_id,
            FAMILY.get(suggestion.code, suggestion.code),
        )
        action = (suggestion.group_id, None, "action:" + suggestion.reason.action)
        if key in open_keys or key in taken or action in open_keys:
            continue
        if key in dismissed and (
            suggestion.member_id is not None
            or health_findings.RANK[suggestion.severity] >= dismissed[key]
        ):
            continue  # dismissed, and not worse since
        taken.add(key)
        out.append(suggestion)
    return out


def candidates(now: datetime | None = None) -> list[Suggestion]:
    """The suggestions not yet tasks, most impact first: "More suggestions"."""
    now = now or clock.now()
    return available(ranked(now), now)


def suggested_action(origin: str) -> str:
    """The action of the finding a ``suggested:`` origin names, or ""."""
    code, _ = _origin_code(origin)
    return {
        "silent": "topic",
        "quiet": "topic",
        "mostly_silent": "topic",
        "activity_falling": "topic",
        "one_voice": "topic",
        "operator_monologue": "appoint_helper",
        "broken_windows": "clear_violations",
        "no_rules": "rules",
        "thin_profile": "profile",
        "no_second_level": "appoint_helper",
        "helpers_stretched": "appoint_helper",
        "helpers_neglected": "checkin",
        "no_meetup": "meetup",
    }.get(code, "")


def clears_violations(origin: str) -> bool:
    """Whether a task of this origin asks to clear a group's open violations (a suggestion of
    "broken windows", or the finding's button)."""
    return origin == "health:clear_violations" or suggested_action(origin) == "clear_violations"


def violations_left(task: Task) -> int:
    """How many violations are still open in the group of a "Clear the open violations" task;
    0 for any other task. Completing it does not handle them: the violation log does."""
    if task.group_id is None or not clears_violations(task.origin):
        return 0
    return violations.open_count(task.group_id)
