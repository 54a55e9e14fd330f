"""Suggestions becoming tasks: today's plan filled, one accepted, one turned down.

A suggestion is stored as a task only when it enters today's plan (``refresh_suggestions``: at
most the plan's free places, never more than ``daily_plan_size`` a day) or the operator accepts
it from "More suggestions"; it falls due at the working hour, never "now". The rest stay a list
computed on demand (``suggestions.candidates``).
"""

from __future__ import annotations

from datetime import datetime

from app.core import clock, daily_plan
from app.core.errors import QT_TRANSLATE_NOOP, NotFound, ValidationError
from app.core.generated_text import sentence
from app.core.health_findings import HEALTH_CONTEXT
from app.core.suggestions import Suggestion, candidates
from app.core.undo import task_title, undoable
from app.store.models import Task, db


def _create(
    chosen: list[Suggestion], now: datetime, origin_suffix: str = "", planned: bool = False
) -> list[int]:
    """The suggestions as tasks due at the working hour; skipped records with a suffix."""
    due = daily_plan.suggestion_due(now)
    ids = []
    with db.atomic():
        for s in chosen:
            task = Task.create(
                title=s.title,
                kind=s.kind,
                group=s.group_id,
                member=s.member_id,
                priority=s.priority,
                origin=s.origin + origin_suffix,
                notes=sentence(HEALTH_CONTEXT, s.reason.template, s.reason.params),
                due_at=due,
                created_at=now,
                status="open" if not origin_suffix else "skipped",
                done_at=now if origin_suffix else None,
                planned_at=now if planned else None,
            )
            ids.append(task.id)
    return ids


def refresh_suggestions(now: datetime | None = None) -> list[int]:
    """Fill today's plan: the tasks due, then the top suggestions as tasks, as many as it has
    room for; the new tasks' ids."""
    now = now or clock.now()
    room = daily_plan.room(now)
    if room <= 0:
        return []
    return _create(candidates(now)[:room], now, planned=True)


def _find(key: str, now: datetime) -> Suggestion:
    for suggestion in candidates(now):
        if suggestion.key == key:
            return suggestion
    raise ValidationError(
        QT_TRANSLATE_NOOP("Errors", "This suggestion is no longer open; look at the list again.")
    )


@undoable("accept_suggestion", result_detail=task_title)
def accept_suggestion(key: str, now: datetime | None = None) -> int:
    """Make the suggestion ``key`` a task of the queue, due at the working hour; its id."""
    now = now or clock.now()
    [task_id] = _create([_find(key, now)], now)
    return task_id


@undoable("dismiss_suggestion", result_detail=task_title)
def dismiss_candidate(key: str, now: datetime | None = None) -> int:
    """Turn down a suggestion that is no task: not suggested again for 14 days unless worse.

    It is remembered as a skipped task whose origin ends in ":dismissed" (never in the plan);
    its id.
    """
    now = now or clock.now()
    [task_id] = _create([_find(key, now)], now, daily_plan.DISMISSED_SUFFIX)
    return task_id


@undoable("dismiss_suggestion", detail=task_title)
def dismiss_suggestion(task_id: int, now: datetime | None = None) -> None:
    """Turn down a suggested task: skipped now, not suggested again for 14 days unless worse."""
    task = Task.get_or_none(Task.id == task_id)
    if task is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "Task #{id} no longer exists."), id=task_id)
    with db.atomic():
        Task.update(status="skipped", done_at=now or clock.now()).where(
            Task.id == task_id
        ).execute()
