"""``huoqun activity``: what each group's chat history says (PRODUCT.md §4b), as lines or JSON."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.opened_database import opened
from app.cli.words import Cli
from app.core.errors import QT_TRANSLATE_NOOP

QUIET_SHOWN = 5  # the lines name this many who went quiet, most active first


def run_activity(args: argparse.Namespace) -> int:
    """Print the activity of every group with chat history (or the one named)."""
    import json

    from app.core import activity
    from app.core.errors import ValidationError
    from app.core.groups import find_group

    if not args.db.is_file():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "{path} does not exist; there is no community to check."),
            path=str(args.db),
        )
    with opened(args.db):
        only = None
        if args.group is not None:
            group = find_group(args.group.strip())
            if group is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Errors", "There is no group named “{name}”."),
                    name=args.group,
                )
            only = [group.id]
        found = activity.group_activity(only)
        shown = sorted(
            (a for a in found.values() if a.has_history), key=lambda a: (a.name, a.group_id)
        )
    if args.json:
        print(json.dumps([as_json(a) for a in shown], ensure_ascii=False, indent=2))
        return 0
    if not shown:
        print(Cli.tr("No group has chat history yet: import one with huoqun import-chat."))
    for a in shown:
        print_group(a)
    return 0


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def as_json(a: Any) -> dict[str, Any]:
    """One group's activity with the keys of issue #19 (lists of members give id and name)."""
    return {
        "group": a.name,
        "members": a.members,
        "messages_30d": a.messages_30d,
        "speakers_30d": a.speakers_30d,
        "speaking_share": _share(a.speaking_share),
        "trend": _share(a.trend),
        "weekly": [
            {
                "week_start": w.week_start.isoformat(),
                "messages": w.messages,
                "speakers": w.speakers,
                "operator_messages": w.operator_messages,
            }
            for w in a.weekly
        ],
        "soul_figures": [
            {"id": s.member_id, "name": s.name, "messages_30d": s.messages_30d, "days": s.days}
            for s in a.soul_figures
        ],
        "went_quiet": [
            {"id": q.member_id, "name": q.name, "messages_before": q.messages_before}
            for q in a.went_quiet
        ],
        "newcomers_90d": [
            {
                "id": n.member_id,
                "name": n.name,
                "joined": n.joined_at.isoformat(" "),
                "spoke": n.spoke,
            }
            for n in a.newcomers_90d
        ],  # fmt: skip
        "newcomers_speaking_share": _share(a.newcomers_speaking_share),
        "ad_like_14d": [
            {
                "id": ad.member_id,
                "name": ad.name,
                "message_id": ad.message_id,
                "sent_at": ad.sent_at.isoformat(" "),
                "excerpt": ad.excerpt,
                "violation_logged": ad.violation_logged,
            }
            for ad in a.ad_like_14d
        ],
    }


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(100 * value)}%"


def print_group(a: Any) -> None:
    """A group's figures in a few lines."""
    print(a.name)
    trend = "—" if a.trend is None else f"{a.trend:.2f}"
    print(
        "  "
        + Cli.tr(
            "{messages} messages in 30 days, {speakers} of {members} members spoke ({share})"
        ).format(
            messages=a.messages_30d,
            speakers=a.speakers_30d,
            members=a.members,
            share=_percent(a.speaking_share),
        )
    )
    print(
        "  "
        + Cli.tr("per week: {recent} lately, {earlier} before; trend {trend}").format(
            recent=round(a.recent_weekly, 1), earlier=round(a.earlier_weekly, 1), trend=trend
        )
    )
    if not a.enough_data:
        print("  " + Cli.tr("Not enough messages yet to judge the group's activity."))
    if a.soul_figures:
        names = "、".join(s.name for s in a.soul_figures)
        print("  " + Cli.tr("Soul figures: {names}").format(names=names))
    if a.went_quiet:
        names = "、".join(f"{q.name} ({q.messages_before})" for q in a.went_quiet[:QUIET_SHOWN])
        print("  " + Cli.tr("Went quiet (%n): ", "", len(a.went_quiet)) + names)
    if a.newcomers_count:
        print(
            "  "
            + Cli.tr("Newcomers in 90 days: {joined}, of them spoke: {spoke}").format(
                joined=a.newcomers_count, spoke=a.newcomers_spoke
            )
        )
    standing = a.ads_standing
    if standing:
        print("  " + Cli.tr("Ad-like messages with no violation logged: %n", "", len(standing)))
        for ad in standing:
            print(f"    {ad.name}: {ad.excerpt}")
