"""Suggested tasks from group health and helper care, and the tasks a finding's button creates.

``refresh_suggestions`` turns every finding of warning or critical weight that has an action
into an open task of the queue, origin ``"suggested:<code>:<severity>"``, and every helper
overdue for a check-in into one with origin ``"suggested:checkin"``. No duplicates: nothing is
made while an open task with the same code (any severity) for the same group or member exists.
A dismissed suggestion (skipped) stays away for ``DISMISS_DAYS`` days, unless the finding's
severity is now higher than the one written in the dismissed task's origin. "quiet" and
"silent" count as one finding (quiet getting worse becomes silent).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.core import clock, health, health_findings
from app.core.care import care_list, parse_time
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.groups import get_group
from app.core.undo import undoable
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
# English titles by finding code, action, or "helper" (a helper's check-in); the window
# passes translated ones (context "Health") through ``titles``.
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
    "helper": QT_TRANSLATE_NOOP("Health", "Check in with {member}"),
}
PRIORITY = {"critical": 1, "warning": 2}
# codes that are one finding at two severities: a dismissed "quiet" comes back as "silent"
FAMILY = {"quiet": "silent"}


def _title(key: str, titles: dict[str, str] | None, **params: str) -> str:
    template = (titles or {}).get(key) or TITLES[key]
    return template.format(**params)[:200]


def _origin_code(origin: str) -> tuple[str, str]:
    """(code, severity) of a ``suggested:`` origin; severity is "" when not written."""
    parts = origin.split(":")
    code = parts[1] if len(parts) > 1 else ""
    return FAMILY.get(code, code), (parts[2] if len(parts) > 2 else "")


def refresh_suggestions(
    now: datetime | None = None, titles: dict[str, str] | None = None
) -> list[int]:
    """Create the suggested tasks not already open or recently dismissed; their ids."""
    now = now or clock.now()
    since = now - timedelta(days=DISMISS_DAYS)
    open_keys: set[tuple[int | None, int | None, str]] = set()
    dismissed: dict[tuple[int | None, int | None, str], int] = {}
    for group_id, member_id, origin, status, done_at in db.execute_sql(
        "SELECT group_id, member_id, origin, status, done_at FROM task"
        " WHERE origin LIKE 'suggested:%' AND (status = 'open' OR status = 'skipped')"
    ):
        code, severity = _origin_code(origin)
        key = (group_id, member_id, code)
        if status == "open":
            open_keys.add(key)
        elif (parse_time(done_at) or datetime.min) >= since:
            rank = health_findings.RANK.get(severity, health_findings.RANK["critical"])
            dismissed[key] = min(rank, dismissed.get(key, rank))
    rows = []
    for group in health.all_health(now):
        for finding in group.findings:
            if finding.severity not in PRIORITY or finding.action not in ACTION_KINDS:
                continue
            key = (group.group_id, None, FAMILY.get(finding.code, finding.code))
            if key in open_keys:
                continue
            if key in dismissed and health_findings.RANK[finding.severity] >= dismissed[key]:
                continue  # dismissed, and not worse since
            open_keys.add(key)
            rows.append(
                {
                    "title": _title(finding.code, titles, group=group.name),
                    "kind": ACTION_KINDS[finding.action],
                    "group": group.group_id,
                    "member": None,
                    "priority": PRIORITY[finding.severity],
                    "origin": f"suggested:{finding.code}:{finding.severity}",
                    "notes": finding.message[:2000],
                }
            )
    for helper in care_list(now):
        if helper.days_overdue <= 0:
            continue
        key = (None, helper.member_id, "checkin")
        if key in open_keys or key in dismissed:
            continue
        open_keys.add(key)
        rows.append(
            {
                "title": _title("helper", titles, member=helper.name),
                "kind": "checkin",
                "group": None,
                "member": helper.member_id,
                "priority": 2,
                "origin": HELPER_ORIGIN,
                "notes": "",
            }
        )
    ids = []
    with db.atomic():
        for row in rows:
            task = Task.create(due_at=now, created_at=now, status="open", **row)
            ids.append(task.id)
    return ids


@undoable("dismiss_suggestion")
def dismiss_suggestion(task_id: int, now: datetime | None = None) -> None:
    """Turn a suggestion down: skipped now, not suggested again for 14 days unless worse."""
    task = Task.get_or_none(Task.id == task_id)
    if task is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Task #{id} no longer exists."), id=task_id)
    with db.atomic():
        Task.update(status="skipped", done_at=now or clock.now()).where(
            Task.id == task_id
        ).execute()


@undoable("accept_suggestion")
def action_task(
    group_id: int,
    action: str,
    title: str | None = None,
    now: datetime | None = None,
    titles: dict[str, str] | None = None,
) -> int | None:
    """The prefilled task a finding's button creates (origin "health:<action>"); its id.

    None when an equal open task exists: one from the same button, or an open suggestion
    for the group from a finding with the same action.
    """
    if action not in ACTION_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown health action “{value}”; use one of: {choices}."),
            value=action,
            choices=", ".join(ACTION_KINDS),
        )
    group = get_group(group_id)
    now = now or clock.now()
    codes = {f"health:{action}"}
    for (origin,) in db.execute_sql(
        "SELECT origin FROM task WHERE group_id = ? AND status = 'open'"
        " AND (origin = ? OR origin LIKE 'suggested:%')",
        (group_id, f"health:{action}"),
    ):
        if origin in codes or _suggested_action(origin) == action:
            return None
    text = (title or "").strip() or _title(action, titles, group=group.name)
    with db.atomic():
        task = Task.create(
            title=text[:200],
            kind=ACTION_KINDS[action],
            group=group_id,
            due_at=now,
            created_at=now,
            status="open",
            origin=f"health:{action}",
        )
    return task.id


def _suggested_action(origin: str) -> str:
    """The action of the finding a ``suggested:`` origin names, or ""."""
    code, _ = _origin_code(origin)
    return {
        "silent": "topic",
        "quiet": "topic",
        "mostly_silent": "topic",
        "broken_windows": "clear_violations",
        "no_rules": "rules",
        "thin_profile": "profile",
        "no_second_level": "appoint_helper",
        "helpers_stretched": "appoint_helper",
        "helpers_neglected": "checkin",
        "no_meetup": "meetup",
    }.get(code, "")
