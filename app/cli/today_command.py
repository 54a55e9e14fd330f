"""``huoqun today``: today's plan as the window shows it, as lines or JSON, with the counts."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.opened_database import opened
from app.cli.words import Cli
from app.core.errors import QT_TRANSLATE_NOOP


def run_today(args: argparse.Namespace) -> int:
    """Fill today's plan as the window's start does, then print it and the counts."""
    import json

    from app.cli.words import generated
    from app.core import clock, suggested_tasks, today_plan
    from app.core.errors import ValidationError

    if not args.db.is_file():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{path} does not exist; there is no community to check."),
            path=str(args.db),
        )
    with opened(args.db):
        suggested_tasks.refresh_suggestions()
        plan = today_plan.today_plan()
    items = [
        {
            "kind": item.kind,
            "title": generated(item.title_key, item.title_args, item.title),
            "group": item.group_name or None,
            "member": item.member_name or None,
            "due": None if item.due is None else clock.to_local(item.due).isoformat(),
            "reason": _reason(item.reason),
            "suggestion": item.suggestion,
            "done": item.done,
            "overdue": item.overdue,
            "action": item.action,
        }
        for item in plan.items
    ]
    counts = {
        "open_tasks": plan.open_tasks,
        "overdue": plan.overdue,
        "suggestions_available": len(plan.available),
    }
    if args.json:
        print(json.dumps({"items": items, "counts": counts}, ensure_ascii=False, indent=2))
        return 0
    print(Cli.tr("Today's plan: %n item(s)", "", len(items)))
    for item, shown in zip(plan.items, items, strict=True):
        mark = "☑" if item.done else "☐"
        due = " " * 11 if item.due is None else clock.to_local(item.due).strftime("%m-%d %H:%M")
        where = item.group_name or item.member_name
        tail = f" · {where}" if where and where not in shown["title"] else ""
        print(f"{mark} {due}  {shown['title']}{tail}")
        print(f"{' ' * 15}{shown['reason']}")
    print(
        Cli.tr("{open} · {overdue} · {available}").format(
            open=Cli.tr("%n open task(s)", "", counts["open_tasks"]),
            overdue=Cli.tr("%n overdue", "", counts["overdue"]),
            available=Cli.tr("%n more suggestion(s)", "", counts["suggestions_available"]),
        )
    )
    return 0


def _reason(finding: Any) -> str:
    """A reason's sentence in the interface language."""
    from app.cli.words import sentence

    return sentence("Health", finding.template, finding.params)
