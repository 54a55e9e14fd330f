"""What group health looks for (PRODUCT.md §4): the findings, their sentences, the score.

Each finding carries an English sentence marked for translation in context "Health" (the
window translates ``template`` and fills ``params``) and the action its button takes. The
numbers they are found from are gathered in ``health``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.core import clock
from app.core.errors import QT_TRANSLATE_NOOP
from app.core.groups import SELF_SUSTAINING_KINDS

HEALTH_CONTEXT = "Health"
WEIGHTS = {"critical": 30, "warning": 10, "info": 3, "good": 0}
SEVERITIES = ("critical", "warning", "info")
RANK = {"critical": 0, "warning": 1, "info": 2, "good": 3}
STATUSES = ("alive", "attention", "dying")
# A status in words (translated in context "Health"): 健康 / 需关注 / 濒危. Not "活跃" (Active),
# which names a tier.
STATUS_WORDS = {
    "alive": QT_TRANSLATE_NOOP("Health", "Healthy"),
    "attention": QT_TRANSLATE_NOOP("Health", "Needs attention"),
    "dying": QT_TRANSLATE_NOOP("Health", "Dying"),
}
CODES = (
    "silent",
    "quiet",
    "broken_windows",
    "no_rules",
    "thin_profile",
    "no_second_level",
    "helpers_stretched",
    "helpers_neglected",
    "mostly_silent",
    "no_meetup",
    "self_sustaining",
    # from chat history (PRODUCT.md §4b, ``activity_findings``)
    "activity_falling",
    "one_voice",
    "operator_monologue",
    "newcomers_silent",
    "ads_standing",
    "soul_figure",
)
ACTIONS = (
    "topic",
    "rules",
    "profile",
    "appoint_helper",
    "checkin",
    "meetup",
    "clear_violations",
    # from chat history: carried out in the window (the Activity tab)
    "welcome_newcomers",
    "log_ads",
    "star_helpers",
    "",
)
MIN_SPOKE_DATA = 10  # members with a last-spoke date before "mostly silent" is judged
NAMES_SHOWN = 5  # a sentence names this many people, then says how many more


T_SILENT = QT_TRANSLATE_NOOP(
    "Health", "No interaction for {days} days — this group's rhythm is every {cadence} days."
)
T_SILENT_NEVER = QT_TRANSLATE_NOOP(
    "Health",
    "No interaction in the {days} days since the group was added — its rhythm is {cadence} days.",
)
T_QUIET = QT_TRANSLATE_NOOP(
    "Health", "Quiet for {days} days — this group's rhythm is every {cadence} days."
)
T_OPEN_VIOLATIONS = QT_TRANSLATE_NOOP(
    "Health", "Violations open for more than {days} days: {count}."
)
T_BANNED_IN = QT_TRANSLATE_NOOP("Health", "Banned members still in the group: {banned}.")
T_BOTH_WINDOWS = QT_TRANSLATE_NOOP(
    "Health", "Violations open over {days} days: {count}; banned members still in: {banned}."
)
T_NO_RULES = QT_TRANSLATE_NOOP("Health", "The group has adopted no rules.")
T_NO_DESCRIPTION = QT_TRANSLATE_NOOP("Health", "The group's description is empty.")
T_NO_ANNOUNCEMENT = QT_TRANSLATE_NOOP("Health", "The group's announcement is empty.")
T_NO_PROFILE = QT_TRANSLATE_NOOP("Health", "The group's description and announcement are empty.")
T_NO_SECOND_LEVEL = QT_TRANSLATE_NOOP(
    "Health", "{members} members and no helper — the group needs a second level."
)
T_STRETCHED = QT_TRANSLATE_NOOP(
    "Health", "{per_helper} members per helper — the target is at most {target}."
)
T_NEGLECTED = QT_TRANSLATE_NOOP("Health", "Helpers not contacted for {days} days or more: {names}.")
T_MOSTLY_SILENT = QT_TRANSLATE_NOOP(
    "Health", "{percent}% of the members have not spoken for {days} days."
)
T_NO_MEETUP = QT_TRANSLATE_NOOP("Health", "No meetup with this group in {days} days.")
T_STAR = QT_TRANSLATE_NOOP(
    "Health", "Self-sustaining: a star member is in the group, so its rhythm is relaxed."
)
T_KIND = QT_TRANSLATE_NOOP(
    "Health", "Self-sustaining: this kind of group keeps itself going, so its rhythm is relaxed."
)


@dataclass(frozen=True)
class Finding:
    """Something §4 looks for, found in a group, with the sentence and the suggested action."""

    code: str
    severity: str  # "critical", "warning", "info" or "good"
    template: str  # English, translated in context "Health"
    params: dict[str, Any] = field(default_factory=dict)
    action: str = ""

    @property
    def message(self) -> str:
        """The English sentence."""
        return self.template.format(**self.params)

    @property
    def weight(self) -> int:
        """The points this finding takes off the score."""
        return WEIGHTS[self.severity]


def people_params(names: list[str]) -> dict[str, Any]:
    """A finding's params naming people: all of them, and the first few for its sentence.

    ``people`` holds every name (the window lists them on request); ``names`` is what the
    English sentence shows: five names, then "and 245 more". The window words that tail in
    its own language from ``count`` (see ``health_tab.finding_text``).
    """
    shown = "、".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return {
        "count": len(names),
        "people": tuple(names),
        "names": f"{shown} and {more} more" if more > 0 else shown,
    }


def status_for(score: int) -> str:
    """The status of a score: 80+ alive, 50–79 attention, below 50 dying."""
    if score >= 80:
        return "alive"
    if score >= 50:
        return "attention"
    return "dying"


def score_for(findings: tuple[Finding, ...] | list[Finding]) -> int:
    """100 minus 30 per critical, 10 per warning and 3 per info, clamped to 0–100."""
    return max(0, min(100, 100 - sum(f.weight for f in findings)))


def findings_for(t: dict[str, Any], now: datetime, **g: Any) -> tuple[Finding, ...]:
    """The findings of one group from its aggregates."""
    found: list[Finding] = list(g.get("activity") or ())  # from chat history, if any
    members, helpers, stars, banned, spoke_known, spoke_silent = g["counts"]
    cadence = int(g["cadence"] or t["group_cadence_days"])
    if stars:
        found.append(Finding("self_sustaining", "good", T_STAR, {}, ""))
    elif g["kind"] in SELF_SUSTAINING_KINDS:
        found.append(Finding("self_sustaining", "good", T_KIND, {"kind": g["kind"]}, ""))
    # self-sustaining (§1.3): a star member, the kind of group, or a soul figure in its chat
    relaxed = any(f.code in ("self_sustaining", "soul_figure") for f in found)
    quiet_after = cadence * 2 if relaxed else cadence
    days = clock.days_between(g["last"] or g["created"], now)
    params = {"days": days, "cadence": quiet_after}
    if days > t["silence_multiplier"] * quiet_after:
        template = T_SILENT if g["last"] else T_SILENT_NEVER
        found.append(Finding("silent", "critical", template, params, "topic"))
    elif days > quiet_after:
        found.append(Finding("quiet", "warning", T_QUIET, params, "topic"))
    if g["open_violations"] or banned:
        template = (
            T_BOTH_WINDOWS
            if g["open_violations"] and banned
            else T_OPEN_VIOLATIONS
            if g["open_violations"]
            else T_BANNED_IN
        )
        params = {"days": t["open_violation_days"], "count": g["open_violations"], "banned": banned}
        found.append(Finding("broken_windows", "critical", template, params, "clear_violations"))
    if not g["rules"]:
        found.append(Finding("no_rules", "warning", T_NO_RULES, {}, "rules"))
    no_description = not (g["description"] or "").strip()
    no_announcement = not (g["announcement"] or "").strip()
    if no_description or no_announcement:
        template = (
            T_NO_PROFILE
            if no_description and no_announcement
            else T_NO_DESCRIPTION
            if no_description
            else T_NO_ANNOUNCEMENT
        )
        found.append(Finding("thin_profile", "warning", template, {}, "profile"))
    if members > t["second_level_min_members"] and not helpers:
        params = {"members": members}
        found.append(
            Finding("no_second_level", "warning", T_NO_SECOND_LEVEL, params, "appoint_helper")
        )
    elif helpers and members / helpers > t["helper_span_target"]:
        params = {"per_helper": round(members / helpers), "target": t["helper_span_target"]}
        found.append(Finding("helpers_stretched", "warning", T_STRETCHED, params, "appoint_helper"))
    if g["neglected"]:
        params = {"days": t["helper_neglect_days"], **people_params(g["neglected"])}
        found.append(Finding("helpers_neglected", "warning", T_NEGLECTED, params, "checkin"))
    if spoke_known >= MIN_SPOKE_DATA and spoke_silent / spoke_known > t["silent_members_share"]:
        params = {
            "percent": round(100 * spoke_silent / spoke_known),
            "days": t["silent_members_days"],
        }
        found.append(Finding("mostly_silent", "warning", T_MOSTLY_SILENT, params, "topic"))
    if not g["meetups"]:
        params = {"days": t["meetup_window_days"]}
        found.append(Finding("no_meetup", "info", T_NO_MEETUP, params, "meetup"))
    found.sort(key=lambda f: (RANK[f.severity], CODES.index(f.code)))
    return tuple(found)
