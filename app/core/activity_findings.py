"""The findings of group health read from chat history (PRODUCT.md §4b): activity falling, one
voice, the operator's monologue, silent newcomers, ads left standing, and soul figures.

Each needs a group with chat history and enough data (``GroupActivity.enough_data``) and
cites its figures in its sentence and its ``params``; the sentences are marked for
translation in context "Health", as every finding's.
"""

from __future__ import annotations

from typing import Any

from app.core.activity import GroupActivity
from app.core.errors import QT_TRANSLATE_NOOP
from app.core.health_findings import Finding, people_params

CODES = (
    "activity_falling",
    "one_voice",
    "operator_monologue",
    "newcomers_silent",
    "ads_standing",
    "soul_figure",
)
T_FALLING = QT_TRANSLATE_NOOP(
    "Health",
    "Activity falling: {recent} messages a week over the last 4 weeks, against {earlier} in"
    " the 12 weeks before ({percent}%).",
)
T_ONE_VOICE = QT_TRANSLATE_NOOP(
    "Health",
    "One voice: {name} sent {percent}% of the last 30 days' {total} messages — the group"
    " hangs on one person.",
)
T_MONOLOGUE = QT_TRANSLATE_NOOP(
    "Health",
    "Monologue: you sent {percent}% of the last 30 days' {total} messages — the group talks"
    " only when you do.",
)
T_NEWCOMERS = QT_TRANSLATE_NOOP(
    "Health",
    "Newcomers silent: {spoke} of the {joined} members who joined in the last 90 days have"
    " spoken ({percent}%).",
)
T_ADS = QT_TRANSLATE_NOOP(
    "Health",
    "Ads left standing: {messages} ad-like messages in the last {days} days with no"
    " violation logged, from {names}.",
)
T_SOUL = QT_TRANSLATE_NOOP(
    "Health",
    "Soul figures keep the talk going: {names} ({percent}% of the last 30 days' messages),"
    " so the group's rhythm is relaxed.",
)


def _percent(share: float) -> int:
    return round(100 * share)


def _figure(value: float) -> float | int:
    """A weekly average as a person reads it: 20, not 20.0; 12.3 to one decimal."""
    rounded = round(value, 1)
    return int(rounded) if rounded.is_integer() else rounded


def activity_findings(t: dict[str, Any], a: GroupActivity | None) -> list[Finding]:
    """The activity findings of one group (none without chat history or enough data)."""
    if a is None or not a.has_history or not a.enough_data:
        return []
    found: list[Finding] = []
    if a.trend is not None and a.trend <= t["activity_falling_trend"]:
        severity = "critical" if a.trend <= t["activity_collapse_trend"] else "warning"
        params: dict[str, Any] = {
            "recent": _figure(a.recent_weekly),
            "earlier": _figure(a.earlier_weekly),
            "percent": _percent(a.trend),
            "trend": round(a.trend, 3),
        }
        found.append(Finding("activity_falling", severity, T_FALLING, params, "topic"))
    top = a.top_speakers[0] if a.top_speakers else None
    if top is not None and top.share > t["one_voice_share"]:
        params = {
            "member_id": top.member_id,
            "name": top.name,
            "messages": top.messages_30d,
            "total": a.messages_30d,
            "percent": _percent(top.share),
        }
        found.append(Finding("one_voice", "warning", T_ONE_VOICE, params, "topic"))
    share = a.operator_share_30d
    if share is not None and share > t["operator_monologue_share"]:
        params = {
            "messages": a.operator_messages_30d,
            "total": a.messages_30d,
            "percent": _percent(share),
        }
        found.append(
            Finding("operator_monologue", "warning", T_MONOLOGUE, params, "appoint_helper")
        )
    spoke = a.newcomers_speaking_share
    if (
        spoke is not None
        and a.newcomers_count >= t["newcomers_min"]
        and spoke < t["newcomers_speaking_share"]
    ):
        params = {
            "joined": a.newcomers_count,
            "spoke": a.newcomers_spoke,
            "percent": _percent(spoke),
        }
        found.append(
            Finding("newcomers_silent", "warning", T_NEWCOMERS, params, "welcome_newcomers")
        )
    standing = a.ads_standing
    if standing:
        senders = list(dict.fromkeys(ad.name for ad in standing))
        params = {
            "messages": len(standing),
            "days": t["ads_standing_days"],
            "ads": tuple(
                {
                    "message_id": ad.message_id,
                    "member_id": ad.member_id,
                    "name": ad.name,
                    "sent_at": ad.sent_at.isoformat(" "),
                    "excerpt": ad.excerpt,
                }
                for ad in standing
            ),
            **people_params(senders),
        }
        found.append(Finding("ads_standing", "critical", T_ADS, params, "log_ads"))
    if a.soul_figures:
        params = {
            "member_ids": tuple(s.member_id for s in a.soul_figures),
            "percent": _percent(sum(s.share for s in a.soul_figures)),
            **people_params([s.name for s in a.soul_figures]),
        }
        found.append(Finding("soul_figure", "good", T_SOUL, params, "star_helpers"))
    return found
